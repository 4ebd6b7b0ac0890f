/**
 * loadPreflightConfig: which file is read (the `config` input under GITHUB_WORKSPACE, or the CLI's path under cwd),
 * when a missing file is fine (the default path) and when it is an error (any path given), and the result's shape.
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPreflightConfig } from '../../src/pipeline/load-config.js';
import { removeTempDirs, tempDir, writeFiles } from '../fixtures/temp-files.js';

afterAll(removeTempDirs);

/** A workspace with `files` (path → text). */
const workspace = (files: Record<string, string>): string => writeFiles(tempDir(), files);

const inputs = (values: Record<string, string>) => (name: string) => values[name] ?? '';
const VALID = 'mode: report\ngithub-oidc: { enabled: false }\n';
/** Nothing configured to check: zero configuration reads the workflows (WorkflowsConfig), against no policy files. */
const ZERO = { explicit: false, sources: { policyFiles: [], liveReads: false, probe: false, crossCheck: false } };

describe('the default path, .github/preflight.yml', () => {
  it('is read from GITHUB_WORKSPACE when it exists', async () => {
    const ws = workspace({ '.github/preflight.yml': VALID });
    const loaded = await loadPreflightConfig({
      getInput: inputs({ config: '.github/preflight.yml' }),
      env: { GITHUB_WORKSPACE: ws },
      cwd: '/',
    });
    expect(loaded).toEqual({
      ok: true,
      config: { mode: 'report', tokens: [], roles: [], workflows: ZERO },
      source: ['.github/preflight.yml', 'inputs'],
    });
  });

  it('is fine to be missing: the inputs alone decide', async () => {
    const ws = workspace({});
    for (const config of ['.github/preflight.yml', '', './.github/preflight.yml']) {
      const loaded = await loadPreflightConfig({
        getInput: inputs({ config }),
        env: { GITHUB_WORKSPACE: ws },
        cwd: ws,
      });
      expect(loaded).toMatchObject({ ok: true, config: { mode: 'enforce' }, source: ['inputs'] });
    }
  });
});

describe('a path given explicitly', () => {
  it('is read when it exists, and shown as given', async () => {
    const ws = workspace({ 'ci/preflight.yaml': VALID });
    const loaded = await loadPreflightConfig({ getInput: inputs({ config: 'ci/preflight.yaml' }), env: {}, cwd: ws });
    expect(loaded).toMatchObject({ ok: true, config: { mode: 'report' }, source: ['ci/preflight.yaml', 'inputs'] });
  });

  it('is an error naming it when it does not exist (the config input, or the CLI path)', async () => {
    const ws = workspace({});
    const viaInput = await loadPreflightConfig({
      getInput: inputs({ config: 'ci/preflight.yml' }),
      env: { GITHUB_WORKSPACE: ws },
      cwd: '/',
    });
    expect(viaInput).toEqual({
      ok: false,
      errors: [
        {
          where: 'input config',
          message: `"ci/preflight.yml" does not exist (looked for ${path.join(ws, 'ci/preflight.yml')})`,
        },
      ],
    });
    const viaPath = await loadPreflightConfig({ configPath: '.github/preflight.yml', env: {}, cwd: ws });
    expect(viaPath).toMatchObject({
      ok: false,
      errors: [{ where: 'config file', message: expect.stringContaining('".github/preflight.yml" does not exist') }],
    });
  });

  it('is an error when it is a folder', async () => {
    const ws = workspace({ 'conf/keep': '' });
    const loaded = await loadPreflightConfig({ getInput: inputs({ config: 'conf' }), env: {}, cwd: ws });
    expect(loaded).toEqual({
      ok: false,
      errors: [{ where: 'input config', message: '"conf" is a folder, not a file' }],
    });
  });
});

describe('the result', () => {
  it('carries the file errors with file, line and column', async () => {
    const ws = workspace({ '.github/preflight.yml': 'mode: report\naws:\n  roles: 3\n' });
    const loaded = await loadPreflightConfig({ env: { GITHUB_WORKSPACE: ws }, cwd: ws });
    expect(loaded).toEqual({
      ok: false,
      errors: [
        { where: 'aws.roles', message: 'must be a list, got 3', file: '.github/preflight.yml', line: 3, column: 10 },
      ],
    });
  });

  it('has the inputs over the file, and no "inputs" source without getInput (the CLI may pass none)', async () => {
    const ws = workspace({ 'p.yml': VALID });
    const cli = await loadPreflightConfig({ configPath: 'p.yml', env: {}, cwd: ws });
    expect(cli).toEqual({
      ok: true,
      config: { mode: 'report', tokens: [], roles: [], workflows: ZERO },
      source: ['p.yml'],
    });
    const overridden = await loadPreflightConfig({
      configPath: 'p.yml',
      getInput: inputs({ mode: 'enforce', tokens: '- name: t\n  from-env: T\n' }),
      env: {},
      cwd: ws,
    });
    expect(overridden).toMatchObject({ ok: true, config: { mode: 'enforce', tokens: [{ name: 't' }] } });
  });
});
