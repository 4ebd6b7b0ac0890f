/**
 * Policy variables: `${aws:username}`, `${aws:PrincipalTag/team}`, defaults such as
 * `${aws:username, 'anonymous'}`, and the escapes `${*}`, `${?}` and `${$}`
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html).
 *
 * Variables are only substituted in policies whose Version is `2012-10-17`; under `2008-10-17`
 * or with no Version they are literal text
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html).
 * A variable whose key is absent from the request, or multivalued, does not resolve: AWS says
 * "any attempt to match it fails", so whatever holds it does not match, unless a default is given.
 */
import { compileGlob, escapeRegex, globRegexSource, type Matcher } from './glob.js';
import type { ContextMap } from './request.js';

/** A piece of a template: policy text (wildcards active), escaped literal text, or a variable. */
export type TemplatePart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'var'; readonly key: string; readonly fallback: string | undefined };

/** A policy string split into parts once, at compile time. */
export interface Template {
  readonly raw: string;
  readonly parts: readonly TemplatePart[];
  /** False when the string holds no variable and no escape: it can be used as it is. */
  readonly dynamic: boolean;
}

const ESCAPES: Readonly<Record<string, string>> = { '*': '*', '?': '?', $: '$' };

/** Parses `${...}` once. With `substitute` false (old Version), the whole string is text. */
export function parseTemplate(raw: string, substitute: boolean): Template {
  if (!substitute || !raw.includes('${')) return { raw, parts: [{ kind: 'text', text: raw }], dynamic: false };
  const parts: TemplatePart[] = [];
  let text = '';
  let i = 0;
  while (i < raw.length) {
    const open = raw.indexOf('${', i);
    if (open < 0) break;
    const close = findClose(raw, open + 2);
    if (close < 0) break;
    const body = raw.slice(open + 2, close);
    const parsed = parseBody(body);
    if (!parsed) {
      text += raw.slice(i, close + 1);
      i = close + 1;
      continue;
    }
    text += raw.slice(i, open);
    if (text) parts.push({ kind: 'text', text });
    text = '';
    parts.push(parsed);
    i = close + 1;
  }
  text += raw.slice(i);
  if (text) parts.push({ kind: 'text', text });
  return { raw, parts, dynamic: parts.some((p) => p.kind !== 'text') };
}

/** The keys of the policy variables in some policy strings, lower-cased; undefined when there are none. */
export function variableKeys(raws: readonly unknown[], substitute: boolean): readonly string[] | undefined {
  if (!substitute) return undefined;
  let keys: Set<string> | undefined;
  for (const raw of raws) {
    if (typeof raw !== 'string' || !raw.includes('${')) continue;
    keys ??= new Set<string>();
    for (const part of parseTemplate(raw, substitute).parts) if (part.kind === 'var') keys.add(part.key);
  }
  return keys !== undefined && keys.size > 0 ? [...keys] : undefined;
}

/** Finds the `}` that closes a variable, skipping a quoted default value. */
function findClose(raw: string, from: number): number {
  let quoted = false;
  for (let i = from; i < raw.length; i++) {
    const ch = raw[i];
    if (ch === "'") {
      if (quoted && raw[i + 1] === "'") i++;
      else quoted = !quoted;
    } else if (ch === '}' && !quoted) {
      return i;
    }
  }
  return -1;
}

function parseBody(body: string): TemplatePart | undefined {
  const escaped = ESCAPES[body];
  if (escaped !== undefined) return { kind: 'literal', text: escaped };
  const comma = body.indexOf(',');
  const key = (comma < 0 ? body : body.slice(0, comma)).trim();
  if (!key || /\s/.test(key)) return undefined;
  if (comma < 0) return { kind: 'var', key: key.toLowerCase(), fallback: undefined };
  const rest = body.slice(comma + 1).trim();
  if (rest.length < 2 || !rest.startsWith("'") || !rest.endsWith("'")) return undefined;
  const inner = rest.slice(1, -1);
  if (inner.replace(/''/g, '').includes("'")) return undefined;
  return { kind: 'var', key: key.toLowerCase(), fallback: inner.replace(/''/g, "'") };
}

/** The value a variable resolves to in this request, or undefined when it does not resolve. */
export function resolveVariable(
  part: { readonly key: string; readonly fallback: string | undefined },
  context: ContextMap,
): string | undefined {
  const entry = context.get(part.key);
  if (entry && !entry.multi && entry.values.length === 1) return entry.values[0];
  return part.fallback;
}

/** Renders a template as plain text (for exact comparisons); undefined when a variable does not resolve. */
export function renderTemplate(template: Template, context: ContextMap): string | undefined {
  if (!template.dynamic) return template.raw;
  let out = '';
  for (const part of template.parts) {
    if (part.kind === 'var') {
      const value = resolveVariable(part, context);
      if (value === undefined) return undefined;
      out += value;
    } else {
      out += part.text;
    }
  }
  return out;
}

/**
 * Compiles a template into a glob matcher factory. Policy text keeps its wildcards; substituted
 * values and escapes match literally. A static template compiles once; a dynamic one per value set,
 * cached by its rendered source.
 */
export function compileTemplateGlob(
  template: Template,
  ignoreCase = false,
): (context: ContextMap) => Matcher | undefined {
  if (!template.dynamic) {
    const matcher = compileGlob(template.raw, ignoreCase);
    return () => matcher;
  }
  const cache = new Map<string, Matcher>();
  const vars = template.parts.filter((p): p is Extract<TemplatePart, { kind: 'var' }> => p.kind === 'var');
  return (context) => {
    // Key the cache by the substituted values: cheaper than building the RegExp source each time.
    let key = '';
    for (const part of vars) {
      const value = resolveVariable(part, context);
      if (value === undefined) return undefined;
      key += `${value.length}:${value}`;
    }
    let matcher = cache.get(key);
    if (matcher) return matcher;
    let source = '';
    for (const part of template.parts) {
      if (part.kind === 'text') source += globRegexSource(part.text);
      else if (part.kind === 'literal') source += escapeRegex(part.text);
      else source += escapeRegex(resolveVariable(part, context) as string);
    }
    const re = new RegExp(`^${source}$`, ignoreCase ? 'is' : 's');
    matcher = (v) => re.test(v);
    if (cache.size > 256) cache.clear();
    cache.set(key, matcher);
    return matcher;
  };
}
