import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);

// src/workflows/limits.ts
var DEFAULT_LIMITS = {
  fileBytes: 1024 * 1024,
  files: 200,
  instancesPerJob: 256,
  callDepth: 3,
  actionDepth: 10,
  yamlNodes: 2e5,
  stepsPerInstance: 1e3,
  steps: 2e5
};
function limitsWith(overrides) {
  return { ...DEFAULT_LIMITS, ...overrides };
}

export {
  limitsWith
};
