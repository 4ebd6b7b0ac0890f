/**
 * Expanding `strategy.matrix` into its combinations, GitHub's way: the product of the vectors, minus the `exclude`
 * entries (a combination matching every key of one is dropped), then each `include` entry added to every
 * combination it does not overwrite an original value of, or as a combination of its own when it fits none.
 * https://docs.github.com/en/actions/writing-workflows/choosing-what-your-workflow-does/running-variations-of-jobs-in-a-workflow#expanding-or-adding-matrix-configurations
 */
import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/index';
import { type ContextValue, evaluateExpression, Unknown } from './expressions.js';
import { distinctReads, tokenReads } from './reads.js';
import {
  entries,
  expressionSource,
  isExpressionToken,
  isMappingToken,
  isSequenceToken,
  items,
  literalOf,
} from './tokens.js';
import { rememberedOver } from './values.js';

type Row = Record<string, unknown>;

/** The matrix's rows, or the reason they cannot be listed; `limit` bounds the product before it is built. */
export type MatrixRows =
  | { readonly kind: 'rows'; readonly rows: readonly Row[] }
  | { readonly kind: 'unknown'; readonly expression: string; readonly reason: string }
  | { readonly kind: 'too-many'; readonly count: number };

/** A token's value over `context`: literals as written, expressions evaluated (unknown stops the expansion). */
function matrixValue(t: TemplateToken, context: Readonly<Record<string, ContextValue>>): unknown {
  if (isExpressionToken(t)) {
    const result = evaluateExpression(t.expression, context);
    if (result.kind === 'unknown') throw new Unknown(`${expressionSource(t)}: ${result.reason}`);
    return result.value;
  }
  if (isSequenceToken(t)) return items(t).map((i) => matrixValue(i, context));
  if (isMappingToken(t)) return Object.fromEntries(entries(t).map(([k, v]) => [k, matrixValue(v, context)]));
  return literalOf(t) ?? null;
}

/** A matrix value as compared: two are the same value when they are written out the same. */
const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

function matches(row: Row, partial: Row): boolean {
  return Object.entries(partial).every(([k, v]) => same(row[k], v));
}

/**
 * Adds the `include` entries to the combinations, as GitHub's documentation describes: an entry is merged into each
 * original combination (of the vectors, after `exclude`) whose original values it does not overwrite; one that fits
 * none is a combination of its own, into which later entries are never merged (the documentation's example keeps
 * `{fruit: banana}` and `{fruit: banana, animal: cat}` apart).
 */
function applyIncludes(rows: Row[], includes: Row[], original: ReadonlySet<string>): Row[] {
  const out = rows.map((r) => ({ ...r }));
  const added: Row[] = [];
  for (const include of includes) {
    // Only the keys of the vectors can be overwritten; an include's other keys are added.
    const checked = Object.entries(include).filter(([k]) => original.has(k));
    let merged = false;
    out.forEach((row, i) => {
      const originalRow = rows[i] ?? {};
      if (!checked.some(([k, v]) => k in originalRow && !same(originalRow[k], v))) {
        Object.assign(row, include);
        merged = true;
      }
    });
    if (!merged) added.push({ ...include });
  }
  return [...out, ...added];
}

/** Each bound's expansions of each matrix, remembered by what the matrix reads (see `src/workflows/values.ts`). */
const BY_LIMIT = new Map<number, WeakMap<TemplateToken, object>>();

/**
 * The rows of `strategy.matrix` (one empty row without a matrix). The rows are shared by every run whose contexts
 * give the matrix the same values, and never changed.
 */
export function expandMatrix(
  matrix: TemplateToken | undefined,
  context: Readonly<Record<string, ContextValue>>,
  limit: number,
): MatrixRows {
  if (matrix === undefined) return { kind: 'rows', rows: [{}] };
  let anchors = BY_LIMIT.get(limit);
  if (anchors === undefined) {
    anchors = new WeakMap();
    BY_LIMIT.set(limit, anchors);
  }
  let anchor = anchors.get(matrix);
  if (anchor === undefined) {
    anchor = {};
    anchors.set(matrix, anchor);
  }
  return rememberedOver(
    anchor,
    () => distinctReads(tokenReads(matrix)),
    context,
    () => expandFresh(matrix, context, limit),
  );
}

function expandFresh(
  matrix: TemplateToken,
  context: Readonly<Record<string, ContextValue>>,
  limit: number,
): MatrixRows {
  try {
    const value = matrixValue(matrix, context);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      return { kind: 'unknown', expression: String(value), reason: 'the matrix is not a mapping' };
    }
    const { include, exclude, ...vectors } = value as Record<string, unknown>;
    const keys = Object.keys(vectors);
    // The whole product is counted (a length is cheap) so that the report says how many there are; none is built
    // past the limit.
    let count = 1;
    for (const key of keys) {
      const vector = vectors[key];
      if (!Array.isArray(vector)) return { kind: 'unknown', expression: key, reason: `matrix.${key} is not a list` };
      count *= vector.length;
    }
    if (count > limit) return { kind: 'too-many', count };
    let rows: Row[] = keys.length === 0 ? [] : [{}];
    for (const key of keys) {
      rows = rows.flatMap((row) => (vectors[key] as unknown[]).map((v) => ({ ...row, [key]: v })));
    }
    const excludes = (Array.isArray(exclude) ? exclude : []) as Row[];
    rows = rows.filter((row) => !excludes.some((e) => matches(row, e)));
    rows = applyIncludes(rows, (Array.isArray(include) ? include : []) as Row[], new Set(keys));
    if (rows.length > limit) return { kind: 'too-many', count: rows.length };
    return { kind: 'rows', rows: rows.length === 0 ? [{}] : rows };
  } catch (error) {
    if (error instanceof Unknown) return { kind: 'unknown', expression: error.reason, reason: error.reason };
    throw error;
  }
}
