import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  placeDraft
} from "./shared-model-finding-classes.js";
import {
  HIDDEN
} from "./shared-text-inert.js";
import {
  redactSecretShapes
} from "./shared-text-secret-shapes.js";

// src/diagnose/permission-line.ts
var ACTION = /^[A-Za-z0-9-]+:[A-Za-z0-9*?_-]+$/;
function permissionLine(request) {
  const { action, resource, principal } = request;
  if (!resource || principal === "anonymous" || !ACTION.test(action)) return void 0;
  const arn = resource.startsWith("arn:") && resource.split(":").length >= 6 && !/[\s"'#]/.test(resource);
  if (resource !== "*" && !arn) return void 0;
  return `${action} ${resource}`;
}
function catchSentence(permission, role) {
  return `To catch it before the deploy, list \`${permission}\` in the role's \`permissions\` (.github/preflight.yml${role ? `, role ${role}` : ""}).`;
}
var LAYER_NOT_GIVEN = "the deny comes from a layer the preflight was not given or that changed since it passed. Give that layer to the preflight's policy files (docs/policy-folder.md) and run `permission-preflight check`, or compare with the last passing run (`permission-preflight diff`).";
function declaredRefusedBy(f, dir) {
  if (f.evidence.declared === void 0 || f.fix === void 0 || !f.fix.includes(LAYER_NOT_GIVEN)) return f;
  const said = `the policy files in ${dir} refuse it too (the deciding statement below), so a preflight run with them reports this denial before the deploy; one that passed was not given that layer, or ran before it changed. Change the refusing statement, or keep the call out of the deploy.`;
  return { ...f, fix: f.fix.replace(LAYER_NOT_GIVEN, said) };
}
function withDeclaredLine(f, declared) {
  const { permission, role } = f.evidence;
  if (typeof permission !== "string" || f.fix === void 0) return f;
  const proposed = catchSentence(permission, typeof role === "string" ? role : void 0);
  const said = `The configuration already declares it: \`${declared.line}\` (${declared.origin}, role ${declared.role}), so the preflight checks this call; ${LAYER_NOT_GIVEN}`;
  return f.fix.includes(proposed) ? { ...f, fix: f.fix.replace(proposed, said), evidence: { ...f.evidence, declared: declared.origin } } : f;
}

// src/diagnose/match.ts
function firstMatch(matchers, line) {
  for (const m of matchers) {
    const found = m(line);
    if (found) return found;
  }
  return void 0;
}
function printedStatus(line) {
  const status = /\bstatus[ _]?code:?\s*(40[013])\b/i.exec(line)?.[1];
  return status ? Number(status) : void 0;
}

// src/diagnose/aws.ts
var TROUBLESHOOT = "https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html";
var EVALUATION = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html";
var LAYERS = [
  [/^identity-based polic(?:y|ies)/i, "identity-policy", "an identity-based policy"],
  [/^resource-based polic(?:y|ies)/i, "resource-policy", "a resource-based policy"],
  [/^permissions? boundar(?:y|ies)/i, "permissions-boundary", "a permissions boundary"],
  [/^session polic(?:y|ies)/i, "session-policy", "a session policy"],
  [/^service control polic(?:y|ies)/i, "scp", "a service control policy"],
  [/^resource control polic(?:y|ies)/i, "rcp", "a resource control policy"],
  [/^VPC endpoint polic(?:y|ies)/i, "resource-policy", "a VPC endpoint policy"]
];
var MAX_ARN = 2048;
var PRINCIPAL = /(arn:aws[a-z-]*:[a-z0-9-]+:[^\s:]*:[^\s:]*:[^\s"',\\]+|anonymous)\\?["']?\s*$/i;
var ACTION2 = /^:?\s*([A-Za-z0-9-]+:[A-Za-z0-9*]+)/;
var RESOURCE = /^\s+on resource:?\s*(?:\\?"([^"\\]+)\\?"|([^\s"',\\]+))/i;
var BECAUSE = /^\s*because no (.+?) allows?\b/i;
var EXPLICIT = /^\s*with an explicit deny(?: in (?:an? |the )?(.*))?/i;
function roleOf(principal) {
  const assumed = /^arn:(aws[a-z-]*):sts::(\d{12}):assumed-role\/([^/]+)\//.exec(principal);
  if (assumed) return `arn:${assumed[1]}:iam::${assumed[2]}:role/${assumed[3]}`;
  if (/^arn:aws[a-z-]*:iam::\d{12}:role\//.test(principal)) return principal;
  return void 0;
}
function layerOf(text) {
  for (const [pattern, point, name] of LAYERS) if (pattern.test(text.trim())) return [point, name];
  return void 0;
}
function parseDenial(line) {
  const at = line.search(/\bis not authorized to perform\b/i);
  if (at < 0) return void 0;
  const principal = PRINCIPAL.exec(line.slice(Math.max(0, at - 400), at))?.[1];
  let rest = line.slice(at).replace(/^is not authorized to perform/i, "");
  const action = ACTION2.exec(rest);
  if (!action?.[1]) return void 0;
  rest = rest.slice(action[0].length);
  const resourceMatch = RESOURCE.exec(rest);
  const resource = resourceMatch ? resourceMatch[1] ?? resourceMatch[2] : void 0;
  if (resourceMatch) rest = rest.slice(resourceMatch[0].length);
  const role = principal ? roleOf(principal) : void 0;
  const base = {
    action: action[1],
    ...principal && principal.length <= MAX_ARN ? { principal } : {},
    ...role && role.length <= MAX_ARN ? { role } : {},
    ...resource && resource.length <= MAX_ARN ? { resource } : {}
  };
  const because = BECAUSE.exec(rest);
  const implicitLayer = because?.[1] ? layerOf(because[1]) : void 0;
  if (implicitLayer) return { ...base, layer: implicitLayer[0], layerName: implicitLayer[1], explicit: false };
  const explicit = EXPLICIT.exec(rest);
  if (explicit) {
    const layer = explicit[1] ? layerOf(explicit[1]) : void 0;
    const policyArn = layer ? /^[^:]*?:\s*(arn:[^\s"',)\\]+)/.exec(explicit[1] ?? "")?.[1] : void 0;
    return {
      ...base,
      explicit: true,
      ...layer ? { layer: layer[0], layerName: layer[1] } : {},
      ...policyArn ? { policyArn } : {}
    };
  }
  return base;
}
function who(request) {
  return request.principal ? ` to ${request.principal}` : "";
}
function on(request) {
  return request.resource ? ` on ${request.resource}` : "";
}
var LAYERS_TO_CHECK = [
  "scp",
  "rcp",
  "resource-policy",
  "identity-policy",
  "permissions-boundary",
  "session-policy"
];
function unnamedLayer(match) {
  return {
    ...match,
    class: "access-denied",
    decisionPoint: "unknown-layer",
    evidence: { ...match.evidence, layersToCheck: [...LAYERS_TO_CHECK] }
  };
}
var LAYER_FIX = {
  "identity-policy": "add an Allow for it to one of the role's policies",
  "permissions-boundary": "allow it in the role's permissions boundary as well (the boundary caps what the policies grant)",
  "session-policy": "allow it in the session policy the deploy passes (`inline-session-policy`, `managed-session-policies`)",
  scp: "ask the organization's administrators: a service control policy above the account decides it",
  rcp: "ask the organization's administrators: a resource control policy on the resource's account decides it",
  "resource-policy": "change the resource's own policy (a bucket, key, or repository policy, or the VPC endpoint's)"
};
var DENY_IN = {
  "identity-policy": "the caller's identity-based policies (those attached to the role or user, inline or managed)",
  "permissions-boundary": "the caller's permissions boundary",
  "session-policy": "the session policy the deploy passes (`inline-session-policy`, `managed-session-policies`)",
  scp: "a service control policy above the account (the organization's administrators own it)",
  rcp: "a resource control policy on the resource's account (the organization's administrators own it)",
  "resource-policy": "the resource's own policy (a bucket, key, or repository policy)"
};
function denyFix(request, name) {
  const where = /VPC endpoint/i.test(name) ? "the VPC endpoint's policy (the network's owners decide it)" : (request.layer ? DENY_IN[request.layer] : void 0) ?? name;
  const policy = request.policyArn ? ` (${request.policyArn})` : "";
  return `Find the Deny statement in ${where}${policy} that matches ${request.action}${on(request)} and narrow its Action, Resource or Condition so it no longer matches the call, or remove it: an Allow in any policy never overrides an explicit Deny (${EVALUATION}).`;
}
function denialMatch(request) {
  const what = `AWS refused ${request.action}${on(request)}${who(request)}`;
  if (/^sts:AssumeRoleWithWebIdentity$/i.test(request.action) && request.layer === void 0) {
    return trustDenied("aws-denial");
  }
  if (/^sts:(AssumeRole|TagSession)$/i.test(request.action) && request.layer === void 0) {
    return {
      class: "chained-trust-denied",
      decisionPoint: "sts-trust",
      source: "aws-denial",
      message: `${what}: the chained role's trust policy does not admit the session, or a layer of the caller refuses it.`,
      fix: "Allow the caller's role in the chained role's trust policy (sts:AssumeRole, and sts:TagSession when tags are passed), and allow the call in the caller's policies.",
      wouldReturn: 403,
      request
    };
  }
  if (request.layer !== void 0) {
    const name = request.layerName ?? "a layer";
    const fixLayer = LAYER_FIX[request.layer] ?? "change the policy that decides it";
    return {
      class: request.explicit ? "explicit-deny" : "implicit-deny",
      decisionPoint: request.layer,
      source: "aws-denial",
      message: request.explicit ? `${what}: a Deny statement in ${name} matches the call${request.policyArn ? ` (${request.policyArn})` : ""}.` : `${what}: no statement of ${name} allows it.`,
      fix: request.explicit ? denyFix(request, name) : `To grant it, ${fixLayer}.`,
      wouldReturn: 403,
      // A VPC endpoint's policy is the network's rule, not the role's entitlement.
      .../VPC endpoint/i.test(name) ? { cause: "changed-trust-or-network-rule" } : {},
      request
    };
  }
  return unnamedLayer({
    source: "aws-denial",
    message: `${what}${request.explicit ? " with an explicit deny" : ""}; the message does not name the layer.`,
    fix: request.explicit ? `Find the Deny statement that matches ${request.action} in each layer AWS evaluates (SCPs, RCPs, the resource's policy, the role's policies, its boundary, the session policy) and narrow or remove it: an Allow never overrides an explicit Deny (${EVALUATION}).` : `Check each layer for ${request.action} in the order AWS evaluates them (SCPs, RCPs, the resource's policy, the role's policies, its boundary, the session policy): ${TROUBLESHOOT}.`,
    wouldReturn: 403,
    request
  });
}
function trustDenied(source) {
  return {
    class: "trust-denied",
    decisionPoint: "sts-trust",
    source,
    message: "STS refused sts:AssumeRoleWithWebIdentity: the role's trust policy does not admit the job's OIDC token (its `sub`, `aud` or another claim fails a condition, or the principal is not the account's GitHub provider).",
    fix: "Compare the trust policy's conditions with the token's claims (`sub` is case-sensitive, `repo:OWNER/REPO:environment:NAME` for a job with an environment); run the preflight's trust check to name the failing condition.",
    wouldReturn: 403
  };
}
var accessDenied = (line) => {
  const request = parseDenial(line);
  return request ? withPrintedStatus(denialMatch(request), line) : void 0;
};
function withPrintedStatus(match, line) {
  const status = printedStatus(line);
  return status ? { ...match, wouldReturn: status } : match;
}
var S3_OBJECT_ACTION = {
  PutObject: "s3:PutObject",
  CreateMultipartUpload: "s3:PutObject",
  UploadPart: "s3:PutObject",
  CompleteMultipartUpload: "s3:PutObject",
  GetObject: "s3:GetObject",
  HeadObject: "s3:GetObject",
  DeleteObject: "s3:DeleteObject"
};
var S3_BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
var sdkDenied = (line) => {
  const operation = /\((AccessDenied(?:Exception)?|UnauthorizedOperation|Forbidden)\) when calling the (\w+) operation/.exec(line);
  const ec2 = /\bUnauthorizedOperation\b[:)]?/.exec(line);
  const bare = /(?:^|[\s:(["'])(AccessDenied(?:Exception)?)(?::|\)|\s+status code)|<Code>AccessDenied<\/Code>|\bCode: AccessDenied\b|\bS3 error: 403 \(AccessDenied\)/.exec(
    line
  );
  if (!operation && !ec2 && !bare) return void 0;
  const op = operation?.[2];
  const encoded = /Encoded authorization failure message/i.test(line);
  const object = /\bs3:\/\/([^\s"'`/]+)\/([^\s"'`]+)/.exec(line);
  const bucket = object?.[1] ?? /\bs3:\/\/([^\s"'`/]+)/.exec(line)?.[1];
  const evidence = { ...op ? { operation: op } : {}, ...bucket ? { bucket } : {} };
  const action = op ? S3_OBJECT_ACTION[op] : void 0;
  const example = action && object?.[1] && S3_BUCKET.test(object[1]) ? { action, resource: `arn:aws:s3:::${object[1]}/${object[2]}` } : void 0;
  return withPrintedStatus(
    unnamedLayer({
      source: "aws-sdk",
      message: `AWS refused ${op ? `the ${op} call` : "a call"}${ec2 && !operation ? " (UnauthorizedOperation)" : ""}; the message names neither the action's layer nor the resource.`,
      fix: encoded ? "Decode the message with `aws sts decode-authorization-message --encoded-message \u2026` (it names the action, the resource and the deciding statement), then grant or narrow that." : `Find the action and resource (CloudTrail's event for the call has both, with errorCode AccessDenied), then check each layer for it: ${TROUBLESHOOT}.`,
      wouldReturn: 403,
      ...Object.keys(evidence).length > 0 ? { evidence } : {},
      ...example ? { example } : {}
    }),
    line
  );
};
var terraform403 = (line) => {
  if (!/\bStatusCode: 40[13]\b/.test(line) || !/operation error|api error|https response error/i.test(line))
    return void 0;
  const op = /operation error ([\w ]+): (\w+)/.exec(line);
  return unnamedLayer({
    source: "terraform",
    message: `AWS refused ${op ? `${op[1]?.trim()} ${op[2]}` : "a call"} with HTTP 403; the message does not name the layer.`,
    fix: `Find the action for this operation in the service authorization reference and check each layer for it: ${TROUBLESHOOT}.`,
    wouldReturn: 403,
    ...op?.[2] ? { evidence: { operation: op[2] } } : {}
  });
};
var AWS_MATCHERS = [accessDenied, terraform403, sdkDenied];

// src/diagnose/clean.ts
var MAX_LINE_CHARS = 16 * 1024;
var CUT_MARK = " \u2026 ";
function boundLine(raw) {
  if (raw.length <= MAX_LINE_CHARS) return raw;
  const half = Math.floor((MAX_LINE_CHARS - CUT_MARK.length) / 2);
  return `${raw.slice(0, half)}${CUT_MARK}${raw.slice(-half)}`;
}
var QUOTE_CHARS = 400;
var GH_PREFIX = /^[^\t]{0,512}\t[^\t]{0,512}\t(?=\uFEFF?\d{4}-\d\d-\d\dT)/;
var TIMESTAMP = /^\uFEFF?\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z ?/;
var COMMAND = /^##\[[a-z]+\]/i;
var ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b/g;
function cleanLine(raw) {
  let line = boundLine(raw);
  line = line.replace(ANSI, "").replace(/\r/g, "");
  line = line.replace(GH_PREFIX, "").replace(TIMESTAMP, "");
  line = line.replace(COMMAND, "");
  return line;
}
function showHidden(text) {
  return text.replace(HIDDEN, (c) => `\\u{${(c.codePointAt(0) ?? 0).toString(16)}}`);
}
function safeText(text) {
  return showHidden(redactSecretShapes(text));
}
function quoteLine(line) {
  const safe = safeText(line.trim());
  return safe.length > QUOTE_CHARS ? `${safe.slice(0, QUOTE_CHARS)}\u2026` : safe;
}

// src/diagnose/federation.ts
var GCP_WIF = "https://cloud.google.com/iam/docs/troubleshooting-workload-identity-federation";
var ENTRA_ERRORS = "https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes";
var IMPERSONATION = /^iam\.serviceAccounts\.(?:getAccessToken|getOpenIdToken|signBlob|signJwt)$/;
var gcpPermission = (line) => {
  const m = /\bPermission ['"]?([a-z][\w-]*(?:\.[\w-]+){2,})['"]? denied on (?:resource|[\w ]+)/i.exec(line);
  if (m?.[1]) return gcpDenied(m[1]);
  if (/"(?:status|reason)":\s*"(?:IAM_)?PERMISSION_DENIED"|\bPERMISSION_DENIED:/.test(line)) {
    return { ...gcpDenied(void 0), generic: true };
  }
  return void 0;
};
function gcpDenied(permission) {
  const impersonation = permission !== void 0 && IMPERSONATION.test(permission);
  return {
    class: "gcp-permission-denied",
    decisionPoint: impersonation ? "identity-provider" : "identity-policy",
    source: "gcp",
    message: impersonation ? `Google Cloud refused ${permission} (403 PERMISSION_DENIED): the workload identity pool's principal may not impersonate the service account.` : `Google Cloud refused ${permission ?? "the call"} (403 PERMISSION_DENIED): the principal lacks the permission on the resource${permission ? "" : " (the line does not name it)"}.`,
    fix: impersonation ? "Grant the pool's principal (`principalSet://iam.googleapis.com/projects/NUMBER/locations/global/workloadIdentityPools/POOL/attribute.repository/OWNER/REPO`) `roles/iam.workloadIdentityUser` on the service account, and check that the attribute it names matches the token's (the provider's attribute mapping and condition; values are case-sensitive)." : `Grant the service account (or the federated principal) a role that holds ${permission ?? "the permission the call needs"} on the resource; the error's \`details\` name the permission.`,
    wouldReturn: 403,
    docUrl: GCP_WIF,
    ...permission ? { evidence: { needs: permission } } : {}
  };
}
function assertion(line) {
  const out = {};
  const subject = /assertion subject:?\s*'([^']{1,512})'/i.exec(line)?.[1];
  const issuer = /assertion issuer:?\s*'([^']{1,512})'/i.exec(line)?.[1];
  const audience = /assertion audience:?\s*'([^']{1,512})'/i.exec(line)?.[1];
  if (subject) out.subject = subject;
  if (issuer) out.issuer = issuer;
  if (audience) out.audience = audience;
  return out;
}
var entra = (line) => {
  const code = /\bAADSTS(70021|700213|700016)\b/.exec(line)?.[1];
  if (!code) return void 0;
  if (code === "700016") {
    const app = /Application with identifier '([^']{1,128})'/i.exec(line)?.[1];
    return {
      class: "federated-credential-mismatch",
      decisionPoint: "identity-provider",
      source: "entra",
      message: `Microsoft Entra ID refused the token exchange (AADSTS700016, HTTP 400): no application with the client ID the step passed${app ? ` (${app})` : ""} is in the tenant.`,
      fix: "Pass the application's (client) ID and the tenant ID of the app registration or user-assigned managed identity that holds the federated credential (`client-id`, `tenant-id`), and check that the app is consented in that tenant.",
      wouldReturn: 400,
      docUrl: ENTRA_ERRORS,
      ...app ? { evidence: { application: app } } : {}
    };
  }
  const seen = assertion(line);
  return {
    class: "federated-credential-mismatch",
    decisionPoint: "identity-provider",
    source: "entra",
    message: `Microsoft Entra ID refused the job's OIDC token (AADSTS${code}, HTTP 400): no federated identity credential of the app or identity matches its issuer, subject and audience${seen.subject ? ` (subject ${seen.subject})` : ""}.`,
    fix: "Add a federated credential whose issuer is `https://token.actions.githubusercontent.com`, audience `api://AzureADTokenExchange`, and subject exactly the token's `sub` (case-sensitive: `repo:OWNER/REPO:environment:NAME` for a job with an environment, `repo:OWNER/REPO:ref:refs/heads/BRANCH`, `repo:OWNER/REPO:pull_request`), or change the job so its token carries the subject the credential names.",
    wouldReturn: 400,
    ...Object.keys(seen).length > 0 ? { evidence: seen } : {}
  };
};
var MARKER = /\bAADSTS\d{4,8}\b|\bPERMISSION_DENIED\b|\bUNAUTHENTICATED\b|["']error["']\s*:\s*["'](?:invalid_grant|invalid_client|unauthorized_client|access_denied|invalid_token)["']/;
var unrecognised = (line) => {
  const marker = MARKER.exec(line)?.[0];
  if (!marker) return void 0;
  return {
    class: "auth-error-unrecognised",
    decisionPoint: "token",
    source: "marker",
    message: `The line shows an authentication or authorization error (${marker.replace(/["'\s]/g, "")}) that explain has no rule for; read it and the lines around it.`,
    fix: "Look the error code up in the provider's documentation (Microsoft Entra's AADSTS codes, Google Cloud's error model, the OAuth error of RFC 6749 \xA75.2), and check the credential, its federation and the permission the call needs.",
    evidence: { marker: marker.replace(/["'\s]/g, "") }
  };
};
var FEDERATION_MATCHERS = [gcpPermission, entra];
var MARKER_MATCHERS = [unrecognised];

// src/diagnose/github.ts
function acceptedPermissions(line) {
  const header = /x-accepted-github-permissions['"]?\s*[:=]\s*['"]?([a-z_=; ,-]+)/i.exec(line)?.[1];
  if (!header) return void 0;
  const alternatives = header.split(";").map(
    (alt) => alt.split(",").map((p) => p.trim()).filter((p) => /^[a-z_-]+=[a-z]+$/i.test(p)).map((p) => p.replace("=", ": ").replace(/_/g, "-"))
  ).filter((needs) => needs.length > 0).map((needs) => needs.join(" and "));
  if (alternatives.length === 0) return void 0;
  return { text: alternatives.join(", or "), alternatives: alternatives.length };
}
var notAccessible = (line) => {
  const accepted = acceptedPermissions(line);
  if (!/Resource not accessible by (?:integration|personal access token)/i.test(line)) {
    return accepted ? { ...refusal(accepted, false), detail: true } : void 0;
  }
  return refusal(accepted, /by personal access token/i.test(line));
};
function refusal(accepted, pat) {
  const grant = !accepted ? void 0 : accepted.alternatives > 1 ? `Grant one of these in the job's \`permissions:\` (any one suffices): ${accepted.text}` : `Grant it in the job's \`permissions:\` (${accepted.text})`;
  return {
    class: "github-token-scope-missing",
    decisionPoint: "github-token",
    source: "github",
    message: pat ? "GitHub refused the call: the fine-grained personal access token lacks the permission (or the repository)." : `GitHub refused the job's token (HTTP 403): it lacks the permission the call needs${accepted ? ` (GitHub accepts: ${accepted.text})` : ""}.`,
    fix: grant ? `${grant}; a pull request from a fork gets a read-only token whatever it asks.` : `Grant the permission the call needs in the job's \`permissions:\` (the error's response names it in \`X-Accepted-GitHub-Permissions\`; the docs list which permission each endpoint needs).`,
    wouldReturn: 403,
    ...accepted ? { evidence: { accepted: accepted.text } } : {}
  };
}
var gitPush = (line) => {
  const m = /remote: Permission to (\S+?) denied to ([^\s.\\"']+(?:\.[^\s.\\"']+)*?)\.?(?=\s|\\[nr]|["']|$)/i.exec(
    line
  );
  if (!m) return void 0;
  const bot = /github-actions\[bot\]/i.test(m[2] ?? "");
  return {
    class: bot ? "github-token-scope-missing" : "forbidden",
    decisionPoint: "github-token",
    source: "git",
    message: `GitHub refused a git push to ${m[1]} by ${m[2]} (HTTP 403).`,
    fix: bot ? "Grant `contents: write` in the job's `permissions:` (or allow read and write for GITHUB_TOKEN in the repository's Actions settings); a push that changes `.github/workflows/` also needs `workflows: write`, which GITHUB_TOKEN never has." : "Give that account or token write access to the repository (a fine-grained token needs Contents: read and write).",
    wouldReturn: 403,
    evidence: { repository: m[1] ?? "", pusher: m[2] ?? "" }
  };
};
var packages = (line) => {
  const m = /denied: (?:installation|permission_denied:?) (?:not allowed to|write_package)(?: (\w+) organization package)?/i.exec(
    line
  );
  if (!m) return void 0;
  return {
    class: "github-token-scope-missing",
    decisionPoint: "github-token",
    source: "github-packages",
    message: "GitHub Packages refused the job's token: it may not write the package.",
    fix: "Grant `packages: write` in the job's `permissions:`, and give the repository write access in the package's settings (Manage Actions access); a pull request from a fork gets a read-only token whatever it asks, and an organization may forbid creating packages.",
    wouldReturn: 403
  };
};
var noIdToken = (line) => {
  if (!/Unable to get ACTIONS_ID_TOKEN_REQUEST_(?:URL|TOKEN) env variable/i.test(line)) return void 0;
  return {
    class: "missing-id-token-permission",
    decisionPoint: "runner",
    source: "github",
    message: "The job could not request an OIDC token: the runner did not give it the token endpoint, as for a job without `id-token: write` or a pull request from a fork.",
    fix: "Add `permissions: id-token: write` to the job (a job-level `permissions:` replaces the workflow's, so list `contents: read` too); a pull request from a fork never gets an OIDC token."
  };
};
var noCredentials = (line) => {
  if (!/Credentials could not be loaded|Could not load credentials from any providers/i.test(line)) return void 0;
  return {
    class: "missing-id-token-permission",
    decisionPoint: "runner",
    source: "configure-aws-credentials",
    message: "No AWS credentials reached the step: no OIDC token (no `id-token: write`, or a fork) and no access keys.",
    fix: "Add `permissions: id-token: write` to the job and set `role-to-assume`; or, for keys, check that the secrets exist in this repository and environment (a fork's run gets no secrets)."
  };
};
var githubAuth = (line) => {
  if (/Resource protected by organization SAML enforcement/i.test(line)) {
    return {
      class: "forbidden",
      decisionPoint: "github-token",
      source: "github",
      message: "GitHub refused the token: the organization enforces SAML single sign-on, and the token is not authorized for it.",
      fix: "Authorize the personal access token for the organization's SSO (the token's settings, Configure SSO), or use the job's GITHUB_TOKEN or a GitHub App token.",
      wouldReturn: 403
    };
  }
  if (!/\bHttpError: (?:Bad credentials|Requires authentication)\b|"message":\s*"(?:Bad credentials|Requires authentication)"/i.test(
    line
  )) {
    return void 0;
  }
  return {
    class: "credential-rejected",
    decisionPoint: "github-token",
    source: "github",
    message: "GitHub answered 401: the token is missing, expired or revoked.",
    fix: "Check the secret the step passes: a personal access token may have expired or been revoked (rotate it), and GITHUB_TOKEN expires with its job.",
    wouldReturn: 401
  };
};
var GITHUB_MATCHERS = [
  notAccessible,
  gitPush,
  packages,
  noIdToken,
  noCredentials,
  githubAuth
];

// src/diagnose/http.ts
var STATUS = [
  /(?<![\w/.:-])(40[13])\s+(?:Unauthorized|Forbidden)\b/i,
  /\((40[13])\)\s*(?:Unauthorized|Forbidden)\b/i,
  /\bHTTP(?:\/[\d.]+)?\s*:?\s+(40[13])(?![\w/.])/i,
  /\bhttp error:?\s*(40[13])(?![\w/.])/i,
  /\bstatus(?:[ _]?code)?\s*[:=]?\s*(40[13])(?![\w/.])/i,
  /\bresponse code:?\s*(40[13])(?![\w/.])/i,
  /\breturned error:?\s*(40[13])(?![\w/.])/i,
  /\bfailed with status code (40[13])(?![\w/.])/i
];
var GITHUB_HOST = /\b(?:api\.)?github\.com\b|\bghcr\.io\b|\bgithub-actions\[bot\]|\bgh:/i;
function pointOf(line) {
  return GITHUB_HOST.test(line) ? "github-token" : "token";
}
function statusMatch(status, source, line, what, generic) {
  const point = pointOf(line);
  const github = point === "github-token";
  if (status === "401") {
    return {
      class: "credential-rejected",
      decisionPoint: point,
      source,
      message: `${what} answered 401: it did not accept the credential (missing, expired, rotated or for another registry or host).`,
      fix: github ? "Check the token the step uses: GITHUB_TOKEN expires with the job, and a stored personal access token may have expired or been revoked." : "Check that the step logs in before the call and that the stored token or password is current (rotate the secret if it expired or was revoked).",
      wouldReturn: 401,
      generic
    };
  }
  return {
    class: "forbidden",
    decisionPoint: point,
    source,
    message: `${what} answered 403: it accepted the credential but refuses it this request.`,
    fix: github ? "Grant the permission the call needs in the job's `permissions:` (GITHUB_TOKEN), or to the token's account." : "Give the credential's account access to the resource (a registry's team or package access, a publish permission), or use a credential that has it.",
    wouldReturn: 403,
    generic
  };
}
var npm = (line) => {
  const m = /\bnpm (?:ERR!|error)\s+(?:code E(40[13])\b|(40[13])\b)/.exec(line);
  const status = m?.[1] ?? m?.[2];
  if (!status) return void 0;
  const request = /\b(GET|PUT|POST|DELETE|PATCH|HEAD)\s+(https?:\/\/\S+)/.exec(line);
  const found = statusMatch(status, "npm", line, "The npm registry", request === null);
  return request ? { ...found, evidence: { request: `${request[1]} ${request[2]}` } } : found;
};
var docker = (line) => {
  if (/\bno basic auth credentials\b/i.test(line)) {
    return statusMatch("401", "registry", line, "The container registry", false);
  }
  const m = /(?:^|\b(?:error|daemon|with)\s*:\s*|:\s+)(denied|unauthorized):\s+(\S.*)$/i.exec(line.trim());
  if (!m) return void 0;
  const status = m[1]?.toLowerCase() === "denied" ? "403" : "401";
  return {
    ...statusMatch(status, "registry", line, "The container registry", false),
    evidence: { reason: (m[2] ?? "").slice(0, 200) }
  };
};
var plain = (line) => {
  for (const pattern of STATUS) {
    const m = pattern.exec(line);
    if (m?.[1]) return statusMatch(m[1], "http", line, "A server", true);
  }
  return void 0;
};
var HTTP_MATCHERS = [npm, docker, plain];

// src/diagnose/sts.ts
var STS_COMMON_ERRORS = "https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html";
var WEB_IDENTITY_ERRORS = "https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html#API_AssumeRoleWithWebIdentity_Errors";
var EC2_ERRORS = "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html";
var ECR_AUTH = "https://docs.aws.amazon.com/AmazonECR/latest/userguide/registry_auth.html";
function s3Call(line) {
  return /\bs3:\/\/|operation error S3:/i.test(line) || /when calling the (?:(?:Put|Get|Head|Delete|Copy|Restore|Select)Object\w*|ListObjects\w*|(?:Create|Complete|Abort)MultipartUpload|UploadPart\w*|ListBuckets|HeadBucket|(?:Get|Put|Delete|Create)Bucket\w*|DeleteObjects) operation/.test(
    line
  );
}
function operationOf(line) {
  const sdk = /when calling the (\w+) operation/.exec(line)?.[1];
  if (sdk) return sdk;
  const v2 = /operation error ([\w ]+?): (\w+)/.exec(line);
  return v2 ? `${v2[1]} ${v2[2]}` : void 0;
}
var RULES = [
  {
    pattern: /Incorrect token audience/i,
    class: "wrong-audience",
    point: "oidc-provider",
    message: "STS refused the OIDC token: its `aud` is not a client ID of the account's OIDC provider for the issuer.",
    fix: "Add the audience the job requests (configure-aws-credentials asks for `sts.amazonaws.com` unless `audience` is set) to the IAM OIDC provider's client IDs, or request the audience the provider lists.",
    // STS's InvalidIdentityToken: HTTP 400 (API_AssumeRoleWithWebIdentity.html, "Errors").
    wouldReturn: 400,
    docUrl: WEB_IDENTITY_ERRORS
  },
  {
    pattern: /No OpenID ?Connect provider found in your account for\s*(\S*)/i,
    class: "no-oidc-provider",
    point: "oidc-provider",
    message: "STS found no IAM OIDC provider for the token's issuer in the role's account.",
    fix: "Create the IAM OIDC provider for `https://token.actions.githubusercontent.com` (or your enterprise's issuer) in the account of the role, with the audience the job requests.",
    // STS's InvalidIdentityToken: HTTP 400 (API_AssumeRoleWithWebIdentity.html, "Errors").
    wouldReturn: 400,
    docUrl: WEB_IDENTITY_ERRORS
  },
  {
    pattern: /Couldn't retrieve verification key from your identity provider/i,
    class: "idp-keys-unreachable",
    point: "identity-provider",
    message: "STS could not fetch the issuer's signing keys (its OpenID configuration or `jwks_uri`).",
    fix: "Make the issuer's `/.well-known/openid-configuration` and its `jwks_uri` reachable from the internet (GitHub Enterprise Server's are internal by default), then retry.",
    // STS's InvalidIdentityToken: HTTP 400 (API_AssumeRoleWithWebIdentity.html, "Errors").
    wouldReturn: 400,
    docUrl: WEB_IDENTITY_ERRORS
  },
  {
    pattern: /Not authorized to perform:? sts:AssumeRoleWithWebIdentity/i,
    class: "trust-denied",
    point: "sts-trust",
    message: "",
    fix: ""
  },
  {
    // STS's own text for an expired web identity token ("Token expired: current date/time … must be before the
    // expiration date/time …"), or its error code on the AssumeRoleWithWebIdentity call itself.
    pattern: /\bToken expired\b|\bExpiredTokenException\b.*\bAssumeRoleWithWebIdentity\b|\bAssumeRoleWithWebIdentity\b.*\bExpiredTokenException\b/i,
    class: "token-expired",
    point: "token",
    message: "STS refused the web identity token as expired.",
    fix: "Request the OIDC token right before assuming the role (GitHub's token lives a few minutes), and keep the clock of a self-hosted runner in sync.",
    wouldReturn: 400
  },
  {
    // Any other call with expired session credentials: `ExpiredToken` (S3), `ExpiredTokenException` (most services).
    pattern: /The security token included in the request is expired|\bExpiredToken(?:Exception)?\b/i,
    class: "session-too-short",
    point: "session",
    message: "AWS refused a call because the session credentials had expired: the deploy outlived its session.",
    fix: "Raise `role-duration-seconds` (up to the role's MaxSessionDuration), or split the deploy; the preflight's `expected-duration` checks this before the deploy.",
    // S3 answers `ExpiredToken` with 400 (S3's list of error codes); another service named by the call answers as AWS's
    // common errors say, 403 (https://docs.aws.amazon.com/awsconsolehelpdocs/latest/gsg/common-errors.html,
    // ExpiredTokenException; CloudFormation's own CommonErrors page alike); a line that names no call claims none.
    wouldReturn: (line) => s3Call(line) ? 400 : operationOf(line) ? 403 : void 0
  },
  {
    // EC2's AuthFailure ("AWS was not able to validate the provided access credentials"), which EC2 answers with
    // 401 Unauthorized: the credential is not valid (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html,
    // "Common client error codes": "The provided credentials could not be validated").
    pattern: /\bAuthFailure\b|AWS was not able to validate the provided access credentials/,
    class: "credential-rejected",
    point: "token",
    message: "AWS (EC2) could not validate the credentials: the access key or session is not valid (expired, rotated or mistyped), or the account may not use the resource.",
    fix: "Refresh the credentials the step uses (a new session, or the current access key; prefer OIDC so no long-lived key is stored); if they are valid, check that the account may use EC2 and the resource (an AMI or Elastic IP of another account).",
    wouldReturn: 401,
    docUrl: EC2_ERRORS
  },
  {
    // Amazon ECR's registry token (from `aws ecr get-login-password` or amazon-ecr-login) is valid for 12 hours
    // (https://docs.aws.amazon.com/AmazonECR/latest/userguide/registry_auth.html): a push after it is refused with the
    // registry API's DENIED, a 403 (https://distribution.github.io/distribution/spec/api/#errors).
    pattern: /Your authorization token has expired/i,
    class: "credential-rejected",
    point: "token",
    message: "Amazon ECR refused the registry login as expired: the docker login's token (valid 12 hours, and no longer than the session that got it) ran out before the push.",
    fix: "Log in to ECR again right before the push (amazon-ecr-login, or `aws ecr get-login-password | docker login`), with a session that lasts past the push (`role-duration-seconds`).",
    wouldReturn: 403,
    docUrl: ECR_AUTH
  },
  {
    pattern: /The security token included in the request is invalid|\bInvalidClientTokenId\b|\bUnrecognizedClientException\b|The AWS Access Key Id you provided does not exist|\bInvalidAccessKeyId\b|\bSignatureDoesNotMatch\b/i,
    class: "credential-rejected",
    point: "token",
    message: "AWS did not accept the credentials: the access key or session token is unknown, rotated or mistyped.",
    fix: "Replace the stored access key (or stop mixing a stale `AWS_SESSION_TOKEN` with new keys); prefer OIDC so no long-lived key is stored.",
    wouldReturn: 403,
    docUrl: STS_COMMON_ERRORS
  },
  {
    pattern: /DurationSeconds exceeds the (?:MaxSessionDuration|1 hour session limit)|'durationSeconds' failed to satisfy constraint/i,
    class: "duration-too-long",
    point: "session",
    message: "STS refused the session: the requested duration is over the role's MaxSessionDuration (or one hour when chaining).",
    fix: "Lower `role-duration-seconds`, or raise the role's MaxSessionDuration (`aws iam update-role --max-session-duration`)."
  },
  {
    pattern: /'roleSessionName' failed to satisfy constraint|RoleSessionName.*(?:must|invalid)|Role session name must be between|role-session-name.*(?:invalid|must)/i,
    class: "invalid-session-name",
    point: "session",
    message: "STS refused the role session name: it must be 2 to 64 characters of letters, digits and `+=,.@-_`.",
    fix: "Set `role-session-name` to a value of that shape (an expression such as a branch name can hold `/`)."
  }
];
var sts = (line) => {
  for (const rule of RULES) {
    if (!rule.pattern.test(line)) continue;
    if (rule.class === "trust-denied") return trustDenied("sts");
    const provider = rule.class === "no-oidc-provider" ? rule.pattern.exec(line)?.[1] : void 0;
    const status = printedStatus(line) ?? (typeof rule.wouldReturn === "function" ? rule.wouldReturn(line) : rule.wouldReturn);
    const operation = operationOf(line);
    const error = /\((\w+)\) when calling\b|\bapi error (\w+):/.exec(line);
    const evidence = {
      ...provider ? { issuer: provider.replace(/[.,;]+$/, "") } : {},
      ...operation ? { operation } : {},
      error: error?.[1] ?? error?.[2] ?? rule.pattern.exec(line)?.[0] ?? ""
    };
    const match = {
      class: rule.class,
      decisionPoint: rule.point,
      source: "sts",
      message: rule.message,
      fix: rule.fix,
      ...status ? { wouldReturn: status } : {},
      ...rule.docUrl ? { docUrl: rule.docUrl } : {},
      ...Object.keys(evidence).length > 0 ? { evidence } : {}
    };
    return match;
  }
  return void 0;
};
var STS_MATCHERS = [sts];

// src/diagnose/xml-body.ts
var TAIL_LINES = 32;
var TAIL_LINE_CHARS = 1024;
var BRIDGE_LINES = 24;
var BRIDGE_CHARS = 4 * 1024;
var LOOK_BACK_LINES = 12;
var XML_DECLARATION = /^<\?xml\b[^>]*\?>$/;
var CURL_VERBOSE = /^(?:<(?:\s.*)?|\*\s.*|[{}] \[.*\])$/;
var AWS_RESPONSE_HEADER = /^<\s*x-amz-(?:request-id|id-2)\s*:/i;
var AWS_HOST_HEADER = /^>\s*Host:\s*(?:[\w.-]+\.)?amazonaws\.com(?:\.cn)?(?::\d+)?\s*$/i;
function bridgeLine(line) {
  const trimmed = line.trim();
  return trimmed === "" || XML_DECLARATION.test(trimmed) || CURL_VERBOSE.test(trimmed);
}
function bridgeBetween(tail, from, to) {
  const count = to - from - 1;
  if (count < 0 || count > BRIDGE_LINES) return void 0;
  const between = tail.filter((t) => t.at > from && t.at < to);
  if (between.length !== count) return void 0;
  const chars = between.reduce((n, t) => n + t.line.length, 0);
  return chars <= BRIDGE_CHARS && between.every((t) => bridgeLine(t.line)) ? between : void 0;
}
function tiedToAws(tail, bridge, statusAt, stepAt) {
  if (bridge.some((t) => AWS_RESPONSE_HEADER.test(t.line.trim()))) return true;
  return tail.some(
    (t) => t.at < statusAt && t.at >= statusAt - LOOK_BACK_LINES && t.at > stepAt && AWS_HOST_HEADER.test(t.line.trim())
  );
}

// src/diagnose/scan.ts
var MAX_FINDINGS = 50;
var FOLD_LINES = 4;
var GENERIC_FOLD_LINES = 12;
var ENRICH_LINES = 64;
var MATCHERS = [
  ...STS_MATCHERS,
  ...GITHUB_MATCHERS,
  ...AWS_MATCHERS,
  ...FEDERATION_MATCHERS,
  ...HTTP_MATCHERS,
  ...MARKER_MATCHERS
];
var ANY_FORM = /40[13]|denied|unauthori[sz]ed|not authorized|forbidden|audience|openid|verification key|expired|security token|clienttokenid|unrecognizedclient|authfailure|not able to validate|access ?key ?id|signaturedoesnotmatch|durationseconds|session[ -]?name|not accessible|accepted-github-permissions|permission to|actions_id_token_request|credentials|requires authentication|saml enforcement|aadsts|unauthenticated|invalid_(?:grant|client|token)|unauthorized_client/i;
function enrich(target, detail) {
  if (target.class !== detail.class) return target;
  return { ...target, message: detail.message, fix: detail.fix, evidence: { ...target.evidence, ...detail.evidence } };
}
function keyOf(m) {
  return JSON.stringify([
    m.class,
    m.decisionPoint,
    m.message,
    m.wouldReturn ?? null,
    m.request ?? null,
    m.evidence ?? null
  ]);
}
function sameFailure(open, m) {
  if (open.class !== m.class || open.decisionPoint !== m.decisionPoint) return false;
  if (open.wouldReturn !== void 0 && m.wouldReturn !== void 0 && open.wouldReturn !== m.wouldReturn) return false;
  const agree = (a, b) => {
    const other = new Map(Object.entries(b ?? {}));
    return Object.entries(a ?? {}).every(
      ([k, v]) => !other.has(k) || JSON.stringify(other.get(k)) === JSON.stringify(v)
    );
  };
  return agree(open.request, m.request) && agree(open.evidence, m.evidence);
}
function leadOf(line) {
  return (line.trim().split(":", 1)[0] ?? "").replace(/\d+/g, "0").slice(0, 60);
}
function touch(s, open, line, dumpLine) {
  if (!dumpLine) {
    const lead = leadOf(line);
    if (open.leads.has(lead) || s.lineNo - open.lastAt > ENRICH_LINES) {
      open.occurrences++;
      open.leads = /* @__PURE__ */ new Set([lead]);
    } else open.leads.add(lead);
  }
  open.lastAt = s.lineNo;
  s.last = open;
  s.recent.set(open.match.class, open);
}
var BARE_STATUS = /^[\s│|]*['"]?status(?:[ _]?code)?['"]?\s*[:=]\s*40[13]\b/i;
var STEP_HEADER = /^Run\s+(\S.*)$/;
var URL_IN_LINE = /\bhttps?:\/\/(?:[^\s/'"`<>()@]*@)?([^\s/'"`<>():]+)[^\s'"`<>()]*/gi;
function hostsOf(line) {
  return new Set([...line.matchAll(URL_IN_LINE)].map((m) => (m[1] ?? "").toLowerCase()));
}
function otherHosts(a, b) {
  const hostsA = hostsOf(a);
  const hostsB = hostsOf(b);
  return hostsA.size > 0 && hostsB.size > 0 && ![...hostsA].some((h) => hostsB.has(h));
}
function withTarget(s, m, line) {
  if (!m.generic || m.source !== "http") return m;
  const url = [...line.matchAll(URL_IN_LINE)][0]?.[0];
  const target = url ?? s.step?.command;
  return target === void 0 ? m : { ...m, evidence: { ...m.evidence, target: target.slice(0, 200) } };
}
function dumpLineOf(last, line) {
  return BARE_STATUS.test(line) || last.bare || // git's own closing line after the server's `remote:` refusal.
  last.match.source === "git" && /^fatal: unable to access\b/.test(line.trim());
}
function foldIntoLast(s, m, line) {
  const last = s.last;
  if (!last) return false;
  if (s.step && s.step.at > last.lastAt || otherHosts(last.text, line)) return false;
  const gap = s.lineNo - last.lastAt;
  const sameStatus = m.wouldReturn === last.match.wouldReturn;
  const sameTool = m.source !== "http" && m.source === last.match.source;
  if (m.generic && sameStatus && (sameTool || dumpLineOf(last, line)) && gap <= GENERIC_FOLD_LINES) {
    touch(s, last, line, true);
    return true;
  }
  const kin = m.source !== "http" && m.source === last.match.source || dumpLineOf(last, line);
  if (!m.generic && last.onlyGeneric && sameStatus && kin && gap <= FOLD_LINES && !s.byKey.has(keyOf(m))) {
    s.byKey.delete(keyOf(last.match));
    last.match = m;
    last.line = s.lineNo;
    last.text = quoteLine(line);
    last.onlyGeneric = false;
    last.bare = false;
    s.byKey.set(keyOf(m), last);
    touch(s, last, line, false);
    return true;
  }
  if (gap <= FOLD_LINES && sameFailure(last.match, m)) {
    touch(s, last, line, !!m.generic && BARE_STATUS.test(line));
    return true;
  }
  return false;
}
function takeDetail(s, d) {
  const target = s.recent.get(d.class);
  if (target && s.lineNo - target.lastAt <= ENRICH_LINES) target.match = enrich(target.match, d);
  else s.detail = { match: d, at: s.lineNo };
}
function place(s, matched, line, maxFindings) {
  const found = withTarget(s, matched, line);
  if (found.detail) {
    takeDetail(s, found);
    return;
  }
  if (foldIntoLast(s, found, line)) return;
  const key = keyOf(found);
  const seen = s.byKey.get(key);
  const dumpLine = !!found.generic && BARE_STATUS.test(line);
  if (seen) {
    touch(s, seen, line, dumpLine);
    return;
  }
  if (s.kept.length >= maxFindings) {
    s.dropped.add(key);
    return;
  }
  const pending = s.detail;
  const applies = pending && s.lineNo - pending.at <= ENRICH_LINES && pending.match.class === found.class;
  if (applies) s.detail = void 0;
  const match = applies ? enrich(found, pending.match) : found;
  const open = {
    match,
    line: s.lineNo,
    text: quoteLine(line),
    occurrences: 1,
    lastAt: s.lineNo,
    onlyGeneric: !!found.generic,
    bare: !!found.generic && BARE_STATUS.test(line),
    leads: /* @__PURE__ */ new Set()
  };
  s.kept.push(open);
  s.byKey.set(key, open);
  touch(s, open, line, dumpLine);
}
var XML_OPEN = /<Error>/;
var XML_CLOSE = /<\/Error>/;
var XML_BODY_LINES = 24;
var XML_BODY_CHARS = MAX_LINE_CHARS;
var AWS_HOST = /(?:^|\.)amazonaws\.com(?:\.cn)?$/;
function readLine(s, line, maxFindings) {
  const step = STEP_HEADER.exec(line);
  if (step?.[1]) s.step = { command: step[1].trim(), at: s.lineNo };
  if (!ANY_FORM.test(line)) return;
  const found = firstMatch(MATCHERS, line);
  if (found) place(s, found, line, maxFindings);
}
function flushXml(s, maxFindings) {
  const body = s.xml;
  if (!body) return;
  s.xml = void 0;
  const now = s.lineNo;
  for (const { at, line } of body.lines) {
    s.lineNo = at;
    readLine(s, line, maxFindings);
  }
  s.lineNo = now;
}
function closeXml(s, maxFindings) {
  const body = s.xml;
  if (!body) return;
  s.xml = void 0;
  const start = body.lines[0]?.at ?? s.lineNo;
  const text = body.lines.map(({ line }) => line.trim()).join(" ");
  const found = ANY_FORM.test(text) ? firstMatch(MATCHERS, text) : void 0;
  if (!found) return;
  const now = s.lineNo;
  const last = s.last;
  const bridge = last && !(s.step && s.step.at > last.lastAt) ? bridgeBetween(s.tail, last.lastAt, start) : void 0;
  if (last?.onlyGeneric && bridge && !found.generic && !found.detail && found.wouldReturn === last.match.wouldReturn && ([...hostsOf(last.text)].some((host) => AWS_HOST.test(host)) || tiedToAws(s.tail, bridge, last.lastAt, s.step?.at ?? 0))) {
    s.byKey.delete(keyOf(last.match));
    const seen = s.byKey.get(keyOf(found));
    if (seen) {
      s.kept.splice(s.kept.indexOf(last), 1);
      touch(s, seen, text, false);
    } else {
      last.match = found;
      last.onlyGeneric = false;
      last.bare = false;
      s.byKey.set(keyOf(found), last);
      touch(s, last, text, true);
    }
    if (s.last) s.last.lastAt = now;
    return;
  }
  s.lineNo = start;
  place(s, found, text, maxFindings);
  s.lineNo = now;
  if (s.last?.lastAt === start) s.last.lastAt = now;
}
function createLogScanner(maxFindings = MAX_FINDINGS) {
  const s = {
    kept: [],
    byKey: /* @__PURE__ */ new Map(),
    recent: /* @__PURE__ */ new Map(),
    dropped: /* @__PURE__ */ new Set(),
    lineNo: 0,
    cutLines: 0,
    firstCutLine: void 0,
    last: void 0,
    detail: void 0,
    step: void 0,
    xml: void 0,
    tail: []
  };
  return {
    push(rawLine, cut = false) {
      s.lineNo++;
      if (cut || rawLine.length > MAX_LINE_CHARS) {
        s.cutLines++;
        s.firstCutLine ??= s.lineNo;
      }
      const line = redactSecretShapes(cleanLine(rawLine));
      s.tail.push({ at: s.lineNo, line: line.slice(0, TAIL_LINE_CHARS) });
      if (s.tail.length > TAIL_LINES) s.tail.shift();
      if (s.xml) {
        if (STEP_HEADER.test(line)) flushXml(s, maxFindings);
        else {
          s.xml.lines.push({ at: s.lineNo, line });
          s.xml.chars += line.length;
          if (XML_CLOSE.test(line)) closeXml(s, maxFindings);
          else if (s.xml.lines.length >= XML_BODY_LINES || s.xml.chars > XML_BODY_CHARS) flushXml(s, maxFindings);
          return;
        }
      }
      if (XML_OPEN.test(line) && !STEP_HEADER.test(line)) {
        s.xml = { lines: [{ at: s.lineNo, line }], chars: line.length };
        if (XML_CLOSE.test(line)) closeXml(s, maxFindings);
        return;
      }
      readLine(s, line, maxFindings);
    },
    skip(lines) {
      flushXml(s, maxFindings);
      s.lineNo += lines;
      s.last = void 0;
    },
    finish() {
      flushXml(s, maxFindings);
      const failures = s.kept.map(({ match, line, text, occurrences }) => ({ match, line, text, occurrences }));
      return {
        failures,
        findings: failures.map(toFinding),
        lines: s.lineNo,
        dropped: s.dropped.size,
        ...s.cutLines > 0 ? { cut: cutText(s.cutLines, s.firstCutLine ?? 0) } : {}
      };
    }
  };
}
function cutText(count, first) {
  const kib = MAX_LINE_CHARS / 1024;
  return count === 1 ? `line ${first} is over ${kib} KiB and was read as its start and end only` : `${count} lines over ${kib} KiB were read as their start and end only (the first is line ${first})`;
}
function safeEvidence(evidence) {
  const out = {};
  for (const [k, v] of Object.entries(evidence ?? {})) out[k] = typeof v === "string" ? quoteLine(v) : v;
  return out;
}
function toFinding(failure) {
  const { match } = failure;
  const request = match.request ?? match.example;
  const permission = request ? permissionLine(request) : void 0;
  const fixes = [match.fix];
  if (permission) {
    fixes.push(catchSentence(permission, request?.role));
  }
  return placeDraft(
    {
      class: match.class,
      decisionPoint: match.decisionPoint,
      message: showHidden(match.message),
      fix: showHidden(fixes.join(" ")),
      ...match.cause ? { cause: match.cause } : {},
      ...match.wouldReturn ? { wouldReturn: match.wouldReturn } : {},
      ...match.docUrl ? { docUrl: match.docUrl } : {},
      evidence: {
        line: failure.line,
        text: failure.text,
        source: match.source,
        ...failure.occurrences > 1 ? { occurrences: failure.occurrences } : {},
        ...safeEvidence({
          ...request?.principal ? { principal: request.principal } : {},
          ...request?.role ? { role: request.role } : {},
          ...request ? { action: request.action } : {},
          ...request?.resource ? { resource: request.resource } : {},
          ...request?.policyArn ? { policy: request.policyArn } : {},
          ...permission ? { permission } : {}
        }),
        ...safeEvidence(match.evidence)
      }
    },
    `log:L${failure.line}:${match.class}`,
    `log line ${failure.line}`
  );
}

export {
  declaredRefusedBy,
  withDeclaredLine,
  LAYERS_TO_CHECK,
  createLogScanner
};
