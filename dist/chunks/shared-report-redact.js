import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  maskable
} from "./shared-text-secrets.js";

// src/report/redact.ts
var MIN_PART = 8;
function createRedactor() {
  const secrets = /* @__PURE__ */ new Set();
  return {
    add(secret) {
      const s = secret.trim();
      if (!maskable(s)) return;
      secrets.add(s);
      for (const part of s.split(".")) if (part.length >= MIN_PART) secrets.add(part);
    },
    redact(text) {
      let out = text;
      for (const s of [...secrets].sort((a, b) => b.length - a.length)) {
        if (out.includes(s)) out = out.split(s).join("***");
      }
      return out;
    }
  };
}

export {
  createRedactor
};
