/**
 * GitHub's filter patterns for `branches`, `tags` and their `-ignore` forms, as the workflow syntax's cheat sheet
 * defines them (https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions#filter-pattern-cheat-sheet):
 * `*` is any run of characters but `/`, `**` any run, `?` zero or one of the preceding character, `+` one or more of
 * it, `[...]` one character listed or in a range (`a-z`, `A-Z`, `0-9`), `!` at the start of a pattern negates the
 * positive patterns before it, and `\` makes the next character literal. Three things over one list of patterns:
 * whether a name passes it, sample names that pass it (to evaluate a trust policy on), and the IAM glob (`*`, `?`)
 * that covers every name it passes (to prove a trust policy admits all of them). Pure.
 */

/** Where the cheat sheet is. */
export const FILTER_DOC =
  'https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions#filter-pattern-cheat-sheet';

/** Longest pattern read: a filter is a branch or tag name, which GitHub keeps short. */
const MAX_PATTERN = 1024;

/** One element of a pattern: what it matches once, and how often (`?` and `+` of the cheat sheet). */
interface Atom {
  readonly kind: 'literal' | 'star' | 'globstar' | 'class';
  /** The literal character, or the class's characters (ranges spread out). */
  readonly chars: string;
  readonly repeat: 'one' | 'optional' | 'some';
}

/** A pattern taken apart; `error` names what GitHub would not read. */
export interface FilterPattern {
  readonly text: string;
  readonly negated: boolean;
  readonly atoms: readonly Atom[];
  readonly error?: string;
}

const RANGE = /^(?:[a-z]-[a-z]|[A-Z]-[A-Z]|[0-9]-[0-9])$/;

/** The characters of a `[...]` body: listed ones, and ranges within a-z, A-Z or 0-9. */
function classChars(body: string): string | undefined {
  let out = '';
  for (let i = 0; i < body.length; ) {
    const range = body.slice(i, i + 3);
    if (RANGE.test(range)) {
      for (let c = range.charCodeAt(0); c <= range.charCodeAt(2); c++) out += String.fromCharCode(c);
      i += 3;
    } else {
      out += body[i];
      i += 1;
    }
  }
  return out.length > 0 ? out : undefined;
}

/** Parses one pattern of a `branches`/`tags` list. */
export function parseFilter(text: string): FilterPattern {
  const negated = text.startsWith('!');
  const body = negated ? text.slice(1) : text;
  const atoms: Atom[] = [];
  const fail = (error: string): FilterPattern => ({ text, negated, atoms, error });
  if (text.length > MAX_PATTERN) return fail(`longer than ${MAX_PATTERN} characters`);
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (c === '?' || c === '+') {
      const last = atoms.pop();
      if (last?.repeat !== 'one') return fail(`\`${c}\` at ${i + 1} has no character before it to repeat`);
      // `*?`, `*+` and the like match what `*` alone does.
      const wild = last.kind === 'star' || last.kind === 'globstar';
      atoms.push(wild ? last : { ...last, repeat: c === '?' ? 'optional' : 'some' });
    } else if (c === '*') {
      const globstar = body[i + 1] === '*';
      atoms.push({ kind: globstar ? 'globstar' : 'star', chars: '', repeat: 'one' });
      if (globstar) i += 1;
    } else if (c === '[') {
      const end = body.indexOf(']', i + 1);
      const chars = end === -1 ? undefined : classChars(body.slice(i + 1, end));
      if (end === -1 || chars === undefined) return fail(`\`[\` at ${i + 1} opens no character class`);
      atoms.push({ kind: 'class', chars, repeat: 'one' });
      i = end;
    } else if (c === '\\' && i + 1 < body.length) {
      atoms.push({ kind: 'literal', chars: body[i + 1] as string, repeat: 'one' });
      i += 1;
    } else {
      atoms.push({ kind: 'literal', chars: c, repeat: 'one' });
    }
  }
  return { text, negated, atoms };
}

/** Whether atom `a` takes character `c` once. */
function takes(a: Atom, c: string): boolean {
  if (a.kind === 'globstar') return true;
  if (a.kind === 'star') return c !== '/';
  return a.chars.includes(c);
}

/**
 * Whether the pattern matches all of `name`: the pattern run as a set of states (a position in the atoms, and whether a
 * `+` atom has taken its first character), one character at a time, so the time is the product of the two lengths
 * whatever the pattern; a backtracking regular expression could take exponential time on a pattern written to do so.
 */
export function matchesFilter(pattern: FilterPattern, name: string): boolean {
  const atoms = pattern.atoms;
  const n = atoms.length;
  // State 2i: before atom i; 2i+1: atom i (a `+`) has taken one character and may take more.
  let states = closure(new Set([0]), atoms);
  for (const c of name) {
    const next = new Set<number>();
    for (const s of states) {
      const i = s >> 1;
      const a = atoms[i];
      if (!a || !takes(a, c)) continue;
      if (s & 1 || a.repeat === 'some') next.add(2 * i + 1);
      else if (a.kind === 'star' || a.kind === 'globstar') next.add(2 * i);
      else next.add(2 * (i + 1));
    }
    if (next.size === 0) return false;
    states = closure(next, atoms);
  }
  return states.has(2 * n);
}

/** The states reachable without taking a character: past an optional atom, a wildcard, or a `+` that has taken one. */
function closure(states: Set<number>, atoms: readonly Atom[]): Set<number> {
  const todo = [...states];
  while (todo.length > 0) {
    const s = todo.pop() as number;
    const a = atoms[s >> 1];
    if (!a) continue;
    const skips =
      s & 1 || a.repeat === 'optional' || ((a.kind === 'star' || a.kind === 'globstar') && a.repeat === 'one');
    const next = 2 * ((s >> 1) + 1);
    if (skips && !states.has(next)) {
      states.add(next);
      todo.push(next);
    }
  }
  return states;
}

/**
 * A list of patterns as GitHub reads it: a name passes when the last pattern that matches it is positive (a `!`
 * pattern excludes what earlier ones included). With `ignore`, the list is a `-ignore` list: a name passes when no
 * pattern matches it. (FILTER_DOC and https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions#onpushbranchestagsbranches-ignoretags-ignore)
 */
export interface FilterList {
  readonly patterns: readonly FilterPattern[];
  readonly ignore: boolean;
}

/** Reads a list of patterns; `errors` names every pattern GitHub would not read. */
export function filterList(texts: readonly string[], ignore = false): FilterList & { errors: string[] } {
  const patterns = texts.map(parseFilter);
  const errors = patterns.filter((p) => p.error).map((p) => `\`${p.text}\`: ${p.error}`);
  return { patterns, ignore, errors };
}

/** Whether `name` (a branch or tag name, without `refs/heads/` or `refs/tags/`) passes the list. */
export function passes(list: FilterList, name: string): boolean {
  if (list.ignore) return !list.patterns.some((p) => matchesFilter(p, name));
  let verdict = false;
  for (const p of list.patterns) if (!p.error && matchesFilter(p, name)) verdict = !p.negated;
  return verdict;
}

/** The choices a sample may make for one atom, most telling first. */
function choices(a: Atom): string[] {
  const one =
    a.kind === 'star'
      ? ['x', '', 'x-1']
      : a.kind === 'globstar'
        ? ['x', '', 'x/y']
        : a.kind === 'class'
          ? [a.chars[0] ?? '']
          : [a.chars];
  if (a.kind === 'class' && a.chars.length > 1) one.push(a.chars[a.chars.length - 1] as string);
  if (a.repeat === 'optional') return [...one, ''];
  // A class repeated reads as a name would: `[0-9]+` twice is `10`, as in v10.0.0, then `99`.
  const twice =
    a.kind === 'class' && a.chars.length > 1
      ? [`${a.chars[1]}${a.chars[0]}`, `${one[1]}${one[1]}`]
      : one.map((o) => o + o);
  if (a.repeat === 'some') return [...one, ...twice];
  return one;
}

/**
 * Whether git takes `name` as a branch or tag name: no empty, dot-led or `.lock`-ended component, no `..`, no space,
 * control character or `~^:?*[\`, and not `@` alone (the names a push can carry).
 */
export function isRefName(name: string): boolean {
  if (name === '' || name === '@' || name.includes('..') || name.includes('@{')) return false;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses
  if (/[\u0000-\u0020\u007f~^:?*[\\]/.test(name) || name.endsWith('.')) return false;
  return name.split('/').every((part) => part !== '' && !part.startsWith('.') && !part.endsWith('.lock'));
}

/**
 * Up to `limit` names that pass the list, each made from one positive pattern by choosing for each wildcard one of a
 * few fills (`x`, nothing, a longer run, a `/` for `**`) and for each `+` one or two of its character: first the
 * plainest name, then each atom's other choices on its own (every atom's second choice before any atom's third), so a
 * `+` repeated or a `*` filled longer is tried wherever it stands in the pattern, then the combinations. Names git
 * would refuse are left out. Empty when no choice passes (a list of negations only, say). Deterministic, and bounded
 * by `limit` whatever the pattern's length.
 */
export function sampleNames(list: FilterList, limit = 32): string[] {
  const out = new Set<string>();
  const positives = list.ignore ? [parseFilter('**')] : list.patterns.filter((p) => !p.negated && !p.error);
  for (const p of positives) {
    const options = p.atoms.map(choices);
    let tries = 0;
    const tryName = (index: readonly number[]) => {
      tries++;
      const name = options.map((o, k) => o[index[k] as number]).join('');
      if (isRefName(name) && passes(list, name)) out.add(name);
    };
    const more = () => tries < limit * 8 && out.size < limit;
    const plain = options.map(() => 0);
    tryName(plain);
    const widest = Math.max(0, ...options.map((o) => o.length));
    for (let j = 1; j < widest && more(); j++) {
      for (let k = 0; k < options.length && more(); k++) {
        if (j < (options[k] as string[]).length) tryName(plain.map((x, i) => (i === k ? j : x)));
      }
    }
    // Odometer over the choices, first choices first, bounded by the limit per pattern.
    const index = options.map(() => 0);
    while (more()) {
      let k = options.length - 1;
      while (k >= 0 && (index[k] as number) + 1 >= (options[k] as string[]).length) index[k--] = 0;
      if (k < 0) break;
      index[k] = (index[k] as number) + 1;
      tryName(index);
    }
  }
  return [...out].slice(0, limit);
}

/**
 * An IAM glob (`*` any run, `?` one character:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String)
 * matching every name the positive pattern matches, and perhaps more: a wildcard, an optional or repeated element
 * becomes `*`, a class of several characters `?`. Undefined for a negated or unreadable pattern.
 */
export function coveringGlob(pattern: FilterPattern): string | undefined {
  if (pattern.negated || pattern.error) return undefined;
  let out = '';
  for (const a of pattern.atoms) {
    if (a.kind === 'star' || a.kind === 'globstar' || a.repeat !== 'one') out += '*';
    else if (a.kind === 'class') out += a.chars.length === 1 ? literal(a.chars) : '?';
    else out += literal(a.chars);
  }
  return out.replace(/\*+/g, '*');
}

/** A literal character in an IAM glob: `*` and `?` cannot be written literally there, so they widen to `?`. */
const literal = (c: string) => (c === '*' || c === '?' ? '?' : c);
