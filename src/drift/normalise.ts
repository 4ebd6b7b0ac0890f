/**
 * A policy document in one canonical form, so that two copies that mean the same compare equal and a digest changes
 * only when the policy does: object keys in order, `Statement` always a list, and the elements IAM reads as a set of
 * strings (Action, NotAction, Resource, NotResource, condition values) as sorted lists
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html). Statement order is kept: a
 * statement's index is how findings name it. Pure.
 */

/** Elements whose string-or-list value is a set. */
const SETS = new Set(['Action', 'NotAction', 'Resource', 'NotResource']);

/** The document, normalised; values nested deeper than any policy is are left as they are. */
export function normalisePolicy(document: unknown): unknown {
  if (!isObject(document)) return document;
  const out = sortKeys(document, 0) as Record<string, unknown>;
  if ('Statement' in out && !Array.isArray(out.Statement)) out.Statement = [out.Statement];
  if (Array.isArray(out.Statement)) out.Statement = out.Statement.map(normaliseStatement);
  return out;
}

function normaliseStatement(statement: unknown): unknown {
  if (!isObject(statement)) return statement;
  const out: Record<string, unknown> = { ...statement };
  for (const key of Object.keys(out)) {
    const value = out[key];
    if (SETS.has(key) && (typeof value === 'string' || Array.isArray(value))) out[key] = asSortedSet(value);
  }
  if (isObject(out.Condition)) {
    const condition: Record<string, unknown> = {};
    for (const [op, block] of Object.entries(out.Condition)) {
      condition[op] = isObject(block)
        ? Object.fromEntries(Object.entries(block).map(([k, v]) => [k, asSortedSet(v)]))
        : block;
    }
    out.Condition = condition;
  }
  return out;
}

function asSortedSet(value: unknown): unknown {
  const values = Array.isArray(value) ? value : [value];
  if (!values.every((v) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')) return value;
  return [...new Set(values.map(String))].sort();
}

/** The deepest a policy nests (src/text/json-depth.ts bounds what reaches here already). */
const MAX_DEPTH = 64;

function sortKeys(value: unknown, depth: number): unknown {
  if (depth > MAX_DEPTH) return value;
  if (Array.isArray(value)) return value.map((v) => sortKeys(v, depth + 1));
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) out[key] = sortKeys(value[key], depth + 1);
  return out;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The statements of a normalised document. */
export function statementsOf(document: unknown): unknown[] {
  const statements = isObject(document) ? document.Statement : undefined;
  return Array.isArray(statements) ? statements : [];
}

/** The longest a statement is shown in a diff line. */
const SHOWN = 400;

/** A value as JSON, cut to {@link SHOWN} characters. */
export function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > SHOWN ? `${text.slice(0, SHOWN - 1)}…` : text;
}

/** A statement's name in a diff: its index and Sid. */
function label(index: number, statement: unknown): string {
  const sid = isObject(statement) && typeof statement.Sid === 'string' ? ` (Sid "${statement.Sid}")` : '';
  return `statement ${index}${sid}`;
}

/**
 * The statement-level difference between two normalised documents: statements in both (same JSON) are unchanged;
 * of the rest, those with the same Sid (or, without Sids, the same index) are changed, element by element; the
 * others are removed or added. Each line starts `-`, `+` or `~`.
 */
export function diffStatements(before: unknown, after: unknown): string[] {
  const a = statementsOf(before).map((s, i) => ({ s, i, json: JSON.stringify(s) }));
  const b = statementsOf(after).map((s, i) => ({ s, i, json: JSON.stringify(s) }));
  const same = new Set(a.map((x) => x.json).filter((json) => b.some((y) => y.json === json)));
  const left = a.filter((x) => !same.has(x.json));
  const right = b.filter((y) => !same.has(y.json));
  const lines: string[] = [];
  const sid = (s: unknown) => (isObject(s) && typeof s.Sid === 'string' ? s.Sid : undefined);
  for (const x of left) {
    const partner = right.find((y) =>
      sid(x.s) !== undefined ? sid(y.s) === sid(x.s) : sid(y.s) === undefined && y.i === x.i,
    );
    if (!partner) {
      lines.push(`- removed ${label(x.i, x.s)}: ${shown(x.s)}`);
      continue;
    }
    right.splice(right.indexOf(partner), 1);
    lines.push(`~ changed ${label(partner.i, partner.s)}: ${elementChanges(x.s, partner.s).join('; ')}`);
  }
  for (const y of right) lines.push(`+ added ${label(y.i, y.s)}: ${shown(y.s)}`);
  if (lines.length === 0 && JSON.stringify(before) !== JSON.stringify(after)) {
    lines.push(`~ changed outside its statements: ${shown(before)} → ${shown(after)}`);
  }
  return lines;
}

/** Each element of a statement that differs, `Element: before → after`. */
function elementChanges(before: unknown, after: unknown): string[] {
  const x = isObject(before) ? before : {};
  const y = isObject(after) ? after : {};
  const keys = [...new Set([...Object.keys(x), ...Object.keys(y)])].sort();
  return keys
    .filter((k) => JSON.stringify(x[k]) !== JSON.stringify(y[k]))
    .map((k) => `${k}: ${k in x ? shown(x[k]) : '(none)'} → ${k in y ? shown(y[k]) : '(none)'}`);
}
