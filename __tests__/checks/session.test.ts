/**
 * The session check: duration, session name, session policies, sts:TagSession when chaining, and whether the
 * credentials outlast the deploy. Rules from https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html.
 */
import { describe, expect, it } from 'vitest';
import { checkSession, type SessionCheckInput } from '../../src/checks/session.js';
import type { AssumeRoleSettings, RoleModel } from '../../src/model/aws.js';
import type { Finding } from '../../src/model/finding.js';
import type { TextPiece } from '../../src/model/text-shape.js';
import { assumeRoleSettings, roleModel } from '../fixtures/aws-settings.js';
import { NOW } from '../tokens/mint.js';

const ACCOUNT = '111122223333';
const trustFor = (actions: string[]) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/github-oidc` }, Action: actions }],
});
const role = (over: Partial<RoleModel> = {}): RoleModel =>
  roleModel(`arn:aws:iam::${ACCOUNT}:role/deploy`, {
    trustPolicy: { name: 'deploy/trust', document: trustFor(['sts:AssumeRole']) },
    ...over,
  });
const settings = (over: Partial<AssumeRoleSettings> = {}): AssumeRoleSettings =>
  assumeRoleSettings(`arn:aws:iam::${ACCOUNT}:role/deploy`, over);
const check = (
  s: Partial<AssumeRoleSettings> = {},
  r: Partial<RoleModel> = {},
  extra: Partial<SessionCheckInput> = {},
) => checkSession({ role: role(r), settings: settings(s), now: NOW, ...extra });
const summary = (findings: Finding[]) => findings.map((f) => [f.class, f.status, f.decisionPoint, f.wouldReturn]);
const policy = (statements: unknown[]) => ({
  name: 'inline-session-policy',
  document: { Version: '2012-10-17', Statement: statements },
});

describe('checkSession: duration', () => {
  it('passes settings STS accepts, in one finding', () => {
    const findings = check();
    expect(summary(findings)).toEqual([['ok', 'pass', 'session', undefined]]);
    expect(findings[0]?.message).toContain('1 hour (the role allows 1 hour)');
  });

  it('refuses a duration above the role’s MaxSessionDuration, with STS’s words', () => {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_update-role-settings.html#id_roles_update-session-duration
    const [f] = check({ durationSeconds: 7200 });
    expect(summary([f as Finding])).toEqual([['duration-too-long', 'fail', 'session', undefined]]);
    expect(f?.message).toContain('The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
    expect(f?.fix).toContain('aws iam update-role --role-name deploy --max-session-duration 7200');
    expect(check({ durationSeconds: 7200 }, { maxSessionDuration: 7200 })[0]?.class).toBe('ok');
  });

  it('refuses more than one hour with role chaining, even when the role allows more', () => {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#iam-term-role-chaining
    const findings = check({ durationSeconds: 7200, roleChaining: true }, { maxSessionDuration: 43200 });
    expect(summary(findings)).toEqual([['chained-duration-too-long', 'fail', 'session', undefined]]);
    expect(findings[0]?.message).toContain('exceeds the 1 hour session limit for roles assumed by role chaining');
    expect(findings[0]?.docUrl).toContain('iam-term-role-chaining');
  });

  it('refuses less than 900 seconds', () => {
    expect(check({ durationSeconds: 600 })[0]?.class).toBe('duration-too-short');
  });
});

describe('checkSession: session name', () => {
  it('refuses dependabot[bot], naming the offending characters', () => {
    const [f] = check({ sessionName: 'dependabot[bot]' });
    expect(summary([f as Finding])).toEqual([['invalid-session-name', 'fail', 'session', undefined]]);
    expect(f?.message).toContain('`dependabot[bot]`');
    expect(f?.evidence.offending).toEqual(['[', ']']);
    expect(f?.fix).toContain('`dependabot-bot`');
  });

  it('refuses a name of one character or over 64', () => {
    expect(check({ sessionName: 'a' })[0]?.message).toContain('1 character long');
    // API_AssumeRoleWithWebIdentity, RoleSessionName: a name too short or too long breaks the length constraint.
    expect(check({ sessionName: 'a' })[0]?.message).toContain('Member must have length greater than or equal to 2');
    expect(check({ sessionName: 'a'.repeat(65) })[0]?.message).toContain('less than or equal to 64');
    expect(check({ sessionName: 'dependabot[bot]' })[0]?.message).toContain('regular expression pattern');
    expect(check({ sessionName: 'a'.repeat(65) })[0]?.message).toContain('65 characters long');
    expect(check({ sessionName: 'ci+run=1,x.y@z-w_v' })[0]?.class).toBe('ok');
  });
});

describe('checkSession: a session name not known before the run, of known pieces', () => {
  const runId = { chars: 'digits', min: 1, max: 20, from: 'github.run_id' } as const;
  const sha = { chars: 'hex', min: 40, max: 64, from: 'github.sha' } as const;
  /** The session's settings without a name, and with what is known of it. */
  const unnamed = (over: Partial<AssumeRoleSettings>): AssumeRoleSettings => {
    const { sessionName: _name, ...rest } = settings(over);
    return rest;
  };
  const checkUnnamed = (over: Partial<AssumeRoleSettings>) =>
    checkSession({ role: role(), settings: unnamed(over), now: NOW });
  const unknown = (...pieces: readonly TextPiece[]) =>
    checkUnnamed({ sessionNameUnknown: 'not known before the run: github.run_id', sessionNamePieces: pieces });

  it('passes `GitHubActions-<run id>`: every value is 15 to 34 letters, digits and `-`', () => {
    const findings = unknown({ text: 'GitHubActions-' }, runId);
    expect(summary(findings)).toEqual([['ok', 'pass', 'session', undefined]]);
    expect(findings[0]?.message).toContain('`GitHubActions-<github.run_id>`, valid whatever the run gives it');
  });

  it('refuses a written character STS refuses, whatever the run gives the rest', () => {
    const [f] = unknown({ text: 'deploy ' }, runId);
    expect(summary([f as Finding])).toEqual([['invalid-session-name', 'fail', 'session', undefined]]);
    expect(f?.message).toContain('it contains `space`');
  });

  it('refuses a name over 64 characters however short the run’s values are', () => {
    const [f] = unknown({ text: 'x'.repeat(30) }, sha);
    expect(f?.status).toBe('fail');
    expect(f?.message).toContain('70 to 94 characters long');
  });

  it('leaves unverified a name that some runs would make too long, saying how long it may be', () => {
    const [f] = unknown({ text: 'x'.repeat(10) }, runId, { text: '-' }, sha);
    expect(f?.status).toBe('unverified');
    expect(f?.message).toContain(
      'its length is known only then (52 to 95 characters, by what its parts may hold), and STS accepts 2 to 64',
    );
  });

  // aws/s2n-tls .github/workflows/codebuild.yml writes `role-session-name: ${{ github.run_id }}`: a length the run
  // decides is not known before it, neither a defect of the workflow nor a changed entitlement.
  it('leaves `<github.run_id>` alone unverified as not known before the run, with no cause, and says how to have it verified', () => {
    const [f] = unknown(runId);
    expect(summary([f as Finding])).toEqual([['session-name-unknown', 'unverified', 'session', undefined]]);
    expect(f?.cause).toBeUndefined();
    expect(f?.message).toMatch(/^Whether STS accepts the session name is known only during the run/);
    expect(f?.message).not.toContain('it is 1 to 20 characters long');
    expect(f?.fix).toContain('Nothing needs to change');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression, not JS.
    expect(f?.fix).toContain('gha-${{ github.run_id }}');
  });

  it('leaves unverified a name with no pieces known, as before', () => {
    const [f] = checkUnnamed({ sessionNameUnknown: 'not known before the run: secrets.X' });
    expect(f?.status).toBe('unverified');
    expect(f?.message).toContain('secrets.X. STS accepts');
  });
});

describe('checkSession: session policies', () => {
  it('accepts an inline session policy that parses and fits', () => {
    const inline = policy([{ Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::site/*' }]);
    const [f] = check({ inlineSessionPolicy: inline });
    expect(f?.class).toBe('ok');
    expect(f?.message).toContain('PackedPolicySize');
  });

  it('refuses an inline session policy over 2,048 characters of plaintext', () => {
    const statements = Array.from({ length: 40 }, (_, i) => ({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: `arn:aws:s3:::bucket-number-${i}/*`,
    }));
    const [f] = check({ inlineSessionPolicy: policy(statements) });
    expect(summary([f as Finding])).toEqual([['session-policy-too-large', 'fail', 'session-policy', undefined]]);
    expect(f?.evidence.limit).toBe(2048);
    expect(Number(f?.evidence.inlineChars)).toBeGreaterThan(2048);
  });

  it('counts the managed policy ARNs in the same plaintext limit, and allows at most 10 of them', () => {
    const arns = Array.from({ length: 11 }, (_, i) => `arn:aws:iam::${ACCOUNT}:policy/session-${i}`);
    const findings = check({ managedSessionPolicyArns: arns });
    expect(summary(findings)).toEqual([['session-policy-too-large', 'fail', 'session-policy', undefined]]);
    expect(findings[0]?.message).toContain('at most 10');
  });

  it('refuses an inline session policy the engine cannot parse', () => {
    const inline = policy([{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' }]);
    const [f] = check({ inlineSessionPolicy: inline });
    expect(f?.class).toBe('invalid-session-policy');
    expect(f?.message).toContain('Statement[0].Principal');
  });

  it('refuses characters outside the Policy parameter’s range, and managed policies of another account', () => {
    const inline = policy([{ Sid: 'Déploiement✓', Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }]);
    const findings = check({
      inlineSessionPolicy: inline,
      managedSessionPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess', 'arn:aws:iam::999999999999:policy/x'],
    });
    expect(findings.map((f) => f.id)).toEqual([
      'session:deploy:invalid-session-policy',
      'session:deploy:invalid-session-policy:2',
    ]);
    expect(findings[0]?.evidence.characters).toEqual(['✓']);
    expect(findings[1]?.message).toContain('arn:aws:iam::999999999999:policy/x');
  });
});

describe('checkSession: session tags are the chained-trust check’s', () => {
  // The chained-trust check evaluates sts:TagSession with the session that chains (__tests__/checks/chained-trust.test.ts);
  // without it this check could only guess, and a chained role would be reported twice.
  it('reports nothing about sts:TagSession, chained or not', () => {
    const chained = { roleChaining: true, sessionTags: { Repository: 'acme/api', Actor: 'octocat' } };
    expect(summary(check(chained))).toEqual([['ok', 'pass', 'session', undefined]]);
    expect(check({ sessionTags: { Repository: 'acme/api' } })[0]?.class).toBe('ok');
  });
});

describe('checkSession: lifetime', () => {
  it('fails with 401 when credentials would expire mid-deploy', () => {
    const [f] = check({ durationSeconds: 3600, expectedDurationSeconds: 5400 }, { maxSessionDuration: 3600 });
    expect(summary([f as Finding])).toEqual([['session-too-short', 'fail', 'session', 401]]);
    expect(f?.cause).toBe('expired-or-rotated-credential');
    expect(f?.message).toContain('expire at 2026-11-23T11:00:00Z, 30 minutes before it ends');
    expect(f?.fix).toContain('--max-session-duration 5400');
  });

  it('says when no session can last that long with role chaining', () => {
    const [f] = check({ durationSeconds: 3600, roleChaining: true, expectedDurationSeconds: 7200 });
    expect(f?.class).toBe('session-too-short');
    expect(f?.fix).toContain('with role chaining (one hour at most)');
  });

  it('passes when the session outlasts the deploy', () => {
    expect(check({ expectedDurationSeconds: 1800 })[0]?.class).toBe('ok');
  });
});
