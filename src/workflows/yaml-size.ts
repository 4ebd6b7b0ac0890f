/**
 * How many nodes a YAML text holds once its aliases are expanded. GitHub reads anchors and aliases in workflow files
 * (https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions), and its parser expands
 * every alias into a full copy, so a few lines of aliases to aliases (a "billion laughs") would take it hours. This
 * count is taken first, on the text's own tree (each anchored node counted once, then reused), and a file over the
 * bound is refused before GitHub's parser sees it.
 *
 * Without an anchor there is no alias to expand, and the parser's work is bounded by the text's length (already
 * bounded by WorkflowLimits.fileBytes), so a text with no anchor is not counted: counting costs a second YAML parse of
 * the file, while finding the anchors takes only the YAML library's lexer, the one GitHub's parser reads with (about a
 * sixth of a parse, measured on the fixtures' 50 files).
 */
import { isAlias, isMap, isPair, isSeq, Lexer, type Node, parseAllDocuments } from 'yaml';

/**
 * Whether the text holds an anchor: a lexer token that starts with `&` (YAML 1.2.2, 6.9.2 "Node Anchors"). Shell's
 * `&&` or `2>&1` inside a scalar is part of the scalar's token, never one of its own.
 */
function hasAnchor(text: string): boolean {
  if (!text.includes('&')) return false;
  for (const token of new Lexer().lex(text)) if (token.startsWith('&')) return true;
  return false;
}

/** Whether the text's aliases expand it past `limit` nodes (false for a text with no anchor). */
export function aliasesExceed(text: string, limit: number): boolean {
  return hasAnchor(text) && expandedNodeCount(text) > limit;
}

/** The expanded node count, or `Infinity` when an alias refers to a node that contains it. */
function expandedNodeCount(text: string): number {
  let total = 0;
  for (const doc of parseAllDocuments(text)) {
    if (!('contents' in doc)) continue;
    const memo = new Map<unknown, number>();
    const open = new Set<unknown>();
    const count = (node: unknown): number => {
      if (node === null || node === undefined) return 1;
      if (isAlias(node)) return count(node.resolve(doc));
      const known = memo.get(node);
      if (known !== undefined) return known;
      if (open.has(node)) return Number.POSITIVE_INFINITY;
      open.add(node);
      let n = 1;
      if (isMap(node) || isSeq(node)) {
        for (const item of node.items as unknown[]) {
          n += isPair(item) ? count(item.key) + count(item.value) : count(item);
        }
      }
      open.delete(node);
      memo.set(node, n);
      return n;
    };
    total += count(doc.contents as Node | null);
  }
  return total;
}
