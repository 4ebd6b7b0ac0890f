/**
 * The one place that scrubs secrets from what the run writes. Every writer (summary, JSON report,
 * annotations, outputs, logs) passes its text through a {@link Redactor} built from every secret the run
 * has seen: defence in depth behind the checks, which never put a token in a finding to begin with.
 */

import { maskable } from '../text/secrets.js';

/** Replaces every known secret, and each dot-separated part of a JWT, with `***`. */
export interface Redactor {
  /** Registers a secret (a token, a client secret) before anything could print it. */
  add(secret: string): void;
  redact(text: string): string;
}

/** Parts shorter than this are not secrets on their own (a JWT header like `eyJ...` is long anyway). */
const MIN_PART = 8;

/** Creates an empty redactor. */
export function createRedactor(): Redactor {
  const secrets = new Set<string>();
  return {
    add(secret) {
      const s = secret.trim();
      // The rule of src/text/secrets.ts: a value this short is no credential, and would cut the tool's own words.
      if (!maskable(s)) return;
      secrets.add(s);
      // A JWT's signature alone is enough to replay nothing, but its parts must not leak either.
      for (const part of s.split('.')) if (part.length >= MIN_PART) secrets.add(part);
    },
    redact(text) {
      let out = text;
      // Longest first, so that a whole token is replaced before its parts.
      for (const s of [...secrets].sort((a, b) => b.length - a.length)) {
        if (out.includes(s)) out = out.split(s).join('***');
      }
      return out;
    },
  };
}
