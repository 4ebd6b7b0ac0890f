/**
 * Google Cloud's and Microsoft Entra's refusals of a job's federated identity, as a job's log prints them:
 * - Google Cloud's `PERMISSION_DENIED` (HTTP 403), `Permission 'PERM' denied on resource (or it may not exist).`: for
 *   Workload Identity Federation, the pool's principal may not impersonate the service account
 *   (`iam.serviceAccounts.getAccessToken`, in `roles/iam.workloadIdentityUser`), or the attribute the binding names
 *   does not match the token's (https://cloud.google.com/iam/docs/troubleshooting-workload-identity-federation);
 * - Microsoft Entra's `AADSTS70021` / `AADSTS700213` (no federated identity credential matches the assertion's
 *   issuer, subject and audience) and `AADSTS700016` (no application with that client ID in the tenant)
 *   (https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes,
 *   https://learn.microsoft.com/en-us/entra/workload-id/workload-identity-federation-considerations). The token
 *   endpoint answers them with 400 (`invalid_request`; OAuth's error response, RFC 6749 §5.2; "reply status code was
 *   400" for AADSTS70021 in https://azure.github.io/azure-workload-identity/docs/troubleshooting.html).
 * Then, fail closed: a line with an unmistakable marker of an authentication or authorization error that no rule reads
 * (`PERMISSION_DENIED`, `UNAUTHENTICATED`, another `AADSTS` code, an OAuth `invalid_grant`) is reported as
 * `auth-error-unrecognised`, so the log is never said to be free of them.
 */
import type { LogMatch, Matcher } from './match.js';

const GCP_WIF = 'https://cloud.google.com/iam/docs/troubleshooting-workload-identity-federation';
const ENTRA_ERRORS = 'https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes';

/** The permissions a federated workload needs on the service account it impersonates. */
const IMPERSONATION = /^iam\.serviceAccounts\.(?:getAccessToken|getOpenIdToken|signBlob|signJwt)$/;

/** `Permission 'iam.serviceAccounts.getAccessToken' denied on resource`, as Google's APIs word it. */
const gcpPermission: Matcher = (line) => {
  const m = /\bPermission ['"]?([a-z][\w-]*(?:\.[\w-]+){2,})['"]? denied on (?:resource|[\w ]+)/i.exec(line);
  if (m?.[1]) return gcpDenied(m[1]);
  // The status line of the same error's JSON (`"status": "PERMISSION_DENIED"`, `"reason": "IAM_PERMISSION_DENIED"`)
  // or gcloud's `PERMISSION_DENIED:`: folded into the 403 above it, else a finding that names no permission.
  if (/"(?:status|reason)":\s*"(?:IAM_)?PERMISSION_DENIED"|\bPERMISSION_DENIED:/.test(line)) {
    return { ...gcpDenied(undefined), generic: true };
  }
  return undefined;
};

function gcpDenied(permission: string | undefined): LogMatch {
  const impersonation = permission !== undefined && IMPERSONATION.test(permission);
  return {
    class: 'gcp-permission-denied',
    decisionPoint: impersonation ? 'identity-provider' : 'identity-policy',
    source: 'gcp',
    message: impersonation
      ? `Google Cloud refused ${permission} (403 PERMISSION_DENIED): the workload identity pool's principal may not impersonate the service account.`
      : `Google Cloud refused ${permission ?? 'the call'} (403 PERMISSION_DENIED): the principal lacks the permission on the resource${permission ? '' : ' (the line does not name it)'}.`,
    fix: impersonation
      ? "Grant the pool's principal (`principalSet://iam.googleapis.com/projects/NUMBER/locations/global/workloadIdentityPools/POOL/attribute.repository/OWNER/REPO`) `roles/iam.workloadIdentityUser` on the service account, and check that the attribute it names matches the token's (the provider's attribute mapping and condition; values are case-sensitive)."
      : `Grant the service account (or the federated principal) a role that holds ${permission ?? 'the permission the call needs'} on the resource; the error's \`details\` name the permission.`,
    wouldReturn: 403,
    docUrl: GCP_WIF,
    ...(permission ? { evidence: { needs: permission } } : {}),
  };
}

/** The assertion's `issuer`, `subject` and `audience` as Entra quotes them. */
function assertion(line: string): Record<string, string> {
  const out: Record<string, string> = {};
  const subject = /assertion subject:?\s*'([^']{1,512})'/i.exec(line)?.[1];
  const issuer = /assertion issuer:?\s*'([^']{1,512})'/i.exec(line)?.[1];
  const audience = /assertion audience:?\s*'([^']{1,512})'/i.exec(line)?.[1];
  if (subject) out.subject = subject;
  if (issuer) out.issuer = issuer;
  if (audience) out.audience = audience;
  return out;
}

const entra: Matcher = (line) => {
  const code = /\bAADSTS(70021|700213|700016)\b/.exec(line)?.[1];
  if (!code) return undefined;
  if (code === '700016') {
    const app = /Application with identifier '([^']{1,128})'/i.exec(line)?.[1];
    return {
      class: 'federated-credential-mismatch',
      decisionPoint: 'identity-provider',
      source: 'entra',
      message: `Microsoft Entra ID refused the token exchange (AADSTS700016, HTTP 400): no application with the client ID the step passed${app ? ` (${app})` : ''} is in the tenant.`,
      fix: "Pass the application's (client) ID and the tenant ID of the app registration or user-assigned managed identity that holds the federated credential (`client-id`, `tenant-id`), and check that the app is consented in that tenant.",
      wouldReturn: 400,
      docUrl: ENTRA_ERRORS,
      ...(app ? { evidence: { application: app } } : {}),
    };
  }
  const seen = assertion(line);
  return {
    class: 'federated-credential-mismatch',
    decisionPoint: 'identity-provider',
    source: 'entra',
    message: `Microsoft Entra ID refused the job's OIDC token (AADSTS${code}, HTTP 400): no federated identity credential of the app or identity matches its issuer, subject and audience${seen.subject ? ` (subject ${seen.subject})` : ''}.`,
    fix: "Add a federated credential whose issuer is `https://token.actions.githubusercontent.com`, audience `api://AzureADTokenExchange`, and subject exactly the token's `sub` (case-sensitive: `repo:OWNER/REPO:environment:NAME` for a job with an environment, `repo:OWNER/REPO:ref:refs/heads/BRANCH`, `repo:OWNER/REPO:pull_request`), or change the job so its token carries the subject the credential names.",
    wouldReturn: 400,
    ...(Object.keys(seen).length > 0 ? { evidence: seen } : {}),
  };
};

/** Markers of an authentication or authorization error no rule above reads (fail closed). */
const MARKER =
  /\bAADSTS\d{4,8}\b|\bPERMISSION_DENIED\b|\bUNAUTHENTICATED\b|["']error["']\s*:\s*["'](?:invalid_grant|invalid_client|unauthorized_client|access_denied|invalid_token)["']/;

const unrecognised: Matcher = (line) => {
  const marker = MARKER.exec(line)?.[0];
  if (!marker) return undefined;
  return {
    class: 'auth-error-unrecognised',
    decisionPoint: 'token',
    source: 'marker',
    message: `The line shows an authentication or authorization error (${marker.replace(/["'\s]/g, '')}) that explain has no rule for; read it and the lines around it.`,
    fix: "Look the error code up in the provider's documentation (Microsoft Entra's AADSTS codes, Google Cloud's error model, the OAuth error of RFC 6749 §5.2), and check the credential, its federation and the permission the call needs.",
    evidence: { marker: marker.replace(/["'\s]/g, '') },
  };
};

/** The federation matchers, the fail-closed marker last. */
export const FEDERATION_MATCHERS: readonly Matcher[] = [gcpPermission, entra];
export const MARKER_MATCHERS: readonly Matcher[] = [unrecognised];
