/**
 * `permission-preflight simulate`: decides each case of an input file and prints the results.
 */
import { parseArgs } from 'node:util';
import type { ExplainLevel } from '../iam/index.js';
import { parseSimulateInput, simulateCase } from '../iam/simulate.js';
import { renderSimulateText } from '../report/simulate-text.js';
import { InputFileError } from '../sources/files.js';
import type { CliIO, Command } from './cli-io.js';
import { readJsonInput } from './input.js';

const USAGE = `Usage: permission-preflight simulate --input FILE [--format json|text] [--explain decision|full]

Decides AWS IAM requests offline, as AWS's policy evaluation logic would, and explains each decision.

Options:
  --input FILE     One case, or {"cases": [case, ...]}. "-" reads standard input.
  --format FORMAT  json (default): an array with one {decision, explanation} per case.
                   text: a readable report.
  --explain LEVEL  decision (default): the deciding layer and statements.
                   full: also every statement of every layer and why it did not match.

A case: {"request": {"principal", "action", "resource", "resourceAccount", "context"},
         "identityPolicies": [...], "permissionsBoundary", "sessionPolicy",
         "scps": [[level 0 policies], ...], "rcps": [[...]], "resourcePolicy"}
The context is complete and literal: no key is derived that the case does not give.
"resourceAccount" is the account that owns the resource: give it for an S3 ARN, which names none; without it, a
request the owner decides (an identity Allow the bucket policy does not grant) is "unknown".
A key given twice in one object is bad input: JSON keeps the last, and the first is lost.

Exit codes: 0 every case was evaluated (whatever the decisions); 2 bad input.

Examples:
  permission-preflight simulate --input examples/simulate/deploy.json --format text
  cat case.json | permission-preflight simulate --input -
`;

async function run(args: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { input: { type: 'string' }, format: { type: 'string' }, explain: { type: 'string' } },
    strict: true,
    allowPositionals: false,
  });
  if (!values.input) throw new InputFileError('--input is required');
  const format = values.format ?? 'json';
  if (format !== 'json' && format !== 'text')
    throw new InputFileError(`--format must be json or text, got "${format}"`);
  const explain = values.explain ?? 'decision';
  if (explain !== 'decision' && explain !== 'full') {
    throw new InputFileError(`--explain must be decision or full, got "${explain}"`);
  }
  const input = parseSimulateInput(
    // A key given twice is refused, as the policy folders report it (duplicate-key): the first would be lost.
    await readJsonInput(values.input, io, { uniqueKeys: true }),
    values.input === '-' ? undefined : values.input,
  );
  if (!input.ok) {
    const shown = input.errors.slice(0, 50).map((e) => `  ${e.message}`);
    const more = input.errors.length > 50 ? [`  ... and ${input.errors.length - 50} more`] : [];
    io.stderr(`permission-preflight simulate: invalid input ${values.input}:\n${[...shown, ...more].join('\n')}\n`);
    return 2;
  }
  // RCPs restrict only the actions of the services that support them (src/catalog `rcpExemption`), as in `check`.
  const { loadCatalog } = await import('../sources/catalog.js');
  const { rcpExemption } = await import('../catalog/index.js');
  const catalog = await loadCatalog();
  const rcpExempt = (action: string) => rcpExemption(catalog, action);
  const results = input.cases.map((c) => simulateCase(c, { explain: explain as ExplainLevel, rcpExempt }));
  if (format === 'text') io.stdout(renderSimulateText(input.cases, results));
  else {
    const out = results.map((r, i) => ({ ...(input.cases[i]?.name ? { name: input.cases[i]?.name } : {}), ...r }));
    io.stdout(`${JSON.stringify(out, null, 2)}\n`);
  }
  return 0;
}

/** The simulate command. */
export const simulateCommand: Command = { usage: USAGE, run };
