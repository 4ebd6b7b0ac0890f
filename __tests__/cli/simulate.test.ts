import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../fixtures/cli.js';
import { RCP_ENFORCE_IDENTITY_PERIMETER } from '../fixtures/org-policies.js';
import { ROOT } from '../fixtures/processes.js';
import { removeTempDirs, tempDir, writeFile } from '../fixtures/temp-files.js';

const EXAMPLE = join(ROOT, 'examples/simulate/deploy.json');

/** Runs `permission-preflight ...args` in process (../fixtures/cli.ts), `input` on standard input. */
const cli = (args: string[], input?: string) => runCli(args, { input });
const tempFile = (content: string): string => writeFile(tempDir(), 'case.json', content);
afterAll(removeTempDirs);

const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at /);

describe('permission-preflight simulate', () => {
  it('decides the embedded example and explains each case', async () => {
    const r = await cli(['simulate', '--input', EXAMPLE]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as {
      decision: string;
      explanation: { decidingLayer?: string; decidingLevel?: number };
    }[];
    expect(out.map((o) => o.decision)).toEqual([
      'allowed',
      'implicit-deny',
      'allowed',
      'explicit-deny',
      'implicit-deny',
    ]);
    expect(out[1]?.explanation.decidingLayer).toBe('resource');
    expect(out[3]?.explanation).toMatchObject({ decidingLayer: 'scp', decidingLevel: 1 });
    expect(out[4]?.explanation.decidingLayer).toBe('permissions-boundary');
  });

  it('applies RCPs only to the actions they restrict: kms:RetireGrant is not effective in an RCP', async () => {
    const perimeter = RCP_ENFORCE_IDENTITY_PERIMETER.content;
    const allowAll = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };
    const kms = (action: string) => ({
      request: {
        principal: 'arn:aws:sts::111111111111:assumed-role/partner/s',
        action,
        resource: 'arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab',
        context: { 'aws:PrincipalOrgID': 'o-partner', 'aws:PrincipalIsAWSService': 'false' },
      },
      identityPolicies: [allowAll],
      rcps: [[perimeter]],
      // The key policy must grant explicitly (https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html).
      resourcePolicy: {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { AWS: 'arn:aws:sts::111111111111:assumed-role/partner/s' },
            Action: 'kms:*',
            Resource: '*',
          },
        ],
      },
    });
    const r = await cli([
      'simulate',
      '--input',
      tempFile(JSON.stringify({ cases: [kms('kms:RetireGrant'), kms('kms:Decrypt')] })),
    ]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { decision: string }[];
    expect(out.map((o) => o.decision)).toEqual(['allowed', 'explicit-deny']);
  });

  it('refuses a key given twice in one statement, which JSON would collapse to the last', async () => {
    const text =
      '{"request":{"principal":"arn:aws:sts::111111111111:assumed-role/deploy/s1","action":"s3:GetObject","resource":"arn:aws:s3:::b/k"},\n' +
      ' "identityPolicies":[{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},\n' +
      '  {"Effect":"Deny","Action":"*","Resource":"*","Effect":"Allow"}]}]}';
    const r = await cli(['simulate', '--input', tempFile(text)]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('gives a key twice in one object ("Effect" at lines 3 and 3)');
  });

  it('prints a readable report with --format text', async () => {
    const r = await cli(['simulate', '--input', EXAMPLE, '--format', 'text']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('EXPLICIT-DENY (scp level 1)');
    expect(r.stdout).toContain('DenyOutsideEU');
  });

  it('states which reading it took where the documentation and observed behaviour differ (NotResource, variable without value)', async () => {
    const input = JSON.stringify({
      request: {
        principal: 'arn:aws:iam::111122223333:user/alice',
        action: 's3:PutObject',
        resource: 'arn:aws:s3:::b/reports/q1.csv',
        resourceAccount: '111122223333',
      },
      identityPolicies: [
        {
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Action: 's3:PutObject', Resource: '*' },
            // biome-ignore lint/suspicious/noTemplateCurlyInString: an IAM policy variable, not a template
            { Effect: 'Deny', Action: 's3:PutObject', NotResource: 'arn:aws:s3:::b/home/${aws:username}/*' },
          ],
        },
      ],
    });
    const json = await cli(['simulate', '--input', '-'], input);
    const [out] = JSON.parse(json.stdout) as { decision: string; otherReading?: string; unsettled?: string[] }[];
    expect(out).toMatchObject({ decision: 'explicit-deny', otherReading: 'allowed' });
    expect(out?.unsettled).toEqual([
      'identityPolicies[0] Statement[1].NotResource: a policy variable in NotResource has no value: the documentation says the statement does not take effect, IAM is reported to apply the Deny',
    ]);
    const text = await cli(['simulate', '--input', '-', '--format', 'text'], input);
    expect(text.stdout).toContain(
      "Reading: AWS's documentation and its observed behaviour read this policy two ways; this decision takes the reading that denies (the other reading gives ALLOWED):",
    );
  });

  it('reads standard input for "-", and a single case without "cases"', async () => {
    const one = { request: { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' }, identityPolicies: [] };
    const r = await cli(['simulate', '--input', '-'], JSON.stringify(one));
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)[0].decision).toBe('implicit-deny');
  });

  it('adds every statement with --explain full', async () => {
    const r = await cli(['simulate', '--input', EXAMPLE, '--explain', 'full']);
    const out = JSON.parse(r.stdout);
    expect(out[1].explanation.layers[0].statements[0]).toMatchObject({ matched: false, mismatch: 'condition' });
  });

  it('exits 2 on an invalid policy, naming the case and the field', async () => {
    const bad = {
      cases: [
        { request: { action: 's3:GetObject', resource: '*' }, identityPolicies: [] },
        {
          request: { action: 's3:GetObject', resource: '*' },
          identityPolicies: [{ Version: '2012-10-17', Statement: [{ Effect: 'allow', Action: '*', Resource: '*' }] }],
        },
      ],
    };
    const r = await cli(['simulate', '--input', tempFile(JSON.stringify(bad))]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(
      'cases[1].identityPolicies[0].Statement[0].Effect must be "Allow" or "Deny", got "allow"',
    );
    expect(r.stdout).toBe('');
    noStack(r.stderr);
  });

  it('exits 2 on a bad request field', async () => {
    const r = await cli(
      ['simulate', '--input', '-'],
      JSON.stringify({ request: { action: 's3:Get*', resource: '*' }, identityPolicies: [] }),
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(
      'request.action must be one action as "service:Action", without wildcards, got "s3:Get*"',
    );
  });

  // "Context key names are not case-sensitive" (reference_policies_elements_condition.html): two spellings of
  // one key would leave the case ambiguous, so simulate refuses them instead of picking one.
  it('exits 2 on a context that names one key twice in two cases', async () => {
    const request = {
      action: 's3:GetObject',
      resource: '*',
      context: { 'aws:SourceIp': '10.0.0.1', 'AWS:SOURCEIP': '10.0.0.2' },
    };
    const r = await cli(['simulate', '--input', '-'], JSON.stringify({ request, identityPolicies: [] }));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(
      'request.context.AWS:SOURCEIP is the key "aws:SourceIp" again (key names are case-insensitive); give it once',
    );
    noStack(r.stderr);
  });

  it('exits 2 on malformed JSON, with the line and column', async () => {
    const r = await cli(['simulate', '--input', tempFile('{\n  "cases": [\n    {,}\n  ]\n}')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/is not valid JSON at line 3, column \d+/);
    noStack(r.stderr);
  });

  it('exits 2 on a missing file or a missing --input', async () => {
    expect((await cli(['simulate', '--input', '/nonexistent/x.json'])).stderr).toContain(
      'cannot read /nonexistent/x.json: it does not exist',
    );
    // A device is refused by its type, never read (it would never end).
    const device = await cli(['simulate', '--input', '/dev/zero']);
    expect(device.status).toBe(2);
    expect(device.stderr).toContain('cannot read /dev/zero: it is a device, not a regular file');
    expect((await cli(['simulate'])).status).toBe(2);
    expect((await cli(['simulate', '--bogus'])).status).toBe(2);
  });

  it('documents every command with --help', async () => {
    const top = await cli(['--help']);
    expect(top.status).toBe(0);
    expect(top.stdout).toContain('simulate');
    const sim = await cli(['simulate', '--help']);
    expect(sim.status).toBe(0);
    expect(sim.stdout).toContain('--explain');
  });
});
