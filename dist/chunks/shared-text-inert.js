import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);

// src/text/inert.ts
var SHORT = { "\n": "\\n", "\r": "\\r", "	": "\\t" };
var CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
function escapeControl(c) {
  const short = SHORT[c];
  if (short) return short;
  const code = c.charCodeAt(0);
  return code <= 255 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
}
function escapeControls(text) {
  return text.replace(CONTROL, escapeControl);
}
var LEADING_COLON = /(^|\n)([^\S\n]*):/g;
function inert(text, options = {}) {
  const escapeOne = (c) => options.multiline && c === "\n" ? c : escapeControl(c);
  return (options.multiline ? text.replace(/\r\n/g, "\n") : text).replace(/\\/g, "\\\\").replace(CONTROL, escapeOne).replace(LEADING_COLON, "$1$2\\:").replace(/(?<=#)#(?=\[)/g, "\\#");
}
function inertOutput(text, json) {
  if (json) return text.replace(/(?<=#)#(?=\[)/g, "\\u0023");
  return text.split("\n").map((line) => inert(line)).join("\n");
}

export {
  escapeControls,
  inert,
  inertOutput
};
