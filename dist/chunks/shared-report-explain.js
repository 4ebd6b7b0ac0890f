import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  describeFailure,
  octokitFailure
} from "./shared-sources-github-failure.js";
import {
  CAUSES,
  MAX_SUMMARY_BYTES,
  POINT_TITLES,
  code,
  text
} from "./shared-report-summary.js";
import {
  formatBytes
} from "./shared-sources-http.js";

// src/report/explain.ts
function explanationOf(source, d, read) {
  return {
    source,
    lines: d.lines,
    findings: d.findings,
    dropped: d.dropped,
    ...read.truncated ? { truncated: read.truncated } : {},
    ...d.cut ? { cut: d.cut } : {}
  };
}
function notRead(e) {
  const out = [];
  if (e.truncated) out.push(e.truncated);
  if (e.cut) out.push(e.cut);
  return out;
}
function explainResult(e) {
  if (e.findings.length + e.dropped > 0) return "fail";
  return notRead(e).length > 0 ? "unverified" : "pass";
}
var plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
function explainHeadline(e) {
  const unread = notRead(e);
  const read = unread.length > 0 ? `(${plural(e.lines, "line")})` : `(${plural(e.lines, "line")} read)`;
  const bad = e.findings.filter((f) => f.wouldReturn === 400).length;
  const total = e.findings.length + e.dropped;
  const found = e.findings.length === 0 ? `No 401 or 403 found in ${unread.length > 0 ? `the part read of ${e.source}` : e.source} ${read}` : bad === 0 || bad === total ? `${plural(total, "failure")} that would end in ${bad === 0 ? "401 or 403" : "400"} in ${e.source} ${read}` : `${plural(total, "failure")} in ${e.source} ${read}: ${total - bad} would end in 401 or 403, ${bad} in 400`;
  const more = e.dropped > 0 ? `; ${e.dropped} more not shown (the first ${e.findings.length} are)` : "";
  const cut = unread.length > 0 ? `; unverified: ${unread.join("; ")}` : "";
  return `${found}${more}${cut}`;
}
function unverifiedHeadline(explanations, unread) {
  const items = [
    ...unread.map((u) => `could not read the log of ${u.source}: ${u.reason}`),
    ...explanations.filter((e) => explainResult(e) === "unverified").map((e) => `${e.source} was not read in full, and the part read shows no 401 or 403: ${notRead(e).join("; ")}`)
  ];
  if (items.length === 0) return void 0;
  const head = `Unverified: ${plural(items.length, "job log")} not explained`;
  const list = items.map((item) => `- ${text(item)}`).join("\n");
  return {
    text: `${head}: ${items.join("; ")}`,
    markdown: `## permission-preflight explain

### \u26A0\uFE0F ${text(head)}

${list}

`
  };
}
function docLink(url) {
  return /^https:\/\/[^\s()<>[\]`|\\]+$/.test(url) ? `[docs](${url})` : text(url);
}
function facts(f) {
  const ev = f.evidence;
  const rows = [
    ["Log", String(ev.text ?? "")],
    ["What", f.message]
  ];
  if (ev.target !== void 0) rows.splice(1, 0, ["Target", String(ev.target)]);
  if (ev.occurrences !== void 0) rows.push(["Seen", `${ev.occurrences} times`]);
  if (Array.isArray(ev.layersToCheck)) {
    const titles = ev.layersToCheck.map((id) => POINT_TITLES[id] ?? id);
    rows.push(["Layers to check", titles.join(", ")]);
  }
  if (f.cause) rows.push(["Cause", CAUSES[f.cause]]);
  if (f.fix) rows.push(["Fix", f.fix]);
  if (ev.permission !== void 0) rows.push(["Permission line", String(ev.permission)]);
  if (ev.deciding !== void 0) rows.push(["Deciding", String(ev.deciding)]);
  if (f.docUrl) rows.push(["Docs", f.docUrl]);
  return rows;
}
function title(f) {
  const status = f.wouldReturn ? ` (${f.wouldReturn})` : "";
  return `Line ${f.evidence.line}: ${f.class} at ${POINT_TITLES[f.decisionPoint]}${status}`;
}
function renderExplainText(e) {
  const out = [explainHeadline(e), ""];
  for (const f of e.findings) {
    out.push(title(f));
    for (const [label, value] of facts(f)) out.push(`  ${`${label}:`.padEnd(17)}${value}`);
    out.push("");
  }
  return `${out.join("\n").trimEnd()}
`;
}
function renderExplainMarkdown(e, maxBytes = MAX_SUMMARY_BYTES / 2) {
  const head = `## permission-preflight explain

**${text(explainHeadline(e))}**
`;
  const blocks = [];
  let size = head.length;
  let left = e.findings.length;
  for (const f of e.findings) {
    const rows = facts(f).map(
      ([label, value]) => label === "Log" || label === "Target" || label === "Permission line" ? `| ${label} | ${code(value)} |` : label === "Docs" ? `| ${label} | ${docLink(value)} |` : `| ${label} | ${text(value)} |`
    );
    const block = `
### ${text(title(f))}

| | |
|---|---|
${rows.join("\n")}
`;
    if (size + block.length > maxBytes) break;
    blocks.push(block);
    size += block.length;
    left--;
  }
  const cut = left > 0 ? `
_${left} more not shown: the summary is capped._
` : "";
  return `${head}${blocks.join("")}${cut}`;
}

// src/sources/github-logs.ts
import { createReadStream } from "node:fs";
import { lstat } from "node:fs/promises";
import { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
var MAX_LOG_BYTES = 50 * 1024 * 1024;
var MAX_LOG_HEAD_BYTES = 10 * 1024 * 1024;
var MAX_LOG_LINE_CHARS = 16 * 1024;
var LOG_TIMEOUT_MS = 6e4;
var CUT_MARK = " \u2026 ";
var LineSplitter = class {
  constructor(onLine, maxLineChars) {
    this.onLine = onLine;
    this.maxLineChars = maxLineChars;
  }
  onLine;
  maxLineChars;
  decoder = new TextDecoder("utf-8");
  pending = "";
  /** The start of the current line, once it is longer than the bound (its rest is kept as its last chars only). */
  head;
  /** The current line was passed on already (its start, before a part not read): its rest is not. */
  passed = false;
  lastWasCR = false;
  /** Lines passed on, and lines ended in a part not read. */
  lines = 0;
  skipped = 0;
  get half() {
    return Math.floor((this.maxLineChars - CUT_MARK.length) / 2);
  }
  emit(line, cut) {
    this.lines++;
    this.onLine(line, cut);
  }
  /** The current line ends with `rest`. */
  end(rest) {
    if (this.passed) this.passed = false;
    else if (this.head !== void 0) this.emit(`${this.head}${CUT_MARK}${rest.slice(-this.half)}`, true);
    else this.emit(rest, false);
    this.head = void 0;
  }
  text(text2, final) {
    this.pending += text2;
    const parts = this.pending.split(/\r\n|\n|\r(?!$)/);
    this.pending = parts.pop() ?? "";
    if (final && this.pending.endsWith("\r")) this.pending = this.pending.slice(0, -1);
    for (const line of parts) this.end(line);
    if (this.head === void 0 && this.pending.length > this.maxLineChars) {
      this.head = this.pending.slice(0, this.half);
      this.pending = this.pending.slice(this.half);
    }
    if (this.head !== void 0 && this.pending.length > this.half + 1)
      this.pending = this.pending.slice(-this.half - 1);
  }
  bytes(buf) {
    this.text(this.decoder.decode(buf, { stream: true }), false);
  }
  /** Bytes not read from here on: the line begun is passed on as far as it was read. */
  suspend() {
    this.text(this.decoder.decode(), false);
    if (this.pending.endsWith("\r")) {
      this.pending = this.pending.slice(0, -1);
      this.lastWasCR = true;
      this.end(this.pending);
    } else if (this.pending !== "" || this.head !== void 0) {
      const line = this.head !== void 0 ? `${this.head}${CUT_MARK}${this.pending.slice(-this.half)}` : this.pending;
      if (!this.passed) this.emit(line, this.head !== void 0);
      this.passed = true;
      this.head = void 0;
    }
    this.pending = "";
  }
  /** Counts the line ends of bytes not read. */
  count(buf) {
    for (const b of buf) {
      if (b === 10 && this.lastWasCR) {
        this.lastWasCR = false;
        continue;
      }
      this.lastWasCR = b === 13;
      if (b !== 10 && b !== 13) continue;
      if (this.passed) this.passed = false;
      else this.skipped++;
    }
  }
  /** Reading again: an LF that ends the CR before it is not another line. */
  resume(first) {
    this.decoder = new TextDecoder("utf-8");
    const crlf = this.lastWasCR && first?.[0] === 10;
    this.lastWasCR = false;
    return crlf ? first?.subarray(1) : first;
  }
  finish() {
    this.text(this.decoder.decode(), true);
    if (this.pending !== "" || this.head !== void 0) this.end(this.pending);
  }
};
function aboutBytes(bytes) {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MiB` : formatBytes(bytes);
}
async function readLogLines(input, onLine, {
  maxBytes = MAX_LOG_BYTES,
  headBytes = Math.min(MAX_LOG_HEAD_BYTES, Math.floor(maxBytes / 5)),
  maxLineChars = MAX_LOG_LINE_CHARS,
  onSkip
} = {}) {
  const opened = await uncompressed(input);
  if ("archive" in opened) return { bytes: opened.bytes, truncated: opened.archive };
  const chunks = opened.chunks;
  const split = new LineSplitter(onLine, maxLineChars);
  const tailBytes = maxBytes - headBytes;
  let bytes = 0;
  const queue = [];
  let queued = 0;
  let skippedBytes = 0;
  let linesBefore = 0;
  for await (const chunk of chunks) {
    let buf = typeof chunk === "string" ? new TextEncoder().encode(chunk) : chunk;
    const head = Math.max(0, Math.min(buf.length, headBytes - bytes));
    bytes += buf.length;
    if (head > 0) split.bytes(buf.subarray(0, head));
    buf = buf.subarray(head);
    if (buf.length === 0) continue;
    queue.push(buf);
    queued += buf.length;
    while (queued > tailBytes) {
      const first = queue[0];
      const drop = Math.min(queued - tailBytes, first.length);
      if (skippedBytes === 0) {
        split.suspend();
        linesBefore = split.lines;
      }
      split.count(first.subarray(0, drop));
      skippedBytes += drop;
      queued -= drop;
      if (drop === first.length) queue.shift();
      else queue[0] = first.subarray(drop);
    }
  }
  if (skippedBytes > 0) {
    onSkip?.(split.skipped);
    queue[0] = split.resume(queue[0]) ?? new Uint8Array();
  }
  for (const buf of queue) split.bytes(buf);
  split.finish();
  const skipped = skippedBytes > 0 ? `the ${aboutBytes(skippedBytes)} after line ${linesBefore} (${split.skipped} lines) were not read: only the first ${formatBytes(headBytes)} and the last ${formatBytes(tailBytes)} of the log are` : void 0;
  const broken = opened.failure?.why;
  const truncated = skipped && broken ? `${skipped}; ${broken}` : skipped ?? broken;
  return { bytes, ...truncated ? { truncated } : {} };
}
var GZIP_MAGIC = [31, 139];
var ZIP_MAGIC = [80, 75, 3, 4];
async function uncompressed(input) {
  const iterator = input[Symbol.asyncIterator]();
  const parts = [];
  let seen = 0;
  while (seen < ZIP_MAGIC.length) {
    const next = await iterator.next();
    if (next.done) break;
    parts.push(next.value);
    seen += next.value.length;
  }
  const first = parts.length === 0 ? { done: true, value: void 0 } : {
    done: false,
    value: parts.every((p) => typeof p !== "string") ? Buffer.concat(parts) : parts.map((p) => typeof p === "string" ? p : new TextDecoder().decode(p)).join("")
  };
  const rest = {
    [Symbol.asyncIterator]: () => ({
      next: () => iterator.next(),
      return: async () => iterator.return ? iterator.return() : { done: true, value: void 0 }
    })
  };
  if (first.done) return { chunks: (async function* () {
  })() };
  const head = first.value;
  const starts = (magic) => typeof head !== "string" && magic.every((b, i) => head[i] === b);
  const all = async function* () {
    yield head;
    yield* rest;
  };
  if (starts(ZIP_MAGIC)) {
    let bytes = head.length;
    for await (const chunk of rest) bytes += chunk.length;
    return {
      archive: `it is a zip archive (the run's "Download log archive"), which is not read: unzip it and give each step's log, or the job's log ("Download log")`,
      bytes
    };
  }
  if (starts(GZIP_MAGIC)) {
    const inflated = Readable.from(all()).pipe(createGunzip());
    const failure = {};
    const guarded = async function* () {
      try {
        yield* inflated;
      } catch (error) {
        failure.why = `its gzip data is damaged past this point (${error instanceof Error ? error.message : String(error)}), and the rest was not read`;
      }
    };
    return { chunks: guarded(), failure };
  }
  return { chunks: all() };
}
async function openLogFile(absolute) {
  const info = await lstat(absolute);
  if (!info.isFile()) throw new Error("is not a regular file");
  return createReadStream(absolute);
}
function runCoordinates(env) {
  const [owner, repo, ...rest] = (env.GITHUB_REPOSITORY ?? "").split("/");
  const runId = Number(env.GITHUB_RUN_ID);
  const attempt = Number(env.GITHUB_RUN_ATTEMPT || "1");
  if (!owner || !repo || rest.length > 0) return { ok: false, reason: "GITHUB_REPOSITORY is not OWNER/REPO" };
  if (!Number.isSafeInteger(runId) || runId <= 0) return { ok: false, reason: "GITHUB_RUN_ID is not a run id" };
  if (!Number.isSafeInteger(attempt) || attempt <= 0)
    return { ok: false, reason: "GITHUB_RUN_ATTEMPT is not a number" };
  const apiUrl = (env.GITHUB_API_URL || "https://api.github.com").replace(/\/+$/, "");
  return { ok: true, run: { apiUrl, owner, repo, runId, attempt } };
}
async function client(token, apiUrl, fetchImpl) {
  const { getOctokit } = await import("./actions-github-github.js");
  return getOctokit(token, { baseUrl: apiUrl, ...fetchImpl ? { request: { fetch: fetchImpl } } : {} });
}
var MAX_JOB_PAGES = 10;
function apiReason(error, what) {
  const f = octokitFailure(error);
  if (f.kind === "http" && (f.status === 403 || f.status === 404)) {
    return `${what}: HTTP ${f.status} (the token needs \`actions: read\`; give the job \`permissions: actions: read\`)`;
  }
  if (f.kind !== "network" || error.name === "HttpError") {
    return `${what}: ${describeFailure(f)}`;
  }
  return `${what}: ${error instanceof Error ? error.message.replace(/https?:\/\/\S+/g, "(url)") : "failed"}`;
}
async function listRunJobs(token, run, fetchImpl) {
  const api = await client(token, run.apiUrl, fetchImpl);
  const jobs = [];
  try {
    for (let page = 1; page <= MAX_JOB_PAGES; page++) {
      const response = await api.request(
        "GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/jobs",
        {
          owner: run.owner,
          repo: run.repo,
          run_id: run.runId,
          attempt_number: run.attempt,
          per_page: 100,
          page,
          request: { signal: AbortSignal.timeout(LOG_TIMEOUT_MS) }
        }
      );
      const batch = response.data.jobs;
      if (!Array.isArray(batch)) return { ok: false, reason: `listing the run's jobs: the answer has no "jobs" list` };
      for (const j of batch) {
        if (typeof j.id !== "number" || typeof j.name !== "string") continue;
        jobs.push({
          id: j.id,
          name: j.name,
          status: String(j.status ?? ""),
          conclusion: typeof j.conclusion === "string" ? j.conclusion : null
        });
      }
      if (batch.length < 100) break;
    }
  } catch (error) {
    return { ok: false, reason: apiReason(error, "listing the run's jobs") };
  }
  return { ok: true, jobs };
}
async function readJobLog(token, run, jobId, onLine, fetchImpl, onSkip) {
  const api = await client(token, run.apiUrl, fetchImpl);
  try {
    const response = await api.request("GET /repos/{owner}/{repo}/actions/jobs/{job_id}/logs", {
      owner: run.owner,
      repo: run.repo,
      job_id: jobId,
      request: { parseSuccessResponseBody: false, signal: AbortSignal.timeout(LOG_TIMEOUT_MS) }
    });
    const body = response.data;
    if (!body || typeof body[Symbol.asyncIterator] !== "function") {
      return { ok: false, reason: `reading job ${jobId}'s log: the answer has no body` };
    }
    return { ok: true, ...await readLogLines(body, onLine, onSkip ? { onSkip } : {}) };
  } catch (error) {
    const what = `reading job ${jobId}'s log`;
    return { ok: false, reason: afterRedirect(error) ? downloadReason(error, what) : apiReason(error, what) };
  }
}
function afterRedirect(error) {
  const e = error;
  const asked = e?.request?.url;
  const answered = e?.response?.url;
  return typeof asked === "string" && typeof answered === "string" && answered !== "" && answered !== asked;
}
function downloadReason(error, what) {
  const f = octokitFailure(error);
  if (f.kind !== "http") return `${what}: the log download after the API's redirect failed: ${describeFailure(f)}`;
  return `${what}: the log download returned HTTP ${f.status} after the API's redirect (the API accepted the token; the short-lived download URL did not serve the log: it may have expired or the log may have been deleted or not be stored yet)`;
}

export {
  explanationOf,
  explainResult,
  unverifiedHeadline,
  renderExplainText,
  renderExplainMarkdown,
  readLogLines,
  openLogFile,
  runCoordinates,
  listRunJobs,
  readJobLog
};
