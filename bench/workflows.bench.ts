/**
 * Benchmark of reading the deploy workflows. Run it with `npm run bench` (every benchmark) or
 * `npm run bench -- --workflows` (this one only); it prints figures and never fails on them.
 *
 * The repositories are the real ones of __tests__/fixtures/workflows/ (eight public repositories, their workflows,
 * reusable workflows and composite actions as published), read from memory: each round reads every repository's
 * model with GitHub's parser (src/workflows/) and predicts the token of every deploy job for every trigger
 * (src/workflows/predict/), and rounds are repeated until at least 50 workflow files and 200 jobs were read. The
 * figure is the time of those rounds, after one warm-up round (the parser's load is timed apart: it is paid once per
 * run, and only when workflows are read). Target: 50 workflows with 200 jobs under 200 ms.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readWorkflowModel } from '../src/workflows/index.js';
import { predictTokens } from '../src/workflows/predict/index.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FIXTURES = path.join(ROOT, '__tests__/fixtures/workflows');
const TARGET_FILES = 50;
const TARGET_JOBS = 200;
const BUDGET_MS = 200;
const RUNS = 7;

interface Repo {
  readonly name: string;
  readonly files: ReadonlyMap<string, string>;
  readonly workflows: readonly string[];
}

/** Every file of a fixture repository, by its path in the repository. */
function readRepo(name: string): Repo {
  const base = path.join(FIXTURES, name);
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else files.set(path.relative(base, full).split(path.sep).join('/'), readFileSync(full, 'utf8'));
    }
  };
  walk(base);
  const workflows = [...files.keys()].filter((f) => /^\.github\/workflows\/[^/]+\.ya?ml$/.test(f)).sort();
  return { name, files, workflows };
}

/** Reads one repository's model and predicts its tokens: the number of files and jobs read. */
async function readAndPredict(repo: Repo): Promise<{ files: number; jobs: number; predictions: number }> {
  const [owner = 'o', name = 'r'] = repo.name.split('__');
  const model = await readWorkflowModel({
    workflowPaths: repo.workflows,
    read: async (p) => repo.files.get(p),
    repository: `${owner}/${name}`,
  });
  const workflowNames = Object.fromEntries(model.files.map((f) => [f.path, f.name]));
  const predictions = predictTokens({ repo: { owner, name }, jobs: model.jobs, workflowNames });
  return { files: model.files.length, jobs: model.jobs.length, predictions: predictions.length };
}

async function round(repos: readonly Repo[]) {
  const total = { files: 0, jobs: 0, predictions: 0 };
  while (total.files < TARGET_FILES || total.jobs < TARGET_JOBS) {
    for (const repo of repos) {
      const r = await readAndPredict(repo);
      total.files += r.files;
      total.jobs += r.jobs;
      total.predictions += r.predictions;
    }
  }
  return total;
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

async function main(): Promise<void> {
  const repos = readdirSync(FIXTURES)
    .filter((d) => statSync(path.join(FIXTURES, d)).isDirectory())
    .sort()
    .map(readRepo);
  const loadStart = performance.now();
  await readAndPredict(repos[0] as Repo);
  const firstMs = performance.now() - loadStart;
  await round(repos);
  const times: number[] = [];
  let total = { files: 0, jobs: 0, predictions: 0 };
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    total = await round(repos);
    times.push(performance.now() - start);
  }
  const ms = median(times);
  console.log("Workflows: read with GitHub's parser and every deploy job's token predicted, per trigger");
  console.log(`  repositories: ${repos.map((r) => r.name.replace('__', '/')).join(', ')}`);
  console.log(`  first read (loads the parser): ${firstMs.toFixed(0)} ms`);
  console.log(
    `  ${total.files} workflow files, ${total.jobs} jobs, ${total.predictions} predictions: ${ms.toFixed(0)} ms (median of ${RUNS}; target ${TARGET_FILES} files and ${TARGET_JOBS} jobs under ${BUDGET_MS} ms: ${ms < BUDGET_MS ? 'met' : 'MISSED'})`,
  );
  const perFile = ms / total.files;
  console.log(`  ${perFile.toFixed(1)} ms a workflow file, ${(ms / total.jobs).toFixed(2)} ms a job`);
  for (const repo of repos) {
    const start = performance.now();
    const r = await readAndPredict(repo);
    const each = performance.now() - start;
    console.log(
      `    ${repo.name.replace('__', '/')}: ${r.files} files, ${r.jobs} jobs, ${r.predictions} predictions, ${each.toFixed(0)} ms`,
    );
  }
}

await main();
