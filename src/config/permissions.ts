/**
 * The required-permissions input: one permission per line, `ACTION RESOURCE [key=value ...]`.
 *
 *   s3:PutObject arn:aws:s3:::site-bucket/*
 *   kms:Decrypt arn:aws:kms:eu-west-1:111111111111:key/abcd kms:ViaService=s3.eu-west-1.amazonaws.com
 *   s3:PutObject arn:aws:s3:::site-bucket/* s3:x-amz-acl=private   # a comment runs to the end of the line
 *   tag:TagResources * aws:TagKeys=team aws:TagKeys=cost-center
 *   s3:PutObject arn:aws:s3:::site-bucket/* !s3:x-amz-server-side-encryption   # the request carries no such key
 *
 * Rules, decided here and relied on by `src/checks/permissions.ts`:
 * - Blank lines are skipped; `#` starts a comment when it begins a word outside quotes (ARNs and keys never do).
 * - Words are separated by spaces or tabs. A value that holds spaces is quoted, `"…"` or `'…'`, whole or in part
 *   (`aws:PrincipalTag/team="data eng"`); inside double quotes `\"` and `\\` escape. `key=""` is an empty string.
 * - A key given once is a single value; a key repeated on one line is a multivalued key, its values in order
 *   (`aws:TagKeys=a aws:TagKeys=b` → `["a", "b"]`), as IAM's request context carries multivalued keys
 *   (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html).
 *   Keys are case-insensitive (same page's parent, reference_policies_elements_condition.html), so `AWS:TagKeys`
 *   repeats `aws:TagKeys`; the first spelling is kept.
 * - `!key` declares the key absent from the request: the preflight knows it has no value, so a condition on it (a
 *   `Null` condition, an `...IfExists` operator) is decided, as IAM decides it for a request without the key
 *   (reference_policies_elements_condition_operators.html, "Condition operator to check existence of condition
 *   keys"). A key may not be both given and declared absent on one line.
 * Pure: no I/O. Every error names the line and quotes it.
 */
import type { RequiredPermission } from '../model/aws.js';
import type { ConfigError } from './tokens.js';

/** The outcome of {@link parsePermissions}: every permission, or every error found. */
export type PermissionsResult =
  | { readonly ok: true; readonly permissions: RequiredPermission[] }
  | { readonly ok: false; readonly errors: ConfigError[] };

const ACTION = /^[A-Za-z0-9-]+:[A-Za-z0-9*?_-]+$/;
/** A context key: `prefix:name`, where the name may carry a `/tag-key` part (`aws:PrincipalTag/team`). */
const KEY = /^[A-Za-z0-9.-]+:[^\s=]+$/;

/** One word of a line: its text after quotes are removed, and whether any part of it was quoted. */
interface Word {
  readonly text: string;
  readonly quoted: boolean;
  /** Where the unquoted `=` is, or -1: `a="b=c"` splits at the first, never inside quotes. */
  readonly eq: number;
}

/** Splits a line into words; returns an error message for an unterminated quote. */
function splitWords(line: string): Word[] | string {
  const words: Word[] = [];
  let i = 0;
  while (i < line.length) {
    while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
    if (i >= line.length || line[i] === '#') break;
    let text = '';
    let quoted = false;
    let eq = -1;
    while (i < line.length && line[i] !== ' ' && line[i] !== '\t') {
      const c = line[i] as string;
      if (c === '"' || c === "'") {
        const close = findClose(line, i + 1, c);
        if (close < 0) return `has an unterminated ${c} quote`;
        const inner = line.slice(i + 1, close);
        text += c === '"' ? inner.replace(/\\(["\\])/g, '$1') : inner;
        quoted = true;
        i = close + 1;
      } else {
        if (c === '=' && eq < 0) eq = text.length;
        text += c;
        i++;
      }
    }
    words.push({ text, quoted, eq });
  }
  return words;
}

/** The index of the quote closing one opened before `from`; `\"` does not close a double-quoted string. */
function findClose(line: string, from: number, quote: string): number {
  for (let j = from; j < line.length; j++) {
    if (quote === '"' && line[j] === '\\') j++;
    else if (line[j] === quote) return j;
  }
  return -1;
}

/** A resource is `*` or an ARN with its six fields: `arn:partition:service:region:account:resource`. */
function checkResource(resource: string): string | undefined {
  if (resource === '*') return undefined;
  if (!resource.startsWith('arn:'))
    return 'is not an ARN or *; write it as arn:partition:service:region:account:resource';
  if (resource.split(':').length < 6) return 'is not a complete ARN: arn:partition:service:region:account:resource';
  return undefined;
}

/** A problem with one word of a line: the word quoted, then what is wrong with it. */
interface Problem {
  readonly word: string;
  readonly problem: string;
}

/** Parses one non-empty line; returns the permission or the problem. */
function parseLine(words: readonly Word[], origin: string): RequiredPermission | Problem {
  const [action, resource, ...pairs] = words;
  if (!action) return { word: '', problem: 'is empty' };
  if (!ACTION.test(action.text)) {
    return { word: action.text, problem: 'is not an action; write it as service:Action, like s3:PutObject' };
  }
  if (!resource || resource.eq >= 0) return { word: action.text, problem: 'needs a resource ARN or *' };
  const bad = checkResource(resource.text);
  if (bad) return { word: resource.text, problem: bad };
  const context = new Map<string, { key: string; values: string[] }>();
  const absent = new Map<string, string>();
  for (const pair of pairs) {
    if (pair.text.startsWith('!') && pair.eq < 0 && !pair.quoted) {
      const key = pair.text.slice(1);
      if (!KEY.test(key))
        return { word: pair.text, problem: 'is not !key; write a key declared absent as !s3:x-amz-acl' };
      absent.set(key.toLowerCase(), absent.get(key.toLowerCase()) ?? key);
      continue;
    }
    if (pair.eq <= 0) {
      return {
        word: pair.text,
        problem: 'is not key=value; a permission is ACTION RESOURCE [key=value ...] [!key ...]',
      };
    }
    const key = pair.text.slice(0, pair.eq);
    const value = pair.text.slice(pair.eq + 1);
    if (!KEY.test(key)) return { word: key, problem: 'is not a condition key; keys look like aws:SourceVpc' };
    if (value === '' && !pair.quoted) return { word: pair.text, problem: `has no value; write ${key}="" for ""` };
    const entry = context.get(key.toLowerCase());
    if (entry) entry.values.push(value);
    else context.set(key.toLowerCase(), { key, values: [value] });
  }
  for (const [lower, key] of absent) {
    if (context.has(lower))
      return { word: `!${key}`, problem: `declares ${key} absent, but the line also gives it a value` };
  }
  const record: Record<string, string | readonly string[]> = {};
  for (const { key, values } of context.values()) record[key] = values.length === 1 ? (values[0] as string) : values;
  return {
    action: action.text,
    resource: resource.text,
    context: record,
    ...(absent.size > 0 ? { absent: [...absent.values()] } : {}),
    origin,
  };
}

/** `"word" problem`, and the line quoted too when the word is not the whole line. */
function describeProblem(line: string, { word, problem }: Problem): string {
  const text = line.trim();
  if (word === text) return `"${text}" ${problem}`;
  const shown = text.length > 100 ? `${text.slice(0, 97)}...` : text;
  return `"${word}" ${problem} (in "${shown}")`;
}

/**
 * Parses the required permissions. `where` names the input for errors and origins (`input permissions`, or a
 * config file); line numbers count from 1 and include blank and comment lines, so they match the editor.
 */
export function parsePermissions(text: string, where = 'input permissions'): PermissionsResult {
  const permissions: RequiredPermission[] = [];
  const errors: ConfigError[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const origin = `${where}, line ${i + 1}`;
    const words = splitWords(line);
    if (typeof words === 'string') {
      errors.push({ where: origin, message: describeProblem(line, { word: line.trim(), problem: words }) });
      return;
    }
    if (words.length === 0) return;
    const parsed = parseLine(words, origin);
    if ('problem' in parsed) errors.push({ where: origin, message: describeProblem(line, parsed) });
    else permissions.push(parsed);
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, permissions };
}

/** Renders a configuration error as one line: `input permissions, line 3: "s3:PutObject" needs a resource ARN or *`. */
export function formatConfigError(error: ConfigError): string {
  return `${error.where}: ${error.message}`;
}
