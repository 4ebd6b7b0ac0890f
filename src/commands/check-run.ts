/**
 * The work of `permission-preflight check`, loaded only when it runs: the configuration file, the shared preflight
 * pipeline (`runPreflight`, as the action runs it) with a terminal as its host, then the report in the asked format.
 * Fail closed as the action does: a thrown value becomes an unverified finding, and the exit code is 0 only for a
 * passing report (or report mode). Every secret the run sees goes to one redactor that every output passes through.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { PreflightConfig } from '../config/model.js';
import { type Finding, finding } from '../model/finding.js';
import { VERSION } from '../model/product.js';
import { applyBaseline, createObserver } from '../pipeline/drift.js';
import type { PreflightHost } from '../pipeline/run.js';
import { runPreflight } from '../pipeline/run.js';
import type { GitHubIdTokenSource } from '../pipeline/tokens.js';
import { buildReport } from '../report/model.js';
import { createRedactor, type Redactor } from '../report/redact.js';
import { renderSummary } from '../report/summary.js';
import { InputFileError } from '../sources/files.js';
import { readRunnerFacts } from '../sources/runner.js';
import { readToken } from '../sources/token-input.js';
import { describeThrown } from '../text/thrown.js';
import { GITHUB_OIDC_DOCS } from '../tokens/github.js';
import type { CheckFlags } from './check.js';
import { formatConfigErrors } from './check-config.js';
import { renderCheckText } from './check-text.js';

/** Where the command reads and writes: the process, or a test's fakes. */
export interface CheckIO {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The folder relative paths are read from (the repository root, as the action's workspace). */
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Colour in the text report: stdout is a terminal and NO_COLOR is not set. */
  readonly color: boolean;
  readonly now?: () => Date;
}

const NAME = 'permission-preflight check';

/**
 * GitHub's OIDC token in the CLI: the saved token when one is given; inside an Actions job, the Actions endpoint
 * as the action asks it (undefined: the pipeline's default); anywhere else, a finding that there is none.
 */
export function cliGitHubIdToken(
  saved: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): GitHubIdTokenSource | undefined {
  if (saved !== undefined) return async () => ({ ok: true, token: saved });
  if (env.GITHUB_ACTIONS === 'true') return undefined;
  return async (spec) => ({
    ok: false,
    finding: finding('missing-token', {
      id: `token:${spec.name}:missing-token`,
      subject: `GitHub OIDC token "${spec.name}"`,
      status: 'unverified',
      message:
        'Outside GitHub Actions there is no Actions ID token endpoint, so there is no GitHub OIDC token to check: ' +
        'the token, and the role trust that is evaluated against its claims, could not be verified (fail closed).',
      evidence: {
        audience: spec.source.kind === 'github-oidc' ? spec.source.audience : '',
        'oidc-token-file': 'not given',
      },
      fix:
        'Give a saved token with --oidc-token-file FILE (GitHub tokens expire within minutes, so use a fresh one), ' +
        'run the check in a workflow job with `permissions: id-token: write`, or set `github-oidc: { enabled: false }` ' +
        'in the configuration to check everything else.',
      docUrl: GITHUB_OIDC_DOCS.permissions,
    }),
  });
}

/** A thrown value as the one finding that says nothing could be verified past it. */
function thrownFinding(thrown: unknown): Finding {
  return finding('could-not-verify', {
    id: 'preflight:could-not-verify',
    subject: 'the preflight',
    decisionPoint: 'runner',
    status: 'unverified',
    message: `The preflight stopped before every check had run, so it could not verify: ${describeThrown(thrown)}.`,
    fix: 'Fix the cause named above and run the check again; if it names no cause, report it as a bug.',
  });
}

/** Reads the saved OIDC token; an unreadable file is bad usage. */
async function readSavedToken(file: string, io: CheckIO, redactor: Redactor): Promise<string | InputFileError> {
  const read = await readToken({ kind: 'file', path: path.resolve(io.cwd, file) }, io.env);
  if (!read.ok)
    return new InputFileError(`--oidc-token-file: ${read.reason.replace(path.resolve(io.cwd, file), file)}`);
  redactor.add(read.token);
  return read.token;
}

/** Loads and validates the configuration file; errors are printed, with file:line:column, and undefined returned. */
async function loadConfig(flags: CheckFlags, io: CheckIO): Promise<PreflightConfig | undefined> {
  const absolute = path.resolve(io.cwd, flags.config);
  try {
    const stats = await stat(absolute);
    if (stats.isDirectory()) throw Object.assign(new Error('a folder'), { code: 'EISDIR' });
    // Anything else that is not a file (a named pipe, a device) is refused by src/sources/files.ts, by its type.
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (code ?? 'unreadable');
    const hint = flags.configGiven ? '' : '. Run from the repository root, or give --config FILE';
    const which = flags.configGiven ? flags.config : `${flags.config} (the default)`;
    io.stderr(`${NAME}: cannot read the configuration ${which}: ${why}${hint}\n`);
    return undefined;
  }
  const { loadPreflightConfig } = await import('../pipeline/load-config.js');
  const loaded = await loadPreflightConfig({
    configPath: flags.config,
    getInput: (name: string) => flagInput(flags, name),
    env: io.env,
    cwd: io.cwd,
    reader: 'check',
  });
  if (!loaded.ok) {
    io.stderr(`${NAME}: invalid configuration:\n${formatConfigErrors(loaded.errors)}`);
    return undefined;
  }
  return loaded.config;
}

/**
 * The flags as the action's inputs: the CLI's flags take the place of `with:` and override the file, as inputs do.
 * Every other input is unset.
 */
function flagInput(flags: CheckFlags, name: string): string {
  if (name === 'mode') return flags.mode ?? '';
  if (name === 'oidc-jwks-url') return flags.oidcJwksUrl ?? '';
  if (name === 'environment') return flags.environment ?? '';
  if (name === 'config') return flags.config;
  if (name === 'allow-outside-workspace') return flags.allowOutsideWorkspace ? 'true' : '';
  if (name === 'baseline') return flags.baseline ?? '';
  // The CLI reads the workflows with its own command, `predict` (src/commands/predict.ts).
  if (name === 'workflows') return 'false';
  return '';
}

/** Runs the check and returns the exit code: 0 pass (or report mode), 1 a check failed or was not verified, 2 bad usage. */
export async function runCheck(flags: CheckFlags, io: CheckIO): Promise<number> {
  // Its streams are the CLI's, which make what goes through them inert (src/commands/cli.ts).
  const redactor = createRedactor();
  const now = io.now ?? (() => new Date());
  const saved = flags.oidcTokenFile === undefined ? undefined : await readSavedToken(flags.oidcTokenFile, io, redactor);
  if (saved instanceof InputFileError) {
    io.stderr(`${NAME}: ${saved.message}\n`);
    return 2;
  }
  const config = await loadConfig(flags, io);
  if (!config) return 2;
  if (saved !== undefined && !config.tokens.some((t) => t.source.kind === 'github-oidc')) {
    io.stderr(
      `${NAME}: --oidc-token-file is given, but ${flags.config} does not check GitHub's OIDC token (github-oidc is disabled)\n`,
    );
    return 2;
  }
  const githubIdToken = cliGitHubIdToken(saved, io.env);
  const observer = createObserver();
  const host: PreflightHost = {
    observe: observer.observe,
    env: io.env,
    mask: (secret) => redactor.add(secret),
    // The report shows every check; a line per check as well would only repeat it.
    log: () => undefined,
    group: (_name, fn) => fn(),
    cwd: io.cwd,
    runner: await readRunnerFacts(io.env),
    now: () => Math.floor(now().getTime() / 1000),
    ...(githubIdToken ? { githubIdToken } : {}),
  };
  let findings: Finding[];
  try {
    findings = await runPreflight(config, host);
  } catch (thrown: unknown) {
    // A policy file that cannot be read at all is a mistyped path in the configuration, not a finding.
    if (thrown instanceof InputFileError) {
      io.stderr(redactor.redact(`${NAME}: ${flags.config}: policy-files: ${thrown.message}\n`));
      return 2;
    }
    findings = [thrownFinding(thrown)];
  }
  const report = await applyBaseline(
    config,
    buildReport({ findings, mode: config.mode, version: VERSION, now: now() }),
    observer.seen(),
    {
      env: io.env,
      cwd: io.cwd,
      allowOutsideWorkspace: config.allowOutsideWorkspace === true,
      log: (line) => io.stderr(redactor.redact(`${line}\n`)),
      redact: (text) => redactor.redact(text),
    },
  );
  const text =
    flags.format === 'json'
      ? `${JSON.stringify(report, null, 2)}\n`
      : flags.format === 'markdown'
        ? renderSummary(report)
        : renderCheckText(report, {
            color: io.color,
            config: flags.config,
            ...(flags.environment ? { environment: flags.environment } : {}),
          });
  io.stdout(redactor.redact(text));
  return report.result === 'pass' || config.mode === 'report' ? 0 : 1;
}
