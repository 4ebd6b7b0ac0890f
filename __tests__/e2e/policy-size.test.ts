/**
 * An SCP larger than AWS Organizations stores (5,120 characters:
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html) in the policy files, through
 * the action as the runner runs it: it is reported as `policy-too-large`, never evaluated, and the run fails closed.
 * And a policy file nested 8,000 deep, which once exhausted the stack and ended the run with no report.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OidcIssuer, startOidcIssuer } from '../fixtures/oidc-issuer.js';
import { removeTempDirs } from '../fixtures/temp-files.js';
import { createAwsWorld } from './aws-world.js';
import { runAction } from './harness.js';

let issuer: OidcIssuer;
beforeAll(async () => {
  issuer = await startOidcIssuer();
});
afterAll(async () => {
  await issuer.close();
  removeTempDirs();
});

describe('a policy file larger than AWS stores', () => {
  it('reports the SCP as policy-too-large and fails closed, where the same SCP within the limit passes', async () => {
    const run = async (sidLength: number) => {
      const world = createAwsWorld(issuer);
      const { inputs, env } = await world.deploy();
      const file = path.join(env.GITHUB_WORKSPACE ?? '', 'org/0-root/FullAWSAccess.json');
      const exported = JSON.parse(readFileSync(file, 'utf8'));
      const content = JSON.parse(exported.Policy.Content);
      content.Statement[0].Sid = 'A'.repeat(sidLength);
      exported.Policy.Content = JSON.stringify(content, null, 2);
      writeFileSync(file, JSON.stringify(exported, null, 4));
      const result = await runAction(inputs, env);
      await world.close();
      return result;
    };
    const within = await run(4000);
    expect(within.status).toBe(0);
    const over = await run(5200);
    expect(over.status).toBe(1);
    const large = over.report?.findings.filter((f) => f.class === 'policy-too-large') ?? [];
    expect(large.map((f) => [f.decisionPoint, f.status])).toEqual([['scp', 'unverified']]);
    expect(large[0]?.message).toMatch(/over the 5120 AWS stores for an SCP or RCP/);
    expect(over.report?.findings.some((f) => f.status === 'pass' && f.decisionPoint === 'scp')).toBe(false);
  });

  it('reports a policy file nested 8,000 deep at its line, and the run ends with a report', async () => {
    const world = createAwsWorld(issuer);
    const { inputs, env } = await world.deploy();
    const file = path.join(env.GITHUB_WORKSPACE ?? '', 'org/0-root/Deep.json');
    writeFileSync(file, `{\n"Policy": ${'['.repeat(8000)}${']'.repeat(8000)}}`);
    const run = await runAction(inputs, env);
    await world.close();
    expect(run.status).toBe(1);
    const deep = run.report?.findings.filter((f) => f.class === 'invalid-policy-file') ?? [];
    expect(deep.map((f) => [f.location?.file, f.location?.line])).toEqual([['org/0-root/Deep.json', 2]]);
    expect(run.stdout).not.toMatch(/call stack/);
  });
});
