/**
 * Every command's output is inert when a CI step's log may read it (src/commands/cli.ts, src/text/inert.ts): no line
 * begins with `::` (after white space: actions/runner reads a command there), no `##[` anywhere (the older form, read
 * anywhere in a line), no raw line break inside a value and no raw hidden character, in text, markdown and JSON, on
 * standard output and standard error. JSON stays JSON with the same values.
 * https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../fixtures/cli.js';
import { ROOT } from '../fixtures/processes.js';

const DIR = path.join(ROOT, '__tests__/fixtures/hostile-cli');

/** What a runner would take from the output as a command, or a character that hides what it is. */
function unsafe(text: string): string[] {
  const bad: string[] = [];
  for (const line of text.split('\n')) {
    if (/^\s*::/.test(line)) bad.push(`line starts with '::': ${JSON.stringify(line.slice(0, 80))}`);
    if (line.includes('##[')) bad.push(`'##[' in: ${JSON.stringify(line.slice(0, 80))}`);
    if (
      // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's purpose.
      /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/u.test(line)
    )
      bad.push(`hidden character in: ${JSON.stringify(line.slice(0, 80))}`);
  }
  return bad;
}

async function run(args: string[]) {
  const r = await runCli(args, { cwd: DIR });
  return { ...r, bad: [...unsafe(r.stdout), ...unsafe(r.stderr)] };
}

describe('the CLI writes nothing a runner would read as a command', () => {
  it.each([
    ['decode, text', ['decode', '--file', 'claims.jwt', '--no-verify']],
    ['decode, json', ['decode', '--file', 'claims.jwt', '--no-verify', '--format', 'json']],
    ['simulate, text', ['simulate', '--input', 'simulate-case.json', '--format', 'text', '--explain', 'full']],
    ['simulate, json', ['simulate', '--input', 'simulate-case.json', '--format', 'json']],
    ['explain, text', ['explain', 'job.log']],
    ['explain, markdown', ['explain', 'job.log', '--format', 'markdown']],
    ['explain, json', ['explain', 'job.log', '--format', 'json']],
    ['diff, text', ['diff', 'earlier.json', 'later.json']],
    ['diff, json', ['diff', 'earlier.json', 'later.json', '--format', 'json']],
    ['an argument that is not a flag', ['predict', '--zz\n::warning::argv ##[error]a\u200b']],
    ['a value of a flag', ['predict', '--repository', 'x\n::warning::argv ##[error]a\u200b', '--policy-files', 'p']],
    ['a file that is not there', ['decode', '--file', 'x\n::warning::argv ##[error]a\u200b']],
  ])('%s', async (_what, args) => {
    const r = await run(args);
    expect(r.bad).toEqual([]);
    expect(`${r.stdout}${r.stderr}`).not.toBe('');
    if (args.includes('json') && r.stdout.trim().startsWith('{')) expect(() => JSON.parse(r.stdout)).not.toThrow();
  });

  it("keeps a JSON document's values as they are: the escapes are JSON's own", async () => {
    const r = await run(['simulate', '--input', 'simulate-case.json', '--format', 'json']);
    expect(r.bad).toEqual([]);
    expect(r.stdout).toContain('#\\u0023[warning]res\\u0085');
    expect(JSON.parse(r.stdout)[0].explanation.reason).toContain('arn:aws:s3:::b/k##[warning]res\u0085');
  });
});

describe('a token given where a path was expected is never repeated', () => {
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const token = `${b64({ alg: 'RS256', kid: 'k1' })}.${b64({ sub: 'repo:acme/site:ref:refs/heads/main', aud: 'sts.amazonaws.com' })}.${'s'.repeat(43)}`;
  it.each([
    ['predict --token-file', ['predict', '--repository', 'acme/site', '--policy-files', 'p', '--token-file', token]],
    ['explain', ['explain', token]],
    ['simulate --input', ['simulate', '--input', token]],
    ['diff', ['diff', token, token]],
  ])('%s', async (_what, args) => {
    const r = await runCli(args, { cwd: DIR });
    expect(r.status).toBe(2);
    for (const part of token.split('.')) {
      expect(r.stdout).not.toContain(part);
      expect(r.stderr).not.toContain(part);
    }
  });
});

describe('the usage texts are printed as written', () => {
  // They are this program's own text: an example's line-continuation `\` must reach a shell as one backslash (inert
  // text doubles it), and nothing in them reads as a runner's command.
  it.each([
    [[]],
    [['--help']],
    ...['check', 'simulate', 'decode', 'diff', 'explain', 'predict'].map((c) => [[c, '--help']]),
  ])('%j', async (args) => {
    const r = await run(args);
    const text = `${r.stdout}${r.stderr}`;
    expect(text).toMatch(/^Usage: permission-preflight/);
    expect(r.bad).toEqual([]);
    expect(text).not.toContain('\\\\');
  });

  it('keeps a continued example pasteable', async () => {
    const help = (await run(['predict', '--help'])).stdout;
    expect(help).toContain('--policy-files policies/ \\\n      --subject-template default');
  });

  it('on bad usage prints the one-line error and where the options are, not the whole usage', async () => {
    const bad = await run(['predict', '--bogus']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(
      /^permission-preflight predict: .*--bogus.*\nRun `permission-preflight predict --help` for its options\.\n$/,
    );
    expect(bad.stderr).not.toContain('Usage:');
  });
});
