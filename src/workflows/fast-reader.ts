/**
 * A faster reader of workflow and action YAML, giving the very token tree GitHub's
 * `YamlObjectReader` gives (`@actions/workflow-parser` dist/workflows/yaml-object-reader.js), or nothing when it cannot
 * be sure it would (the caller then runs GitHub's parser, `src/workflows/parse.ts`).
 *
 * Why js-yaml: GitHub's reader builds the `yaml` library's full document (`parseDocument`, with its CST kept) only to
 * walk it once. Measured on this repository's fixtures (bench/workflows.bench.ts, `npm run bench -- --workflows`):
 * GitHub's parser took ~336 ms a round, ~190 ms of it in `yaml`'s parseDocument; over the fixtures' 319 KiB of YAML,
 * js-yaml 5.5.0's event parser (`parseEvents`: a flat list of events with source offsets) takes 18 ms where
 * parseDocument takes 63 ms; with the tree built here and the tokens made, 25 ms. With this reader the bench's "of
 * which: GitHub's parser" line went from 306-337 ms to 160-200 ms a round, and the round from 1071-1184 ms to
 * 898-1121 ms (three runs each, on a shared machine). The schemas stay GitHub's own. The tree is read against them by
 * src/workflows/template-reader.ts (the same tokens and errors as GitHub's template reader, faster); where that
 * declines, GitHub's `readTemplate` reads this reader's events ({@link FastObjectReader}).
 *
 * What must come out the same as the `yaml` library (2.9.1) gives it:
 * - a scalar's type: a plain scalar is typed by the YAML 1.2 core schema as the library's own tags do
 *   (node_modules/yaml/dist/schema/core/{bool,int,float}.js, schema/common/null.js; YAML 1.2.2, 10.3 "Core Schema");
 *   quoted and block scalars are strings;
 * - each token's range: 1-based line and column of its start and end, as the library's LineCounter gives them for
 *   the node's `range[0]` and `range[1]`. A block collection ends where its last value's node ends with the comments
 *   the library's parser gives to that node (node_modules/yaml/dist/parse/parser.js `atIndentedComment`, and the
 *   move of a collection's trailing comment lines to its parent in `*pop`), which is reproduced here;
 * - a string's `source` (the scalar's text as written, quotes included) and a block scalar's header (`|-`, `>+2`);
 * - aliases expanded into copies of their anchored node (YAML 1.2.2, 7.1 "Alias Nodes"), with that node's range.
 *
 * It declines (returns undefined) on anything it does not reproduce: an error from js-yaml (but for a flow
 * collection closed at its block's column: see `readClosed`), more than one document, a
 * directive, a document marker anywhere but one leading `---` alone on its line (YAML 1.2.2, 9.1 and 9.2), a tag (6.8.2 "Node Tags"), a merge key `<<`, an
 * explicit key (`?`), an empty key or an empty node in a flow collection, an implicit pair in a flow sequence, a
 * comment in a flow collection, an alias to a node not yet closed, an anchor before a collection's first entry on
 * its line, a tab, a carriage return outside a CR LF line break, a byte order mark or a control character anywhere,
 * a line break escaped in a double-quoted scalar, a key longer than 1000 characters, a collection nested past
 * `MAX_YAML_DEPTH` (`src/workflows/yaml-depth.ts` then finds it as GitHub's parser would),
 * and a block scalar of blank lines only, with trailing lines of spaces past its indentation, or whose
 * header it cannot find. The tests (__tests__/workflows/fast-reader.test.ts) compare it with GitHub's reader on every
 * fixture, on generated YAML and on the fixtures edited at random.
 */

import { ACTION_ROOT } from '@actions/workflow-parser/actions/action-constants';
import { getActionSchema } from '@actions/workflow-parser/actions/action-schema';
import type { ObjectReader } from '@actions/workflow-parser/templates/object-reader';
import { TemplateContext, TemplateValidationErrors } from '@actions/workflow-parser/templates/template-context';
import { readTemplate } from '@actions/workflow-parser/templates/template-reader';
import {
  type LiteralToken,
  MappingToken,
  SequenceToken,
  StringToken,
  type TemplateToken,
} from '@actions/workflow-parser/templates/tokens/index';
import type { TokenRange } from '@actions/workflow-parser/templates/tokens/token-range';
import type { TraceWriter } from '@actions/workflow-parser/templates/trace-writer';
import { WORKFLOW_ROOT } from '@actions/workflow-parser/workflows/workflow-constants';
import { getWorkflowSchema } from '@actions/workflow-parser/workflows/workflow-schema';
import { getScalarValue, parseEvents, type ScalarEvent, YAMLException } from 'js-yaml';
import { literal, readTree } from './template-reader.js';
import { MAX_YAML_DEPTH } from './yaml-depth.js';

/** js-yaml's event kinds and styles (node_modules/js-yaml/dist/js-yaml.d.ts, EVENT_ID and SCALAR_STYLE). */
const DOCUMENT = 1;
const SEQUENCE = 2;
const MAPPING = 3;
const SCALAR = 4;
const ALIAS = 5;
const PLAIN = 1;
const SINGLE_QUOTED = 2;
const DOUBLE_QUOTED = 3;
const FLOW = 2;
const KEEP = 3;

type Value = string | number | boolean | null;

export interface ScalarNode {
  readonly kind: 'scalar';
  start: number;
  end: number;
  /** The node's end with what the `yaml` library's parser gives it after its text (its `range[2]`). */
  tail: number;
  readonly value: Value;
  /** Where the scalar's text as written starts (its `source`, up to `end`); -1 for an empty node. */
  sourceStart: number;
  readonly header: string | undefined;
}

interface CollectionNode {
  readonly kind: 'seq' | 'map';
  start: number;
  end: number;
  tail: number;
  readonly flow: boolean;
  /** The column (0-based) of the collection's first item: the library's `indent` of a block collection. */
  indent: number;
  /** A mapping's keys and values, alternating. */
  readonly items: YamlNode[];
  closed: boolean;
}

interface AliasNode {
  readonly kind: 'alias';
  start: number;
  end: number;
  tail: number;
  readonly target: YamlNode;
}

export type YamlNode = ScalarNode | CollectionNode | AliasNode;

/** Thrown to give up the fast path; never leaves this module. */
class Decline extends Error {}

function decline(): never {
  throw new Decline();
}

/**
 * The `yaml` library's YAML 1.2 core schema on a plain scalar, tag by tag in its order (node_modules/yaml/dist/schema/
 * core/schema.js: null, bool, intOct, int, intHex, floatNaN, floatExp, float; the first whose test matches resolves).
 */
export function coreValue(s: string): Value {
  if (/^(?:~|[Nn]ull|NULL)?$/.test(s)) return null;
  const c = s.charCodeAt(0);
  // Every other core tag starts with a sign, a dot, a digit, or t/T/f/F.
  if (!(c === 43 || c === 45 || c === 46 || (c >= 48 && c <= 57) || c === 116 || c === 84 || c === 102 || c === 70)) {
    return s;
  }
  if (/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(s)) return s[0] === 't' || s[0] === 'T';
  if (/^0o[0-7]+$/.test(s)) return Number.parseInt(s.substring(2), 8);
  if (/^[-+]?[0-9]+$/.test(s)) return Number.parseInt(s, 10);
  if (/^0x[0-9a-fA-F]+$/.test(s)) return Number.parseInt(s.substring(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(s)) {
    if (s.slice(-3).toLowerCase() === 'nan') return Number.NaN;
    return s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(s)) return Number.parseFloat(s);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(s)) return Number.parseFloat(s);
  return s;
}

/**
 * What the text holds that this reader does not reproduce, found before parsing: a carriage return (but in CR LF,
 * {@link readYaml}), a tab, a byte order mark, and the characters outside YAML's printable set (YAML 1.2.2, 5.1
 * "Character Set").
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what is looked for.
const UNSUPPORTED_TEXT = /[\r\t\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufeff\ufffe\uffff]/;

const SPACE = 32;
const TAB = 9;
const NL = 10;
const HASH = 35;

/** A document marker at a line's start (YAML 1.2.2, 9.1.4 "Explicit Documents", 9.1.2 "Document Markers"). */
const DOCUMENT_MARKER = /^(?:---|\.\.\.)(?:[ \n]|$)/m;

/**
 * A text's one leading document start: blank and comment lines, then `---` alone on its line (as yamllint's
 * `document-start` rule asks every file to begin). The document's node starts after it; what precedes it is no node.
 */
const LEADING_DOCUMENT_START = /^(?:[ ]*(?:#[^\n]*)?\n)*---[ ]*\n/;

/** The trailing lines after `q`: blank and comment-only lines up to the next content (or the end of the text). */
interface Trailing {
  /** The offset of the next content, or the text's length. */
  readonly end: number;
  /** The smallest and largest column of a comment among them (-1 when none). */
  readonly minComment: number;
  readonly maxComment: number;
}

class Builder {
  private readonly text: string;
  private readonly anchors = new Map<string, YamlNode>();
  private readonly stack: CollectionNode[] = [];
  root: YamlNode | undefined;
  /** Whether a node has an anchor (YAML 1.2.2, 6.9.2 "Node Anchors"). */
  anchored = false;

  constructor(text: string) {
    this.text = text;
  }

  /** Where each line starts, found once: searching back for a line break on each call costs a long line's length. */
  private starts: number[] | undefined;

  private lineStart(p: number): number {
    if (this.starts === undefined) {
      const starts = [0];
      for (let i = this.text.indexOf('\n'); i >= 0; i = this.text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.starts = starts;
    }
    return this.starts[countBelow(this.starts, p + 1) - 1] as number;
  }

  private skipSpaces(p: number): number {
    const t = this.text;
    while (p < t.length && (t.charCodeAt(p) === SPACE || t.charCodeAt(p) === TAB)) p++;
    return p;
  }

  /** After a node's text: the spaces, comment and line break the library's parser gives to the node's end. */
  private lineTail(p: number): number {
    const t = this.text;
    let q = this.skipSpaces(p);
    if (t.charCodeAt(q) === HASH) {
      const nl = t.indexOf('\n', q);
      q = nl < 0 ? t.length : nl;
    }
    if (t.charCodeAt(q) === NL) q++;
    return q;
  }

  /**
   * The comment lines, more indented than the collection holding the node, that the library's parser adds to a
   * node's end (node_modules/yaml/dist/parse/parser.js, `atIndentedComment`), with the blank lines before each.
   */
  private indentedComments(q: number, indent: number): number {
    const t = this.text;
    let at = q;
    let p = q;
    while (p < t.length && (p === 0 || t.charCodeAt(p - 1) === NL)) {
      const first = this.skipSpaces(p);
      const c = t.charCodeAt(first);
      if (c === NL) {
        p = first + 1;
        continue;
      }
      if (c !== HASH || first - p <= indent) break;
      const nl = t.indexOf('\n', first);
      p = nl < 0 ? t.length : nl + 1;
      at = p;
    }
    return at;
  }

  private trailing(q: number): Trailing {
    const t = this.text;
    let p = q;
    let minComment = -1;
    let maxComment = -1;
    while (p < t.length) {
      const first = this.skipSpaces(p);
      const c = t.charCodeAt(first);
      if (first >= t.length) return { end: t.length, minComment, maxComment };
      if (c === NL) {
        p = first + 1;
        continue;
      }
      if (c !== HASH) return { end: first, minComment, maxComment };
      const column = first - this.lineStart(first);
      if (minComment < 0 || column < minComment) minComment = column;
      if (column > maxComment) maxComment = column;
      const nl = t.indexOf('\n', first);
      p = nl < 0 ? t.length : nl + 1;
    }
    return { end: t.length, minComment, maxComment };
  }

  private get parent(): CollectionNode | undefined {
    return this.stack[this.stack.length - 1];
  }

  /** Whether the next node of the parent is a mapping's key. */
  private atKey(parent: CollectionNode | undefined): boolean {
    return parent !== undefined && parent.kind === 'map' && parent.items.length % 2 === 0;
  }

  /** The tail of a node whose token has an end (a scalar, an alias or a flow collection) in a block collection. */
  private valueTail(end: number, parent: CollectionNode | undefined, key: boolean): number {
    if (key || parent === undefined || parent.flow) return end;
    const q = this.lineTail(end);
    if (q === 0 || this.text.charCodeAt(q - 1) !== NL) return q;
    return this.indentedComments(q, parent.indent);
  }

  private add(node: YamlNode, anchorStart: number, anchorEnd: number): void {
    const parent = this.parent;
    if (anchorStart >= 0) {
      this.anchored = true;
      this.anchors.set(this.text.slice(anchorStart, anchorEnd), node);
    }
    if (parent === undefined) {
      if (this.root !== undefined) decline();
      this.root = node;
    } else {
      parent.items.push(node);
    }
  }

  /** A key must be a scalar starting its line, or following a sequence entry's `-` (no `?`, no key after a key). */
  private checkKey(parent: CollectionNode, start: number, propsStart: number, end: number): void {
    if (parent.flow) return;
    const t = this.text;
    let p = propsStart - 1;
    while (p >= 0 && t.charCodeAt(p) === SPACE) p--;
    if (p >= 0 && t[p] !== '\n' && t[p] !== '-') decline();
    if (t.startsWith('<<', start) && end === start + 2) decline();
    if (end - start > 1000) decline();
    if (parent.items.length === 0) {
      const lineStart = this.lineStart(start);
      // Properties before the first key on its line: the library's indentation of the mapping is then the line's.
      if (!/^[ -]*$/.test(t.slice(lineStart, start))) decline();
      parent.start = start;
      parent.indent = start - lineStart;
    }
  }

  scalar(e: ScalarEvent): void {
    if (e.tagStart >= 0) decline();
    const t = this.text;
    const parent = this.parent;
    const key = this.atKey(parent);
    if (e.valueStart < 0) {
      this.add(this.empty(e, parent, key), e.anchorStart, e.anchorEnd);
      return;
    }
    let start = e.valueStart;
    let end = e.valueEnd;
    let value: Value;
    let header: string | undefined;
    let sourceStart = start;
    if (e.style === PLAIN) {
      value = coreValue(getScalarValue(t, e));
    } else if (e.style === SINGLE_QUOTED || e.style === DOUBLE_QUOTED) {
      start--;
      end++;
      const quote = e.style === SINGLE_QUOTED ? "'" : '"';
      if (t[start] !== quote || t[end - 1] !== quote) decline();
      // A line break escaped in a double-quoted scalar (YAML 1.2.2, 7.3.1 "Double-Quoted Style"): before an empty
      // line, or written CR LF, js-yaml and the library read it differently.
      if (quote === '"' && t.slice(start, end).includes('\\\n')) decline();
      value = getScalarValue(t, e);
      sourceStart = start;
    } else {
      if (key) decline();
      // The header is on the line before the content (YAML 1.2.2, 8.1.1 "Block Scalar Headers").
      const contentStart = e.valueStart;
      if (contentStart === 0 || t.charCodeAt(contentStart - 1) !== NL) decline();
      const headerLine = this.lineStart(contentStart - 1);
      const from = Math.max(headerLine, e.anchorEnd, this.lastEnd(parent));
      const match = /([|>][0-9+-]*)[ ]*(?:#.*)?$/.exec(t.slice(from, contentStart - 1));
      if (!match?.[1]) decline();
      header = match[1];
      start = from + match.index;
      end = e.valueEnd;
      // A block scalar of blank lines only: the library keeps them all in its text, whatever the chomping.
      if (!/[^ \n]/.test(t.slice(contentStart, end))) decline();
      // Trailing lines of spaces only, more than the content's indentation: the library reads them as empty lines,
      // js-yaml as content (YAML 1.2.2, 8.1.1.2, `l-empty`).
      if (this.spacesPastIndent(end, e.indent)) decline();
      // The library's text of a block scalar ends with its last line more indented than the content (8.1.1.2
      // "Block Chomping Indicator": the chomped lines are the empty ones), or under `+` with every trailing line.
      if (e.chomping !== KEEP) end = this.withoutTrailingBlankLines(contentStart, end, e.indent);
      else if (!/[^ ]/.test(t.slice(end)) && t.length - end >= e.indent) end = t.length;
      value = getScalarValue(t, e);
      sourceStart = contentStart;
    }
    if (key && parent) this.checkKey(parent, start, e.anchorStart >= 0 ? e.anchorStart - 1 : start, end);
    const block = e.style !== PLAIN && e.style !== SINGLE_QUOTED && e.style !== DOUBLE_QUOTED;
    const tail = block ? end : this.valueTail(end, parent, key);
    this.add({ kind: 'scalar', start, end, tail, value, sourceStart, header }, e.anchorStart, e.anchorEnd);
  }

  /** Where the previous sibling (or the parent's key) ends, for finding what follows it. */
  private lastEnd(parent: CollectionNode | undefined): number {
    if (parent === undefined) return 0;
    const last = parent.items[parent.items.length - 1];
    if (last === undefined) return parent.start;
    return parent.kind === 'map' && parent.items.length % 2 === 1 ? last.end : last.tail;
  }

  /** Whether the lines of spaces only around `end` (before it back to content, after it up to content) pass `indent`. */
  private spacesPastIndent(end: number, indent: number): boolean {
    const t = this.text;
    let ls = this.lineStart(end);
    // Back over the lines of spaces before `end`.
    while (ls > 0) {
      const prev = this.lineStart(ls - 1);
      if (this.skipSpaces(prev) !== ls - 1) break;
      ls = prev;
    }
    for (let p = ls; ; p++) {
      const first = this.skipSpaces(p);
      if (first < t.length && t.charCodeAt(first) !== NL) return false;
      if (first - p > indent) return true;
      if (first >= t.length) return false;
      p = first;
    }
  }

  /** `end` without the trailing lines of no more than `indent` spaces (YAML 1.2.2, 8.1.1.2, `l-empty`). */
  private withoutTrailingBlankLines(contentStart: number, end: number, indent: number): number {
    const t = this.text;
    let e = end;
    while (e > contentStart && t.charCodeAt(e - 1) === NL) {
      const ls = Math.max(contentStart, this.lineStart(e - 1));
      const first = this.skipSpaces(ls);
      if (first !== e - 1 || first - ls > indent) break;
      e = ls;
    }
    return e;
  }

  /**
   * An empty node (YAML 1.2.2, 7.2 "Empty Nodes"): the library places it after its indicator (`:` or `-`, or its
   * anchor) and the spaces that follow (node_modules/yaml/dist/compose/util-empty-scalar-position.js); its end takes
   * in the comments after it, up to the next content, when there are any.
   */
  private empty(e: ScalarEvent, parent: CollectionNode | undefined, key: boolean): ScalarNode {
    if (parent === undefined || parent.flow || key) decline();
    const t = this.text;
    let p: number;
    // A comment among the node's properties (a sequence entry's include the lines before its `-`).
    let comment = false;
    if (parent.kind === 'map') {
      const k = parent.items[parent.items.length - 1] as YamlNode;
      p = this.skipSpaces(k.end);
      if (t[p] !== ':') decline();
      p++;
    } else {
      p = this.lastEnd(parent);
      for (;;) {
        p = this.skipSpaces(p);
        if (t.charCodeAt(p) === NL) p++;
        else if (t.charCodeAt(p) === HASH) {
          comment = true;
          p = t.indexOf('\n', p) < 0 ? t.length : t.indexOf('\n', p);
        } else break;
      }
      if (t[p] !== '-') decline();
      p++;
    }
    if (e.anchorStart >= 0) p = e.anchorEnd;
    p = this.skipSpaces(p);
    const after = this.trailing(p);
    const tail = comment || after.minComment >= 0 ? after.end : p;
    return { kind: 'scalar', start: p, end: p, tail, value: null, sourceStart: -1, header: undefined };
  }

  alias(anchorStart: number, anchorEnd: number): void {
    const parent = this.parent;
    const key = this.atKey(parent);
    if (key) decline();
    const target = this.anchors.get(this.text.slice(anchorStart, anchorEnd));
    if (target === undefined || (target.kind !== 'scalar' && target.kind !== 'alias' && !target.closed)) decline();
    const start = anchorStart - 1;
    if (this.text[start] !== '*') decline();
    const tail = this.valueTail(anchorEnd, parent, false);
    this.add({ kind: 'alias', start, end: anchorEnd, tail, target }, -1, -1);
  }

  open(kind: 'seq' | 'map', start: number, style: number, anchorStart: number, anchorEnd: number, tag: number): void {
    if (tag >= 0) decline();
    const parent = this.parent;
    if (this.atKey(parent)) decline();
    const flow = style === FLOW;
    const expected = flow ? (kind === 'seq' ? '[' : '{') : kind === 'seq' ? '-' : undefined;
    if (expected !== undefined && this.text[start] !== expected) decline();
    // As for a mapping's first key (`checkKey`): only spaces and `-` before a block sequence's first `-`.
    if (!flow && kind === 'seq' && !/^[ -]*$/.test(this.text.slice(this.lineStart(start), start))) decline();
    const node: CollectionNode = {
      kind,
      start,
      end: start,
      tail: start,
      flow,
      indent: start - this.lineStart(start),
      items: [],
      closed: false,
    };
    this.add(node, anchorStart, anchorEnd);
    // Deeper than any workflow: declined, for GitHub's parser's own depth to be found and refused (`yaml-depth.ts`).
    if (this.stack.length >= MAX_YAML_DEPTH) decline();
    this.stack.push(node);
  }

  close(): void {
    const node = this.stack.pop();
    if (node === undefined) return;
    const t = this.text;
    const last = node.items[node.items.length - 1];
    if (node.kind === 'map' && node.items.length % 2 === 1) decline();
    if (node.flow) {
      // A comment in a flow collection: the library reports some where js-yaml reads them (YAML 1.2.2, 7.4).
      let gap = node.start + 1;
      for (const item of node.items) {
        if (t.slice(gap, item.start).includes('#')) decline();
        gap = item.end;
      }
      let p = last === undefined ? node.start + 1 : last.end;
      for (;;) {
        const c = t.charCodeAt(p);
        if (c === SPACE || c === TAB || c === NL || c === 44 /* , */) p++;
        else break;
      }
      if (t[p] !== (node.kind === 'seq' ? ']' : '}')) decline();
      node.end = p + 1;
      const parent = this.parent;
      node.tail = this.valueTail(node.end, parent, false);
    } else {
      if (last === undefined) decline();
      node.end = last.tail;
      // The comment lines after the collection's last node stay with it (its `range[2]`) when one is at least as
      // indented as its items; otherwise they move to its parent (node_modules/yaml/dist/parse/parser.js, `*pop`).
      const after = this.trailing(node.end);
      node.tail = after.maxComment >= node.indent && node.indent !== 0 ? after.end : node.end;
    }
    node.closed = true;
  }
}

/** A text read by js-yaml's event parser, for the reader below. */
export interface FastYaml {
  readonly text: string;
  readonly root: YamlNode;
  /** Whether it holds an anchor: the `yaml` library's lexer finds one exactly when js-yaml does in such a text. */
  readonly anchored: boolean;
}

/**
 * The nodes of a single-document text, or undefined when the fast path declines it. Its cost is linear in the text:
 * aliases are expanded only by the reader.
 */
export function readYaml(text: string): FastYaml | undefined {
  if (!text.includes('\r')) return readClosed(text, text);
  // Line breaks written CR LF (YAML 1.2.2, 5.4 "Line Break Characters"): read as LF, the offsets then moved back.
  if (/\r(?!\n)/.test(text)) return undefined;
  const yaml = readClosed(text.replace(/\r\n/g, '\n'), text);
  if (yaml !== undefined) toCrlfOffsets(yaml.root, text);
  return yaml;
}

/** Lines whose closing bracket {@link readClosed} moves, at most. */
const MOVED_CLOSES_MAX = 32;

/**
 * {@link readLines}, with each flow collection's closing bracket that stands alone at the start of its line, in the
 * column of the key (or `-`) that holds the collection, moved one space right where js-yaml refuses it ("deficient
 * indentation"), and the offsets then moved back. The `yaml` library GitHub reads with takes such a bracket (its
 * lexer, node_modules/yaml/dist/parse/lexer.js, lets a flow collection end at the indentation of its block:
 * `key: [` … `]` written at the key's column, as workflows often write a matrix list), while any line of the
 * collection further left is an error to both; a bracket already moved once that js-yaml still refuses is declined.
 * Inside a flow collection a line's leading spaces are no part of any value (YAML 1.2.2, 7.4 "Flow Collection
 * Styles"), so the nodes read are the same.
 */
function readClosed(lf: string, text: string): FastYaml | undefined {
  let read = lf;
  const moved: number[] = [];
  for (;;) {
    const result = readLines(read, text);
    if (result === undefined || 'root' in result) {
      if (result !== undefined && moved.length > 0) moveOffsets(result.root, (o) => o - countBelow(moved, o));
      return result;
    }
    // The bracket's offset in `lf`, and whether only spaces stand before it on its line.
    const at = result.closeAt - moved.length;
    const line = lf.lastIndexOf('\n', at - 1) + 1;
    const again = moved.includes(result.closeAt - 1);
    if (again || moved.length >= MOVED_CLOSES_MAX || !/^ *$/.test(lf.slice(line, at))) return undefined;
    // Offsets in the text read move back by the spaces added before them (`moved` holds each at its place there).
    moved.push(result.closeAt);
    moved.sort((a, b) => a - b);
    read = `${read.slice(0, result.closeAt)} ${read.slice(result.closeAt)}`;
  }
}

/** Moves every node's offsets from the text read with LF line breaks to `text`, written with CR LF. */
function toCrlfOffsets(root: YamlNode, text: string): void {
  // The offsets (in the LF text) of each line break; an offset moves by the number of breaks before it.
  const breaks: number[] = [];
  for (let i = text.indexOf('\r\n'); i >= 0; i = text.indexOf('\r\n', i + 2)) breaks.push(i - breaks.length);
  moveOffsets(root, (offset) => offset + countBelow(breaks, offset));
}

/** Moves every node's offsets (its start and end, a scalar's source start) by `move`, each node once. */
function moveOffsets(root: YamlNode, move: (offset: number) => number): void {
  const seen = new Set<YamlNode>();
  const visit = (node: YamlNode): void => {
    if (seen.has(node)) return;
    seen.add(node);
    node.start = move(node.start);
    node.end = move(node.end);
    if (node.kind === 'scalar' && node.sourceStart >= 0) node.sourceStart = move(node.sourceStart);
    if (node.kind === 'seq' || node.kind === 'map') for (const item of node.items) visit(item);
  };
  visit(root);
}

/** How many of the ascending `sorted` are below `offset` (a binary search). */
function countBelow(sorted: readonly number[], offset: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((sorted[mid] as number) < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * {@link readYaml} on `lf`, a text without CR; `text` is the file's own. Where js-yaml refuses a flow collection's
 * closing bracket as under-indented, the bracket's offset (see {@link readClosed}).
 */
function readLines(lf: string, text: string): FastYaml | { readonly closeAt: number } | undefined {
  const start = LEADING_DOCUMENT_START.exec(lf)?.[0].length ?? 0;
  if (UNSUPPORTED_TEXT.test(lf) || DOCUMENT_MARKER.test(start > 0 ? lf.slice(start) : lf)) return undefined;
  let events: ReturnType<typeof parseEvents>;
  try {
    events = parseEvents(lf, {});
  } catch (error) {
    // js-yaml's own words for it (node_modules/js-yaml: `throwError(state, 'deficient indentation')`).
    const at = error instanceof YAMLException && error.reason === 'deficient indentation' ? error.mark?.position : -1;
    return at !== undefined && at >= 0 && (lf[at] === ']' || lf[at] === '}') ? { closeAt: at } : undefined;
  }
  const builder = new Builder(lf);
  let documents = 0;
  try {
    for (const e of events) {
      switch (e.type) {
        case DOCUMENT:
          documents++;
          if (documents > 1 || e.explicitStart !== start > 0 || e.explicitEnd || e.directives.length > 0) decline();
          break;
        case SEQUENCE:
          builder.open('seq', e.start, e.style, e.anchorStart, e.anchorEnd, e.tagStart);
          break;
        case MAPPING:
          builder.open('map', e.start, e.style, e.anchorStart, e.anchorEnd, e.tagStart);
          break;
        case SCALAR:
          builder.scalar(e);
          break;
        case ALIAS:
          builder.alias(e.anchorStart, e.anchorEnd);
          break;
        default:
          builder.close();
      }
    }
  } catch {
    // Declined, or a text this reader fails on: GitHub's parser reads it.
    return undefined;
  }
  const root = builder.root;
  return documents === 1 && root !== undefined ? { text, root, anchored: builder.anchored } : undefined;
}

/** The `yaml` library's LineCounter: a line starts after each line break; columns are 1-based. */
export class Lines {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  private pos(offset: number): { line: number; column: number } {
    const starts = this.starts;
    const low = countBelow(starts, offset);
    if (starts[low] === offset) return { line: low + 1, column: 1 };
    return { line: low, column: offset - (starts[low - 1] as number) + 1 };
  }

  range(start: number, end: number): TokenRange {
    return { start: this.pos(start), end: this.pos(end) };
  }
}

enum Step {
  Literal,
  SequenceStart,
  SequenceEnd,
  MappingStart,
  MappingEnd,
}

/** The ObjectReader GitHub's template reader calls (`@actions/workflow-parser` dist/templates/object-reader.d.ts). */
class FastObjectReader implements ObjectReader {
  private readonly steps: Step[] = [];
  private readonly tokens: (TemplateToken | undefined)[] = [];
  private at = -1;

  constructor(root: YamlNode, fileId: number, lines: Lines) {
    this.walk(root, fileId, lines);
  }

  private push(step: Step, token?: TemplateToken): void {
    this.steps.push(step);
    this.tokens.push(token);
  }

  /** As `YamlObjectReader.getNodes`: an alias gives its node again, with the node's own range. */
  private walk(node: YamlNode, fileId: number, lines: Lines): void {
    if (node.kind === 'alias') {
      this.walk(node.target, fileId, lines);
      return;
    }
    const range = lines.range(node.start, node.end);
    if (node.kind === 'scalar') {
      this.push(Step.Literal, literal(fileId, range, node, lines.text));
      return;
    }
    if (node.kind === 'seq') {
      this.push(Step.SequenceStart, new SequenceToken(fileId, range, undefined));
      for (const item of node.items) this.walk(item, fileId, lines);
      this.push(Step.SequenceEnd);
      return;
    }
    this.push(Step.MappingStart, new MappingToken(fileId, range, undefined));
    const items = node.items;
    for (let i = 0; i < items.length; i += 2) {
      const key = items[i] as ScalarNode;
      // GitHub's reader makes every key a StringToken of the key's value, as the library typed it.
      const keyRange = lines.range(key.start, key.end);
      this.push(Step.Literal, new StringToken(fileId, keyRange, key.value as string, undefined));
      this.walk(items[i + 1] as YamlNode, fileId, lines);
    }
    this.push(Step.MappingEnd);
  }

  /** Moves past the next event when it is `step`. */
  private pass(step: Step): boolean {
    if (this.steps[this.at] !== step) return false;
    this.at++;
    return true;
  }

  private take(step: Step): TemplateToken | undefined {
    return this.pass(step) ? this.tokens[this.at - 1] : undefined;
  }

  allowLiteral(): LiteralToken | undefined {
    return this.take(Step.Literal) as LiteralToken | undefined;
  }

  allowSequenceStart(): SequenceToken | undefined {
    return this.take(Step.SequenceStart) as SequenceToken | undefined;
  }

  allowSequenceEnd(): boolean {
    return this.pass(Step.SequenceEnd);
  }

  allowMappingStart(): MappingToken | undefined {
    return this.take(Step.MappingStart) as MappingToken | undefined;
  }

  allowMappingEnd(): boolean {
    return this.pass(Step.MappingEnd);
  }

  validateStart(): void {
    if (this.at !== -1) throw new Error('Expected start of reader');
    this.at = 0;
  }

  validateEnd(): void {
    if (this.at !== this.steps.length) throw new Error('Expected end of reader');
    this.at++;
  }
}

/**
 * The reader over a text, or undefined when the fast path declines it (the events `YamlObjectReader` would give, for
 * the same file id).
 */
export function fastReader(text: string, fileId: number): ObjectReader | undefined {
  const yaml = readYaml(text);
  return yaml === undefined ? undefined : new FastObjectReader(yaml.root, fileId, new Lines(text));
}

/** What GitHub's `parseWorkflow`/`parseAction` return. */
export interface FastParseResult {
  readonly context: TemplateContext;
  readonly value: TemplateToken | undefined;
}

/**
 * Reads a workflow or action file as GitHub's `parseWorkflow` or `parseAction` does (a TemplateContext over its schema,
 * the file's id, the template read from the root type), through the reader above and this repository's template reader
 * (`readTree`, src/workflows/template-reader.ts), or GitHub's `readTemplate` over the reader's events where that one
 * declines; undefined when the fast path declines the text, and the caller must use GitHub's own parser. `yaml` is the
 * text already read ({@link readYaml}), null when it was declined. `root` is the schema's type the file is read as (the
 * parser's own by default).
 */
export function parseFast(
  kind: 'workflow' | 'action',
  file: { readonly name: string; readonly content: string },
  trace: TraceWriter,
  yaml: FastYaml | null = readYaml(file.content) ?? null,
  root: string = kind === 'workflow' ? WORKFLOW_ROOT : ACTION_ROOT,
): FastParseResult | undefined {
  if (yaml === null || yaml.text !== file.content) return undefined;
  const schema = kind === 'workflow' ? getWorkflowSchema() : getActionSchema();
  const lines = new Lines(file.content);
  const ours = new TemplateContext(new TemplateValidationErrors(), schema, trace);
  const ourId = ours.getFileId(file.name);
  const tree = readTree(ours, root, yaml.root, ourId, lines);
  if (tree !== undefined) return { context: ours, value: tree };
  // Declined by src/workflows/template-reader.ts: GitHub's template reader reads the tree, on a context of its own.
  const context = new TemplateContext(new TemplateValidationErrors(), schema, trace);
  const fileId = context.getFileId(file.name);
  try {
    const reader = new FastObjectReader(yaml.root, fileId, lines);
    const value = readTemplate(context, root, reader, fileId);
    return { context, value };
  } catch (error) {
    // Aliases nested past the stack: GitHub's parser meets the same text and gives its own outcome.
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}
