import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  readDefaultBranch,
  readRunnerFacts
} from "./shared-sources-runner.js";
import "./shared-runtime-0c5c01c9.js";
export {
  readDefaultBranch,
  readRunnerFacts
};
