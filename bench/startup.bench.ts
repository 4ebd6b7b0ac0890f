/**
 * Benchmark of what a user waits for. Run it with `npm run bench` (both benchmarks) or
 * `npm run bench -- --startup` (this one only); it prints figures and never fails on them.
 *
 * 1. Cold start: `node dist/index.js`, spawned as the runner spawns it (every input of action.yml as an INPUT_*
 *    variable with its default, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY and RUNNER_TEMP set), timed from spawn() to its
 *    first byte on stdout; beside `node -e 0` timed from spawn() to exit, in the same run. The two are interleaved,
 *    so that a busy machine slows both alike. Target: within 60 ms of bare node (half of the ~90 ms that
 *    aws-actions/configure-aws-credentials spends above bare node).
 * 2. The offline demo (`npm run demo`, scripts/demo.mjs): the wall time of the whole script (node, minting the
 *    demo token, the loopback JWKS, `node dist/cli.js check` on examples/site), and the CLI preflight within it, as
 *    the demo itself reports it. Target: under 300 ms in all.
 *
 * Both measure the committed dist/: run `npm run build` first after changing src/.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ACTION = path.join(ROOT, 'dist/index.js');
const DEMO = path.join(ROOT, 'scripts/demo.mjs');
const RUNS = 30;
const WARMUPS = 3;
const DEMO_RUNS = 10;
const COLD_START_BUDGET_MS = 60;
const DEMO_BUDGET_MS = 300;

/** How long a spawned node took: to its first stdout byte, and to its exit. */
interface Timing {
  readonly firstOutputMs: number | undefined;
  readonly exitMs: number;
  readonly status: number | null;
  readonly stdout: string;
}

/** Spawns node with `args` and `env`, timing from the spawn() call. */
function timeNode(args: readonly string[], env: Record<string, string>): Promise<Timing> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, args, { env, cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] });
    let firstOutputMs: number | undefined;
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      firstOutputMs ??= performance.now() - start;
      stdout += chunk;
    });
    child.on('error', reject);
    child.on('close', (status) => resolve({ firstOutputMs, exitMs: performance.now() - start, status, stdout }));
  });
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};
const ms = (value: number) => `${value.toFixed(1).padStart(6)} ms`;
const verdict = (met: boolean) => (met ? 'met' : 'MISSED');

/** The environment the runner gives the action's step: every declared input at its default, and the files. */
function runnerEnv(dir: string): Record<string, string> {
  const inputs = (
    parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: unknown }> }
  ).inputs;
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    GITHUB_OUTPUT: path.join(dir, 'output'),
    GITHUB_STEP_SUMMARY: path.join(dir, 'summary.md'),
    RUNNER_TEMP: dir,
  };
  for (const [name, input] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = String(input.default ?? '');
  return env;
}

async function coldStartBench(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'preflight-bench-'));
  try {
    const env = runnerEnv(dir);
    const bare: number[] = [];
    const action: number[] = [];
    const actionExit: number[] = [];
    for (let i = 0; i < WARMUPS + RUNS; i++) {
      writeFileSync(env.GITHUB_OUTPUT as string, '');
      writeFileSync(env.GITHUB_STEP_SUMMARY as string, '');
      const b = await timeNode(['-e', '0'], { PATH: env.PATH as string });
      const a = await timeNode([ACTION], env);
      if (a.firstOutputMs === undefined) throw new Error(`dist/index.js printed nothing (exit ${a.status})`);
      if (i < WARMUPS) continue;
      bare.push(b.exitMs);
      action.push(a.firstOutputMs);
      actionExit.push(a.exitMs);
    }
    const over = median(action) - median(bare);
    console.log(`cold start (median of ${RUNS} runs each, interleaved, after ${WARMUPS} warm-ups):`);
    console.log(`  node -e 0, spawn to exit:                      ${ms(median(bare))}`);
    console.log(`  node dist/index.js, spawn to first output:     ${ms(median(action))}`);
    console.log(
      `  node dist/index.js, spawn to exit:             ${ms(median(actionExit))}  (no token: nothing to check)`,
    );
    console.log(
      `  above bare node: ${over.toFixed(1)} ms (target within ${COLD_START_BUDGET_MS} ms: ${verdict(over <= COLD_START_BUDGET_MS)})`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function demoBench(): Promise<void> {
  if (!existsSync(DEMO)) {
    console.log('offline demo: scripts/demo.mjs not found, not timed');
    return;
  }
  const wall: number[] = [];
  const preflight: number[] = [];
  let unexpected = 0;
  for (let i = 0; i < 1 + DEMO_RUNS; i++) {
    const run = await timeNode([DEMO], { PATH: process.env.PATH ?? '' });
    const reported = /the preflight \(node dist\/cli\.js check, start to exit\) (\d+) ms/.exec(run.stdout)?.[1];
    if (i === 0) continue; // warm-up: the file cache
    if (run.status !== 0) unexpected++;
    wall.push(run.exitMs);
    if (reported) preflight.push(Number(reported));
  }
  console.log(`offline demo, npm run demo (median of ${DEMO_RUNS} runs after 1 warm-up):`);
  console.log(`  the whole demo, spawn to exit:                 ${ms(median(wall))}`);
  if (preflight.length > 0) console.log(`  its preflight (node dist/cli.js check):       ${ms(median(preflight))}`);
  console.log(`  target under ${DEMO_BUDGET_MS} ms in all: ${verdict(median(wall) < DEMO_BUDGET_MS)}`);
  if (unexpected > 0) console.log(`  ${unexpected} of ${DEMO_RUNS} demo runs did not end as the demo expects (exit 1)`);
}

async function main(): Promise<void> {
  if (!existsSync(ACTION)) {
    console.log('dist/index.js is missing: run `npm run build` first');
    return;
  }
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(`node ${process.version} on ${os.platform()} ${os.arch()}, ${cpu}, ${os.cpus().length} cores`);
  await coldStartBench();
  await demoBench();
}

await main();
