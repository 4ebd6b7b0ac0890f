import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);

// src/text/inert.ts
var SHORT = { "\n": "\\n", "\r": "\\r", "	": "\\t" };
var HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;
function codePointHex(c) {
  return (c.codePointAt(0) ?? 0).toString(16).padStart(4, "0");
}
function escapeControl(c) {
  const short = SHORT[c];
  if (short) return short;
  const code = c.codePointAt(0) ?? 0;
  if (code <= 255) return `\\x${code.toString(16).padStart(2, "0")}`;
  return code <= 65535 ? `\\u${codePointHex(c)}` : `\\u{${codePointHex(c)}}`;
}
function escapeControls(text) {
  return text.replace(HIDDEN, escapeControl);
}
var LEADING_COLON = /(^|\n)([^\S\n]*):/g;
function inert(text, options = {}) {
  const escapeOne = (c) => options.multiline && c === "\n" ? c : escapeControl(c);
  return (options.multiline ? text.replace(/\r\n/g, "\n") : text).replace(/\\/g, "\\\\").replace(HIDDEN, escapeOne).replace(LEADING_COLON, "$1$2\\:").replace(/(?<=#)#(?=\[)/g, "\\#");
}
function inertOutput(text, json) {
  if (json) {
    const unit = (u) => `\\u${u.charCodeAt(0).toString(16).padStart(4, "0")}`;
    return text.replace(/(?<=#)#(?=\[)/g, "\\u0023").replace(HIDDEN, (c) => c === "\n" ? c : c.split("").map(unit).join(""));
  }
  return text.split("\n").map((line) => inert(line)).join("\n");
}
function inertAnyOutput(text) {
  const start = text.trimStart()[0];
  if (start === "{" || start === "[") {
    try {
      JSON.parse(text);
      return inertOutput(text, true);
    } catch {
    }
  }
  return inertOutput(text, false);
}

export {
  HIDDEN,
  codePointHex,
  escapeControls,
  inert,
  inertAnyOutput
};
