/**
 * ARN formats of the service authorization reference (`arn:${Partition}:s3:::${BucketName}/${ObjectName}`),
 * compiled once per service into matchers that tell whether an ARN, or an ARN with IAM wildcards, can be of that
 * resource type. The reference's formats are documentation, not a grammar, so a placeholder's value is inferred
 * from the data: it is one or more characters and never holds a delimiter (`/` or `:`) that follows the same
 * placeholder anywhere in the service's formats. `${BucketName}` is followed by `/` in s3's `object` format, so a
 * bucket never holds `/`; `${ObjectName}` is never followed by anything, so it may hold both `/` and `:`;
 * `${LogGroupName}` is followed by `:` in `log-stream`, so it may hold `/` (`/aws/lambda/f`) but not `:`.
 * ARN structure: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
 */
import type { ResourceTypeInfo } from './index.js';

/** One ARN format, compiled: a RegExp for plain ARNs, and the same format as codes for ARNs with wildcards. */
export interface ArnMatcher {
  readonly format: string;
  readonly regex: RegExp;
  /** A character code (>= 0), or a placeholder: `-1 - flags` with {@link NO_SLASH}, {@link NO_COLON}, {@link MAY_BE_EMPTY}. */
  readonly codes: readonly number[];
}

const NO_SLASH = 1;
const NO_COLON = 2;
const MAY_BE_EMPTY = 4;
const PLACEHOLDER = /\$\{([^}]+)\}|\*/g;

/** Compiles every format of a service's resource types, learning placeholder delimiters from all of them. */
export function compileServiceFormats(
  types: readonly ResourceTypeInfo[],
): ReadonlyMap<ResourceTypeInfo, readonly ArnMatcher[]> {
  const excluded = new Map<string, number>();
  for (const format of types.flatMap((t) => t.arnFormats)) {
    for (const m of format.matchAll(PLACEHOLDER)) {
      const next = format.charAt((m.index ?? 0) + m[0].length);
      const flag = next === '/' ? NO_SLASH : next === ':' ? NO_COLON : 0;
      excluded.set(m[0], (excluded.get(m[0]) ?? 0) | flag);
    }
  }
  return new Map(types.map((t) => [t, t.arnFormats.map((format) => compileFormat(format, excluded))]));
}

function compileFormat(format: string, excluded: ReadonlyMap<string, number>): ArnMatcher {
  const codes: number[] = [];
  let source = '';
  let at = 0;
  for (const m of format.matchAll(PLACEHOLDER)) {
    const literal = format.slice(at, m.index);
    for (let i = 0; i < literal.length; i++) codes.push(literal.charCodeAt(i));
    // A bare `*` in a format (backup's recovery point: `…:${Region}:*:…`) stands for any value, even none.
    const flags = (excluded.get(m[0]) ?? 0) | (m[0] === '*' ? MAY_BE_EMPTY : 0);
    codes.push(-1 - flags);
    source += escapeRegex(literal) + placeholderRegex(flags);
    at = (m.index ?? 0) + m[0].length;
  }
  const tail = format.slice(at);
  for (let i = 0; i < tail.length; i++) codes.push(tail.charCodeAt(i));
  return { format, regex: new RegExp(`^${source}${escapeRegex(tail)}$`), codes };
}

function placeholderRegex(flags: number): string {
  const forbidden = (flags & NO_SLASH ? '/' : '') + (flags & NO_COLON ? ':' : '');
  return (forbidden === '' ? '[\\s\\S]' : `[^${forbidden}]`) + (flags & MAY_BE_EMPTY ? '*' : '+');
}

function escapeRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

/**
 * Whether `arn` can be of the matcher's format. IAM wildcards in `arn` (`*` any run, `?` one character,
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html#reference_policies_elements_resource_wildcards)
 * make it a set of ARNs; it fits when at least one of them does, so `arn:aws:s3:::site/*` fits `object` and
 * `arn:aws:s3:::site*` fits both `bucket` and `object`. Literal parts compare exactly.
 */
export function arnFits(matcher: ArnMatcher, arn: string): boolean {
  if (!arn.includes('*') && !arn.includes('?')) return matcher.regex.test(arn);
  return globIntersects(arn, matcher.codes);
}

/**
 * Reachability over the product of the glob and the format: states are (position in the glob, position in the
 * format, whether the current placeholder has taken a character). Linear in their product; no backtracking.
 */
function globIntersects(glob: string, codes: readonly number[]): boolean {
  const width = codes.length + 1;
  const seen = new Uint8Array((glob.length + 1) * width * 2);
  const stack: number[] = [0, 0, 0];
  const push = (i: number, j: number, inside: number) => stack.push(i, j, inside);
  while (stack.length > 0) {
    const inside = stack.pop() ?? 0;
    const j = stack.pop() ?? 0;
    const i = stack.pop() ?? 0;
    const state = (i * width + j) * 2 + inside;
    if (seen[state] === 1) continue;
    seen[state] = 1;
    if (i === glob.length && j === codes.length) return true;
    const code = codes[j];
    const flags = code !== undefined && code < 0 ? -1 - code : undefined;
    if (flags !== undefined && (inside === 1 || flags & MAY_BE_EMPTY)) push(i, j + 1, 0); // the placeholder ends
    const g = glob[i];
    if (g === '*') {
      push(i + 1, j, inside); // the star ends
      if (flags !== undefined)
        push(i, j, 1); // the star covers one more character of the placeholder…
      else if (code !== undefined) push(i, j + 1, 0); // …or of the literal
    } else if (g !== undefined && code !== undefined) {
      if (flags !== undefined) {
        if (g === '?' || !((flags & NO_SLASH && g === '/') || (flags & NO_COLON && g === ':'))) push(i + 1, j, 1);
      } else if (g === '?' || g.charCodeAt(0) === code) {
        push(i + 1, j + 1, 0);
      }
    }
  }
  return false;
}
