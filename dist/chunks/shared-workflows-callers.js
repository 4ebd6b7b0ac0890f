import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);

// src/workflows/callers.ts
function calledByLabel(chain) {
  if (chain.length === 0) return "";
  return `called by ${chain.map((c) => `\`${c.jobId}\` in ${c.file}`).join(" \u2192 ")}`;
}
function jobName(job, chain) {
  const via = calledByLabel(chain);
  return `job \`${job.id}\` (${job.file}${via ? `, ${via}` : ""})`;
}
function chainKey(chain) {
  return chain.map((c) => `<-${c.file}#${c.jobId}`).join("");
}

export {
  calledByLabel,
  jobName,
  chainKey
};
