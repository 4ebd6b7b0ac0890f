/**
 * A failed log's findings against the configuration (`explain`'s default .github/preflight.yml or `--config FILE`;
 * the action's `config` input in `mode: explain`): a denial whose call a
 * permission line already declares (the same action, a resource the line's pattern matches, for the role the log
 * names) is said to be declared, with the line and where it is, instead of proposing the line again
 * (src/diagnose/permission-line.ts `withDeclaredLine`). No configuration: the findings as they are.
 */

import type { ConfigError } from '../config/tokens.js';
import { type DeclaredLine, withDeclaredLine } from '../diagnose/index.js';
import { matchGlob } from '../iam/glob.js';
import type { RequiredPermission } from '../model/aws.js';
import type { Finding } from '../model/finding.js';
import { loadPreflightConfig } from './load-config.js';

/** The roles' declared lines, every environment's too (a deploy may run in any of them). */
interface RoleLines {
  readonly roleArn: string;
  readonly lines: readonly RequiredPermission[];
}

/** Where the configuration is: `given` (a flag or input; empty or absent: the default), from `cwd` or the workspace. */
export interface DeclaredOptions {
  readonly given?: string | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

/**
 * The findings, each one whose call the configuration declares saying so; the configuration's errors when one was
 * given and cannot be read (the default one, when it cannot be, only leaves the lines proposed).
 */
export async function markDeclared(
  findings: readonly Finding[],
  options: DeclaredOptions,
): Promise<
  { readonly ok: true; readonly findings: Finding[] } | { readonly ok: false; readonly errors: ConfigError[] }
> {
  if (!findings.some((f) => typeof f.evidence.permission === 'string')) return { ok: true, findings: [...findings] };
  const given = options.given ?? '';
  const loaded = await loadPreflightConfig({
    getInput: (name) => (name === 'config' ? given : ''),
    env: options.env,
    cwd: options.cwd,
  });
  if (!loaded.ok) return given !== '' ? loaded : { ok: true, findings: [...findings] };
  const roles: RoleLines[] = loaded.config.roles.map((r) => ({
    roleArn: r.settings.roleArn,
    lines: [...r.permissions, ...Object.values(r.environments ?? {}).flat()],
  }));
  return {
    ok: true,
    findings: findings.map((f) => {
      const declared = declaredFor(f, roles);
      return declared ? withDeclaredLine(f, declared) : f;
    }),
  };
}

/** The first declared line that covers the finding's call, for the role the log names (any role when it names none). */
function declaredFor(f: Finding, roles: readonly RoleLines[]): DeclaredLine | undefined {
  const { action, resource, role } = f.evidence;
  if (typeof action !== 'string' || typeof resource !== 'string') return undefined;
  for (const r of roles) {
    if (typeof role === 'string' && r.roleArn !== role) continue;
    // Action names compare case-insensitively, resources as written
    // (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html).
    const line = r.lines.find(
      (p) => matchGlob(p.action.toLowerCase(), action.toLowerCase()) && matchGlob(p.resource, resource),
    );
    if (line) return { line: `${line.action} ${line.resource}`, origin: line.origin, role: r.roleArn };
  }
  return undefined;
}
