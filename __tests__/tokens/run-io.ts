/**
 * The action's `run(io)` in process, for the token scenarios of this folder and __tests__/config/: a fake ActionIO
 * that records what the step would show, and a fake fetch that serves an issuer's discovery document and key set
 * and records every URL asked for.
 */
import { type ActionIO, renderMessage } from '../../src/io.js';
import { run } from '../../src/main.js';
import type { Report } from '../../src/report/model.js';
import type { FetchLike } from '../../src/sources/http.js';
import { jwksOf, NOW, type TestKey } from './mint.js';

/** What a run showed. */
export interface Seen {
  readonly outputs: Record<string, string>;
  readonly failed: string[];
  readonly errors: string[];
  /** The JSON report, when one was written. */
  readonly report?: Report;
  /** Every URL fetched, in order. */
  readonly fetched: string[];
}

/** Issuers the fake network knows: issuer URL → its keys. Discovery names `<issuer>/jwks`. */
export type Network = Readonly<Record<string, readonly TestKey[]>>;

/** Other URLs the fake network answers, with a JSON body (an introspection endpoint, say). */
export type Routes = Readonly<Record<string, unknown>>;

function fakeFetch(network: Network, routes: Routes, fetched: string[]): FetchLike {
  return async (input) => {
    fetched.push(input);
    const json = (body: unknown) =>
      new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    if (Object.hasOwn(routes, input)) return json(routes[input]);
    for (const [issuer, keys] of Object.entries(network)) {
      if (input === `${issuer}/.well-known/openid-configuration`) return json({ issuer, jwks_uri: `${issuer}/jwks` });
      if (input === `${issuer}/jwks`) return json(jwksOf(...keys));
    }
    return new Response('not found', { status: 404 });
  };
}

/** Runs the action with these inputs and environment at {@link NOW}, against the fake network. */
export async function runAction(
  inputs: Record<string, string>,
  env: Record<string, string> = {},
  network: Network = {},
  routes: Routes = {},
): Promise<Seen> {
  const outputs: Record<string, string> = {};
  const failed: string[] = [];
  const errors: string[] = [];
  const files: Record<string, string> = {};
  const fetched: string[] = [];
  const io: ActionIO = {
    getInput: (name) => inputs[name] ?? '',
    setOutput: (name, value) => {
      outputs[name] = value;
    },
    summary: async () => undefined,
    info: () => undefined,
    debug: () => undefined,
    error: (message) => errors.push(renderMessage(message)),
    group: (_name, fn) => fn(),
    setSecret: () => undefined,
    setFailed: (message) => failed.push(renderMessage(message)),
    env: { RUNNER_TEMP: '/runner-temp', ...env },
    writeFile: async (path, content) => {
      files[path] = content;
    },
  };
  await run(io, { fetch: fakeFetch(network, routes, fetched), now: () => new Date(NOW * 1000) });
  const written = outputs.report ? files[outputs.report] : undefined;
  return { outputs, failed, errors, fetched, ...(written ? { report: JSON.parse(written) as Report } : {}) };
}

/** Each finding as [class, status, decision point]. */
export const classes = (seen: Seen) => seen.report?.findings.map((f) => [f.class, f.status, f.decisionPoint]);
