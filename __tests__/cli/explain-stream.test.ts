import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createLogScanner, diagnoseLog } from '../../src/diagnose/index.js';
import { explainHeadline, explainResult, explanationOf } from '../../src/report/explain.js';
import { readLogLines } from '../../src/sources/github-logs.js';
import { EXCERPTS } from '../fixtures/logs/excerpts.js';

/** `text` as chunks of `size` bytes, split wherever that falls (inside a CRLF, inside a UTF-8 character). */
async function* chunksOf(text: string, size: number): AsyncGenerator<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function linesOf(text: string, size: number, options?: Parameters<typeof readLogLines>[2]) {
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

  it('reads the first and the last part of a log over the cap, and names the part between', async () => {
    const { lines, read } = await linesOf('x\n'.repeat(1000), 100, { maxBytes: 1000, headBytes: 200 });
    expect(lines).toHaveLength(500);
    expect(read.truncated).toBe(
      'the 1000 bytes after line 100 (500 lines) were not read: only the first 200 bytes and the last 800 bytes of the log are',
    );
    expect(read.bytes).toBe(2000);
  });

  it('finds the denial at the end of a log over the cap, at its own line number, and never calls it clean', async () => {
    // The denial of https://github.com/ministryofjustice/cloud-platform/issues/7245, after a long build output.
    const denial =
      'denied: User: arn:aws:sts::754256621582:assumed-role/cloud-platform-ecr-e344de1fe05708ec-github/GitHubActions is not authorized to perform: ecr:InitiateLayerUpload on resource: arn:aws:ecr:eu-west-2:754256621582:repository/laa-pcuam/csv-converter because no identity-based policy allows the ecr:InitiateLayerUpload action';
    const filler = `2024-01-01T00:00:00.0000000Z ${'x'.repeat(200)}\r\n`;
    const log = `${filler.repeat(1000)}${denial}\r\n`;
    for (const size of [229, 4096]) {
      const scanner = createLogScanner();
      const read = await readLogLines(chunksOf(log, size), (l, cut) => scanner.push(l, cut), {
        maxBytes: 50_000,
        onSkip: (n) => scanner.skip(n),
      });
      const d = scanner.finish();
      expect(d.lines).toBe(1001);
      expect(d.findings.map((f) => [f.class, f.evidence.line])).toEqual([['implicit-deny', 1001]]);
      expect(read.truncated).toMatch(/^the 181323 bytes after line \d+ \(\d+ lines\) were not read/);
      // Without a denial in the part read, the log is unverified, never a pass.
      const quiet = createLogScanner();
      const quietRead = await readLogLines(chunksOf(filler.repeat(1000), size), (l, cut) => quiet.push(l, cut), {
        maxBytes: 50_000,
        onSkip: (n) => quiet.skip(n),
      });
      const e = explanationOf('job.log', quiet.finish(), quietRead);
      expect(explainResult(e)).toBe('unverified');
      expect(explainHeadline(e)).toMatch(
        /^No 401 or 403 found in the part read of job\.log \(1000 lines\); unverified: the /,
      );
    }
  });

  it('passes a long line as its start and end, marked cut, and holds none of the middle', async () => {
    const cuts: boolean[] = [];
    const lines: string[] = [];
    await readLogLines(
      chunksOf(`${'a'.repeat(5000)}${'b'.repeat(5000)}\nnext\n`, 64),
      (l, cut) => {
        lines.push(l);
        cuts.push(cut);
      },
      { maxLineChars: 103 },
    );
    expect(lines).toEqual([`${'a'.repeat(50)} … ${'b'.repeat(50)}`, 'next']);
    expect(cuts).toEqual([true, false]);
  });

  it('finds a denial at the end of a line over 16 KiB, and says the line was read in part', async () => {
    // The git push refusal of https://github.com/Vu1nT0tal/yarb/issues/17 after 20 KiB of a tool's output on one line.
    const line = `${'B'.repeat(20_000)} remote: Permission to zzc8081/yarb.git denied to github-actions[bot].`;
    const scanner = createLogScanner();
    const read = await readLogLines(chunksOf(`${line}\n`, 4096), (l, cut) => scanner.push(l, cut));
    const d = scanner.finish();
    expect(d.findings.map((f) => f.class)).toEqual(['github-token-scope-missing']);
    expect(d.cut).toBe('line 1 is over 16 KiB and was read as its start and end only');
    // The same line given whole (diagnoseLog) is read the same way.
    expect(diagnoseLog(line).cut).toBe(d.cut);
    const quiet = explanationOf('-', diagnoseLog(`${'B'.repeat(20_000)} nothing here`), read);
    expect(explainResult(quiet)).toBe('unverified');
  });
});

describe('explain: a compressed log', () => {
  const log = `${EXCERPTS.map((e) => e.log).join('\n')}\n`;
  /** `bytes` as chunks of `size`. */
  async function* chunks(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
    for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
  }

  it('inflates a gzip log (RFC 1952) and reads the same lines, whatever the chunk size', async () => {
    const gz = gzipSync(Buffer.from(log));
    for (const size of [1, 7, 4096]) {
      const lines: string[] = [];
      const read = await readLogLines(chunks(gz, size), (l) => lines.push(l));
      expect(lines).toEqual(log.split('\n').slice(0, -1));
      expect(read.truncated).toBeUndefined();
    }
  });

  it('reads a damaged gzip log up to where it breaks, and says the rest was not read', async () => {
    const gz = gzipSync(Buffer.from(log));
    const damaged = gz.subarray(0, Math.floor(gz.length / 2));
    const read = await readLogLines(chunks(damaged, 64), () => {});
    expect(read.truncated).toContain('its gzip data is damaged');
  });

  it("does not read a zip archive (the run's log archive), and says so: never a clean result", async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0]);
    const lines: string[] = [];
    const read = await readLogLines(chunks(zip, 4), (l) => lines.push(l));
    expect(lines).toEqual([]);
    expect(read.truncated).toContain('it is a zip archive');
    expect(read.bytes).toBe(10);
  });
});
