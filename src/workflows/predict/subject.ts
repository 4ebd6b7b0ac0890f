/**
 * The `sub` GitHub writes for a job, from its parts: the repository segment (names, or the immutable form with the
 * owner's and repository's IDs), the context (environment over pull request over ref), and the subject template
 * (GitHub's default, or the repository's or organization's `include_claim_keys`). The rules are GitHub's
 * (GITHUB_OIDC_DOCS in src/tokens/github.ts: `subject`, `immutable`, `customTemplate`); `parseSubject` there reads back
 * what this writes. Pure.
 */
import { GITHUB_OIDC_DOCS } from '../../tokens/github.js';

/** A claim's predicted value. */
export type Predicted =
  /** The value; it may hold {@link REF}, where the run's ref goes, and {@link REF_TYPE}, where its type goes. */
  | { readonly kind: 'value'; readonly value: string }
  /** The token will not carry the claim (`environment`, for a job without one). */
  | { readonly kind: 'absent' }
  | {
      readonly kind: 'unknown';
      readonly reason: string;
      readonly docUrl?: string;
      /**
       * Of a `sub` with an unknown part: the text before that part, which every value the claim may take begins with
       * (`repo:acme/app:` when only the context is unknown).
       */
      readonly prefix?: string;
    };

/** Where the run's ref goes in a predicted value: a character no ref, name or claim can hold. */
export const REF = '\u0000';
/**
 * Where the run's ref type goes (`branch` or `tag`, the `ref_type` claim,
 * https://docs.github.com/en/actions/reference/security/oidc#oidc-token-claims): another character no claim holds,
 * so a template naming `ref_type` puts the type, not the ref, into `sub`.
 */
export const REF_TYPE = '\u0001';

/** The subject template: GitHub's default, or the claim keys in order (`include_claim_keys`). */
export interface SubjectTemplate {
  readonly keys: 'default' | readonly string[];
  /** Where it was read: `config`, `GET /repos/{owner}/{repo}/actions/oidc/customization/sub`, a token's `sub`. */
  readonly source: string;
}

/** The repository as the `repo` segment names it. */
export interface RepositoryIdentity {
  readonly owner: string;
  readonly name: string;
  readonly ownerId?: string;
  readonly repoId?: string;
}

/**
 * The `repo` segment: `OWNER/REPO`, or `OWNER@OWNER_ID/REPO@REPO_ID` in the immutable form
 * (GITHUB_OIDC_DOCS.immutable); unknown for the immutable form without the IDs.
 */
export function repoSegment(repo: RepositoryIdentity, immutable: boolean): Predicted {
  if (!immutable) return { kind: 'value', value: `${repo.owner}/${repo.name}` };
  if (repo.ownerId === undefined || repo.repoId === undefined) {
    return {
      kind: 'unknown',
      reason: "the immutable form names the owner's and the repository's IDs, which were not given",
      docUrl: GITHUB_OIDC_DOCS.immutable,
    };
  }
  return { kind: 'value', value: `${repo.owner}@${repo.ownerId}/${repo.name}@${repo.repoId}` };
}

/** A colon inside the context value is written `%3A`, so the `:` between parts stays unambiguous (GITHUB_OIDC_DOCS.customTemplate). */
export const escapeValue = (value: string) => value.replace(/:/g, '%3A');

/**
 * The context part: `environment:<name>` when the job references an environment, else `pull_request` for a
 * pull_request event, else `ref:<ref>` (GITHUB_OIDC_DOCS.subject). For the events of the pull request family that the
 * page does not name (`pull_request_target`, reviews), the context is unknown.
 */
export function subjectContext(environment: Predicted, event: string, ref: Predicted): Predicted {
  if (environment.kind === 'unknown') return environment;
  if (environment.kind === 'value') return { kind: 'value', value: `environment:${escapeValue(environment.value)}` };
  if (event === 'pull_request') return { kind: 'value', value: 'pull_request' };
  if (event.startsWith('pull_request')) {
    return {
      kind: 'unknown',
      reason: `GitHub documents the \`pull_request\` subject for pull_request events only; which subject a ${event} run without an environment gets is not documented`,
      docUrl: GITHUB_OIDC_DOCS.subject,
    };
  }
  if (ref.kind === 'unknown' && ref.prefix !== undefined) return { ...ref, prefix: `ref:${ref.prefix}` };
  return ref.kind === 'value' ? { kind: 'value', value: `ref:${ref.value}` } : ref;
}

/**
 * The whole `sub`: the default `repo:<repo>:<context>`, or the template's keys in order, each `key:value`, where `repo`
 * and `context` render as in the default (GITHUB_OIDC_DOCS.customTemplate). Unknown when a part is.
 */
export function renderSubject(
  template: SubjectTemplate,
  repo: Predicted,
  context: Predicted,
  claims: Readonly<Record<string, Predicted>>,
): Predicted {
  const keys = template.keys === 'default' ? ['repo', 'context'] : template.keys;
  const parts: string[] = [];
  for (const key of keys) {
    const part: Predicted =
      key === 'repo' ? repo : key === 'context' ? context : (claims[key] ?? { kind: 'unknown', reason: '' });
    if (part.kind === 'unknown') {
      // What is written before the unknown part: the known parts, and the key's own label for a key of a template.
      const label = key === 'repo' ? 'repo:' : key === 'context' ? '' : `${key}:`;
      // A part known up to its own beginning (a merge group's ref) carries it on.
      const prefix = `${parts.map((p) => `${p}:`).join('')}${label}${part.prefix ?? ''}`;
      return { ...part, reason: `its \`${key}\` part is unknown${part.reason ? `: ${part.reason}` : ''}`, prefix };
    }
    if (part.kind === 'absent') {
      return { kind: 'unknown', reason: `the template names \`${key}\`, which this job's token does not carry` };
    }
    // Only the context value has its colons written `%3A` (escapeValue); other claims are written as they are.
    parts.push(key === 'repo' ? `repo:${part.value}` : key === 'context' ? part.value : `${key}:${part.value}`);
  }
  return { kind: 'value', value: parts.join(':') };
}
