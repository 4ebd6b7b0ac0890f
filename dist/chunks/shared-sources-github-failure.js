import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);

// src/sources/github-failure.ts
function octokitFailure(e) {
  const err = e;
  if (typeof err?.status === "number" && err.response) {
    return { kind: "http", status: err.status, headers: err.response.headers ?? {}, data: err.response.data };
  }
  const cause = err?.cause;
  if ([err?.name, cause?.name].some((n) => n === "TimeoutError" || n === "AbortError")) return { kind: "timeout" };
  if (typeof cause?.message === "string" && cause.message.startsWith("the answer is larger than")) {
    return { kind: "too-large" };
  }
  return { kind: "network" };
}
function describeFailure(f) {
  if (f.kind === "http") return `HTTP ${f.status}`;
  if (f.kind === "timeout") return "timed out";
  if (f.kind === "too-large") return "an answer too large to read";
  return "no answer (network error)";
}

export {
  octokitFailure,
  describeFailure
};
