// `npm run bench`: bundles bench/engine.bench.ts (TypeScript, importing the engine from src/) and
// bench/startup.bench.ts (the cold start of dist/index.js, and the offline demo) with esbuild into .bench/
// (git-ignored) and runs them with this node, one after the other. Packages stay external: they load from
// node_modules as they would in a test, and @cloud-copilot/iam-simulate (AGPL, the speed and agreement reference)
// never enters a bundle that ships. Arguments after `--` go to the benchmarks: `--regenerate` rewrites the corpus;
// `--corpus`, `--tokens`, `--aws` and `--regenerate` run the engine benchmark only, `--startup` the startup benchmark only,
// `--workflows` the workflows benchmark (bench/workflows.bench.ts) only.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ARGS = process.argv.slice(2);
const ENGINE_ONLY = ['--corpus', '--tokens', '--aws', '--regenerate'].some((flag) => ARGS.includes(flag));
const BENCHES = ARGS.includes('--startup')
  ? ['startup']
  : ARGS.includes('--workflows')
    ? ['workflows']
    : ENGINE_ONLY
      ? ['engine']
      : ['engine', 'startup', 'workflows'];

mkdirSync(new URL('../.bench', import.meta.url), { recursive: true });
// GitHub's workflow parser imports its JSON schemas without import attributes, which node refuses: it is bundled, as
// in dist/, so the workflows benchmark is built apart, with every package inside.
const SELF_CONTAINED = ['workflows'];
if (BENCHES.some((name) => SELF_CONTAINED.includes(name))) {
  await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: Object.fromEntries(
      BENCHES.filter((n) => SELF_CONTAINED.includes(n)).map((name) => [`${name}.bench`, `bench/${name}.bench.ts`]),
    ),
    outdir: '.bench',
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    mainFields: ['module', 'main'],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    sourcemap: 'inline',
    logLevel: 'warning',
  });
}
await esbuild.build({
  absWorkingDir: ROOT,
  entryPoints: Object.fromEntries(
    BENCHES.filter((n) => !SELF_CONTAINED.includes(n)).map((name) => [`${name}.bench`, `bench/${name}.bench.ts`]),
  ),
  outdir: '.bench',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  packages: 'external',
  platform: 'node',
  target: 'node20',
  format: 'esm',
  minify: false,
  sourcemap: 'inline', // stack traces point at the TypeScript
  logLevel: 'warning',
});

for (const name of BENCHES) {
  const run = spawnSync(process.execPath, ['--enable-source-maps', `.bench/${name}.bench.mjs`, ...ARGS], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (run.status !== 0) process.exitCode = run.status ?? 1;
}
