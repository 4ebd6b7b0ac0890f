/**
 * The pure core stays pure: nothing under src/iam/ (nor src/tokens/, src/checks/ once they exist) may import the
 * runner, the AWS SDK or node's I/O modules, or touch `process`. A grep, not a lint rule, so it holds whatever the
 * linter is (STYLE.md §3, rule 1). Type-only imports count too: they couple the core to the package all the same.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PURE_DIRS = ['src/iam', 'src/tokens', 'src/checks', 'src/catalog', 'src/text'];

const IO_MODULES = ['fs', 'fs/promises', 'http', 'https', 'http2', 'net', 'tls', 'dgram', 'dns', 'child_process'];
const FORBIDDEN_MODULE = new RegExp(
  `^(@actions/|@aws-sdk/|@smithy/|(node:)?(${IO_MODULES.map((m) => m.replace('/', '\\/')).join('|')})$)`,
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
