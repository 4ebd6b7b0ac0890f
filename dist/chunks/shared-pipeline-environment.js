import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  finding
} from "./shared-model-finding-classes.js";

// src/pipeline/environment.ts
var SUBJECT = "GitHub environment";
function permissionsIn(role, environment) {
  const { environments, ...aws } = role;
  if (!environments || environment === void 0) return aws;
  const key = Object.keys(environments).find((name) => name.toLowerCase() === environment.toLowerCase());
  const extra = key === void 0 ? [] : environments[key] ?? [];
  return { ...aws, permissions: [...aws.permissions, ...extra] };
}
function resolveEnvironment(roles, input, claims, tokenChecked) {
  const split = roles.filter((r) => r.environments && Object.keys(r.environments).length > 0);
  const names = [...new Set(split.flatMap((r) => Object.keys(r.environments ?? {})))];
  const malformed = claims !== void 0 && claims.environment !== void 0 && typeof claims.environment !== "string";
  const claimed = claims && !malformed ? typeof claims.environment === "string" ? claims.environment : "" : void 0;
  const { environment, source } = malformed ? { environment: void 0, source: "unknown" } : environmentOf(input, claimed);
  const findings = [];
  if (claimed !== void 0 && input && input.toLowerCase() !== claimed.toLowerCase()) {
    findings.push(inputMismatch(input, claimed));
  } else if (split.length > 0) {
    findings.push(
      source === "unknown" ? environmentUnknown(names, tokenChecked) : environmentKnown(environment, source, names)
    );
  }
  return {
    ...environment !== void 0 ? { environment } : {},
    source,
    roles: roles.map((r) => permissionsIn(r, environment)),
    findings
  };
}
function environmentOf(input, claimed) {
  if (claimed !== void 0) return claimed ? { environment: claimed, source: "oidc-token" } : { source: "none" };
  return input ? { environment: input, source: "input" } : { source: "unknown" };
}
function inputMismatch(input, claimed) {
  return finding("environment-mismatch", {
    id: "config:environment:mismatch",
    subject: SUBJECT,
    message: claimed ? `The environment input says "${input}", but GitHub's OIDC token says the job runs in "${claimed}": AWS sees the token, so the deploy runs as "${claimed}".` : `The environment input says "${input}", but GitHub's OIDC token has no environment claim: the job declares no environment, so trust policies that expect "${input}" will not match.`,
    evidence: { input, claim: claimed || "(none)" },
    fix: claimed ? `Set the environment input to "${claimed}", or run the job in "${input}" (jobs.<job_id>.environment).` : `Add \`environment: ${input}\` to the job, or remove the environment input.`
  });
}
function environmentUnknown(names, tokenChecked) {
  return finding("could-not-verify", {
    id: "config:environment:unknown",
    subject: SUBJECT,
    decisionPoint: "config",
    status: "unverified",
    message: `Roles set permissions per environment (${names.join(", ")}), but the job's environment is not known: ${tokenChecked ? "GitHub's OIDC token could not be read" : "github-oidc is off"} and the environment input is empty. Only the common permissions were checked (fail closed).`,
    evidence: { environments: names },
    fix: tokenChecked ? "Fix the GitHub OIDC token finding above (its environment claim names the environment), or set the environment input to the job's environment." : "Set the environment input to the job's `environment:` name, or turn github-oidc on."
  });
}
function environmentKnown(environment, source, names) {
  const listed = environment !== void 0 && names.some((n) => n.toLowerCase() === environment.toLowerCase());
  return finding("ok", {
    id: "config:environment",
    subject: SUBJECT,
    decisionPoint: "config",
    message: environment === void 0 ? "The job runs in no environment (GitHub's OIDC token has no environment claim): each role is checked with its common permissions." : `The job runs in "${environment}" (${source === "oidc-token" ? "GitHub's OIDC token's environment claim" : "the environment input"}): each role is checked with its common permissions${listed ? ` and those of "${environment}"` : `; no role lists "${environment}" under environments`}.`,
    evidence: { environment: environment ?? "(none)", source, environments: names }
  });
}

export {
  permissionsIn,
  resolveEnvironment
};
