/**
 * Tokens a job's steps take from secrets (personal access tokens, app tokens): what the one read-only call told of
 * each (src/sources/github-api.ts), against what the steps that use it need and how long the job may run.
 */
import { type Finding, finding } from '../../model/finding.js';
import type { ScopeNeed } from '../../workflows/github-token/actions-table.js';
import type { KnownNeed } from '../../workflows/github-token/needs.js';
import { missingOauthScopes, type TokenInspection } from '../../workflows/github-token/pat.js';
import { describeScope, describeStep, stepLocation } from './describe.js';
import { idOf, subjectOf } from './job.js';

/** GitHub's default job timeout, minutes: https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions#jobsjob_idtimeout-minutes */
export const DEFAULT_TIMEOUT_MINUTES = 360;

/** The steps of one job that use one secret's token. */
export interface SecretUse {
  readonly secret: string;
  readonly jobId: string;
  readonly file: string;
  readonly timeoutMinutes?: number;
  /** For a job of a called workflow: the calling job. */
  readonly via?: string;
  /** For a job of a called workflow: the whole chain of calling jobs (`src/workflows/callers.ts`). */
  readonly calledBy?: string;
  readonly uses: readonly KnownNeed[];
}

const TOKENS_DOC = 'https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api';

/** Every scope the uses need (anyOf: the first), for the messages. */
function needsOf(use: SecretUse): ScopeNeed[] {
  return use.uses.flatMap((k) => ('all' in k.need ? k.need.all : k.need.anyOf.slice(0, 1)));
}

/** The findings for one secret's token in one job. */
export function secretFindings(use: SecretUse, inspection: TokenInspection | undefined, now: number): Finding[] {
  const job = {
    job: { id: use.jobId },
    file: use.file,
    ...(use.via ? { via: use.via } : {}),
    ...(use.calledBy ? { calledBy: use.calledBy } : {}),
  };
  const subject = `secret \`${use.secret}\` in ${subjectOf(job)}`;
  const id = `${idOf(job)}:secret:${use.secret}`;
  const steps = use.uses.map((k) => describeStep(k.step, use.file)).join('; ');
  const first = use.uses[0]?.step;
  const at = stepLocation(first, use.file);
  const base = {
    id,
    subject,
    ...at,
    evidence: { secret: use.secret, job: use.jobId, needs: needsOf(use).map(describeScope) },
  };
  if (!inspection || inspection.kind === 'not-given') {
    return [
      finding('pat-unverified', {
        ...base,
        status: 'unverified',
        message: `${steps} use the token in secret \`${use.secret}\`, which the preflight was not given: its access is not verified.`,
        fix: `Pass the same secret to the preflight (\`env: { ${use.secret}: \${{ secrets.${use.secret} }} }\`) and name it in the \`github-tokens\` input.`,
      }),
    ];
  }
  if (inspection.kind === 'unverified') {
    return [
      finding('pat-unverified', {
        ...base,
        status: 'unverified',
        message: `The token in secret \`${use.secret}\` could not be verified: ${inspection.reason}.`,
        fix: "Run the preflight again; if GitHub keeps refusing to answer, check the API URL and the runner's network.",
      }),
    ];
  }
  return answeredFindings(use, inspection, now, base, steps);
}

type Answered = Extract<TokenInspection, { kind: 'answered' }>;
type Base = { id: string; subject: string; evidence: Record<string, string | readonly string[]> };

/** The findings for a token GitHub answered for. */
function answeredFindings(use: SecretUse, t: Answered, now: number, base: Base, steps: string): Finding[] {
  if (t.status === 401) {
    return [
      finding('pat-expired', {
        ...base,
        message: `GitHub refuses the token in secret \`${use.secret}\` (401 Bad credentials): it has expired or been revoked. ${steps} would fail.`,
        fix: `Create a new token and store it in the secret \`${use.secret}\`.`,
        wouldReturn: 401,
        docUrl: TOKENS_DOC,
      }),
    ];
  }
  const ends = now + (use.timeoutMinutes ?? DEFAULT_TIMEOUT_MINUTES) * 60;
  const out: Finding[] = [];
  if (t.expiresAt !== undefined && t.expiresAt <= ends) {
    const when = new Date(t.expiresAt * 1000).toISOString();
    out.push(
      finding('pat-expired', {
        ...base,
        evidence: { ...base.evidence, expiresAt: when },
        message: `The token in secret \`${use.secret}\` ${t.expiresAt <= now ? 'expired' : 'expires'} at ${when} (GitHub-Authentication-Token-Expiration), before job \`${use.jobId}\` can end (timeout ${use.timeoutMinutes ?? DEFAULT_TIMEOUT_MINUTES} minutes).`,
        fix: `Regenerate the token with a later expiration and store it in the secret \`${use.secret}\`.`,
        wouldReturn: 401,
      }),
    );
  }
  if (t.status === 404 || t.status === 403) {
    const accepted = t.acceptedPermissions
      ? ` GitHub says the call takes \`${t.acceptedPermissions}\` (X-Accepted-GitHub-Permissions).`
      : '';
    out.push(
      finding('pat-no-repository-access', {
        ...base,
        message: `The token in secret \`${use.secret}\` cannot read the repository (HTTP ${t.status}${t.message ? `: ${t.message}` : ''}).${accepted} ${steps} would be refused.`,
        fix: "Give the token access to this repository (a fine-grained token's or app installation's repository access, or a classic token's `repo` scope).",
        wouldReturn: 403,
      }),
    );
    return out;
  }
  return [...out, ...scopeFindings(use, t, base, steps)];
}

/** A classic token's OAuth scopes against the needs; a fine-grained or app token's permissions are not readable. */
function scopeFindings(use: SecretUse, t: Answered, base: Base, steps: string): Finding[] {
  const needs = needsOf(use);
  if (t.tokenKind === 'classic' || t.tokenKind === 'oauth') {
    const missing = missingOauthScopes(needs, t.oauthScopes ?? [], t.privateRepo ?? true);
    if (missing.length === 0) {
      return [
        finding('ok', {
          ...base,
          decisionPoint: 'github-token',
          message: `The token in secret \`${use.secret}\` has the OAuth scopes ${steps} need (X-OAuth-Scopes: ${(t.oauthScopes ?? []).join(', ') || 'none'}).`,
        }),
      ];
    }
    return missing.map((m) =>
      finding('pat-scope-missing', {
        ...base,
        id: `${base.id}:${m.need.scope}`,
        evidence: { ...base.evidence, scopes: [...(t.oauthScopes ?? [])], missing: describeScope(m.need) },
        message: `${steps} need \`${describeScope(m.need)}\`, which a classic token gets from the \`${m.anyOf.join('` or `')}\` scope; the token in secret \`${use.secret}\` has ${t.oauthScopes?.length ? `\`${t.oauthScopes.join(', ')}\`` : 'no scope'} (X-OAuth-Scopes).`,
        fix: `Add the \`${m.anyOf[0]}\` scope to the token (or use a fine-grained token with \`${describeScope(m.need)}\` on this repository).`,
        wouldReturn: 403,
      }),
    );
  }
  const writes = needs.filter((n) => n.level === 'write');
  if (writes.length === 0) {
    return [
      finding('ok', {
        ...base,
        decisionPoint: 'github-token',
        message: `The token in secret \`${use.secret}\` can read the repository, which is all ${steps} need.`,
      }),
    ];
  }
  return [
    finding('pat-unverified', {
      ...base,
      status: 'unverified',
      message: `The token in secret \`${use.secret}\` (${t.tokenKind}) reads the repository, but its ${writes.map(describeScope).join(', ')} cannot be verified without a write, which the preflight never makes.`,
      fix: `Check the token's repository permissions include ${writes.map(describeScope).join(', ')} (Settings → Developer settings → fine-grained tokens, or the app's permissions).`,
    }),
  ];
}
