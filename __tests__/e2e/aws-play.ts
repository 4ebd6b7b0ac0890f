/**
 * Plays AWS scenarios through the action (in process, or the committed dist/index.js for the smoke tests), in either
 * mode, and puts what they wrote into the forms the assertions compare: reports without their timestamps, stderr
 * without the AWS SDK's notice about node 20 (this repository's engines floor; the runner's node 24 never prints
 * it), and the artifacts the leak scan reads.
 */
import type { Report } from '../../src/report/model.js';
import type { OidcIssuer } from '../fixtures/oidc-issuer.js';
import { type AwsScenario, createAwsWorld, type Played } from './aws-world.js';
import { type ActionRun, actionDefaults, runAction } from './harness.js';
import { withoutMaskCommands } from './leaks.js';

/** The action's `mode` input. */
export type Mode = 'enforce' | 'report';

const DEFAULTS = actionDefaults();

/** How the action is run: {@link runAction} (in process) or `spawnAction` (dist/index.js). */
export type ActionRunner = (
  inputs: Record<string, string>,
  env: Readonly<Record<string, string>>,
) => Promise<ActionRun>;

/** Prepares `scenario` in a world of its own, runs the action once in `mode`, and closes the world. */
export async function play(
  issuer: OidcIssuer,
  scenario: AwsScenario,
  mode: Mode,
  runner: ActionRunner = runAction,
): Promise<Played> {
  const world = createAwsWorld(issuer);
  try {
    const prepared = await scenario.prepare(world);
    const inputs = { ...DEFAULTS, ...prepared.inputs, mode };
    const run = await runner(inputs, prepared.env);
    const aws = await world.close();
    return { inputs, run, aws, secrets: world.secrets(), mustMask: world.mustMask() };
  } catch (error) {
    await world.close();
    throw error;
  }
}

/** A value, or the error that came instead. */
export type Outcome<R> = { readonly ok: true; readonly value: R } | { readonly ok: false; readonly error: unknown };

/** Runs `work` over `items`, `limit` at a time, keeping each item's result or error in place. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<Outcome<R>[]> {
  const results: Outcome<R>[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      try {
        results[i] = { ok: true, value: await work(items[i] as T) };
      } catch (error) {
        results[i] = { ok: false, error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * The AWS SDK's NodeVersionSupportWarning (emitted on node < 22 once a live call loads the SDK): the only stderr a
 * run may have on node 20. Anything else on stderr still fails the scenario.
 */
export function withoutSdkNodeWarning(stderr: string): string {
  return stderr.replace(
    /^\(node:\d+\) Warning: NodeVersionSupportWarning: The AWS SDK for JavaScript \(v3\)\n[\s\S]*?--trace-warnings[^\n]*\n/m,
    '',
  );
}

/** Instants and relative times (`in 4m59s`, `5 minutes ago`, `now`): what differs between two runs of one scenario. */
const TIMES = [
  /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g,
  /\b1\d{9}\b/g,
  /\b(in )?(\d+[hms])+( ago)?\b/g,
  /\b(in )?\d+ (hours?|minutes?|seconds?)( ago)?\b/g,
  /\bnow\b/g,
];

/** The report as text, without what a second run of the same scenario changes: its mode and the times. */
export function comparable(report: Report): string {
  const { generatedAt: _at, mode: _mode, ...rest } = report;
  // Request ids differ between any two runs (the loopback server numbers requests in arrival order, and
  // concurrent reads arrive in either order), as AWS's do.
  const text = JSON.stringify(rest, null, 1).replace(
    /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g,
    '<request-id>',
  );
  return TIMES.reduce((out, pattern) => out.replace(pattern, '<time>'), text);
}

/** Everything a run wrote that a person or a later step can read, by name. */
export function artifactsOf(played: Played, label: string): Record<string, string> {
  const { run } = played;
  return {
    [`${label} / stdout`]: withoutMaskCommands(run.stdout),
    [`${label} / stderr`]: run.stderr,
    [`${label} / step summary`]: run.summary,
    [`${label} / outputs file`]: run.outputFile,
    [`${label} / JSON report`]: run.reportText ?? '',
  };
}
