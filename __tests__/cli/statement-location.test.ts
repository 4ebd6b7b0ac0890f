/**
 * A finding about a statement points at the statement's own line, not at the first line of its file: a bare SCP
 * document in a policy folder (docs/policy-folder.md), written out over several lines.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../fixtures/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'pp-statement-line-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function put(file: string, value: unknown): void {
  const at = path.join(dir, file);
  mkdirSync(path.dirname(at), { recursive: true });
  writeFileSync(at, `${JSON.stringify(value, null, 2)}\n`);
}

describe('a deny in a bare SCP document', () => {
  it('is located at the deny statement (line 10), not at line 1', async () => {
    put('policies/roles/deploy/role.json', {
      Role: {
        RoleName: 'deploy',
        Arn: 'arn:aws:iam::123456789012:role/deploy',
        MaxSessionDuration: 3600,
        AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [] },
      },
    });
    put('policies/roles/deploy/inline/s3.json', {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }],
    });
    // AWS's FullAWSAccess beside a deny, as an SCP level holds them.
    put('policies/scps/0-root/scp.json', {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'FullAWSAccess', Effect: 'Allow', Action: '*', Resource: '*' },
        { Sid: 'DenyDelete', Effect: 'Deny', Action: 's3:DeleteObject', Resource: '*' },
      ],
    });
    writeFileSync(
      path.join(dir, 'preflight.yml'),
      [
        'github-oidc: { enabled: false }',
        'aws:',
        '  policy-files: [policies/]',
        '  roles:',
        '    - role-to-assume: arn:aws:iam::123456789012:role/deploy',
        '      aws-region: us-east-1',
        "      no-resource-policy: ['*']",
        '      permissions:',
        '        - s3:DeleteObject arn:aws:s3:::b/k',
      ].join('\n'),
    );
    const run = await runCli(['check', '--config', 'preflight.yml', '--format', 'json'], { cwd: dir });
    const findings = (JSON.parse(run.stdout) as { findings: { class: string; location?: unknown }[] }).findings;
    const deny = findings.find((f) => f.class === 'explicit-deny');
    // Line 10 of the file JSON.stringify wrote: `    {` of the second statement.
    expect(deny?.location).toEqual({ file: 'policies/scps/0-root/scp.json', line: 10 });
  });
});
