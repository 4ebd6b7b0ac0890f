import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  jobNeeds,
  stepPosition
} from "./shared-workflows-github-token-gh-cli.js";
import {
  calledByLabel
} from "./shared-workflows-callers.js";
import "./shared-workflows-calls-shell.js";
import {
  REUSABLE_URL,
  effectivePermissions,
  stepWhere,
  validatePermissions
} from "./shared-workflows-github-token-effective.js";
import {
  PERMISSIONS_SYNTAX_URL,
  SCOPES,
  SCOPE_NAMES,
  TOKEN_PERMISSIONS_URL,
  covers
} from "./shared-workflows-github-token-scopes.js";
import "./shared-catalog-arn-format.js";
import {
  finding
} from "./shared-model-finding-classes.js";
import "./shared-text-edit-distance.js";
import "./shared-runtime-efb0f0b2.js";

// src/checks/github-token/describe.ts
var lineOf = (line) => line !== void 0 ? ` line ${line}` : "";
function grantReason(p) {
  const s = p.source;
  let reason;
  if (s.kind === "block") {
    const where = `${s.block.file}${lineOf(s.block.line)}`;
    reason = s.block.value.kind === "shorthand" ? `the ${s.block.at}'s \`permissions: ${s.block.value.value}\` (${where})` : `the ${s.block.at}'s \`permissions:\` (${where}), where every scope it does not name is \`none\``;
  } else if (s.kind === "caller") {
    reason = `the calling job \`${s.caller}\`'s grant (a called workflow with no \`permissions:\` gets its caller's)`;
  } else if (s.defaults === "unknown") {
    reason = "the repository's default (no `permissions:` applies), which is not known: set `github.default-token-permissions`";
  } else {
    reason = `the repository's default, ${s.defaults} (\`github.default-token-permissions\`), since no \`permissions:\` applies`;
  }
  if (p.cappedByCaller) reason += `, at most what the calling job \`${p.cappedByCaller}\` grants`;
  if (p.forkCapped)
    reason += ", every scope lowered to read (and no OIDC token): the run is a pull request from a fork";
  if (p.dependabotDefault) reason += ", read-only: Dependabot triggered the run and no `permissions:` applies";
  return reason;
}
function describeStep(step, file) {
  if (!step || step.index < 0) return "the configuration (`github.job-token-needs`)";
  const label = step.name ?? step.uses ?? "run";
  return `step ${step.index + 1} \`${label}\` (${stepWhere(stepPosition(step, file), step.via)})`;
}
function stepLocation(step, file) {
  if (step?.line === void 0) return {};
  return { location: { file: step.file ?? file, line: step.line } };
}
var describeScope = (n) => `${n.scope}: ${n.level}`;
function describeNeed(need) {
  return "all" in need ? need.all.map(describeScope).join(", ") : need.anyOf.map(describeScope).join(" or ");
}
function blockLevels(block) {
  const out = /* @__PURE__ */ new Map();
  if (block?.value.kind !== "mapping") return out;
  for (const e of block.value.entries) {
    if (SCOPE_NAMES.includes(e.scope) && (e.level === "read" || e.level === "write")) {
      out.set(e.scope, e.level);
    }
  }
  return out;
}
function jobPermissionsYaml(job, needs) {
  const levels = blockLevels(job.permissions);
  for (const n of needs) {
    const held = levels.get(n.scope) ?? "none";
    if (!covers(held, n.level)) levels.set(n.scope, n.level);
  }
  const entries = SCOPE_NAMES.filter((s) => levels.has(s)).map((s) => `${s}: ${levels.get(s)}`);
  return `permissions: { ${entries.join(", ")} }`;
}

// src/checks/github-token/job.ts
function judge(need, p) {
  const list = "all" in need ? need.all : need.anyOf;
  const least = list.filter((n) => covers(p.scopes[n.scope].least, n.level));
  const most = list.filter((n) => covers(p.scopes[n.scope].most, n.level));
  if ("all" in need) {
    const short = list.filter((n) => !least.includes(n));
    if (short.length === 0) return { verdict: "granted", short };
    return { verdict: short.every((n) => most.includes(n)) ? "unknown" : "missing", short };
  }
  if (least.length > 0) return { verdict: "granted", short: [] };
  return { verdict: most.length > 0 ? "unknown" : "missing", short: list.slice(0, 1) };
}
var subjectOf = (c) => `job \`${c.job.id}\` (${c.file}${c.calledBy ? `, ${c.calledBy}` : c.via ? `, called by \`${c.via}\`` : ""}${c.forkCase ? ", on a pull request from a fork" : ""})`;
var idOf = (c) => `github-token:${c.file}:${c.via ? `${c.via}>` : ""}${c.job.id}${c.forkCase ? ":fork" : ""}`;
function allNeeds(c) {
  const needs = c.known.flatMap((k) => "all" in k.need ? k.need.all : k.need.anyOf.slice(0, 1));
  const all = [...needs, ...c.declared];
  const seen = /* @__PURE__ */ new Set();
  return all.filter((n) => {
    const higher = n.level === "read" && all.some((m) => m.scope === n.scope && m.level === "write");
    return !higher && !seen.has(n.scope) && seen.add(n.scope) !== void 0;
  });
}
function shortByScope(c) {
  const byScope = /* @__PURE__ */ new Map();
  for (const k of c.known) {
    const { verdict, short } = judge(k.need, c.permissions);
    for (const n of verdict === "granted" ? [] : short) {
      const entry = byScope.get(n.scope) ?? { verdict, needs: [], asked: n };
      if (verdict === "missing") entry.verdict = "missing";
      if (covers(n.level, entry.asked.level)) entry.asked = n;
      entry.needs.push(k);
      byScope.set(n.scope, entry);
    }
  }
  return byScope;
}
function fixFor(c, scope) {
  if (c.permissions.forkCapped) {
    return "A fork's pull request gets a read-only token whatever the workflow asks: run the job only for pushes or same-repository pull requests (e.g. `if: github.event.pull_request.head.repo.fork != true`).";
  }
  const needs = allNeeds(c);
  const caller = c.caller;
  if (caller && scope && !covers(caller.permissions.granted[scope].most, asked(needs, scope))) {
    const yaml2 = jobPermissionsYaml(caller.job, needs);
    const own = c.permissions.source.kind === "block" ? c.permissions.source.block : void 0;
    const also = own ? ` The called workflow's own \`permissions:\` (${own.file}${own.line !== void 0 ? ` line ${own.line}` : ""}) must name it too.` : "";
    return `Grant it in the calling job: add \`${yaml2}\` under \`jobs.${caller.job.id}\` in ${caller.file} (a called workflow's token is its caller's, and can only be lowered).${also}`;
  }
  const yaml = jobPermissionsYaml(c.job, needs);
  return `Grant it at the job: add \`${yaml}\` under \`jobs.${c.job.id}\` in ${c.file} (a job's block replaces the workflow's, so it lists everything the job needs).`;
}
function asked(needs, scope) {
  return needs.some((n) => n.scope === scope && n.level === "write") ? "write" : "read";
}
function scopeFinding(c, scope, { verdict, needs, asked: asked2 }) {
  const steps = needs.map((k) => `${describeStep(k.step, c.file)} (\`${k.what}\`, needs ${describeNeed(k.need)})`);
  const grant = c.permissions.scopes[scope];
  const granted = grant.least === grant.most ? grant.least : `${grant.least} or ${grant.most}`;
  const first = needs[0]?.step;
  const fix = fixFor(c, scope);
  const base = {
    id: `${idOf(c)}:${scope}`,
    subject: subjectOf(c),
    evidence: { job: c.job.id, scope, needed: asked2.level, granted, steps: needs.map((k) => k.what) },
    fix,
    docUrl: needs[0]?.doc ?? TOKEN_PERMISSIONS_URL,
    ...stepLocation(first, c.file)
  };
  const message = `${steps.join("; ")}: the job's token has \`${scope}: ${granted}\`, from ${grantReason(c.permissions)}.`;
  if (verdict === "missing" && needs.every((k) => k.metOnPublic) && scope === "contents") {
    return finding("github-token-scope-missing", {
      ...base,
      message: `Would fail with git's "Repository not found" (404), the repository being ${c.visibility === "internal" ? "internal" : "private"}: ${message}`,
      wouldReturn: 404
    });
  }
  if (verdict === "missing") {
    return finding("github-token-scope-missing", {
      ...base,
      message: `Would be refused (403): ${message}`,
      wouldReturn: 403
    });
  }
  return finding("github-token-permission-unknown", {
    ...base,
    status: "unverified",
    message: `Cannot tell: ${message}`,
    fix: `Set \`github.default-token-permissions\` (read or write, as the repository's Actions settings say), or ${fix[0]?.toLowerCase()}${fix.slice(1)}`,
    docUrl: TOKEN_PERMISSIONS_URL
  });
}
function jobFindings(c) {
  const out = [...callerFindings(c)];
  const visibility = c.visibility ?? "unknown";
  const freeShort = c.known.filter((k) => k.metOnPublic && judge(k.need, c.permissions).verdict !== "granted");
  const aside = visibility === "public" || visibility === "unknown" ? freeShort : [];
  const main = shortByScope({ ...c, known: c.known.filter((k) => !aside.includes(k)) });
  for (const [scope, short] of main) {
    if (!c.permissions.exceedsCaller.includes(scope)) out.push(scopeFinding(c, scope, short));
  }
  if (visibility === "unknown") out.push(...visibilityFindings(c, aside, main));
  out.push(...unknownFindings(c));
  if (out.length === 0 && (c.known.length > 0 || c.declared.length > 0)) {
    const scopeOf = (k) => ("all" in k.need ? k.need.all : k.need.anyOf)[0];
    const fetches = aside.filter((k) => scopeOf(k)?.scope === "contents");
    const others = aside.filter((k) => scopeOf(k)?.scope !== "contents");
    const names = (ks) => [...new Set(ks.map((k) => `\`${k.what}\``))].join(", ");
    const publicNote = [
      fetches.length > 0 ? ` ${names(fetches)} ${fetches.length === 1 ? "fetches" : "fetch"} the public repository without \`contents: read\` (the repository's visibility is public).` : "",
      others.length > 0 ? ` ${names(others)} ${others.length === 1 ? "needs" : "need"} ${[...new Set(others.map((k) => `\`${describeScope(scopeOf(k))}\``))].join(", ")} only on a private or internal repository (the repository's visibility is public).` : ""
    ].join("");
    out.push(
      finding("ok", {
        id: `${idOf(c)}:ok`,
        subject: subjectOf(c),
        decisionPoint: "github-token",
        message: `Every step's need of the job's token is granted, by ${grantReason(c.permissions)}.${publicNote}`,
        evidence: { job: c.job.id, needs: allNeeds(c).map(describeScope) },
        docUrl: TOKEN_PERMISSIONS_URL
      })
    );
  }
  return out;
}
function visibilityFindings(c, open, main) {
  const byScope = shortByScope({ ...c, known: open });
  return [...byScope].flatMap(([scope, { needs }]) => {
    if (main.has(scope) || c.permissions.exceedsCaller.includes(scope)) return [];
    const steps = needs.map((k) => `${describeStep(k.step, c.file)} (\`${k.what}\`)`).join("; ");
    const grant = c.permissions.scopes[scope];
    const granted = grant.least === grant.most ? grant.least : `${grant.least} or ${grant.most}`;
    const first = needs[0]?.step;
    const what = scope === "contents" ? `${steps} ${needs.length === 1 ? "fetches" : "fetch"} the repository with the job's token, which has \`${scope}: ${granted}\` (from ${grantReason(c.permissions)}). A public repository is fetched without it; a private or internal one answers "Repository not found" (404).` : `${steps} ${needs.length === 1 ? "needs" : "need"} \`${scope}: read\` on a private or internal repository only, and the job's token has \`${scope}: ${granted}\` (from ${grantReason(c.permissions)}).`;
    return [
      finding("github-token-visibility-unknown", {
        id: `${idOf(c)}:${scope}:visibility`,
        subject: subjectOf(c),
        status: "unverified",
        message: `Cannot tell: ${what} The repository's visibility is not known.`,
        evidence: { job: c.job.id, scope, granted, steps: needs.map((k) => k.what) },
        fix: `Say the repository's visibility (\`github.repository-visibility\` in the preflight's config, or \`predict --repository-visibility\`), or ${fixFor(c, scope)[0]?.toLowerCase()}${fixFor(c, scope).slice(1)}`,
        docUrl: needs[0]?.doc ?? TOKEN_PERMISSIONS_URL,
        ...stepLocation(first, c.file)
      })
    ];
  });
}
function unknownFindings(c) {
  if (c.declared.length > 0 || c.needsDeclared) return [];
  const unread = c.job.stepsUnread;
  const jobUnread = unread ? [
    finding("github-token-needs-unknown", {
      id: `${idOf(c)}:unread`,
      subject: subjectOf(c),
      status: "unverified",
      message: `The steps of job \`${c.job.id}\` were not read (${unread}): what they need of its token is not verified.`,
      evidence: { job: c.job.id },
      fix: `Declare what the job's steps need under \`github.job-token-needs.${c.job.id}\` in the preflight's config.`,
      ...c.job.line !== void 0 ? { location: { file: c.file, line: c.job.line } } : {}
    })
  ] : [];
  const implicit = c.unknown.filter((u) => u.implicit);
  const first = implicit[0]?.step;
  const byDefault = implicit.length > 0 ? [
    finding("github-token-needs-unknown", {
      id: `${idOf(c)}:unknown-actions`,
      subject: subjectOf(c),
      status: "unverified",
      message: `${implicit.map((u) => `${describeStep(u.step, c.file)} (\`${u.what}\`)`).join("; ")}: ${implicit.length === 1 ? "a step" : "steps"} the preflight's tables do not know, given no token of ${implicit.length === 1 ? "its" : "their"} own. An action may use the job's token by default (an input that defaults to \`\${{ github.token }}\`), a program may read the \`GITHUB_TOKEN\` or \`GH_TOKEN\` the job's or workflow's \`env:\` gives every step, and the job's \`permissions:\` take away every scope they do not name: what ${implicit.length === 1 ? "it needs" : "they need"} is not verified.`,
      evidence: { job: c.job.id, actions: implicit.map((u) => u.what) },
      fix: `Declare what these steps need (an action's README says) under \`github.job-token-needs.${c.job.id}\` in the preflight's config, or \`{}\` when they need nothing of the job's token.`,
      docUrl: "https://docs.github.com/en/actions/reference/workflows-and-actions/metadata-syntax#inputsinput_iddefault",
      ...stepLocation(first, c.file)
    })
  ] : [];
  return [
    ...jobUnread,
    ...byDefault,
    ...c.unknown.filter((u) => !u.implicit).map(
      (u) => finding("github-token-needs-unknown", {
        id: `${idOf(c)}:unknown:${u.step.index + 1}`,
        subject: subjectOf(c),
        status: "unverified",
        message: `${describeStep(u.step, c.file)} uses the job's token through \`${u.what}\`, ${u.reason}: what it needs is not verified.`,
        evidence: { job: c.job.id, step: u.step.index + 1, what: u.what },
        fix: `Declare what the job's steps need under \`github.job-token-needs.${c.job.id}\` in the preflight's config (e.g. \`contents: write\`).`,
        ...stepLocation(u.step, c.file)
      })
    )
  ];
}
function callerFindings(c) {
  const p = c.permissions;
  if (!p.cappedByCaller || p.exceedsCaller.length === 0) return [];
  const block = p.source.kind === "block" ? p.source.block : void 0;
  const exceeded = p.exceedsCaller.map((s) => ({
    scope: s,
    level: p.asked?.[s].least === "read" || SCOPES[s].levels === "read-or-none" ? "read" : "write"
  }));
  return [
    finding("github-token-caller-grant-exceeded", {
      id: `${idOf(c)}:caller`,
      subject: subjectOf(c),
      message: `The job's \`permissions:\` ask for more than the calling job \`${p.cappedByCaller}\` grants (${p.exceedsCaller.join(", ")}): GitHub refuses to start the run.`,
      evidence: { job: c.job.id, caller: p.cappedByCaller, scopes: [...p.exceedsCaller] },
      fix: c.caller ? `Grant them in the calling job: add \`${jobPermissionsYaml(c.caller.job, exceeded)}\` under \`jobs.${c.caller.job.id}\` in ${c.caller.file}, or lower the called workflow's \`permissions:\`.` : `Grant them in the calling job \`${p.cappedByCaller}\` (e.g. \`permissions: { ${exceeded.map(describeScope).join(", ")} }\`), or lower the called job's \`permissions:\`.`,
      docUrl: REUSABLE_URL,
      ...block?.line !== void 0 ? { location: { file: block.file, line: block.line } } : {}
    })
  ];
}

// src/workflows/github-token/pat.ts
function oauthScopesFor(need, privateRepo) {
  const repo = privateRepo ? ["repo"] : ["repo", "public_repo"];
  switch (need.scope) {
    case "packages":
      return need.level === "write" ? ["write:packages"] : ["read:packages", "write:packages"];
    case "security-events":
      return ["security_events", ...repo];
    case "deployments":
      return ["repo_deployment", ...repo];
    case "statuses":
      return ["repo:status", ...repo];
    case "id-token":
      return [];
    default:
      return !privateRepo && need.level === "read" ? [] : repo;
  }
}
function missingOauthScopes(needs, scopes, privateRepo) {
  const held = new Set(scopes.map((s) => s.trim().toLowerCase()));
  return needs.map((need) => ({ need, anyOf: oauthScopesFor(need, privateRepo) })).filter(({ anyOf }) => anyOf.length > 0 && !anyOf.some((s) => held.has(s)));
}

// src/checks/github-token/pat.ts
var DEFAULT_TIMEOUT_MINUTES = 360;
var TOKENS_DOC = "https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api";
function needsOf(use) {
  return use.uses.flatMap((k) => "all" in k.need ? k.need.all : k.need.anyOf.slice(0, 1));
}
function secretFindings(use, inspection, now) {
  const job = {
    job: { id: use.jobId },
    file: use.file,
    ...use.via ? { via: use.via } : {},
    ...use.calledBy ? { calledBy: use.calledBy } : {}
  };
  const subject = `secret \`${use.secret}\` in ${subjectOf(job)}`;
  const id = `${idOf(job)}:secret:${use.secret}`;
  const steps = use.uses.map((k) => describeStep(k.step, use.file)).join("; ");
  const first = use.uses[0]?.step;
  const at = stepLocation(first, use.file);
  const base = {
    id,
    subject,
    ...at,
    evidence: { secret: use.secret, job: use.jobId, needs: needsOf(use).map(describeScope) }
  };
  if (!inspection || inspection.kind === "not-given") {
    return [
      finding("pat-unverified", {
        ...base,
        status: "unverified",
        message: `${steps} use the token in secret \`${use.secret}\`, which the preflight was not given: its access is not verified.`,
        fix: `Pass the same secret to the preflight (\`env: { ${use.secret}: \${{ secrets.${use.secret} }} }\`) and name it in the \`github-tokens\` input.`
      })
    ];
  }
  if (inspection.kind === "unverified") {
    return [
      finding("pat-unverified", {
        ...base,
        status: "unverified",
        message: `The token in secret \`${use.secret}\` could not be verified: ${inspection.reason}.`,
        fix: "Run the preflight again; if GitHub keeps refusing to answer, check the API URL and the runner's network."
      })
    ];
  }
  return answeredFindings(use, inspection, now, base, steps);
}
function answeredFindings(use, t, now, base, steps) {
  if (t.status === 401) {
    return [
      finding("pat-expired", {
        ...base,
        message: `GitHub refuses the token in secret \`${use.secret}\` (401 Bad credentials): it has expired or been revoked. ${steps} would fail.`,
        fix: `Create a new token and store it in the secret \`${use.secret}\`.`,
        wouldReturn: 401,
        docUrl: TOKENS_DOC
      })
    ];
  }
  const ends = now + (use.timeoutMinutes ?? DEFAULT_TIMEOUT_MINUTES) * 60;
  const out = [];
  if (t.expiresAt !== void 0 && t.expiresAt <= ends) {
    const when = new Date(t.expiresAt * 1e3).toISOString();
    out.push(
      finding("pat-expired", {
        ...base,
        evidence: { ...base.evidence, expiresAt: when },
        message: `The token in secret \`${use.secret}\` ${t.expiresAt <= now ? "expired" : "expires"} at ${when} (GitHub-Authentication-Token-Expiration), before job \`${use.jobId}\` can end (timeout ${use.timeoutMinutes ?? DEFAULT_TIMEOUT_MINUTES} minutes).`,
        fix: `Regenerate the token with a later expiration and store it in the secret \`${use.secret}\`.`,
        wouldReturn: 401
      })
    );
  }
  if (t.status === 404 || t.status === 403) {
    const accepted = t.acceptedPermissions ? ` GitHub says the call takes \`${t.acceptedPermissions}\` (X-Accepted-GitHub-Permissions).` : "";
    out.push(
      finding("pat-no-repository-access", {
        ...base,
        message: `The token in secret \`${use.secret}\` cannot read the repository (HTTP ${t.status}${t.message ? `: ${t.message}` : ""}).${accepted} ${steps} would be refused.`,
        fix: "Give the token access to this repository (a fine-grained token's or app installation's repository access, or a classic token's `repo` scope).",
        wouldReturn: 403
      })
    );
    return out;
  }
  return [...out, ...scopeFindings(use, t, base, steps)];
}
function scopeFindings(use, t, base, steps) {
  const needs = needsOf(use);
  if (t.tokenKind === "classic" || t.tokenKind === "oauth") {
    const missing = missingOauthScopes(needs, t.oauthScopes ?? [], t.privateRepo ?? true);
    if (missing.length === 0) {
      return [
        finding("ok", {
          ...base,
          decisionPoint: "github-token",
          message: `The token in secret \`${use.secret}\` has the OAuth scopes ${steps} need (X-OAuth-Scopes: ${(t.oauthScopes ?? []).join(", ") || "none"}).`
        })
      ];
    }
    return missing.map(
      (m) => finding("pat-scope-missing", {
        ...base,
        id: `${base.id}:${m.need.scope}`,
        evidence: { ...base.evidence, scopes: [...t.oauthScopes ?? []], missing: describeScope(m.need) },
        message: `${steps} need \`${describeScope(m.need)}\`, which a classic token gets from the \`${m.anyOf.join("` or `")}\` scope; the token in secret \`${use.secret}\` has ${t.oauthScopes?.length ? `\`${t.oauthScopes.join(", ")}\`` : "no scope"} (X-OAuth-Scopes).`,
        fix: `Add the \`${m.anyOf[0]}\` scope to the token (or use a fine-grained token with \`${describeScope(m.need)}\` on this repository).`,
        wouldReturn: 403
      })
    );
  }
  const writes = needs.filter((n) => n.level === "write");
  if (writes.length === 0) {
    return [
      finding("ok", {
        ...base,
        decisionPoint: "github-token",
        message: `The token in secret \`${use.secret}\` can read the repository, which is all ${steps} need.`
      })
    ];
  }
  return [
    finding("pat-unverified", {
      ...base,
      status: "unverified",
      message: `The token in secret \`${use.secret}\` (${t.tokenKind}) reads the repository, but its ${writes.map(describeScope).join(", ")} cannot be verified without a write, which the preflight never makes.`,
      fix: `Check the token's repository permissions include ${writes.map(describeScope).join(", ")} (Settings \u2192 Developer settings \u2192 fine-grained tokens, or the app's permissions).`
    })
  ];
}

// src/checks/github-token.ts
function invalidFindings(block, where) {
  if (!block) return [];
  return validatePermissions(block).map(
    (p, i) => finding("github-token-invalid-scope", {
      id: `github-token:${block.file}:${where}:invalid:${i + 1}`,
      subject: `\`permissions:\` of ${where} (${block.file})`,
      message: `${p.message}: GitHub refuses the workflow before any job runs.`,
      evidence: { written: p.written, ...p.suggestion ? { suggestion: p.suggestion } : {} },
      fix: p.suggestion ? `Did you mean \`${p.suggestion}\`?` : "Use a scope and level from the workflow syntax reference.",
      docUrl: PERMISSIONS_SYNTAX_URL,
      ...p.line !== void 0 ? { location: { file: p.file, line: p.line } } : {}
    })
  );
}
function secretUses(job, file, needs, caller) {
  const by = /* @__PURE__ */ new Map();
  for (const k of needs.known) {
    if (k.token.kind !== "secret" || k.of === "job") continue;
    by.set(k.token.name, [...by.get(k.token.name) ?? [], k]);
  }
  return [...by].map(([secret, uses]) => ({
    secret,
    jobId: job.id,
    file,
    ...caller ? { via: caller.name, calledBy: calledByLabel(caller.chain) } : {},
    ...job.timeoutMinutes !== void 0 ? { timeoutMinutes: job.timeoutMinutes } : {},
    uses
  }));
}
function runtimeTokenFindings(c, needs) {
  const by = /* @__PURE__ */ new Map();
  for (const k of needs.known) {
    if (k.token.kind !== "other" || k.of === "job") continue;
    by.set(k.token.expression, [...by.get(k.token.expression) ?? [], k]);
  }
  return [...by].map(
    ([expression, uses], i) => finding("pat-unverified", {
      id: `${idOf(c)}:runtime-token:${i + 1}`,
      subject: subjectOf(c),
      status: "unverified",
      message: `${uses.map((k) => `${describeStep(k.step, c.file)} (\`${k.what}\`, needs ${describeNeed(k.need)})`).join("; ")} use a token made during the run or written in the workflow (\`${expression}\`): it cannot be checked before the run.`,
      evidence: { job: c.job.id, token: expression, needs: uses.flatMap((k) => describeNeed(k.need)) },
      fix: "Check that the token's app or owner grants what these steps need on this repository, or give the steps the job's token or a secret the preflight is given (`github-tokens`).",
      ...stepLocation(uses[0]?.step, c.file)
    })
  );
}
function namesScopes(p) {
  const s = p.source;
  return s.kind === "block" && !(s.block.value.kind === "shorthand" && s.block.value.value === "write-all");
}
function jobCase(facts, workflow, job, caller, steps, run) {
  const permissions = effectivePermissions({
    ...workflow.permissions ? { workflow: workflow.permissions } : {},
    ...job.permissions ? { job: job.permissions } : {},
    defaults: facts.settings.defaultPermissions,
    ...run ? { run } : {},
    ...caller ? { caller: { name: caller.name, permissions: caller.permissions } } : {}
  });
  const needs = jobNeeds(steps);
  const declared = facts.settings.jobNeeds[job.id] ?? [];
  const declaredNeeds = declared.map((n) => ({
    step: { index: -1 },
    what: "github.job-token-needs",
    token: { kind: "github-token" },
    need: { all: [n] },
    of: "token",
    doc: PERMISSIONS_SYNTAX_URL
  }));
  const context = {
    job,
    file: workflow.file,
    permissions,
    known: [...needs.known.filter((k) => k.token.kind === "github-token" || k.of === "job"), ...declaredNeeds],
    unknown: needs.unknown.filter((u) => u.token.kind === "github-token" && (!u.implicit || namesScopes(permissions))),
    declared,
    visibility: facts.settings.visibility ?? "unknown",
    ...facts.settings.jobNeeds[job.id] !== void 0 ? { needsDeclared: true } : {},
    ...caller ? {
      via: caller.name,
      calledBy: calledByLabel(caller.chain),
      caller: { file: caller.file, job: caller.job, permissions: caller.permissions }
    } : {}
  };
  return { permissions, needs, context };
}
function forkFindings(facts, workflow, job, caller, main) {
  if (facts.run || !job.forkSteps) return [];
  const fork = jobCase(facts, workflow, job, caller, job.forkSteps, { event: "pull_request", fromFork: true });
  const missing = new Set(main.filter((f) => f.class === "github-token-scope-missing").map((f) => f.evidence.scope));
  const found = jobFindings({ ...fork.context, forkCase: true }).filter(
    (f) => f.class === "github-token-scope-missing" && !missing.has(f.evidence.scope) && !deployTokenOnFork(f)
  );
  const open = job.forkRunUnknown;
  return open ? found.map((f) => forkRunOpen(f, open)) : found;
}
function forkRunOpen(f, open) {
  const { wouldReturn: _refused, cause: _cause, ...rest } = f;
  return {
    ...rest,
    status: "unverified",
    message: `Cannot tell whether the job runs on a pull request from a fork: its \`if: ${open.condition}\` reads ${open.reason}, not known for that run. If it runs there, ${f.message.replace(/^Would be refused \(403\): /, "it would be refused (403): ")}`
  };
}
function deployTokenOnFork(f) {
  const steps = f.evidence.steps;
  return f.evidence.scope === "id-token" && Array.isArray(steps) && steps.length > 0 && steps.every((s) => typeof s === "string" && /^aws-actions\/configure-aws-credentials$/i.test(s));
}
function checkJob(facts, workflow, job, caller) {
  const forkRun = facts.run?.event === "pull_request" && facts.run.fromFork;
  if (forkRun && job.forkRuledOut !== void 0) return invalidFindings(job.permissions, `job \`${job.id}\``);
  const steps = forkRun && job.forkSteps ? job.forkSteps : job.steps;
  const { permissions, needs, context } = jobCase(facts, workflow, job, caller, steps, facts.run);
  const main = jobFindings(context).filter((f) => !(forkRun && deployTokenOnFork(f)));
  const out = [
    ...invalidFindings(job.permissions, `job \`${job.id}\``),
    ...main,
    ...forkFindings(facts, workflow, job, caller, main)
  ];
  for (const use of secretUses(job, workflow.file, needs, caller)) {
    const inspection = facts.inspections.find((i) => i.secret === use.secret);
    out.push(...secretFindings(use, inspection, facts.now));
  }
  out.push(...runtimeTokenFindings(context, needs));
  if (job.calls) {
    out.push(...invalidFindings(job.calls.permissions, `the workflow ${job.calls.file}`));
    for (const called of job.calls.jobs) {
      const chain = [...caller?.chain ?? [], { file: workflow.file, jobId: job.id }];
      out.push(...checkJob(facts, job.calls, called, { name: job.id, permissions, file: workflow.file, job, chain }));
    }
  }
  return out;
}
var githubTokenCheck = {
  id: "github-token",
  title: "Each job's GITHUB_TOKEN (and the tokens its steps take from secrets) grants what its steps need.",
  decisionPoints: ["github-token"],
  section: "github",
  scope: "workflow",
  run: (facts) => facts.workflows.flatMap((workflow) => [
    ...invalidFindings(workflow.permissions, `the workflow ${workflow.file}`),
    ...workflow.jobs.flatMap((job) => checkJob(facts, workflow, job))
  ])
};
export {
  githubTokenCheck
};
