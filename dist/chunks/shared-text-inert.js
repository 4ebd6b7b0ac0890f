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
var LEADING_COLON = /^(\s*):/;
function inert(text) {
  return text.replace(/\\/g, "\\\\").replace(HIDDEN, escapeControl).replace(LEADING_COLON, "$1\\:").replace(/(?<=#)#(?=\[)/g, "\\#");
}
var MAX_MESSAGE_CHARS = 4096;
var MAX_LINE_CHARS = 4096;
var MIN_LINE_CHARS = 200;
var more = (n, what) => `\u2026(${n} more ${what})`;
var cost = (c) => c === "\\" || c === ":" || c === "#" ? 2 : inert(c).length;
function inertLine(text, max = MAX_LINE_CHARS) {
  const whole = inert(text);
  if (whole.length <= max) return whole;
  const points = Array.from(text);
  const room = Math.max(0, max - more(points.length, "characters").length);
  let head = 0;
  let used = 0;
  while (head < points.length && used + cost(points[head]) <= room / 2)
    used += cost(points[head++]);
  let tail = points.length;
  while (tail > head && used + cost(points[tail - 1]) <= room) used += cost(points[--tail]);
  return inert(`${points.slice(0, head).join("")}${more(tail - head, "characters")}${points.slice(tail).join("")}`);
}
function inertLines(lines, max = MAX_MESSAGE_CHARS) {
  const whole = lines.map((line) => inert(line));
  if (whole.reduce((n, line) => n + line.length + 1, -1) <= max) return whole.join("\n");
  const marker = more(lines.length, "lines");
  let kept = 0;
  let floor = marker.length;
  while (kept < lines.length && floor + Math.min(whole[kept]?.length ?? 0, MIN_LINE_CHARS) + 1 <= max) {
    floor += Math.min(whole[kept]?.length ?? 0, MIN_LINE_CHARS) + 1;
    kept++;
  }
  kept = Math.max(kept, 1);
  const counted = kept < lines.length ? [more(lines.length - kept, "lines")] : [];
  let room = max - (kept - 1) - counted.reduce((n, line) => n + line.length + 1, 0);
  const share = /* @__PURE__ */ new Map();
  const order = [...Array(kept).keys()].sort((a, b) => (whole[a]?.length ?? 0) - (whole[b]?.length ?? 0));
  order.forEach((i, k) => {
    const fair = Math.floor(room / (kept - k));
    const given = Math.min(whole[i]?.length ?? 0, fair);
    share.set(i, given);
    room -= given;
  });
  const shown = lines.slice(0, kept).map((line, i) => (whole[i]?.length ?? 0) <= (share.get(i) ?? 0) ? whole[i] : inertLine(line, share.get(i)));
  return [...shown, ...counted].join("\n");
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
  inertLine,
  inertLines,
  inertAnyOutput
};
