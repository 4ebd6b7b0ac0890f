import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);

// src/tokens/duration.ts
var UNIT_SECONDS = { d: 86400, h: 3600, m: 60, s: 1 };
var UNIT_ORDER = ["d", "h", "m", "s"];
var PART = /(\d+)([dhms])/y;
function parseDuration(text) {
  const value = text.trim();
  const fail = (why) => ({
    ok: false,
    error: `invalid duration '${text}': ${why}; write a number of seconds (3600) or units d, h, m, s (90s, 10m, 1h30m)`
  });
  if (value === "") return fail("it is empty");
  if (/^\d+$/.test(value)) return checked(Number(value), fail);
  let total = 0;
  let lastUnit = -1;
  PART.lastIndex = 0;
  while (PART.lastIndex < value.length) {
    const at = PART.lastIndex;
    const match = PART.exec(value);
    if (!match) {
      const digits = /^\d*/.exec(value.slice(at))?.[0] ?? "";
      const rest = value.slice(at + digits.length);
      return fail(rest === "" ? `'${digits}' has no unit` : `unexpected '${rest}'`);
    }
    const unit = match[2];
    const rank = UNIT_ORDER.indexOf(unit);
    if (rank <= lastUnit) return fail(`unit '${unit}' is repeated or out of order`);
    lastUnit = rank;
    total += Number(match[1]) * UNIT_SECONDS[unit];
  }
  return checked(total, fail);
}
function checked(seconds, fail) {
  return Number.isSafeInteger(seconds) ? { ok: true, seconds } : fail("it is too large");
}
function describeDuration(seconds) {
  let rest = Math.round(Math.abs(seconds));
  const parts = [];
  for (const unit of UNIT_ORDER) {
    const count = Math.floor(rest / UNIT_SECONDS[unit]);
    rest -= count * UNIT_SECONDS[unit];
    if (count > 0) parts.push([count, unit]);
  }
  const [first] = parts;
  if (!first) return "0 seconds";
  if (parts.length === 1) {
    const [count, unit] = first;
    const word = { d: "day", h: "hour", m: "minute", s: "second" }[unit];
    return `${count} ${word}${count === 1 ? "" : "s"}`;
  }
  return parts.map(([count, unit]) => `${count}${unit}`).join("");
}

export {
  parseDuration,
  describeDuration
};
