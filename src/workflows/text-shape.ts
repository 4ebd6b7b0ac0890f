/**
 * The pieces of a text a workflow writes with expressions that are not all known before the run
 * (src/model/text-shape.ts): `GitHubActions-${{ github.run_id }}` is `GitHubActions-` then a run of digits. GitHub's
 * parser turns such a value into `format('GitHubActions-{0}', github.run_id)`; each argument is evaluated on its own,
 * a known one is written out, and an unknown one is kept as a piece only where GitHub documents what it is made of.
 * Anything else leaves the text without pieces: it stays unknown, never guessed.
 */
import { ContextAccess, type Expr, FunctionCall, IndexAccess, Literal } from '@actions/expressions/ast';
import type { TextPiece } from '../model/text-shape.js';
import { type ContextValue, evaluateNode, parseExpression } from './expressions.js';

/**
 * The `github` context's values that GitHub documents as numbers (run and account IDs, run numbers and attempts: at
 * most 20 digits, the length of a 64-bit integer) or as a commit SHA (40 hexadecimal digits, 64 in a repository of
 * SHA-256 objects). https://docs.github.com/en/actions/reference/workflows-and-actions/contexts#github-context
 */
const GITHUB_SHAPES: Readonly<Record<string, Omit<Extract<TextPiece, { chars: unknown }>, 'from'>>> = {
  run_id: { chars: 'digits', min: 1, max: 20 },
  run_number: { chars: 'digits', min: 1, max: 20 },
  run_attempt: { chars: 'digits', min: 1, max: 20 },
  repository_id: { chars: 'digits', min: 1, max: 20 },
  repository_owner_id: { chars: 'digits', min: 1, max: 20 },
  actor_id: { chars: 'digits', min: 1, max: 20 },
  sha: { chars: 'hex', min: 40, max: 64 },
};

/** The pieces of the value of `expression` in `contexts`, or undefined where they are not all known. */
export function textPieces(
  expression: string,
  contexts: Readonly<Record<string, ContextValue>>,
): readonly TextPiece[] | undefined {
  let node: Expr;
  try {
    node = parseExpression(expression);
  } catch {
    return undefined;
  }
  if (node instanceof FunctionCall && node.functionName.lexeme.toLowerCase() === 'format') {
    const [template, ...args] = node.args;
    const text = template instanceof Literal ? (template.literal as { value?: unknown }).value : undefined;
    if (typeof text !== 'string') return undefined;
    const parts = formatParts(text);
    if (parts === undefined) return undefined;
    const out: TextPiece[] = [];
    for (const part of parts) {
      const piece = typeof part === 'string' ? { text: part } : args[part] && argumentPiece(args[part], contexts);
      if (piece === undefined) return undefined;
      out.push(piece);
    }
    return out;
  }
  // A plain value unknown as a whole: a piece only when it reads a field of a documented kind.
  if (githubField(node) === undefined) return undefined;
  const piece = argumentPiece(node, contexts);
  return piece && [piece];
}

/**
 * `format`'s template in order: written text, and the index of each `{N}`; `{{` and `}}` stand for a brace. Undefined
 * for a template GitHub's `format` refuses (a lone brace).
 * https://docs.github.com/en/actions/reference/workflows-and-actions/expressions#format
 */
function formatParts(template: string): (string | number)[] | undefined {
  const out: (string | number)[] = [];
  let text = '';
  for (let i = 0; i < template.length; i++) {
    const c = template.charAt(i);
    if ((c === '{' || c === '}') && template.charAt(i + 1) === c) {
      text += c;
      i += 1;
      continue;
    }
    if (c === '}') return undefined;
    if (c !== '{') {
      text += c;
      continue;
    }
    const close = template.indexOf('}', i);
    const index = close < 0 ? '' : template.slice(i + 1, close);
    if (!/^\d{1,3}$/.test(index)) return undefined;
    if (text !== '') out.push(text);
    text = '';
    out.push(Number(index));
    i = close;
  }
  if (text !== '') out.push(text);
  return out;
}

/** One argument as a piece: its value as `format` writes it, or the documented shape of what it reads. */
function argumentPiece(node: Expr, contexts: Readonly<Record<string, ContextValue>>): TextPiece | undefined {
  const result = evaluateNode(node, contexts);
  if (result.kind === 'known') {
    const value = result.value;
    if (typeof value === 'string') return { text: value };
    if (value === null) return { text: '' };
    if (typeof value === 'boolean' || (typeof value === 'number' && Number.isSafeInteger(value)))
      return { text: String(value) };
    return undefined;
  }
  const field = githubField(node);
  const shape = field === undefined ? undefined : GITHUB_SHAPES[field];
  return shape && { ...shape, from: `github.${field}` };
}

/** The field `x` of a plain `github.x` (or `github['x']`), in lower case. */
function githubField(node: Expr): string | undefined {
  if (!(node instanceof IndexAccess) || !(node.expr instanceof ContextAccess)) return undefined;
  if (node.expr.name.lexeme.toLowerCase() !== 'github') return undefined;
  const key = node.index instanceof Literal ? (node.index.literal as { value?: unknown }).value : undefined;
  return typeof key === 'string' && Object.hasOwn(GITHUB_SHAPES, key.toLowerCase()) ? key.toLowerCase() : undefined;
}
