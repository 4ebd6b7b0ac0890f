/**
 * How deep a workflow or action file nests, found by one linear pass over its text before any YAML parser reads it.
 * GitHub's parser (`@actions/workflow-parser`, over the `yaml` library) walks the tree recursively: a 1 MiB file of
 * `[[[…` takes it seconds and hundreds of MB before it gives up with a stack overflow, and 200 such files would hold a
 * run for a quarter of an hour. JSON input is refused past 64 levels the same way (src/text/json-depth.ts).
 *
 * The pass counts the two kinds of YAML collection (YAML 1.2.2, https://yaml.org/spec/1.2.2/#chapter-8-block-style-productions
 * and #chapter-7-flow-style-productions): block collections, by their indentation (a line more indented than the
 * one above opens a level; a compact `- ` or `? ` entry opens one at its column), and flow collections, by their
 * brackets. Only what YAML reads as structure counts: brackets inside quoted scalars, plain scalars (`run: [[ -z x ]]`),
 * comments and block scalars (`run: |` and its lines) are text. Where the pass is unsure it counts less, never more,
 * so a real workflow is never refused: a real one nests about ten levels (jobs → job → steps → step → with → …).
 */

/** The deepest nesting of block and flow collections together that a workflow or action file may have. */
export const MAX_YAML_DEPTH = 64;

/** Where a YAML text first nests deeper than `limit`: the line and column (1-based); else undefined. */
export function yamlTooDeep(
  text: string,
  limit: number = MAX_YAML_DEPTH,
): { readonly line: number; readonly column: number } | undefined {
  const scan = new DepthScan(text, limit);
  return scan.run();
}

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;

const isBlank = (c: number) => c === SPACE || c === TAB;
/** Whether the character at `i` ends a token: white space, a line end, or the end of the text. */
const endsToken = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  return Number.isNaN(c) || isBlank(c) || c === LF || c === CR;
};

/** The pass's state; {@link DepthScan.run} walks each line once. */
class DepthScan {
  /** The columns of the open block collections, innermost last. */
  private readonly indents: number[] = [];
  private flow = 0;
  /** The quote a scalar is open in (it may span lines), or 0. */
  private quote = 0;
  /** While a block scalar's lines are read: the column its lines must be indented past; else -1. */
  private blockScalar = -1;
  private line = 1;
  private lineStart = 0;
  /** Whether the next token begins a node (after an indicator or at a line's start), where a bracket opens a collection. */
  private nodeStart = false;
  /** After a compact entry's `- ` or `? `: the node that follows opens a collection at its column. */
  private afterEntry = false;
  /** Inside an anchor or a tag before a node (`&a`, `!!str`): the node begins after it. */
  private inProperty = false;
  private found: { line: number; column: number } | undefined;

  constructor(
    private readonly text: string,
    private readonly limit: number,
  ) {}

  run(): { readonly line: number; readonly column: number } | undefined {
    const { text } = this;
    while (this.lineStart <= text.length && this.found === undefined) {
      let end = text.indexOf('\n', this.lineStart);
      if (end < 0) end = text.length;
      this.scanLine(this.lineStart, end);
      this.line += 1;
      this.lineStart = end + 1;
    }
    return this.found;
  }

  private check(at: number): void {
    if (this.found === undefined && this.indents.length + this.flow > this.limit) {
      this.found = { line: this.line, column: at - this.lineStart + 1 };
    }
  }

  /** Opens a block collection at the column of index `at` when it lies past the innermost one. */
  private pushBlock(at: number): void {
    const column = at - this.lineStart;
    const top = this.indents[this.indents.length - 1];
    if (top === undefined || column > top) {
      this.indents.push(column);
      this.check(at);
    }
  }

  private scanLine(start: number, end: number): void {
    const { text } = this;
    let i = start;
    while (i < end && text.charCodeAt(i) === SPACE) i++;
    let first = i;
    while (first < end && isBlank(text.charCodeAt(first))) first++;
    const blank = first >= end || text.charCodeAt(first) === CR;
    if (this.blockScalar >= 0) {
      if (blank || i - start > this.blockScalar) return;
      this.blockScalar = -1;
    }
    if (this.quote === 0 && this.flow === 0) {
      if (blank || text.charCodeAt(i) === 0x23 /* # */ || text.charCodeAt(i) === 0x25 /* % directive */) return;
      if (i === start && (text.startsWith('---', i) || text.startsWith('...', i)) && endsToken(text, i + 3)) {
        this.indents.length = 0; // a new document
        i += 3;
      } else {
        while (this.indents.length > 0 && (this.indents[this.indents.length - 1] as number) >= i - start) {
          this.indents.pop();
        }
        this.pushBlock(i);
      }
      this.nodeStart = true;
      this.afterEntry = false;
    }
    this.inProperty = false;
    this.scanTokens(i, start, end);
  }

  private scanTokens(from: number, start: number, end: number): void {
    const { text } = this;
    for (let i = from; i < end && this.found === undefined; i++) {
      const c = text.charCodeAt(i);
      if (this.quote !== 0) {
        if (this.quote === 0x22 && c === 0x5c)
          i++; // `\` escapes in a double-quoted scalar
        else if (c === this.quote) {
          // `''` is a quote inside a single-quoted scalar
          if (c === 0x27 && text.charCodeAt(i + 1) === 0x27) i++;
          else this.quote = 0;
        }
        continue;
      }
      if (isBlank(c) || c === CR) {
        this.inProperty = false;
        continue;
      }
      if (this.inProperty) continue;
      if (c === 0x23 /* # */ && (i === start || isBlank(text.charCodeAt(i - 1)))) return; // a comment
      if (this.flow > 0) this.flowToken(c, i);
      else if (this.blockToken(c, i, end)) return;
    }
  }

  /** A token inside a flow collection: every bracket outside quotes is structure there. */
  private flowToken(c: number, i: number): void {
    if (c === 0x5b || c === 0x7b) {
      this.flow += 1;
      this.check(i);
      this.nodeStart = true;
    } else if (c === 0x5d || c === 0x7d) {
      this.flow -= 1;
      this.nodeStart = false;
    } else if (c === 0x2c /* , */ || c === 0x3a /* : */ || c === 0x3f /* ? */) {
      this.nodeStart = true;
    } else if ((c === 0x22 || c === 0x27) && this.nodeStart) {
      this.quote = c;
      this.nodeStart = false;
    } else {
      this.nodeStart = false;
    }
  }

  /** A token in block context; true when the rest of the line is a block scalar's header (nothing more to read). */
  private blockToken(c: number, i: number, end: number): boolean {
    const { text } = this;
    if (!this.nodeStart) {
      // Inside a plain scalar or after a quoted one: `: ` makes what came before a key, and a value follows.
      if (c === 0x3a && endsToken(text, i + 1)) {
        this.nodeStart = true;
        this.afterEntry = false;
      }
      return false;
    }
    if ((c === 0x2d /* - */ || c === 0x3f) /* ? */ && endsToken(text, i + 1)) {
      this.pushBlock(i); // a compact entry opens a collection at its column
      this.afterEntry = true;
      return false;
    }
    if (c === 0x7c /* | */ || c === 0x3e /* > */) {
      if (/^[|>][-+0-9]*[ \t]*(#.*)?\r?$/.test(text.slice(i, end))) {
        // Its lines are those indented past the collection that holds it.
        this.blockScalar = this.indents[this.indents.length - 1] ?? 0;
        return true;
      }
    }
    if (c === 0x26 /* & */ || c === 0x21 /* ! */) {
      this.inProperty = true;
      return false;
    }
    if (c === 0x5b || c === 0x7b) {
      this.flow = 1;
      this.check(i);
      return false;
    }
    // A node after a compact entry (`- key: v`, `- - x`) is a collection's first entry at its column; a value after
    // `key: ` is not one.
    if (this.afterEntry) this.pushBlock(i);
    this.nodeStart = false;
    this.afterEntry = false;
    if (c === 0x22 || c === 0x27) this.quote = c;
    return false;
  }
}
