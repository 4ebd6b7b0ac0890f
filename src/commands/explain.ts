/**
 * `permission-preflight explain LOG`: reads a failed job's log (a file, or standard input for `-`) and explains every
 * 401 and 403 in it with the preflight's classes and decision points (src/diagnose/). With `--policies DIR`, each AWS
 * denial that names its action, resource and role is run through the preflight's own permission check against the
 * policy folder, which names the deciding statement.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createLogScanner } from '../diagnose/index.js';
import {
  type Explanation,
  explainResult,
  explanationOf,
  renderExplainMarkdown,
  renderExplainText,
} from '../report/explain.js';
import { InputFileError } from '../sources/files.js';
import { openLogFile, readLogLines } from '../sources/github-logs.js';
import { formatConfigErrors } from './check-config.js';
import type { CliIO, Command } from './cli-io.js';
import { stdinBytes } from './input.js';

const USAGE = `Usage: permission-preflight explain LOG [--format text|markdown|json] [--policies DIR] [--config FILE]

Reads a failed job's log and explains every 401 and 403 in it: AWS's access-denied messages (the layer
they name), STS's refusals of the OIDC token and the session, GitHub's token permissions, and plain
HTTP failures as npm, docker, git, curl, gh and Terraform print them. Each is a finding of the same
classes and decision points as the preflight, with its line, the likely cause and the fix; where the
log names the action, the resource and the role, the permission line that would have caught it.

Arguments:
  LOG              The log file (a downloaded job log, timestamps and all); "-" reads standard input.

Options:
  --format FORMAT  text (default), markdown (as the job summary), or json (the findings).
  --policies DIR   A policy folder (docs/policy-folder.md): each denial with a permission line is
                   checked against it, naming the statement that decides it.
  --config FILE    The configuration (default .github/preflight.yml, when it exists): a denial whose
                   call a permission line there already covers is said to be declared, with the line,
                   instead of proposing the line again.

Reads at most 50 MiB of a log (its first 10 MiB and its last 40 MiB), each line's first and last 8 KiB,
and keeps the first 50 distinct failures (the rest are counted).
Exit codes: 0 no 401 or 403 found in a log read in full; 1 some found, or a part of the log not read;
2 bad input.

Examples:
  gh run view --log-failed --job 123 > job.log && permission-preflight explain job.log
  permission-preflight explain job.log --policies policies/ --format markdown
`;

/** Reads the log given as `file` through the scanner. */
async function scanLog(file: string, io: CliIO): Promise<Explanation> {
  const scanner = createLogScanner();
  let chunks: AsyncIterable<Uint8Array | string>;
  if (file === '-') chunks = stdinBytes(io.stdin);
  else {
    try {
      chunks = await openLogFile(path.resolve(io.cwd, file));
    } catch (error) {
      const why = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : 'cannot be read';
      throw new InputFileError(`the log ${file} ${why}`);
    }
  }
  const read = await readLogLines(chunks, (line, cut) => scanner.push(line, cut), {
    onSkip: (lines) => scanner.skip(lines),
  });
  return explanationOf(file === '-' ? 'standard input' : file, scanner.finish(), read);
}

async function run(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { format: { type: 'string' }, policies: { type: 'string' }, config: { type: 'string' } },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length !== 1) throw new InputFileError('give one LOG: a file, or - for standard input');
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'markdown' && format !== 'json') {
    throw new InputFileError(`--format must be text, markdown or json, got "${format}"`);
  }
  let explanation = await scanLog(positionals[0] as string, io);
  const { markDeclared } = await import('../pipeline/explain-declared.js');
  const declared = await markDeclared(explanation.findings, { given: values.config, env: io.env, cwd: io.cwd });
  if (!declared.ok) throw new InputFileError(`invalid configuration:\n${formatConfigErrors(declared.errors)}`);
  explanation = { ...explanation, findings: declared.findings };
  if (values.policies !== undefined) {
    const { decideWithPolicies } = await import('./explain-policies.js');
    explanation = { ...explanation, findings: await decideWithPolicies(explanation.findings, values.policies, io) };
  }
  if (format === 'json') io.stdout(`${JSON.stringify(explanation, null, 2)}\n`);
  else if (format === 'markdown') io.stdout(renderExplainMarkdown(explanation));
  else io.stdout(renderExplainText(explanation));
  // A log not read in full is never a clean result (docs/explain.md, "Bounds and secrets").
  return explainResult(explanation) === 'pass' ? 0 : 1;
}

/** The explain command. */
export const explainCommand: Command = { usage: USAGE, run };
