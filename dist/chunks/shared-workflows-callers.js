import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);

// src/workflows/callers.ts
function calledByLabel(chain) {
  if (chain.length === 0) return "";
  return `called by ${chain.map((c) => `\`${c.jobId}\` in ${c.file}`).join(" \u2192 ")}`;
}

export {
  calledByLabel
};
