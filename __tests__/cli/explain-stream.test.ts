import { describe, expect, it } from 'vitest';
import { diagnoseLog } from '../../src/diagnose/index.js';
import { readLogLines } from '../../src/sources/github-logs.js';
import { EXCERPTS } from '../fixtures/logs/excerpts.js';

/** `text` as chunks of `size` bytes, split wherever that falls (inside a CRLF, inside a UTF-8 character). */
async function* chunksOf(text: string, size: number): AsyncGenerator<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function linesOf(text: string, size: number, options?: { maxBytes?: number; maxLineChars?: number }) {
  const lines: string[] = [];
  const read = await readLogLines(chunksOf(text, size), (l) => lines.push(l), options);
  return { lines, read };
}

describe('explain: reading a log as a stream of lines', () => {
  const log = `${EXCERPTS.map((e) => e.log).join('\r\n')}\r\nlast line é\r\n`;

  it.each([1, 2, 3, 7, 64, 4096])('splits the same lines whatever the chunk size (%i bytes)', async (size) => {
    const { lines, read } = await linesOf(log, size);
    expect(lines).toEqual(log.split(/\r\n|\n/).slice(0, -1));
    expect(read.truncated).toBeUndefined();
  });

  it('finds in a stream what it finds in the whole text', async () => {
    const { lines } = await linesOf(log, 5);
    expect(diagnoseLog(lines.join('\n')).findings).toEqual(diagnoseLog(log).findings);
  });

  it('a bare CR ends a line, as in the runner log viewer', async () => {
    expect((await linesOf('a\rb\r\nc', 1)).lines).toEqual(['a', 'b', 'c']);
  });

  it('stops at the byte cap and says so', async () => {
    const { lines, read } = await linesOf('x\n'.repeat(1000), 100, { maxBytes: 1000 });
    expect(lines).toHaveLength(500);
    expect(read.truncated).toBe('read the first 1000 bytes only');
    expect(read.bytes).toBe(1000);
  });

  it('passes a long line cut, and holds none of the rest', async () => {
    const { lines } = await linesOf(`${'a'.repeat(10_000)}\nnext\n`, 64, { maxLineChars: 100 });
    expect(lines).toEqual(['a'.repeat(100), 'next']);
  });
});
