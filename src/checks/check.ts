/**
 * The shape every check has: an id, the decision points it reports, the configuration section it reads, what it
 * needs gathered, and a pure `run` from those facts to findings. src/checks/index.ts lists every check; the pipeline
 * (src/pipeline/) gathers what the registered checks need, runs them, and derives "nothing was verified" from the
 * registry. ARCHITECTURE.md walks through adding one.
 */
import type { Catalog } from '../catalog/index.js';
import type { AwsConfig } from '../config/aws.js';
import type { AwsInventory, DeclaredAbsent, OidcProviderList, RoleModel } from '../model/aws.js';
import type { DecisionPoint, Finding } from '../model/finding.js';
import type { FixOptions } from '../model/fix-options.js';
import type { TokenInspection } from '../model/github-token-inspection.js';
import type { IamAnswer } from '../model/iam-answer.js';
import type { Claims, DecodedToken } from '../tokens/decode.js';
import type { TokenSpec, Verification } from '../tokens/types.js';
import type { RunContext } from '../workflows/github-token/effective.js';
import type { GitHubTokenSettings, TokenWorkflow } from '../workflows/github-token/types.js';
import type { PermissionRequest } from './permissions.js';

/** The configuration section a check is configured by (src/config/model.ts). */
export type CheckSection = 'tokens' | 'aws' | 'github';

/** What the sources made of one token: read (and verified where it could be), or why there is none. */
export type TokenFact =
  | { readonly kind: 'unread'; readonly finding: Finding }
  | { readonly kind: 'read'; readonly decoded: DecodedToken; readonly verification?: Verification };

/** What a token check runs over. */
export interface TokenFacts {
  readonly spec: TokenSpec;
  readonly token: TokenFact;
  /** The current time, epoch seconds. */
  readonly now: number;
}

/** The GitHub token a role is assumed with: its claims, and the token itself for the live probe. */
export interface WebIdentity {
  readonly claims: Claims;
  readonly issuer: string;
  readonly raw?: string;
}

/** STS's answer to the live probe, as the source read it. */
export interface ProbeOutcome {
  readonly findings: readonly Finding[];
  /** The assumed-role ARN of the session, when STS issued one. */
  readonly assumedRoleArn?: string;
}

/** IAM's SimulatePrincipalPolicy answers, paired with the engine's requests. */
export interface IamSimulation {
  /** Reads that failed, as findings. */
  readonly findings: readonly Finding[];
  readonly pairs: readonly { readonly request: PermissionRequest; readonly answer: IamAnswer | undefined }[];
}

/** Facts that only some role checks need; the pipeline gathers each only when a check that applies needs it. */
export type RoleNeed = 'probe' | 'iam-simulation';

/** What a role check runs over: the role, read, and what the checks that apply to it need. */
export interface RoleFacts {
  /** The role's configuration, with the policy layers it declares absent (src/config/model.ts `RoleConfig`). */
  readonly config: AwsConfig & { readonly declaredAbsent?: DeclaredAbsent };
  readonly role: RoleModel;
  readonly inventory: AwsInventory;
  readonly catalog: Catalog;
  /** The current time, epoch seconds. */
  readonly now: number;
  /** GitHub's token, when one was read and decoded; the trust checks report its absence. */
  readonly identity?: WebIdentity;
  /** With role chaining: the role whose session assumes this one. */
  readonly chainSource?: RoleModel;
  /**
   * With role chaining: the name of the source role's session, as the step that made it set it (its
   * `role-session-name`); absent when it is not known. The chained step's own name is that of the session it makes.
   */
  readonly chainSourceSessionName?: string;
  /** Provider ARNs that list-open-id-connect-providers proved to exist, whose client IDs no file gave. */
  readonly listedProviders: readonly string[];
  /** The list-open-id-connect-providers outputs read: a provider of an account they cover and do not list does not exist. */
  readonly providerLists: readonly OidcProviderList[];
  /** Whether the role's MaxSessionDuration was given by no file (the model carries IAM's least, 3600). */
  readonly maxSessionAssumed: boolean;
  /** How a fix names the showing command's settings (its flags, or the action's inputs and the file's keys). */
  readonly fixOptions: FixOptions;
  readonly probe?: ProbeOutcome;
  readonly iamSimulation?: IamSimulation;
}

/** What every check declares. */
interface CheckBase {
  /** Stable, lower-kebab, the check's file name under src/checks/. */
  readonly id: string;
  /** One line for the docs: what the check proves. */
  readonly title: string;
  /** The decision points its findings name. */
  readonly decisionPoints: readonly DecisionPoint[];
  readonly section: CheckSection;
}

/** A check run once per configured token. */
export interface TokenCheck extends CheckBase {
  readonly scope: 'token';
  run(facts: TokenFacts): Finding[];
}

/** A check run once per configured role that it applies to. */
export interface RoleCheck extends CheckBase {
  readonly scope: 'role';
  /** The optional facts it reads. */
  readonly needs: readonly RoleNeed[];
  /** Whether it applies to a role so configured (role chaining, the live probe, the cross-check). */
  appliesTo(config: AwsConfig): boolean;
  run(facts: RoleFacts): Finding[];
}

/** What a workflow check runs over: the deploy workflows, read, and what the sources learnt of their tokens. */
export interface WorkflowFacts {
  readonly workflows: readonly TokenWorkflow[];
  readonly settings: GitHubTokenSettings;
  /** The run the preflight is part of, when known (its event decides the fork rule). */
  readonly run?: RunContext;
  /** One per secret a step takes a token from (src/sources/github-api.ts). */
  readonly inspections: readonly TokenInspection[];
  /** The current time, epoch seconds. */
  readonly now: number;
}

/** A check run once over the workflows (not per token or role): the GitHub token permissions. */
export interface WorkflowCheck extends CheckBase {
  readonly scope: 'workflow';
  run(facts: WorkflowFacts): Finding[];
}

/** Any registered check. */
export type Check = TokenCheck | RoleCheck | WorkflowCheck;
