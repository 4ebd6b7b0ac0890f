/**
 * Per-environment permissions: which environment is in play (GitHub's token's `environment` claim, else the
 * `environment` input), what each role is checked with, and the finding that says so, or that it is not known.
 */
import { describe, expect, it } from 'vitest';
import type { RoleConfig } from '../../src/config/model.js';
import type { RequiredPermission } from '../../src/model/aws.js';
import { resolveEnvironment } from '../../src/pipeline/environment.js';
import { assumeRoleSettings } from '../fixtures/aws-settings.js';

const permission = (action: string): RequiredPermission => ({ action, resource: '*', context: {}, origin: 'test' });

const SPLIT: RoleConfig = {
  settings: assumeRoleSettings('arn:aws:iam::111122223333:role/site-deploy'),
  permissions: [permission('s3:PutObject')],
  environments: { Production: [permission('cloudfront:CreateInvalidation')], staging: [] },
  sources: { policyFiles: [], liveReads: false, probe: false, crossCheck: false },
};
const PLAIN: RoleConfig = { ...SPLIT, environments: {} };

const actionsOf = (r: ReturnType<typeof resolveEnvironment>) =>
  r.roles.map((role) => role.permissions.map((p) => p.action));

describe('the environment from the token', () => {
  it("adds the environment's permissions to the common ones (names ignore case) and says which in a pass", () => {
    const r = resolveEnvironment([SPLIT], undefined, { environment: 'production' }, true);
    expect(r).toMatchObject({ environment: 'production', source: 'oidc-token' });
    expect(actionsOf(r)).toEqual([['s3:PutObject', 'cloudfront:CreateInvalidation']]);
    expect(r.findings).toEqual([
      expect.objectContaining({
        id: 'config:environment',
        decisionPoint: 'config',
        status: 'pass',
        evidence: { environment: 'production', source: 'oidc-token', environments: ['Production', 'staging'] },
      }),
    ]);
    expect(r.findings[0]?.message).toContain('common permissions and those of "production"');
    // The role handed to the AWS checks carries no environments any more: they are resolved.
    expect(r.roles[0]).not.toHaveProperty('environments');
  });

  it('checks the common permissions only in an environment no role lists, or with no environment claim', () => {
    const unlisted = resolveEnvironment([SPLIT], undefined, { environment: 'dev' }, true);
    expect(actionsOf(unlisted)).toEqual([['s3:PutObject']]);
    expect(unlisted.findings[0]?.message).toContain('no role lists "dev" under environments');
    const none = resolveEnvironment([SPLIT], undefined, { sub: 'repo:acme/site:ref:refs/heads/main' }, true);
    expect(none).toMatchObject({ source: 'none', findings: [{ status: 'pass' }] });
    expect(none.environment).toBeUndefined();
    expect(actionsOf(none)).toEqual([['s3:PutObject']]);
  });

  it('wins over an input that disagrees, which is a failed finding', () => {
    const r = resolveEnvironment([SPLIT], 'staging', { environment: 'production' }, true);
    expect(r.environment).toBe('production');
    expect(actionsOf(r)).toEqual([['s3:PutObject', 'cloudfront:CreateInvalidation']]);
    expect(r.findings).toEqual([
      expect.objectContaining({ id: 'config:environment:mismatch', status: 'fail', class: 'environment-mismatch' }),
    ]);
    const noClaim = resolveEnvironment([PLAIN], 'production', {}, true);
    expect(noClaim.findings[0]?.message).toContain('has no environment claim');
  });
});

describe('the environment from the input', () => {
  it('is used when there is no token (github-oidc off, or the CLI)', () => {
    const r = resolveEnvironment([SPLIT], 'PRODUCTION', undefined, false);
    expect(r).toMatchObject({ environment: 'PRODUCTION', source: 'input', findings: [{ status: 'pass' }] });
    expect(actionsOf(r)).toEqual([['s3:PutObject', 'cloudfront:CreateInvalidation']]);
  });
});

describe('an unknown environment', () => {
  it('fails closed when a role splits its permissions by environment', () => {
    const unread = resolveEnvironment([SPLIT], undefined, undefined, true);
    expect(unread.findings).toEqual([
      expect.objectContaining({ id: 'config:environment:unknown', status: 'unverified', class: 'could-not-verify' }),
    ]);
    expect(unread.findings[0]?.message).toContain("GitHub's OIDC token could not be read");
    expect(resolveEnvironment([SPLIT], undefined, undefined, false).findings[0]?.message).toContain(
      'github-oidc is off',
    );
    expect(actionsOf(unread)).toEqual([['s3:PutObject']]);
  });

  it('takes a claim that is not text (GitHub issues a string) as unknown, whatever the input: fail closed', () => {
    for (const environment of [{ name: 'production' }, ['production'], 7]) {
      const r = resolveEnvironment([SPLIT], 'production', { environment } as never, true);
      expect(r.source).toBe('unknown');
      expect(r.findings).toEqual([expect.objectContaining({ id: 'config:environment:unknown', status: 'unverified' })]);
    }
  });

  it('does not matter when no role has environments: no finding', () => {
    expect(resolveEnvironment([PLAIN], undefined, undefined, false)).toMatchObject({ source: 'unknown', findings: [] });
    expect(resolveEnvironment([PLAIN], undefined, { environment: 'production' }, true).findings).toEqual([]);
  });
});
