/**
 * A finding: the result of one check, shaped for the report. Every failing finding names the
 * decision point that would deny (and so end in a 401 or 403), a stable class, the evidence, and
 * a concrete fix. Evidence never holds a token or a secret: only claims, times and names.
 */
import { FINDING_CLASSES, type FindingClass, type FindingClassInfo, type PointOf } from './finding-classes.js';

/**
 * Where in the chain of trust a request would be accepted or refused, in the order a request meets them, from the
 * runner to the resource, with the heading the report gives each. The one list: the type, the report's order and
 * headings, and the report schema's enum (scripts/finding-docs.mjs) all come from it.
 */
export const DECISION_POINTS = [
  { id: 'config', title: 'Configuration' },
  { id: 'runner', title: 'Runner' },
  { id: 'identity-provider', title: 'Identity provider' },
  { id: 'token', title: 'Tokens' },
  { id: 'oidc-provider', title: 'AWS OIDC provider' },
  { id: 'sts-trust', title: 'STS role trust' },
  { id: 'session', title: 'Role session' },
  { id: 'scp', title: 'Service control policies' },
  { id: 'rcp', title: 'Resource control policies' },
  { id: 'resource-policy', title: 'Resource policies' },
  { id: 'identity-policy', title: 'Identity policies' },
  { id: 'permissions-boundary', title: 'Permissions boundary' },
  { id: 'session-policy', title: 'Session policies' },
  // An AWS denial whose message does not name the layer that refused it (explain): one of the layers above, unknown.
  { id: 'unknown-layer', title: 'Unknown layer (the message does not name it)' },
  { id: 'github-token', title: 'GitHub token permissions' },
] as const;

/** A decision point's id. */
export type DecisionPoint = (typeof DECISION_POINTS)[number]['id'];

/**
 * `pass`: verified and accepted. `fail`: verified and would be refused. `unverified`: could not be
 * verified, which fails closed unless the user chose report-only mode or allowed it explicitly.
 */
export type FindingStatus = 'pass' | 'fail' | 'unverified';

/** The three usual reasons a credential that worked yesterday is refused today. */
export type Cause = 'expired-or-rotated-credential' | 'changed-entitlement' | 'changed-trust-or-network-rule';

/**
 * The HTTP statuses a refusal ends in (see {@link Finding.wouldReturn}); 404 where GitHub hides what the token
 * may not see (git's "Repository not found" for a private repository fetched without `contents: read`).
 */
export type WouldReturn = 400 | 401 | 403 | 404;

/** Evidence values: plain data a person can read. */
export type EvidenceValue = string | number | boolean | readonly string[];

/** One check's result. */
export interface Finding {
  /** Stable and unique within a run, e.g. `token:deploy-api:expired`. */
  readonly id: string;
  /** What was checked, for a person: `GitHub OIDC token`, `token "deploy-api"`. */
  readonly subject: string;
  readonly decisionPoint: DecisionPoint;
  /** Stable lower-kebab class from the one table (src/model/finding-classes.ts); `ok` for a pass. */
  readonly class: FindingClass;
  readonly status: FindingStatus;
  /** One or two sentences: what is wrong (or right), with the values that show it. */
  readonly message: string;
  readonly evidence: Readonly<Record<string, EvidenceValue>>;
  /** What to change, concretely; required for every finding that is not a pass. */
  readonly fix?: string;
  /** For a failure: which of the three usual causes it is. */
  readonly cause?: Cause;
  /**
   * The HTTP status the real call would end in: 401 (not authenticated) or 403 (not authorized), or 400 where the
   * service answers a refused credential so (S3's and STS's `ExpiredToken`, Microsoft Entra's token endpoint).
   */
  readonly wouldReturn?: WouldReturn;
  /** Documentation that decides the rule this finding applies. */
  readonly docUrl?: string;
  /** Where the finding comes from, when it is a file (a policy, the config). */
  readonly location?: { readonly file: string; readonly line?: number; readonly column?: number };
  /**
   * The ids of the findings this one stands for, its own first, when several had the same class, status, subject,
   * message and fix (a matrix job's instances, one step's roles of several accounts): the report shows them once
   * (src/report/model.ts, buildReport). Absent for a finding that stands for itself alone.
   */
  readonly instances?: readonly string[];
}

/** What a check says of a finding; the rest comes from its class's row (src/model/finding-classes.ts). */
export interface FindingFields<C extends FindingClass> {
  readonly id: string;
  readonly subject: string;
  readonly message: string;
  /** Default: `pass` for `ok`, else `fail`. */
  readonly status?: FindingStatus;
  /** Default: the class's usual decision point (the first of its row). */
  readonly decisionPoint?: PointOf<C>;
  readonly evidence?: Readonly<Record<string, EvidenceValue>>;
  readonly fix?: string;
  /** Default: the class's cause, for anything but a pass; `null` when none of the three explains this one. */
  readonly cause?: Cause | null;
  readonly wouldReturn?: WouldReturn;
  /** Default: the class's page. A more precise page (an anchor, the service's own) may be given. */
  readonly docUrl?: string;
  readonly location?: Finding['location'];
}

/**
 * The one finding builder: a class from the table, and what the check knows. The decision point is checked
 * against the class's row (by type, and here for values built at run time): a mismatch is a bug, so it throws.
 */
export function finding<C extends FindingClass>(cls: C, fields: FindingFields<C>): Finding {
  const row: FindingClassInfo = FINDING_CLASSES[cls];
  const decisionPoint: DecisionPoint = fields.decisionPoint ?? row.points[0] ?? 'runner';
  if (!row.points.includes(decisionPoint)) {
    throw new Error(`finding class ${cls} is not reported at ${decisionPoint} (src/model/finding-classes.ts)`);
  }
  const status = fields.status ?? (cls === 'ok' ? 'pass' : 'fail');
  const cause = status === 'pass' || fields.cause === null ? undefined : (fields.cause ?? row.cause);
  return {
    id: fields.id,
    subject: fields.subject,
    decisionPoint,
    class: cls,
    status,
    message: fields.message,
    evidence: fields.evidence ?? {},
    ...(fields.fix !== undefined ? { fix: fields.fix } : {}),
    ...(cause ? { cause } : {}),
    ...(fields.wouldReturn ? { wouldReturn: fields.wouldReturn } : {}),
    docUrl: fields.docUrl ?? row.docUrl,
    ...(fields.location ? { location: fields.location } : {}),
  };
}

/**
 * A finding made by any path, completed from its class's row: the documentation link where the maker gave none. The
 * report calls it on every finding, so every class links its rule; a decision point the row does not list is a bug,
 * so it throws (and the run fails closed). The cause is the builder's to give ({@link finding}).
 */
export function completeFinding(f: Finding): Finding {
  const row: FindingClassInfo = FINDING_CLASSES[f.class];
  if (!row.points.includes(f.decisionPoint)) {
    throw new Error(`finding class ${f.class} is not reported at ${f.decisionPoint} (src/model/finding-classes.ts)`);
  }
  return f.docUrl !== undefined ? f : { ...f, docUrl: row.docUrl };
}

/** What a check says of one finding before it is placed: everything but its id and subject. */
export type FindingDraft = Omit<FindingFields<FindingClass>, 'id' | 'subject' | 'decisionPoint'> & {
  readonly class: FindingClass;
  readonly decisionPoint?: DecisionPoint;
  /** Told apart from another finding of the same class on the same subject: `prefix:class:suffix`. */
  readonly suffix?: string;
};

/** Where a check's findings about one subject go: their id prefix, subject, usual decision point and place. */
export interface FindingScope {
  /** `token:deploy`, `trust:deploy-role`, …: the check and the subject's key. */
  readonly idPrefix: string;
  readonly subject: string;
  /** For drafts that name none; else the class's usual point. */
  readonly decisionPoint?: DecisionPoint;
  readonly location?: Finding['location'];
}

/**
 * The one id scheme: a check makes its findings about one subject through this, as `prefix:class` (with the draft's
 * suffix, or `:2`, `:3` for a class that repeats), each through {@link finding}.
 */
export function findingMaker(scope: FindingScope): (draft: FindingDraft) => Finding {
  const seen = new Map<string, number>();
  return (draft) => {
    const base = `${scope.idPrefix}:${draft.class}${draft.suffix ? `:${draft.suffix}` : ''}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const placed = {
      ...(scope.location ? { location: scope.location } : {}),
      ...draft,
      ...(draft.decisionPoint || !scope.decisionPoint ? {} : { decisionPoint: scope.decisionPoint }),
    };
    return placeDraft(placed, n > 1 ? `${base}:${n}` : base, scope.subject);
  };
}

/** A draft as a finding with the given id and subject, through {@link finding}. */
export function placeDraft(draft: FindingDraft, id: string, subject: string): Finding {
  const { class: cls, suffix: _suffix, decisionPoint, ...fields } = draft;
  return finding(cls, {
    ...fields,
    id,
    subject,
    ...(decisionPoint ? { decisionPoint: decisionPoint as PointOf<FindingClass> } : {}),
  });
}
