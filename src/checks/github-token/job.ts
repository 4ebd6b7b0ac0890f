/**
 * One job's `GITHUB_TOKEN`: what its steps need against what the job is granted. One finding per job and missing
 * scope (naming every step that needs it), one per scope the unknown default leaves open, one per step whose needs
 * cannot be known, and a pass for a job whose every need is granted.
 */
import { type Finding, finding } from '../../model/finding.js';
import type { RepositoryVisibility } from '../../model/runner.js';
import type { ScopeNeed } from '../../workflows/github-token/actions-table.js';
import { type EffectivePermissions, REUSABLE_URL } from '../../workflows/github-token/effective.js';
import type { KnownNeed, UnknownNeed } from '../../workflows/github-token/needs.js';
import { covers, SCOPES, type Scope, TOKEN_PERMISSIONS_URL } from '../../workflows/github-token/scopes.js';
import type { TokenJob } from '../../workflows/github-token/types.js';
import {
  describeNeed,
  describeScope,
  describeStep,
  grantReason,
  jobPermissionsYaml,
  stepLocation,
} from './describe.js';

/** What one need comes to against the grant. */
type Verdict = 'granted' | 'unknown' | 'missing';

/** A need against the grant: granted by the least the job may have, possibly by the most, or not at all. */
export function judge(need: KnownNeed['need'], p: EffectivePermissions): { verdict: Verdict; short: ScopeNeed[] } {
  const list = 'all' in need ? need.all : need.anyOf;
  const least = list.filter((n) => covers(p.scopes[n.scope].least, n.level));
  const most = list.filter((n) => covers(p.scopes[n.scope].most, n.level));
  if ('all' in need) {
    const short = list.filter((n) => !least.includes(n));
    if (short.length === 0) return { verdict: 'granted', short };
    return { verdict: short.every((n) => most.includes(n)) ? 'unknown' : 'missing', short };
  }
  if (least.length > 0) return { verdict: 'granted', short: [] };
  return { verdict: most.length > 0 ? 'unknown' : 'missing', short: list.slice(0, 1) };
}

/** What a job is checked with. */
export interface JobContext {
  readonly job: TokenJob;
  /** The workflow file the job is in. */
  readonly file: string;
  readonly permissions: EffectivePermissions;
  readonly known: readonly KnownNeed[];
  readonly unknown: readonly UnknownNeed[];
  /** Scopes the configuration declares for the job. */
  readonly declared: readonly ScopeNeed[];
  /** The configuration names the job under `github.job-token-needs` (an empty mapping says: nothing more). */
  readonly needsDeclared?: boolean;
  /** For a job of a called workflow: the calling job, which tells its runs apart. */
  readonly via?: string;
  /** For a job of a called workflow: the whole chain of calling jobs, as every finding names it (`src/workflows/callers.ts`). */
  readonly calledBy?: string;
  /** For a job of a called workflow: the calling job and its file, where the grant that caps this job is written. */
  readonly caller?: { readonly file: string; readonly job: TokenJob; readonly permissions: EffectivePermissions };
  /** The job's run on a pull request from a fork, checked apart from its other runs. */
  readonly forkCase?: boolean;
  /** The repository's visibility: decides needs met without the scope on a public repository; unknown when unset. */
  readonly visibility?: RepositoryVisibility | 'unknown';
}

/** `job \`deploy\` (file)`, or `(file, called by \`release\` in cd.yml)`, the chain named whole. */
type JobRef = {
  readonly job: { readonly id: string };
  readonly file: string;
  readonly via?: string;
  readonly calledBy?: string;
  readonly forkCase?: boolean;
};
export const subjectOf = (c: JobRef) =>
  `job \`${c.job.id}\` (${c.file}${c.calledBy ? `, ${c.calledBy}` : c.via ? `, called by \`${c.via}\`` : ''}${c.forkCase ? ', on a pull request from a fork' : ''})`;
/** The id prefix of a job's findings: the file, the calling job (if any) and the job. */
export const idOf = (c: JobRef) =>
  `github-token:${c.file}:${c.via ? `${c.via}>` : ''}${c.job.id}${c.forkCase ? ':fork' : ''}`;

/** The scopes every need of the job asks for, each at the level asked (anyOf: the first), for the fix. */
function allNeeds(c: JobContext): ScopeNeed[] {
  const needs = c.known.flatMap((k) => ('all' in k.need ? k.need.all : k.need.anyOf.slice(0, 1)));
  // Each scope once, at the highest level asked: two steps that need `id-token: write` are one need of the job, and
  // `pages: write` holds `pages: read`.
  const all = [...needs, ...c.declared];
  const seen = new Set<string>();
  return all.filter((n) => {
    const higher = n.level === 'read' && all.some((m) => m.scope === n.scope && m.level === 'write');
    return !higher && !seen.has(n.scope) && seen.add(n.scope) !== undefined;
  });
}

/** What the job lacks, one entry per scope: the needs short of it, the highest level asked, and the verdict. */
type Short = { verdict: Verdict; needs: KnownNeed[]; asked: ScopeNeed };

function shortByScope(c: JobContext): Map<Scope, Short> {
  const byScope = new Map<Scope, Short>();
  for (const k of c.known) {
    const { verdict, short } = judge(k.need, c.permissions);
    for (const n of verdict === 'granted' ? [] : short) {
      const entry = byScope.get(n.scope) ?? { verdict, needs: [], asked: n };
      if (verdict === 'missing') entry.verdict = 'missing';
      if (covers(n.level, entry.asked.level)) entry.asked = n;
      entry.needs.push(k);
      byScope.set(n.scope, entry);
    }
  }
  return byScope;
}

/**
 * The fix: the job-level block that grants everything the job needs; on a fork's pull request no block can, since
 * GitHub lowers that token to read whatever the workflow asks (TOKEN_PERMISSIONS_URL), so the job must not run there.
 */
function fixFor(c: JobContext, scope?: Scope): string {
  if (c.permissions.forkCapped) {
    return "A fork's pull request gets a read-only token whatever the workflow asks: run the job only for pushes or same-repository pull requests (e.g. `if: github.event.pull_request.head.repo.fork != true`).";
  }
  const needs = allNeeds(c);
  const caller = c.caller;
  // A called workflow's token is its caller's, and can only be lowered: what the caller does not grant must be
  // granted in the calling job (REUSABLE_URL, "Access and permissions").
  if (caller && scope && !covers(caller.permissions.granted[scope].most, asked(needs, scope))) {
    const yaml = jobPermissionsYaml(caller.job, needs);
    const own = c.permissions.source.kind === 'block' ? c.permissions.source.block : undefined;
    const also = own
      ? ` The called workflow's own \`permissions:\` (${own.file}${own.line !== undefined ? ` line ${own.line}` : ''}) must name it too.`
      : '';
    return `Grant it in the calling job: add \`${yaml}\` under \`jobs.${caller.job.id}\` in ${caller.file} (a called workflow's token is its caller's, and can only be lowered).${also}`;
  }
  const yaml = jobPermissionsYaml(c.job, needs);
  return `Grant it at the job: add \`${yaml}\` under \`jobs.${c.job.id}\` in ${c.file} (a job's block replaces the workflow's, so it lists everything the job needs).`;
}

/** The highest level the job's needs ask of `scope`. */
function asked(needs: readonly ScopeNeed[], scope: Scope): ScopeNeed['level'] {
  return needs.some((n) => n.scope === scope && n.level === 'write') ? 'write' : 'read';
}

/** The finding for one scope the job lacks, or may lack. */
function scopeFinding(c: JobContext, scope: Scope, { verdict, needs, asked }: Short): Finding {
  const steps = needs.map((k) => `${describeStep(k.step, c.file)} (\`${k.what}\`, needs ${describeNeed(k.need)})`);
  const grant = c.permissions.scopes[scope];
  const granted = grant.least === grant.most ? grant.least : `${grant.least} or ${grant.most}`;
  const first = needs[0]?.step;
  const fix = fixFor(c, scope);
  const base = {
    id: `${idOf(c)}:${scope}`,
    subject: subjectOf(c),
    evidence: { job: c.job.id, scope, needed: asked.level, granted, steps: needs.map((k) => k.what) },
    fix,
    docUrl: needs[0]?.doc ?? TOKEN_PERMISSIONS_URL,
    ...stepLocation(first, c.file),
  };
  const message = `${steps.join('; ')}: the job's token has \`${scope}: ${granted}\`, from ${grantReason(c.permissions)}.`;
  if (verdict === 'missing' && needs.every((k) => k.metOnPublic) && scope === 'contents') {
    // git is told the repository does not exist, as GitHub hides a private repository from a token that may not
    // read it (docs/github-token.md, "actions/checkout and the repository's visibility").
    return finding('github-token-scope-missing', {
      ...base,
      message: `Would fail with git's "Repository not found" (404), the repository being ${c.visibility === 'internal' ? 'internal' : 'private'}: ${message}`,
      wouldReturn: 404,
    });
  }
  if (verdict === 'missing') {
    return finding('github-token-scope-missing', {
      ...base,
      message: `Would be refused (403): ${message}`,
      wouldReturn: 403,
    });
  }
  return finding('github-token-permission-unknown', {
    ...base,
    status: 'unverified',
    message: `Cannot tell: ${message}`,
    fix: `Set \`github.default-token-permissions\` (read or write, as the repository's Actions settings say), or ${fix[0]?.toLowerCase()}${fix.slice(1)}`,
    docUrl: TOKEN_PERMISSIONS_URL,
  });
}

/** Findings for the needs of the job's own token (and of the job, `id-token`). */
export function jobFindings(c: JobContext): Finding[] {
  const out: Finding[] = [...callerFindings(c)];
  // Needs a public repository meets without the scope (actions/checkout's contents), when the grant lacks it: met
  // on a public repository, open when the visibility is not known, kept (a 404) on a private or internal one.
  const visibility = c.visibility ?? 'unknown';
  const freeShort = c.known.filter((k) => k.metOnPublic && judge(k.need, c.permissions).verdict !== 'granted');
  const aside = visibility === 'public' || visibility === 'unknown' ? freeShort : [];
  const main = shortByScope({ ...c, known: c.known.filter((k) => !aside.includes(k)) });
  // A scope the called job's block asks above its caller's grant stops the run before it starts: that one
  // finding (callerFindings) says it, not a refusal of each step as well.
  for (const [scope, short] of main) {
    if (!c.permissions.exceedsCaller.includes(scope)) out.push(scopeFinding(c, scope, short));
  }
  if (visibility === 'unknown') out.push(...visibilityFindings(c, aside, main));
  out.push(...unknownFindings(c));
  if (out.length === 0 && (c.known.length > 0 || c.declared.length > 0)) {
    const scopeOf = (k: KnownNeed) => ('all' in k.need ? k.need.all : k.need.anyOf)[0];
    const fetches = aside.filter((k) => scopeOf(k)?.scope === 'contents');
    const others = aside.filter((k) => scopeOf(k)?.scope !== 'contents');
    const names = (ks: KnownNeed[]) => [...new Set(ks.map((k) => `\`${k.what}\``))].join(', ');
    const publicNote = [
      fetches.length > 0
        ? ` ${names(fetches)} ${fetches.length === 1 ? 'fetches' : 'fetch'} the public repository without \`contents: read\` (the repository's visibility is public).`
        : '',
      others.length > 0
        ? ` ${names(others)} ${others.length === 1 ? 'needs' : 'need'} ${[...new Set(others.map((k) => `\`${describeScope(scopeOf(k) as ScopeNeed)}\``))].join(', ')} only on a private or internal repository (the repository's visibility is public).`
        : '',
    ].join('');
    out.push(
      finding('ok', {
        id: `${idOf(c)}:ok`,
        subject: subjectOf(c),
        decisionPoint: 'github-token',
        message: `Every step's need of the job's token is granted, by ${grantReason(c.permissions)}.${publicNote}`,
        evidence: { job: c.job.id, needs: allNeeds(c).map(describeScope) },
        docUrl: TOKEN_PERMISSIONS_URL,
      }),
    );
  }
  return out;
}

/**
 * Needs met without the scope on a public repository only, when the visibility is not known: unverified, one per
 * scope no other need already finds short.
 */
function visibilityFindings(c: JobContext, open: readonly KnownNeed[], main: Map<Scope, Short>): Finding[] {
  const byScope = shortByScope({ ...c, known: open });
  return [...byScope].flatMap(([scope, { needs }]) => {
    if (main.has(scope) || c.permissions.exceedsCaller.includes(scope)) return [];
    const steps = needs.map((k) => `${describeStep(k.step, c.file)} (\`${k.what}\`)`).join('; ');
    const grant = c.permissions.scopes[scope];
    const granted = grant.least === grant.most ? grant.least : `${grant.least} or ${grant.most}`;
    const first = needs[0]?.step;
    const what =
      scope === 'contents'
        ? `${steps} ${needs.length === 1 ? 'fetches' : 'fetch'} the repository with the job's token, which has \`${scope}: ${granted}\` (from ${grantReason(c.permissions)}). A public repository is fetched without it; a private or internal one answers "Repository not found" (404).`
        : `${steps} ${needs.length === 1 ? 'needs' : 'need'} \`${scope}: read\` on a private or internal repository only, and the job's token has \`${scope}: ${granted}\` (from ${grantReason(c.permissions)}).`;
    return [
      finding('github-token-visibility-unknown', {
        id: `${idOf(c)}:${scope}:visibility`,
        subject: subjectOf(c),
        status: 'unverified',
        message: `Cannot tell: ${what} The repository's visibility is not known.`,
        evidence: { job: c.job.id, scope, granted, steps: needs.map((k) => k.what) },
        fix: `Say the repository's visibility (\`github.repository-visibility\` in the preflight's config, or \`predict --repository-visibility\`), or ${fixFor(c, scope)[0]?.toLowerCase()}${fixFor(c, scope).slice(1)}`,
        docUrl: needs[0]?.doc ?? TOKEN_PERMISSIONS_URL,
        ...stepLocation(first, c.file),
      }),
    ];
  });
}

/** A step whose needs cannot be known; covered when the configuration declares the job's needs. */
function unknownFindings(c: JobContext): Finding[] {
  if (c.declared.length > 0 || c.needsDeclared) return [];
  const unread = c.job.stepsUnread;
  const jobUnread = unread
    ? [
        finding('github-token-needs-unknown', {
          id: `${idOf(c)}:unread`,
          subject: subjectOf(c),
          status: 'unverified',
          message: `The steps of job \`${c.job.id}\` were not read (${unread}): what they need of its token is not verified.`,
          evidence: { job: c.job.id },
          fix: `Declare what the job's steps need under \`github.job-token-needs.${c.job.id}\` in the preflight's config.`,
          ...(c.job.line !== undefined ? { location: { file: c.file, line: c.job.line } } : {}),
        }),
      ]
    : [];
  const implicit = c.unknown.filter((u) => u.implicit);
  const first = implicit[0]?.step;
  const byDefault =
    implicit.length > 0
      ? [
          finding('github-token-needs-unknown', {
            id: `${idOf(c)}:unknown-actions`,
            subject: subjectOf(c),
            status: 'unverified',
            message: `${implicit.map((u) => `${describeStep(u.step, c.file)} (\`${u.what}\`)`).join('; ')}: ${implicit.length === 1 ? 'a step' : 'steps'} the preflight's tables do not know, given no token of ${implicit.length === 1 ? 'its' : 'their'} own. An action may use the job's token by default (an input that defaults to \`\${{ github.token }}\`), a program may read the \`GITHUB_TOKEN\` or \`GH_TOKEN\` the job's or workflow's \`env:\` gives every step, and the job's \`permissions:\` take away every scope they do not name: what ${implicit.length === 1 ? 'it needs' : 'they need'} is not verified.`,
            evidence: { job: c.job.id, actions: implicit.map((u) => u.what) },
            fix: `Declare what these steps need (an action's README says) under \`github.job-token-needs.${c.job.id}\` in the preflight's config, or \`{}\` when they need nothing of the job's token.`,
            docUrl:
              'https://docs.github.com/en/actions/reference/workflows-and-actions/metadata-syntax#inputsinput_iddefault',
            ...stepLocation(first, c.file),
          }),
        ]
      : [];
  return [
    ...jobUnread,
    ...byDefault,
    ...c.unknown
      .filter((u) => !u.implicit)
      .map((u) =>
        finding('github-token-needs-unknown', {
          id: `${idOf(c)}:unknown:${u.step.index + 1}`,
          subject: subjectOf(c),
          status: 'unverified',
          message: `${describeStep(u.step, c.file)} uses the job's token through \`${u.what}\`, ${u.reason}: what it needs is not verified.`,
          evidence: { job: c.job.id, step: u.step.index + 1, what: u.what },
          fix: `Declare what the job's steps need under \`github.job-token-needs.${c.job.id}\` in the preflight's config (e.g. \`contents: write\`).`,
          ...stepLocation(u.step, c.file),
        }),
      ),
  ];
}

/** A called workflow's job that asks for more than its caller grants: the run does not start. */
function callerFindings(c: JobContext): Finding[] {
  const p = c.permissions;
  if (!p.cappedByCaller || p.exceedsCaller.length === 0) return [];
  const block = p.source.kind === 'block' ? p.source.block : undefined;
  // Each scope at the level the called block asks for it.
  const exceeded: ScopeNeed[] = p.exceedsCaller.map((s) => ({
    scope: s,
    level: p.asked?.[s].least === 'read' || SCOPES[s].levels === 'read-or-none' ? 'read' : 'write',
  }));
  return [
    finding('github-token-caller-grant-exceeded', {
      id: `${idOf(c)}:caller`,
      subject: subjectOf(c),
      message: `The job's \`permissions:\` ask for more than the calling job \`${p.cappedByCaller}\` grants (${p.exceedsCaller.join(', ')}): GitHub refuses to start the run.`,
      evidence: { job: c.job.id, caller: p.cappedByCaller, scopes: [...p.exceedsCaller] },
      fix: c.caller
        ? `Grant them in the calling job: add \`${jobPermissionsYaml(c.caller.job, exceeded)}\` under \`jobs.${c.caller.job.id}\` in ${c.caller.file}, or lower the called workflow's \`permissions:\`.`
        : `Grant them in the calling job \`${p.cappedByCaller}\` (e.g. \`permissions: { ${exceeded.map(describeScope).join(', ')} }\`), or lower the called job's \`permissions:\`.`,
      docUrl: REUSABLE_URL,
      ...(block?.line !== undefined ? { location: { file: block.file, line: block.line } } : {}),
    }),
  ];
}
