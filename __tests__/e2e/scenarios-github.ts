/**
 * Token scenarios for GitHub's OIDC token (github-oidc on, the default), against the loopback Actions token endpoint
 * and issuer: a pass, the missing id-token permission, times, `sub` mismatches, and the wrong issuer.
 */
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type GitHubRun, inEnvironment, pullRequest, pushToMain, tagPush } from '../fixtures/actions-token-server.js';
import { type Prepared, type Scenario, type World, writeTemp } from './scenario-world.js';

const MAIN = 'sub=repo:acme/api:ref:refs/heads/main';

/** A GitHub OIDC run against the loopback Actions token endpoint and issuer. */
async function github(
  world: World,
  run: GitHubRun,
  extra: {
    inputs?: Record<string, string>;
    env?: Record<string, string>;
    now?: () => number;
    lifetimeSeconds?: number;
  } = {},
): Promise<Prepared> {
  const server = await world.actionsTokenServer(run, {
    ...(extra.now ? { now: extra.now } : {}),
    ...(extra.lifetimeSeconds !== undefined ? { lifetimeSeconds: extra.lifetimeSeconds } : {}),
  });
  const claims = (extra.inputs?.['expected-claims'] ?? '').split('\n').filter(Boolean);
  return {
    inputs: { 'oidc-issuer': world.issuer.issuer, ...extra.inputs },
    env: { ...server.env, GITHUB_EVENT_NAME: run.eventName, GITHUB_JOB: 'deploy', ...extra.env },
    decodeArgs: [
      '--issuer',
      world.issuer.issuer,
      '--audience',
      'sts.amazonaws.com',
      ...claims.flatMap((c) => ['--claim', c]),
    ],
  };
}

/** A pull request event payload, as the runner writes it to GITHUB_EVENT_PATH. */
function eventFile(world: World, head: string): string {
  const body = JSON.stringify({
    pull_request: { head: { repo: { full_name: head } }, base: { repo: { full_name: 'acme/api' } } },
  });
  return writeTemp(world, path.join(tmpdir(), `preflight-event-${randomUUID()}.json`), body);
}

/** GitHub OIDC token scenarios. */
export const githubScenarios: Scenario[] = [
  {
    name: 'GitHub token: passes',
    expected: { status: 0, result: 'pass', findings: [['token', 'ok', 'pass']], summary: ['Preflight passed'] },
    prepare: (w) => github(w, pushToMain(), { inputs: { 'expected-claims': MAIN } }),
  },
  {
    name: 'GitHub token: the job lacks id-token: write',
    expected: {
      status: 1,
      result: 'fail',
      findings: [['runner', 'missing-id-token-permission', 'fail']],
      summary: [
        'ACTIONS_ID_TOKEN_REQUEST_URL',
        'Add `permissions: { id-token: write, contents: read }` to the job `deploy`',
      ],
    },
    prepare: async (w) => ({
      inputs: { 'oidc-issuer': w.issuer.issuer },
      env: { GITHUB_EVENT_NAME: 'push', GITHUB_JOB: 'deploy' },
    }),
  },
  {
    name: 'GitHub token: a pull request from a fork never gets one',
    expected: {
      status: 1,
      result: 'fail',
      findings: [['runner', 'fork-pull-request', 'fail']],
      summary: ['pull request from a fork', 'use it only for a job that never checks out'],
    },
    prepare: async (w) => ({
      inputs: { 'oidc-issuer': w.issuer.issuer },
      env: { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: eventFile(w, 'mallory/api') },
    }),
  },
  {
    name: 'GitHub token: expired',
    expected: {
      status: 1,
      result: 'fail',
      findings: [['token', 'expired', 'fail']],
      summary: ['Fetch a fresh token right before it is used'],
    },
    prepare: (w) => github(w, pushToMain(), { now: () => w.now() - 3600 }),
  },
  {
    // GitHub issues its tokens for five minutes (https://docs.github.com/en/actions/reference/security/oidc), and the
    // deploy requests its own: min-token-lifetime, for the job's bearer tokens, does not fail every real one.
    name: 'GitHub token: a real five-minute token is not held to min-token-lifetime: 10m',
    expected: { status: 0, result: 'pass', findings: [['token', 'ok', 'pass']], summary: ['Preflight passed'] },
    prepare: (w) => github(w, pushToMain(), { lifetimeSeconds: 300, inputs: { 'min-token-lifetime': '10m' } }),
  },
  {
    name: 'GitHub token: nbf and iat in the future',
    expected: {
      status: 1,
      result: 'fail',
      findings: [
        ['token', 'not-yet-valid', 'fail'],
        ['token', 'not-yet-valid', 'fail'],
      ],
      summary: ["Check this machine's clock (NTP)"],
    },
    prepare: (w) => github(w, pushToMain(), { now: () => w.now() + 900 }),
  },
  {
    name: 'GitHub token: sub mismatch for a pull request',
    expected: {
      status: 1,
      result: 'fail',
      findings: [['token', 'claim-mismatch', 'fail']],
      summary: [
        'sub is `repo:acme/api:pull_request` because this run is a pull_request event in a job without an environment',
        'Run the deploy on a push to `main` rather than on pull_request',
      ],
    },
    prepare: (w) =>
      github(w, pullRequest(7, 'feature'), {
        inputs: { 'expected-claims': MAIN },
        env: { GITHUB_EVENT_PATH: eventFile(w, 'acme/api') },
      }),
  },
  {
    name: 'GitHub token: sub mismatch for a tag',
    expected: {
      status: 1,
      result: 'fail',
      findings: [['token', 'claim-mismatch', 'fail']],
      summary: ['because this run is for tag `v1.2.3` (a push event) in a job without an environment'],
    },
    prepare: (w) => github(w, tagPush('v1.2.3'), { inputs: { 'expected-claims': MAIN } }),
  },
  {
    name: 'GitHub token: sub mismatch for an environment',
    expected: {
      status: 1,
      result: 'fail',
      findings: [['token', 'claim-mismatch', 'fail']],
      summary: [
        'the job references the environment `production`, and an environment takes the place of the pull_request and ref forms',
        'expect `repo:acme/api:environment:production`',
      ],
    },
    prepare: (w) => github(w, inEnvironment('production'), { inputs: { 'expected-claims': MAIN } }),
  },
  {
    name: 'GitHub token: from another issuer than oidc-issuer',
    expected: {
      status: 1,
      result: 'fail',
      findings: [
        ['identity-provider', 'unknown-key', 'fail'],
        ['token', 'wrong-issuer', 'fail'],
      ],
      summary: ['but `http://127.0.0.1:'],
    },
    prepare: async (w) => {
      const other = await w.startIssuer();
      const prepared = await github(w, pushToMain());
      return { ...prepared, inputs: { ...prepared.inputs, 'oidc-issuer': other.issuer } };
    },
  },
];
