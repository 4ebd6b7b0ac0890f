import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  checkTokens,
  createKeyStore
} from "./shared-sources-jwks.js";
import {
  attachDrift,
  buildRecord,
  classifyDrift,
  parseBaseline
} from "./shared-drift-record.js";
import {
  loadRoleChecks,
  loadTokenChecks
} from "./shared-checks.js";
import {
  DECISION_POINTS,
  completeFinding,
  finding
} from "./shared-model-finding-classes.js";

// src/report/model.ts
var DECISION_POINT_ORDER = DECISION_POINTS.map((point) => point.id);
var NAMED_PER_ROLE = 3;
function notReadByRole(findings) {
  const byRole = /* @__PURE__ */ new Map();
  for (const f of findings) {
    if (f.class !== "layer-not-read") continue;
    const role = typeof f.evidence.role === "string" ? f.evidence.role : "";
    const layers = Array.isArray(f.evidence.notRead) ? f.evidence.notRead : [];
    const set = byRole.get(role) ?? /* @__PURE__ */ new Set();
    byRole.set(role, set);
    for (const layer of layers)
      set.add(layer === "resource policy" ? `resource policy of ${f.evidence.resource}` : layer);
  }
  return [...byRole].map(([role, set]) => {
    const all = [...set];
    const named = all.slice(0, NAMED_PER_ROLE).join(", ");
    const more = all.length > NAMED_PER_ROLE ? ` and ${all.length - NAMED_PER_ROLE} more` : "";
    return `${named}${more}${role ? ` (role ${role})` : ""}`;
  });
}
function buildReport(input) {
  const findings = input.findings.map(completeFinding);
  const failed = findings.filter((f) => f.status === "fail").length;
  const unverified = findings.filter((f) => f.status === "unverified").length;
  const passed = findings.length - failed - unverified;
  return {
    version: 1,
    tool: { name: "permission-preflight", version: input.version },
    mode: input.mode,
    result: findings.length > 0 && failed === 0 && unverified === 0 ? "pass" : "fail",
    generatedAt: input.now.toISOString(),
    counts: {
      checks: findings.length,
      passed,
      failed,
      unverified,
      would401: findings.filter((f) => f.status !== "pass" && f.wouldReturn === 401).length,
      would403: findings.filter((f) => f.status !== "pass" && f.wouldReturn === 403).length,
      layerNotRead: findings.filter((f) => f.class === "layer-not-read").length
    },
    notRead: notReadByRole(findings),
    findings
  };
}

// src/pipeline/drift.ts
function createObserver() {
  let claims;
  const roles = [];
  return {
    observe: (o) => {
      if ("claims" in o) claims = o.claims;
      else roles.push(o.role);
    },
    seen: () => ({ ...claims ? { claims } : {}, roles })
  };
}
function baselineScope(env, seen, config) {
  const environment = typeof seen.claims?.environment === "string" ? seen.claims.environment : config.environment;
  const workflow = env.GITHUB_WORKFLOW_REF?.replace(/@.*$/, "").split("/").pop() || env.GITHUB_WORKFLOW;
  return {
    ...env.GITHUB_REPOSITORY ? { repository: env.GITHUB_REPOSITORY } : {},
    ...workflow ? { workflow } : {},
    ...env.GITHUB_JOB ? { job: env.GITHUB_JOB } : {},
    ...environment ? { environment } : {},
    ...env.GITHUB_RUN_ID ? { runId: env.GITHUB_RUN_ID } : {}
  };
}
function otherScope(recorded, now) {
  const keys = ["workflow", "job", "environment"];
  const differ = keys.filter((k) => recorded[k] !== void 0 && now[k] !== void 0 && recorded[k] !== now[k]);
  return differ.length > 0 ? differ.map((k) => `${k} ${recorded[k]} (this run: ${now[k]})`).join(", ") : void 0;
}
function unavailable(setting, what, reason) {
  const where = setting.kind === "file" ? `the baseline file ${setting.path}` : "the baseline artifact";
  return finding("baseline-unavailable", {
    id: `baseline:${what === "read" ? "unreadable" : "unwritable"}`,
    subject: where,
    decisionPoint: setting.kind === "file" ? "config" : "runner",
    status: "unverified",
    cause: null,
    message: `${where} could not be ${what}: ${reason}. ${what === "read" ? "This run's failures are not compared with the last passing run." : "The next run has no record of this one to compare with."}`,
    evidence: { baseline: setting.kind === "file" ? setting.path : "artifact", problem: reason },
    fix: setting.kind === "file" ? `Correct or remove ${setting.path} (a passing run writes a new one), or set baseline: off.` : "Give the job `permissions: actions: read` (and the default artifact service), or set baseline: off."
  });
}
async function readStored(setting, host, scope) {
  if (setting.kind === "file") {
    const { readBaselineFile } = await import("./sources-baseline-file.js");
    return readBaselineFile(setting.path, { root: host.cwd, allowOutside: host.allowOutsideWorkspace === true });
  }
  const { readBaselineArtifact } = await import("./sources-baseline-artifact.js");
  return readBaselineArtifact(scope, { env: host.env, ...host.token ? { token: host.token } : {} });
}
async function writeStored(setting, text2, host, scope) {
  if (setting.kind === "file") {
    const { writeBaselineFile } = await import("./sources-baseline-file.js");
    const written = await writeBaselineFile(setting.path, text2, {
      root: host.cwd,
      allowOutside: host.allowOutsideWorkspace === true
    });
    return written.ok ? { ok: true, where: setting.path } : written;
  }
  const { writeBaselineArtifact } = await import("./sources-baseline-artifact.js");
  return writeBaselineArtifact(scope, text2, { env: host.env });
}
async function applyBaseline(config, report, seen, host) {
  const setting = config.baseline;
  if (!setting) return report;
  const scope = baselineScope(host.env, seen, config);
  const extra = [];
  let findings = report.findings;
  const stored = await readStored(setting, host, scope);
  let baseline;
  if (!stored.ok) extra.push(unavailable(setting, "read", stored.reason));
  else if (stored.text === void 0) host.log(`baseline: none yet at ${stored.where}`);
  else {
    const parsed = parseBaseline(stored.text);
    if (!parsed.ok) extra.push(unavailable(setting, "read", `${stored.where}: ${parsed.reason}`));
    else baseline = parsed.record;
  }
  if (baseline && report.result === "fail") {
    host.log(`baseline: comparing with the last passing run, ${baseline.recordedAt} (${stored.where})`);
    const other = otherScope(baseline.scope, scope);
    if (other) host.log(`baseline: it was recorded for ${other}; permissions and identity may differ by design`);
    const current = buildRecord({ report, seen, scope, copies: "all" });
    findings = attachDrift(report.findings, classifyDrift(report.findings, current, baseline), baseline.recordedAt);
  }
  if (report.result === "pass") {
    const record = buildRecord({ report, seen, scope });
    const written = await writeStored(setting, host.redact(`${JSON.stringify(record, null, 2)}
`), host, scope);
    if (written.ok) host.log(`baseline: this passing run recorded to ${written.where}`);
    else extra.push(unavailable(setting, "written", written.reason));
  }
  if (extra.length === 0 && findings === report.findings) return report;
  return buildReport({
    findings: [...findings, ...extra],
    mode: report.mode,
    version: report.tool.version,
    now: new Date(report.generatedAt)
  });
}

// src/pipeline/run.ts
import path from "node:path";

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
  const claimed = claims ? typeof claims.environment === "string" ? claims.environment : "" : void 0;
  const { environment, source } = environmentOf(input, claimed);
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

// src/pipeline/run.ts
function logFindings(host, findings) {
  for (const f of findings) {
    host.log(`${f.status.padEnd(10)} ${f.subject}: ${f.class}`);
    host.debug?.(JSON.stringify(f));
  }
}
function inWorkspace(spec, cwd) {
  const source = spec.source;
  if (source.kind !== "web-identity-file" || cwd === void 0 || path.isAbsolute(source.path)) return spec;
  return { ...spec, source: { ...source, path: path.join(cwd, source.path) } };
}
function identityOf(outcome, kept) {
  const decoded = outcome?.decoded;
  if (!outcome || decoded?.kind !== "jwt" || typeof decoded.claims.iss !== "string") return void 0;
  const raw = kept.get(outcome.spec.name);
  return { claims: decoded.claims, issuer: decoded.claims.iss, ...raw ? { raw } : {} };
}
function webIdentities(outcomes, kept) {
  const github = identityOf(
    outcomes.find((o) => o.spec.source.kind === "github-oidc"),
    kept
  );
  return (config) => {
    if (config.settings.webIdentityTokenFile === void 0) return github;
    const own = outcomes.find(
      (o) => o.spec.source.kind === "web-identity-file" && o.spec.source.roleArn === config.settings.roleArn
    );
    return identityOf(own, kept);
  };
}
async function planChecks(config) {
  const [tokenChecks, roleChecks] = await Promise.all([
    config.tokens.length > 0 ? loadTokenChecks() : [],
    config.roles.length > 0 ? loadRoleChecks() : []
  ]);
  return [
    ...tokenChecks.map((check) => ({ check, subjects: config.tokens.length })),
    ...roleChecks.map((check) => ({ check, subjects: config.roles.filter((role) => check.appliesTo(role)).length }))
  ];
}
async function verifiesAnything(config) {
  return (await planChecks(config)).some((planned) => planned.subjects > 0);
}
async function runPreflight(config, host) {
  const kept = /* @__PURE__ */ new Map();
  const outcomes = await host.group("Tokens", async () => {
    const results = await checkTokens(
      config.tokens.map((spec) => inWorkspace(spec, host.cwd)),
      {
        env: host.env,
        keyStore: createKeyStore(host.fetch ? { fetch: host.fetch } : {}),
        mask: host.mask,
        now: host.now,
        ...host.runner ? { runner: host.runner } : {},
        keep: (spec, raw) => {
          if (spec.source.kind === "github-oidc" || spec.source.kind === "web-identity-file") kept.set(spec.name, raw);
        },
        ...host.fetch ? { fetch: host.fetch } : {},
        ...host.githubIdToken ? { githubIdToken: host.githubIdToken } : {}
      }
    );
    logFindings(
      host,
      results.flatMap((r) => r.findings)
    );
    return results;
  });
  const findings = outcomes.flatMap((o) => o.findings);
  if (config.roles.length === 0) return findings;
  const identity = webIdentities(outcomes, kept);
  const github = outcomes.find((o) => o.spec.source.kind === "github-oidc");
  const claims = github?.decoded?.kind === "jwt" ? github.decoded.claims : void 0;
  if (claims) host.observe?.({ claims });
  const resolved = resolveEnvironment(config.roles, config.environment, claims, github !== void 0);
  if (resolved.findings.length > 0) {
    host.log(`environment ${resolved.environment ?? "(none)"} (${resolved.source})`);
    findings.push(...resolved.findings);
  }
  const [{ checkAwsRoles }, { loadCatalog }] = await Promise.all([import("./pipeline-aws.js"), import("./sources-catalog.js")]);
  const perRole = await host.group("AWS", async () => {
    const results = await checkAwsRoles(resolved.roles, identity, {
      env: host.env,
      mask: host.mask,
      now: host.now,
      loadCatalog,
      ...host.cwd ? { cwd: host.cwd } : {},
      ...config.allowOutsideWorkspace ? { allowOutsideWorkspace: true } : {},
      ...host.sleep ? { sleep: host.sleep } : {},
      ...host.observe ? { observe: (role) => host.observe?.({ role }) } : {}
    });
    logFindings(host, results.flat());
    return results;
  });
  return findings.concat(perRole.flat());
}

// src/report/summary.ts
var POINT_TITLES = Object.fromEntries(DECISION_POINTS.map((point) => [point.id, point.title]));
var CAUSES = {
  "expired-or-rotated-credential": "expired or rotated credential",
  "changed-entitlement": "changed entitlement",
  "changed-trust-or-network-rule": "changed trust or network rule"
};
var STATUS = {
  pass: "\u2705 pass",
  fail: "\u274C fail",
  unverified: "\u26A0\uFE0F unverified"
};
var MARKDOWN_OR_HTML = /[!"#$%&'()*:<>@[\\\]^_`{|}~]/g;
var CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
var hex = (c) => c.charCodeAt(0).toString(16).padStart(4, "0");
function text(value) {
  return value.replace(MARKDOWN_OR_HTML, (c) => `&#${c.charCodeAt(0)};`).replace(/\r\n|\n/g, "<br>").replace(CONTROL, (c) => `&#92;u${hex(c)}`).replace(/\t/g, " ");
}
function code(value) {
  if (value === "") return "` `";
  const inner = value.replace(/[\r\n\t]/g, (c) => `\\u${hex(c)}`).replace(CONTROL, (c) => `\\u${hex(c)}`);
  const longest = Math.max(0, ...(inner.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = inner.startsWith("`") || inner.endsWith("`") || /^ .* $/.test(inner) ? " " : "";
  return `${fence}${pad}${inner.replace(/\|/g, "\\|")}${pad}${fence}`;
}
function evidence(f) {
  return Object.entries(f.evidence).map(([k, v]) => `${text(k)}: ${code(Array.isArray(v) ? v.join(", ") : String(v))}`).join("<br>");
}
var plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;
function headline(r) {
  const bad = r.counts.failed + r.counts.unverified;
  const modeNote = r.mode === "report" ? "\n\n> **Report-only mode:** this step does not fail, whatever the result." : "";
  if (r.result === "pass") {
    return `### \u2705 Preflight passed: ${plural(r.counts.checks, "check", "checks")}, every credential would be accepted${modeNote}`;
  }
  if (r.counts.checks === 0) return `### \u274C Preflight failed: nothing was checked, so nothing is verified${modeNote}`;
  const codes = [
    r.counts.would401 ? `${r.counts.would401} would end in 401` : "",
    r.counts.would403 ? `${r.counts.would403} would end in 403` : "",
    r.counts.unverified ? `${r.counts.unverified} could not be verified` : ""
  ].filter(Boolean);
  const unread = r.notRead.length > 0 ? `; not read: ${r.notRead.join("; ")}` : "";
  return `### \u274C Preflight failed: ${bad} of ${plural(r.counts.checks, "check", "checks")} would fail${codes.length ? ` (${codes.join(", ")})` : ""}${text(unread)}${modeNote}`;
}
var MAX_SUMMARY_BYTES = 1e6;
var utf8 = new TextEncoder();
var bytes = (s) => utf8.encode(s).length;
function row(f) {
  const cause = f.cause ? `<br>Likely cause: ${CAUSES[f.cause]}.` : "";
  const doc = f.docUrl ? ` ([docs](${f.docUrl}))` : "";
  const where = f.location ? `<br>at ${code(`${f.location.file}${f.location.line ? `:${f.location.line}` : ""}`)}` : "";
  return `| ${STATUS[f.status]} | **${text(f.subject)}** (${code(f.class)})<br>${text(f.message)}${cause}${where} | ${evidence(f)} | ${text(f.fix ?? "")}${doc} |`;
}
var sectionHead = (point) => [`#### ${POINT_TITLES[point]}`, "", "| status | check | evidence | fix |", "| --- | --- | --- | --- |"].join("\n");
function renderSummary(r, options = {}) {
  const maxBytes = options.maxBytes ?? MAX_SUMMARY_BYTES;
  const head = ["## permission-preflight", "", headline(r), ""].join("\n");
  const foot = `<sub>Report v${r.version}, ${r.tool.name} ${r.tool.version}, ${r.generatedAt}, mode \`${r.mode}\`.</sub>
`;
  const where = options.reportPath ? ` (${code(options.reportPath)})` : "";
  const note = (n) => `> **${plural(n, "finding is", "findings are")} not shown here** (the summary is kept under ${maxBytes} bytes): every finding is in the JSON report${where}, the action's \`report\` output.

`;
  let room = maxBytes - bytes(head) - bytes(foot) - bytes(note(r.findings.length)) - 2;
  const rows = /* @__PURE__ */ new Map();
  const opened = /* @__PURE__ */ new Set();
  const byPriority = [
    ...r.findings.filter((f) => f.status !== "pass"),
    ...r.findings.filter((f) => f.status === "pass")
  ];
  for (const f of byPriority) {
    const line = row(f);
    const cost = bytes(line) + 1 + (opened.has(f.decisionPoint) ? 0 : bytes(sectionHead(f.decisionPoint)) + 3);
    if (cost > room) continue;
    room -= cost;
    rows.set(f, line);
    opened.add(f.decisionPoint);
  }
  const out = [head];
  for (const point of DECISION_POINT_ORDER) {
    const shown = r.findings.filter((f) => f.decisionPoint === point && rows.has(f));
    if (shown.length === 0) continue;
    out.push(sectionHead(point), ...shown.map((f) => rows.get(f)), "");
  }
  const left = r.findings.length - rows.size;
  if (left > 0) out.push(note(left).trimEnd(), "");
  out.push(foot);
  return out.join("\n");
}

// src/sources/runner.ts
import { readFile } from "node:fs/promises";
async function readRunnerFacts(env) {
  const facts = {};
  if (env.GITHUB_EVENT_NAME) facts.eventName = env.GITHUB_EVENT_NAME;
  if (env.GITHUB_JOB) facts.jobId = env.GITHUB_JOB;
  if (env.GITHUB_EVENT_PATH && facts.eventName?.startsWith("pull_request")) {
    try {
      const event = JSON.parse(await readFile(env.GITHUB_EVENT_PATH, "utf8"));
      const pr = event.pull_request;
      const head = pr?.head?.repo?.full_name;
      const base = pr?.base?.repo?.full_name;
      if (head && base) facts.isForkPullRequest = head !== base;
      else if (typeof pr?.head?.repo?.fork === "boolean") facts.isForkPullRequest = pr.head.repo.fork;
    } catch {
    }
  }
  return facts;
}

export {
  DECISION_POINT_ORDER,
  buildReport,
  createObserver,
  applyBaseline,
  verifiesAnything,
  runPreflight,
  POINT_TITLES,
  CAUSES,
  renderSummary,
  readRunnerFacts
};
