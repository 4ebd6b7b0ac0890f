/**
 * src/text/inert.ts: whatever the text, the line it gives holds no line break the runner splits on, does not begin
 * with `:` after its leading white space (the runner reads `::` as a command only there), holds no `##[` (read
 * anywhere) (https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands), and it can be
 * read back exactly (the escapes are unambiguous).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inert, inertOutput } from '../../src/text/inert.js';

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

  it('keeps line feeds for an annotation, and still escapes a bare carriage return', () => {
    expect(inert('a\r\nb\rc\n  ::d', { multiline: true })).toBe('a\nb\\rc\n  \\::d');
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

  it('keeps each line of a multi-line message from beginning with `:` (property)', () => {
    fc.assert(
      fc.property(TEXT, (text) => {
        for (const line of inert(text, { multiline: true }).split('\n')) expect(line).not.toMatch(/^\s*:/);
      }),
      { numRuns: 2000 },
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
