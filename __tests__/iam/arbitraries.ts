/**
 * fast-check arbitraries for random, AWS-valid simulate cases: a request, then policies biased
 * towards that request (its action, its resource, the context keys it carries) so that statements
 * actually match and all three decisions come up. Shared by properties.test.ts,
 * differential.test.ts and the benchmark corpus (bench/).
 *
 * Every shape on which iam-simulate is known to diverge from AWS's documentation has a switch in
 * {@link Shapes}, so that the differential test can leave it out of generation (rather than skip
 * failures); the property tests generate everything.
 */
import type { Simulation } from '@cloud-copilot/iam-simulate';
import fc from 'fast-check';

/** The caller's account, and the account of every resource that is not "other". */
export const ACCOUNT = '111122223333';
/** A second account, for cross-account requests. */
export const OTHER_ACCOUNT = '444455556666';

const A = ACCOUNT;
const B = OTHER_ACCOUNT;

/** A condition block as JSON. */
export type ConditionDoc = Record<string, Record<string, string | string[]>>;
/** A Principal element as JSON. */
export type PrincipalDoc = '*' | { AWS?: string | string[]; Service?: string | string[] };

/** A statement as JSON. */
export interface StatementDoc {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  Principal?: PrincipalDoc;
  NotPrincipal?: PrincipalDoc;
  Condition?: ConditionDoc;
}

/** A policy document as JSON. */
export interface PolicyDoc {
  Version?: '2012-10-17' | '2008-10-17';
  Statement: StatementDoc[];
}

/** The `request` of a simulate case. */
export interface RequestDoc {
  principal: string;
  action: string;
  resource: string;
  resourceAccount: string;
  context: Record<string, string | string[]>;
}

/** One simulate case, exactly as `parseSimulateInput` reads it. */
export interface CaseDoc {
  request: RequestDoc;
  identityPolicies: PolicyDoc[];
  permissionsBoundary?: PolicyDoc;
  sessionPolicy?: PolicyDoc;
  scps?: PolicyDoc[][];
  rcps?: PolicyDoc[][];
  resourcePolicy?: PolicyDoc;
}

/** The policy layers a statement can be added to. */
export type LayerName = 'identity' | 'permissions-boundary' | 'session' | 'scp' | 'rcp' | 'resource';

/**
 * Shapes that can be switched off. Each is AWS behaviour on which iam-simulate 0.1.173 answers
 * differently (DIVERGENCES and UNDECIDED in differential.test.ts give the page and the reason), or
 * input it refuses; the property tests generate all of them.
 */
export interface Shapes {
  /** Date conditions over epoch seconds (`aws:EpochTime`, or epoch values next to ISO 8601). */
  readonly epochDates: boolean;
  /** The all-addresses blocks `0.0.0.0/0` and `::/0`. */
  readonly zeroCidr: boolean;
  /** IPv6 addresses spelled other than in their shortest lower-case form. */
  readonly ipv6Spellings: boolean;
  /** IP addresses without a prefix length in IpAddress/NotIpAddress. */
  readonly bareIpAddresses: boolean;
  /** Requests made by the account root user (who has no identity policies). */
  readonly rootCaller: boolean;
  /** Requests made by an AWS service principal (which has no identity policies). */
  readonly serviceCaller: boolean;
  /** SCPs on a case whose caller is an AWS service principal (SCPs do not apply to it). */
  readonly scpsOnServices: boolean;
  /** Resource-policy grants to the session ARN itself, for a session with a session policy. */
  readonly sessionGrantsPastSessionPolicy: boolean;
  /** Resource-policy grants to `*`, for a session with a session policy. */
  readonly starGrantsPastSessionPolicy: boolean;
  /** NotPrincipal in resource policies. */
  readonly notPrincipal: boolean;
  /** Role trust policies and KMS key policies may be missing (AWS always has one). */
  readonly missingResourcePolicy: boolean;
  /** A session policy on a caller that is not a session (AWS cannot have one; iam-simulate refuses it). */
  readonly straySessionPolicy: boolean;
  /** Federated-user sessions (GetFederationToken) without a session policy. */
  readonly federatedWithoutSessionPolicy: boolean;
  /** Multivalued context keys given as an empty list. */
  readonly emptyLists: boolean;
  /** Wildcards in the resource-type part of a Resource ARN, such as `tabl?/orders` or a `*` before `/deployer`. */
  readonly resourceTypeWildcards: boolean;
  /** `...IfExists` together with `ForAllValues:`/`ForAnyValue:`. */
  readonly setOperatorIfExists: boolean;
  /** Identity and resource policies with Version 2008-10-17, where `${...}` is literal text. */
  readonly oldVersionPolicies: boolean;
  /**
   * A policy variable with no value (`aws:username` absent) in a negated condition operator such as
   * StringNotEquals on a key the request carries: it matches that null value. (Elsewhere, in positive
   * operators, in Resource and in NotResource, unresolved variables are always generated.)
   */
  readonly nullVariables: boolean;
}

/** Everything on: what the property tests generate. */
export const ALL_SHAPES: Shapes = {
  epochDates: true,
  zeroCidr: true,
  ipv6Spellings: true,
  bareIpAddresses: true,
  rootCaller: true,
  serviceCaller: true,
  scpsOnServices: true,
  sessionGrantsPastSessionPolicy: true,
  starGrantsPastSessionPolicy: true,
  notPrincipal: true,
  missingResourcePolicy: true,
  straySessionPolicy: true,
  federatedWithoutSessionPolicy: true,
  emptyLists: true,
  resourceTypeWildcards: true,
  setOperatorIfExists: true,
  oldVersionPolicies: true,
  nullVariables: true,
};

/**
 * What iam-simulate can be compared on: everything except the shapes differential.test.ts holds out
 * (documented divergences, undecided points, input it refuses), each listed there with its reason.
 */
export const ORACLE_SHAPES: Shapes = {
  ...ALL_SHAPES,
  epochDates: false,
  zeroCidr: false,
  ipv6Spellings: false,
  bareIpAddresses: false,
  rootCaller: false,
  scpsOnServices: false,
  sessionGrantsPastSessionPolicy: false,
  starGrantsPastSessionPolicy: false,
  notPrincipal: false,
  missingResourcePolicy: false,
  straySessionPolicy: false,
  federatedWithoutSessionPolicy: false,
  emptyLists: false,
  resourceTypeWildcards: false,
  setOperatorIfExists: false,
  oldVersionPolicies: false,
  nullVariables: false,
};

// ---------------------------------------------------------------------------------------------
// The catalog: actions iam-data knows, each with ARNs of exactly one resource type it takes.

interface Target {
  readonly arn: string;
  readonly account: string;
}

const s3 = (path: string, account: string): Target => ({ arn: `arn:aws:s3:::${path}`, account });
const regional = (service: string, rest: string, account = A, region = 'us-east-1'): Target => ({
  arn: `arn:aws:${service}:${region}:${account}:${rest}`,
  account,
});

const OBJECTS = [
  s3('bucket-a/reports/q1.csv', A),
  s3('bucket-a/home/alice/notes.txt', A),
  s3('bucket-b/home/bob/data.json', B),
];
const BUCKETS = [s3('bucket-a', A), s3('bucket-b', B)];
const TABLES = [regional('dynamodb', 'table/orders'), regional('dynamodb', 'table/users', A, 'eu-west-1')];
const QUEUES = [regional('sqs', 'jobs'), regional('sqs', 'audit', B)];
const FUNCTIONS = [regional('lambda', 'function:deploy'), regional('lambda', 'function:report', B)];
const KEYS = [regional('kms', 'key/1234abcd-12ab-34cd-56ef-1234567890ab')];
const SECRETS = [regional('secretsmanager', 'secret:db-AbCdEf'), regional('secretsmanager', 'secret:api-QwErTy', B)];
const INSTANCES = [regional('ec2', 'instance/i-0123456789abcdef0')];
const ROLES: Target[] = [
  { arn: `arn:aws:iam::${A}:role/deployer`, account: A },
  { arn: `arn:aws:iam::${B}:role/auditor`, account: B },
];
const EVERYTHING: Target[] = [{ arn: '*', account: A }];

/** Actions with the resources they can act on. Names as the Service Authorization Reference spells them. */
export const CATALOG: readonly { readonly action: string; readonly targets: readonly Target[] }[] = [
  { action: 's3:GetObject', targets: OBJECTS },
  { action: 's3:PutObject', targets: OBJECTS },
  { action: 's3:DeleteObject', targets: OBJECTS },
  { action: 's3:ListBucket', targets: BUCKETS },
  { action: 's3:GetBucketPolicy', targets: BUCKETS },
  { action: 'dynamodb:GetItem', targets: TABLES },
  { action: 'dynamodb:PutItem', targets: TABLES },
  { action: 'dynamodb:Query', targets: TABLES },
  { action: 'sqs:SendMessage', targets: QUEUES },
  { action: 'sqs:ReceiveMessage', targets: QUEUES },
  { action: 'lambda:InvokeFunction', targets: FUNCTIONS },
  { action: 'lambda:GetFunction', targets: FUNCTIONS },
  { action: 'kms:Decrypt', targets: KEYS },
  { action: 'kms:GenerateDataKey', targets: KEYS },
  { action: 'secretsmanager:GetSecretValue', targets: SECRETS },
  { action: 'ec2:StartInstances', targets: INSTANCES },
  { action: 'ec2:DescribeInstances', targets: EVERYTHING },
  { action: 'sts:AssumeRole', targets: ROLES },
  { action: 'iam:PassRole', targets: ROLES },
  { action: 'iam:GetRole', targets: ROLES },
  { action: 'sts:GetCallerIdentity', targets: EVERYTHING },
];

const ALL_ACTIONS = CATALOG.map((c) => c.action);
const ALL_TARGETS = [...new Set(CATALOG.flatMap((c) => c.targets.map((t) => t.arn)))].filter((a) => a !== '*');

/** Callers, by kind. */
export const CALLERS = {
  user: `arn:aws:iam::${A}:user/alice`,
  session: `arn:aws:sts::${A}:assumed-role/deployer/ci`,
  role: `arn:aws:iam::${A}:role/deployer`,
  federated: `arn:aws:sts::${A}:federated-user/carol`,
  otherUser: `arn:aws:iam::${B}:user/bob`,
  otherSession: `arn:aws:sts::${B}:assumed-role/auditor/audit`,
  root: `arn:aws:iam::${A}:root`,
  service: 'lambda.amazonaws.com',
} as const;

const SESSION_CALLERS: ReadonlySet<string> = new Set([
  CALLERS.session,
  CALLERS.role,
  CALLERS.federated,
  CALLERS.otherSession,
]);

/** True when the caller is a role session or a federated-user session, which can carry a session policy. */
export function isSessionCaller(principal: string): boolean {
  return SESSION_CALLERS.has(principal);
}

/** The caller's account, or undefined for a service principal. */
export function callerAccount(principal: string): string | undefined {
  if (/^\d{12}$/.test(principal)) return principal;
  return principal.startsWith('arn:') ? principal.split(':')[4] : undefined;
}

/** True when the action's target is a role trust policy or a KMS key policy, which must grant explicitly. */
export function needsResourcePolicy(request: RequestDoc): boolean {
  return (
    (request.action.startsWith('sts:') && request.resource.includes(':role/')) ||
    (request.action.startsWith('kms:') && request.resource.includes(':key/'))
  );
}

// ---------------------------------------------------------------------------------------------
// Context keys: a small pool of global keys, with request values and policy values that overlap.

type KeyKind = 'string' | 'ip' | 'bool' | 'numeric' | 'date' | 'arn';

export interface KeySpec {
  readonly key: string;
  readonly kind: KeyKind;
  readonly multi?: true;
  /** Values a request may carry (lists for multivalued keys). */
  readonly request: readonly (string | readonly string[])[];
  /** Values a policy may test against. */
  readonly policy: readonly string[];
  /** Only generated when this shape is on. */
  readonly shape?: keyof Shapes;
}

const IPV6_SPELLINGS = ['2001:DB8::1', '2001:0db8:0000:0000:0000:0000:0000:0001', '2001:db8:0:0::1/128'];

export function keySpecs(shapes: Shapes): KeySpec[] {
  const specs: KeySpec[] = [
    {
      key: 'aws:SourceIp',
      kind: 'ip',
      request: ['203.0.113.5', '198.51.100.7', '10.1.2.3', '2001:db8::1', '2001:db8:1::5'],
      policy: [
        '203.0.113.0/24',
        '198.51.100.7/32',
        '198.51.100.0/25',
        '10.0.0.0/8',
        '2001:db8::/32',
        '2001:db8::1/128',
        '2001:db8::/48',
        ...(shapes.bareIpAddresses ? ['198.51.100.7', '2001:db8::1'] : []),
        ...(shapes.zeroCidr ? ['0.0.0.0/0', '::/0'] : []),
        ...(shapes.ipv6Spellings ? IPV6_SPELLINGS : []),
      ],
    },
    {
      key: 'aws:PrincipalTag/team',
      kind: 'string',
      request: ['dev', 'ops', 'Dev', 'data-eng'],
      policy: ['dev', 'ops', 'DEV', 'd*', '*-eng', '?ev'],
    },
    {
      key: 'aws:RequestedRegion',
      kind: 'string',
      request: ['us-east-1', 'eu-west-1', 'us-west-2'],
      policy: ['us-east-1', 'eu-west-1', 'us-*'],
    },
    { key: 'aws:SecureTransport', kind: 'bool', request: ['true', 'false'], policy: ['true', 'false'] },
    {
      key: 'aws:MultiFactorAuthAge',
      kind: 'numeric',
      request: ['300', '3600', '86400'],
      policy: ['3600', '300', '86400', '0'],
    },
    {
      key: 'aws:CurrentTime',
      kind: 'date',
      request: ['2024-06-01T00:00:00Z', '2025-03-15T12:30:00Z'],
      policy: ['2025-01-01T00:00:00Z', '2024-06-01T00:00:00Z', '2026-01-01T00:00:00Z'],
    },
    {
      key: 'aws:EpochTime',
      kind: 'date',
      request: ['1717200000', '1742041800'],
      policy: ['1735689600', '1717200000', '2024-06-01T00:00:00Z', '2026-01-01T00:00:00Z'],
      shape: 'epochDates',
    },
    {
      key: 'aws:TagKeys',
      kind: 'string',
      multi: true,
      request: [['env'], ['env', 'team'], ['owner', 'env'], ...(shapes.emptyLists ? [[]] : [])],
      policy: ['env', 'team', 'o*'],
    },
    {
      key: 'aws:PrincipalArn',
      kind: 'arn',
      request: [`arn:aws:iam::${A}:role/deployer`, `arn:aws:iam::${A}:user/alice`, `arn:aws:iam::${B}:role/auditor`],
      policy: [
        `arn:aws:iam::${A}:role/*`,
        `arn:aws:iam::*:role/auditor`,
        `arn:aws:iam::${A}:user/alice`,
        `arn:aws:iam::${A}:*`,
      ],
    },
    { key: 'aws:SourceVpc', kind: 'string', request: ['vpc-111', 'vpc-222'], policy: ['vpc-111', 'vpc-*'] },
    { key: 'aws:PrincipalOrgID', kind: 'string', request: ['o-abc123'], policy: ['o-abc123', 'o-other'] },
    { key: 'aws:username', kind: 'string', request: ['alice', 'bob'], policy: ['alice', 'a*'] },
    {
      key: 'aws:CalledVia',
      kind: 'string',
      multi: true,
      request: [['cloudformation.amazonaws.com'], ['athena.amazonaws.com', 'glue.amazonaws.com']],
      policy: ['cloudformation.amazonaws.com', '*.amazonaws.com'],
    },
  ];
  return specs.filter((s) => !s.shape || shapes[s.shape]);
}

const OPERATORS: Readonly<Record<KeyKind, readonly string[]>> = {
  string: [
    'StringEquals',
    'StringNotEquals',
    'StringEqualsIgnoreCase',
    'StringNotEqualsIgnoreCase',
    'StringLike',
    'StringNotLike',
  ],
  ip: ['IpAddress', 'NotIpAddress'],
  bool: ['Bool'],
  numeric: [
    'NumericEquals',
    'NumericNotEquals',
    'NumericLessThan',
    'NumericLessThanEquals',
    'NumericGreaterThan',
    'NumericGreaterThanEquals',
  ],
  date: [
    'DateEquals',
    'DateNotEquals',
    'DateLessThan',
    'DateLessThanEquals',
    'DateGreaterThan',
    'DateGreaterThanEquals',
  ],
  arn: ['ArnEquals', 'ArnLike', 'ArnNotEquals', 'ArnNotLike'],
};

// ---------------------------------------------------------------------------------------------
// Small helpers.

/** One of the values, with weights. */
function weighted<T>(...items: readonly (readonly [number, fc.Arbitrary<T>])[]): fc.Arbitrary<T> {
  return fc.oneof(...items.map(([weight, arbitrary]) => ({ weight, arbitrary })));
}

/** The arbitrary's value in `present` cases out of 100, undefined otherwise. */
function maybe<T>(arb: fc.Arbitrary<T>, present: number): fc.Arbitrary<T | undefined> {
  if (present >= 100) return arb;
  return weighted<T | undefined>([present, arb], [100 - present, fc.constant(undefined)]);
}

/** A list as IAM allows it: a bare string when it has one element. */
function oneOrMany(values: readonly string[]): string | string[] {
  return values.length === 1 ? (values[0] as string) : [...values];
}

/** Drops undefined properties, so that documents stay valid JSON for both engines. */
function compact<T>(o: Record<string, unknown>): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** A policy variable, e.g. `${aws:username}` (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html). */
const variable = (key: string): string => `\${${key}}`;

/** True when the policy value holds a policy variable. */
const isVariable = (value: string): boolean => value.includes('${');

/** The key the generated policy variables name. */
const USERNAME = 'aws:username';

/**
 * True when `${key}` has a value in a request with this context: the key is there with one value.
 * Absent or multivalued, the variable has no value, and AWS treats it as null
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#policy-vars-no-value).
 */
function resolves(context: RequestDoc['context'], key: string): boolean {
  return typeof contextValue(context, key) === 'string';
}

/** True when the request carries the key: a value or a non-empty list. */
function has(context: RequestDoc['context'], key: string): boolean {
  const value = contextValue(context, key);
  return typeof value === 'string' || (value !== undefined && value.length > 0);
}

/** The key's value in the context; key names are case-insensitive. */
function contextValue(context: RequestDoc['context'], key: string): string | string[] | undefined {
  const lower = key.toLowerCase();
  return Object.entries(context).find(([k]) => k.toLowerCase() === lower)?.[1];
}

// ---------------------------------------------------------------------------------------------
// Requests.

/** Arbitrary request. */
export function requestArb(shapes: Shapes = ALL_SHAPES): fc.Arbitrary<RequestDoc> {
  const callers: (readonly [number, fc.Arbitrary<string>])[] = [
    [4, fc.constant(CALLERS.user)],
    [4, fc.constant(CALLERS.session)],
    [1, fc.constant(CALLERS.role)],
    [1, fc.constant(CALLERS.federated)],
    [2, fc.constant(CALLERS.otherUser)],
    [2, fc.constant(CALLERS.otherSession)],
  ];
  if (shapes.rootCaller) callers.push([1, fc.constantFrom(CALLERS.root, ACCOUNT)]);
  if (shapes.serviceCaller) callers.push([1, fc.constant(CALLERS.service)]);
  const specs = keySpecs(shapes);
  const contextArb = fc.tuple(...specs.map((s) => maybe(fc.constantFrom(...s.request), 50))).map((values) => {
    const context: Record<string, string | string[]> = {};
    values.forEach((v, i) => {
      const spec = specs[i] as KeySpec;
      if (v !== undefined) context[spec.key] = typeof v === 'string' ? v : [...v];
    });
    return context;
  });
  return fc
    .record({
      principal: weighted(...callers),
      entry: fc.constantFrom(...CATALOG),
      pick: fc.nat(),
      context: contextArb,
    })
    .map(({ principal, entry, pick, context }) => {
      const target = entry.targets[pick % entry.targets.length] as Target;
      return { principal, action: entry.action, resource: target.arn, resourceAccount: target.account, context };
    });
}

// ---------------------------------------------------------------------------------------------
// Statements, biased towards one request.

/** An Action pattern: often the request's action or a wildcard over it, sometimes another action. */
function actionPatternArb(action: string, star: boolean): fc.Arbitrary<string> {
  const [service = '', name = ''] = action.split(':');
  return weighted(
    [5, fc.constant(action)],
    [1, fc.constant(action.toLowerCase())],
    [2, fc.constant(`${service}:*`)],
    [2, fc.integer({ min: 1, max: Math.max(1, name.length - 1) }).map((k) => `${service}:${name.slice(0, k)}*`)],
    [1, fc.integer({ min: 0, max: name.length - 1 }).map((k) => `${service}:${name.slice(0, k)}?${name.slice(k + 1)}`)],
    [1, fc.constant(`${service}:*${name.slice(-4)}`)],
    [star ? 1 : 0, fc.constant('*')],
    [4, fc.constantFrom(...ALL_ACTIONS)],
  );
}

/** A Resource pattern: often the request's resource or a wildcard over its resource part. */
function resourcePatternArb(resource: string, shapes: Shapes): fc.Arbitrary<string> {
  const other = fc.constantFrom(...ALL_TARGETS);
  if (resource === '*') return weighted([3, fc.constant('*')], [1, other]);
  const parts = resource.split(':');
  const head = parts.slice(0, 5).join(':');
  const tail = parts.slice(5).join(':');
  const items: (readonly [number, fc.Arbitrary<string>])[] = [
    [5, fc.constant(resource)],
    [2, fc.constant('*')],
    [2, fc.integer({ min: 0, max: tail.length - 1 }).map((k) => `${head}:${tail.slice(0, k)}*`)],
    [1, fc.constant([...parts.slice(0, 3), '*', ...parts.slice(4)].join(':'))],
    [1, fc.constant([...parts.slice(0, 4), '*', ...parts.slice(5)].join(':'))],
    [3, other],
  ];
  // `?` stands for one character; before the first separator it falls in the resource type.
  const separator = tail.search(/[/:]/);
  const from = shapes.resourceTypeWildcards || separator < 0 ? 0 : separator + 1;
  if (from < tail.length) {
    const at = fc.integer({ min: from, max: tail.length - 1 });
    items.push([1, at.map((k) => `${head}:${tail.slice(0, k)}?${tail.slice(k + 1)}`)]);
  }
  if (shapes.resourceTypeWildcards && separator > 0) items.push([1, fc.constant(`${head}:*${tail.slice(separator)}`)]);
  // Policy variables (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html).
  if (resource.startsWith('arn:aws:s3:::bucket-a/home/'))
    items.push([2, fc.constant(`arn:aws:s3:::bucket-a/home/${variable(USERNAME)}/*`)]);
  return weighted(...items);
}

function conditionEntryArb(
  shapes: Shapes,
  context: RequestDoc['context'],
): fc.Arbitrary<[string, string, string | string[]]> {
  const specs = keySpecs(shapes);
  const noValue = !resolves(context, USERNAME);
  return fc.constantFrom(...specs).chain((spec) => {
    // A negated operator matches a variable with no value when the key is present (an absent key
    // satisfies it anyway); unless that shape is wanted, such an entry is not generated.
    const heldOut = noValue && has(context, spec.key) && !shapes.nullVariables;
    const nullArb = fc.constantFrom('true', 'false').map((v): [string, string, string] => ['Null', spec.key, v]);
    const qualifier = spec.multi
      ? weighted([4, fc.constantFrom('ForAllValues:', 'ForAnyValue:')], [1, fc.constant('')])
      : weighted([9, fc.constant('')], [1, fc.constantFrom('ForAllValues:', 'ForAnyValue:')]);
    const valuesArb = fc.subarray([...spec.policy], { minLength: 1, maxLength: 2 });
    // A policy variable as a condition value: the caller's own name.
    const values =
      spec.key === 'aws:PrincipalTag/team'
        ? weighted([5, valuesArb], [1, fc.constant([variable(USERNAME)])])
        : valuesArb;
    const entry = fc
      .record({
        qualifier,
        op: fc.constantFrom(...OPERATORS[spec.kind]),
        ifExists: weighted([5, fc.constant(false)], [1, fc.constant(true)]),
        values,
      })
      .filter((r) => !heldOut || !r.op.includes('Not') || !r.values.some(isVariable))
      .map((r): [string, string, string | string[]] => [
        `${r.qualifier}${r.op}${r.ifExists && (shapes.setOperatorIfExists || !r.qualifier) ? 'IfExists' : ''}`,
        spec.key,
        oneOrMany(r.values),
      ]);
    return weighted([9, entry], [1, nullArb]);
  });
}

/** A Condition block with one or two entries (distinct operator/key pairs), for a request with this context. */
export function conditionArb(
  shapes: Shapes = ALL_SHAPES,
  context: RequestDoc['context'] = {},
): fc.Arbitrary<ConditionDoc> {
  return fc.array(conditionEntryArb(shapes, context), { minLength: 1, maxLength: 2 }).map((entries) => {
    const block: ConditionDoc = {};
    for (const [op, key, value] of entries) {
      const keys = block[op] ?? {};
      keys[key] = value;
      block[op] = keys;
    }
    return block;
  });
}

/** A Principal element for a resource policy or an RCP. */
function principalArb(star: boolean, sessions: boolean): fc.Arbitrary<PrincipalDoc> {
  const aws: (readonly [number, fc.Arbitrary<string>])[] = [
    [3, fc.constant(A)],
    [2, fc.constant(`arn:aws:iam::${A}:root`)],
    [3, fc.constant(CALLERS.user)],
    [3, fc.constant(CALLERS.role)],
    [2, fc.constant(B)],
    [1, fc.constant(`arn:aws:iam::${B}:role/auditor`)],
    [1, fc.constant(CALLERS.otherUser)],
  ];
  if (sessions) aws.push([2, fc.constantFrom(CALLERS.session, CALLERS.federated, CALLERS.otherSession)]);
  return weighted<PrincipalDoc>(
    [star ? 2 : 0, fc.constant('*')],
    [6, fc.array(weighted(...aws), { minLength: 1, maxLength: 2 }).map((l) => ({ AWS: oneOrMany([...new Set(l)]) }))],
    [1, fc.constant({ Service: CALLERS.service })],
  );
}

/** What kind of policy a statement goes into: which elements it needs. */
export type StatementKind = 'identity' | 'resource' | 'rcp';

/** Options for {@link statementArb}. */
export interface StatementOptions {
  readonly effect?: 'Allow' | 'Deny';
  readonly kind?: StatementKind;
  readonly shapes?: Shapes;
  /** Always give the statement a Condition. */
  readonly conditional?: boolean;
  /** False to keep Allow statements in resource policies from naming `*` (or using NotPrincipal). */
  readonly starGrants?: boolean;
  /** False to keep Allow statements in resource policies from naming session ARNs. */
  readonly sessionGrants?: boolean;
}

/** A statement biased towards the request. */
export function statementArb(request: RequestDoc, options: StatementOptions = {}): fc.Arbitrary<StatementDoc> {
  const shapes = options.shapes ?? ALL_SHAPES;
  const kind = options.kind ?? 'identity';
  const effect = options.effect
    ? fc.constant(options.effect)
    : weighted([5, fc.constant('Allow' as const)], [1, fc.constant('Deny' as const)]);
  const actions = fc
    .array(actionPatternArb(request.action, kind !== 'rcp'), { minLength: 1, maxLength: 3 })
    .map((l) => oneOrMany([...new Set(l)]));
  const resources = fc
    .array(resourcePatternArb(request.resource, shapes), { minLength: 1, maxLength: 2 })
    .map((l) => oneOrMany([...new Set(l)]));
  const notActions = fc.array(fc.constantFrom(...ALL_ACTIONS, 'iam:*', 's3:Delete*'), { minLength: 1, maxLength: 2 });
  const principalFor = (e: 'Allow' | 'Deny'): fc.Arbitrary<Partial<StatementDoc>> => {
    if (kind === 'rcp') return fc.constant({ Principal: '*' });
    if (kind !== 'resource') return fc.constant({});
    const star = e === 'Deny' || options.starGrants !== false;
    const sessions = e === 'Deny' || options.sessionGrants !== false;
    const principal = principalArb(star, sessions).map((p): Partial<StatementDoc> => ({ Principal: p }));
    // NotPrincipal only with Deny: with Allow AWS does not support it, and the parser refuses it
    // (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html).
    if (!shapes.notPrincipal || e === 'Allow') return principal;
    const notPrincipal = principalArb(true, sessions)
      .filter((p) => p !== '*')
      .map((p): Partial<StatementDoc> => ({ NotPrincipal: p }));
    return weighted([9, principal], [1, notPrincipal]);
  };
  // Deny statements carry conditions more often, as guardrails do; it keeps explicit denies from dominating.
  return effect.chain((e) =>
    fc
      .record({
        action: weighted<Partial<StatementDoc>>(
          [9, actions.map((a) => ({ Action: a }))],
          // RCPs take neither NotAction nor a bare "*" action (RCP syntax, elements table).
          [kind === 'rcp' ? 0 : 1, notActions.map((a) => ({ NotAction: oneOrMany([...new Set(a)]) }))],
        ),
        resource: weighted<Partial<StatementDoc>>(
          [14, resources.map((r) => ({ Resource: r }))],
          [1, resources.map((r) => ({ NotResource: r }))],
        ),
        principal: principalFor(e),
        condition: maybe(conditionArb(shapes, request.context), options.conditional ? 100 : e === 'Deny' ? 60 : 35),
      })
      .map(({ action, resource, principal: p, condition }) =>
        compact<StatementDoc>({ Effect: e, ...p, ...action, ...resource, Condition: condition }),
      ),
  );
}

/** A policy of 1–`max` statements biased towards the request. */
export function policyArb(
  request: RequestDoc,
  options: StatementOptions & { readonly max?: number; readonly control?: boolean } = {},
): fc.Arbitrary<PolicyDoc> {
  // SCPs and RCPs must say 2012-10-17; other policies may be older, with variables as literal text
  // (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html).
  const old = options.shapes?.oldVersionPolicies && options.kind !== 'rcp' && !options.control;
  const version = old
    ? weighted<'2012-10-17' | '2008-10-17' | undefined>(
        [6, fc.constant('2012-10-17')],
        [1, fc.constant('2008-10-17')],
        [1, fc.constant(undefined)],
      )
    : fc.constant('2012-10-17' as const);
  return fc
    .tuple(version, fc.array(statementArb(request, options), { minLength: 1, maxLength: options.max ?? 4 }))
    .map(([v, statements]) => (v ? { Version: v, Statement: statements } : { Statement: statements }));
}

const FULL_ACCESS: PolicyDoc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };

/** One SCP level: usually FullAWSAccess plus guardrails, sometimes only narrow allows. */
function scpLevelArb(request: RequestDoc, shapes: Shapes): fc.Arbitrary<PolicyDoc[]> {
  return fc
    .tuple(
      fc.integer({ min: 0, max: 9 }),
      fc.array(policyArb(request, { shapes, max: 3, control: true }), { minLength: 0, maxLength: 2 }),
    )
    .map(([dice, policies]) =>
      dice < 7 ? [FULL_ACCESS, ...policies] : policies.length > 0 ? policies : [FULL_ACCESS],
    );
}

/** Arbitrary simulate case. */
export function caseArb(shapes: Shapes = ALL_SHAPES): fc.Arbitrary<CaseDoc> {
  return requestArb(shapes).chain((request) => {
    const opts = { shapes };
    const caller = request.principal;
    // The root user and AWS services have no identity policies, boundaries or session policies.
    const iamIdentity = caller !== CALLERS.root && caller !== ACCOUNT && caller !== CALLERS.service;
    const session = iamIdentity && (shapes.straySessionPolicy || isSessionCaller(caller));
    const mustHaveSession = caller === CALLERS.federated && !shapes.federatedWithoutSessionPolicy;
    const sessionPolicy = policyArb(request, { ...opts, max: 3 });
    // Across accounts (and for services) only a resource policy can grant, so give one more often.
    const across = callerAccount(caller) !== request.resourceAccount;
    const mustHaveResource = !shapes.missingResourcePolicy && needsResourcePolicy(request);
    // RCPs are deny-only guardrails, each behind a condition (RCPFullAWSAccess grants the rest).
    const rcpLevel = fc.array(policyArb(request, { ...opts, kind: 'rcp', effect: 'Deny', conditional: true, max: 2 }), {
      minLength: 1,
      maxLength: 1,
    });
    const none = fc.constant(undefined);
    return fc
      .record({
        identityPolicies: iamIdentity
          ? fc.array(policyArb(request, opts), { minLength: 0, maxLength: 3 })
          : fc.constant([]),
        permissionsBoundary: iamIdentity ? maybe(policyArb(request, { ...opts, max: 3 }), 25) : none,
        sessionPolicy: !session ? none : mustHaveSession ? sessionPolicy : maybe(sessionPolicy, 30),
        scps:
          caller === CALLERS.service && !shapes.scpsOnServices
            ? none
            : maybe(fc.array(scpLevelArb(request, shapes), { minLength: 1, maxLength: 2 }), 30),
        rcps: maybe(fc.array(rcpLevel, { minLength: 1, maxLength: 2 }), 15),
      })
      .chain((layers) => {
        const free = layers.sessionPolicy === undefined;
        const resource = policyArb(request, {
          ...opts,
          kind: 'resource',
          starGrants: free || shapes.starGrantsPastSessionPolicy,
          sessionGrants: free || shapes.sessionGrantsPastSessionPolicy,
        });
        return (mustHaveResource ? resource : maybe(resource, across ? 75 : 30)).map((resourcePolicy) =>
          compact<CaseDoc>({ request, ...layers, resourcePolicy }),
        );
      });
  });
}

/** Adds a statement to one layer of a case (creating the layer when the case has none). */
export function withStatement(c: CaseDoc, layer: LayerName, statement: StatementDoc): CaseDoc {
  const policy = (s: StatementDoc): PolicyDoc => ({ Version: '2012-10-17', Statement: [s] });
  const add = (p: PolicyDoc | undefined): PolicyDoc =>
    p ? { ...p, Statement: [...p.Statement, statement] } : policy(statement);
  switch (layer) {
    case 'identity':
      return { ...c, identityPolicies: [...c.identityPolicies, policy(statement)] };
    case 'permissions-boundary':
      return { ...c, permissionsBoundary: add(c.permissionsBoundary) };
    case 'session':
      return { ...c, sessionPolicy: add(c.sessionPolicy) };
    case 'resource':
      return { ...c, resourcePolicy: add(c.resourcePolicy) };
    case 'scp':
      return {
        ...c,
        scps: c.scps
          ? c.scps.map((level, i) => (i === 0 ? [...level, policy(statement)] : level))
          : [[policy(statement)]],
      };
    case 'rcp':
      return {
        ...c,
        rcps: c.rcps
          ? c.rcps.map((level, i) => (i === 0 ? [...level, policy(statement)] : level))
          : [[policy(statement)]],
      };
  }
}

/**
 * The case as iam-simulate's `runSimulation` takes it (a type-only import: the AGPL oracle is loaded
 * only by differential.test.ts and the benchmark). Organization levels get ids; iam-simulate adds
 * RCPFullAWSAccess to each RCP level itself.
 */
export function toIamSimulate(c: CaseDoc): Simulation {
  const levels = (kind: string, list: CaseDoc['scps']) =>
    (list ?? []).map((level, i) => ({
      orgIdentifier: `${kind}-level-${i}`,
      policies: level.map((policy, j) => ({ name: `${kind}-${i}-${j}`, policy })),
    }));
  const { principal, action, resource, resourceAccount, context } = c.request;
  return {
    request: { principal, action, resource: { resource, accountId: resourceAccount }, contextVariables: context },
    identityPolicies: c.identityPolicies.map((policy, i) => ({ name: `identity-${i}`, policy })),
    serviceControlPolicies: levels('scp', c.scps),
    resourceControlPolicies: levels('rcp', c.rcps),
    ...(c.permissionsBoundary
      ? { permissionBoundaryPolicies: [{ name: 'boundary', policy: c.permissionsBoundary }] }
      : {}),
    ...(c.sessionPolicy ? { sessionPolicy: c.sessionPolicy } : {}),
    ...(c.resourcePolicy ? { resourcePolicy: c.resourcePolicy } : {}),
  };
}
