/**
 * Reads a job's log line by line and turns every 401 and 403 in it into a finding of the preflight's classes. The log
 * comes in one line at a time ({@link LogScanner.push}), so a log of any size is read in bounded memory: each line is
 * cut at MAX_LINE_CHARS (src/diagnose/clean.ts), and findings are capped at {@link MAX_FINDINGS}, the rest counted.
 *
 * One failure is often printed on several lines (npm's `npm ERR! 403 …` block, git's `remote: Permission … denied`
 * then `fatal: … returned error: 403`): a match within {@link FOLD_LINES} lines of the same failure (its class, layer,
 * status, and the principal, action, resource and evidence both lines name), or a bare status line of the same code
 * near a finding that is a line of its dump or of the same tool, is folded into it (never across a step's header or
 * from a line of another host). An XML error body (`<Error>` … `</Error>`, AWS's REST error) is read as one line, and takes
 * the place of the HTTP status line of an AWS host right above it. The same failure printed again later (a sync that fails on every
 * file) is one finding with its count of distinct occurrences: the lines of one dump count once. Pure: no I/O.
 */
import type { EvidenceValue, Finding } from '../model/finding.js';
import { placeDraft } from '../model/finding.js';
import { redactSecretShapes } from '../text/secret-shapes.js';
import { AWS_MATCHERS } from './aws.js';
import { cleanLine, MAX_LINE_CHARS, quoteLine, showHidden } from './clean.js';
import { FEDERATION_MATCHERS, MARKER_MATCHERS } from './federation.js';
import { GITHUB_MATCHERS } from './github.js';
import { HTTP_MATCHERS } from './http.js';
import { firstMatch, type LogMatch, type Matcher } from './match.js';
import { catchSentence, permissionLine } from './permission-line.js';
import { STS_MATCHERS } from './sts.js';
import { bridgeBetween, TAIL_LINE_CHARS, TAIL_LINES, type TailLine, tiedToAws } from './xml-body.js';

/** Findings kept from one log; the rest are counted in {@link LogDiagnosis.dropped}. */
export const MAX_FINDINGS = 50;

/** How far below a finding a line of the same failure is folded into it. */
export const FOLD_LINES = 4;

/** How far below a finding a bare status line (`status: 403` in an error's dump) is folded into it. */
export const GENERIC_FOLD_LINES = 12;

/** How far from a finding a detail of it (a response header in an error's dump) is read as its own. */
export const ENRICH_LINES = 64;

/**
 * Every matcher, most specific first: STS and GitHub before AWS's grammar, then Google Cloud's and Microsoft Entra's
 * refusals, the plain statuses, and last the markers of an auth error no rule reads (fail closed).
 */
const MATCHERS: readonly Matcher[] = [
  ...STS_MATCHERS,
  ...GITHUB_MATCHERS,
  ...AWS_MATCHERS,
  ...FEDERATION_MATCHERS,
  ...HTTP_MATCHERS,
  ...MARKER_MATCHERS,
];

/**
 * A word every matcher's form holds at least one of: a line without any is not read further (most of a log is not an
 * error, and one test is cheaper than every matcher's). Kept a superset of the matchers' forms by the excerpt tests.
 */
const ANY_FORM =
  /40[13]|denied|unauthori[sz]ed|not authorized|forbidden|audience|openid|verification key|expired|security token|clienttokenid|unrecognizedclient|authfailure|not able to validate|access ?key ?id|signaturedoesnotmatch|durationseconds|session[ -]?name|not accessible|accepted-github-permissions|permission to|actions_id_token_request|credentials|requires authentication|saml enforcement|aadsts|unauthenticated|invalid_(?:grant|client|token)|unauthorized_client/i;

/** One failure the log shows, with where it was first seen. */
export interface LogFailure {
  readonly match: LogMatch;
  /** The first line (1-based) that shows it, and that line as quoted. */
  readonly line: number;
  readonly text: string;
  /** How many lines showed it (folded lines included). */
  readonly occurrences: number;
}

/** What a log says. */
export interface LogDiagnosis {
  readonly failures: readonly LogFailure[];
  readonly findings: readonly Finding[];
  /** Lines read. */
  readonly lines: number;
  /** Distinct failures not kept because of {@link MAX_FINDINGS}. */
  readonly dropped: number;
  /**
   * The lines over MAX_LINE_CHARS, read as their start and end only (a failure in their middle is not seen): `2 lines
   * over 16 KiB were read as their start and end only (the first is line 7)`. Absent when there were none.
   */
  readonly cut?: string;
}

/** Reads a log one line at a time. */
export interface LogScanner {
  /** One line; `cut` when the reader passed only its start and end (src/sources/github-logs.ts). */
  push(rawLine: string, cut?: boolean): void;
  /** Lines not read (the middle of a log over its bound): the lines after keep their numbers. */
  skip(lines: number): void;
  finish(): LogDiagnosis;
}

interface Open {
  match: LogMatch;
  line: number;
  text: string;
  occurrences: number;
  /** The last line folded into it. */
  lastAt: number;
  /** Only bare status lines showed it so far (npm's `npm ERR! code E403` before its `403 Forbidden - PUT …` line). */
  onlyGeneric: boolean;
  /** Its first line is a bare status of a dump (`StatusCode: 403`), which any failure near it may complete. */
  bare: boolean;
  /** How the lines of its latest occurrence begin: a line that begins as one of them did is the failure printed again. */
  leads: Set<string>;
}

/** What a scanner holds between lines: the findings kept, and what later lines may fold into. */
interface ScanState {
  readonly kept: Open[];
  readonly byKey: Map<string, Open>;
  /** The latest finding of each class, which a detail completes. */
  readonly recent: Map<string, Open>;
  readonly dropped: Set<string>;
  lineNo: number;
  cutLines: number;
  firstCutLine: number | undefined;
  last: Open | undefined;
  /** A detail seen before the finding it completes. */
  detail: { readonly match: LogMatch; readonly at: number } | undefined;
  /** The command of the latest step (its `Run …` line) and that line's number: a failure never folds across it. */
  step: { readonly command: string; readonly at: number } | undefined;
  /** The lines of an XML error body read so far, from its `<Error>` line: read together once it closes. */
  xml: { lines: { readonly at: number; readonly line: string }[]; chars: number } | undefined;
  /** The latest lines, their starts only: what ties an XML body to the status line above it (src/diagnose/xml-body.ts). */
  readonly tail: TailLine[];
}

/** `target` completed by a detail of the same class: the detail's message, fix and evidence where it has them. */
function enrich(target: LogMatch, detail: LogMatch): LogMatch {
  if (target.class !== detail.class) return target;
  return { ...target, message: detail.message, fix: detail.fix, evidence: { ...target.evidence, ...detail.evidence } };
}

/**
 * The key under which the same failure printed again is counted, not repeated: its class, layer, message, status,
 * the request it names and the evidence read from it (an S3 and an ECR call refused alike are two failures).
 */
function keyOf(m: LogMatch): string {
  return JSON.stringify([
    m.class,
    m.decisionPoint,
    m.message,
    m.wouldReturn ?? null,
    m.request ?? null,
    m.evidence ?? null,
  ]);
}

/**
 * Whether `m` is the failure `open` shows, printed again: the same class, layer and status, and the same principal,
 * action, resource, layer and evidence as far as both lines name them (a line that does not name one, such as a
 * `fatal:` line after git's `remote:` line, does not contradict it). docs/explain.md: only "the same failure printed
 * again" is folded.
 */
function sameFailure(open: LogMatch, m: LogMatch): boolean {
  if (open.class !== m.class || open.decisionPoint !== m.decisionPoint) return false;
  if (open.wouldReturn !== undefined && m.wouldReturn !== undefined && open.wouldReturn !== m.wouldReturn) return false;
  const agree = (a: object | undefined, b: object | undefined) => {
    const other = new Map(Object.entries(b ?? {}));
    return Object.entries(a ?? {}).every(
      ([k, v]) => !other.has(k) || JSON.stringify(other.get(k)) === JSON.stringify(v),
    );
  };
  return agree(open.request, m.request) && agree(open.evidence, m.evidence);
}

/**
 * How a line begins, up to its first `:` (`upload failed`, `RequestError [HttpError]`, `npm ERR! 403 403 Forbidden - PUT
 * https`): the lines of one error's dump begin each their own way, while the same failure printed again (a sync failing
 * on every file) begins as it did before.
 */
function leadOf(line: string): string {
  return (line.trim().split(':', 1)[0] ?? '').replace(/\d+/g, '0').slice(0, 60);
}

/**
 * One more line shows `open`: a new occurrence when it begins as a line of the latest one did (the failure printed
 * again), never for a bare status line or another line of the same dump.
 */
function touch(s: ScanState, open: Open, line: string, dumpLine: boolean): void {
  if (!dumpLine) {
    const lead = leadOf(line);
    // Far below its latest line, the failure is printed again whatever its lines begin with.
    if (open.leads.has(lead) || s.lineNo - open.lastAt > ENRICH_LINES) {
      open.occurrences++;
      open.leads = new Set([lead]);
    } else open.leads.add(lead);
  }
  open.lastAt = s.lineNo;
  s.last = open;
  s.recent.set(open.match.class, open);
}

/** A bare status of a dump: `status: 403`, `"statusCode": 401`, as an error object prints it. */
const BARE_STATUS = /^[\s│|]*['"]?status(?:[ _]?code)?['"]?\s*[:=]\s*40[13]\b/i;

/**
 * The step header the runner prints before a `run:` step's output (`##[group]Run curl …`, its `##[group]` read through
 * by src/diagnose/clean.ts): https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands#grouping-log-lines
 */
const STEP_HEADER = /^Run\s+(\S.*)$/;

/** A URL a line names, and its host. */
const URL_IN_LINE = /\bhttps?:\/\/(?:[^\s/'"`<>()@]*@)?([^\s/'"`<>():]+)[^\s'"`<>()]*/gi;

/** The hosts of the URLs a line names (lower case). */
function hostsOf(line: string): Set<string> {
  return new Set([...line.matchAll(URL_IN_LINE)].map((m) => (m[1] ?? '').toLowerCase()));
}

/** Whether two lines name hosts and none of them in common: they are about two servers, never one failure. */
function otherHosts(a: string, b: string): boolean {
  const hostsA = hostsOf(a);
  const hostsB = hostsOf(b);
  return hostsA.size > 0 && hostsB.size > 0 && ![...hostsA].some((h) => hostsB.has(h));
}

/**
 * What a bare status refused: the URL its line names (git's `unable to access 'https://github.com/o/r.git/'`), else
 * the command of the step it is printed in (`curl -fsS https://a.example.com/deploy`, `gh api repos/o/alpha/…`): two
 * refusals of two targets are two failures, the same one printed again is counted (docs/explain.md).
 */
function withTarget(s: ScanState, m: LogMatch, line: string): LogMatch {
  if (!m.generic || m.source !== 'http') return m;
  const url = [...line.matchAll(URL_IN_LINE)][0]?.[0];
  const target = url ?? s.step?.command;
  return target === undefined ? m : { ...m, evidence: { ...m.evidence, target: target.slice(0, 200) } };
}

/** A line of the same error's dump as the finding above it: its bare status, git's closing line after `remote:`. */
function dumpLineOf(last: Open, line: string): boolean {
  return (
    BARE_STATUS.test(line) ||
    last.bare ||
    // git's own closing line after the server's `remote:` refusal.
    (last.match.source === 'git' && /^fatal: unable to access\b/.test(line.trim()))
  );
}

/**
 * Folds `m` into the finding just above it: a bare status of the same code near it that is a line of the same error's
 * dump (its `status: 403`, git's `fatal:` after `remote:`) or the same tool's (npm's advice lines), or the same failure
 * right below. A specific line of the same tool or dump right below a finding only bare status lines showed takes its
 * place (npm's `code E403` line, then its `403 Forbidden`). Never across a step's header or between lines that name
 * two hosts: a curl 403 of one host and git's 403 of GitHub, or an ECR login's expiry and Helm's `unexpected status:
 * 403`, are two failures.
 */
function foldIntoLast(s: ScanState, m: LogMatch, line: string): boolean {
  const last = s.last;
  if (!last) return false;
  if ((s.step && s.step.at > last.lastAt) || otherHosts(last.text, line)) return false;
  const gap = s.lineNo - last.lastAt;
  const sameStatus = m.wouldReturn === last.match.wouldReturn;
  // A plain status (`source: http`) names no tool: it joins a finding only as a line of its dump.
  const sameTool = m.source !== 'http' && m.source === last.match.source;
  if (m.generic && sameStatus && (sameTool || dumpLineOf(last, line)) && gap <= GENERIC_FOLD_LINES) {
    touch(s, last, line, true);
    return true;
  }
  const kin = (m.source !== 'http' && m.source === last.match.source) || dumpLineOf(last, line);
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
    // A plain status printed again right below (a retried curl) is another occurrence; a bare `status: 403` is not.
    touch(s, last, line, !!m.generic && BARE_STATUS.test(line));
    return true;
  }
  return false;
}

/** A detail completes the latest finding of its class nearby, or waits for the next one. */
function takeDetail(s: ScanState, d: LogMatch): void {
  const target = s.recent.get(d.class);
  if (target && s.lineNo - target.lastAt <= ENRICH_LINES) target.match = enrich(target.match, d);
  else s.detail = { match: d, at: s.lineNo };
}

/** Places one line's match: folded, counted, kept as a new finding, or counted as dropped. */
function place(s: ScanState, matched: LogMatch, line: string, maxFindings: number): void {
  const found = withTarget(s, matched, line);
  if (found.detail) {
    takeDetail(s, found);
    return;
  }
  if (foldIntoLast(s, found, line)) return;
  const key = keyOf(found);
  const seen = s.byKey.get(key);
  // A bare status of a dump is never a new occurrence; a plain status line printed again is (a retried curl).
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
  if (applies) s.detail = undefined;
  const match = applies ? enrich(found, pending.match) : found;
  const open: Open = {
    match,
    line: s.lineNo,
    text: quoteLine(line),
    occurrences: 1,
    lastAt: s.lineNo,
    onlyGeneric: !!found.generic,
    bare: !!found.generic && BARE_STATUS.test(line),
    leads: new Set(),
  };
  s.kept.push(open);
  s.byKey.set(key, open);
  touch(s, open, line, dumpLine);
}

/**
 * An XML error body, as AWS's REST APIs answer an error (S3's `<Error><Code>AccessDenied</Code><Message>…</Message>
 * <RequestId>…</RequestId></Error>`, https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#RESTErrorResponses),
 * which a tool may print over several lines: its lines are read together, as one line, once `</Error>` closes it.
 */
const XML_OPEN = /<Error>/;
const XML_CLOSE = /<\/Error>/;

/**
 * The most lines, and characters, an XML error body is read together over: an `<Error>` that does not close within
 * them (or before the next step's header) is read line by line, as any other lines are.
 */
export const XML_BODY_LINES = 24;
const XML_BODY_CHARS = MAX_LINE_CHARS;

/** An AWS host (`BUCKET.s3.amazonaws.com`, `sts.amazonaws.com`, `….amazonaws.com.cn`). */
const AWS_HOST = /(?:^|\.)amazonaws\.com(?:\.cn)?$/;

/** One line, cleaned and redacted, at `s.lineNo`: its step header noted, and its match placed. */
function readLine(s: ScanState, line: string, maxFindings: number): void {
  const step = STEP_HEADER.exec(line);
  if (step?.[1]) s.step = { command: step[1].trim(), at: s.lineNo };
  if (!ANY_FORM.test(line)) return;
  const found = firstMatch(MATCHERS, line);
  if (found) place(s, found, line, maxFindings);
}

/** The lines of an XML body that did not close, read one by one at their own numbers. */
function flushXml(s: ScanState, maxFindings: number): void {
  const body = s.xml;
  if (!body) return;
  s.xml = undefined;
  const now = s.lineNo;
  for (const { at, line } of body.lines) {
    s.lineNo = at;
    readLine(s, line, maxFindings);
  }
  s.lineNo = now;
}

/**
 * A closed XML body read as one line, at the line of its `<Error>`. The HTTP status line above it for an AWS host
 * (`Request to https://BUCKET.s3.amazonaws.com/ failed with status code 403`, or curl -v's `< HTTP/1.1 403 Forbidden`
 * tied to AWS by its headers) is the same failure: the body's finding takes its place, at its line. Between the two
 * may stand only the XML declaration, blank lines and curl -v's lines (src/diagnose/xml-body.ts), never a step's
 * header.
 */
function closeXml(s: ScanState, maxFindings: number): void {
  const body = s.xml;
  if (!body) return;
  s.xml = undefined;
  const start = body.lines[0]?.at ?? s.lineNo;
  const text = body.lines.map(({ line }) => line.trim()).join(' ');
  const found = ANY_FORM.test(text) ? firstMatch(MATCHERS, text) : undefined;
  if (!found) return;
  const now = s.lineNo;
  const last = s.last;
  const bridge = last && !(s.step && s.step.at > last.lastAt) ? bridgeBetween(s.tail, last.lastAt, start) : undefined;
  if (
    last?.onlyGeneric &&
    bridge &&
    !found.generic &&
    !found.detail &&
    found.wouldReturn === last.match.wouldReturn &&
    ([...hostsOf(last.text)].some((host) => AWS_HOST.test(host)) ||
      tiedToAws(s.tail, bridge, last.lastAt, s.step?.at ?? 0))
  ) {
    s.byKey.delete(keyOf(last.match));
    const seen = s.byKey.get(keyOf(found));
    if (seen) {
      // The same failure was read before: the status line is one more line of it.
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

/** A new scanner; `maxFindings` for tests of the cap. */
export function createLogScanner(maxFindings: number = MAX_FINDINGS): LogScanner {
  const s: ScanState = {
    kept: [],
    byKey: new Map(),
    recent: new Map(),
    dropped: new Set(),
    lineNo: 0,
    cutLines: 0,
    firstCutLine: undefined,
    last: undefined,
    detail: undefined,
    step: undefined,
    xml: undefined,
    tail: [],
  };
  return {
    push(rawLine, cut = false) {
      s.lineNo++;
      if (cut || rawLine.length > MAX_LINE_CHARS) {
        s.cutLines++;
        s.firstCutLine ??= s.lineNo;
      }
      // The matchers read the line with its secrets redacted, so what they take from it (a principal, a resource, a
      // repository) is already safe, and the product's own prose around it is never passed through the redactor.
      const line = redactSecretShapes(cleanLine(rawLine));
      s.tail.push({ at: s.lineNo, line: line.slice(0, TAIL_LINE_CHARS) });
      if (s.tail.length > TAIL_LINES) s.tail.shift();
      if (s.xml) {
        // A step's header ends the output the body was printed in: the body did not close.
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
        // A body on one line (`<?xml …?><Error>…</Error>`) is read as a closed one, so it takes the status line's
        // place as one over several lines does.
        s.xml = { lines: [{ at: s.lineNo, line }], chars: line.length };
        if (XML_CLOSE.test(line)) closeXml(s, maxFindings);
        return;
      }
      readLine(s, line, maxFindings);
    },
    skip(lines) {
      flushXml(s, maxFindings);
      s.lineNo += lines;
      // A failure above the part not read is not folded with one below it.
      s.last = undefined;
    },
    finish() {
      flushXml(s, maxFindings);
      const failures = s.kept.map(({ match, line, text, occurrences }) => ({ match, line, text, occurrences }));
      return {
        failures,
        findings: failures.map(toFinding),
        lines: s.lineNo,
        dropped: s.dropped.size,
        ...(s.cutLines > 0 ? { cut: cutText(s.cutLines, s.firstCutLine ?? 0) } : {}),
      };
    },
  };
}

/** What the headline says of the lines read in part. */
function cutText(count: number, first: number): string {
  const kib = MAX_LINE_CHARS / 1024;
  return count === 1
    ? `line ${first} is over ${kib} KiB and was read as its start and end only`
    : `${count} lines over ${kib} KiB were read as their start and end only (the first is line ${first})`;
}

/** Diagnoses a whole log given as text (tests, small logs); CRLF and a bare CR end lines as LF does. */
export function diagnoseLog(text: string, maxFindings?: number): LogDiagnosis {
  const scanner = createLogScanner(maxFindings);
  const lines = text.split(/\r\n|\n|\r/);
  // A final line break ends the last line; it does not start another.
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  for (const line of lines) scanner.push(line);
  return scanner.finish();
}

/** Evidence read from the log, each string as {@link quoteLine} shows it. */
function safeEvidence(evidence: Readonly<Record<string, EvidenceValue>> | undefined): Record<string, EvidenceValue> {
  const out: Record<string, EvidenceValue> = {};
  for (const [k, v] of Object.entries(evidence ?? {})) out[k] = typeof v === 'string' ? quoteLine(v) : v;
  return out;
}

/** A failure as a finding: `log:L<line>:<class>`, its line quoted, the permission line when the log names one. */
export function toFinding(failure: LogFailure): Finding {
  const { match } = failure;
  const request = match.request ?? match.example;
  const permission = request ? permissionLine(request) : undefined;
  const fixes = [match.fix];
  if (permission) {
    fixes.push(catchSentence(permission, request?.role));
  }
  return placeDraft(
    {
      class: match.class,
      decisionPoint: match.decisionPoint,
      message: showHidden(match.message),
      fix: showHidden(fixes.join(' ')),
      ...(match.cause ? { cause: match.cause } : {}),
      ...(match.wouldReturn ? { wouldReturn: match.wouldReturn } : {}),
      ...(match.docUrl ? { docUrl: match.docUrl } : {}),
      evidence: {
        line: failure.line,
        text: failure.text,
        source: match.source,
        ...(failure.occurrences > 1 ? { occurrences: failure.occurrences } : {}),
        ...safeEvidence({
          ...(request?.principal ? { principal: request.principal } : {}),
          ...(request?.role ? { role: request.role } : {}),
          ...(request ? { action: request.action } : {}),
          ...(request?.resource ? { resource: request.resource } : {}),
          ...(request?.policyArn ? { policy: request.policyArn } : {}),
          ...(permission ? { permission } : {}),
        }),
        ...safeEvidence(match.evidence),
      },
    },
    `log:L${failure.line}:${match.class}`,
    `log line ${failure.line}`,
  );
}
