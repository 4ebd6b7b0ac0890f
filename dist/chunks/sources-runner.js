import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  readDefaultBranch,
  readRunnerFacts
} from "./shared-sources-runner.js";
import "./shared-runtime-efb0f0b2.js";
export {
  readDefaultBranch,
  readRunnerFacts
};
