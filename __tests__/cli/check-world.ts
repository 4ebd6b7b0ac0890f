/**
 * What the `check` tests share: the demo issuer's key set on a loopback port, GitHub-shaped tokens signed with the
 * committed demo key (examples/site/demo-issuer/, a key that protects nothing), temporary copies of the example,
 * and `node dist/cli.js check` spawned in a chosen folder, as a person runs it.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importJWK, type JWK, type JWTPayload, SignJWT } from 'jose';
import type { ProcessRun } from '../e2e/harness.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CLI = path.join(ROOT, 'dist/cli.js');
export const SITE = path.join(ROOT, 'examples/site');
const ISSUER_DIR = path.join(SITE, 'demo-issuer');

/** The loopback server that publishes the demo issuer's JWKS. */
export interface DemoJwks {
  readonly url: string;
  close(): Promise<void>;
}

/** Serves examples/site/demo-issuer/jwks.json at `http://127.0.0.1:PORT/jwks.json`. */
export async function serveDemoJwks(): Promise<DemoJwks> {
  const jwks = readFileSync(path.join(ISSUER_DIR, 'jwks.json'), 'utf8');
  const server: Server = createServer((req, res) => {
    if (req.url === '/jwks.json') res.writeHead(200, { 'content-type': 'application/json' }).end(jwks);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/jwks.json`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const now = () => Math.floor(Date.now() / 1000);

/** The claims GitHub gives the example's jobs: a push to main of acme/site, in the production environment. */
export function githubClaims(overrides: JWTPayload = {}): JWTPayload {
  const t = now();
  return {
    sub: 'repo:acme/site:environment:production',
    aud: 'sts.amazonaws.com',
    iss: 'https://token.actions.githubusercontent.com',
    repository: 'acme/site',
    repository_owner: 'acme',
    ref: 'refs/heads/main',
    ref_type: 'branch',
    event_name: 'push',
    environment: 'production',
    workflow_ref: 'acme/site/.github/workflows/deploy.yml@refs/heads/main',
    job_workflow_ref: 'acme/site/.github/workflows/deploy.yml@refs/heads/main',
    runner_environment: 'github-hosted',
    iat: t,
    nbf: t - 300,
    exp: t + 300,
    ...overrides,
  };
}

/** Signs `claims` with the demo key. */
export async function mintDemoToken(claims: JWTPayload): Promise<string> {
  const jwk = JSON.parse(readFileSync(path.join(ISSUER_DIR, 'demo-signing-key.jwk.json'), 'utf8')) as JWK;
  const key = await importJWK(jwk, 'RS256');
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: jwk.kid ?? '' }).sign(key);
}

const dirs: string[] = [];

/** A fresh temporary folder, removed by {@link removeTempDirs}. */
export function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'preflight-check-'));
  dirs.push(dir);
  return dir;
}

/** Removes every folder {@link tempDir} made. */
export function removeTempDirs(): void {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A copy of examples/site to change, with `edit` applied to its files (path relative to the copy → new text). */
export function copyExample(edit: (read: (file: string) => string) => Record<string, string> = () => ({})): string {
  const dir = tempDir();
  cpSync(SITE, dir, { recursive: true });
  const read = (file: string) => readFileSync(path.join(dir, file), 'utf8');
  for (const [file, text] of Object.entries(edit(read))) writeFileSync(path.join(dir, file), text);
  return dir;
}

/** Writes a file and returns its path. */
export function writeFile(dir: string, name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

/** Runs `node dist/cli.js ...args` in `cwd` with only `env` (plus PATH) in its environment. */
export function runCli(args: readonly string[], cwd: string, env: Readonly<Record<string, string>> = {}) {
  return new Promise<ProcessRun>((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

/** Whether `text` holds the token or any dot-separated part of it long enough to matter. */
export function leaks(text: string, token: string): boolean {
  return [token, ...token.split('.')].some((part) => part.length >= 8 && text.includes(part));
}
