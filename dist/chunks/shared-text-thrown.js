import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);

// src/text/thrown.ts
function describeThrown(thrown) {
  if (thrown instanceof Error) return thrown.message || thrown.name;
  try {
    return `non-Error thrown: ${typeof thrown === "string" ? thrown : JSON.stringify(thrown) ?? String(thrown)}`;
  } catch {
    return `non-Error thrown (${typeof thrown})`;
  }
}

export {
  describeThrown
};
