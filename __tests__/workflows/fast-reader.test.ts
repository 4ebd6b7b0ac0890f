/**
 * src/workflows/fast-reader.ts must give exactly what GitHub's own reader gives (`@actions/workflow-parser`
 * YamlObjectReader over the `yaml` library), or decline so that GitHub's parser runs: on every YAML file of the
 * fixtures (workflows and actions of public repositories, each named in its fixture), on generated YAML, and on each
 * kind of text it must leave to GitHub's parser.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { getActionSchema } from '@actions/workflow-parser/actions/action-schema';
import { parseAction } from '@actions/workflow-parser/actions/index';
import type { ObjectReader } from '@actions/workflow-parser/templates/object-reader';
import { TemplateContext, TemplateValidationErrors } from '@actions/workflow-parser/templates/template-context';
import { readTemplate } from '@actions/workflow-parser/templates/template-reader';
import { YamlObjectReader } from '@actions/workflow-parser/workflows/yaml-object-reader';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coreValue, fastReader, parseFast, readYaml } from '../../src/workflows/fast-reader.js';
import { parseActionFile, parseWorkflowFile } from '../../src/workflows/parse.js';
import { hasAnchor } from '../../src/workflows/yaml-size.js';
import { gen, render } from './yaml-gen.js';

const FIXTURES = fileURLToPath(new URL('../fixtures', import.meta.url));

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return yamlFiles(full);
    return /\.ya?ml$/.test(entry) ? [full] : [];
  });
}

const kindOf = (file: string) => (/(^|\/)action\.ya?ml$/.test(file) ? 'action' : 'workflow');

/** GitHub's own result for the text, as `src/workflows/parse.ts` falls back to it. */
function github(kind: 'workflow' | 'action', name: string, content: string) {
  const parse = kind === 'workflow' ? parseWorkflow : parseAction;
  return parse({ name, content }, new NoOperationTraceWriter());
}

/**
 * GitHub's reader of an action file with the runner's root type, `action-root` (src/workflows/parse.ts reads action
 * files so): what the text gives when the fast path declines it.
 */
function runnerAction(name: string, content: string) {
  const context = new TemplateContext(new TemplateValidationErrors(), getActionSchema(), new NoOperationTraceWriter());
  const fileId = context.getFileId(name);
  const reader = new YamlObjectReader(fileId, content);
  return reader.errors.length > 0 ? undefined : readTemplate(context, 'action-root', reader, fileId);
}

/**
 * `actual` equals `expected` deeply: classes (prototypes), own properties (one left undefined included), values
 * (`-0` apart from `0`); Node's comparison is run first, vitest's (the same checks, slower on large trees) only to
 * show what differs.
 */
function expectSame(actual: unknown, expected: unknown): void {
  if (!isDeepStrictEqual(actual, expected)) expect(actual).toStrictEqual(expected);
}

/** Everything a reader gives, in order: tokens, and the ends of collections. */
function drain(reader: ObjectReader): unknown[] {
  const out: unknown[] = [];
  reader.validateStart();
  for (;;) {
    const token = reader.allowLiteral() ?? reader.allowSequenceStart() ?? reader.allowMappingStart();
    if (token) out.push(token);
    else if (reader.allowSequenceEnd()) out.push('end of sequence');
    else if (reader.allowMappingEnd()) out.push('end of mapping');
    else break;
  }
  reader.validateEnd();
  return out;
}

/** The fast path reads `text` itself, to GitHub's parser's very result: the token tree and the errors. */
function expectReadAsGitHub(kind: 'workflow' | 'action', name: string, text: string): void {
  const fast = parseFast(kind, { name, content: text }, new NoOperationTraceWriter());
  const expected = github(kind, name, text);
  expect(fast).toBeDefined();
  expectSame(fast?.value, expected.value);
  expectSame(fast?.context.errors.getErrors(), expected.context.errors.getErrors());
}

/** The fast reader's events equal GitHub's reader's, class, value, range, source and header included. */
function expectSameEvents(text: string): 'read' | 'declined' {
  const fast = fastReader(text, 7);
  const yaml = new YamlObjectReader(7, text);
  if (fast === undefined) return 'declined';
  expect(yaml.errors).toStrictEqual([]);
  // The anchors it finds are the ones the yaml library's lexer finds (src/workflows/yaml-size.ts counts on it).
  expect(readYaml(text)?.anchored).toBe(hasAnchor(text));
  expectSame(drain(fast), drain(yaml));
  return 'read';
}

describe('the fast reader on every YAML file of the fixtures', () => {
  const files = yamlFiles(FIXTURES);

  it('finds the fixtures', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it.each(files.map((f) => [path.relative(FIXTURES, f), f]))('%s: the same result as GitHub’s parser', (_, file) => {
    const text = readFileSync(file, 'utf8');
    expectReadAsGitHub(kindOf(file), file, text);
    expect(expectSameEvents(text)).toBe('read');
    // The same file written with CR LF line breaks (YAML 1.2.2, 5.4 "Line Break Characters").
    expect(expectSameEvents(text.replace(/\n/g, '\r\n'))).toBe('read');
  });

  // An explicit document start, as yamllint's `document-start` rule has every file begin (YAML 1.2.2, 9.1.4).
  it.each(files.map((f) => [path.relative(FIXTURES, f), f]))('%s, begun with `---`: the same result', (_, file) => {
    // A fixture that begins with one already (its source comment, then `---`) is taken without it.
    const body = readFileSync(file, 'utf8').replace(/^(?:#[^\n]*\n)*---[ ]*\n/, '');
    for (const text of [
      `---\n${body}`,
      `# ${path.basename(file)}\n\n---  \n${body}`,
      `---\n${body}`.replace(/\n/g, '\r\n'),
    ]) {
      expectReadAsGitHub(kindOf(file), file, text);
      expect(expectSameEvents(text)).toBe('read');
    }
  });

  it('reads all of them itself', () => {
    const declined = files.filter((f) => fastReader(readFileSync(f, 'utf8'), 1) === undefined);
    expect(declined).toEqual([]);
  });
});

describe('the fast reader on the benchmark’s repositories (bench/workflows/, public repositories as published)', () => {
  const BENCH = fileURLToPath(new URL('../../bench/workflows', import.meta.url));
  const files = yamlFiles(BENCH);
  // What it still leaves to GitHub's parser there, and why (see the cases below).
  const LEFT: Record<string, string> = {
    'aws-powertools__powertools-lambda-typescript/.github/workflows/update_ssm.yml': 'a comment in a flow collection',
    'aws-powertools__powertools-lambda-typescript/.github/workflows/reusable_deploy_layer_stack.yml':
      'a comment in a flow collection',
    'smithy-lang__smithy-rs/.github/workflows/update-sdk-next.yml': 'a block scalar of blank lines only',
  };

  it.each(files.map((f) => [path.relative(BENCH, f), f]))(
    '%s: GitHub’s parser’s result, or left to it',
    (name, file) => {
      const text = readFileSync(file, 'utf8');
      if (LEFT[name] !== undefined) expect(fastReader(text, 1)).toBeUndefined();
      else {
        expectReadAsGitHub(kindOf(file), file, text);
        expect(expectSameEvents(text)).toBe('read');
        expect(expectSameEvents(text.replace(/\n/g, '\r\n'))).toBe('read');
      }
    },
  );
});

describe('a flow collection closed at its block’s column, which js-yaml refuses and the yaml library reads', () => {
  // As aws-powertools/powertools-lambda-typescript's .github/workflows/quality_check.yml writes its matrix:
  // `package: [` … `]`, the bracket under the key.
  const read: [string, string][] = [
    [
      'a sequence closed under its key',
      'on: push\njobs:\n  a:\n    strategy:\n      matrix:\n        p: [\n          "x",\n          "y"\n        ]\n',
    ],
    ['a mapping closed under its key', 'on:\n  push: {\n    branches: [main]\n  }\n'],
    ['at the top', 'on: [\n  push\n]\njobs: {}\n'],
    ['under a sequence’s `-`', 'x:\n  - [\n    1,\n  ]\n  - [ 2,\n  ]\n'],
    ['two in a row, with CR LF line breaks', 'on: [\r\n  push\r\n]\nx: {\r\n  a: 1\r\n}\r\n'],
  ];
  it.each(read)('%s: read, as GitHub reads it', (_, text) => {
    expectReadAsGitHub('workflow', 'w.yml', text);
    expect(expectSameEvents(text)).toBe('read');
  });

  const left: [string, string][] = [
    ['a bracket left of its key (an error to both)', 'on:\n  push: [\n    main,\n ]\n'],
    ['an entry left of its key', 'on:\n  push: [\n  main,\n    ]\n'],
  ];
  it.each(left)('%s: left to GitHub’s parser, whose errors stand', async (_, text) => {
    expect(parseFast('workflow', { name: 'w.yml', content: text }, new NoOperationTraceWriter())).toBeUndefined();
    const parsed = await parseWorkflowFile('w.yml', text);
    expect(parsed.errors.length).toBeGreaterThan(0);
  });
});

/** A text's line breaks as written: LF, CR LF, or both in one text (YAML 1.2.2, 5.4 "Line Break Characters"). */
const lineBreaks = fc.constantFrom(
  (text: string) => text,
  (text: string) => text.replace(/\n/g, '\r\n'),
  (text: string) => {
    let n = 0;
    return text.replace(/\n/g, () => (n++ % 3 === 0 ? '\r\n' : '\n'));
  },
);

describe('the fast reader on generated YAML', () => {
  const inline = fc.array(fc.constantFrom('', '', '', '  # c', ' #c |', '    '), { maxLength: 5 });

  it('gives the events GitHub’s reader gives, or declines', () => {
    let read = 0;
    fc.assert(
      fc.property(
        gen,
        inline,
        fc.constantFrom(2, 4),
        fc.boolean(),
        lineBreaks,
        // Two in three texts begin as the fast reader reads them (none, or one leading `---`); the rest it declines.
        fc.constantFrom('', '', '', '---\n', '# c\n\n---\n', '---  \n', '--- # c\n', '---\n---\n', '--- x\n'),
        (node, comments, step, compact, crlf, start) => {
          if (expectSameEvents(crlf(start + render(node, comments, step, compact))) === 'read') read++;
        },
      ),
      { numRuns: 1500 },
    );
    // The property is not met by declining everything.
    expect(read).toBeGreaterThan(600);
  });

  it('gives the events GitHub’s reader gives, or declines, on the fixtures edited at random', () => {
    const texts = yamlFiles(FIXTURES).map((f) => readFileSync(f, 'utf8'));
    const edit = fc.tuple(
      fc.nat(),
      fc.nat(2),
      fc.constantFrom(': ', '- ', '#', ' #', '"', "'", '[', ']', '{', '}', ',', '&x ', '*x', '|', '>', '? ', ' ', '\n'),
    );
    fc.assert(
      fc.property(
        fc.nat(texts.length - 1),
        fc.array(edit, { minLength: 1, maxLength: 3 }),
        lineBreaks,
        (k, edits, crlf) => {
          let text = crlf(texts[k] as string);
          for (const [at, cut, insert] of edits) {
            const i = at % (text.length + 1);
            text = text.slice(0, i) + insert + text.slice(i + cut);
          }
          expectSameEvents(text);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('gives the parser’s result on generated workflows', () => {
    fc.assert(
      fc.property(gen, inline, (node, comments) => {
        const text = `on: push\njobs:\n  j:\n    runs-on: ubuntu-latest\n    steps:\n      - run: x\n        with:\n${render(
          node,
          comments,
        )
          .split('\n')
          .map((l) => (l === '' ? l : `          ${l}`))
          .join('\n')}`;
        const fast = parseFast('workflow', { name: 'w.yml', content: text }, new NoOperationTraceWriter());
        if (fast === undefined) return;
        const expected = github('workflow', 'w.yml', text);
        expectSame(fast.value, expected.value);
        expectSame(fast.context.errors.getErrors(), expected.context.errors.getErrors());
      }),
      { numRuns: 300 },
    );
  });

  it('types plain scalars as the yaml library’s core schema does', () => {
    const cases: [string, unknown][] = [
      ['1_000', '1_000'],
      ['0b1', '0b1'],
      ['+.5', 0.5],
      ['1e3', 1000],
      ['0x1F', 31],
      ['0X1F', '0X1F'],
      ['0o17', 15],
      ['017', 17],
      ['-0', -0],
      ['.NaN', Number.NaN],
      ['.nAn', '.nAn'],
      ['-.Inf', Number.NEGATIVE_INFINITY],
      ['~', null],
      ['', null],
      ['nULL', 'nULL'],
      ['TRUE', true],
      ['tRUE', 'tRUE'],
      ['yes', 'yes'],
      ['1.', 1],
    ];
    for (const [text, value] of cases) expect([text, coreValue(text)]).toStrictEqual([text, value]);
  });
});

describe('what the fast reader leaves to GitHub’s parser', () => {
  const cases: [string, string][] = [
    ['a YAML error', 'on: push\njobs: [\n'],
    ['a YAML error the yaml library alone reports', 'on: push\njobs:\n  a: 1\n b: 2\n'],
    ['two documents', 'on: push\n---\njobs: {}\n'],
    ['a directive', '%YAML 1.2\n---\non: push\n'],
    ['a document start after content', 'on: push\n---\n'],
    ['a document start with a node on its line', '--- {on: push}\n'],
    ['a document start with a comment on its line', '--- # c\non: push\n'],
    ['two document starts', '---\n---\non: push\n'],
    ['a document end', 'on: push\n...\n'],
    ['a document end before any document', '... >\n  on\n'],
    ['a tag', 'on: !!str push\n'],
    ['a local tag', 'on: !push push\n'],
    ['a merge key', 'x: &a {a: 1}\non:\n  <<: *a\n'],
    ['an explicit key', '? on\n: push\n'],
    ['an empty document', ''],
    ['a comment alone', '# nothing\n'],
    ['a carriage return alone', 'on: push\rjobs: {}\n'],
    ['an escaped line break written CR LF', 'on: "pu\\\r\n  sh"\r\n'],
    ['an escaped line break before an empty line', 'on: "pu\\\n\n  sh"\n'],
    ['a tab in indentation', 'on:\n\tpush: {}\n'],
    ['an alias to a node that holds it', 'on: &a\n  push:\n    x: *a\n'],
    ['an alias as a key', 'x: &a on\n*a : push\n'],
    ['an empty key', ': push\n'],
    ['an empty node in a flow mapping', 'on: {push: }\n'],
    ['a comment in a flow collection', 'on: { push: x\n# c\n  , pull_request: y }\n'],
    ['an implicit pair in a flow sequence', 'on: [push: x]\n'],
    ['an anchor before a mapping’s first key on its line', 'on:\n &x push: {}\n  # c\n'],
    ['spaces past a block scalar’s indentation after its content', 'on: |-1\n  push\n  \n'],
    ['nesting past js-yaml’s depth', `on: ${'['.repeat(120)}${']'.repeat(120)}\n`],
  ];

  it.each(cases)('%s', async (_, text) => {
    expect(parseFast('workflow', { name: 'w.yml', content: text }, new NoOperationTraceWriter())).toBeUndefined();
    expect(parseFast('action', { name: 'action.yml', content: text }, new NoOperationTraceWriter())).toBeUndefined();
    const expected = github('workflow', 'w.yml', text);
    const parsed = await parseWorkflowFile('w.yml', text);
    expect(parsed.root).toStrictEqual(expected.value);
    // Node's comparison first: vitest's alone takes minutes on the 120 levels the runner's root keeps (\`on:\` is any value).
    expectSame(parseActionFile('action.yml', text).root, runnerAction('action.yml', text));
  });

  it('keeps the YAML library’s own error messages', async () => {
    const parsed = await parseWorkflowFile('w.yml', 'on: push\njobs:\n  a: 1\n b: 2\n');
    expect(parsed.errors.map((e) => e.message).join('\n')).toMatch(
      /^w\.yml:4:1: All mapping items must start at the same column/,
    );
  });
});
