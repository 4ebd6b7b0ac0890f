import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);

// src/text/decode-bytes.ts
var NAMES = {
  "utf-8": "UTF-8",
  "utf-16le": "UTF-16 (little-endian, from its byte order mark)",
  "utf-16be": "UTF-16 (big-endian, from its byte order mark)"
};
function detectEncoding(bytes) {
  if (bytes[0] === 255 && bytes[1] === 254) return "utf-16le";
  if (bytes[0] === 254 && bytes[1] === 255) return "utf-16be";
  return "utf-8";
}
function decodeFileBytes(bytes) {
  const encoding = detectEncoding(bytes);
  const nul = {
    ok: false,
    encoding,
    reason: `holds NUL characters when read as ${NAMES[encoding]}: it looks like UTF-16 or UTF-32 without a byte order mark; save it as UTF-8`
  };
  if (encoding === "utf-8" && bytes.includes(0)) return nul;
  let text;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return {
      ok: false,
      encoding,
      reason: `is not valid ${NAMES[encoding]} text; save it as UTF-8 (or UTF-16 with a byte order mark)`
    };
  }
  if (text.includes("\0")) return nul;
  return { ok: true, text, encoding };
}

export {
  decodeFileBytes
};
