import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  readDefaultBranch,
  readRunnerFacts
} from "./shared-sources-runner.js";
import "./shared-runtime-743fa606.js";
export {
  readDefaultBranch,
  readRunnerFacts
};
