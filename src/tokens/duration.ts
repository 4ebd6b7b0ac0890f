/**
 * Durations as people write them in workflow inputs and config: `90s`, `10m`, `1h`, `1h30m`, `2d`, or a
 * bare number of seconds (`3600`). Parsing returns a value, never throws, and an error names the input,
 * as configure-aws-credentials does for its inputs. Shared with config parsing.
 */

/** A parsed duration, or why the text is not one. */
export type DurationResult =
  | { readonly ok: true; readonly seconds: number }
  | { readonly ok: false; readonly error: string };

const UNIT_SECONDS = { d: 86_400, h: 3_600, m: 60, s: 1 } as const;
type Unit = keyof typeof UNIT_SECONDS;
const UNIT_ORDER: readonly Unit[] = ['d', 'h', 'm', 's'];

/** One `<digits><unit>` run, e.g. `30m`. */
const PART = /(\d+)([dhms])/y;

/**
 * Parses `3600`, `90s`, `10m`, `1h30m`, `2d12h`. Units run from largest to smallest, each at most once,
 * in lower case; no decimals, signs or spaces inside. Leading and trailing spaces are ignored.
 */
export function parseDuration(text: string): DurationResult {
  const value = text.trim();
  const fail = (why: string): DurationResult => ({
    ok: false,
    error: `invalid duration '${text}': ${why}; write a number of seconds (3600) or units d, h, m, s (90s, 10m, 1h30m)`,
  });
  if (value === '') return fail('it is empty');
  if (/^\d+$/.test(value)) return checked(Number(value), fail);

  let total = 0;
  let lastUnit = -1;
  PART.lastIndex = 0;
  while (PART.lastIndex < value.length) {
    const at = PART.lastIndex;
    const match = PART.exec(value);
    if (!match) {
      const digits = /^\d*/.exec(value.slice(at))?.[0] ?? '';
      const rest = value.slice(at + digits.length);
      return fail(rest === '' ? `'${digits}' has no unit` : `unexpected '${rest}'`);
    }
    const unit = match[2] as Unit;
    const rank = UNIT_ORDER.indexOf(unit);
    if (rank <= lastUnit) return fail(`unit '${unit}' is repeated or out of order`);
    lastUnit = rank;
    total += Number(match[1]) * UNIT_SECONDS[unit];
  }
  return checked(total, fail);
}

function checked(seconds: number, fail: (why: string) => DurationResult): DurationResult {
  return Number.isSafeInteger(seconds) ? { ok: true, seconds } : fail('it is too large');
}

/**
 * A duration for people: one unit in words (`45 seconds`, `2 minutes`, `1 hour`), several compactly
 * (`4m12s`, `1h30m`). Negative input is described by its size.
 */
export function describeDuration(seconds: number): string {
  let rest = Math.round(Math.abs(seconds));
  const parts: [number, Unit][] = [];
  for (const unit of UNIT_ORDER) {
    const count = Math.floor(rest / UNIT_SECONDS[unit]);
    rest -= count * UNIT_SECONDS[unit];
    if (count > 0) parts.push([count, unit]);
  }
  const [first] = parts;
  if (!first) return '0 seconds';
  if (parts.length === 1) {
    const [count, unit] = first;
    const word = { d: 'day', h: 'hour', m: 'minute', s: 'second' }[unit];
    return `${count} ${word}${count === 1 ? '' : 's'}`;
  }
  return parts.map(([count, unit]) => `${count}${unit}`).join('');
}
