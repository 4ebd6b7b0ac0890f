/**
 * configure-aws-credentials' `web-identity-token-file`: the deploy gives STS the token in that file instead of
 * requesting GitHub's (its action.yml), so the role's trust is checked against that token. Here GitHub's own token is
 * a pull request's, which the trust (locked to main) refuses; the file holds a token for a push to main.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { githubClaims, pullRequest, pushToMain } from '../fixtures/actions-token-server.js';
import { type OidcIssuer, startOidcIssuer } from '../fixtures/oidc-issuer.js';
import { removeTempDirs } from '../fixtures/temp-files.js';
import { createAwsWorld } from './aws-world.js';
import { actionDefaults, runAction } from './harness.js';

let issuer: OidcIssuer;
beforeAll(async () => {
  issuer = await startOidcIssuer();
});
afterAll(async () => {
  await issuer.close();
  removeTempDirs();
});

async function deployWithFile(contents: string | undefined) {
  const world = createAwsWorld(issuer);
  try {
    const prepared = await world.deploy({ run: pullRequest(17, 'feature/x') });
    const workspace = prepared.env.GITHUB_WORKSPACE as string;
    if (contents !== undefined) writeFileSync(path.join(workspace, 'web-identity-token'), contents);
    const inputs = { ...actionDefaults(), ...prepared.inputs, 'web-identity-token-file': 'web-identity-token' };
    const run = await runAction(inputs, prepared.env);
    await world.close();
    return run;
  } catch (error) {
    await world.close();
    throw error;
  }
}

const trustOf = (run: Awaited<ReturnType<typeof deployWithFile>>) =>
  run.report?.findings.filter((f) => f.decisionPoint === 'sts-trust').map((f) => [f.class, f.status]);

describe('web-identity-token-file', () => {
  it("checks the role's trust against the file's token, not GitHub's", async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await issuer.mint(
      githubClaims(pushToMain(), { issuer: issuer.issuer, audience: 'sts.amazonaws.com', now }),
    );
    const run = await deployWithFile(token);
    expect(trustOf(run)).toEqual([['ok', 'pass']]);
    const fileToken = run.report?.findings.find((f) => f.subject.includes('web-identity-token-file:github-deploy'));
    expect(fileToken?.status).toBe('pass');
    // The file's token is masked, and printed nowhere.
    expect(run.stdout).toContain(`::add-mask::${token}`);
    expect(run.summary).not.toContain(token.split('.')[1]);
    expect(run.reportText).not.toContain(token.split('.')[1]);
  });

  it('leaves the trust unverified, naming the file, when the file is not there', async () => {
    const run = await deployWithFile(undefined);
    expect(trustOf(run)).toEqual([['could-not-verify', 'unverified']]);
    const trust = run.report?.findings.find((f) => f.decisionPoint === 'sts-trust');
    expect(trust?.message).toContain('no verified token from web-identity-token (web-identity-token-file)');
    const missing = run.report?.findings.find((f) => f.class === 'missing-token');
    expect(missing?.fix).toContain('as the deploy job does before configure-aws-credentials reads it');
    // The file is the WebIdentityToken of the exchange, not a secret: AWS's page, and no credential cause.
    expect(missing?.docUrl).toBe(
      'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html',
    );
    expect(missing?.cause).toBeUndefined();
  });
});
