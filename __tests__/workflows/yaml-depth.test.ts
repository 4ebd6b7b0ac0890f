/**
 * src/workflows/yaml-depth.ts: a workflow nested deeper than any real one is refused by one linear pass, before a YAML
 * parser walks it, with its line and column; brackets that are text (block scalars, quoted and plain scalars,
 * comments) never count, and none that the `yaml` library reads as a collection is missed. A file the library finds
 * many errors in is one error, and GitHub's parser never builds them all. A line break parsers disagree on (a lone CR,
 * NEL, LS, PS) leaves the file unread. And src/workflows/load.ts's time budget for reading all the files, checked
 * between files.
 * The real workflows are the fixtures' and the bench's, each from the public repository its folder names
 * (__tests__/fixtures/workflows/OWNER__REPO, bench/workflows/OWNER__REPO; pulumi/docs' test-github-oidc.yml names its
 * commit in its first line).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWorkflowModel } from '../../src/workflows/index.js';
import { MAX_YAML_DEPTH, MAX_YAML_ERRORS, yamlErrorsExceed, yamlTooDeep } from '../../src/workflows/yaml-depth.js';

const W = '.github/workflows/test-github-oidc.yml';
const PULUMI = readFileSync(path.join('__tests__/fixtures/workflows/pulumi__docs', W), 'utf8');

/** Every workflow and action file under `dir`. */
function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return yamlFiles(full);
    return /\.ya?ml$/.test(name) ? [full] : [];
  });
}

describe('yamlTooDeep', () => {
  const real = [...yamlFiles('__tests__/fixtures/workflows'), ...yamlFiles('bench/workflows')];

  it('finds every real workflow and action far within the bound: none nests past 12 levels', () => {
    expect(real.length).toBeGreaterThan(100);
    const over = real.filter((file) => yamlTooDeep(readFileSync(file, 'utf8'), 12) !== undefined);
    expect(over).toEqual([]);
  });

  it('counts no bracket that is text: a block scalar, quoted and plain scalars, a comment', () => {
    const many = '[['.repeat(MAX_YAML_DEPTH);
    const text = `${PULUMI}
      - name: brackets as text
        run: |
          ${many}
          if [[ -z "$X" ]]; then echo ${many}; fi
        env:
          PLAIN: echo ${many}
          DOUBLE: "${many}"
          SINGLE: 'it''s ${many}'
          FLOW: { a: "${many}", b: '${many}' } # ${many}
      # ${many}
`;
    expect(yamlTooDeep(text)).toBeUndefined();
  });

  // The pulumi/docs workflow with the steps of a real deploy script: a plain `run:` whose second line starts with
  // `[`, and a block scalar of 70 lines echoing `{`; every bracket in them is text.
  const BRACKETS_AS_TEXT = `${PULUMI}
      - name: check
        run: test -n "$X" &&
          [ "$Y" = "[" ] && echo ok
      - name: build
        run: |
${'          echo "{" >> out.json\n'.repeat(70)}`;

  it("counts nothing in a plain scalar's next lines or a block scalar's lines, however many brackets they hold", async () => {
    expect(yamlTooDeep(BRACKETS_AS_TEXT)).toBeUndefined();
    const model = await readWorkflowModel({ workflowPaths: [W], read: () => BRACKETS_AS_TEXT });
    expect(model.errors).toEqual([]);
    expect(model.jobs.map((j) => j.id)).toEqual(['test-github']);
  });

  const deep = '['.repeat(100);
  it.each([
    ['after an anchor', `${PULUMI}x: &a${deep}\n`, { line: 23, column: 69 }],
    ['after a tag', `${PULUMI}x: !!seq${deep}\n`, { line: 23, column: 72 }],
    ['after an explicit value indicator', `${PULUMI}? x\n: ${deep}\n`, { line: 24, column: 66 }],
    [
      'on a line less indented than the block scalar before it',
      `${PULUMI}x: |\n      text\n  ${deep}\n`,
      { line: 25, column: 66 },
    ],
    [
      "after a quote that hid the plain scalar's next line",
      `${PULUMI}x: a\n "\ny: ${deep}\n# "\n`,
      { line: 25, column: 67 },
    ],
    ['flow collections', `${PULUMI}x: ${'['.repeat(100)}${']'.repeat(100)}\n`, { line: 23, column: 67 }],
    [
      'block mappings, one space deeper each',
      `${PULUMI}${Array.from({ length: 100 }, (_, i) => `${' '.repeat(i)}k${i}:\n`).join('')}`,
      { line: 87, column: 65 },
    ],
    ['compact sequences on one line', `${PULUMI}x:\n  ${'- '.repeat(100)}y\n`, { line: 24, column: 129 }],
  ])('refuses %s nested past the bound, at the line and column', (_name, text, at) => {
    expect(yamlTooDeep(text)).toEqual(at);
  });
});

describe('reading the files', () => {
  it.each([
    ['past what js-yaml can walk', 20000],
    ["within js-yaml's own bound of 100, which the fast reader declines", 80],
  ])(
    "refuses a workflow nested past the bound (%s) before GitHub's parser reads it, at the line and column",
    async (_n, n) => {
      const deep = `${PULUMI}x: ${'['.repeat(n)}${']'.repeat(n)}\n`;
      const model = await readWorkflowModel({ workflowPaths: [W], read: () => deep });
      expect(model.errors).toEqual([
        {
          code: 'too-large',
          message: `${W}:23:67: not read: it nests collections deeper than ${MAX_YAML_DEPTH} levels (no workflow nests so deep)`,
          position: { file: W, line: 23, column: 67 },
        },
      ]);
      expect(model.jobs).toEqual([]);
    },
  );

  it("reads a file the YAML library finds too many errors in as one error, without GitHub's parser making each", async () => {
    // A quoted scalar closed on its next line, then stray brackets: two errors each (`yaml` 2.9.1).
    const stray = `${PULUMI}x: 'it''s\n  ' ${'['.repeat(2000)}\n`;
    expect(yamlTooDeep(stray)).toBeUndefined();
    expect(yamlErrorsExceed(stray)).toBe(true);
    const model = await readWorkflowModel({ workflowPaths: [W], read: () => stray });
    expect(model.errors).toEqual([
      {
        code: 'parse-error',
        message: `${W}: not read: the YAML library finds more than ${MAX_YAML_ERRORS} errors in it`,
        position: { file: W, line: 1, column: 1 },
      },
    ]);
    expect(model.jobs).toEqual([]);
  });

  it("gives a file's errors under the bound as one error, quoting the first five and counting the rest", async () => {
    const stray = `${PULUMI}x: 'it''s\n  ' [[[[[[[[\n`;
    expect(yamlErrorsExceed(stray)).toBe(false);
    const model = await readWorkflowModel({ workflowPaths: [W], read: () => stray });
    expect(model.errors).toHaveLength(1);
    expect(model.errors[0]?.message).toMatch(
      /^\.github\/workflows\/test-github-oidc\.yml:24:5: Unexpected flow-seq-start/,
    );
    expect(model.errors[0]?.message).toMatch(/; and 4 more errors in \.github\/workflows\/test-github-oidc\.yml$/);
    expect(model.errors[0]?.message.split('Unexpected flow-seq-start')).toHaveLength(6);
  });

  it.each([
    ['CR', '\r', 'a carriage return not followed by a line feed'],
    ['NEL', '\u0085', 'a next line character, U+0085'],
    ['LS', '\u2028', 'a line separator, U+2028'],
    ['PS', '\u2029', 'a paragraph separator, U+2029'],
  ])('leaves a file holding a line break parsers disagree on (%s) unread, its jobs unknown', async (_n, brk, name) => {
    // The CR case as written: a job after a comment, its lines joined by the break; the `yaml` library under GitHub's
    // TypeScript parser reads one comment, js-yaml and PyYAML read the job.
    const job = ['  # note', '  hidden:', '    runs-on: ubuntu-latest', '    steps:', '      - run: echo'].join(brk);
    const model = await readWorkflowModel({ workflowPaths: [W], read: () => `${PULUMI}${job}\n` });
    expect(model.errors).toEqual([
      {
        code: 'ambiguous-line-break',
        message: `${W}:23:9: not read: it holds a line break YAML parsers disagree on (${name}), so which jobs GitHub reads in it is not known`,
        position: { file: W, line: 23, column: 9 },
      },
    ]);
    expect(model.files).toEqual([]);
  });

  it('reads no file once the time for all is spent, and names each file not read (checked between files)', async () => {
    const paths = ['.github/workflows/a.yml', '.github/workflows/b.yml', '.github/workflows/c.yml'];
    let clock = 0;
    const model = await readWorkflowModel({
      workflowPaths: paths,
      // Each read takes a minute by this clock: the third starts past the two minutes.
      read: () => {
        clock += 60_001;
        return PULUMI;
      },
      now: () => clock,
    });
    expect(model.files.map((f) => f.path)).toEqual(paths.slice(0, 2));
    expect(model.errors).toEqual([
      {
        code: 'too-many-files',
        message:
          '.github/workflows/c.yml was not read: reading the workflow and action files took more than 120 seconds in all',
        position: { file: '.github/workflows/c.yml', line: 1, column: 1 },
      },
    ]);
  });
});
