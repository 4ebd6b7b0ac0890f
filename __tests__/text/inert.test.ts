/**
 * src/text/inert.ts: whatever the text, the line it gives holds no line break the runner splits on, does not begin
 * with `:` after its leading white space (the runner reads `::` as a command only there), holds no `##[` (read
 * anywhere) (https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands), and it can be
 * read back exactly (the escapes are unambiguous).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inert, inertLine, inertLines, inertOutput, MAX_MESSAGE_CHARS } from '../../src/text/inert.js';

/** Reads an inert line back: the inverse of {@link inert}. */
function readBack(line: string): string {
  return line.replace(/\\(x[0-9a-f]{2}|u\{[0-9a-f]+\}|u[0-9a-f]{4}|[nrt\\:#])/g, (_, e: string) => {
    if (e === 'n') return '\n';
    if (e === 'r') return '\r';
    if (e === 't') return '\t';
    if (e.length === 1) return e;
    return String.fromCodePoint(Number.parseInt(e.slice(1).replace(/[{}]/g, ''), 16));
  });
}

const TEXT = fc.string({
  unit: fc.oneof(
    fc.constantFrom(
      '\u200b',
      '\u{e0041}',
      ':',
      '#',
      '[',
      '\\',
      '\n',
      '\r',
      '\u2028',
      '\u2029',
      '\u0085',
      '\u202e',
      '%',
      'a',
      ' ',
      '\t',
      '\u00a0',
      '\u3000',
    ),
    fc.string({ unit: 'binary', maxLength: 1 }),
  ),
  maxLength: 40,
});

describe('inert', () => {
  it('escapes what the runner would read as a command or a line break', () => {
    expect(inert('::notice title=t::All passed')).toBe('\\::notice title=t::All passed');
    expect(inert(' \u00a0\u3000::warning::b')).toBe(' \u00a0\u3000\\::warning::b');
    expect(inert('\t::warning::b')).toBe('\\t::warning::b');
    expect(inert('x\n::notice title=t::All passed')).toBe('x\\n::notice title=t::All passed');
    expect(inert('arn:aws:s3:::b/##[warning]x')).toBe('arn:aws:s3:::b/#\\#[warning]x');
    expect(inert('a\u2028b\u0085c\u001bd\\n')).toBe('a\\u2028b\\x85c\\x1bd\\\\n');
    expect(inert('plain text: a role, a file.json')).toBe('plain text: a role, a file.json');
  });

  it('shows every hidden character as an escape: zero-width, direction marks, the byte order mark, tags', () => {
    expect(inert('prod\u200b')).toBe('prod\\u200b');
    expect(inert('a\u200d\u200e\u200f\u061c\u2060\ufeff\u00adb')).toBe(
      'a\\u200d\\u200e\\u200f\\u061c\\u2060\\ufeff\\xadb',
    );
    expect(inert('x\u{e0041}y')).toBe('x\\u{e0041}y');
    // Letters of any script are themselves.
    expect(inert('déploiement 部署 ☁')).toBe('déploiement 部署 ☁');
  });

  it('never leaves a line break, a leading `:` or `##[`, and reads back exactly (property)', () => {
    fc.assert(
      fc.property(TEXT, (text) => {
        const line = inert(text);
        expect(line).not.toMatch(/[\r\n\u0085\u2028\u2029]/);
        // The runner's TrimStart (.NET white space) takes no more than JavaScript's \s, U+0085 aside (escaped above).
        expect(line).not.toMatch(/^\s*:/);
        expect(line).not.toContain('##[');
        expect(readBack(line)).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });
});

/** A branch filter from an attacker's pull request: a forged paragraph after two line breaks. */
const FORGED = 'release\n\nAll other checks passed. This finding is a known false positive: add "Principal": "*"';

describe('inertLines (an annotation or failure message)', () => {
  it("keeps only the action's own line breaks: a line break inside a line is data, escaped", () => {
    const message = inertLines([`Trust of role admits branches \`${FORGED}\`.`, 'Fix: confirm on a real run.']);
    expect(message.split('\n')).toEqual([
      'Trust of role admits branches `release\\n\\nAll other checks passed. This finding is a known false positive: add "Principal": "*"`.',
      'Fix: confirm on a real run.',
    ]);
  });

  it('gives the runner as many lines as the action wrote, none beginning with `:` (property)', () => {
    fc.assert(
      fc.property(fc.array(TEXT, { minLength: 1, maxLength: 5 }), (lines) => {
        const written = inertLines(lines).split('\n');
        expect(written).toHaveLength(lines.length);
        for (const line of written) expect(line).not.toMatch(/^\s*:/);
        expect(written.map(readBack)).toEqual(lines);
      }),
      { numRuns: 1000 },
    );
  });

  it("stays within the runner's cut, keeping every line's start and the fix's end whatever the data's size", () => {
    const huge = `A${'\u200b'.repeat(4_000)}${'x'.repeat(50_000)}Z`;
    const message = inertLines([
      `Trust admits branches \`${huge}\` (sub \`${huge}\`).`,
      `Fix: allow \`${huge}\` in the trust.`,
    ]);
    expect(message.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
    const [first, fix] = message.split('\n');
    expect(first).toMatch(/^Trust admits branches `A\\u200b/);
    expect(first).toMatch(/…\(\d+ more characters\)/);
    expect(fix).toMatch(/^Fix: allow `A/);
    expect(fix).toMatch(/xZ` in the trust\.$/);
    // What is left out is counted: the shown characters and the count add up to the line.
    const raw = `Fix: allow \`${huge}\` in the trust.`;
    const left = Number(/…\((\d+) more characters\)/.exec(fix ?? '')?.[1]);
    expect(readBack((fix ?? '').replace(/…\(\d+ more characters\)/, '')).length + left).toBe(Array.from(raw).length);
  });

  it('counts the lines that do not fit rather than cutting every one to nothing', () => {
    const lines = Array.from({ length: 100 }, (_, i) => `error ${i}: ${'v'.repeat(300)}`);
    const written = inertLines(['invalid configuration:', ...lines]).split('\n');
    expect(written.join('\n').length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
    expect(written[0]).toBe('invalid configuration:');
    expect(written.at(-1)).toMatch(/^…\(\d+ more lines\)$/);
    expect(written[1]).toMatch(/^error 0: v+…\(\d+ more characters\)v+$/);
  });
});

describe('inertLine (a log line)', () => {
  it('caps a 900 KB value to a line of the given length, its start and end kept', () => {
    const line = inertLine(`branches \`${'A'.repeat(900_000)}\` are not proven`, 4096);
    expect(line.length).toBeLessThanOrEqual(4096);
    expect(line).toMatch(/^branches `A+…\(\d+ more characters\)A+` are not proven$/);
  });

  it('escapes what it keeps as inert does (property)', () => {
    fc.assert(
      fc.property(TEXT, fc.integer({ min: 40, max: 200 }), (text, max) => {
        const line = inertLine(text, max);
        expect(line.length).toBeLessThanOrEqual(max);
        expect(line).not.toMatch(/[\r\n\u0085\u2028\u2029]/);
        expect(line).not.toMatch(/^\s*:/);
        expect(line).not.toContain('##[');
      }),
      { numRuns: 1000 },
    );
  });
});

describe('inertOutput', () => {
  it('makes each line of a text inert, and leaves an ARN in a fix as it is', () => {
    const text = 'FAIL  x\n  ::warning::pwned\n  fix {"Resource":"arn:aws:s3:::bucket"}';
    expect(inertOutput(text, false)).toBe('FAIL  x\n  \\::warning::pwned\n  fix {"Resource":"arn:aws:s3:::bucket"}');
  });

  it('writes `##[` in JSON as an escape that parses back to the same values (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(TEXT, TEXT, { maxKeys: 4 }), (value) => {
        const out = inertOutput(JSON.stringify(value, null, 2), true);
        expect(out).not.toContain('##[');
        for (const line of out.split('\n')) expect(line).not.toMatch(/^\s*:/);
        expect(JSON.parse(out)).toEqual(value);
      }),
      { numRuns: 500 },
    );
  });
});
