import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);

// src/workflows/limits.ts
var DEFAULT_LIMITS = {
  fileBytes: 1024 * 1024,
  files: 200,
  instancesPerJob: 256,
  callDepth: 9,
  actionDepth: 10,
  yamlNodes: 2e5,
  stepsPerInstance: 1e3,
  steps: 2e5,
  readMs: 12e4
};
function limitsWith(overrides) {
  return { ...DEFAULT_LIMITS, ...overrides };
}
var ENTERPRISE_SERVER_CALL_DEPTH = 3;
function limitsForApi(apiUrl) {
  if (!apiUrl) return {};
  let host;
  try {
    host = new URL(apiUrl).hostname.toLowerCase();
  } catch {
    return {};
  }
  const cloud = host === "api.github.com" || host.endsWith(".ghe.com");
  return cloud ? {} : { callDepth: ENTERPRISE_SERVER_CALL_DEPTH };
}

export {
  DEFAULT_LIMITS,
  limitsWith,
  limitsForApi
};
