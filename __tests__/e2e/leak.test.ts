/**
 * No token, and no segment of one, appears in anything a run writes. One test runs every token
 * scenario through dist/index.js (stdout, stderr, the job summary, the outputs file, the JSON report) and every
 * token it handed over through dist/cli.js decode (from a file, from standard input, and wrongly from argv), then
 * searches all of it for every token the fixtures issued or the scenarios minted, and for the other secrets (the
 * token request bearer, the introspection client secret). The scanner itself is tested first, on synthetic leaks,
 * so that a silent pass cannot come from a scanner that finds nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OidcIssuer, startOidcIssuer } from '../fixtures/oidc-issuer.js';
import { runCli, spawnNode } from '../fixtures/processes.js';
import { removeTempDirs, tempDir, writeFile } from '../fixtures/temp-files.js';
import { actionDefaults, runAction } from './harness.js';
import { findLeaks, type Leak, maskedSecrets, withoutMaskCommands } from './leaks.js';
import { createWorld, SCENARIOS, type Scenario } from './token-scenarios.js';

let issuer: OidcIssuer;
beforeAll(async () => {
  issuer = await startOidcIssuer();
});
afterAll(async () => {
  await issuer.close();
  removeTempDirs();
});

describe('the leak scanner', () => {
  it('finds a signature, a payload, a truncated segment and a whole token, wherever they are', async () => {
    const token = await issuer.mint({ sub: 'svc', aud: 'api://deploy' });
    const [header = '', payload = '', signature = ''] = token.split('.');
    expect(findLeaks({ clean: 'nothing to see', header: `alg ${header.slice(0, 10)}` }, [token])).toEqual([]);
    expect(findLeaks({ summary: `| sig | ${signature} |` }, [token])).toEqual([
      { where: 'summary', secret: 0, piece: 'signature' },
    ]);
    expect(findLeaks({ report: `"x": "${payload.slice(0, 30)}…"` }, [token])).toEqual([
      { where: 'report', secret: 0, piece: 'payload' },
    ]);
    expect(findLeaks({ stderr: `cut: …${signature.slice(-30)}` }, ['other.secret.value-1234567890', token])).toEqual([
      { where: 'stderr', secret: 1, piece: 'signature' },
    ]);
    const whole = findLeaks({ stdout: `Bearer ${token}` }, [token]).map((l) => l.piece);
    expect(whole).toEqual(['token', 'header', 'payload', 'signature']);
    expect(findLeaks({ stdout: 'opq_0123456789abcdefXYZ is bad' }, ['opq_0123456789abcdefXYZ'])).toHaveLength(1);
  });

  it('ignores the ::add-mask:: commands, which the runner consumes, but nothing else on stdout', async () => {
    const token = await issuer.mint({ sub: 'svc' });
    const stdout = `::add-mask::${token}\n::add-mask::100%25 opaque\nchecking\n`;
    expect(maskedSecrets(stdout)).toEqual(new Set([token, '100% opaque']));
    expect(findLeaks({ stdout: withoutMaskCommands(stdout) }, [token])).toEqual([]);
    const leaky = `${stdout}::error::refused ${token.split('.')[2]}\n`;
    expect(findLeaks({ stdout: withoutMaskCommands(leaky) }, [token])).toEqual([
      { where: 'stdout', secret: 0, piece: 'signature' },
    ]);
  });

  it('catches a real process that prints a signature', async () => {
    const token = await issuer.mint({ sub: 'svc' });
    const leaky = await spawnNode('-e', ["console.log('sig', process.argv[1].split('.')[2])", token], { env: {} });
    expect(findLeaks({ stdout: leaky.stdout }, [token])).toEqual([{ where: 'stdout', secret: 0, piece: 'signature' }]);
  });
});

/** What one scenario wrote, by artifact name, and the secrets it handed over. */
interface Exposure {
  readonly artifacts: Record<string, string>;
  readonly secrets: string[];
  readonly tokens: number;
  readonly unmasked: string[];
}

/** The largest token given to decode on the command line: longer arguments exceed the kernel's limit (E2BIG). */
const MAX_ARGV_TOKEN = 64 * 1024;

async function expose(scenario: Scenario, defaults: Record<string, string>): Promise<Exposure> {
  const world = createWorld(issuer);
  try {
    const prepared = await scenario.prepare(world);
    const run = await runAction({ ...defaults, ...prepared.inputs }, prepared.env);
    const key = (what: string) => `${scenario.name} / ${what}`;
    const artifacts: Record<string, string> = {
      [key('action stdout')]: withoutMaskCommands(run.stdout),
      [key('action stderr')]: run.stderr,
      [key('step summary')]: run.summary,
      [key('outputs file')]: run.outputFile,
      [key('JSON report')]: run.reportText ?? '',
    };
    // Every token the action read went through core.setSecret before anything else could print it.
    const masked = maskedSecrets(run.stdout);
    const handed = world.tokens();
    const unmasked = handed
      .filter((t) => t.read && !masked.has(t.token))
      .map((t) => `${scenario.name}: ${t.token.slice(0, 12)}…`);
    const dir = tempDir();
    const unique = [...new Set(handed.map((t) => t.token))];
    await Promise.all(
      unique.map(async (token, i) => {
        const file = writeFile(dir, `token-${i}`, `${token}\n`);
        const args = prepared.decodeArgs ?? [];
        const runs = {
          'decode --file': runCli(['decode', '--file', file, ...args], { env: prepared.env }),
          'decode --format json < stdin': runCli(['decode', '--format', 'json', ...args], {
            input: token,
            env: prepared.env,
          }),
          'decode --no-verify < stdin': runCli(['decode', '--no-verify'], { input: token }),
          ...(token.length <= MAX_ARGV_TOKEN
            ? { 'decode TOKEN': runCli(['decode', token]), 'decode --file TOKEN': runCli(['decode', '--file', token]) }
            : {}),
        };
        for (const [what, pending] of Object.entries(runs)) {
          const done = await pending;
          if (what.endsWith('TOKEN')) expect(done.status, `${scenario.name}: ${what}`).toBe(2);
          artifacts[key(`${what} #${i} stdout`)] = done.stdout;
          artifacts[key(`${what} #${i} stderr`)] = done.stderr;
        }
      }),
    );
    return { artifacts, secrets: world.secrets(), tokens: unique.length, unmasked };
  } finally {
    await world.close();
  }
}

/** Runs `work` over `items`, `limit` at a time. */
async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

describe('no token leaks', () => {
  it('through any token scenario: action stdout, stderr, summary, outputs, report; decode stdout and stderr', async () => {
    const defaults = actionDefaults();
    const exposures = await mapLimit(SCENARIOS, 4, (s) => expose(s, defaults));
    const leaks: Leak[] = [];
    for (const e of exposures) leaks.push(...findLeaks(e.artifacts, e.secrets));
    // A leak is reported by artifact and piece, never by the secret itself.
    expect(leaks.map((l) => `${l.where}: ${l.piece} of secret #${l.secret}`)).toEqual([]);
    expect(exposures.flatMap((e) => e.unmasked)).toEqual([]);
    // The search had something to find: every scenario but the three without a token handed some over.
    const withTokens = exposures.filter((e) => e.tokens > 0).length;
    expect(withTokens).toBe(SCENARIOS.length - 3);
    expect(exposures.reduce((n, e) => n + e.tokens, 0)).toBeGreaterThanOrEqual(SCENARIOS.length);
    expect(exposures.reduce((n, e) => n + Object.keys(e.artifacts).length, 0)).toBeGreaterThan(200);
  }, 120_000);
});
