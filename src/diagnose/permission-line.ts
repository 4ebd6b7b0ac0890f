/**
 * The permission line that would have caught a denial before the deploy, in the configuration's line format
 * (`ACTION RESOURCE`, src/config/permissions.ts): written only when the log names both the action and a resource the
 * format accepts (an ARN with its six fields, or `*`), and the caller is not `anonymous` (a line that names no caller,
 * such as the AWS CLI's `upload failed: … s3://BUCKET/KEY`, ran with the job's credentials).
 */
import type { Finding } from '../model/finding.js';
import type { DeniedRequest } from './match.js';

const ACTION = /^[A-Za-z0-9-]+:[A-Za-z0-9*?_-]+$/;

/** `s3:PutObject arn:aws:s3:::bucket/key`, or nothing when the log does not name enough. */
export function permissionLine(request: DeniedRequest): string | undefined {
  const { action, resource, principal } = request;
  if (!resource || principal === 'anonymous' || !ACTION.test(action)) return undefined;
  const arn = resource.startsWith('arn:') && resource.split(':').length >= 6 && !/[\s"'#]/.test(resource);
  if (resource !== '*' && !arn) return undefined;
  return `${action} ${resource}`;
}

/** The fix's sentence that proposes the permission line (with the role the log names). */
export function catchSentence(permission: string, role: string | undefined): string {
  return `To catch it before the deploy, list \`${permission}\` in the role's \`permissions\` (.github/preflight.yml${role ? `, role ${role}` : ''}).`;
}

/** A line of the configuration that covers a denied call: the line as written, and where (`FILE:LINE:COLUMN`). */
export interface DeclaredLine {
  readonly line: string;
  readonly origin: string;
  readonly role: string;
}

/**
 * The finding with its fix saying that the configuration already declares a line covering the call, instead of
 * proposing it again: the preflight checks that call, so the deny comes from what it was not given or what changed.
 */
/** What a declared call's denial says of its cause while no policy file is known to refuse it. */
const LAYER_NOT_GIVEN =
  "the deny comes from a layer the preflight was not given or that changed since it passed. Give that layer to the preflight's policy files (docs/policy-folder.md) and run `permission-preflight check`, or compare with the last passing run (`permission-preflight diff`).";

/**
 * A declared call's denial once the policy files given to explain (`--policies DIR`) are found to refuse it too: the
 * cause is no longer a layer not given, but a statement in them, which a preflight run with them reports.
 */
export function declaredRefusedBy(f: Finding, dir: string): Finding {
  if (f.evidence.declared === undefined || f.fix === undefined || !f.fix.includes(LAYER_NOT_GIVEN)) return f;
  const said = `the policy files in ${dir} refuse it too (the deciding statement below), so a preflight run with them reports this denial before the deploy; one that passed was not given that layer, or ran before it changed. Change the refusing statement, or keep the call out of the deploy.`;
  return { ...f, fix: f.fix.replace(LAYER_NOT_GIVEN, said) };
}

export function withDeclaredLine(f: Finding, declared: DeclaredLine): Finding {
  const { permission, role } = f.evidence;
  if (typeof permission !== 'string' || f.fix === undefined) return f;
  const proposed = catchSentence(permission, typeof role === 'string' ? role : undefined);
  const said =
    `The configuration already declares it: \`${declared.line}\` (${declared.origin}, role ${declared.role}), so ` +
    `the preflight checks this call; ${LAYER_NOT_GIVEN}`;
  return f.fix.includes(proposed)
    ? { ...f, fix: f.fix.replace(proposed, said), evidence: { ...f.evidence, declared: declared.origin } }
    : f;
}
