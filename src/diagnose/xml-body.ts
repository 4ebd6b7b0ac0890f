/**
 * What ties an XML error body to the HTTP status line above it (src/diagnose/scan.ts `closeXml`): AWS's REST APIs
 * answer an error with an XML document (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#RESTErrorResponses),
 * which S3 begins with the `<?xml version="1.0" encoding="UTF-8"?>` declaration, and `curl -v` prints the response's
 * headers (`< x-amz-request-id: …`) between the status line and the body. The lines read here are bounded: a few
 * lines and KiB around the status line, never across a step's header.
 */

/** A line of the log as the scanner keeps it for looking back: its number and its start. */
export interface TailLine {
  readonly at: number;
  readonly line: string;
}

/** The most lines kept for looking back, and the characters kept of each. */
export const TAIL_LINES = 32;
export const TAIL_LINE_CHARS = 1024;
/** The most lines between a status line and its body, and the most characters they hold together. */
export const BRIDGE_LINES = 24;
const BRIDGE_CHARS = 4 * 1024;
/** The most lines above a status line read for the request's `Host` header. */
const LOOK_BACK_LINES = 12;

/** The XML declaration (https://www.w3.org/TR/xml/#NT-XMLDecl), as S3 sends it before `<Error>`. */
const XML_DECLARATION = /^<\?xml\b[^>]*\?>$/;
/**
 * Lines curl -v prints around a response (https://curl.se/docs/manpage.html#-v): `< ` a response header (or `<`
 * alone, the end of the headers), `* ` curl's own note, `{ [n bytes data]` / `} [n bytes data]` a block of data.
 */
const CURL_VERBOSE = /^(?:<(?:\s.*)?|\*\s.*|[{}] \[.*\])$/;
/** The response headers only AWS sends: S3's request IDs (https://docs.aws.amazon.com/AmazonS3/latest/API/RESTCommonResponseHeaders.html). */
const AWS_RESPONSE_HEADER = /^<\s*x-amz-(?:request-id|id-2)\s*:/i;
/** curl -v's request header naming an AWS host (`> Host: BUCKET.s3.amazonaws.com`). */
const AWS_HOST_HEADER = /^>\s*Host:\s*(?:[\w.-]+\.)?amazonaws\.com(?:\.cn)?(?::\d+)?\s*$/i;

/** A line that may stand between a status line and its body: blank, the XML declaration, or curl -v's. */
function bridgeLine(line: string): boolean {
  const trimmed = line.trim();
  return trimmed === '' || XML_DECLARATION.test(trimmed) || CURL_VERBOSE.test(trimmed);
}

/**
 * The lines strictly between the status line at `from` and the body at `to`, when every one of them is kept in
 * `tail`, may stand there, and they stay within the bounds; else undefined.
 */
export function bridgeBetween(tail: readonly TailLine[], from: number, to: number): TailLine[] | undefined {
  const count = to - from - 1;
  if (count < 0 || count > BRIDGE_LINES) return undefined;
  const between = tail.filter((t) => t.at > from && t.at < to);
  if (between.length !== count) return undefined;
  const chars = between.reduce((n, t) => n + t.line.length, 0);
  return chars <= BRIDGE_CHARS && between.every((t) => bridgeLine(t.line)) ? between : undefined;
}

/**
 * Whether the status line at `statusAt` answered an AWS request, when its own line names no AWS host: an AWS response
 * header between it and the body (`bridge`), or curl -v's `> Host:` request header of an AWS host a few lines above
 * it, after the step's header at `stepAt`.
 */
export function tiedToAws(
  tail: readonly TailLine[],
  bridge: readonly TailLine[],
  statusAt: number,
  stepAt: number,
): boolean {
  if (bridge.some((t) => AWS_RESPONSE_HEADER.test(t.line.trim()))) return true;
  return tail.some(
    (t) =>
      t.at < statusAt && t.at >= statusAt - LOOK_BACK_LINES && t.at > stepAt && AWS_HOST_HEADER.test(t.line.trim()),
  );
}
