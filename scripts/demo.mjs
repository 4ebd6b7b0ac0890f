// `npm run demo`: the whole preflight, offline, against the embedded example (examples/site/). It mints a
// GitHub-shaped OIDC token with the committed demo key (examples/site/demo-issuer/: a key that protects nothing),
// serves the demo issuer's JWKS on a loopback port for the verifier, runs `node dist/cli.js check` from the example
// folder as a person would, and shows its report: one real denial, with its fix. Nothing leaves this machine.
//
// The example is built to fail one check, so the CLI exits 1. This script's own exit code says whether the demo
// ran as expected: 0 when the report holds exactly that one denial and every other check passed, 1 otherwise.
import { spawn } from 'node:child_process';
import { createPrivateKey, randomUUID, sign } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SITE = path.join(ROOT, 'examples/site');
const CLI = path.join(ROOT, 'dist/cli.js');
const ISSUER = path.join(SITE, 'demo-issuer');
/** The preflight's target, in all (bench/startup.bench.ts holds the same target for the demo). */
const TARGET_MS = 300;

/** What the example is built to show: the one check that fails, where, and what its report says. */
export const EXPECTED = {
  section: 'Service control policies',
  subject: 'cloudfront:CreateInvalidation',
  class: 'explicit-deny',
  statement: 'DenyOutsideEU',
  file: 'aws/org/1-ou-7k2d-q8mz3vbn/p-4x9r2m7kqa.json',
};

/**
 * GitHub's claims for a push to main of acme/site whose job runs in the production environment.
 * @param {number} now seconds since the epoch
 */
function githubClaims(now) {
  const sha = '3f786850e387550fdab836ed7e6dc881de23001b';
  const workflowRef = 'acme/site/.github/workflows/deploy.yml@refs/heads/main';
  return {
    jti: randomUUID(),
    sub: 'repo:acme/site:environment:production',
    aud: 'sts.amazonaws.com',
    ref: 'refs/heads/main',
    sha,
    repository: 'acme/site',
    repository_owner: 'acme',
    repository_owner_id: '65432100',
    repository_visibility: 'private',
    repository_id: '812345678',
    actor_id: '1234567',
    actor: 'octo-dev',
    run_id: '9876543210',
    run_number: '214',
    run_attempt: '1',
    runner_environment: 'github-hosted',
    workflow: 'Deploy site',
    head_ref: '',
    base_ref: '',
    event_name: 'push',
    ref_protected: 'true',
    ref_type: 'branch',
    workflow_ref: workflowRef,
    workflow_sha: sha,
    job_workflow_ref: workflowRef,
    job_workflow_sha: sha,
    environment: 'production',
    environment_node_id: 'EN_kwDOMDEMO0zgAAAAB',
    iss: 'https://token.actions.githubusercontent.com',
    nbf: now - 300,
    exp: now + 300,
    iat: now,
  };
}

/**
 * Signs `claims` as a compact JWS with RS256 (RSASSA-PKCS1-v1_5 with SHA-256, RFC 7518 §3.3), with node's own crypto:
 * the CLI verifies it with jose, so the two implementations check each other, and the demo does not pay for loading
 * jose before the preflight starts.
 */
/**
 * @param {object} claims
 * @param {import('node:crypto').JsonWebKey & { comment?: string }} privateJwk the demo key's file
 */
function mintToken(claims, privateJwk) {
  const { comment: _comment, ...jwk } = privateJwk;
  const key = createPrivateKey({ key: jwk, format: 'jwk' });
  /** @param {unknown} value */
  const part = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${part({ alg: 'RS256', typ: 'JWT', kid: jwk.kid })}.${part(claims)}`;
  return `${input}.${sign('sha256', Buffer.from(input), key).toString('base64url')}`;
}

/**
 * Serves the demo issuer's JWKS at http://127.0.0.1:PORT/jwks.json until closed.
 * @param {string} jwks the JWKS's text
 */
async function serveJwks(jwks) {
  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/jwks.json') {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(jwks);
    } else res.writeHead(404).end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return { server, url: `http://127.0.0.1:${port}/jwks.json` };
}

/**
 * What {@link runNode} collects.
 * @typedef {{ status: number | null, stdout: string, stderr: string, ms: number }} Run
 */

/**
 * Runs node with `args` and collects what it prints, with its wall time from spawn to exit.
 * @param {readonly string[]} args
 * @param {string} cwd
 * @returns {Promise<Run>}
 */
function runNode(args, cwd) {
  return new Promise((resolve, reject) => {
    const begun = performance.now();
    const env = { ...process.env };
    delete env.GITHUB_ACTIONS; // a demo is never a job: no Actions endpoint is asked
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr, ms: performance.now() - begun }));
  });
}

/**
 * The lines of the text report that carry a status word, e.g. `  FAIL  role ...  explicit-deny`.
 * @param {string} text
 */
function statusLines(text) {
  return text.split('\n').filter((line) => /^ {2}(PASS|FAIL|UNVERIFIED)\s/.test(line));
}

/**
 * What differs from the expected report; empty when the demo ran as expected.
 * @param {Run} run
 * @param {string} token
 */
function differences(run, token) {
  /** @type {string[]} */
  const problems = [];
  if (run.status !== 1) problems.push(`the CLI exited ${run.status}, expected 1 (one check fails)`);
  const lines = statusLines(run.stdout);
  const failing = lines.filter((line) => !/^ {2}PASS\s/.test(line));
  if (lines.length < 5) problems.push(`the report lists ${lines.length} checks, expected the whole preflight`);
  const [failed] = failing;
  if (failing.length !== 1 || failed === undefined)
    problems.push(`${failing.length} checks failed, expected exactly 1:\n${failing.join('\n')}`);
  else if (!failed.includes(EXPECTED.subject) || !failed.includes(EXPECTED.class)) {
    problems.push(`the failing check is not ${EXPECTED.subject} (${EXPECTED.class}): ${failed.trim()}`);
  }
  const section = run.stdout.split(`\n${EXPECTED.section}\n`)[1]?.split('\n\n')[0] ?? '';
  if (!/^ {2}FAIL\s/m.test(section)) problems.push(`the denial is not reported under "${EXPECTED.section}"`);
  if (!new RegExp(`^\\s+fix\\s+.*${EXPECTED.statement}`, 'm').test(section)) {
    problems.push(`the fix does not name the deciding statement ${EXPECTED.statement}`);
  }
  if (!section.includes(`at        ${EXPECTED.file}:`)) problems.push(`the denial does not point at ${EXPECTED.file}`);
  for (const part of [token, ...token.split('.')]) {
    if (part.length >= 8 && (run.stdout.includes(part) || run.stderr.includes(part))) {
      problems.push('the output holds the token or a part of it');
      break;
    }
  }
  return problems;
}

async function main() {
  const [privateJwk, jwks] = [
    JSON.parse(readFileSync(path.join(ISSUER, 'demo-signing-key.jwk.json'), 'utf8')),
    readFileSync(path.join(ISSUER, 'jwks.json'), 'utf8'),
  ];
  const token = mintToken(githubClaims(Math.floor(Date.now() / 1000)), privateJwk);
  const dir = mkdtempSync(path.join(tmpdir(), 'preflight-demo-'));
  const tokenFile = path.join(dir, 'github-oidc.jwt');
  writeFileSync(tokenFile, `${token}\n`, { mode: 0o600 });
  const { server, url } = await serveJwks(jwks);
  try {
    const args = ['check', '--config', '.github/preflight.yml', '--oidc-token-file', tokenFile, '--oidc-jwks-url', url];
    console.log(
      [
        'permission-preflight demo: the embedded example, offline',
        '',
        '  examples/site/.github/workflows/deploy.yml   deploys a static site to S3 behind CloudFront, with a role',
        '                                               assumed through GitHub OIDC, after a preflight job',
        '  examples/site/.github/preflight.yml          what the preflight checks',
        '  examples/site/aws/                           the account, as AWS CLI outputs (role, OIDC provider, SCPs,',
        '                                               bucket policy)',
        '',
        "  GitHub's token for a push to main in the production environment is minted here with the demo key",
        '  (examples/site/demo-issuer/, a key that protects nothing), and its JWKS is served on loopback for the',
        '  verifier. Nothing is sent anywhere else.',
        '',
        `$ cd examples/site && permission-preflight ${args.join(' ').replace(tokenFile, '$TMP/github-oidc.jwt').replace(url, 'http://127.0.0.1:$PORT/jwks.json')}`,
        '',
      ].join('\n'),
    );
    const run = await runNode([CLI, ...args], SITE);
    process.stdout.write(run.stdout);
    if (run.stderr) process.stderr.write(run.stderr);
    const problems = differences(run, token);
    // performance.now() counts from the process start: node, minting, the server and the CLI run.
    const total = performance.now();
    console.log(
      [
        `The CLI exited ${run.status}: the preflight found the example's one denial before anything was deployed.`,
        '',
        ...(problems.length === 0
          ? [
              'Demo result: as expected (this script exits 0). One check fails, every other one passed:',
              '  cloudfront:CreateInvalidation is denied by the SCP region guardrail (region-guardrail, Sid',
              '  "DenyOutsideEU"): CloudFront is a global service, called in us-east-1, and the guardrail does not exempt',
              "  it. The role's own policy and its boundary allow the call; only the organization policy denies it.",
              `  Fix: add "cloudfront:*" to that statement's NotAction, in ${EXPECTED.file}`,
              "  (examples/site/aws/README.md shows the diff), as AWS's own region guardrail example does.",
              '  Without the preflight, `aws s3 sync` would have uploaded the new site and the invalidation would then',
              '  have failed with AccessDenied, leaving stale pages in the CloudFront cache.',
            ]
          : ['Demo result: NOT as expected (this script exits 1):', ...problems.map((p) => `  - ${p}`)]),
        '',
        `Timing: the preflight (node dist/cli.js check, start to exit) ${Math.round(run.ms)} ms` +
          ` (target under ${TARGET_MS} ms: ${run.ms < TARGET_MS ? 'met' : 'MISSED'}); the demo in all` +
          ` ${Math.round(total)} ms (\`npm run bench\` times both beside bare node).`,
      ].join('\n'),
    );
    process.exitCode = problems.length === 0 ? 0 : 1;
  } finally {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`permission-preflight demo: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
