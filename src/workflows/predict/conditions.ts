/**
 * What a job's or step's `if:` says about the ref, when the model could not decide it: a condition whose top-level
 * `&&` holds a conjunct made only of alternatives on the ref (`github.ref == '<ref>'`, `github.ref_name == '<name>'`,
 * `startsWith(github.ref, '<prefix>')`, `startsWith(github.ref_name, '<prefix>')`) runs only for refs they admit, so
 * another ref never reaches the credential step. Anything else is left as it is. GitHub compares strings without regard to
 * case, so a branch `MAIN` passes `github.ref == 'refs/heads/main'` too; it is another branch, with another `sub`, and
 * the narrowing keeps only the ref as written (a branch named like another but for case is taken not to exist; the
 * same for prefixes). Expressions:
 * https://docs.github.com/en/actions/writing-workflows/choosing-what-your-workflow-does/evaluate-expressions-in-workflows-and-actions
 * Pure.
 */

/** Longest condition read. */
const MAX_CONDITION = 4096;

/** Splits `text` at `sep` where no parenthesis or quote is open. */
function splitTop(text: string, sep: '&&' | '||'): string[] | undefined {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'") quoted = !quoted;
    else if (!quoted && c === '(') depth++;
    else if (!quoted && c === ')') depth--;
    else if (!quoted && depth === 0 && text.startsWith(sep, i)) {
      parts.push(text.slice(start, i));
      start = i + 2;
      i++;
    }
    if (depth < 0) return undefined;
  }
  if (depth !== 0 || quoted) return undefined;
  parts.push(text.slice(start));
  return parts.map((p) => p.trim());
}

/** `(x)` → `x` while the outer parentheses enclose the whole text. */
function unwrap(text: string): string {
  let t = text.trim();
  while (t.startsWith('(') && t.endsWith(')') && splitTop(t.slice(1, -1), '&&') !== undefined)
    t = t.slice(1, -1).trim();
  return t;
}

/** One alternative of a condition on the ref: the ref is one of these, or starts with a prefix. */
export type RefConstraint =
  | { readonly kind: 'equals'; readonly refs: readonly string[] }
  /** `prefix` of the full ref, or (`name`) of the branch or tag name. */
  | { readonly kind: 'prefix'; readonly prefix: string; readonly of: 'ref' | 'name' };

const QUOTED = "'([^']*)'";
const FORMS: readonly [RegExp, (v: string) => RefConstraint][] = [
  [new RegExp(`^github\\.ref\\s*==\\s*${QUOTED}$`), (v) => ({ kind: 'equals', refs: [v] })],
  [new RegExp(`^${QUOTED}\\s*==\\s*github\\.ref$`), (v) => ({ kind: 'equals', refs: [v] })],
  [
    new RegExp(`^github\\.ref_name\\s*==\\s*${QUOTED}$`),
    (v) => ({ kind: 'equals', refs: [`refs/heads/${v}`, `refs/tags/${v}`] }),
  ],
  [
    new RegExp(`^startsWith\\(\\s*github\\.ref\\s*,\\s*${QUOTED}\\s*\\)$`),
    (v) => ({ kind: 'prefix', prefix: v, of: 'ref' }),
  ],
  [
    new RegExp(`^startsWith\\(\\s*github\\.ref_name\\s*,\\s*${QUOTED}\\s*\\)$`),
    (v) => ({ kind: 'prefix', prefix: v, of: 'name' }),
  ],
];

/** One alternative read as a constraint on the ref, or undefined. */
function constraintOf(text: string): RefConstraint | undefined {
  const t = unwrap(text);
  for (const [re, make] of FORMS) {
    const m = re.exec(t);
    if (m) return make(m[1] as string);
  }
  return undefined;
}

const EVENT_TEST = new RegExp(`^github\\.event_name\\s*(==|!=)\\s*${QUOTED}$`);

/**
 * An alternative that tests the event (`github.event_name == '<event>'`, or `!=`), decided for the run's `event`
 * (compared without regard to case, as GitHub compares strings); undefined for any other text, or without an event.
 */
function eventTest(text: string, event: string | undefined): boolean | undefined {
  const m = event === undefined ? null : EVENT_TEST.exec(unwrap(text));
  if (!m) return undefined;
  const same = (m[2] as string).toLowerCase() === (event as string).toLowerCase();
  return m[1] === '==' ? same : !same;
}

/**
 * One top-level conjunct read: `always` when an alternative on the event holds for this run, else the constraints of
 * its alternatives on the ref once those on the event that fail are dropped; undefined when an alternative is neither,
 * or none is on the ref.
 */
function readConjunct(conjunct: string, event: string | undefined): RefConstraint[] | 'always' | undefined {
  const alternatives = splitTop(unwrap(conjunct), '||');
  if (!alternatives || alternatives.length === 0) return undefined;
  const out: RefConstraint[] = [];
  for (const a of alternatives) {
    const test = eventTest(a, event);
    if (test === true) return 'always';
    if (test === false) continue;
    const c = constraintOf(a);
    if (!c) return undefined;
    out.push(c);
  }
  // A conjunct on the event alone that fails for this run says nothing of the ref: it is not read here.
  return out.length > 0 ? out : undefined;
}

/**
 * The constraints a condition puts on the ref: one list of alternatives per top-level conjunct made only of them (and
 * of tests of the event, decided for the run's `event`: `github.event_name != 'workflow_dispatch' || github.ref ==
 * 'refs/heads/main'` keeps a workflow_dispatch run to main and puts nothing on a push), or undefined when there is
 * none. `${{ }}` around the condition is dropped first, as GitHub does for `if:`.
 */
export function refConstraints(condition: string, event?: string): RefConstraint[][] | undefined {
  if (condition.length > MAX_CONDITION) return undefined;
  const bare = condition.trim().replace(/^\$\{\{([\s\S]*)\}\}$/, '$1');
  const conjuncts = splitTop(unwrap(bare), '&&');
  if (!conjuncts) return undefined;
  const out: RefConstraint[][] = [];
  for (const conjunct of conjuncts) {
    const read = readConjunct(conjunct, event);
    if (read && read !== 'always') out.push(read);
  }
  return out.length > 0 ? out : undefined;
}

/** Whether a condition reads the ref at all (then a ref it may exclude is not known). */
export const readsRef = (condition: string) => /\bgithub\.ref\b|\bgithub\.ref_name\b|\bGITHUB_REF\b/.test(condition);

/**
 * The condition with the conjuncts {@link refConstraints} read taken out, to tell whether the rest still reads the
 * ref (then a ref may be kept from the step in a way the prediction does not know).
 */
export function withoutConstraints(condition: string, event?: string): string {
  const bare = condition.trim().replace(/^\$\{\{([\s\S]*)\}\}$/, '$1');
  const conjuncts = splitTop(unwrap(bare), '&&');
  if (!conjuncts) return condition;
  return conjuncts.filter((c) => readConjunct(c, event) === undefined).join(' && ');
}
