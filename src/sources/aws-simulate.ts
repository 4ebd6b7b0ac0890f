/**
 * IAM's own answer for each required permission: SimulatePrincipalPolicy for the role, with the context the engine
 * used, read into the plain {@link IamAnswer} that src/checks/cross-check.ts compares with the engine's.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulatePrincipalPolicy.html
 *
 * - One call evaluates every action in `ActionNames` against every ARN in `ResourceArns`, with one set of
 *   `ContextEntries`. Permissions are grouped by (resource, context), every action of a group in one call: IAM
 *   answers with one EvaluationResult per action whose top-level fields aggregate over the resources ("the most
 *   restrictive decision across all resources"), and `OrganizationsDecisionDetail` exists only there, so one
 *   resource per call keeps each answer, the SCP verdict included, exactly that permission's
 *   (https://docs.aws.amazon.com/IAM/latest/APIReference/API_EvaluationResult.html). The per-resource
 *   `ResourceSpecificResults` entry is read first all the same.
 * - Answers are paginated (`IsTruncated`, `Marker`); calls run a few at a time; each goes through
 *   {@link callWithRetry}. It fails closed: a denied, throttled-out or incomplete call becomes an `unverified`
 *   finding naming the permissions it left unanswered, never an answer. The SDK is loaded on first use.
 */
import type { IAMClientConfig, EvaluationResult as SdkEvaluationResult, Statement } from '@aws-sdk/client-iam';
import type { Catalog } from '../catalog/index.js';
import { type DecisionPoint, type Finding, type FindingDraft, findingMaker } from '../model/finding.js';
import type { FindingClass } from '../model/finding-classes.js';
import type { IamAnswer, IamDecision, IamStatement } from '../model/iam-answer.js';
import { type ContextEntry, toContextEntries } from './aws-context-keys.js';
import {
  ACCESS_DENIED_DOCS,
  type AwsClientOptions,
  allowStatementFix,
  awsErrorEvidence,
  callWithRetry,
  deniedIdentity,
  incompleteResponse,
  type RetryOptions,
  readFailureClass,
  retryOptionsOf,
  type SourceError,
} from './aws-errors.js';
import { createIamClient, type IamClientLike } from './aws-iam.js';
import type { Sleep } from './http.js';

/** One permission to simulate: the action as the reference spells it, the resource, the engine's context. */
export interface SimulatedPermission {
  readonly action: string;
  readonly resource: string;
  readonly context: Readonly<Record<string, string | readonly string[]>>;
}

/** What to simulate. */
export interface SimulationInput {
  /** The role (user or group) whose attached policies IAM evaluates. */
  readonly policySourceArn: string;
  readonly permissions: readonly SimulatedPermission[];
  /** The simulated caller: an IAM user, group or role ARN, never an assumed-role session (API reference). */
  readonly callerArn?: string;
  /** Replaces the entity's own boundary in the simulation, e.g. to test a boundary before attaching it. */
  readonly permissionsBoundaryPolicyInputList?: readonly string[];
}

/** What the simulation needs; all optional. */
export interface SimulationDeps extends AwsClientOptions {
  /** A client to use instead of one built by createIamClient; it must not retry on its own. */
  readonly client?: IamClientLike;
  readonly credentials?: IAMClientConfig['credentials'];
  /** Attempts per call in all, retryable failures only. Default 4. */
  readonly maxAttempts?: number;
  readonly sleep?: Sleep;
  /** Calls in flight at once. Default {@link DEFAULT_SIMULATION_CONCURRENCY}. */
  readonly concurrency?: number;
  /** Types service-specific context keys as the service authorization reference does. */
  readonly catalog?: Catalog;
}

/** IAM's answer per permission, in input order (undefined where its call failed), and the failures' findings. */
export interface SimulationResult {
  readonly answers: readonly (IamAnswer | undefined)[];
  readonly findings: readonly Finding[];
}

/** Simulations are heavier than reads: four in flight keeps a run of 100 permissions to seconds. */
export const DEFAULT_SIMULATION_CONCURRENCY = 4;
const MAX_PAGES = 100;
const OPERATION = 'iam:SimulatePrincipalPolicy';
const DECISIONS: ReadonlySet<string> = new Set<IamDecision>(['allowed', 'explicitDeny', 'implicitDeny']);
/** After one of these every other call would fail alike: the rest are not sent. */
const FATAL = new Set<SourceError['kind']>(['access-denied', 'no-credentials', 'bad-credentials', 'not-found']);

/** The permissions that share a resource and a context, simulated by one (paginated) call. */
interface Group {
  readonly resource: string;
  readonly entries: ContextEntry[];
  /** Distinct actions, as first written. */
  readonly actions: string[];
  /** Indexes into the input permissions. */
  readonly members: number[];
}

type GroupOutcome = { ok: true; byAction: Map<string, IamAnswer> } | { ok: false; error: SourceError };

type IamSdk = typeof import('@aws-sdk/client-iam');

/** What the calls of one simulation share, the first fatal failure included (after it no call is sent). */
interface Session {
  readonly sdk: IamSdk;
  readonly client: IamClientLike;
  readonly input: SimulationInput;
  readonly retry: RetryOptions;
  fatal?: SourceError;
}

/** Asks IAM to simulate every permission; never throws for an AWS failure. */
export async function simulatePrincipalPolicyLive(
  input: SimulationInput,
  deps: SimulationDeps = {},
): Promise<SimulationResult> {
  const groups = groupPermissions(input.permissions, deps.catalog);
  if (groups.length === 0) return { answers: input.permissions.map(() => undefined), findings: [] };
  const [sdk, owned] = await Promise.all([
    import('@aws-sdk/client-iam'),
    deps.client ? undefined : createIamClient(deps),
  ]);
  const client: IamClientLike = deps.client ?? (owned as IamClientLike);
  const session: Session = { sdk, client, input, retry: retryOptionsOf(deps) };
  const outcomes = await mapConcurrently(groups, deps.concurrency ?? DEFAULT_SIMULATION_CONCURRENCY, (group) =>
    simulateGroup(session, group),
  ).finally(() => owned?.destroy());
  return collect(input, groups, outcomes);
}

/** Every page of one group's call: IAM's answer for each of its actions, or the failure that left one unanswered. */
async function simulateGroup(session: Session, group: Group): Promise<GroupOutcome> {
  const byAction = new Map<string, IamAnswer>();
  let marker: string | undefined;
  let requestId: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    if (session.fatal) return { ok: false, error: session.fatal };
    const command = simulationCommand(session, group, marker);
    const result = await callWithRetry(OPERATION, () => session.client.send(command), session.retry);
    if (!result.ok) {
      if (FATAL.has(result.error.kind)) session.fatal ??= result.error;
      return result;
    }
    const out = result.value;
    requestId = out.$metadata.requestId;
    const missing = readPage(out.EvaluationResults, group.resource, requestId, byAction);
    if (missing) return { ok: false, error: incompleteResponse(OPERATION, missing, requestId) };
    if (out.IsTruncated !== true) break;
    if (!out.Marker) return { ok: false, error: incompleteResponse(OPERATION, 'Marker for the next page', requestId) };
    marker = out.Marker;
  }
  const unanswered = group.actions.filter((a) => !byAction.has(a.toLowerCase()));
  if (unanswered.length > 0) {
    return { ok: false, error: incompleteResponse(OPERATION, `result for ${unanswered.join(', ')}`, requestId) };
  }
  return { ok: true, byAction };
}

/** The SimulatePrincipalPolicy request for one page of a group. */
function simulationCommand(session: Session, group: Group, marker: string | undefined) {
  const { input } = session;
  return new session.sdk.SimulatePrincipalPolicyCommand({
    PolicySourceArn: input.policySourceArn,
    ActionNames: group.actions,
    // Without ResourceArns IAM simulates `*`, which is what a `*` permission asks.
    ...(group.resource !== '*' ? { ResourceArns: [group.resource] } : {}),
    ...(group.entries.length > 0 ? { ContextEntries: group.entries } : {}),
    ...(input.callerArn ? { CallerArn: input.callerArn } : {}),
    ...(input.permissionsBoundaryPolicyInputList
      ? { PermissionsBoundaryPolicyInputList: [...input.permissionsBoundaryPolicyInputList] }
      : {}),
    ...(marker ? { Marker: marker } : {}),
  });
}

/** Reads one page's answers into `byAction`; the field the page lacks, if it lacks one. */
function readPage(
  results: readonly SdkEvaluationResult[] | undefined,
  resource: string,
  requestId: string | undefined,
  byAction: Map<string, IamAnswer>,
): string | undefined {
  if (!results) return 'EvaluationResults';
  for (const r of results) {
    const answer = readAnswer(r, resource, requestId);
    if (!answer || !r.EvalActionName) return 'EvalActionName and EvalDecision';
    byAction.set(r.EvalActionName.toLowerCase(), answer);
  }
  return undefined;
}

/** Each permission's answer from its group's outcome, in input order, and the failed groups' findings. */
function collect(
  input: SimulationInput,
  groups: readonly Group[],
  outcomes: readonly GroupOutcome[],
): SimulationResult {
  const answers: (IamAnswer | undefined)[] = input.permissions.map(() => undefined);
  const failures: { group: Group; error: SourceError }[] = [];
  for (const [g, outcome] of outcomes.entries()) {
    const group = groups[g] as Group;
    if (!outcome.ok) {
      failures.push({ group, error: outcome.error });
      continue;
    }
    for (const i of group.members) {
      answers[i] = outcome.byAction.get((input.permissions[i] as SimulatedPermission).action.toLowerCase());
    }
  }
  return { answers, findings: toFindings(failures, input) };
}

/** Groups permissions by resource and context, keeping the first spelling of each action. */
function groupPermissions(permissions: readonly SimulatedPermission[], catalog: Catalog | undefined): Group[] {
  const groups = new Map<string, Group>();
  permissions.forEach((p, i) => {
    const entries = toContextEntries(p.context, catalog);
    const key = JSON.stringify([p.resource, entries]);
    let group = groups.get(key);
    if (!group) {
      group = { resource: p.resource, entries, actions: [], members: [] };
      groups.set(key, group);
    }
    if (!group.actions.some((a) => a.toLowerCase() === p.action.toLowerCase())) group.actions.push(p.action);
    group.members.push(i);
  });
  return [...groups.values()];
}

function readStatement(s: Statement): IamStatement {
  return {
    policyId: s.SourcePolicyId ?? '(unnamed policy)',
    ...(s.SourcePolicyType ? { policyType: s.SourcePolicyType } : {}),
    ...(s.StartPosition?.Line !== undefined ? { line: s.StartPosition.Line } : {}),
    ...(s.StartPosition?.Column !== undefined ? { column: s.StartPosition.Column } : {}),
  };
}

/** One EvaluationResult for a call about one resource; undefined when it carries no decision IAM documents. */
function readAnswer(r: SdkEvaluationResult, resource: string, requestId: string | undefined): IamAnswer | undefined {
  const specific = r.ResourceSpecificResults?.find((s) => s.EvalResourceName === resource);
  const decision = specific?.EvalResourceDecision ?? r.EvalDecision;
  if (decision === undefined || !DECISIONS.has(decision)) return undefined;
  const organizations = r.OrganizationsDecisionDetail?.AllowedByOrganizations;
  const boundary = (specific?.PermissionsBoundaryDecisionDetail ?? r.PermissionsBoundaryDecisionDetail)
    ?.AllowedByPermissionsBoundary;
  return {
    decision: decision as IamDecision,
    matchedStatements: (specific?.MatchedStatements ?? r.MatchedStatements ?? []).map(readStatement),
    ...(organizations !== undefined ? { allowedByOrganizations: organizations } : {}),
    ...(boundary !== undefined ? { allowedByPermissionsBoundary: boundary } : {}),
    missingContextValues: specific?.MissingContextValues ?? r.MissingContextValues ?? [],
    ...(requestId ? { requestId } : {}),
  };
}

/** Runs `task` over `items`, at most `limit` at a time, keeping the order of the results. */
async function mapConcurrently<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

/** The layer a denial came from, as AWS's enhanced AccessDenied message names it ("... because no ..."). */
function deniedBy(message: string): DecisionPoint {
  if (/service control polic/i.test(message)) return 'scp';
  if (/permissions boundar/i.test(message)) return 'permissions-boundary';
  if (/session polic/i.test(message)) return 'session-policy';
  return 'identity-policy';
}

/** One finding per kind of failure, naming every permission it left without IAM's answer. */
function toFindings(failures: readonly { group: Group; error: SourceError }[], input: SimulationInput): Finding[] {
  const byClass = new Map<FindingClass, { error: SourceError; permissions: string[] }>();
  const role = input.policySourceArn;
  for (const { group, error } of failures) {
    const cls = readFailureClass(error);
    const permissions = group.members.map((i) => {
      const p = input.permissions[i] as SimulatedPermission;
      return `${p.action} ${p.resource}`;
    });
    const known = byClass.get(cls);
    if (known) known.permissions.push(...permissions);
    else byClass.set(cls, { error, permissions });
  }
  const make = findingMaker({ idPrefix: 'aws-simulate', subject: `IAM cross-check of ${role}` });
  return [...byClass].map(([cls, { error, permissions }]) =>
    make({ ...failureDraft(cls, error, role, permissions), suffix: role }),
  );
}

/** What a kind of failure says (`aws-simulate:CLASS:ROLE`), with the permissions it left unanswered. */
function failureDraft(cls: FindingClass, error: SourceError, role: string, permissions: string[]): FindingDraft {
  const evidence = awsErrorEvidence(error, role);
  if (error.kind === 'access-denied') {
    const point = deniedBy(error.message);
    const who = deniedIdentity(error.message);
    return {
      class: 'read-denied',
      decisionPoint: point,
      status: 'unverified',
      message: `The inspecting identity lacks ${OPERATION} on ${role}, so IAM's answer could not be compared with the engine's (fail closed).`,
      evidence: { ...evidence, ...(who ? { inspectingIdentity: who } : {}), permissions },
      fix: allowStatementFix(
        OPERATION,
        role,
        who,
        point === 'identity-policy'
          ? 'Or set aws-cross-check: false to skip the cross-check.'
          : `AWS says a ${point.replace('-', ' ')} denies it, so that statement alone will not do: allow ${OPERATION} there too.`,
      ),
      docUrl: ACCESS_DENIED_DOCS,
    };
  }
  return {
    class: cls,
    decisionPoint: 'identity-policy',
    status: 'unverified',
    message: `IAM could not be asked: ${describe(error)}. The engine's answer stands unconfirmed (fail closed).`,
    evidence: { ...evidence, permissions },
    fix: fixFor(cls, role),
  };
}

function describe(error: SourceError): string {
  const after = error.attempts && error.attempts > 1 ? ` after ${error.attempts} attempts` : '';
  return `${error.operation} failed (${error.code}: ${error.message})${after}${error.requestId ? `, request id ${error.requestId}` : ''}`;
}

function fixFor(cls: string, role: string): string {
  if (cls === 'not-found') {
    return `Run this step with credentials of account ${role.split(':')[4] ?? ''}: IAM simulates only roles of the credentials' own account.`;
  }
  if (cls === 'no-inspecting-credentials') {
    return `Give this step AWS credentials that may call ${OPERATION} on the role, or set aws-cross-check: false.`;
  }
  if (cls === 'malformed-response') {
    return 'Something between the runner and IAM answered instead of AWS (a proxy?): check HTTPS_PROXY and NO_PROXY, then re-run.';
  }
  return 'Re-run the job; if it persists, check https://health.aws.amazon.com and lower the number of parallel jobs calling IAM.';
}
