// `npm run bench`: bundles bench/engine.bench.ts (TypeScript, importing the engine from src/) with esbuild into
// .bench/ (git-ignored) and runs it with this node. Packages stay external: they load from node_modules as they
// would in a test, and @cloud-copilot/iam-simulate (AGPL, the speed and agreement reference) never enters a bundle
// that ships. Arguments after `--` go to the benchmark, e.g. `npm run bench -- --regenerate` rewrites the corpus.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUTFILE = '.bench/engine.bench.mjs';

mkdirSync(new URL('../.bench', import.meta.url), { recursive: true });
await esbuild.build({
  absWorkingDir: ROOT,
  entryPoints: ['bench/engine.bench.ts'],
  outfile: OUTFILE,
  bundle: true,
  packages: 'external',
  platform: 'node',
  target: 'node20',
  format: 'esm',
  minify: false,
  sourcemap: 'inline', // stack traces point at the TypeScript
  logLevel: 'warning',
});

const run = spawnSync(process.execPath, ['--enable-source-maps', OUTFILE, ...process.argv.slice(2)], {
  cwd: ROOT,
  stdio: 'inherit',
});
process.exitCode = run.status ?? 1;
