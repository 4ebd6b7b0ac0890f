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
 * sixth of a parse, measured on the fixtures' 50 files); and not even that for a text the fast reader read
 * (`src/workflows/fast-reader.ts`), whose events say whether it holds an anchor (`src/workflows/load.ts`).
 */
import { Alias, type Document, isAlias, isMap, isPair, isSeq, Lexer, type Node, parseAllDocuments, visit } from 'yaml';

/**
 * Whether the text holds an anchor: a lexer token that starts with `&` (YAML 1.2.2, 6.9.2 "Node Anchors"). Shell's
 * `&&` or `2>&1` inside a scalar is part of the scalar's token, never one of its own.
 */
export function hasAnchor(text: string): boolean {
  if (!text.includes('&')) return false;
  for (const token of new Lexer().lex(text)) if (token.startsWith('&')) return true;
  return false;
}

/**
 * Whether the text's aliases expand it past `limit` nodes (false for a text with no anchor). `anchored`, when given,
 * is whether the text holds an anchor, as the caller already knows it (`src/workflows/fast-reader.ts` finds the
 * anchors the lexer finds, in a text it reads).
 */
export function aliasesExceed(text: string, limit: number, anchored?: boolean): boolean {
  return (anchored ?? hasAnchor(text)) && expandedNodeCount(text) > limit;
}

/**
 * Each alias's node, found in one pass in document order: an alias refers to the last node before it with its anchor
 * (YAML 1.2.2, 7.1 "Alias Nodes"). The library's own `Alias.resolve` searches the whole document on every call, which
 * thousands of aliases in one file turn into minutes.
 */
function aliasTargets(doc: Document): Map<Alias, Node> {
  const anchors = new Map<string, Node>();
  const targets = new Map<Alias, Node>();
  visit(doc, {
    Alias: (_, alias) => {
      const target = anchors.get(alias.source);
      if (target) targets.set(alias, target);
    },
    Node: (_, node) => {
      if (node.anchor) anchors.set(node.anchor, node);
    },
  });
  return targets;
}

/** The expanded node count, or `Infinity` when an alias refers to a node that contains it. */
function expandedNodeCount(text: string): number {
  let total = 0;
  for (const doc of parseAllDocuments(text)) {
    if (!('contents' in doc)) continue;
    const targets = aliasTargets(doc);
    const memo = new Map<unknown, number>();
    const open = new Set<unknown>();
    const count = (node: unknown): number => {
      if (node === null || node === undefined) return 1;
      if (isAlias(node)) return count(targets.get(node));
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

/**
 * Runs `parse` (GitHub's parser over one file) with every alias resolved from one index of its document. GitHub's
 * reader (`@actions/workflow-parser` YamlObjectReader) calls `Alias.resolve(doc)` once per alias, and the library walks
 * the whole document on each call: a workflow of 30 KB with 10,000 aliases took it 20 seconds, and one of 1 MiB would
 * take hours. The index gives the same node the walk finds ({@link aliasTargets}); the library's method is restored
 * when `parse` returns, and a call that passes a context (the library's own `toJS`) is left to it.
 */
export function withAliasIndex<T>(parse: () => T): T {
  const original = Alias.prototype.resolve;
  const indexes = new WeakMap<Document, Map<Alias, Node>>();
  Alias.prototype.resolve = function resolve(this: Alias, doc, ctx) {
    if (ctx) return original.call(this, doc, ctx);
    let index = indexes.get(doc);
    if (index === undefined) {
      index = aliasTargets(doc);
      indexes.set(doc, index);
    }
    return index.get(this) as ReturnType<Alias['resolve']>;
  };
  try {
    return parse();
  } finally {
    Alias.prototype.resolve = original;
  }
}
