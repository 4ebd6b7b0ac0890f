/**
 * Benchmark of reading the deploy workflows. Run it with `npm run bench` (every benchmark) or
 * `npm run bench -- --workflows` (this one only); it prints figures and never fails on them.
 *
 * Two sets of real repositories, read from memory, each round reading every repository's model (src/workflows/: the
 * YAML read by js-yaml's event parser, src/workflows/fast-reader.ts, and checked against GitHub's schemas by
 * src/workflows/template-reader.ts, or by GitHub's whole parser where the YAML reader declines) and predicting the
 * token of every deploy job for every trigger (src/workflows/predict/), repeated until at least 50 workflow files and
 * 200 jobs were read:
 * - the target: bench/workflows/, the `.github/workflows` and `.github/actions` of four public repositories that deploy
 *   to AWS from GitHub Actions, as published (each file names its source and commit): 76 distinct workflow files and
 *   about 200 jobs, one pass a round. Target: 50 workflows with 200 jobs under 200 ms.
 * - the stress set: __tests__/fixtures/workflows/, the test fixtures' repositories, chosen for their matrices over
 *   reusable workflows and composite actions (about 15 instances a job, against about 9 in the target set), read three
 *   times a round to reach the same counts.
 * A figure is the median time of a round, after one warm-up round (the parser's load is timed apart: it is paid once
 * per run, and only when workflows are read). Each set also prints where the time goes: the parser timed alone over
 * the same files, the rest of building the model (every job instance's steps evaluated), and the predictions; and what
 * a round holds (instances, steps, YAML).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readWorkflowModel } from '../src/workflows/index.js';
import { parseActionFile, parseWorkflowFile } from '../src/workflows/parse.js';
import { predictTokens } from '../src/workflows/predict/index.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TARGET_SET = path.join(ROOT, 'bench/workflows');
const STRESS_SET = path.join(ROOT, '__tests__/fixtures/workflows');
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
function readRepo(root: string, name: string): Repo {
  const base = path.join(root, name);
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

/** Where a round's time went: the parser (inside the model's read), the rest of the model, the prediction. */
interface Split {
  model: number;
  predict: number;
}

/** Reads one repository's model and predicts its tokens: the number of files and jobs read. */
async function readAndPredict(
  repo: Repo,
  split?: Split,
): Promise<{ files: number; jobs: number; predictions: number; instances: number; steps: number }> {
  const [owner = 'o', name = 'r'] = repo.name.split('__');
  const start = performance.now();
  const model = await readWorkflowModel({
    workflowPaths: repo.workflows,
    read: async (p) => repo.files.get(p),
    repository: `${owner}/${name}`,
  });
  const read = performance.now();
  const workflowNames = Object.fromEntries(model.files.map((f) => [f.path, f.name]));
  const predictions = predictTokens({ repo: { owner, name }, jobs: model.jobs, workflowNames });
  if (split) {
    split.model += read - start;
    split.predict += performance.now() - read;
  }
  const instances = model.jobs.reduce((n, j) => n + j.instances.length, 0);
  const steps = model.jobs.reduce((n, j) => n + j.instances.reduce((m, i) => m + i.steps.length, 0), 0);
  return { files: model.files.length, jobs: model.jobs.length, predictions: predictions.length, instances, steps };
}

async function round(repos: readonly Repo[], split?: Split) {
  const total = { files: 0, jobs: 0, predictions: 0, instances: 0, steps: 0, yaml: 0 };
  while (total.files < TARGET_FILES || total.jobs < TARGET_JOBS) {
    for (const repo of repos) {
      const r = await readAndPredict(repo, split);
      total.files += r.files;
      total.jobs += r.jobs;
      total.predictions += r.predictions;
      total.instances += r.instances;
      total.steps += r.steps;
      total.yaml += [...repo.files.values()].reduce((n, t) => n + t.length, 0);
    }
  }
  return total;
}

/** The parser alone over every file a round reads (each repository's workflows, reusable workflows, actions). */
async function parseOnly(repos: readonly Repo[], passes: number): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < passes; i++)
    for (const repo of repos)
      for (const [p, text] of repo.files) {
        if (/^\.github\/workflows\//.test(p)) await parseWorkflowFile(p, text);
        else if (/action\.ya?ml$/.test(p)) parseActionFile(p, text);
      }
  return performance.now() - start;
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

/** The repositories of a set: each folder named `owner__name`. */
function readSet(root: string): Repo[] {
  return readdirSync(root)
    .filter((d) => d.includes('__') && statSync(path.join(root, d)).isDirectory())
    .sort()
    .map((d) => readRepo(root, d));
}

/** Times a set's rounds and prints its figures; the time of a round (median). */
async function measure(title: string, repos: readonly Repo[]): Promise<number> {
  await round(repos);
  const times: number[] = [];
  const splits: Split[] = [];
  let total = { files: 0, jobs: 0, predictions: 0, instances: 0, steps: 0, yaml: 0 };
  for (let i = 0; i < RUNS; i++) {
    const split = { model: 0, predict: 0 };
    const start = performance.now();
    total = await round(repos, split);
    times.push(performance.now() - start);
    splits.push(split);
  }
  const ms = median(times);
  const passes = Math.round(total.files / repos.reduce((n, r) => n + r.workflows.length, 0));
  const parse: number[] = [];
  for (let i = 0; i < RUNS; i++) parse.push(await parseOnly(repos, passes));
  const parseMs = median(parse);
  const modelMs = median(splits.map((s) => s.model));
  const predictMs = median(splits.map((s) => s.predict));
  console.log(
    `  ${title}: ${repos.map((r) => r.name.replace('__', '/')).join(', ')}${passes > 1 ? ` (${passes} passes)` : ''}`,
  );
  console.log(
    `    ${total.files} workflow files, ${total.jobs} jobs, ${total.predictions} predictions: ${ms.toFixed(0)} ms (median of ${RUNS})`,
  );
  console.log(
    `    ${total.instances} job instances (a job per trigger, input and matrix row), ${total.steps} steps, ${(total.yaml / 1024).toFixed(0)} KiB of YAML (actions and reusable workflows included)`,
  );
  console.log(
    `    of which: the parser ~${parseMs.toFixed(0)} ms (timed alone over the same files), the rest of the model ~${Math.max(0, modelMs - parseMs).toFixed(0)} ms, the predictions ${predictMs.toFixed(0)} ms`,
  );
  console.log(`    ${(ms / total.files).toFixed(1)} ms a workflow file, ${(ms / total.jobs).toFixed(2)} ms a job`);
  for (const repo of repos) {
    const start = performance.now();
    const r = await readAndPredict(repo);
    const each = performance.now() - start;
    console.log(
      `      ${repo.name.replace('__', '/')}: ${r.files} files, ${r.jobs} jobs, ${r.predictions} predictions, ${each.toFixed(0)} ms`,
    );
  }
  return ms;
}

async function main(): Promise<void> {
  const target = readSet(TARGET_SET);
  const stress = readSet(STRESS_SET);
  const loadStart = performance.now();
  await readAndPredict(target[0] as Repo);
  const firstMs = performance.now() - loadStart;
  // The action runs on node 24 (action.yml `runs.using`); `npm run bench` runs on whichever node runs npm.
  console.log(
    `Workflows: read (js-yaml's events, GitHub's schemas) and every deploy job's token predicted, per trigger (node ${process.versions.node})`,
  );
  console.log(`  first read (loads the parser): ${firstMs.toFixed(0)} ms`);
  const ms = await measure('target set (bench/workflows/)', target);
  await measure('stress set (__tests__/fixtures/workflows/)', stress);
  console.log(
    `  target ${TARGET_FILES} workflows and ${TARGET_JOBS} jobs under ${BUDGET_MS} ms: ${ms < BUDGET_MS ? 'met' : 'MISSED'} (${ms.toFixed(0)} ms)`,
  );
}

await main();
