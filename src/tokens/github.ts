/**
 * What GitHub documents about its Actions OIDC tokens: the issuer forms and every form of `sub`, and the
 * explanation of why this run produced the `sub` it did. The AWS trust check reuses `explainSubjectMismatch`
 * and `suggestSubjectFix`, so a refused `token.actions.githubusercontent.com:sub` reads the same everywhere.
 * Source: https://docs.github.com/en/actions/reference/security/oidc
 */
import { compileGlob, globWitness, hasWildcard, MAY_MEET } from '../iam/glob.js';
import type { Claims } from './decode.js';

/** The issuer of GitHub.com's Actions OIDC tokens. */
export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';

const DOCS = 'https://docs.github.com/en/actions/reference/security/oidc';
/** The GitHub documentation each rule below comes from. */
export const GITHUB_OIDC_DOCS = {
  subject: `${DOCS}#example-subject-claims`,
  immutable: `${DOCS}#immutable-subject-claims`,
  customTemplate: `${DOCS}#customizing-the-subject-claims-for-an-organization-or-repository`,
  permissions: `${DOCS}#workflow-permissions-for-the-requesting-the-oidc-token`,
  enterpriseIssuer:
    'https://docs.github.com/en/enterprise-cloud@latest/actions/reference/security/oidc#customizing-the-issuer-value-for-an-enterprise',
  serverIssuer: 'https://docs.github.com/en/enterprise-server@latest/actions/reference/security/oidc#oidc-token-claims',
} as const;

/** Which of GitHub's issuers a URL is. */
export type GitHubIssuer =
  | { readonly form: 'default' }
  /** `https://token.actions.githubusercontent.com/<enterprise-slug>`, after `include_enterprise_slug`. */
  | { readonly form: 'enterprise'; readonly slug: string }
  /** GHE.com data residency: `https://token.actions.<subdomain>.ghe.com`, optionally `/<slug>`. */
  | { readonly form: 'ghe-com'; readonly subdomain: string; readonly slug?: string }
  /** GitHub Enterprise Server: `https://HOST/_services/token`. */
  | { readonly form: 'server'; readonly host: string }
  | { readonly form: 'other' };

/** Classifies an issuer URL (GITHUB_OIDC_DOCS.enterpriseIssuer, .serverIssuer). */
export function classifyIssuer(iss: string): GitHubIssuer {
  if (iss === GITHUB_ISSUER) return { form: 'default' };
  const enterprise = /^https:\/\/token\.actions\.githubusercontent\.com\/([A-Za-z0-9][A-Za-z0-9_-]*)$/.exec(iss);
  if (enterprise?.[1]) return { form: 'enterprise', slug: enterprise[1] };
  const gheCom = /^https:\/\/token\.actions\.([a-z0-9-]+)\.ghe\.com(?:\/([A-Za-z0-9][A-Za-z0-9_-]*))?$/.exec(iss);
  if (gheCom?.[1]) return { form: 'ghe-com', subdomain: gheCom[1], ...(gheCom[2] ? { slug: gheCom[2] } : {}) };
  const server = /^https:\/\/([^/?#@]+)\/_services\/token$/.exec(iss);
  if (server?.[1]) return { form: 'server', host: server[1] };
  return { form: 'other' };
}

/**
 * An issuer must be an https URL without query, fragment or credentials (OpenID Connect Discovery §3,
 * https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderMetadata). Plain http is accepted only
 * for loopback hosts, so tests can run an issuer on 127.0.0.1.
 */
export function isAcceptableIssuerUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.username || parsed.password || url.includes('?') || url.includes('#')) return false;
  if (parsed.protocol === 'https:') return true;
  const host = parsed.hostname;
  return parsed.protocol === 'http:' && (host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host));
}

/** The forms of `sub` GitHub documents; `custom` is an `include_claim_keys` template. */
export type SubjectForm = 'environment' | 'pull-request' | 'branch' | 'tag' | 'ref' | 'custom' | 'unrecognized';

/** One `key:value` pair of a `sub`, with `%3A` decoded; `pull_request` has no value. */
export interface SubjectPart {
  readonly key: string;
  readonly value?: string;
}

/** A `sub`, taken apart. */
export interface ParsedSubject {
  readonly form: SubjectForm;
  readonly parts: readonly SubjectPart[];
  /** From the `repo` part: `OWNER/REPO`, or `OWNER@OWNER_ID/REPO@REPO_ID` in the immutable form. */
  readonly repository?: {
    readonly owner: string;
    readonly name: string;
    readonly ownerId?: string;
    readonly repoId?: string;
  };
  readonly immutable: boolean;
  readonly environment?: string;
  readonly ref?: string;
  /** Some value held a colon, which GitHub writes as `%3A`. */
  readonly escaped: boolean;
}

const CONTEXT_KEYS = new Set(['environment', 'pull_request', 'ref']);
const REPO = /^([^/@:]+)(?:@(\d+))?\/([^/@:]+)(?:@(\d+))?$/;

/**
 * Parses a `sub`. The default template is `repo:<repo>:<context>`, where the context is `environment:<name>`,
 * `pull_request` or `ref:<ref>` (GITHUB_OIDC_DOCS.subject). A custom template is `key:value` pairs in the
 * order of `include_claim_keys`, where `repo` and `context` render as in the default
 * (GITHUB_OIDC_DOCS.customTemplate). A colon inside a value is written `%3A`.
 */
export function parseSubject(sub: string): ParsedSubject {
  const tokens = sub.split(':');
  const parts: SubjectPart[] = [];
  for (let i = 0; i < tokens.length; ) {
    const key = tokens[i] ?? '';
    if (key === 'pull_request') {
      parts.push({ key });
      i += 1;
      continue;
    }
    const value = tokens[i + 1];
    if (!/^[A-Za-z0-9_]+$/.test(key) || value === undefined)
      return { form: 'unrecognized', parts, immutable: false, escaped: false };
    parts.push({ key, value: value.replace(/%3A/gi, ':') });
    i += 2;
  }
  const repoMatch = REPO.exec(parts.find((p) => p.key === 'repo')?.value ?? '');
  const repository = repoMatch
    ? {
        owner: repoMatch[1] ?? '',
        name: repoMatch[3] ?? '',
        ...(repoMatch[2] ? { ownerId: repoMatch[2] } : {}),
        ...(repoMatch[4] ? { repoId: repoMatch[4] } : {}),
      }
    : undefined;
  const context = parts.find((p) => CONTEXT_KEYS.has(p.key));
  const isDefault = parts.length === 2 && parts[0]?.key === 'repo' && context === parts[1];
  let form: SubjectForm = parts.length === 0 ? 'unrecognized' : 'custom';
  if (isDefault && context) {
    if (context.key === 'environment') form = 'environment';
    else if (context.key === 'pull_request') form = 'pull-request';
    else if (context.value?.startsWith('refs/heads/')) form = 'branch';
    else form = context.value?.startsWith('refs/tags/') ? 'tag' : 'ref';
  }
  return {
    form,
    parts,
    ...(repository ? { repository } : {}),
    immutable: Boolean(repository?.ownerId && repository.repoId),
    ...(context?.key === 'environment' && context.value !== undefined ? { environment: context.value } : {}),
    ...(context?.key === 'ref' && context.value !== undefined ? { ref: context.value } : {}),
    escaped: /%3A/i.test(sub),
  };
}

/** True when the claims come from GitHub Actions: a GitHub issuer, or GitHub's claim set (test issuers). */
export function isGitHubToken(claims: Claims): boolean {
  if (typeof claims.iss === 'string' && classifyIssuer(claims.iss).form !== 'other') return true;
  return typeof claims.repository === 'string' && typeof claims.event_name === 'string';
}

/** Why this run produced its `sub`. */
export interface SubjectExplanation {
  readonly sub: string;
  readonly parsed: ParsedSubject;
  /** Completes "sub is `…` because …". */
  readonly because: string;
}

const short = (ref: string) => ref.replace(/^refs\/(heads|tags)\//, '');

/**
 * The events whose ref a person chooses, and who: a workflow_dispatch run is for the branch or tag it is started on, a
 * create run for the branch or tag created
 * (https://docs.github.com/en/actions/writing-workflows/choosing-when-your-workflow-runs/events-that-trigger-workflows#workflow_dispatch,
 * #create). A trust widened to such a run's `sub` trusts whatever ref that person picks.
 */
const CHOSEN_BY: Readonly<Record<string, string>> = {
  workflow_dispatch: 'the person starting it picks',
  create: 'the person creating it names',
};

/** Who picks the ref of a run of `event`, when a person does. */
export function refChosenBy(event: unknown): string | undefined {
  return typeof event === 'string' && Object.hasOwn(CHOSEN_BY, event) ? CHOSEN_BY[event] : undefined;
}

/**
 * How a `sub` is told: of a real run (the default), or of a predicted one whose ref is one sample of the refs `from`
 * names (`any branch or tag`), as src/checks/predicted-trust/findings.ts passes it.
 */
export interface SubjectTelling {
  readonly sampleFrom?: string;
  /**
   * Of a predicted `sub` known only up to its beginning (the rest is not known before the run, shown as `<unknown>`):
   * that beginning, so the fix proposes a pattern of every sub that begins so, never the shown text.
   */
  readonly knownUpTo?: string;
  /**
   * Of a predicted `sub` in the default format: how that format was taken (GitHub's default given, or assumed), told
   * in place of "this repository uses the default format" when the pattern is written for a customized template.
   */
  readonly defaultTemplate?: string;
  /**
   * The operator of the condition the pattern is a value of (`StringLike` when not given): StringEquals compares the
   * whole value as written and expands no `*` or `?` (STRING_OPS_DOC).
   */
  readonly operator?: string;
  /**
   * The other conditions on `sub` of the statement the pattern is from: AWS ANDs a statement's conditions, so each must
   * hold, while the values of one condition are ORed (CONDITION_LOGIC_DOC).
   */
  readonly alsoRequired?: readonly SubCondition[];
}

/** A condition on `sub`: its operator (`StringEquals`, `StringLike`, …) and its values. */
export interface SubCondition {
  readonly operator: string;
  readonly values: readonly string[];
}

/** How AWS compares strings: StringEquals exactly, StringLike with `*` and `?`, both case-sensitively. */
export const STRING_OPS_DOC =
  'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String';
/** Conditions of one statement are ANDed, the values of one condition ORed. */
const CONDITION_LOGIC_DOC =
  'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-logic-multiple-context-keys-or-values.html';

/** Whether the operator expands `*` and `?` (StringLike, with or without a set qualifier or IfExists). */
const isLike = (operator: string) => /Like/i.test(operator);

/** Whether `value`, under `operator`, matches `sub` as AWS compares it (STRING_OPS_DOC). */
function meets(operator: string, value: string, sub: string): boolean {
  if (isLike(operator)) return compileGlob(value)(sub);
  return /IgnoreCase/i.test(operator) ? value.toLowerCase() === sub.toLowerCase() : value === sub;
}

/**
 * Whether no string meets every condition (each by some value of it): decided when one of them compares literally
 * (each of its values is tried against the others), or when there are two StringLike conditions (their globs meet or
 * not, globWitness); undefined otherwise.
 */
function noneMeetsAll(conditions: readonly SubCondition[]): boolean | undefined {
  const literal = conditions.find((c) => !isLike(c.operator));
  if (literal) {
    const others = conditions.filter((c) => c !== literal);
    return !literal.values.some((v) => others.every((c) => c.values.some((w) => meets(c.operator, w, v))));
  }
  const [a, b, ...rest] = conditions;
  if (!a || !b || rest.length > 0) return undefined;
  for (const x of a.values)
    for (const y of b.values) {
      const met = globWitness(x, y);
      if (met === MAY_MEET) return undefined;
      if (met !== undefined) return false;
    }
  return true;
}

/** `StringEquals` `a`, `StringLike` `b` or `c`: a condition as the explanation names it. */
const conditionText = (c: SubCondition) => `\`${c.operator}\` ${c.values.map((v) => `\`${v}\``).join(' or ')}`;

/** Explains which form of `sub` this run produced and why; undefined when the token has no `sub`. */
export function explainSubject(claims: Claims, telling: SubjectTelling = {}): SubjectExplanation | undefined {
  const sub = claims.sub;
  if (typeof sub !== 'string') return undefined;
  const parsed = parseSubject(sub);
  const event = typeof claims.event_name === 'string' ? claims.event_name : undefined;
  const ref = parsed.ref ?? '';
  const who = refChosenBy(event);
  // A predicted run of an event whose ref a person picks: the ref shown is one sample of what they may pick.
  const picked = (kind: string) =>
    who && telling.sampleFrom
      ? `a ${event} run is for ${telling.sampleFrom} ${who} (${kind} \`${short(ref)}\` is one sample) in a job without an environment`
      : undefined;
  const reasons: Record<SubjectForm, () => string> = {
    environment: () =>
      `the job references the environment \`${parsed.environment}\`, and an environment takes the place of the ` +
      `pull_request and ref forms${event ? ` (this run is a ${event} event)` : ''}`,
    'pull-request': () => 'this run is a pull_request event in a job without an environment',
    branch: () =>
      picked('branch') ??
      `this run is for branch \`${short(ref)}\`${event ? ` (a ${event} event)` : ''} in a job without an environment`,
    tag: () =>
      picked('tag') ??
      `this run is for tag \`${short(ref)}\`${event ? ` (a ${event} event)` : ''} in a job without an environment`,
    ref: () => `this run is for ref \`${ref}\` in a job without an environment`,
    custom: () =>
      `the repository or its organization uses a customized subject template (claims ${parsed.parts
        .map((p) => p.key)
        .join(', ')}), which replaces the whole default format`,
    unrecognized: () => 'of a format GitHub does not document',
  };
  let because = reasons[parsed.form]();
  if (parsed.immutable && parsed.repository) {
    const { owner, ownerId, name, repoId } = parsed.repository;
    because +=
      `; the repository uses immutable subject claims, so owner and repository carry their IDs ` +
      `(\`${owner}@${ownerId}/${name}@${repoId}\`)`;
  }
  if (parsed.escaped) because += '; a colon inside a value is written as %3A';
  return { sub, parsed, because };
}

/** The runs a ref pattern admits: `*` is any branch (or tag), another wildcard a matching name, else the one name. */
function refRuns(kind: 'branch' | 'tag', name: string): string {
  if (name === '*') return `runs for any ${kind}`;
  if (/[*?]/.test(name)) return `runs for any ${kind} whose name matches \`${name}\``;
  return kind === 'branch' ? `runs for branch \`${name}\` (such as pushes to ${name})` : `runs for tag \`${name}\``;
}

/**
 * The claim keys a `sub` pattern reads when it is written for a customized subject template: `key:value` pairs in the
 * order of `include_claim_keys` (GITHUB_OIDC_DOCS.customTemplate) that the default `repo:<repo>:<context>` never has,
 * such as `repo:acme/app:environment:*:job_workflow_ref:…`. Undefined for a pattern of the default form, and for
 * `repo:OWNER/*` alone, whose wildcard may stand for the rest of a default `sub`.
 */
export function customPatternKeys(pattern: string): string[] | undefined {
  const parsed = parseSubject(pattern);
  if (parsed.form !== 'custom') return undefined;
  const keys = parsed.parts.map((p) => p.key);
  return keys.length === 1 && keys[0] === 'repo' ? undefined : keys;
}

const codes = (keys: readonly string[]) => keys.map((k) => `\`${k}\``).join(', ');

/** The `include_claim_keys` that write a `sub` with these keys: `environment`, `ref` and `pull_request` are `context`. */
const templateKeys = (keys: readonly string[]) => [...new Set(keys.map((k) => (CONTEXT_KEYS.has(k) ? 'context' : k)))];

/** What runs a `sub` pattern admits under `operator`, as the end of a sentence. */
function describePattern(pattern: string, operator = 'StringLike'): string {
  if (!isLike(operator) && hasWildcard(pattern))
    return `is a value of \`${operator}\`, which does not expand \`*\` or \`?\`: it matches only a sub that is literally \`${pattern}\``;
  const custom = customPatternKeys(pattern);
  if (custom) {
    return `is written for a customized subject template (claims ${codes(custom)}), which replaces the whole default format`;
  }
  const rules: [RegExp, (m: RegExpExecArray) => string][] = [
    [/^repo:[^:]+:environment:(.+)$/, (m) => `only matches jobs that reference the environment \`${m[1]}\``],
    [/^repo:[^:]+:pull_request$/, () => 'only matches pull_request events in jobs without an environment'],
    [
      /^repo:[^:]+:ref:refs\/heads\/(.+)$/,
      (m) => `only matches ${refRuns('branch', m[1] ?? '')} in jobs without an environment`,
    ],
    [
      /^repo:[^:]+:ref:refs\/tags\/(.+)$/,
      (m) => `only matches ${refRuns('tag', m[1] ?? '')} in jobs without an environment`,
    ],
    [/^repo:([^:]+):\*$/, (m) => `matches any run of \`${m[1]}\``],
    [/^repo:/, () => "expects GitHub's default subject format"],
  ];
  for (const [re, say] of rules) {
    const m = re.exec(pattern);
    if (m) return say(m);
  }
  return 'does not match it';
}

/** The `repo:` segment of a pattern or a `sub`, e.g. `acme/api` or `acme@1/api@2`. */
const repoSegment = (text: string) => /^repo:([^:]+)/.exec(text)?.[1];

/** The one most useful hint about why `pattern` misses `sub`, or undefined. */
function diagnose(ex: SubjectExplanation, pattern: string, telling: SubjectTelling): string | undefined {
  const { sub, parsed } = ex;
  const operator = telling.operator ?? 'StringLike';
  if (!isLike(operator) && hasWildcard(pattern) && compileGlob(pattern)(sub))
    return `As a \`StringLike\` pattern it would match this sub; \`${operator}\` compares it as plain text.`;
  const caseOnly = isLike(operator)
    ? compileGlob(pattern, true)(sub) && !compileGlob(pattern)(sub)
    : sub !== pattern && sub.toLowerCase() === pattern.toLowerCase();
  if (caseOnly) return 'They differ only in case, and AWS compares `sub` case-sensitively.';
  const wanted = repoSegment(pattern);
  const actual = repoSegment(sub);
  if (
    parsed.form === 'custom' &&
    wanted !== undefined &&
    /^repo:[^:]+:(environment|pull_request|ref)\b/.test(pattern)
  ) {
    return "A customized subject template replaces the whole `sub`, so a pattern in the default format cannot match; write it in the template's format.";
  }
  if (parsed.form !== 'custom' && customPatternKeys(pattern)) {
    return telling.defaultTemplate
      ? `The sub is in the default format because ${telling.defaultTemplate}.`
      : 'The pattern expects a customized subject template, but this repository uses the default format.';
  }
  if (wanted !== undefined && actual !== undefined && wanted !== actual && !compileGlob(wanted)(actual)) {
    const names = (s: string) => s.replace(/@\d+/g, '');
    if (parsed.immutable && !wanted.includes('@') && compileGlob(wanted)(names(actual))) {
      return (
        `This repository uses immutable subject claims (repositories created, renamed or transferred after ` +
        `July 15, 2026, or opted in), so its \`sub\` names \`${actual}\`, never \`${wanted}\`.`
      );
    }
    if (!parsed.immutable && wanted.includes('@') && compileGlob(names(wanted))(actual)) {
      return 'The pattern uses the immutable form with IDs, but this repository has not opted in to immutable subject claims.';
    }
    if (names(wanted) === names(actual)) {
      return `The names agree but the IDs differ (\`${wanted}\` against \`${actual}\`): the owner or repository was recreated, or another account took the name.`;
    }
    return `The pattern names the repository \`${wanted}\`, but this run is in \`${actual}\`.`;
  }
  // `ref_type` is `branch` or `tag` (https://docs.github.com/en/actions/reference/security/oidc#oidc-token-claims).
  if (parseSubject(pattern).parts.some((p) => p.key === 'ref_type' && p.value?.startsWith('refs/')))
    return 'The `ref_type` claim is `branch` or `tag`, never a ref: write `ref_type:branch` or `ref_type:tag`.';
  if (parsed.escaped && !/%3A/i.test(pattern))
    return 'GitHub writes a colon inside a value as `%3A`; the pattern must too.';
  return undefined;
}

/**
 * One or two sentences on why `sub` misses the expected pattern, e.g. "sub is `repo:acme/api:pull_request`
 * because this run is a pull_request event in a job without an environment; the expected pattern
 * `repo:acme/api:ref:refs/heads/main` only matches runs for branch `main` …".
 */
export function explainSubjectMismatch(claims: Claims, pattern: string, telling: SubjectTelling = {}): string {
  const ex = explainSubject(claims, telling);
  if (!ex) return `The token has no \`sub\` claim, so the expected pattern \`${pattern}\` cannot match.`;
  const anded = andedConditions(pattern, telling);
  if (anded) {
    const failing = anded.all.filter((c) => !c.values.some((v) => meets(c.operator, v, ex.sub)));
    const outcome = anded.impossible
      ? 'no sub can meet them all, so the statement admits no token'
      : `this sub fails ${failing.map(conditionText).join(' and ')}`;
    return `sub is \`${ex.sub}\` because ${ex.because}; the statement requires ${anded.all.map(conditionText).join(' and ')} at once (AWS ANDs the conditions of a statement), and ${outcome}.`;
  }
  const hint = diagnose(ex, pattern, telling);
  return `sub is \`${ex.sub}\` because ${ex.because}; the expected pattern \`${pattern}\` ${describePattern(pattern, telling.operator)}.${hint ? ` ${hint}` : ''}`;
}

/**
 * The conditions on `sub` of the pattern's statement, when there are several (ANDed, CONDITION_LOGIC_DOC), and
 * whether no sub can meet them all; undefined for a pattern of a statement with one condition on `sub`.
 */
function andedConditions(
  pattern: string,
  telling: SubjectTelling,
): { all: SubCondition[]; impossible: boolean } | undefined {
  if (!telling.alsoRequired?.length) return undefined;
  const own: SubCondition = { operator: telling.operator ?? 'StringLike', values: [pattern] };
  const all = [own, ...telling.alsoRequired];
  return { all, impossible: noneMeetsAll(all) === true };
}

/**
 * A concrete change that would make the run and the pattern agree. With `telling.sampleFrom`, the `sub`'s ref is one
 * sample of those refs (a prediction's), so the `sub` is never offered as a pattern to trust.
 */
export function suggestSubjectFix(claims: Claims, pattern: string, telling: SubjectTelling = {}): string {
  const ex = explainSubject(claims);
  if (!ex) return 'Request the token from GitHub Actions (it always carries `sub`), or drop the `sub` expectation.';
  const { sub, parsed } = ex;
  const anded = andedConditions(pattern, telling);
  if (anded?.impossible) {
    const values = anded.all.flatMap((c) => c.values);
    return (
      `The conditions on \`sub\` of one statement are ANDed, and no sub meets ${anded.all.map(conditionText).join(' and ')} at once. ` +
      `To allow each, make them values of one condition, which are ORed (\`"StringLike": { "…:sub": [${values.map((v) => `"${v}"`).join(', ')}] }\`), ` +
      `or give each a statement of its own (${CONDITION_LOGIC_DOC}).`
    );
  }
  const operator = telling.operator ?? 'StringLike';
  if (!isLike(operator) && hasWildcard(pattern) && compileGlob(pattern)(sub)) {
    return (
      `Compare with \`StringLike\` instead of \`${operator}\`: \`${operator}\` does not expand \`*\` or \`?\`, so \`${pattern}\` ` +
      `matches only that literal text, while under \`StringLike\` it matches \`${sub}\` (${STRING_OPS_DOC}).`
    );
  }
  const repo = repoSegment(sub) ?? 'OWNER/REPO';
  const wantedEnv = /:environment:([^:]+)$/.exec(pattern)?.[1];
  const wantedBranch = /:ref:refs\/heads\/([^:]+)$/.exec(pattern)?.[1];
  const wantedTag = /:ref:refs\/tags\/([^:]+)$/.exec(pattern)?.[1];
  const actualRepo = repoSegment(sub);
  const wantedRepo = repoSegment(pattern);
  if (parsed.immutable && wantedRepo && actualRepo && !wantedRepo.includes('@')) {
    const narrowed = `Use the immutable form in the pattern: \`${pattern.replace(`repo:${wantedRepo}`, `repo:${actualRepo}`)}\``;
    if (!/[*?]/.test(wantedRepo)) return `${narrowed}.`;
    // The pattern admits more than this repository: say that the form above narrows it, and how to keep it wide.
    const owner = actualRepo.split('/')[0] ?? actualRepo;
    const [wantedOwner = '', wantedName = ''] = wantedRepo.split('/');
    const wide = /[*?]/.test(wantedOwner) ? wantedRepo : `${owner}/${wantedName}`;
    return (
      `${narrowed}, which narrows \`${wantedRepo}\` to this one repository. To keep admitting every repository ` +
      `\`${wantedRepo}\` matches, write \`${pattern.replace(`repo:${wantedRepo}`, `repo:${wide}`)}\`: the owner with its ID, ` +
      'and the wildcard, which also matches the IDs the repositories carry.'
    );
  }
  // The template is set through the REST API: https://docs.github.com/en/rest/actions/oidc#set-the-customization-template-for-an-oidc-subject-claim-for-a-repository
  const custom = customPatternKeys(pattern);
  if (custom && parsed.form !== 'custom') {
    return (
      `The pattern reads ${codes(custom)} of a customized subject template, and this token's \`sub\` is in the default format: ` +
      `expect \`${sub}\`, or set the repository's template to \`${templateKeys(custom).join(',')}\` (PUT /repos/{owner}/{repo}/actions/oidc/customization/sub, ` +
      "or the organization's), after which every trust of the repository must be written in that format."
    );
  }
  if (wantedEnv && parsed.form !== 'environment' && parsed.form !== 'custom') {
    return `Add \`environment: ${wantedEnv.replace(/%3A/gi, ':')}\` to the job (an environment takes the place of the ref and pull_request forms), or, if this run should be trusted, expect \`${sub}\`.`;
  }
  if ((wantedBranch || wantedTag) && parsed.form === 'environment') {
    return `The job references the environment \`${parsed.environment}\`, so \`sub\` never carries the ref: expect \`repo:${repo}:environment:${parsed.parts[1]?.value?.replace(/:/g, '%3A')}\`, or remove the environment from the job.`;
  }
  if (wantedEnv && parsed.form === 'environment' && parsed.environment !== undefined) {
    // An environment's sub names no ref (GITHUB_OIDC_DOCS.subject): it is the very value to trust, whatever the ref.
    const name = wantedEnv.replace(/%3A/gi, ':');
    const rename = /[*?]/.test(name) ? `a name that \`${name}\` matches` : `\`${name}\``;
    return (
      `If the environment \`${parsed.environment}\` should deploy with this role, allow \`${sub}\` in the trust: an environment's sub is the same for every ref the job runs for, so it is the value to trust, not a sample. ` +
      `Otherwise rename the job's environment to ${rename}.`
    );
  }
  const who = refChosenBy(claims.event_name);
  // In any template: the default's `ref:` context, or a customized template's `ref` (or `context`) part.
  if (who && parsed.ref !== undefined) {
    return keepToTrustedRef(String(claims.event_name), who, pattern, sub, parsed.ref);
  }
  if (wantedBranch && parsed.form === 'pull-request') {
    return `Run the deploy on a push to \`${wantedBranch}\` rather than on pull_request, or, if pull requests should be trusted, also allow \`repo:${repo}:pull_request\` (anyone who can push a branch can open one).`;
  }
  if (wantedTag && parsed.form !== 'tag') {
    return `Trigger the job on tag pushes (\`on: push: tags: ['${wantedTag}']\`), or, if this run should be trusted, expect \`${sub}\`.`;
  }
  if (telling.knownUpTo !== undefined) {
    return `Change the expected pattern so it matches every sub that begins \`${telling.knownUpTo}\` (such as \`${telling.knownUpTo}*\` under \`StringLike\`: the rest is not known before the run), or change the workflow so the run produces the form the pattern expects.`;
  }
  if (telling.sampleFrom) {
    return `Change the expected pattern so it matches the sub of each ref of ${telling.sampleFrom} the job should run for (\`${sub}\` is the sub of one sample ref, not a pattern to trust), or change the workflow so the run produces the form the pattern expects.`;
  }
  return `Change the expected pattern so it matches \`${sub}\`, or change the workflow so the run produces the form the pattern expects.`;
}

/**
 * The fix for a run whose ref a person picks (CHOSEN_BY): keep the job to the ref the trust admits with an `if:` on
 * `github.ref` (the token prediction reads it, src/workflows/predict/conditions.ts), never widen the trust to the ref
 * that was picked. A pattern of one ref, or of a prefix (`refs/heads/release/*`), gives the condition; any other, one
 * ref to allow with it.
 */
function keepToTrustedRef(event: string, who: string, pattern: string, sub: string, ref: string): string {
  // The ref the pattern admits, in the default format (`…:ref:refs/heads/main`) or a customized one (`…:ref:refs/heads/main:job_workflow_ref:…`).
  const wanted = parseSubject(pattern).ref ?? /:ref:(refs\/[^:]+)$/.exec(pattern)?.[1];
  const prefix = wanted?.endsWith('*') ? wanted.slice(0, -1) : undefined;
  const guard =
    wanted && !/[*?]/.test(wanted)
      ? `github.ref == '${wanted}'`
      : prefix && !/[*?]/.test(prefix)
        ? `startsWith(github.ref, '${prefix}')`
        : undefined;
  const why = `a ${event} run is for the branch or tag ${who}, so expecting \`${sub}\` would trust any ref that person picks`;
  if (guard)
    return (
      `Add \`if: ${guard}\` to the job, so it runs only on the refs the trust admits (in a job other events run too: ` +
      `\`if: github.event_name != '${event}' || ${guard}\`): ${why}.`
    );
  return (
    `Allow one branch in the trust (such as \`${sub.split(ref).join('refs/heads/main')}\`) and add \`if: github.ref == 'refs/heads/main'\` ` +
    `to the job, or give the job an environment and allow its \`sub\`: ${why}.`
  );
}
