// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${...}` here is shell or a GitHub expression, not JS.
/**
 * Reading a script into commands (src/workflows/calls/shell.ts): what bash would see as separate simple commands,
 * the script line each starts on, and which words hold expansions
 * (https://www.gnu.org/software/bash/manual/bash.html#Shell-Syntax).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/sources/catalog.js';
import { programOf } from '../../src/workflows/calls/cli.js';
import { DEFAULT_CALL_LIMITS, inferStepCalls } from '../../src/workflows/calls/index.js';
import { readShell } from '../../src/workflows/calls/shell.js';
import { runStep } from '../fixtures/steps/run-step.js';

const read = (script: string, env: Record<string, string> = {}) =>
  readShell(script, new Map(Object.entries(env)), DEFAULT_CALL_LIMITS).commands.map((c) => ({
    line: c.line,
    words: c.words.map((w) => w.value),
  }));

describe('readShell', () => {
  it('splits at ;, &&, ||, pipes, & and newlines', () => {
    expect(read('a 1; b 2 && c || d | e & f\ng').map((c) => c.words[0])).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
  });

  it('joins \\ continuations and keeps the line the command starts on', () => {
    expect(read('echo x\naws ecs \\\n  update-service \\\n  --service web\nnext')).toEqual([
      { line: 0, words: ['echo', 'x'] },
      { line: 1, words: ['aws', 'ecs', 'update-service', '--service', 'web'] },
      { line: 4, words: ['next'] },
    ]);
  });

  it('removes quotes and skips comments, but not a # inside a word or quotes', () => {
    expect(read(`# aws s3 rm s3://x\naws s3 cp "a b.txt" 's3://b/k#1' # trailing\nx#y`)).toEqual([
      { line: 1, words: ['aws', 's3', 'cp', 'a b.txt', 's3://b/k#1'] },
      { line: 2, words: ['x#y'] },
    ]);
  });

  it('skips heredoc bodies, <<- with tabs and quoted delimiters', () => {
    const script = "cat <<EOF > a\naws s3 rm s3://x\nEOF\ncat <<-'END'\n\taws s3 rb s3://y\n\tEND\nafter";
    expect(read(script)).toEqual([
      { line: 0, words: ['cat'] },
      { line: 3, words: ['cat'] },
      { line: 6, words: ['after'] },
    ]);
  });

  it('drops redirections and their targets', () => {
    expect(read('aws s3 ls > out.txt 2>&1 < in\naws s3 ls &>/dev/null')).toEqual([
      { line: 0, words: ['aws', 's3', 'ls'] },
      { line: 1, words: ['aws', 's3', 'ls'] },
    ]);
  });

  it('reads the commands inside $(...) and backquotes, and marks the word', () => {
    const reading = readShell(
      'ID=$(aws cloudfront list-distributions --query "x")\necho `aws sts get-caller-identity`',
      new Map(),
      DEFAULT_CALL_LIMITS,
    );
    expect(reading.commands.map((c) => [c.line, c.words.map((w) => w.value).join(' ')])).toEqual([
      [0, 'aws cloudfront list-distributions --query x'],
      [0, 'ID=*'],
      [1, 'aws sts get-caller-identity'],
      [1, 'echo *'],
    ]);
    expect(reading.commands[1]?.words[0]?.dynamic).toEqual(['$(aws cloudfront list-distributions --query "x")']);
  });

  it('puts * where an expansion stands, substitutes known variables, and names the rest', () => {
    const reading = readShell(
      'aws s3 sync . "s3://${BUCKET}/$PREFIX/${{ github.sha }}"',
      new Map([['BUCKET', 'site']]),
      DEFAULT_CALL_LIMITS,
    );
    const word = reading.commands[0]?.words[4];
    expect(word).toEqual({ value: 's3://site/*/*', dynamic: ['$PREFIX', '${{ github.sha }}'], at: [10, 12] });
  });
});

describe('programOf', () => {
  it.each([
    ['env AWS_PAGER= AWS_REGION=us-east-1 aws s3 ls', 'aws'],
    ['if aws s3 ls s3://b; then echo ok; fi', 'aws'],
    ['sudo -E /usr/local/bin/aws s3 ls', 'aws'],
    ['AWS_MAX_ATTEMPTS=10 aws s3 ls', 'aws'],
    ['time aws s3 ls', 'aws'],
    ['timeout 300 aws ecs wait services-stable', 'aws'],
    ['nohup aws s3 ls', 'aws'],
  ])('%s runs %s', (script, program) => {
    const [command] = readShell(script, new Map(), DEFAULT_CALL_LIMITS).commands;
    expect(command && programOf(command)?.name).toBe(program);
  });

  it('the command of an if is read as a call', () => {
    const calls = inferStepCalls(runStep('if aws s3 ls s3://b; then echo ok; fi'), loadedCatalog, {});
    expect(calls.permissions.map((p) => p.line)).toEqual(['s3:ListBucket arn:aws:s3:::b']);
  });
});

const loadedCatalog = await loadCatalog();

describe('bounds: attacker-written scripts', () => {
  it('a script past the bound is read up to it and the rest is reported', () => {
    const limits = { ...DEFAULT_CALL_LIMITS, scriptChars: 40 };
    const script = `aws s3 ls s3://first\n${'x'.repeat(100)}\naws s3 rm s3://late`;
    const calls = inferStepCalls(runStep(script), loadedCatalog, {}, limits);
    expect(calls.permissions.map((p) => p.line)).toEqual(['s3:ListBucket arn:aws:s3:::first']);
    expect(calls.notInferred).toMatchObject([{ kind: 'too-large' }]);
  });

  it('commands past the bound are reported', () => {
    const limits = { ...DEFAULT_CALL_LIMITS, commands: 3 };
    const calls = inferStepCalls(runStep('a\nb\nc\nd\naws s3 ls'), loadedCatalog, {}, limits);
    expect(calls.notInferred.map((n) => n.kind)).toEqual(['too-large']);
  });

  it('long words stay bounded in what is reported', () => {
    const long = 'x'.repeat(10_000);
    const calls = inferStepCalls(runStep(`./${long}.sh\naws ${long} ${long}`), loadedCatalog, {});
    for (const n of calls.notInferred) {
      expect(n.what.length).toBeLessThanOrEqual(201);
      expect(n.reason.length).toBeLessThanOrEqual(601);
    }
    expect(calls.notInferred.map((n) => n.kind)).toEqual(['script-file', 'not-in-catalog']);
  });

  it('deeply nested $( ) stops at the depth bound without throwing', () => {
    const script = `${'$('.repeat(5000)}aws s3 ls${')'.repeat(5000)}`;
    expect(() => readShell(script, new Map(), DEFAULT_CALL_LIMITS)).not.toThrow();
  });

  it('keeps every line ACTION RESOURCE: whitespace inside a value (a key with a space, a quote left open) is `?`', () => {
    const lines = (script: string) => inferStepCalls(runStep(script), loadedCatalog, {}).permissions.map((p) => p.line);
    expect(lines('aws s3 cp index.html "s3://site/my page.html"')).toEqual([
      's3:PutObject arn:aws:s3:::site/my?page.html',
    ]);
    // fast-check found it: the quote is never closed, so the word runs to the end of the script.
    const open = lines(`aws ecs update-service --cluster c --service a' --region `);
    expect(open).toHaveLength(1);
    expect(open[0]).toMatch(/^ecs:UpdateService arn:aws:ecs:\*:\*:service\/c\/a\S*$/);
  });

  it('any string in: no throw, and the output stays within the bounds', () => {
    const limits = { ...DEFAULT_CALL_LIMITS, commands: 50, words: 20, wordChars: 64, results: 30 };
    const pieces = fc.constantFrom(
      'aws',
      ' s3 ',
      'sync',
      ' . ',
      's3://b/',
      '$(',
      ')',
      '`',
      '"',
      "'",
      '\\\n',
      '\n',
      ';',
      '&&',
      '|',
      '<<EOF\n',
      'EOF\n',
      '${{ x }}',
      '$X',
      '#',
      ' --delete',
      ' ecs update-service --service a',
      '>',
      '2>&1',
      ' --region ',
      '(',
      '{',
    );
    const script = fc.oneof(
      fc.string({ maxLength: 400 }),
      fc.array(pieces, { maxLength: 120 }).map((a) => a.join('')),
    );
    fc.assert(
      fc.property(script, (text) => {
        const reading = readShell(text, new Map(), limits);
        expect(reading.commands.length).toBeLessThanOrEqual(limits.commands);
        for (const c of reading.commands) {
          expect(c.words.length).toBeLessThanOrEqual(limits.words);
          for (const w of c.words) expect(w.value.length).toBeLessThanOrEqual(limits.wordChars);
        }
        const calls = inferStepCalls(runStep(text), loadedCatalog, {}, limits);
        expect(calls.permissions.length + calls.notInferred.length).toBeLessThanOrEqual(limits.results);
        for (const p of calls.permissions) expect(p.line).toMatch(/^[a-z0-9-]+:[A-Za-z0-9]+ \S+$/);
        for (const n of calls.notInferred) {
          expect(n.what.length).toBeLessThanOrEqual(201);
          expect(n.reason.length).toBeLessThanOrEqual(601);
        }
        for (const p of calls.permissions) expect(p.via.length).toBeLessThanOrEqual(201);
      }),
      { numRuns: 300 },
    );
  });
});
