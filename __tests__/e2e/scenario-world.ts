/**
 * The world of one token scenario: the loopback servers it starts (over one shared issuer), the tokens it hands to
 * the action, and the shapes of a scenario and of what it must end in. The scenarios are in scenarios-github.ts and
 * scenarios-bearer.ts; token-scenarios.ts lists them all.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { JWK } from 'jose';
import { type ActionsTokenServer, type GitHubRun, startActionsTokenServer } from '../fixtures/actions-token-server.js';
import { closeServer, listenOnLoopback } from '../fixtures/loopback.js';
import { type OidcIssuer, type OidcIssuerOptions, send, startOidcIssuer } from '../fixtures/oidc-issuer.js';
import type { ActionRun } from './harness.js';

/** [decision point, class, status] of one finding. */
export type FindingShape = readonly [string, string, 'pass' | 'fail' | 'unverified'];

/** What a run must end in. */
export interface Expected {
  readonly status: 0 | 1;
  readonly result: 'pass' | 'fail';
  /** Every finding of the report, in order; absent when the run writes no report (bad configuration). */
  readonly findings?: readonly FindingShape[];
  /** Text the job summary must hold: the explanation and the fix. */
  readonly summary?: readonly string[];
  /** Text stdout must hold (error annotations). */
  readonly stdout?: readonly string[];
}

/** One run: action inputs, runner variables, and the same expectations as decode flags. */
export interface Prepared {
  readonly inputs: Readonly<Record<string, string>>;
  readonly env: Readonly<Record<string, string>>;
  readonly decodeArgs?: readonly string[];
  /** Extra assertions on the run (key fetches and the like). */
  readonly check?: (run: ActionRun) => void;
}

/** One end-to-end token scenario. */
export interface Scenario {
  readonly name: string;
  readonly expected: Expected;
  prepare(world: World): Promise<Prepared>;
}

/** A token handed to the action, and whether the action reads it (and so must mask it). */
export interface HandedToken {
  readonly token: string;
  readonly read: boolean;
}

/** The servers and tokens of one scenario; `issuer` is shared by all and only mints. */
export interface World {
  readonly issuer: OidcIssuer;
  /** Seconds since the epoch. */
  now(): number;
  actionsTokenServer(
    run: GitHubRun,
    options?: { issuer?: OidcIssuer; now?: () => number; lifetimeSeconds?: number },
  ): Promise<ActionsTokenServer>;
  /** An issuer of this scenario only (for one that misbehaves or rotates). */
  startIssuer(options?: OidcIssuerOptions): Promise<OidcIssuer>;
  /** Registers a token the scenario made, so the leak test searches for it. */
  bearer(token: string, read?: boolean): string;
  /** Registers another secret (a client secret) the run must not print. */
  secret(value: string): string;
  /** Every token handed to the action so far: the Actions token server's and the bearer ones. */
  tokens(): HandedToken[];
  secrets(): string[];
  /** Registers a server to close with the world. */
  onClose(close: () => Promise<void>): void;
  close(): Promise<void>;
}

/** Creates the world of one scenario over the shared issuer. */
export function createWorld(issuer: OidcIssuer): World {
  const servers: ActionsTokenServer[] = [];
  const bearers: HandedToken[] = [];
  const others: string[] = [];
  const closers: (() => Promise<void>)[] = [];
  return {
    issuer,
    now: () => Math.floor(Date.now() / 1000),
    async actionsTokenServer(run, options = {}) {
      const server = await startActionsTokenServer({ issuer, run, ...options });
      servers.push(server);
      closers.push(() => server.close());
      others.push(server.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
      return server;
    },
    async startIssuer(options = {}) {
      const own = await startOidcIssuer({ algs: ['ES256'], ...options });
      closers.push(() => own.close());
      return own;
    },
    bearer(token, read = true) {
      bearers.push({ token, read });
      return token;
    },
    secret(value) {
      others.push(value);
      return value;
    },
    tokens: () => [...servers.flatMap((s) => s.issued.map((token) => ({ token, read: true }))), ...bearers],
    secrets() {
      return [...this.tokens().map((t) => t.token), ...others];
    },
    onClose(close) {
      closers.push(close);
    },
    async close() {
      await Promise.all(closers.splice(0).map((close) => close()));
    },
  };
}

/** A JWKS endpoint that serves `stale` first and `fresh()` from then on: an issuer that rotated after our first look. */
export async function rotatingJwks(
  world: World,
  stale: JWK[],
  fresh: () => JWK[],
): Promise<{ url: string; requests: () => number }> {
  let requests = 0;
  const server = createServer((_req, res) => {
    requests++;
    send(res, 200, { keys: requests === 1 ? stale : fresh() });
  });
  const base = await listenOnLoopback(server);
  world.onClose(() => closeServer(server));
  return { url: `${base}/jwks`, requests: () => requests };
}

/** Writes a file that is removed with the world. */
export function writeTemp(world: World, path: string, content: string): string {
  writeFileSync(path, content);
  world.onClose(async () => rmSync(path, { force: true }));
  return path;
}
