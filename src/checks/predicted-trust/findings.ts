/**
 * The findings of the token prediction: a deploy job that fork pull requests reach (no token), a claim that cannot be
 * predicted, each role's trust against each predicted token (src/checks/predicted-trust/evaluate.ts), and the run's
 * own token against the prediction for this run. Every finding names the job, the trigger and the predicted `sub`.
 * Pure.
 */
import { populatedKeysForOidcProvider } from '../../catalog/index.js';
import { type OidcProviderModel, trustConflict } from '../../model/aws.js';
import { type Finding, type FindingDraft, findingMaker } from '../../model/finding.js';
import {
  customPatternKeys,
  explainSubjectMismatch,
  GITHUB_OIDC_DOCS,
  parseSubject,
  refChosenBy,
  type SubCondition,
  type SubjectTelling,
  suggestSubjectFix,
} from '../../tokens/github.js';
import {
  DEFAULT_BRANCH_UNKNOWN,
  describeSpace,
  FORK_DOC,
  jobKey,
  type TokenPrediction,
} from '../../workflows/predict/index.js';
import { closest, conflictingTrust } from '../trust.js';
import { allowedByStatement, allowedValues, rawStatementList } from './cover.js';
import { judgeVariant, type PredictedTrustInput, parseTrust, type VariantVerdict } from './evaluate.js';

/** The maker of a prediction's findings: ids `predict:<file>:<job>[<-callers]:<event>`, subject the job and trigger. */
export function predictionMaker(p: TokenPrediction, suffix = ''): (draft: FindingDraft) => Finding {
  const event = p.trigger.event === 'other' ? p.trigger.eventName : p.trigger.event;
  const fork = p.trigger.fork === undefined ? '' : p.trigger.fork ? ':fork' : ':same-repo';
  const pos = p.trigger.position;
  return findingMaker({
    idPrefix: `predict:${jobKey(p)}:${event}${fork}:${pos.line}${suffix}`,
    subject: `the token of ${p.label}`,
    location: { file: pos.file, line: pos.line, column: pos.column },
  });
}

/** What a prediction says before any role: no token for forks, refs the docs do not give. */
export function predictionFindings(p: TokenPrediction): Finding[] {
  const make = predictionMaker(p);
  const out: Finding[] = [];
  const reach = p.forkReach;
  if (reach.kind === 'maybe') {
    // An `if:` not decided before the run may or may not keep a fork's pull request from the job: not a failure.
    out.push(
      make({
        class: 'fork-pull-request-deploy',
        status: 'unverified',
        cause: null,
        decisionPoint: 'runner',
        message: `Whether the ${p.label} runs for pull requests from forks is not known before the run: its condition \`${reach.condition}\` is decided only during the run (it reads ${reach.reason}). GitHub gives those runs no OIDC token: if it runs for them, the deploy fails there.`,
        fix: 'Skip the job for forks with a condition the preflight reads (`if: github.event.pull_request.head.repo.full_name == github.repository`), or confirm on a pull request from a fork.',
        docUrl: FORK_DOC,
        evidence: { job: p.job.id, file: p.job.file, event: 'pull_request', condition: reach.condition },
      }),
    );
  } else if (p.issued.kind === 'no' || reach.kind === 'surely') {
    out.push(
      make({
        class: 'fork-pull-request-deploy',
        decisionPoint: 'runner',
        message: `The ${p.label} runs for pull requests from forks${p.trigger.fork === undefined ? ' too (nothing in the workflow tells them apart)' : ''}, and GitHub gives those runs no OIDC token: the deploy would fail there.`,
        fix: 'Run the deploy on push or workflow_dispatch instead, or skip it for forks (`if: github.event.pull_request.head.repo.full_name == github.repository`).',
        docUrl: FORK_DOC,
        evidence: { job: p.job.id, file: p.job.file, event: 'pull_request' },
      }),
    );
  }
  // An unknown ref matters here only when it leaves the sub unknown; a claim the trust reads is judged per role.
  // A ref known up to its beginning (a merge group's) is judged per role, as the sub it begins (evaluate.ts).
  if (
    p.refs.kind === 'unknown' &&
    p.refs.prefix === undefined &&
    p.variants.every((v) => v.claims.sub?.kind !== 'value')
  ) {
    out.push(
      make({
        class: 'prediction-unknown',
        status: 'unverified',
        decisionPoint: 'token',
        message: `The ref of the ${p.label} cannot be predicted: ${p.refs.reason}.`,
        fix:
          p.refs.reason === DEFAULT_BRANCH_UNKNOWN
            ? 'Give the default branch (`--default-branch BRANCH` to predict; the action reads it from the event), give the job an environment (its sub then names the environment, whatever the ref), or check its trust on a real run.'
            : 'Give the job an environment (its sub then names the environment, whatever the ref), or check its trust on a real run.',
        docUrl: p.refs.docUrl,
        evidence: { job: p.job.id, file: p.job.file },
      }),
    );
  }
  return out;
}

/** The trust of one role against one predicted token: a pass, a denial, or unverified. */
export function checkPredictedTrust(input: PredictedTrustInput): Finding[] {
  const { prediction: p, exchange, role } = input;
  if (p.issued.kind === 'no') return [];
  // The ARN, not the name: roles of one name in two accounts are two findings (src/pipeline/workflows.ts names them).
  const make = predictionMaker(p, `:${role.arn}`);
  const base = { roleArn: role.arn, job: p.job.id, file: p.job.file };
  if (exchange.aud.kind !== 'value') {
    const reason = exchange.aud.kind === 'unknown' ? exchange.aud.reason : 'none';
    return [unverified(make, `Its audience is unknown: ${reason}.`, base, ['audience'])];
  }
  const provider = input.provider.kind === 'given' ? input.provider.provider : undefined;
  if (provider && audienceRefused(provider, exchange.aud.value))
    return [trustNotReached(make, input, provider, exchange.aud.value, base)];
  if (input.provider.kind === 'missing') return [noProvider(make, input, input.provider, exchange.aud.value, base)];
  const conflict = trustConflict(role);
  if (conflict) return [conflictingTrust((draft) => make({ ...draft, evidence: base }), role.arn, conflict)];
  const trust = parseTrust(role);
  if (!trust.ok)
    return [
      unverified(
        make,
        `The trust policy of ${role.name} cannot be read: ${trust.errors.join('; ')}.`,
        base,
        TRUST_UNREADABLE,
      ),
    ];
  const verdicts = p.variants.map((v) => ({
    form: v.repoForm,
    verdict: judgeVariant(input, trust.policy, v, String(exchange.aud.kind === 'value' ? exchange.aud.value : '')),
  }));
  const kinds = new Set(verdicts.map((v) => v.verdict.kind));
  const first = verdicts[0]?.verdict;
  if (!first) return [];
  if (kinds.size > 1) {
    const told = verdicts
      .map((v) => `with the ${v.form} form of the repository the token would be ${v.verdict.kind}`)
      .join('; ');
    return [
      unverified(
        make,
        `Whether the trust of ${role.name} admits the ${p.label} depends on the repository's subject form: ${told}.`,
        base,
        ['form'],
        GITHUB_OIDC_DOCS.immutable,
      ),
    ];
  }
  return [verdictFinding(input, make, first, base)];
}

type Make = (draft: FindingDraft) => Finding;

const TRUST_UNREADABLE =
  'Correct the trust policy in the policy files (docs/policy-folder.md): it must be the JSON that `aws iam get-role` gives as AssumeRolePolicyDocument.';
type Base = Readonly<Record<string, string>>;

/** An unverified prediction; its fix says what to give (`lacks`, {@link giveFix}), or is the text given. */
function unverified(
  make: Make,
  message: string,
  evidence: Base,
  lacks: readonly Lack[] | string,
  docUrl?: string,
): Finding {
  return make({
    class: 'prediction-unknown',
    status: 'unverified',
    decisionPoint: 'sts-trust',
    message,
    fix: typeof lacks === 'string' ? lacks : giveFix(lacks),
    evidence,
    ...(docUrl ? { docUrl } : {}),
  });
}

/** What a prediction can lack that the user can give. */
type Lack = 'form' | 'template' | 'ids' | 'environment' | 'audience' | 'default-branch' | 'session-name';

/**
 * Where each is given, in the action (action.yml) and in the CLI (`predict --help`). The template is a setting of the
 * repository on GitHub, read through the REST API only
 * (https://docs.github.com/en/rest/actions/oidc#get-the-customization-template-for-an-oidc-subject-claim-for-a-repository:
 * the repository's needs the Actions read permission, the organization's the organization's Administration read
 * permission, https://docs.github.com/en/rest/actions/oidc#get-the-customization-template-for-an-oidc-subject-claim-for-an-organization);
 * the IDs and the default branch come from the runner in the action (src/pipeline/workflows-run.ts, src/sources/runner.ts).
 */
const GIVE: Record<Lack, string> = {
  form: "the repository's subject form: the action's `oidc-subject-form` input, or the CLI's `--subject-form` (`names`, or `immutable`)",
  template:
    "the repository's subject template: the action reads it through GitHub's REST API with its `github-token` input, which needs `actions: read` (the job's `permissions:`); a template the repository takes from its organization needs a token with the organization's Administration read permission, which GITHUB_TOKEN never has. The CLI takes `--subject-template` (`default`, or the claim keys in order) or `--read-template` (with GITHUB_TOKEN)",
  ids: "the owner's and repository's IDs: the action has them from the runner; the CLI takes `--owner-id` and `--repo-id`, or `--read-template`",
  environment:
    "the job's environment: a literal `environment:`, or the variables it reads (the action's `vars` input, the CLI's `--vars` or `--read-variables`)",
  'default-branch':
    "the repository's default branch: the action reads it from the event's payload (`repository.default_branch`); the CLI takes `--default-branch`",
  audience:
    "the audience: a literal `audience:` on the credential step, or the variables it reads (the action's `vars` input, the CLI's `--vars` or `--read-variables`)",
  'session-name':
    "the session name: a `role-session-name:` on the credential step written as a literal or from values known before the run (a run's IDs are not), as the trust's condition on `sts:RoleSessionName` reads it",
};

/** The fix of an unverified prediction: what to give and where, else a real run. */
function giveFix(lacks: readonly Lack[]): string {
  if (lacks.length === 0) return "Confirm on a real run of the job: the preflight then checks the run's own token.";
  return `Give ${[...new Set(lacks)].map((l) => GIVE[l]).join('; and ')}. Or confirm on a real run of the job.`;
}

/** What an undecided verdict lacks, by the claims the trust reads that the prediction does not know. */
function lacksOf(keys: readonly string[] | undefined, reason: string): Lack[] {
  const claims = (keys ?? []).map((k) => k.split(':').pop()?.toLowerCase() ?? '');
  const out: Lack[] = [];
  if (claims.some((c) => c === 'repository_id' || c === 'repository_owner_id') || /--owner-id|--repo-id/.test(reason))
    out.push('ids');
  if (claims.includes('environment') || /the environment is/.test(reason)) out.push('environment');
  if (/template/.test(reason)) out.push('template');
  if (/default branch is not known/.test(reason)) out.push('default-branch');
  if ((keys ?? []).some((k) => k.toLowerCase() === 'sts:rolesessionname')) out.push('session-name');
  return out;
}

/** One verdict as a finding. */
function verdictFinding(input: PredictedTrustInput, make: Make, v: VariantVerdict, base: Base): Finding {
  const { prediction: p, role } = input;
  const assumed = p.assumptions.length > 0 ? ` This assumes ${p.assumptions.join(', and ')}.` : '';
  if (v.kind === 'undecided') {
    return unverified(
      make,
      `The trust of ${role.name} for the ${p.label} cannot be decided: ${v.reason}${v.keys ? ` (${v.keys.join(', ')})` : ''}.`,
      base,
      lacksOf(v.keys, v.reason),
    );
  }
  if (v.kind === 'denied' && input.exchange.refCondition && v.ref) {
    return unverified(
      make,
      `The ${p.label} would be denied by the trust of ${role.name} for \`${v.ref}\` (sub \`${v.sub}\`), if the step runs for that ref: its condition \`${input.exchange.refCondition}\` reads the ref and was not decided.`,
      { ...base, sub: v.sub, ref: v.ref },
      [],
    );
  }
  if (v.kind === 'denied') return deniedFinding(input, make, v, base, assumed);
  if (v.kind === 'rcp-denied') {
    return make({
      class: 'explicit-deny',
      status: assumed ? 'unverified' : 'fail',
      decisionPoint: 'rcp',
      message: `The ${p.label} (sub \`${v.sub}\`${v.ref ? `, ref \`${v.ref}\`` : ''}) would be refused whatever the trust of ${role.name} admits: ${v.reason}${assumed}`,
      fix: 'This is an organization policy (an RCP): its owners must narrow the Deny, or the job must run from a context it does not cover.',
      evidence: { ...base, sub: v.sub, ...(v.ref ? { ref: v.ref } : {}), layer: 'rcp' },
      wouldReturn: 403,
      docUrl:
        'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html#rcp-supported-services',
    });
  }
  const known = input.exchange.refs ?? p.refs;
  const refs = known.kind === 'known' ? known.spaces.map(describeSpace).join(', ') : 'any ref';
  if (!v.proven || assumed) {
    const notProven = v.proven
      ? ''
      : ` It admits the refs tried (${v.samples.map((s) => `\`${s}\``).join(', ')}), but that it admits every ref of ${refs} is not proven.`;
    return unverified(
      make,
      `The trust of ${role.name} admits the ${p.label} (sub \`${v.sub}\`).${notProven}${assumed}`,
      { ...base, sub: v.sub },
      p.assumptions.some((a) => a.includes('template')) ? ['template'] : [],
    );
  }
  const admits = `The trust of ${role.name} admits the token of the ${p.label} for every ref of ${refs} (sub \`${v.sub}\`)${v.whateverPart ? `, whatever the part of its sub that is not known before the run (${v.whateverPart.replace(/^its sub is unknown: /, '')})` : ''}`;
  const read = input.provider;
  if (read.kind === 'missing')
    return noProvider(make, input, read, input.exchange.aud.kind === 'value' ? input.exchange.aud.value : '', base);
  if (read.kind !== 'given') return providerNotRead(make, input, read, admits, { ...base, sub: v.sub });
  // RCPs apply to STS (evaluate.ts `rcps`): a level not read, or none given while the account is not declared outside
  // an organization (`organizations: none`), could still refuse the token.
  if (input.rcps?.notRead === true) {
    return make({
      class: 'layer-not-read',
      status: 'unverified',
      decisionPoint: 'rcp',
      message: `${admits}, but the RCPs were not read, and they apply to sts:AssumeRoleWithWebIdentity: a layer not read is unknown, not empty.`,
      fix: "Give the RCPs that apply to the role's account in the policy files (aws organizations describe-policy of each RESOURCE_CONTROL_POLICY), or declare `organizations: none` when the account is in no organization.",
      evidence: { ...base, sub: v.sub, notRead: 'RCPs' },
      docUrl:
        'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html#rcp-supported-services',
    });
  }
  return make({ class: 'ok', decisionPoint: 'sts-trust', message: `${admits}.`, evidence: { ...base, sub: v.sub } });
}

/** AWS's page on IAM OIDC providers: STS accepts a web identity token only through one of the role's account. */
const PROVIDER_DOC = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_oidc.html';

/** How the policy files give a provider (docs/policy-folder.md), and how to create it when the account has none. */
function giveProvider(arn: string, issuer: string, aud: string): string {
  return (
    `Give the provider in the policy files: the output of \`aws iam get-open-id-connect-provider --open-id-connect-provider-arn ${arn}\`, ` +
    'saved as oidc-providers/<name>.json of the policy folder (docs/policy-folder.md), which gives its client IDs. ' +
    `If the account has no such provider, create it (\`aws iam create-open-id-connect-provider --url ${issuer} --client-id-list ${aud}\`).`
  );
}

/**
 * A trust that admits the token, with the role account's OIDC provider not read (or read without its client IDs):
 * STS reads the provider first, and refuses the token when the account has none for the issuer or it does not list
 * the token's aud (https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html, "Errors";
 * PROVIDER_DOC). A layer not read is unknown, never empty: unverified, as a permission is when an SCP is not read
 * (`layer-not-read`, src/checks/permissions.ts).
 */
function providerNotRead(
  make: Make,
  input: PredictedTrustInput,
  read: Extract<PredictedTrustInput['provider'], { kind: 'listed' | 'not-read' }>,
  admits: string,
  evidence: Base,
): Finding {
  const aud = input.exchange.aud.kind === 'value' ? input.exchange.aud.value : '';
  const what =
    read.kind === 'listed'
      ? `the client IDs of the role account's OIDC provider \`${read.arn}\` were not given (${read.listedIn.join(', ')} lists the provider, not its client IDs), and STS refuses the token before it reads the trust when the provider does not list its aud \`${aud}\``
      : `the role account's OIDC provider \`${read.arn}\` was not given in the policy files, and STS refuses the token before it reads the trust when the account has no provider for the issuer (\`InvalidIdentityToken: No OpenIDConnect provider found in your account for ${input.issuer}\`) or the provider does not list its aud \`${aud}\` among its client IDs`;
  return make({
    class: 'oidc-provider-unknown',
    status: 'unverified',
    decisionPoint: 'sts-trust',
    message: `${admits}, but ${what}: a layer not read is unknown, not empty.`,
    fix: giveProvider(read.arn, input.issuer, aud),
    evidence: { ...evidence, providerArn: read.arn, notRead: 'OIDC provider' },
    docUrl: PROVIDER_DOC,
  });
}

/**
 * The role account has no OIDC provider for the issuer, as list-open-id-connect-providers outputs prove (they list
 * every provider of the account, https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListOpenIDConnectProviders.html):
 * STS refuses the token with InvalidIdentityToken (HTTP 400) before it reads the trust.
 */
function noProvider(
  make: Make,
  input: PredictedTrustInput,
  read: Extract<PredictedTrustInput['provider'], { kind: 'missing' }>,
  aud: string,
  base: Base,
): Finding {
  return make({
    class: 'no-oidc-provider',
    decisionPoint: 'sts-trust',
    message: `The ${input.prediction.label} would be refused before the trust of ${input.role.name} is read, with \`InvalidIdentityToken: No OpenIDConnect provider found in your account for ${input.issuer}\`: ${read.listedIn.join(', ')} ${read.listedIn.length === 1 ? 'lists' : 'list'} every OIDC provider of the role's account, and not \`${read.arn}\`.`,
    fix: `aws iam create-open-id-connect-provider --url ${input.issuer} --client-id-list ${aud} (in the role's account), then give its get-open-id-connect-provider output in the policy files (docs/policy-folder.md).`,
    wouldReturn: 400,
    evidence: { ...base, providerArn: read.arn, listedIn: [...read.listedIn] },
    docUrl: PROVIDER_DOC,
  });
}

/**
 * Why the trust refuses the predicted token: the `sub` against what the trust allows when a condition on `sub` fails
 * (with the trust check's own explanation, src/tokens/github.ts), else the conditions that fail, else no statement for
 * this provider at all.
 */
function deniedFinding(
  input: PredictedTrustInput,
  make: Make,
  v: Extract<VariantVerdict, { kind: 'denied' }>,
  base: Base,
  assumed: string,
): Finding {
  const { prediction: p, role } = input;
  const prefix = populatedKeysForOidcProvider(input.catalog, input.issuer).prefix;
  const subKey = `${prefix}:sub`.toLowerCase();
  const failing = v.failed.filter((d) => d.mismatch === 'condition').map((d) => d.failedCondition ?? '');
  const onSub = failing.some((c) => c.toLowerCase().endsWith(subKey));
  const statements = rawStatementList(role.trustPolicy.document);
  const allows = onSub ? allowedValues(statements, subKey) : [];
  const byStatement = onSub ? allowedByStatement(statements, subKey) : [];
  const others = onSub ? [] : otherClaims(failing, prefix, v.claims, statements);
  const why =
    allows.length > 0
      ? `the trust allows ${allowsText(byStatement)}`
      : others.length > 0
        ? others
            .map(
              (o) =>
                `its ${o.claim} is \`${o.value}\`, and ${o.allows.length > 0 ? `the trust allows ${o.allows.map((a) => `\`${a}\``).join(', ')}` : `its condition \`${o.condition}\` fails`}`,
            )
            .join('; ')
        : failing.length > 0
          ? `its condition ${failing.map((c) => `\`${c}\``).join(', ')} fails`
          : `no statement of its trust policy allows sts:AssumeRoleWithWebIdentity for the provider \`${prefix}\` of this account`;
  // The pattern the sub is explained against: the one most like it (a tag's sub against the trust's tag pattern, not
  // its first), as the run's own trust check does; for a ref a person picks, the closest pattern of a ref, which is the
  // one to keep the job to.
  const chosen = refChosenBy(v.claims.event_name);
  const refPatterns = chosen ? allows.filter((a) => /:ref:refs\//.test(a)) : [];
  const pattern = closest(v.sub, refPatterns.length > 0 ? refPatterns : allows);
  // The operator of the pattern's condition, and the other conditions on `sub` of its statement, which AWS ANDs with it.
  const conditionOf = (value: string): Pick<SubjectTelling, 'operator' | 'alsoRequired'> => {
    const conditions = byStatement.find((st) => st.some((c) => c.values.includes(value))) ?? [];
    const own = conditions.find((c) => c.values.includes(value));
    const rest = conditions.filter((c) => c !== own);
    return { ...(own ? { operator: own.operator } : {}), ...(rest.length > 0 ? { alsoRequired: rest } : {}) };
  };
  // A trust written for a customized template (GITHUB_OIDC_DOCS.customTemplate) against a sub in the default one:
  // the template decides, so it is named, and a template only assumed leaves the denial undecided.
  const customKeys = pattern ? customPatternKeys(pattern) : undefined;
  const template = customKeys && parseSubject(v.sub).form !== 'custom' ? p.template : undefined;
  if (template?.source === 'assumed' && pattern && customKeys) {
    return unverified(
      make,
      `The trust of ${role.name} expects the sub of the ${p.label} written in a customized subject template: its pattern \`${pattern}\` reads the claims ${customKeys.map((k) => `\`${k}\``).join(', ')}. The repository's template was not read, and under GitHub's default template, which the prediction assumed, the sub would be \`${v.sub}\`${v.ref ? ` (for \`${v.ref}\`)` : ''}, which it refuses: whether it admits the job depends on that template.`,
      { ...base, sub: v.sub, trustAllows: pattern },
      ['template'],
      GITHUB_OIDC_DOCS.customTemplate,
    );
  }
  // The ref of a set of refs that the samples stood for is one sample: never a value to trust as it is.
  const known = input.exchange.refs ?? p.refs;
  const sampled =
    v.ref !== undefined && known.kind === 'known' && !known.spaces.some((s) => s.kind === 'ref' && s.ref === v.ref);
  const sampleFrom = sampled ? pickable(known) : undefined;
  const telling = {
    ...(sampleFrom ? { sampleFrom } : {}),
    ...(template
      ? { defaultTemplate: `the subject template given for this repository (${template.source}) is GitHub's default` }
      : {}),
  };
  const detail = pattern
    ? ` ${explainSubjectMismatch(v.claims, pattern, { ...telling, ...conditionOf(pattern) })}`
    : '';
  // A template the user gave (not read from GitHub) may be wrong: say how to give the repository's own.
  const giveTemplate =
    template?.source === '--subject-template'
      ? ` If the repository or its organization uses a customized template, give ${GIVE.template}.`
      : '';
  const audAt = others.some((o) => o.claim === 'aud') ? audienceInput(input.exchange) : undefined;
  const fromInput = audAt
    ? ` The aud is the step's \`audience\` input (${audAt.file} line ${audAt.line}): if it is a typo, correct it there to the value the trust and the provider's client IDs list.`
    : '';
  // The provider's client IDs were not given (a refused aud does not reach here: `trustNotReached`), so an aud is
  // proposed for the trust only on the condition that the provider lists it.
  const audUnproven =
    input.provider.kind !== 'given' && others.some((o) => o.claim === 'aud')
      ? " Trust that aud only if the role account's OIDC provider lists it among its client IDs (aws iam get-open-id-connect-provider): STS refuses any other before it reads the trust."
      : '';
  const forSample = sampleFrom
    ? ` as it would be for \`${v.ref}\`, one sample of ${sampleFrom}: allow it for each ref the job should run for, not for this sample`
    : '';
  const claimsFix =
    others.length > 0
      ? `Allow this job's token in the trust policy of ${role.name}: ${others.map((o) => `its ${o.claim} \`${o.value}\` in the condition on \`${o.key}\``).join(', ')}${forSample}; or change the trigger.${fromInput}${audUnproven}`
      : `Allow this job's token in the trust policy of ${role.name} (sub \`${v.sub}\`, aud \`${String(v.claims.aud)}\`${forSample}), or change the trigger.`;
  // A sub known only up to its beginning (src/checks/predicted-trust/evaluate.ts writes the rest `<unknown>`).
  const knownUpTo = v.sub.endsWith('<unknown>') ? v.sub.slice(0, -'<unknown>'.length) : undefined;
  return make({
    class: 'predicted-trust-denied',
    message: `The ${p.label} would be denied by the trust of ${role.name}: its sub is \`${v.sub}\`${v.ref ? ` (for \`${v.ref}\`)` : ''}${v.whateverPart ? `, whatever its part not known before the run (${v.whateverPart})` : ''}; ${why}.${detail}${assumed}`,
    fix: pattern
      ? `${suggestSubjectFix(v.claims, pattern, { ...(sampleFrom ? { sampleFrom } : {}), ...(knownUpTo !== undefined ? { knownUpTo } : {}), ...conditionOf(pattern) })}${giveTemplate}`
      : `${claimsFix}${chosenRef(p, allows)}`,
    wouldReturn: 403,
    evidence: {
      ...base,
      sub: v.sub,
      ...(v.ref ? { ref: v.ref } : {}),
      ...(allows.length ? { trustAllows: allows } : {}),
      ...Object.fromEntries(others.map((o) => [o.claim, o.value])),
      ...(others.some((o) => o.allows.length > 0)
        ? { trustAllowsFor: others.flatMap((o) => o.allows.map((a) => `${o.claim}: ${a}`)) }
        : {}),
    },
    location: role.trustPolicy.file
      ? { file: role.trustPolicy.file }
      : { file: p.trigger.position.file, line: p.trigger.position.line },
  });
}

/**
 * What the trust allows for `sub`, statement by statement (ORed): a statement's conditions are ANDed, so they are
 * named together, never as alternatives; an operator other than StringLike is named, for StringEquals expands no `*`
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String).
 */
function allowsText(byStatement: readonly (readonly SubCondition[])[]): string {
  const values = (c: SubCondition) => c.values.map((v) => `\`${v}\``).join(', ');
  const one = (c: SubCondition) => (/Like/i.test(c.operator) ? values(c) : `${values(c)} (\`${c.operator}\`)`);
  return byStatement
    .map((conditions) =>
      conditions.length > 1
        ? `${conditions.map((c) => `\`${c.operator}\` ${c.values.map((v) => `\`${v}\``).join(' or ')}`).join(' and ')} together, in one statement`
        : conditions.map(one).join(''),
    )
    .join('; or ');
}

/**
 * The claims other than `sub` whose conditions fail (`job_workflow_ref`, `environment`, `ref`, …), each with the value
 * the token would carry and the values the trust allows for it: a condition is written `OPERATOR KEY`
 * (src/iam/explain.ts), its key `PROVIDER:CLAIM`.
 */
function otherClaims(
  failing: readonly string[],
  prefix: string,
  claims: Extract<VariantVerdict, { kind: 'denied' }>['claims'],
  statements: readonly unknown[],
): { condition: string; key: string; claim: string; value: string; allows: string[] }[] {
  const head = `${prefix}:`.toLowerCase();
  return failing.flatMap((condition) => {
    const key = condition.trim().split(/\s+/).pop() ?? '';
    if (!key.toLowerCase().startsWith(head)) return [];
    const claim = key.slice(head.length);
    const value = (claims as Record<string, unknown>)[claim];
    if (claim.toLowerCase() === 'sub' || value === undefined) return [];
    const shown = Array.isArray(value) ? value.join(', ') : String(value);
    return [{ condition, key, claim, value: shown, allows: allowedValues(statements, key.toLowerCase()) }];
  });
}

/**
 * The refs the samples stood for, as the explanation names them: any branch, any tag (a release's ref is always a tag,
 * https://docs.github.com/en/actions/reference/workflows-and-actions/events-that-trigger-workflows#release), any branch
 * or tag, or the refs a filter or `if:` leaves.
 */
function pickable(refs: TokenPrediction['refs']): string {
  if (refs.kind !== 'known') return 'any ref';
  const open = refs.spaces.every((s) => s.kind === 'names' && !s.list && !s.also);
  if (!open) return `any ref of ${refs.spaces.map(describeSpace).join(', ')}`;
  const prefixes = new Set(refs.spaces.map((s) => (s.kind === 'names' ? s.prefix : '')));
  if (prefixes.size === 1 && prefixes.has('refs/tags/')) return 'any tag';
  if (prefixes.size === 1 && prefixes.has('refs/heads/')) return 'any branch';
  return 'any branch or tag';
}

/**
 * For the events whose ref a person chooses (workflow_dispatch: the branch or tag the run is started on), how to keep
 * the job to the refs the trust allows: a condition on the ref, which the prediction reads
 * (src/workflows/predict/conditions.ts).
 */
function chosenRef(p: TokenPrediction, allows: readonly string[]): string {
  const event = p.trigger.event === 'other' ? p.trigger.eventName : p.trigger.event;
  if (event !== 'workflow_dispatch' && event !== 'create') return '';
  const ref = allows.map((a) => /:ref:(refs\/[^*?:]+)$/.exec(a)?.[1]).find((r) => r !== undefined) ?? 'refs/heads/main';
  return ` A ${event} run has the ref the person starting it chooses: to run the job only where the trust admits it, add \`if: github.ref == '${ref}'\` to the job.`;
}

/** Whether the provider refuses `aud`: it is not among its client IDs, which are compared exactly. */
const audienceRefused = (provider: OidcProviderModel, aud: string): boolean => !provider.clientIds.includes(aud);

/**
 * The trust of a token whose aud the provider refuses: STS answers 400 before it reads the trust
 * (`checkPredictedAudience` below), so the trust's verdict is not reached. It is no second failure with a status of
 * its own, and proposes no aud to trust: the provider's finding says what to change.
 */
function trustNotReached(
  make: Make,
  input: PredictedTrustInput,
  provider: OidcProviderModel,
  aud: string,
  base: Base,
): Finding {
  return make({
    class: 'could-not-verify',
    status: 'unverified',
    decisionPoint: 'sts-trust',
    message: `Not reached: STS refuses the token of the ${input.prediction.label} before the trust of ${input.role.name} is read, for its aud \`${aud}\` is not among the client IDs of the provider \`${provider.arn}\` (audience-not-registered). The trust is checked once the aud is one the provider lists.`,
    fix: "Fix the audience as the provider's finding (audience-not-registered) says; the trust is then checked against the token.",
    evidence: { ...base, aud, clientIds: provider.clientIds, notReached: 'STS refuses the token before the trust' },
    docUrl: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html',
  });
}

/**
 * Where the step sets its `audience` input, when it does: a token's aud that the provider or the trust refuses is then
 * the workflow's choice (configure-aws-credentials asks for `sts.amazonaws.com` otherwise, in every partition: its
 * action.yml gives that default), and the fix names the input as well as the AWS side.
 */
export function audienceInput(
  exchange: PredictedTrustInput['exchange'],
): { readonly file: string; readonly line: number; readonly column: number } | undefined {
  const use = exchange.step.credential;
  const given = use?.kind === 'configure-aws-credentials' ? use.settings.audience : undefined;
  if (given?.kind !== 'known') return undefined;
  const { file, line, column } = given.position;
  return { file, line, column };
}

/**
 * The audience a deploy job's token will carry against the client IDs of its role's OIDC provider, when the policy
 * files give the provider: an audience it does not list is refused by STS before the trust is read
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_oidc.html), with InvalidIdentityToken
 * "Incorrect token audience", HTTP 400 (https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html,
 * "Errors"). Client IDs are compared exactly.
 */
export function checkPredictedAudience(
  p: TokenPrediction,
  exchange: PredictedTrustInput['exchange'],
  provider: OidcProviderModel,
): Finding[] {
  if (p.issued.kind === 'no' || exchange.aud.kind !== 'value') return [];
  const aud = exchange.aud.value;
  if (!audienceRefused(provider, aud)) return [];
  const make = predictionMaker(p, `:${provider.arn}`);
  const input = audienceInput(exchange);
  const listed = provider.clientIds.map((c) => `\`${c}\``).join(', ') || 'none';
  const addClientId = `aws iam add-client-id-to-open-id-connect-provider --open-id-connect-provider-arn ${provider.arn} --client-id ${aud}`;
  return [
    make({
      class: 'audience-not-registered',
      decisionPoint: 'oidc-provider',
      message:
        `The ${p.label} would be refused before its role's trust is read, with \`InvalidIdentityToken: Incorrect token audience\`: ` +
        `its token's aud is \`${aud}\`${input ? ` (the step's \`audience\` input, ${input.file} line ${input.line})` : " (configure-aws-credentials' default, the step sets no `audience`)"}, ` +
        `which the provider \`${provider.arn}\` does not list among its client IDs (${listed}).`,
      fix: input
        ? `Set the step's \`audience\` (${input.file} line ${input.line}) to one the provider lists (${listed}), or, if \`${aud}\` is meant, ${addClientId}.`
        : `${addClientId} (or set the step's \`audience\` to one the provider lists).`,
      wouldReturn: 400,
      evidence: { provider: provider.arn, aud, clientIds: provider.clientIds, job: p.job.id, file: p.job.file },
      location: input ?? {
        file: exchange.step.position.file,
        line: exchange.step.position.line,
        column: exchange.step.position.column,
      },
    }),
  ];
}
