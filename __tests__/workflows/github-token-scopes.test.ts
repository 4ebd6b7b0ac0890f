/**
 * The scopes of the GITHUB_TOKEN and how a job's permissions are calculated, against GitHub's own workflow schema
 * and the documented examples of
 * https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions#permissions and
 * https://docs.github.com/en/actions/security-for-github-actions/security-guides/automatic-token-authentication#permissions-for-the-github_token
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  type EffectivePermissions,
  effectivePermissions,
  type PermissionsBlock,
  type PermissionsValue,
  runContextOf,
  validatePermissions,
} from '../../src/workflows/github-token/effective.js';
import { capToScope, levelsOf, SCOPE_NAMES, SCOPES, suggestScope } from '../../src/workflows/github-token/scopes.js';

/** GitHub's workflow schema, as the parser the product uses ships it. */
function parserSchema(): Record<string, { type: string }> {
  const file = fileURLToPath(
    new URL('../../node_modules/@actions/workflow-parser/dist/workflow-v1.0.min.json', import.meta.url),
  );
  const json = JSON.parse(readFileSync(file, 'utf8')) as {
    definitions: Record<string, { mapping: { properties: Record<string, { type: string }> } }>;
  };
  return json.definitions['permissions-mapping']?.mapping.properties ?? {};
}

const mapping = (entries: Record<string, string>): PermissionsValue => ({
  kind: 'mapping',
  entries: Object.entries(entries).map(([scope, level], i) => ({ scope, level, line: 10 + i })),
});
const block = (at: 'workflow' | 'job', value: PermissionsValue): PermissionsBlock => ({
  at,
  file: '.github/workflows/deploy.yml',
  line: at === 'workflow' ? 5 : 20,
  value,
});
const exact = (p: EffectivePermissions) =>
  Object.fromEntries(SCOPE_NAMES.map((s) => [s, p.scopes[s].least === p.scopes[s].most ? p.scopes[s].least : '?']));

describe('the scopes GitHub defines', () => {
  it("are exactly the workflow schema's permissions-mapping, each with the levels the schema allows", () => {
    const schema = parserSchema();
    expect(Object.keys(schema).sort()).toEqual([...SCOPE_NAMES].sort());
    for (const scope of SCOPE_NAMES) {
      const expected =
        { 'permission-level-any': 'any' }[schema[scope]?.type ?? ''] ??
        schema[scope]?.type.replace('permission-level-', '');
      expect(SCOPES[scope].levels, scope).toBe(
        expected?.replace('read-or-no-access', 'read-or-none').replace('write-or-no-access', 'write-or-none'),
      );
    }
  });

  it('suggests the scope a misspelt name meant (did you mean)', () => {
    expect(suggestScope('pull-request')).toBe('pull-requests');
    expect(suggestScope('pull_requests')).toBe('pull-requests');
    expect(suggestScope('idtoken')).toBe('id-token');
    expect(suggestScope('contnets')).toBe('contents');
    expect(suggestScope('administration')).toBeUndefined();
  });

  it('refuses an unknown scope and a level the scope does not take, naming the line', () => {
    const problems = validatePermissions(
      block('job', mapping({ 'pull-request': 'write', 'id-token': 'read', contents: 'admin', pages: 'write' })),
    );
    expect(problems.map((p) => [p.written, p.line, p.suggestion])).toEqual([
      ['pull-request', 10, 'pull-requests'],
      ['id-token: read', 11, undefined],
      ['contents: admin', 12, undefined],
    ]);
    expect(validatePermissions(block('workflow', { kind: 'shorthand', value: 'read' }))).toHaveLength(1);
    expect(validatePermissions(block('workflow', { kind: 'shorthand', value: 'write-all' }))).toEqual([]);
  });

  it('read-all and write-all give each scope the most it takes below the asked level', () => {
    expect(capToScope('id-token', 'read')).toBe('none');
    expect(capToScope('id-token', 'write')).toBe('write');
    expect(capToScope('models', 'write')).toBe('read');
    expect(levelsOf('contents')).toEqual(['read', 'write', 'none']);
  });
});

describe("a job's permissions (workflow syntax: permissions)", () => {
  it('"If you specify the access for any of these scopes, all of those that are not specified are set to none"', () => {
    const p = effectivePermissions({
      workflow: block('workflow', mapping({ contents: 'read' })),
      defaults: 'permissive',
    });
    expect(exact(p)).toMatchObject({ contents: 'read', pages: 'none', issues: 'none', 'id-token': 'none' });
  });

  it('permissions: {} disables every scope', () => {
    const p = effectivePermissions({ workflow: block('workflow', mapping({})), defaults: 'permissive' });
    expect(new Set(Object.values(exact(p)))).toEqual(new Set(['none']));
  });

  it('read-all reads every scope (id-token has no read), write-all writes every scope (models only reads)', () => {
    const read = exact(
      effectivePermissions({
        workflow: block('workflow', { kind: 'shorthand', value: 'read-all' }),
        defaults: 'unknown',
      }),
    );
    expect(read).toMatchObject({ contents: 'read', pages: 'read', 'id-token': 'none', models: 'read' });
    const write = exact(
      effectivePermissions({
        workflow: block('workflow', { kind: 'shorthand', value: 'write-all' }),
        defaults: 'unknown',
      }),
    );
    expect(write).toMatchObject({ contents: 'write', 'id-token': 'write', models: 'read' });
  });

  it('a job-level block replaces the workflow-level one (jobs.<job_id>.permissions)', () => {
    const p = effectivePermissions({
      workflow: block('workflow', mapping({ contents: 'write', pages: 'write' })),
      job: block('job', mapping({ issues: 'write' })),
      defaults: 'permissive',
    });
    expect(exact(p)).toMatchObject({ contents: 'none', pages: 'none', issues: 'write' });
    expect(p.source).toMatchObject({ kind: 'block', block: { at: 'job', line: 20 } });
  });
});

describe("the default permissions (automatic token authentication: the table's two default columns)", () => {
  it('permissive gives read/write to most scopes, no id-token; restricted gives contents and packages read', () => {
    const permissive = exact(effectivePermissions({ defaults: 'permissive' }));
    expect(permissive).toMatchObject({ contents: 'write', pages: 'write', 'id-token': 'none', models: 'read' });
    const restricted = exact(effectivePermissions({ defaults: 'restricted' }));
    expect(restricted).toMatchObject({ contents: 'read', packages: 'read', pages: 'none', 'id-token': 'none' });
  });

  it('an unknown default is a range where the two columns differ, exact where they agree', () => {
    const p = effectivePermissions({ defaults: 'unknown' });
    expect(p.scopes.contents).toEqual({ least: 'read', most: 'write' });
    expect(p.scopes.pages).toEqual({ least: 'none', most: 'write' });
    expect(p.scopes['id-token']).toEqual({ least: 'none', most: 'none' });
  });
});

describe('forks (automatic token authentication: "Maximum access for pull requests from public forked repositories")', () => {
  const wf = block('workflow', mapping({ contents: 'write', 'pull-requests': 'write', 'id-token': 'write' }));

  it('a pull request from a fork gets at most read, and no id-token', () => {
    const p = effectivePermissions({
      workflow: wf,
      defaults: 'permissive',
      run: { event: 'pull_request', fromFork: true },
    });
    expect(exact(p)).toMatchObject({ contents: 'read', 'pull-requests': 'read', 'id-token': 'none' });
    expect(p.forkCapped).toBe(true);
  });

  it('"When a workflow is triggered by the pull_request_target event, the GITHUB_TOKEN is granted read/write repository permission, even when it is triggered from a public fork"', () => {
    const p = effectivePermissions({
      workflow: wf,
      defaults: 'permissive',
      run: { event: 'pull_request_target', fromFork: true },
    });
    expect(exact(p)).toMatchObject({ contents: 'write', 'pull-requests': 'write' });
    expect(p.forkCapped).toBe(false);
  });

  it('Dependabot: "you can use the permissions key in your workflow to increase the access for the token" (DEPENDABOT_URL)', () => {
    const p = effectivePermissions({
      workflow: wf,
      defaults: 'permissive',
      run: { event: 'pull_request', fromFork: false, dependabot: true },
    });
    expect(exact(p)).toMatchObject({ contents: 'write', 'pull-requests': 'write', 'id-token': 'write' });
    expect(p.forkCapped).toBe(false);
  });

  it('Dependabot: "GITHUB_TOKEN has read-only permissions by default", on a push too', () => {
    for (const event of ['pull_request', 'push']) {
      const p = effectivePermissions({ defaults: 'permissive', run: { event, fromFork: false, dependabot: true } });
      expect(exact(p)).toMatchObject({ contents: 'read', 'pull-requests': 'read', 'id-token': 'none' });
      expect(p.dependabotDefault).toBe(true);
    }
  });

  it('the run comes from what the runner tells; none outside Actions', () => {
    expect(runContextOf({ eventName: 'pull_request', isForkPullRequest: true })).toEqual({
      event: 'pull_request',
      fromFork: true,
    });
    expect(runContextOf({ eventName: 'pull_request' }, 'dependabot[bot]')).toEqual({
      event: 'pull_request',
      fromFork: false,
      dependabot: true,
    });
    expect(runContextOf({})).toBeUndefined();
  });

  it('a push from the same repository is not lowered', () => {
    const p = effectivePermissions({ workflow: wf, defaults: 'permissive', run: { event: 'push', fromFork: false } });
    expect(exact(p)).toMatchObject({ contents: 'write', 'id-token': 'write' });
  });
});

describe("reusable workflows (reusable workflows reference: the called workflow can only lower its caller's GITHUB_TOKEN)", () => {
  const callerPermissionsInput = {
    job: block('job', mapping({ contents: 'read', pages: 'write' })),
    defaults: 'permissive' as const,
  };
  const callerPermissions = effectivePermissions(callerPermissionsInput);
  const caller = { name: 'call-deploy', permissions: callerPermissions };

  it("a called job with no permissions gets its caller's", () => {
    const p = effectivePermissions({ defaults: 'permissive', caller });
    expect(exact(p)).toMatchObject({ contents: 'read', pages: 'write', issues: 'none' });
    expect(p.exceedsCaller).toEqual([]);
  });

  it('a called job asking for more than its caller grants is refused, scope by scope', () => {
    const p = effectivePermissions({
      job: block('job', mapping({ pages: 'write', 'id-token': 'write', contents: 'write' })),
      defaults: 'permissive',
      caller,
    });
    expect(p.exceedsCaller).toEqual(['contents', 'id-token']);
    expect(exact(p)).toMatchObject({ pages: 'write', contents: 'read', 'id-token': 'none' });
  });

  it("on a fork's pull request the called job is measured against what the caller says, then lowered to read", () => {
    const run = { event: 'pull_request', fromFork: true };
    const forkCaller = { name: 'call-deploy', permissions: effectivePermissions({ ...callerPermissionsInput, run }) };
    const p = effectivePermissions({
      job: block('job', mapping({ pages: 'write' })),
      defaults: 'permissive',
      caller: forkCaller,
      run,
    });
    expect(p.exceedsCaller).toEqual([]);
    expect(exact(p)).toMatchObject({ pages: 'read' });
  });
});
