/**
 * Date condition operators: DateEquals, DateNotEquals, DateLessThan, DateLessThanEquals,
 * DateGreaterThan and DateGreaterThanEquals
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Date).
 * Values are compared as instants. AWS takes "one of the W3C implementations of the ISO 8601 date
 * formats or epoch (UNIX) time"; epoch time is in seconds, as `aws:EpochTime` is
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-epochtime).
 * Policy variables and wildcards are not supported, so `${...}` is literal (and not a date).
 */
import type { OperatorSpec, PolicyScalar } from './index.js';
import { type Comparison, compileComparison, parseAll } from './numeric.js';

// Epoch seconds, optionally with a fraction. An all-digit value is always read as epoch time, so
// the W3C year-only form (`2026`) is not a date here: it would be 2026 seconds after 1970.
const EPOCH = /^\d+(?:\.\d+)?$/;

const MS_PER_DAY = 86_400_000;
// Date.UTC maps years 0-99 to 1900-1999; shifting by 400 years (146,097 days, a whole Gregorian
// cycle) and back gives every year its own meaning.
const CYCLE_MS = 146_097 * MS_PER_DAY;

/**
 * Milliseconds since 1970 for an ISO 8601 date in the W3C profile or an epoch-seconds value;
 * NaN otherwise. The W3C forms (https://www.w3.org/TR/NOTE-datetime) are YYYY-MM, YYYY-MM-DD,
 * and a date with hh:mm, hh:mm:ss or hh:mm:ss.s, where a time always carries its zone (`Z`,
 * `+hh:mm` or `-hh:mm`). Scanned by hand: request values are parsed on every evaluation.
 */
export function parseInstant(text: string): number {
  if (text.charCodeAt(4) !== 45 /* - */) return EPOCH.test(text) ? Number(text) * 1000 : Number.NaN;
  const year = readDigits(text, 0, 4);
  const month = readDigits(text, 5, 2);
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let fraction = 0;
  let offset = 0;
  if (text.length > 7) {
    if (text[7] !== '-') return Number.NaN;
    day = readDigits(text, 8, 2);
  }
  if (text.length > 10) {
    if (text[10] !== 'T' || text[13] !== ':') return Number.NaN;
    hour = readDigits(text, 11, 2);
    minute = readDigits(text, 14, 2);
    let at = 16;
    if (text[at] === ':') {
      second = readDigits(text, 17, 2);
      at = 19;
      if (text[at] === '.') {
        let end = at + 1;
        while (readDigits(text, end, 1) >= 0) end++;
        if (end === at + 1) return Number.NaN;
        fraction = Number(text.slice(at, end)) * 1000;
        at = end;
      }
    }
    offset = readOffset(text, at);
  }
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return Number.NaN;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return Number.NaN;
  return Date.UTC(year + 400, month - 1, day, hour, minute, second) - CYCLE_MS + fraction - offset;
}

/** The number written by `count` ASCII digits at `at`, or -1 when any is not a digit. */
function readDigits(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const d = text.charCodeAt(i) - 48;
    if (!(d >= 0 && d <= 9)) return -1;
    value = value * 10 + d;
  }
  return value;
}

/** The zone that ends the text at `at`, in milliseconds east of UTC; NaN when malformed. */
function readOffset(text: string, at: number): number {
  if (text[at] === 'Z' && text.length === at + 1) return 0;
  const sign = text[at] === '+' ? 1 : text[at] === '-' ? -1 : 0;
  const hours = readDigits(text, at + 1, 2);
  const minutes = readDigits(text, at + 4, 2);
  if (sign === 0 || text[at + 3] !== ':' || text.length !== at + 6) return Number.NaN;
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return Number.NaN;
  return sign * (hours * 60 + minutes) * 60_000;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** A policy value as an instant: strings as above, JSON numbers as epoch seconds. */
function readInstant(value: PolicyScalar): number {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value * 1000 : Number.NaN;
  return typeof value === 'string' ? parseInstant(value) : Number.NaN;
}

/** The six date operators. */
export const DATE_OPERATORS: readonly OperatorSpec[] = [
  defineDate('DateEquals', 'eq', false),
  defineDate('DateNotEquals', 'eq', true),
  defineDate('DateLessThan', 'lt', false),
  defineDate('DateLessThanEquals', 'le', false),
  defineDate('DateGreaterThan', 'gt', false),
  defineDate('DateGreaterThanEquals', 'ge', false),
];

function defineDate(name: string, comparison: Comparison, negated: boolean): OperatorSpec {
  return {
    name,
    negated,
    compile(values, compiler) {
      const expected = 'a date (ISO 8601, e.g. 2026-01-01T00:00:00Z, or epoch seconds)';
      const bounds = parseAll(values, compiler, readInstant, expected);
      return bounds && compileComparison(bounds, comparison, negated, parseInstant);
    },
  };
}
