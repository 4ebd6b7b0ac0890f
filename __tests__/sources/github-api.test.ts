// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${{ ... }}` here is GitHub Actions expression syntax, not JS.
/**
 * Tokens from secrets, asked of a loopback server that answers as GitHub's REST API does
 * (__tests__/fixtures/github-rest-server.ts), through the real Octokit of @actions/github pointed at it by `baseUrl`.
 * Headers: https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api and
 * https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { githubTokenCheck } from '../../src/checks/github-token.js';
import { inspectGitHubToken, inspectGitHubTokens, readGitHubTokens } from '../../src/sources/github-api.js';
import { type GitHubRestServer, startGitHubRestServer } from '../fixtures/github-rest-server.js';
import { closedLoopbackUrl } from '../fixtures/loopback.js';

const CLASSIC = 'ghp_16C7e42F292c6912E7710c838347Ae178B4a';
const CLASSIC_NARROW = 'ghp_AAAAbbbbCCCCddddEEEEffffGGGGhhhh1234';
const EXPIRED = 'github_pat_11ABCDEFG0expired0token0here';
const NO_ACCESS = 'github_pat_11ABCDEFG0noaccess0token0here';
const FORBIDDEN = 'github_pat_11ABCDEFG0forbidden0token0xx';
const LIMITED = 'ghp_ratelimited00000000000000000000000';
const LIMITED_LONG = 'ghp_ratelimitedlong0000000000000000000';
const NOW_MS = Date.parse('2026-12-07T04:00:00Z');
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

let server: GitHubRestServer;
beforeAll(async () => {
  server = await startGitHubRestServer({
    [CLASSIC]: { kind: 'ok', scopes: 'repo, workflow', expiration: '2026-12-07 05:00:00 UTC' },
    [CLASSIC_NARROW]: { kind: 'ok', scopes: 'read:packages', private: true },
    [EXPIRED]: { kind: 'bad-credentials' },
    [NO_ACCESS]: { kind: 'not-found' },
    [FORBIDDEN]: { kind: 'forbidden', accepted: 'metadata=read' },
    [LIMITED]: { kind: 'rate-limited', times: 1, reset: NOW_MS / 1000 + 2, after: { kind: 'ok', scopes: 'repo' } },
    [LIMITED_LONG]: { kind: 'rate-limited', times: 10, reset: NOW_MS / 1000 + 3600, after: { kind: 'ok' } },
  });
});
afterAll(async () => {
  await server.close();
});

function deps() {
  const masked: string[] = [];
  const waits: number[] = [];
  return {
    masked,
    waits,
    deps: {
      baseUrl: server.url,
      mask: (s: string) => masked.push(s),
      sleep: async (ms: number) => {
        waits.push(ms);
      },
      now: () => NOW_MS,
    },
  };
}

describe('inspectGitHubToken', () => {
  it("reads a classic token's OAuth scopes and expiration from one GET of the repository", async () => {
    const d = deps();
    const before = server.requests.length;
    const result = await inspectGitHubToken('RELEASE_PAT', CLASSIC, 'acme/site', d.deps);
    expect(result).toEqual({
      kind: 'answered',
      secret: 'RELEASE_PAT',
      tokenKind: 'classic',
      status: 200,
      oauthScopes: ['repo', 'workflow'],
      expiresAt: Date.parse('2026-12-07T05:00:00Z') / 1000,
      privateRepo: true,
    });
    const sent = server.requests.slice(before);
    expect(sent).toEqual([{ method: 'GET', path: '/repos/acme/site', authorization: `token ${CLASSIC}` }]);
    expect(d.masked).toContain(CLASSIC);
  });

  it('an expired or revoked token: 401 Bad credentials', async () => {
    const result = await inspectGitHubToken('OLD', EXPIRED, 'acme/site', deps().deps);
    expect(result).toMatchObject({
      kind: 'answered',
      status: 401,
      tokenKind: 'fine-grained',
      message: 'Bad credentials',
    });
  });

  it('no access: 404, and a 403 that carries X-Accepted-GitHub-Permissions', async () => {
    expect(await inspectGitHubToken('X', NO_ACCESS, 'acme/site', deps().deps)).toMatchObject({ status: 404 });
    expect(await inspectGitHubToken('Y', FORBIDDEN, 'acme/site', deps().deps)).toMatchObject({
      status: 403,
      acceptedPermissions: 'metadata=read',
      message: 'Resource not accessible by personal access token',
    });
  });

  it('a rate limit is waited out until X-RateLimit-Reset, then answered', async () => {
    const d = deps();
    const result = await inspectGitHubToken('Z', LIMITED, 'acme/site', d.deps);
    expect(result).toMatchObject({ kind: 'answered', status: 200, oauthScopes: ['repo'] });
    expect(d.waits).toEqual([2000]);
  });

  it('a rate limit that resets beyond the bound is unverified, without waiting', async () => {
    const d = deps();
    const result = await inspectGitHubToken('W', LIMITED_LONG, 'acme/site', d.deps);
    expect(result).toEqual({
      kind: 'unverified',
      secret: 'W',
      reason: "GitHub's API answered 403 (rate limit exceeded) after 3 attempts",
    });
    expect(d.waits).toEqual([]);
  });

  it('an API that does not answer (connection refused) is a network error, never an answer of HTTP 500', async () => {
    const d = deps();
    const result = await inspectGitHubToken('N', CLASSIC, 'acme/site', {
      ...d.deps,
      baseUrl: await closedLoopbackUrl(),
    });
    expect(result).toEqual({ kind: 'unverified', secret: 'N', reason: "GitHub's API gave no answer (network error)" });
    expect(d.waits).toEqual([1000, 1000]);
  });

  it('sends the token nowhere but https (or loopback), and only for an owner/name repository', async () => {
    const before = server.requests.length;
    const plain = await inspectGitHubToken('P', CLASSIC, 'acme/site', {
      ...deps().deps,
      baseUrl: 'http://api.example.com',
    });
    expect(plain).toMatchObject({ kind: 'unverified', reason: expect.stringContaining('is not https') });
    const odd = await inspectGitHubToken('Q', CLASSIC, '../../user', deps().deps);
    expect(odd).toMatchObject({ kind: 'unverified', reason: expect.stringContaining('is not owner/name') });
    expect(server.requests.length).toBe(before);
  });

  it('never calls anything but GET', () => {
    expect(server.requests.every((r) => r.method === 'GET')).toBe(true);
  });
});

describe('inspectGitHubTokens', () => {
  it('masks each token before its request is sent, and marks a secret it was not given', async () => {
    const before = server.requests.length;
    const maskedAt: number[] = [];
    const result = await inspectGitHubTokens(
      ['GIVEN', 'NOT_GIVEN'],
      new Map([['GIVEN', CLASSIC_NARROW]]),
      'acme/site',
      {
        ...deps().deps,
        mask: () => maskedAt.push(server.requests.length),
      },
    );
    expect(result.map((r) => [r.secret, r.kind])).toEqual([
      ['GIVEN', 'answered'],
      ['NOT_GIVEN', 'not-given'],
    ]);
    expect(maskedAt.length).toBeGreaterThan(0);
    expect(maskedAt.every((n) => n === before)).toBe(true);
    expect(server.requests.length).toBe(before + 1);
  });
});

describe('in dist/', () => {
  // scripts/build.mjs stubs @actions/http-client for @actions/core only: @actions/github builds its client from it
  // when it loads, so a stub there would make every inspection throw in the shipped action.
  it("bundles @actions/github with the real @actions/http-client, not the build's stub", async () => {
    const { BUILD_OPTIONS } = (await import(pathToFileURL(path.join(ROOT, 'scripts/build.mjs')).href)) as {
      BUILD_OPTIONS: esbuild.BuildOptions;
    };
    const result = await esbuild.build({
      ...BUILD_OPTIONS,
      entryPoints: { probe: 'src/sources/github-api.ts' },
      splitting: false,
      write: false,
      outdir: 'out',
    });
    const text = result.outputFiles?.map((f) => f.text).join('\n') ?? '';
    expect(text).toContain('getProxyAgentDispatcher');
    expect(text).not.toContain('is not bundled in permission-preflight');
  });
});

describe('readGitHubTokens (the github-tokens input)', () => {
  it('reads SECRET and SECRET=VARIABLE, and names what is missing without its value', () => {
    const masked: string[] = [];
    const env = { RELEASE_PAT: ` ${CLASSIC}\n`, BOT_TOKEN: CLASSIC_NARROW };
    const { tokens, problems } = readGitHubTokens('RELEASE_PAT, BOT=BOT_TOKEN\nMISSING\nbad name', env, (s) =>
      masked.push(s),
    );
    expect(masked).toEqual(expect.arrayContaining([CLASSIC, CLASSIC_NARROW]));
    expect([...tokens]).toEqual([
      ['RELEASE_PAT', CLASSIC],
      ['BOT', CLASSIC_NARROW],
    ]);
    expect(problems).toEqual([
      'environment variable MISSING (for secret MISSING) is not set or empty',
      '`bad name` is not SECRET or SECRET=VARIABLE',
    ]);
  });
});

describe('the token never appears in any output', () => {
  it('not in the inspections, nor in the findings made from them, on every path', async () => {
    const all = [CLASSIC, CLASSIC_NARROW, EXPIRED, NO_ACCESS, FORBIDDEN, LIMITED_LONG];
    const d = deps();
    const inspections = [];
    for (const [i, token] of all.entries())
      inspections.push(await inspectGitHubToken(`S${i}`, token, 'acme/site', d.deps));
    const steps = all.map((_, i) => ({
      index: i,
      uses: 'softprops/action-gh-release@v2',
      with: { token: `\${{ secrets.S${i} }}` },
      line: 10 + i,
    }));
    const findings = githubTokenCheck.run({
      workflows: [{ file: '.github/workflows/release.yml', jobs: [{ id: 'release', steps }] }],
      settings: { defaultPermissions: 'permissive', jobNeeds: {} },
      inspections,
      now: NOW_MS / 1000,
    });
    expect(findings.filter((f) => f.id.includes(':secret:')).map((f) => f.class)).toEqual([
      'pat-expired', // expires at 05:00, before the job's 360 minutes can end
      'ok', // its scopes are enough
      'pat-scope-missing',
      'pat-expired',
      'pat-no-repository-access',
      'pat-no-repository-access',
      'pat-unverified',
    ]);
    const text = JSON.stringify({ inspections, findings });
    for (const token of all) {
      expect(text).not.toContain(token);
      expect(d.masked).toContain(token);
    }
  });
});
