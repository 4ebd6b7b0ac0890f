/**
 * AWS's denials as a job's log prints them. The grammar of an access-denied message is AWS's
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html, "Access denied error message
 * examples"): `User: PRINCIPAL is not authorized to perform: ACTION [on resource: RESOURCE] because no POLICY-TYPE
 * allows the ACTION action`, or `… with an explicit deny in a POLICY-TYPE[: POLICY-ARN]`, where the policy type is an
 * identity-based policy, a resource-based policy, a permissions boundary, a session policy, a service control
 * policy, a resource control policy or a VPC endpoint policy. Older messages end after the resource, or after
 * `with an explicit deny`, naming no layer. The SDKs and tools wrap the message (`AccessDeniedException: …`,
 * `An error occurred (AccessDenied) when calling the X operation: …`, Terraform's `StatusCode: 403, … api error
 * AccessDenied: …`); those without the grammar name no layer either.
 */
import type { DecisionPoint } from '../model/finding.js';
import { type DeniedRequest, type LogMatch, type Matcher, printedStatus } from './match.js';

const TROUBLESHOOT = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html';
const EVALUATION = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html';

/** The policy types of the grammar, as decision points. */
const LAYERS: readonly (readonly [RegExp, DecisionPoint, string])[] = [
  [/^identity-based polic(?:y|ies)/i, 'identity-policy', 'an identity-based policy'],
  [/^resource-based polic(?:y|ies)/i, 'resource-policy', 'a resource-based policy'],
  [/^permissions? boundar(?:y|ies)/i, 'permissions-boundary', 'a permissions boundary'],
  [/^session polic(?:y|ies)/i, 'session-policy', 'a session policy'],
  [/^service control polic(?:y|ies)/i, 'scp', 'a service control policy'],
  [/^resource control polic(?:y|ies)/i, 'rcp', 'a resource control policy'],
  [/^VPC endpoint polic(?:y|ies)/i, 'resource-policy', 'a VPC endpoint policy'],
];

/** The longest ARN IAM accepts (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html): a longer one is not read. */
const MAX_ARN = 2048;

const PRINCIPAL = /(arn:aws[a-z-]*:[a-z0-9-]+:[^\s:]*:[^\s:]*:[^\s"',\\]+|anonymous)\\?["']?\s*$/i;
const ACTION = /^:?\s*([A-Za-z0-9-]+:[A-Za-z0-9*]+)/;
const RESOURCE = /^\s+on resource:?\s*(?:\\?"([^"\\]+)\\?"|([^\s"',\\]+))/i;
const BECAUSE = /^\s*because no (.+?) allows?\b/i;
const EXPLICIT = /^\s*with an explicit deny(?: in (?:an? |the )?(.*))?/i;

/** `arn:aws:sts::111122223333:assumed-role/deploy/gh` → `arn:aws:iam::111122223333:role/deploy`; a role ARN as is. */
export function roleOf(principal: string): string | undefined {
  const assumed = /^arn:(aws[a-z-]*):sts::(\d{12}):assumed-role\/([^/]+)\//.exec(principal);
  if (assumed) return `arn:${assumed[1]}:iam::${assumed[2]}:role/${assumed[3]}`;
  if (/^arn:aws[a-z-]*:iam::\d{12}:role\//.test(principal)) return principal;
  return undefined;
}

function layerOf(text: string): readonly [DecisionPoint, string] | undefined {
  for (const [pattern, point, name] of LAYERS) if (pattern.test(text.trim())) return [point, name];
  return undefined;
}

/** The grammar's request: principal, action, resource, and the layer and kind of denial it names. */
export function parseDenial(line: string): DeniedRequest | undefined {
  const at = line.search(/\bis not authorized to perform\b/i);
  if (at < 0) return undefined;
  const principal = PRINCIPAL.exec(line.slice(Math.max(0, at - 400), at))?.[1];
  let rest = line.slice(at).replace(/^is not authorized to perform/i, '');
  const action = ACTION.exec(rest);
  if (!action?.[1]) return undefined;
  rest = rest.slice(action[0].length);
  const resourceMatch = RESOURCE.exec(rest);
  const resource = resourceMatch ? (resourceMatch[1] ?? resourceMatch[2]) : undefined;
  if (resourceMatch) rest = rest.slice(resourceMatch[0].length);
  const role = principal ? roleOf(principal) : undefined;
  const base = {
    action: action[1],
    ...(principal && principal.length <= MAX_ARN ? { principal } : {}),
    ...(role && role.length <= MAX_ARN ? { role } : {}),
    ...(resource && resource.length <= MAX_ARN ? { resource } : {}),
  };
  const because = BECAUSE.exec(rest);
  const implicitLayer = because?.[1] ? layerOf(because[1]) : undefined;
  if (implicitLayer) return { ...base, layer: implicitLayer[0], layerName: implicitLayer[1], explicit: false };
  const explicit = EXPLICIT.exec(rest);
  if (explicit) {
    const layer = explicit[1] ? layerOf(explicit[1]) : undefined;
    const policyArn = layer ? /^[^:]*?:\s*(arn:[^\s"',)\\]+)/.exec(explicit[1] ?? '')?.[1] : undefined;
    return {
      ...base,
      explicit: true,
      ...(layer ? { layer: layer[0], layerName: layer[1] } : {}),
      ...(policyArn ? { policyArn } : {}),
    };
  }
  return base;
}

function who(request: DeniedRequest): string {
  return request.principal ? ` to ${request.principal}` : '';
}

function on(request: DeniedRequest): string {
  return request.resource ? ` on ${request.resource}` : '';
}

/**
 * The layers a denial that names none may come from, in the order AWS evaluates them
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html): the finding lists them
 * (`layersToCheck`) at the decision point `unknown-layer`, never at one of them.
 */
export const LAYERS_TO_CHECK = [
  'scp',
  'rcp',
  'resource-policy',
  'identity-policy',
  'permissions-boundary',
  'session-policy',
] as const satisfies readonly DecisionPoint[];

/** A denial whose message names no layer: at `unknown-layer`, with the layers to check in its evidence. */
function unnamedLayer(match: Omit<LogMatch, 'class' | 'decisionPoint'>): LogMatch {
  return {
    ...match,
    class: 'access-denied',
    decisionPoint: 'unknown-layer',
    evidence: { ...match.evidence, layersToCheck: [...LAYERS_TO_CHECK] },
  };
}

/** How to grant an action a layer implicitly denies (no statement of it allows the call). */
const LAYER_FIX: Readonly<Partial<Record<DecisionPoint, string>>> = {
  'identity-policy': "add an Allow for it to one of the role's policies",
  'permissions-boundary':
    "allow it in the role's permissions boundary as well (the boundary caps what the policies grant)",
  'session-policy':
    'allow it in the session policy the deploy passes (`inline-session-policy`, `managed-session-policies`)',
  scp: "ask the organization's administrators: a service control policy above the account decides it",
  rcp: "ask the organization's administrators: a resource control policy on the resource's account decides it",
  'resource-policy': "change the resource's own policy (a bucket, key, or repository policy, or the VPC endpoint's)",
};

/**
 * Where the Deny of an explicit denial is written, by layer. An Allow never overrides an explicit Deny, in any layer
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html): the only fix is the Deny
 * itself, so these name the policy to edit and who owns it, never a policy to add an Allow to.
 */
const DENY_IN: Readonly<Partial<Record<DecisionPoint, string>>> = {
  'identity-policy': "the caller's identity-based policies (those attached to the role or user, inline or managed)",
  'permissions-boundary': "the caller's permissions boundary",
  'session-policy': 'the session policy the deploy passes (`inline-session-policy`, `managed-session-policies`)',
  scp: "a service control policy above the account (the organization's administrators own it)",
  rcp: "a resource control policy on the resource's account (the organization's administrators own it)",
  'resource-policy': "the resource's own policy (a bucket, key, or repository policy)",
};

/** The fix of an explicit denial: the Deny narrowed or removed, never an Allow added (it would not count). */
function denyFix(request: DeniedRequest, name: string): string {
  const where = /VPC endpoint/i.test(name)
    ? "the VPC endpoint's policy (the network's owners decide it)"
    : ((request.layer ? DENY_IN[request.layer] : undefined) ?? name);
  const policy = request.policyArn ? ` (${request.policyArn})` : '';
  return `Find the Deny statement in ${where}${policy} that matches ${request.action}${on(request)} and narrow its Action, Resource or Condition so it no longer matches the call, or remove it: an Allow in any policy never overrides an explicit Deny (${EVALUATION}).`;
}

/** The grammar's denial as a finding: explicit-deny or implicit-deny at the named layer, or access-denied. */
function denialMatch(request: DeniedRequest): LogMatch {
  const what = `AWS refused ${request.action}${on(request)}${who(request)}`;
  if (/^sts:AssumeRoleWithWebIdentity$/i.test(request.action) && request.layer === undefined) {
    return trustDenied('aws-denial');
  }
  if (/^sts:(AssumeRole|TagSession)$/i.test(request.action) && request.layer === undefined) {
    return {
      class: 'chained-trust-denied',
      decisionPoint: 'sts-trust',
      source: 'aws-denial',
      message: `${what}: the chained role's trust policy does not admit the session, or a layer of the caller refuses it.`,
      fix: "Allow the caller's role in the chained role's trust policy (sts:AssumeRole, and sts:TagSession when tags are passed), and allow the call in the caller's policies.",
      wouldReturn: 403,
      request,
    };
  }
  if (request.layer !== undefined) {
    const name = request.layerName ?? 'a layer';
    const fixLayer = LAYER_FIX[request.layer] ?? 'change the policy that decides it';
    return {
      class: request.explicit ? 'explicit-deny' : 'implicit-deny',
      decisionPoint: request.layer,
      source: 'aws-denial',
      message: request.explicit
        ? `${what}: a Deny statement in ${name} matches the call${request.policyArn ? ` (${request.policyArn})` : ''}.`
        : `${what}: no statement of ${name} allows it.`,
      fix: request.explicit ? denyFix(request, name) : `To grant it, ${fixLayer}.`,
      wouldReturn: 403,
      // A VPC endpoint's policy is the network's rule, not the role's entitlement.
      ...(/VPC endpoint/i.test(name) ? { cause: 'changed-trust-or-network-rule' as const } : {}),
      request,
    };
  }
  return unnamedLayer({
    source: 'aws-denial',
    message: `${what}${request.explicit ? ' with an explicit deny' : ''}; the message does not name the layer.`,
    fix: request.explicit
      ? `Find the Deny statement that matches ${request.action} in each layer AWS evaluates (SCPs, RCPs, the resource's policy, the role's policies, its boundary, the session policy) and narrow or remove it: an Allow never overrides an explicit Deny (${EVALUATION}).`
      : `Check each layer for ${request.action} in the order AWS evaluates them (SCPs, RCPs, the resource's policy, the role's policies, its boundary, the session policy): ${TROUBLESHOOT}.`,
    wouldReturn: 403,
    request,
  });
}

/** STS's refusal of the web identity: the trust policy does not admit the token. */
function trustDenied(source: string): LogMatch {
  return {
    class: 'trust-denied',
    decisionPoint: 'sts-trust',
    source,
    message:
      "STS refused sts:AssumeRoleWithWebIdentity: the role's trust policy does not admit the job's OIDC token (its `sub`, `aud` or another claim fails a condition, or the principal is not the account's GitHub provider).",
    fix: "Compare the trust policy's conditions with the token's claims (`sub` is case-sensitive, `repo:OWNER/REPO:environment:NAME` for a job with an environment); run the preflight's trust check to name the failing condition.",
    wouldReturn: 403,
  };
}

/** The access-denied grammar. */
const accessDenied: Matcher = (line) => {
  const request = parseDenial(line);
  return request ? withPrintedStatus(denialMatch(request), line) : undefined;
};

/**
 * A denial with the status its line prints (KMS's `AccessDeniedException` inside Lambda's error, `Status Code: 400`):
 * the service's answer, not the 403 most denials end in.
 */
function withPrintedStatus(match: LogMatch, line: string): LogMatch {
  const status = printedStatus(line);
  return status ? { ...match, wouldReturn: status } : match;
}

/**
 * The IAM action of an S3 object operation the AWS CLI's `s3` commands call on one object (the service authorization
 * reference for S3: a multipart upload's parts are `s3:PutObject`, HeadObject is `s3:GetObject`).
 */
const S3_OBJECT_ACTION: Readonly<Record<string, string>> = {
  PutObject: 's3:PutObject',
  CreateMultipartUpload: 's3:PutObject',
  UploadPart: 's3:PutObject',
  CompleteMultipartUpload: 's3:PutObject',
  GetObject: 's3:GetObject',
  HeadObject: 's3:GetObject',
  DeleteObject: 's3:DeleteObject',
};
/** A bucket's name: 3 to 63 lower-case letters, digits, dots and hyphens. */
const S3_BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** An SDK's or tool's AccessDenied that carries no grammar. */
const sdkDenied: Matcher = (line) => {
  const operation =
    /\((AccessDenied(?:Exception)?|UnauthorizedOperation|Forbidden)\) when calling the (\w+) operation/.exec(line);
  const ec2 = /\bUnauthorizedOperation\b[:)]?/.exec(line);
  const bare =
    /(?:^|[\s:(["'])(AccessDenied(?:Exception)?)(?::|\)|\s+status code)|<Code>AccessDenied<\/Code>|\bCode: AccessDenied\b|\bS3 error: 403 \(AccessDenied\)/.exec(
      line,
    );
  if (!operation && !ec2 && !bare) return undefined;
  const op = operation?.[2];
  const encoded = /Encoded authorization failure message/i.test(line);
  // `upload failed: FILE to s3://BUCKET/KEY …` (the AWS CLI's s3 commands): the bucket refused, so a sync refused on
  // every file of a bucket is one failure and two buckets are two.
  const object = /\bs3:\/\/([^\s"'`/]+)\/([^\s"'`]+)/.exec(line);
  const bucket = object?.[1] ?? /\bs3:\/\/([^\s"'`/]+)/.exec(line)?.[1];
  const evidence = { ...(op ? { operation: op } : {}), ...(bucket ? { bucket } : {}) };
  // `upload failed: FILE to s3://BUCKET/KEY … when calling the PutObject operation`: the action is `s3:PutObject` on the
  // object's ARN (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html); a bucket the
  // runner masked (`***`) is no name (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html).
  const action = op ? S3_OBJECT_ACTION[op] : undefined;
  const example =
    action && object?.[1] && S3_BUCKET.test(object[1])
      ? { action, resource: `arn:aws:s3:::${object[1]}/${object[2]}` }
      : undefined;
  return withPrintedStatus(
    unnamedLayer({
      source: 'aws-sdk',
      message: `AWS refused ${op ? `the ${op} call` : 'a call'}${ec2 && !operation ? ' (UnauthorizedOperation)' : ''}; the message names neither the action's layer nor the resource.`,
      fix: encoded
        ? 'Decode the message with `aws sts decode-authorization-message --encoded-message …` (it names the action, the resource and the deciding statement), then grant or narrow that.'
        : `Find the action and resource (CloudTrail's event for the call has both, with errorCode AccessDenied), then check each layer for it: ${TROUBLESHOOT}.`,
      wouldReturn: 403,
      ...(Object.keys(evidence).length > 0 ? { evidence } : {}),
      ...(example ? { example } : {}),
    }),
    line,
  );
};

/** Terraform's `StatusCode: 403` of an AWS call without a grammar (the grammar matcher runs first). */
const terraform403: Matcher = (line) => {
  if (!/\bStatusCode: 40[13]\b/.test(line) || !/operation error|api error|https response error/i.test(line))
    return undefined;
  const op = /operation error ([\w ]+): (\w+)/.exec(line);
  return unnamedLayer({
    source: 'terraform',
    message: `AWS refused ${op ? `${op[1]?.trim()} ${op[2]}` : 'a call'} with HTTP 403; the message does not name the layer.`,
    fix: `Find the action for this operation in the service authorization reference and check each layer for it: ${TROUBLESHOOT}.`,
    wouldReturn: 403,
    ...(op?.[2] ? { evidence: { operation: op[2] } } : {}),
  });
};

/** AWS's matchers, most specific first. */
export const AWS_MATCHERS: readonly Matcher[] = [accessDenied, terraform403, sdkDenied];
export { trustDenied };
