import { it } from 'vitest';
import { inEnvironment, pullRequest, pushToMain, tagPush } from '../fixtures/actions-token-server.js';
import { startOidcIssuer } from '../fixtures/oidc-issuer.js';
import { actionDefaults, runAction } from './harness.js';
import { createAwsWorld, KEY_ARN, SITE_PERMISSIONS, BASE_FILES, BOUNDED_ROLE_ARN, type DeployOptions } from './aws-world.js';

const cases: Record<string, (w: ReturnType<typeof createAwsWorld>) => DeployOptions> = {
  pass: () => ({}),
  pr: () => ({ run: pullRequest(17, 'feature/x') }),
  tag: () => ({ run: tagPush('v1.4.0') }),
  env: () => ({ run: inEnvironment('production') }),
  aud: () => ({ inputs: { audience: 'api://acme-deploy' } }),
  noprov: () => ({ files: ['iam/account-authorization-details.json', 'iam/get-role-github-deploy.json', 'iam/list-open-id-connect-providers-github-only.json', 'org'] }),
  provaud: () => ({ files: ['iam/account-authorization-details.json', 'iam/get-role-github-deploy.json', 'iam/get-open-id-connect-provider-github-audience.json', 'org'] }),
  dur: () => ({ inputs: { 'role-duration-seconds': '14400' } }),
  chain: () => ({ inputs: { 'role-chaining': 'true', 'role-duration-seconds': '7200' } }),
  put: () => ({ inputs: { permissions: [...SITE_PERMISSIONS, 's3:PutObject arn:aws:s3:::acme-assets-prod/*'].join('\n') } }),
  scp: () => ({ files: ['iam/account-authorization-details.json', 'iam/get-role-github-deploy.json', 'iam/get-open-id-connect-provider.json', 'org-protect-prod'] }),
  boundary: () => ({ inputs: { 'role-to-assume': BOUNDED_ROLE_ARN } }),
  session: () => ({ inputs: { 'inline-session-policy': JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:PutObject', 's3:DeleteObject', 's3:ListBucket'], Resource: ['arn:aws:s3:::acme-site-prod', 'arn:aws:s3:::acme-site-prod/*'] }] }) } }),
  kms: () => ({ files: [...BASE_FILES, 'policies'], inputs: { permissions: [...SITE_PERMISSIONS, `kms:GenerateDataKey ${KEY_ARN}`].join('\n') } }),
  noid: () => ({ idToken: false }),
  expired: () => ({ tokenNow: () => Math.floor(Date.now() / 1000) - 3600 }),
  live: (w) => ({ files: [], inputs: { 'aws-live-reads': 'true' }, aws: () => ({ roles: [w.role('github-deploy')], oidcProviders: [w.provider(['sts.amazonaws.com'])], rules: [{ action: 'GetRole', behaviour: { kind: 'throttle' }, times: 2 }] }) }),
  livethrottle: (w) => ({ files: [], inputs: { 'aws-live-reads': 'true' }, aws: () => ({ roles: [w.role('github-deploy')], oidcProviders: [w.provider(['sts.amazonaws.com'])], rules: [{ action: 'GetRole', behaviour: { kind: 'throttle' } }] }) }),
  livedeny: (w) => ({ files: [], inputs: { 'aws-live-reads': 'true' }, aws: () => ({ roles: [w.role('github-deploy')], oidcProviders: [w.provider(['sts.amazonaws.com'])], rules: [{ action: 'GetRole', behaviour: { kind: 'deny' } }] }) }),
  livexml: (w) => ({ files: [], inputs: { 'aws-live-reads': 'true' }, aws: () => ({ roles: [w.role('github-deploy')], oidcProviders: [w.provider(['sts.amazonaws.com'])], rules: [{ action: 'GetRole', behaviour: { kind: 'malformed' } }] }) }),
  probe: () => ({ inputs: { 'aws-probe': 'true' } }),
  probedeny: () => ({ inputs: { 'aws-probe': 'true' }, aws: () => ({ decideAssume: () => ({ ok: false, code: 'AccessDenied', message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity' }) }) }),
};

it('explore', async () => {
  const issuer = await startOidcIssuer();
  const out: string[] = [];
  const only = process.env.ONLY?.split(',');
  await Promise.all(Object.entries(cases).filter(([n]) => !only || only.includes(n)).map(async ([name, make]) => {
    const w = createAwsWorld(issuer);
    const t0 = performance.now();
    const p = await w.deploy(make(w));
    const run = await runAction({ ...actionDefaults(), ...p.inputs }, p.env);
    const traffic = await w.close();
    out.push(`=== ${name} status=${run.status} ${Math.round(performance.now()-t0)}ms outputs=${JSON.stringify(run.outputs)} aws=${traffic.requests.map(r=>r.action).join(',')}\n${run.stderr}\n` +
      (run.report?.findings ?? []).map((f) => `  ${f.decisionPoint} ${f.class} ${f.status} :: ${f.message}\n     FIX: ${f.fix ?? ''}\n     EV: ${JSON.stringify(f.evidence).slice(0, 600)}`).join('\n'));
    if (process.env.SUMMARY) out.push(run.summary);
  }));
  await issuer.close();
  console.log(out.sort().join('\n'));
}, 120000);
