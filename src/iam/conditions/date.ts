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

// The W3C profile (https://www.w3.org/TR/NOTE-datetime): YYYY-MM, YYYY-MM-DD, and date with
// hh:mm, hh:mm:ss or hh:mm:ss.s, where a time always carries its zone: `Z` or `+hh:mm`/`-hh:mm`.
const W3C = /^(\d{4})-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?$/;

const MS_PER_DAY = 86_400_000;
// Date.UTC maps years 0-99 to 1900-1999; shifting by 400 years (146,097 days, a whole Gregorian
// cycle) and back gives every year its own meaning.
const CYCLE_MS = 146_097 * MS_PER_DAY;

/** Milliseconds since 1970 for an ISO 8601 (W3C) date or an epoch-seconds value; NaN otherwise. */
export function parseInstant(text: string): number {
  if (EPOCH.test(text)) return Number(text) * 1000;
  const m = W3C.exec(text);
  if (!m) return Number.NaN;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  const hour = Number(m[4] ?? 0);
  const minute = Number(m[5] ?? 0);
  const second = Number(m[6] ?? 0);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return Number.NaN;
  if (hour > 23 || minute > 59 || second > 59) return Number.NaN;
  const offset = parseOffset(m[8]);
  if (Number.isNaN(offset)) return Number.NaN;
  const fraction = m[7] === undefined ? 0 : Number(m[7]) * 1000;
  return Date.UTC(year + 400, month - 1, day, hour, minute, second) - CYCLE_MS + fraction - offset;
}

/** The zone offset in milliseconds (`+01:00` → 3,600,000); 0 for `Z` or a date without time. */
function parseOffset(zone: string | undefined): number {
  if (zone === undefined || zone === 'Z') return 0;
  const hours = Number(zone.slice(1, 3));
  const minutes = Number(zone.slice(4, 6));
  if (hours > 23 || minutes > 59) return Number.NaN;
  return (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes) * 60_000;
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
