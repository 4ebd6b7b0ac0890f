/**
 * Every command a message, a usage text or a document tells the reader to run is one the CLI has: the sources, the
 * README, docs/ and action.yml are read for `permission-preflight NAME` where it is an instruction (in backticks, after
 * "run", or at a line's start as an example), and each NAME is asked for its --help.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../fixtures/cli.js';
import { ROOT } from '../fixtures/processes.js';

function filesUnder(dir: string, ends: RegExp): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => ends.test(f))
    .map((f) => path.join(dir, f));
}

const NAMED = /(?:`|\brun |^\s*|\$ )permission-preflight ([a-z][a-z-]*)(?=[\s`]|$)/gm;

function namedCommands(): Map<string, string[]> {
  const named = new Map<string, string[]>();
  const files = [...filesUnder('src', /\.ts$/), ...filesUnder('docs', /\.md$/), 'README.md', 'action.yml'];
  for (const file of files) {
    for (const m of readFileSync(path.join(ROOT, file), 'utf8').matchAll(NAMED)) {
      const name = m[1] as string;
      named.set(name, [...(named.get(name) ?? []), file]);
    }
  }
  return named;
}

describe('the commands the texts name', () => {
  it('exist', async () => {
    const named = namedCommands();
    expect(named.size).toBeGreaterThan(3);
    const missing: string[] = [];
    for (const [name, files] of named) {
      const help = await runCli([name, '--help']);
      if (help.status !== 0) missing.push(`${name} (named in ${[...new Set(files)].join(', ')})`);
    }
    expect(missing).toEqual([]);
  });
});
