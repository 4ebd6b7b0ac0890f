/**
 * How many nodes a YAML text holds once its aliases are expanded. GitHub reads anchors and aliases in workflow files
 * (https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions), and its parser expands
 * every alias into a full copy, so a few lines of aliases to aliases (a "billion laughs") would take it hours. This
 * count is taken first, on the text's own tree (each anchored node counted once, then reused), and a file over the
 * bound is refused before GitHub's parser sees it.
 */
import { isAlias, isMap, isPair, isSeq, type Node, parseAllDocuments } from 'yaml';

/** The expanded node count, or `Infinity` when an alias refers to a node that contains it. */
export function expandedNodeCount(text: string): number {
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
