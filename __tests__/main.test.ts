/** run() against a fake ActionIO: no module mocks, only what the step would show. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type ActionIO, renderMessage } from '../src/io.js';
import { annotationOrder, NOTHING_VERIFIED, run } from '../src/main.js';
import { finding } from '../src/model/finding.js';
import type { Report } from '../src/report/model.js';
import { describeThrown } from '../src/text/thrown.js';
import { runStep } from './fixtures/runner-step.js';
import { stepFiles } from './fixtures/step-files.js';
import { summaryText } from './fixtures/summary-markup.js';
import { removeTempDirs, tempDir } from './fixtures/temp-files.js';

interface Recorded {
  outputs: Record<string, string>;
  summary: string;
  info: string[];
  failed: string[];
  files: Record<string, string>;
}

function fakeIO(
  inputs: Record<string, string>,
  env: Record<string, string> = {},
  overrides: Partial<ActionIO> = {},
): { io: ActionIO; seen: Recorded } {
  const seen: Recorded = { outputs: {}, summary: '', info: [], failed: [], files: {} };
  const io: ActionIO = {
    getInput: (name) => inputs[name] ?? '',
    setOutput: (name, value) => {
      seen.outputs[name] = value;
    },
    summary: async (markdown) => {
      seen.summary += markdown;
    },
    info: (message) => seen.info.push(message),
    debug: () => undefined,
    error: () => undefined,
    group: (_name, fn) => fn(),
    setSecret: () => undefined,
    setFailed: (message) => seen.failed.push(renderMessage(message)),
    env,
    writeFile: async (path, content) => {
      seen.files[path] = content;
    },
    ...overrides,
  };
  return { io, seen };
}

const reportOf = (seen: Recorded): Report => JSON.parse(seen.files[seen.outputs.report ?? ''] ?? 'null') as Report;

describe('run with default inputs (github-oidc on)', () => {
  it('fails with the missing id-token permission finding when the runner gave no token request variables', async () => {
    const { io, seen } = fakeIO({}, { RUNNER_TEMP: '/tmp/runner' });
    await run(io);
    expect(seen.failed).toEqual([
      'permission-preflight: Preflight failed: 1 of 1 checks would fail (1 would end in 401)',
    ]);
    expect(seen.outputs).toEqual({
      result: 'fail',
      findings: '1',
      report: '/tmp/runner/permission-preflight/report.json',
    });
    const report = reportOf(seen);
    expect(report.findings.map((f) => [f.decisionPoint, f.class, f.status])).toEqual([
      ['runner', 'missing-id-token-permission', 'fail'],
    ]);
    expect(summaryText(seen.summary)).toContain('id-token: write');
  });

  it('reports the same in report mode without failing the step', async () => {
    const { io, seen } = fakeIO({ mode: 'report' }, { RUNNER_TEMP: '/tmp/runner' });
    await run(io);
    expect(seen.failed).toEqual([]);
    expect(seen.outputs).toMatchObject({ result: 'fail', findings: '1' });
    expect(reportOf(seen)).toMatchObject({ mode: 'report', result: 'fail' });
  });
});

describe('run with nothing to check (github-oidc: false, no tokens)', () => {
  it('fails closed in enforce mode, the default', async () => {
    for (const mode of ['enforce', '']) {
      const { io, seen } = fakeIO({ mode, 'github-oidc': 'false' });
      await run(io);
      expect(seen.failed).toEqual([NOTHING_VERIFIED]);
      expect(seen.outputs).toEqual({ result: 'fail', findings: '0' });
      expect(seen.summary).toContain(NOTHING_VERIFIED);
    }
  });

  it('reports without failing in report mode', async () => {
    const { io, seen } = fakeIO({ mode: 'report', 'github-oidc': 'false' });
    await run(io);
    expect(seen.failed).toEqual([]);
    expect(seen.outputs.result).toBe('fail');
    expect(seen.info.join('\n')).toContain(NOTHING_VERIFIED);
  });
});

describe('run with invalid inputs', () => {
  it('names every bad input and quotes its value, without running a check', async () => {
    const { io, seen } = fakeIO({ mode: 'audit', 'min-token-lifetime': 'ten minutes', tokens: '- name: [' });
    await run(io);
    expect(seen.failed).toHaveLength(1);
    expect(seen.failed[0]).toContain('permission-preflight: invalid configuration:');
    expect(seen.failed[0]).toContain('input mode must be enforce or report, got "audit"');
    expect(seen.failed[0]).toContain("input min-token-lifetime invalid duration 'ten minutes'");
    expect(seen.failed[0]).toContain('input tokens is not valid YAML');
    expect(seen.outputs).toEqual({ result: 'fail', findings: '0' });
  });
});

describe('run with a policy file that does not exist', () => {
  afterAll(removeTempDirs);

  /** A workspace whose config file checks one role from policy files, `awz` a mistyped path. */
  const workspace = (mode: string, policyFiles: string): string => {
    const root = tempDir();
    mkdirSync(path.join(root, '.github'));
    writeFileSync(
      path.join(root, '.github/preflight.yml'),
      [
        'version: 1',
        `mode: ${mode}`,
        'github-oidc:',
        '  enabled: false',
        'aws:',
        `  policy-files: [${policyFiles}]`,
        '  roles:',
        '    - role-to-assume: arn:aws:iam::111122223333:role/deploy',
        '      permissions:',
        '        - s3:PutObject arn:aws:s3:::acme-site-www/*',
        '',
      ].join('\n'),
    );
    return root;
  };

  it.each(['report', 'enforce'])(
    'names the setting and the config file, writes the summary and fails the step (mode %s)',
    async (mode) => {
      const root = workspace(mode, 'awz');
      const { io, seen } = fakeIO({ config: '.github/preflight.yml' }, { GITHUB_WORKSPACE: root });
      await run(io);
      expect(seen.failed).toHaveLength(1);
      expect(seen.failed[0]).toContain('.github/preflight.yml: policy-files names a path that cannot be read: awz');
      expect(seen.failed[0]).toContain('does not exist');
      expect(seen.failed[0]).not.toContain('could not verify');
      expect(seen.outputs).toEqual({ result: 'fail', findings: '0' });
      expect(summaryText(seen.summary)).toContain('**Result: fail**: the configuration is invalid');
      expect(summaryText(seen.summary)).toContain('policy-files names a path that cannot be read: awz');
    },
  );

  it('names the input when the input gave the path', async () => {
    const root = workspace('report', 'policies');
    const { io, seen } = fakeIO({ config: '.github/preflight.yml', 'policy-files': 'awz' }, { GITHUB_WORKSPACE: root });
    await run(io);
    expect(seen.failed).toHaveLength(1);
    expect(seen.failed[0]).toContain('input policy-files names a path that cannot be read: awz');
    expect(seen.failed[0]).not.toContain('.github/preflight.yml');
  });
});

describe('run when something throws', () => {
  it.each([
    ['an Error', new Error('disk on fire'), 'disk on fire'],
    ['a string', 'plain string', 'non-Error thrown: plain string'],
    ['undefined', undefined, 'non-Error thrown: undefined'],
    ['an object', { code: 42 }, 'non-Error thrown: {"code":42}'],
  ])('fails the step on %s thrown from anywhere in the pipeline', async (_, thrown, message) => {
    const { io, seen } = fakeIO(
      { mode: 'report', 'github-oidc': 'false' },
      {},
      {
        summary: async () => {
          throw thrown;
        },
      },
    );
    await run(io);
    expect(seen.failed).toEqual([`permission-preflight: could not verify: ${message}`]);
    expect(seen.outputs.result).toBe('fail');
  });

  it('writes the summary headline with what stopped the run', async () => {
    const { io, seen } = fakeIO(
      { mode: 'report' },
      {},
      {
        // The first outside call of a run with default inputs: the runner's facts read from the event payload.
        debug: () => {
          throw new Error('disk on <b>fire</b>');
        },
      },
    );
    await run(io);
    expect(seen.failed).toEqual(['permission-preflight: could not verify: disk on <b>fire</b>']);
    expect(seen.summary).toContain('## permission-preflight');
    expect(summaryText(seen.summary)).toContain('**Result: fail**: could not verify: disk on <b>fire</b>');
    expect(seen.summary).not.toContain('<b>');
  });
});

describe('describeThrown', () => {
  it('never throws itself, even on values JSON cannot hold', () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(describeThrown(circular)).toBe('non-Error thrown (object)');
    expect(describeThrown(10n)).toBe('non-Error thrown (bigint)');
    expect(describeThrown(Symbol('s'))).toBe('non-Error thrown: Symbol(s)');
    expect(describeThrown(new TypeError(''))).toBe('TypeError');
  });
});

describe('run() with no arguments', () => {
  afterAll(removeTempDirs);

  // What src/index.ts does, and what a local runner does: it imports src/main.ts, sets the step's variables in
  // process.env and calls run() (the actions/typescript-action template's entry). The default io is the runner's.
  it('talks to the runner through @actions/core: process.env in, stdout, GITHUB_OUTPUT and process.exitCode out', async () => {
    const files = stepFiles(tempDir());
    const step = await runStep({ ...files.env, 'INPUT_GITHUB-OIDC': 'false', INPUT_MODE: 'enforce' }, () => run());
    expect(step.status).toBe(1);
    expect(step.stdout).toContain(`::error::${NOTHING_VERIFIED}`);
    expect(step.stderr).toBe('');
    const written = files.read();
    expect(written.outputs).toEqual({ result: 'fail', findings: '0' });
    expect(written.summary).toContain(NOTHING_VERIFIED);
  });

  /** `.env.example`'s variables, as a local runner reads it (`NAME=value` lines; `#` lines are comments). */
  const envExample = (): Record<string, string> => {
    const text = readFileSync(new URL('../.env.example', import.meta.url), 'utf8');
    const lines = text.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'));
    return Object.fromEntries(
      lines.map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
  };

  it('.env.example names every input of action.yml as the runner does (INPUT_, upper case, hyphens kept)', () => {
    const declared = Object.keys(
      (parse(readFileSync(new URL('../action.yml', import.meta.url), 'utf8')) as { inputs: object }).inputs,
    );
    const names = Object.keys(envExample()).filter((name) => name.startsWith('INPUT_'));
    expect(names).toEqual(declared.map((input) => `INPUT_${input.toUpperCase()}`));
    const scripts = (
      JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
        scripts: Record<string, string>;
      }
    ).scripts;
    expect(scripts['local-action']).toBe('npx @github/local-action run . src/main.ts .env');
  });

  it('runs with .env.example as it stands: nothing is configured, so it fails closed saying so', async () => {
    const files = stepFiles(tempDir());
    const env = { ...envExample(), ...files.env, GITHUB_WORKSPACE: tempDir() };
    const step = await runStep(env, () => run());
    expect(step.status).toBe(1);
    expect(step.stdout).toContain(`::error::${NOTHING_VERIFIED}`);
    expect(files.read().outputs).toEqual({ result: 'fail', findings: '0' });
  });
});

describe('the annotations, under their cap', () => {
  it('come in the order: what would fail first, then what could not be verified, each as the report lists it', () => {
    const make = (id: string, status: 'fail' | 'unverified' | 'pass') =>
      finding(status === 'pass' ? 'ok' : 'implicit-deny', {
        id,
        subject: id,
        decisionPoint: 'identity-policy',
        status,
        message: id,
      });
    const order = annotationOrder([
      make('u1', 'unverified'),
      make('f1', 'fail'),
      make('p1', 'pass'),
      make('u2', 'unverified'),
      make('f2', 'fail'),
    ]).map((f) => f.id);
    expect(order).toEqual(['f1', 'f2', 'u1', 'u2']);
  });
});
