/**
 * A session name the workflow leaves unknown before the run is unknown, never configure-aws-credentials' default
 * (docs/workflows.md; src/pipeline/exchange.ts). Through the prediction (src/pipeline/workflows.ts) over
 * burningmantech/ranger-ims-go's real deploy workflow (__tests__/fixtures/workflows/burningmantech__ranger-ims-go, its
 * source in the file: `role-session-name: ranger-gha-${{ github.repository_id }}-${{ github.job }}-${{ github.run_id }}`).
 */
import { cpSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import { predictWorkflows } from '../../src/pipeline/workflows.js';
import { loadCatalog } from '../../src/sources/catalog.js';
import { githubProviderFile } from '../fixtures/oidc-provider.js';
import { removeTempDirs, tempDir, writeFile } from '../fixtures/temp-files.js';
import { NOW } from '../tokens/mint.js';

afterAll(removeTempDirs);

const RANGER = fileURLToPath(new URL('../fixtures/workflows/burningmantech__ranger-ims-go', import.meta.url));
const ACCOUNT = '111122223333';
const ROLE = 'ranger-gha-deploy';

/** The role the workflow assumes, its trust admitting the repository, with `sessionName` under StringLike when given. */
function role(sessionName?: string) {
  const like: Record<string, string> = {
    'token.actions.githubusercontent.com:sub': 'repo:burningmantech/ranger-ims-go:*',
  };
  if (sessionName) like['sts:RoleSessionName'] = sessionName;
  return {
    Role: {
      Path: '/',
      RoleName: ROLE,
      RoleId: 'AROA111122223333RANGE',
      Arn: `arn:aws:iam::${ACCOUNT}:role/${ROLE}`,
      CreateDate: '2024-01-01T00:00:00Z',
      MaxSessionDuration: 3600,
      AssumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Federated: `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com` },
            Action: 'sts:AssumeRoleWithWebIdentity',
            Condition: {
              StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
              StringLike: like,
            },
          },
        ],
      },
    },
  };
}

const inline = (...Statement: unknown[]) => JSON.stringify({ Version: '2012-10-17', Statement });

async function predict(
  sessionName: string | undefined,
  policy = inline({ Effect: 'Allow', Action: '*', Resource: '*' }),
  repoId?: string,
) {
  const root = tempDir();
  cpSync(path.join(RANGER, '.github'), path.join(root, '.github'), { recursive: true });
  writeFile(root, `policies/roles/${ROLE}/role.json`, JSON.stringify(role(sessionName)));
  writeFile(root, `policies/roles/${ROLE}/inline/deploy.json`, policy);
  writeFile(root, 'policies/oidc-providers/github.json', githubProviderFile());
  const result = await predictWorkflows({
    root,
    repository: {
      owner: 'burningmantech',
      name: 'ranger-ims-go',
      defaultBranch: 'master',
      immutableSubject: false,
      subjectTemplate: { keys: 'default', source: 'config' },
      ...(repoId ? { repoId } : {}),
    },
    policyFiles: ['policies'],
    loadCatalog,
    secrets: { repository: { values: { AWS_ACCOUNT_ID: ACCOUNT }, complete: false, source: 'test' } },
    deploy: {
      declaredAbsent: { organizations: 'none', noResourcePolicy: ['*'] },
      deps: { env: {}, mask: () => {}, now: () => NOW, loadCatalog, cwd: root },
    },
  });
  return result.findings;
}

const trust = (findings: readonly Finding[]) => findings.filter((f) => f.decisionPoint === 'sts-trust');

describe('role-session-name written from the run’s IDs (ranger-ims-go deploy.yml)', () => {
  it('a trust that allows only names of the workflow’s shape is unverified, not a 403 for `GitHubActions`', async () => {
    const t = trust(await predict('ranger-gha-*'));
    expect(t.length).toBeGreaterThan(0);
    expect(t.filter((f) => f.status === 'fail')).toEqual([]);
    expect(t.some((f) => f.status === 'unverified' && f.message.includes('sts:RoleSessionName'))).toBe(true);
  });

  it('a trust that allows only the default name is unverified, not a pass on the default', async () => {
    const t = trust(await predict('GitHubActions'));
    expect(t.length).toBeGreaterThan(0);
    expect(t.filter((f) => f.status === 'pass')).toEqual([]);
    expect(t.some((f) => f.status === 'unverified' && f.message.includes('role-session-name'))).toBe(true);
  });

  it('a trust that does not read the session name is still decided', async () => {
    const t = trust(await predict(undefined));
    expect(t.length).toBeGreaterThan(0);
    expect(t.every((f) => f.status === 'pass')).toBe(true);
  });

  it('the session name check is unverified, and no call is decided on an aws:userid built from a guessed name', async () => {
    const onUserid = inline(
      { Effect: 'Allow', Action: '*', Resource: '*' },
      {
        Effect: 'Deny',
        Action: 'ecr:*',
        Resource: '*',
        Condition: { StringNotLike: { 'aws:userid': 'AROA111122223333RANGE:GitHubActions' } },
      },
    );
    const findings = await predict(undefined, onUserid);
    const session = findings.filter((f) => f.decisionPoint === 'session');
    expect(session.some((f) => f.class === 'session-name-unknown' && f.status === 'unverified')).toBe(true);
    expect(session.filter((f) => f.status === 'pass')).toEqual([]);
    const ecr = findings.filter((f) => String(f.evidence.action ?? '').startsWith('ecr:'));
    expect(ecr.length).toBeGreaterThan(0);
    for (const f of ecr) {
      expect(f.status).toBe('unverified');
      expect(f.class).toBe('context-key-unknown');
      expect(JSON.stringify(f.evidence)).not.toContain('GitHubActions');
    }
  });

  // The run ID is a number (https://docs.github.com/en/actions/reference/workflows-and-actions/contexts#github-context),
  // at most 20 digits; `github.job` is the job's id at the top of a run: with the repository's ID known, every name
  // the step can give is 40 to 59 characters of letters, digits and `-`, which STS accepts.
  it('with the repository ID known, the name is valid whatever run ID the run gets, and says so', async () => {
    const findings = await predict(undefined, undefined, '658434210');
    const session = findings.filter((f) => f.class === 'invalid-session-name' || f.decisionPoint === 'session');
    expect(session.length).toBeGreaterThan(0);
    expect(session.filter((f) => f.status !== 'pass')).toEqual([]);
    expect(session[0]?.message).toContain('ranger-gha-658434210-push-to-production-<github.run_id>');
    expect(session[0]?.message).toContain('valid whatever the run gives it');
  });

  it('without it, the name may be over 64 characters (a 20-digit ID twice), and the check says how long it may be', async () => {
    const session = (await predict(undefined)).filter((f) => f.decisionPoint === 'session');
    const unverified = session.find((f) => f.class === 'session-name-unknown');
    expect(unverified?.status).toBe('unverified');
    expect(unverified?.message).toContain(
      'its length is known only then (33 to 71 characters, by what its parts may hold), and STS accepts 2 to 64',
    );
  });
});
