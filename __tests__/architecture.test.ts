/**
 * The layers of src/, enforced. Two rules:
 * - the pure core stays pure: nothing under the pure folders may import the runner, the AWS SDK or node's I/O
 *   modules, or touch `process`;
 * - imports between layers follow one table ({@link ALLOWED}): entry points → pipeline → checks → engine, and
 *   src/sources/ never imports the pipeline, the configuration or the checks. A folder with an `index.ts` is entered
 *   only through its public surface ({@link PUBLIC}).
 * A grep, not a lint rule, so it holds whatever the linter is. Type-only imports count too: they couple the layers
 * all the same.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PURE_DIRS = [
  'src/iam',
  'src/tokens',
  'src/checks',
  'src/catalog',
  'src/text',
  'src/model',
  'src/aws-files',
  'src/config',
  'src/report',
  'src/workflows',
  'src/diagnose',
  'src/drift',
];

const IO_MODULES = ['fs', 'fs/promises', 'http', 'https', 'http2', 'net', 'tls', 'dgram', 'dns', 'child_process'];
const FORBIDDEN_MODULE = new RegExp(
  `^(@actions/(?!workflow-parser|expressions)|@aws-sdk/|@smithy/|(node:)?(${IO_MODULES.map((m) => m.replace('/', '\\/')).join('|')})$)`,
);

/** Comments and string contents, so a module specifier inside a string is still seen but prose is not. */
const LEXEME = /\/\/[^\n]*|\/\*[\s\S]*?\*\/|'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\])*`/g;

/** `import … from 'x'`, `export … from 'x'`, `import 'x'`, `import('x')`, `require('x')`. */
const SPECIFIER =
  /\b(?:import|export)\s[^'";]*?\bfrom\s*(['"])([^'"]+)\1|\bimport\s*(['"])([^'"]+)\3|\b(?:import|require)\s*\(\s*(['"`])([^'"`]+)\5/g;

/** `process.x`, `process[…]`, `globalThis.process` — but not `obj.process` or `subprocess`. */
const PROCESS = /(?<![\w$.])process\s*(?:\.|\[|\?\.)|\bglobalThis\s*(?:\.\s*process\b|\[\s*['"]process['"])/;

/** What makes `source` impure, one line each; empty when it is pure. */
function findViolations(source: string): string[] {
  const code = source.replace(LEXEME, (lexeme) => (lexeme.startsWith('/') ? ' ' : lexeme));
  const violations: string[] = [];
  for (const match of code.matchAll(SPECIFIER)) {
    const specifier = match[2] ?? match[4] ?? match[6] ?? '';
    if (FORBIDDEN_MODULE.test(specifier)) violations.push(`imports '${specifier}'`);
  }
  const lines = code.split('\n');
  lines.forEach((line, index) => {
    if (PROCESS.test(line)) violations.push(`line ${index + 1} references process: ${line.trim()}`);
  });
  return violations;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|mts|cts|js|mjs)$/.test(entry.name))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)))
    .sort();
}

const existing = PURE_DIRS.filter((dir) => existsSync(path.join(ROOT, dir)));
const files = existing.flatMap((dir) => sourceFiles(path.join(ROOT, dir)));

describe('the pure core', () => {
  it('exists, so the rule below is not checked against nothing', () => {
    expect(existing).toContain('src/iam');
    expect(files.some((file) => file.startsWith('src/iam/'))).toBe(true);
  });

  it.each(files)('%s has no I/O, runner, AWS SDK or process access', (file) => {
    expect(findViolations(readFileSync(path.join(ROOT, file), 'utf8'))).toEqual([]);
  });
});

describe('findViolations', () => {
  it.each([
    ["import * as core from '@actions/core';", "imports '@actions/core'"],
    ["import type { Context } from '@actions/github/lib/context.js';", "imports '@actions/github/lib/context.js'"],
    ['import { STSClient } from "@aws-sdk/client-sts";', "imports '@aws-sdk/client-sts'"],
    ["import {\n  readFileSync,\n} from 'node:fs';", "imports 'node:fs'"],
    ["import { readFile } from 'fs/promises';", "imports 'fs/promises'"],
    ["export { get } from 'node:https';", "imports 'node:https'"],
    ["import 'http';", "imports 'http'"],
    ["const net = await import('node:net');", "imports 'node:net'"],
    ["const fs = require('fs');", "imports 'fs'"],
    ['const home = process.env.HOME;', 'line 1 references process: const home = process.env.HOME;'],
    ["const argv = process['argv'];", "line 1 references process: const argv = process['argv'];"],
    ['const p = globalThis.process;', 'line 1 references process: const p = globalThis.process;'],
  ])('flags %j', (source, violation) => {
    expect(findViolations(source)).toEqual([violation]);
  });

  it.each([
    "import { parseArn } from './arn.js';",
    "import type { Request } from '../types.js';",
    "import { createHash } from 'node:crypto';",
    '// no @aws-sdk imports here, and process.env is never read',
    '/* import fs from "node:fs"; process.exit(1) */',
    "const message = 'the process ended';",
    'const sub = subprocess.pid + job.process.id;',
    "const fsx = 'fs';",
  ])('lets %j pass', (source) => {
    expect(findViolations(source)).toEqual([]);
  });
});

/**
 * A file's layer: its folder under src/, or for a file directly in src/, its entry point (`main.ts`, `index.ts`
 * and `io.ts` are the action; `cli.ts` is the CLI).
 */
function layerOf(file: string): string {
  const parts = path.relative(path.join(ROOT, 'src'), file).split(path.sep);
  if (parts.length > 1) return parts[0] ?? '';
  return parts[0] === 'cli.ts' ? 'cli' : 'action';
}

/** Which layers each layer may import (besides itself). Anything not listed is a violation. */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  model: [],
  text: [],
  iam: ['text'],
  catalog: ['model', 'text', 'iam'],
  tokens: ['model', 'text', 'iam'],
  'aws-files': ['model', 'text', 'iam', 'catalog', 'tokens'],
  config: ['model', 'text', 'iam', 'catalog', 'tokens'],
  workflows: ['model', 'text', 'iam', 'catalog', 'tokens'],
  diagnose: ['model', 'text', 'iam', 'catalog', 'tokens'],
  checks: ['model', 'text', 'iam', 'catalog', 'tokens', 'config', 'workflows'],
  report: ['model', 'text', 'iam'],
  drift: ['model', 'text', 'iam', 'report'],
  sources: ['model', 'text', 'iam', 'catalog', 'tokens', 'aws-files'],
  pipeline: [
    'model',
    'text',
    'iam',
    'catalog',
    'tokens',
    'aws-files',
    'config',
    'workflows',
    'checks',
    'diagnose',
    'drift',
    'sources',
    'report',
  ],
  commands: [
    'model',
    'text',
    'iam',
    'catalog',
    'tokens',
    'config',
    'workflows',
    'checks',
    'diagnose',
    'drift',
    'sources',
    'report',
    'pipeline',
  ],
  action: ['model', 'text', 'config', 'sources', 'report', 'pipeline'],
  cli: ['model', 'text', 'sources', 'commands'],
};

/** Folders with a public surface: other layers import only these files of theirs. */
const PUBLIC: Readonly<Record<string, readonly string[]>> = {
  iam: ['index.ts', 'glob.ts', 'simulate.ts'],
  'aws-files': ['index.ts'],
  catalog: ['index.ts', 'aws-catalog.json', 'aws-managed-policies.generated.ts'],
};

/** Every relative import of a file, resolved to a path under the repository (`.js` read as its `.ts`). */
function relativeImports(file: string): string[] {
  const code = readFileSync(file, 'utf8').replace(LEXEME, (lexeme) => (lexeme.startsWith('/') ? ' ' : lexeme));
  const targets: string[] = [];
  for (const match of code.matchAll(SPECIFIER)) {
    const specifier = match[2] ?? match[4] ?? match[6] ?? '';
    if (!specifier.startsWith('.')) continue;
    targets.push(path.resolve(path.dirname(file), specifier).replace(/\.js$/, '.ts'));
  }
  return targets;
}

/** What is wrong with `file`'s imports under {@link ALLOWED} and {@link PUBLIC}, one line each. */
function layerViolations(file: string): string[] {
  const from = layerOf(file);
  const violations: string[] = [];
  for (const target of relativeImports(file)) {
    const shown = path.relative(ROOT, target);
    if (!shown.startsWith(`src${path.sep}`)) {
      if (shown !== 'package.json') violations.push(`imports ${shown}, outside src/`);
      continue;
    }
    const to = layerOf(target);
    if (to === from) continue;
    if (!(ALLOWED[from] ?? []).includes(to)) violations.push(`${from} may not import ${to} (${shown})`);
    const surface = PUBLIC[to];
    if (surface && !surface.includes(path.basename(target))) {
      violations.push(`imports ${shown} past the public surface of src/${to}/ (${surface.join(', ')})`);
    }
  }
  return violations;
}

const allSources = sourceFiles(path.join(ROOT, 'src'));

describe('the layers', () => {
  it('every file under src/ has a layer in the table', () => {
    const unknown = allSources.filter((file) => !(layerOf(path.join(ROOT, file)) in ALLOWED));
    expect(unknown).toEqual([]);
  });

  it.each(allSources)('%s imports only what its layer may', (file) => {
    expect(layerViolations(path.join(ROOT, file))).toEqual([]);
  });

  it('sees a violation when there is one', () => {
    // The rule is checked against real files above; these prove it can fail.
    const probe = (from: string, to: string) => (ALLOWED[from] ?? []).includes(to);
    expect(probe('sources', 'pipeline')).toBe(false);
    expect(probe('sources', 'config')).toBe(false);
    expect(probe('sources', 'checks')).toBe(false);
    expect(probe('checks', 'sources')).toBe(false);
    expect(probe('commands', 'action')).toBe(false);
    expect(probe('iam', 'model')).toBe(false);
    expect(layerViolations(path.join(ROOT, 'src/pipeline/run.ts'))).toEqual([]);
  });
});
