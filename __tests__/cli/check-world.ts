/**
 * What the `check` tests share: the demo issuer's key set on a loopback port, GitHub-shaped tokens signed with the
 * committed demo key (examples/site/demo-issuer/, a key that protects nothing), and temporary copies of the example.
 */
import { cpSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { importJWK, type JWK, type JWTPayload, SignJWT } from 'jose';
import { closeServer, listenOnLoopback } from '../fixtures/loopback.js';
import { ROOT } from '../fixtures/processes.js';
import { tempDir, writeFiles } from '../fixtures/temp-files.js';

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
  const server = createServer((req, res) => {
    if (req.url === '/jwks.json') res.writeHead(200, { 'content-type': 'application/json' }).end(jwks);
    else res.writeHead(404).end();
  });
  return { url: `${await listenOnLoopback(server)}/jwks.json`, close: () => closeServer(server) };
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

/** A copy of examples/site to change, with `edit` applied to its files (path relative to the copy → new text). */
export function copyExample(edit: (read: (file: string) => string) => Record<string, string> = () => ({})): string {
  const dir = tempDir();
  cpSync(SITE, dir, { recursive: true });
  return writeFiles(
    dir,
    edit((file) => readFileSync(path.join(dir, file), 'utf8')),
  );
}

/** Whether `text` holds the token or any dot-separated part of it long enough to matter. */
export function leaks(text: string, token: string): boolean {
  return [token, ...token.split('.')].some((part) => part.length >= 8 && text.includes(part));
}
