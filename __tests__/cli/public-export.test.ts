/**
 * The CLI's check over a real public export: salesforce/cloudsplaining's examples/files/example.json (see
 * ../fixtures/aws-cli/public/SOURCES.md), 78 roles, three of which (MyRole, MyOtherRole, OverprivilegedEC2) carry
 * hand-made RoleIds. A problem in a file is reported once, at its line, and only when it concerns a role the run
 * checks; it makes unverified only what depends on the entry it concerns.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../fixtures/cli.js';

const EXPORT = new URL('../fixtures/aws-cli/public/cloudsplaining-example.json', import.meta.url);
const dir = mkdtempSync(path.join(tmpdir(), 'pp-public-export-'));
copyFileSync(EXPORT, path.join(dir, 'example.json'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ADMIN_EXEC = 'arn:aws:iam::200611803367:role/AWS-QuickSetup-StackSet-Local-ExecutionRole';

interface ReportFinding {
  readonly class: string;
  readonly status: string;
  readonly subject: string;
  readonly message: string;
}

async function check(roles: string): Promise<ReportFinding[]> {
  const config = [
    'github-oidc: { enabled: false }',
    'aws:',
    '  policy-files: [example.json]',
    '  organizations: none',
    '  roles:',
    roles,
  ].join('\n');
  writeFileSync(path.join(dir, 'preflight.yml'), config);
  const run = await runCli(['check', '--config', 'preflight.yml', '--format', 'json'], { cwd: dir });
  expect(run.stderr).toBe('');
  return (JSON.parse(run.stdout) as { findings: ReportFinding[] }).findings;
}

const role = (arn: string, ...lines: string[]) =>
  [
    `    - role-to-assume: ${arn}`,
    '      aws-region: us-east-1',
    '      permissions:',
    ...lines.map((line) => `        - ${line}`),
  ].join('\n');

describe('a real public export (cloudsplaining example.json)', () => {
  it('says nothing of the hand-made RoleIds of roles the run does not check', async () => {
    const findings = await check(
      role(ADMIN_EXEC, 'cloudformation:CreateStack arn:aws:cloudformation:us-east-1:200611803367:stack/x/*'),
    );
    expect(findings.filter((f) => f.class === 'invalid-policy-file')).toEqual([]);
    const permission = findings.find((f) => f.subject.startsWith('cloudformation:CreateStack'));
    expect(permission).toMatchObject({ class: 'ok', status: 'pass' });
    expect(permission?.message).toContain('AdministratorAccess');
  });

  it('reports a checked role’s hand-made RoleId once, and still decides the permissions that do not depend on it', async () => {
    const findings = await check(
      [
        role(
          'arn:aws:iam::012345678901:role/MyRole',
          'ec2:DescribeInstances *',
          'iam:PassRole arn:aws:iam::012345678901:role/x',
        ),
        role(ADMIN_EXEC, 'cloudformation:CreateStack arn:aws:cloudformation:us-east-1:200611803367:stack/x/*'),
      ].join('\n'),
    );
    const problems = findings.filter((f) => f.class === 'invalid-policy-file');
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/^example\.json:\d+: RoleId of MyRole is "MyRole"/);
    // MyRole's inline EC2-IAM-example allows iam:PassRole but no ec2:DescribeInstances: both are decided.
    expect(findings.find((f) => f.subject.startsWith('ec2:DescribeInstances'))).toMatchObject({
      class: 'implicit-deny',
      status: 'fail',
    });
    expect(findings.find((f) => f.subject.startsWith('iam:PassRole'))?.status).not.toBe('unverified');
    expect(findings.find((f) => f.subject.startsWith('cloudformation:CreateStack'))?.status).toBe('pass');
  });
});
