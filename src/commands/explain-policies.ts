/**
 * `explain --policies DIR`: each AWS denial whose log line names the action, the resource and the role is checked
 * again, offline, by the preflight's own permission check (src/checks/permissions.ts, through the same pipeline
 * `check` runs) against the policy folder, as if its permission line were in the configuration. The check's finding
 * names the deciding statement, its file and line; when a statement of the files allows the call, the layer that
 * refused it is one the folder does not hold. A folder that gives nothing about the call (empty, every file broken or
 * not an AWS output, the role in none of them) decides nothing: its file problems are reported, unverified, and the
 * files are never said to allow what they do not contain. The configuration file in the folder the CLI runs in, when there is one, is read as
 * `check` reads it (organizations, resource policies and session settings come from it).
 */
import { REGION_NAME } from '../config/aws.js';
import { LAYERS_TO_CHECK } from '../diagnose/aws.js';
import { declaredRefusedBy } from '../diagnose/index.js';
import type { Finding } from '../model/finding.js';
import { loadPreflightConfig } from '../pipeline/load-config.js';
import { runPreflight } from '../pipeline/run.js';
import type { CliIO } from './cli-io.js';

/** The layers a permission check reports at: those a denial may come from (src/diagnose/aws.ts). */
const PERMISSION_POINTS: ReadonlySet<string> = new Set(LAYERS_TO_CHECK);

/** The region the resource ARN names (S3's and global services' name none: the configuration's, if any, applies). */
function regionOf(resource: string): string | undefined {
  const region = resource.split(':')[3];
  return region && REGION_NAME.test(region) ? region : undefined;
}

/**
 * What the preflight's permission check says of `permission` for `role` with the policy folder `dir`, and whether a
 * statement of the files refuses the call (a failing permission finding).
 */
async function decision(
  permission: string,
  role: string,
  dir: string,
  io: CliIO,
): Promise<{ readonly text: string; readonly refused: boolean }> {
  const text = (t: string) => ({ text: t, refused: false });
  const region = regionOf(permission.split(' ')[1] ?? '*');
  const inputs: Readonly<Record<string, string>> = {
    'role-to-assume': role,
    permissions: permission,
    'policy-files': dir,
    'github-oidc': 'false',
    ...(region ? { 'aws-region': region } : {}),
    mode: 'report',
  };
  const read = await loadPreflightConfig({ getInput: (name) => inputs[name] ?? '', env: {}, cwd: io.cwd });
  if (!read.ok) return text(`not checked: ${read.errors.map((e) => e.message).join('; ')}`);
  const findings = await runPreflight(read.config, {
    env: {},
    mask: () => {},
    log: () => {},
    group: (_name, fn) => fn(),
    cwd: io.cwd,
    now: () => Math.floor(Date.now() / 1000),
  });
  const relevant = findings.filter((f) => PERMISSION_POINTS.has(f.decisionPoint) && f.status !== 'pass');
  const problems = findings.filter(fileProblem);
  const problemsText = problems.length > 0 ? ` File problems (unverified): ${problems.map(describe).join(' ')}` : '';
  if (relevant.length > 0)
    return {
      text: `${relevant.map(describe).join(' ')}${problemsText}`,
      refused: relevant.some((f) => f.status === 'fail'),
    };
  // "Allowed" only from a statement the files hold: a folder not read (empty, broken, or without the role) decides
  // nothing, and each of its file problems is unverified (docs/policy-folder.md, "What becomes a finding").
  const allowed = findings.some((f) => PERMISSION_POINTS.has(f.decisionPoint) && f.status === 'pass');
  if (!allowed) return text(`not decided: the policy files in ${dir} do not give the role's policies.${problemsText}`);
  return text(
    problems.length > 0
      ? `the policy files read in ${dir} allow it, but not every file was read, and one not read may hold the statement that refused it.${problemsText}`
      : `the policy files in ${dir} allow it: the layer that refused it is not in them (or has changed since they were exported)`,
  );
}

/**
 * A problem of the folder itself, not of the call: a file not read or not understood (the policy folder's findings
 * are at `config`, docs/policy-folder.md §3), or the role in none of the files (src/pipeline/aws.ts, roleUnknown).
 */
function fileProblem(f: Finding): boolean {
  if (f.status === 'pass') return false;
  return f.decisionPoint === 'config' || f.id.endsWith(':role-unknown');
}

function describe(f: Finding): string {
  const where = f.location ? ` (${f.location.file}${f.location.line ? `:${f.location.line}` : ''})` : '';
  return `${f.class} at ${f.decisionPoint}${where}: ${f.message}`;
}

/** Distinct (role, permission line) pairs checked against the folder; the rest say they were not. */
export const MAX_DECIDED = 20;

/** Whether the finding names a permission line and a role the folder can be asked about. */
function askable(f: Finding): { permission: string; role: string } | undefined {
  const { permission, role } = f.evidence;
  if (typeof permission !== 'string' || typeof role !== 'string') return undefined;
  return /^arn:aws[a-z-]*:iam::\d{12}:role\//.test(role) ? { permission, role } : undefined;
}

/**
 * Why a denial with a permission line is not checked against the folder: the role it was refused to is not known from
 * the log (a runner masks the account id as `***`; an ARN's account is 12 digits,
 * https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-identifiers.html), so no file can be matched to it.
 * Undefined for a finding without a permission line (nothing to ask).
 */
function notAskable(f: Finding): string | undefined {
  const { permission, principal } = f.evidence;
  if (typeof permission !== 'string') return undefined;
  if (typeof principal !== 'string')
    return 'not decided: the log does not name the role that was refused, so no policy file can be matched to it.';
  return /:(?:assumed-role|role)\//.test(principal)
    ? `not decided: the role's account is not known from the log (${principal} does not give it as 12 digits; a runner shows a masked one as \`***\`), so no policy file can be matched to the role.`
    : `not decided: the refused principal ${principal} is not a role; the policy files are checked for a role's policies only.`;
}

/** The findings, each AWS denial with a permission line and a role given what the policy folder decides. */
export async function decideWithPolicies(findings: readonly Finding[], dir: string, io: CliIO): Promise<Finding[]> {
  const decided = new Map<string, { readonly text: string; readonly refused: boolean }>();
  const out: Finding[] = [];
  for (const f of findings) {
    const ask = askable(f);
    if (!ask) {
      const why = notAskable(f);
      out.push(why === undefined ? f : { ...f, evidence: { ...f.evidence, deciding: why } });
      continue;
    }
    const key = `${ask.role} ${ask.permission}`;
    let deciding = decided.get(key);
    if (deciding === undefined) {
      deciding =
        decided.size < MAX_DECIDED
          ? await decision(ask.permission, ask.role, dir, io)
          : {
              text: `not checked: only the first ${MAX_DECIDED} permission lines are checked against the policy files`,
              refused: false,
            };
      decided.set(key, deciding);
    }
    const withDeciding = { ...f, evidence: { ...f.evidence, deciding: deciding.text } };
    out.push(deciding.refused ? declaredRefusedBy(withDeciding, dir) : withDeciding);
  }
  return out;
}
