/**
 * Reading a baseline record, or a report for `diff`, as outside input (src/drift/parse.ts), and the baseline file
 * (src/sources/baseline-file.ts): each refusal names what is wrong and where; the file stays in the workspace and is
 * bounded.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseBaseline } from '../../src/drift/parse.js';
import { MAX_BASELINE_BYTES, readBaselineFile, writeBaselineFile } from '../../src/sources/baseline-file.js';
import { removeTempDirs, tempDir } from '../fixtures/temp-files.js';

afterAll(removeTempDirs);

const RECORD = {
  version: 1,
  kind: 'permission-preflight-baseline',
  tool: { name: 'permission-preflight', version: '0.1.0' },
  recordedAt: '2026-12-01T10:00:00.000Z',
  result: 'pass',
  scope: {},
  roles: [],
  policies: [],
  permissions: [],
  credentials: [],
};

describe('parseBaseline', () => {
  it('reads a record', () => {
    expect(parseBaseline(JSON.stringify(RECORD))).toMatchObject({ ok: true, from: 'baseline', record: RECORD });
  });

  it.each([
    ['not JSON', '{"kind": ', /^it is not JSON/],
    ['another version', JSON.stringify({ ...RECORD, version: 2 }), /^its version is 2; this version reads 1$/],
    ['a mistyped field', JSON.stringify({ ...RECORD, permissions: [{ action: 3 }] }), /^at \/permissions\/0: /],
    ['a missing list', JSON.stringify({ ...RECORD, policies: undefined }), /^at \/policies: not a list$/],
    ['something else', JSON.stringify({ Version: '2012-10-17', Statement: [] }), /^it is neither/],
    [
      'nesting deeper than any record',
      `${'['.repeat(100)}${']'.repeat(100)}`,
      /^it nests deeper than any record does \(line 1, column 65\)$/,
    ],
  ])('refuses %s, saying why', (_name, text, reason) => {
    const parsed = parseBaseline(text);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.reason).toMatch(reason);
  });

  it('reads a report as a record, keeping its findings', () => {
    const report = {
      version: 1,
      tool: { name: 'permission-preflight', version: '0.1.0' },
      mode: 'enforce',
      result: 'fail',
      generatedAt: '2026-12-02T10:00:00.000Z',
      counts: {},
      findings: [
        {
          id: 'token:github:oidc',
          subject: 'GitHub OIDC token',
          decisionPoint: 'token',
          class: 'ok',
          status: 'pass',
          message: 'Valid.',
          evidence: {
            iss: 'https://token.actions.githubusercontent.com',
            sub: 'repo:acme/api:ref:refs/heads/main',
            aud: ['sts.amazonaws.com'],
          },
        },
      ],
    };
    const parsed = parseBaseline(JSON.stringify(report));
    expect(parsed).toMatchObject({
      ok: true,
      from: 'report',
      record: { identity: { sub: 'repo:acme/api:ref:refs/heads/main', aud: ['sts.amazonaws.com'] }, policies: [] },
    });
    expect(parsed.ok && parsed.findings).toHaveLength(1);
  });
});

describe('the baseline file', () => {
  it('is no baseline yet when it does not exist, and is written through a rename', async () => {
    const root = tempDir();
    expect(await readBaselineFile('.github/baseline.json', { root, allowOutside: false })).toEqual({
      ok: true,
      where: '.github/baseline.json',
    });
    expect(await writeBaselineFile('.github/baseline.json', '{"a":1}\n', { root, allowOutside: false })).toEqual({
      ok: true,
    });
    expect(readFileSync(path.join(root, '.github/baseline.json'), 'utf8')).toBe('{"a":1}\n');
    expect(await readBaselineFile('.github/baseline.json', { root, allowOutside: false })).toMatchObject({
      ok: true,
      text: '{"a":1}\n',
    });
  });

  it('stays in the workspace, for a path and for a link', async () => {
    const root = tempDir();
    const outside = tempDir();
    writeFileSync(path.join(outside, 'b.json'), '{}');
    symlinkSync(path.join(outside, 'b.json'), path.join(root, 'link.json'));
    const read = await readBaselineFile('link.json', { root, allowOutside: false });
    expect(read.ok ? '' : read.reason).toContain('symbolic link that leads outside the workspace');
    const written = await writeBaselineFile('../elsewhere.json', '{}', { root, allowOutside: false });
    expect(written.ok ? '' : written.reason).toBe(
      '../elsewhere.json is outside the workspace; it is written only with allow-outside-workspace',
    );
    const throughLink = await writeBaselineFile('link.json', '{}', { root, allowOutside: false });
    expect(throughLink.ok).toBe(false);
    expect(readFileSync(path.join(outside, 'b.json'), 'utf8')).toBe('{}');
  });

  it('refuses a file larger than a record, and a folder', async () => {
    const root = tempDir();
    writeFileSync(path.join(root, 'big.json'), 'x'.repeat(MAX_BASELINE_BYTES + 1));
    mkdirSync(path.join(root, 'folder.json'));
    const big = await readBaselineFile('big.json', { root, allowOutside: false });
    expect(big.ok ? '' : big.reason).toMatch(/^big\.json is larger than/);
    const folder = await readBaselineFile('folder.json', { root, allowOutside: false });
    expect(folder.ok ? '' : folder.reason).toMatch(/^folder\.json is a folder/);
  });
});
