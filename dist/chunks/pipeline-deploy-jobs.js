import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  literal,
  stepSession
} from "./shared-pipeline-exchange.js";
import {
  callsWithoutCredentials,
  fileChangedBy,
  inferStepsCalls,
  mergeWithDeclared,
  parseTaskDefinition,
  renderedFiles,
  taskDefinitionPath
} from "./shared-workflows-calls-cloudformation.js";
import {
  isPolicyFileFinding
} from "./shared-aws-files-json.js";
import {
  chainKey,
  jobName
} from "./shared-workflows-callers.js";
import "./shared-workflows-calls-shell.js";
import "./shared-workflows-paths.js";
import "./shared-workflows-github-token-from-model.js";
import "./shared-workflows-limits.js";
import {
  stepWhere
} from "./shared-workflows-github-token-effective.js";
import {
  settingsRequest
} from "./shared-workflows-github-token-scopes.js";
import {
  ACTION_FIX_OPTIONS
} from "./shared-model-fix-options.js";
import "./shared-catalog-arn-format.js";
import {
  finding
} from "./shared-model-finding-classes.js";
import "./shared-text-edit-distance.js";
import {
  globCovers
} from "./shared-iam-glob.js";
import "./shared-config-aws.js";
import "./shared-config-permissions.js";
import "./shared-tokens-duration.js";
import "./shared-model-aws.js";
import "./shared-text-json-depth.js";
import "./shared-runtime-efb0f0b2.js";

// src/pipeline/task-definitions.ts
var FILES_CAP = 20;
async function readTaskDefinitions(instances, read) {
  const paths = /* @__PURE__ */ new Set();
  const seen = /* @__PURE__ */ new Set();
  for (const steps of instances) {
    if (seen.has(steps)) continue;
    seen.add(steps);
    for (const step of steps) {
      const path = taskDefinitionPath(step);
      if (path !== void 0) paths.add(path);
    }
  }
  const out = /* @__PURE__ */ new Map();
  for (const path of paths) {
    if (out.size >= FILES_CAP) {
      out.set(path, { kind: "unread", why: `the workflows name more than ${FILES_CAP} task definition files` });
      continue;
    }
    const text = await read(path);
    out.set(
      path,
      text === void 0 ? { kind: "unread", why: "it is not in the repository" } : typeof text === "string" ? parseTaskDefinition(text) : { kind: "unread", why: `it ${text.refused}` }
    );
  }
  return out;
}
function changedFiles(steps, rendered = renderedFiles(steps)) {
  const out = /* @__PURE__ */ new Map();
  for (const step of steps) {
    const path = taskDefinitionPath(step);
    if (path === void 0 || out.has(path)) continue;
    const ids = [...rendered].flatMap(([id, file]) => "path" in file && file.path === path ? [id] : []);
    const why = fileChangedBy(steps, path, ids);
    if (why !== void 0) out.set(path, why);
  }
  return out;
}

// src/pipeline/deploy-jobs.ts
var DEPLOY_JOB_CHECKS = ["session", "permissions", "chained-trust"];
var POLICIES_ONLY = /* @__PURE__ */ new Set(["role-policies-unknown", "managed-policy-missing"]);
async function checkDeployJobs(predictions, options, jobs = []) {
  const catalog = await options.deps.loadCatalog();
  const deploying = predictions.filter((p) => p.issued.kind !== "no").map((p) => p.instance.steps);
  const taskDefinitions = options.readFile ? await readTaskDefinitions(deploying, options.readFile) : void 0;
  const { roles: found, unknown } = deployRoles(predictions, options, catalog, taskDefinitions);
  const roles = toldApart(found);
  unknown.push(...chainsFromNothing(jobs, predictions), ...callsWithoutCredentials(jobs, catalog));
  if (roles.length === 0) return unknown;
  const { checkAwsRoles } = await import("./pipeline-aws.js");
  const index = new Map(roles.map((r, i) => [r.key, i]));
  const results = await checkAwsRoles(
    roles.map((r) => r.config),
    void 0,
    { ...options.deps, checkIds: DEPLOY_JOB_CHECKS },
    (i) => {
      const source = roles[i]?.source;
      return source === void 0 ? void 0 : index.get(source);
    }
  );
  return [
    ...unknown,
    ...roles.flatMap((role, i) => [
      ...notInferredFindings(role, options.deps.options ?? ACTION_FIX_OPTIONS),
      ...sessionFindings(role),
      ...(results[i] ?? []).filter((f) => role.config.permissions.length > 0 || !POLICIES_ONLY.has(f.class)).map(
        (f) => isPolicyFileFinding(f) ? f : { ...f, id: `${role.key}:${f.id}`, subject: `${role.label}: ${f.subject}` }
      )
    ])
  ];
}
function toldApart(roles) {
  const byLabel = /* @__PURE__ */ new Map();
  for (const r of roles) byLabel.set(r.label, [...byLabel.get(r.label) ?? [], r]);
  const nameOf = (arn) => arn.slice(arn.lastIndexOf("/") + 1);
  return roles.map((r) => {
    const { roleArn, region } = r.config.settings;
    const others = (byLabel.get(r.label) ?? []).filter((o) => o !== r).map((o) => o.config.settings);
    const account = others.some((o) => o.roleArn !== roleArn && nameOf(o.roleArn) === nameOf(roleArn));
    const regions = others.some((o) => o.roleArn === roleArn && o.region !== region);
    const told = `${account ? `, role ${roleArn}` : ""}${regions && region ? `, region ${region}` : ""}`;
    return told ? { ...r, label: `${r.label}${told}` } : r;
  });
}
function withoutToken(step) {
  const use = step.credential;
  if (use?.kind !== "configure-aws-credentials" || use.chains) return void 0;
  const request = settingsRequest(use.settings);
  return request.kind === "no" ? request.reason : void 0;
}
function credentialSteps(p) {
  const exchanges = new Map(p.exchanges.map((e) => [e.step.index, e]));
  return p.instance.credentialSteps.flatMap((step) => {
    if (step.runs.kind === "never") return [];
    const exchange = exchanges.get(step.index);
    if (exchange) return [{ step, exchange, chains: false }];
    const use = step.credential;
    if (use?.kind === "configure-aws-credentials" && use.chains) return [{ step, chains: true }];
    const without = withoutToken(step);
    return without ? [{ step, chains: false, without }] : [];
  });
}
function deployRoles(predictions, options, catalog, taskDefinitions) {
  const byKey = /* @__PURE__ */ new Map();
  const unknown = /* @__PURE__ */ new Map();
  for (const p of predictions) {
    if (p.issued.kind === "no") continue;
    const environment = literal(p.instance.environment?.name);
    const name = jobNamed(p.job, p.trigger.callers, environment);
    const steps = credentialSteps(p);
    let files;
    const jobFiles = () => {
      if (files === void 0) {
        const rendered = renderedFiles(p.instance.steps);
        files = { rendered, changed: changedFiles(p.instance.steps, rendered) };
      }
      return files;
    };
    const holding = [];
    const accounts = new Set(
      steps.flatMap((c) => {
        const use = c.step.credential;
        const role = c.exchange ? c.exchange.role : use?.kind === "configure-aws-credentials" ? use.settings.roleToAssume : void 0;
        const account = literal(role)?.split(":")[4];
        return account ? [account] : [];
      })
    );
    const declaredAbsent = options.declaredAbsent && accounts.size > 1 ? { ...options.declaredAbsent, ownerNotDeclared: true } : options.declaredAbsent;
    steps.forEach((c, n) => {
      const use = c.step.credential;
      const arn = literal(
        c.exchange ? c.exchange.role : use?.kind === "configure-aws-credentials" ? use.settings.roleToAssume : void 0
      );
      const source = c.chains ? holding[n - 1] : void 0;
      holding[n] = void 0;
      if (use?.kind !== "configure-aws-credentials") return;
      if (c.without) {
        const f = withoutTokenUnknown(name, c.step, arn, c.without);
        unknown.set(f.id, f);
        return;
      }
      if (c.chains && (arn === void 0 || source === void 0)) {
        const f = chainUnknown(name, c.step, arn, n === 0 ? void 0 : steps[n - 1]);
        unknown.set(f.id, f);
        return;
      }
      if (arn === void 0) return;
      const audience = c.exchange?.aud.kind === "value" ? c.exchange.aud.value : "";
      const { settings, problems } = stepSession(c.step, arn, audience);
      const key = `${name.key}:step-${c.step.index}:${arn}:${settings.region ?? ""}:${environment ?? ""}${source ? `<-${source}` : ""}`;
      holding[n] = key;
      if (byKey.has(key)) return;
      const calls = inferStepsCalls(stepsUsing(p, steps, n), catalog, {
        ...settings.region ? { region: settings.region } : {},
        account: arn.split(":")[4] ?? "",
        partition: arn.split(":")[1] ?? "aws",
        ...taskDefinitions ? { taskDefinitions } : {},
        rendered: jobFiles().rendered,
        changedFiles: jobFiles().changed
      });
      const declared = options.declared?.(arn, environment) ?? [];
      const permissions = mergeWithDeclared(declared, calls.permissions).filter((m) => !standsFor(declared, m)).map(withWhatIsUnknown);
      byKey.set(key, {
        label: name.label,
        key,
        at: c.step.position,
        notInferred: calls.notInferred,
        declared,
        sessionProblems: problems,
        ...source ? { source } : {},
        config: {
          settings: { ...settings, roleChaining: c.chains },
          permissions,
          sources: { policyFiles: options.policyFiles, liveReads: false, probe: false, crossCheck: false },
          ...declaredAbsent ? { declaredAbsent } : {}
        }
      });
    });
  }
  return { roles: [...byKey.values()], unknown: [...unknown.values()] };
}
function withWhatIsUnknown(m) {
  if (m.source === "declared") return m.permission;
  const unknownParts = [...new Set(m.from.flatMap((f) => f.unknown))];
  const notes = [...new Set(m.from.flatMap((f) => f.notes))];
  return {
    ...m.permission,
    ...unknownParts.length > 0 ? { unknownParts } : {},
    ...notes.length > 0 ? { notes } : {}
  };
}
function standsFor(declared, m) {
  if (m.source === "declared" || !m.from.some((f) => f.unknown.length > 0)) return false;
  const { action, resource } = m.permission;
  return declared.some((d) => d.action.toLowerCase() === action.toLowerCase() && globCovers(resource, d.resource));
}
function stepsUsing(p, steps, n) {
  const from = steps[n]?.step.index ?? 0;
  const next = steps[n + 1]?.step.index ?? Number.POSITIVE_INFINITY;
  return p.instance.steps.filter((s) => s.index > from && s.index < next && s.runs.kind !== "never");
}
function chainsFromNothing(jobs, predictions) {
  const predicted = new Set(predictions.map((p) => p.instance));
  const out = /* @__PURE__ */ new Map();
  for (const job of jobs) {
    if (!job.deploy) continue;
    for (const instance of job.instances) {
      if (instance.runs.kind === "never" || predicted.has(instance)) continue;
      const name = jobNamed(job, instance.trigger.callers, literal(instance.environment?.name));
      let before;
      for (const step of instance.credentialSteps.filter((s) => s.runs.kind !== "never")) {
        const use = step.credential;
        if (use?.kind !== "configure-aws-credentials") continue;
        const arn = literal(use.settings.roleToAssume);
        const without = withoutToken(step);
        const f = without ? withoutTokenUnknown(name, step, arn, without) : use.chains ? chainUnknown(name, step, arn, before) : void 0;
        if (f) out.set(f.id, f);
        before = { step, chains: use.chains, ...without ? { without } : {} };
      }
    }
  }
  return [...out.values()];
}
function jobNamed(job, callers = [], environment) {
  return {
    key: `job:${job.file}:${job.id}${chainKey(callers)}`,
    label: `${jobName(job, callers)}${environment ? ` in ${environment}` : ""}`
  };
}
function chainUnknown(name, step, arn, prior) {
  const before = prior?.step;
  const use = step.credential;
  const role = use?.kind === "configure-aws-credentials" ? use.settings.roleToAssume : void 0;
  const why = arn === void 0 ? role?.kind === "unknown" ? `the role it chains into is \`${role.expression}\`, which is not known before the run (${role.reason})` : "it names no role-to-assume" : before === void 0 ? "no step before it in the job obtains the credentials it chains from (configure-aws-credentials or a token exchange the preflight reads)" : prior?.without ? `the credentials it chains from are those of the step at ${before.position.file}:${before.position.line}, which the preflight does not check (${prior.without})` : `the role whose credentials it chains from (the step at ${before.position.file}:${before.position.line}) is not known before the run`;
  return finding("could-not-verify", {
    id: `${name.key}:step-${step.index}:chain-unknown`,
    subject: `${name.label}: role chaining at ${step.position.file}:${step.position.line}`,
    decisionPoint: "sts-trust",
    status: "unverified",
    message: `The step${viaOf(step)} chains into a role with the credentials of the step before it (role-chaining: true), and ${why}: the chained role's trust, session and calls are not checked.`,
    evidence: { step: `${step.position.file}:${step.position.line}`, ...arn ? { roleArn: arn } : {} },
    fix: prior?.without ? WITHOUT_TOKEN_FIX : arn !== void 0 && before === void 0 ? "Obtain the credentials the chain starts from in an earlier step of the job (configure-aws-credentials assuming the first role with GitHub's token), or remove `role-chaining: true` if this step should assume its role with the token itself." : "Write the roles of both steps as literal ARNs, or as expressions of values the preflight is given (inputs, matrix, `vars` with the variables, `github.secret-arns` for a secret that holds the ARN).",
    location: { file: step.position.file, line: step.position.line }
  });
}
function viaOf(step) {
  return step.via.length > 0 ? ` (${stepWhere(step.position, step.via)})` : "";
}
var WITHOUT_TOKEN_FIX = "Check the role's trust and permissions for these credentials on a real run, or assume the role with GitHub's OIDC token (`role-to-assume` without access keys, with `id-token: write`) so the preflight can check it.";
function withoutTokenUnknown(name, step, arn, why) {
  return finding("could-not-verify", {
    id: `${name.key}:step-${step.index}:without-oidc`,
    subject: `${name.label}: credentials at ${step.position.file}:${step.position.line}`,
    decisionPoint: "sts-trust",
    status: "unverified",
    message: `The configure-aws-credentials step${viaOf(step)} does not use GitHub's OIDC token: ${why}. The preflight reads neither those credentials nor whom they belong to, so ${arn ? `the trust of ${arn} toward them, the session and ` : ""}the calls of the steps that use them are not checked.`,
    evidence: { step: `${step.position.file}:${step.position.line}`, ...arn ? { roleArn: arn } : {} },
    fix: WITHOUT_TOKEN_FIX,
    docUrl: "https://github.com/aws-actions/configure-aws-credentials#non-oidc-authentication-options",
    location: { file: step.position.file, line: step.position.line }
  });
}
function sessionFindings(role) {
  if (role.sessionProblems.length === 0) return [];
  return [
    finding("could-not-verify", {
      id: `${role.key}:session-unknown`,
      subject: `${role.label}: session of role ${role.config.settings.roleArn}`,
      decisionPoint: "session",
      status: "unverified",
      message: `The configure-aws-credentials step asks for a session the preflight cannot know before the run: ${role.sessionProblems.join("; ")}. Its length, the session policies that narrow its permissions, and the tags of a chained AssumeRole are checked only as far as they are known.`,
      evidence: { problems: [...role.sessionProblems] },
      fix: "Write these inputs of the step as literals, or as expressions of values the preflight is given (inputs, matrix, `vars`); an invalid value fails configure-aws-credentials itself.",
      location: { file: role.at.file, line: role.at.line }
    })
  ];
}
var NAMED_LINES = 3;
function notInferredFindings(role, fixOptions) {
  const arn = role.config.settings.roleArn;
  const lines = role.declared;
  const named = lines.slice(0, NAMED_LINES).map((l) => `\`${l.action} ${l.resource}\` (${l.origin})`);
  if (lines.length > NAMED_LINES) named.push(`${lines.length - NAMED_LINES} more`);
  const standFor = lines.length > 0 ? ` The ${lines.length === 1 ? "permission line" : `${lines.length} permission lines`} the configuration declares for role ${arn} stand${lines.length === 1 ? "s" : ""} for its calls: ${named.join(", ")}. ${lines.length === 1 ? "It is" : "They are"} checked against the role's policies, but not matched against what the step does: the preflight cannot tell whether ${lines.length === 1 ? "it covers" : "they cover"} every call it makes.` : "";
  const fix = fixOptions.permissionLines ? `Declare the calls it makes as permission lines of role ${arn} in ${fixOptions.permissionLines}; they are checked with the inferred ones.` : `This command reads no permission lines: declare the calls it makes as permission lines of role ${arn} in a configuration file (\`aws.roles[].permissions\`) and check it with \`permission-preflight check\` or the action (\`workflows: true\`), which check them with the inferred ones.`;
  return role.notInferred.map(
    (n, i) => finding("calls-not-inferred", {
      id: `${role.key}:calls-not-inferred:${i}`,
      subject: `${role.label}: ${n.what}`,
      status: lines.length > 0 ? "pass" : "unverified",
      decisionPoint: "config",
      message: `The preflight cannot tell which AWS calls \`${n.what}\` makes (${n.kind}): ${n.reason.replace(/\.?$/, ".")}${standFor}`,
      evidence: {
        kind: n.kind,
        ...n.suggestions ? { suggestions: n.suggestions } : {},
        ...lines.length > 0 ? { declaredLines: lines.map((l) => `${l.action} ${l.resource}`) } : {}
      },
      ...lines.length > 0 ? {} : { fix },
      location: { file: n.position.file, line: n.position.line }
    })
  );
}
export {
  DEPLOY_JOB_CHECKS,
  checkDeployJobs
};
