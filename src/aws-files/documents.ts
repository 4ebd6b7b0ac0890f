/**
 * Policy documents as AWS hands them out, turned into {@link PolicyDocument}s that know their file and line, and
 * the findings that say what is wrong with a file. Pure: the I/O is in `src/sources/aws-files.ts`.
 */
import type { PolicyDocument } from '../model/aws.js';
import { type EvidenceValue, type Finding, type FindingDraft, findingMaker } from '../model/finding.js';
import { jsonTooDeep, MAX_JSON_DEPTH } from '../text/json-depth.js';
import { duplicateKeys, type ParsedJson } from './json.js';

/** Where the values being read came from: the file (as the user gave it) and its parsed JSON. */
export interface FileContext {
  readonly file: string;
  readonly json: ParsedJson;
}

/** A document, or why it could not be read. */
export type DecodedDocument =
  | { readonly ok: true; readonly document: unknown; readonly text?: string }
  | { readonly ok: false; readonly reason: string };

const POLICY_GRAMMAR = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html';

/**
 * Decodes a policy document from any form AWS prints it in. The AWS CLI decodes documents into JSON objects; the
 * IAM API, and so the SDKs, return them URL-encoded ("Policies returned by this operation are URL-encoded compliant
 * with RFC 3986", https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html);
 * Organizations returns an SCP's `Content` as a JSON string
 * (https://docs.aws.amazon.com/organizations/latest/APIReference/API_Policy.html). `+` is left alone: RFC 3986
 * encodes a space as `%20`, and a literal `+` may be part of a pattern.
 */
export function decodePolicyDocument(raw: unknown): DecodedDocument {
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) return { ok: true, document: raw };
  if (typeof raw !== 'string') return { ok: false, reason: `expected a policy document, found ${describeValue(raw)}` };
  let text = raw.trim();
  if (!text.startsWith('{')) {
    try {
      text = decodeURIComponent(text).trim();
    } catch {
      return { ok: false, reason: 'the document is neither JSON nor URL-encoded JSON (a % escape is broken)' };
    }
  }
  if (jsonTooDeep(text)) return { ok: false, reason: `the document nests deeper than ${MAX_JSON_DEPTH} levels` };
  try {
    const document: unknown = JSON.parse(text);
    if (typeof document === 'object' && document !== null && !Array.isArray(document)) {
      return { ok: true, document, text };
    }
    return { ok: false, reason: `the document decodes to ${describeValue(document)}, not a JSON object` };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `the document is not valid JSON once decoded (${detail})` };
  }
}

/** `a string`, `a number`, `an array`, `null`: for messages. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value === undefined) return 'nothing';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Where a problem is: the line and, for a syntax error, the column. */
export interface Spot {
  readonly line?: number | undefined;
  readonly column?: number | undefined;
}

/** What a file-level finding says (`invalid-policy-file`, `unrecognised-file`, `policy-folder-layout`, …). */
export type FileProblem = Pick<FindingDraft, 'class' | 'message' | 'docUrl'> & {
  readonly fix: string;
  /** The message continues the file name (`x.json is not …`) rather than following a colon. */
  readonly continues?: boolean;
};

const FILE_SUBJECT = 'policy file ';

/**
 * Whether a finding is about a policy file itself (made by {@link fileFinding}): the file's, whichever role or job
 * read it, so it is reported once.
 */
export function isPolicyFileFinding(f: Finding): boolean {
  return f.id.startsWith('aws-files:') && f.subject.startsWith(FILE_SUBJECT);
}

/** The policy files that could not be read at all (`invalid-policy-file`): any of them may be the one that gives a role. */
export function unreadablePolicyFiles(findings: readonly Finding[]): string[] {
  const files = findings
    .filter((f) => isPolicyFileFinding(f) && f.class === 'invalid-policy-file')
    .map((f) => f.evidence.file)
    .filter((file): file is string => typeof file === 'string');
  return [...new Set(files)];
}

/**
 * What to say of policy files that could not be read, when a role is in none of the others: any of them may be the
 * one that gives it ({@link unreadablePolicyFiles}). Empty when every file was read.
 */
export function unreadableFilesNote(files: readonly string[]): string {
  if (files.length === 0) return '';
  const named = files.slice(0, 3).join(', ') + (files.length > 3 ? ` and ${files.length - 3} more` : '');
  return ` ${named} could not be read (invalid-policy-file), and ${files.length === 1 ? 'it' : 'one of them'} may be the one that gives it.`;
}

/**
 * A finding about a file the user gave: decision point `config`, status `unverified` (what the file should have
 * said is unknown, which fails closed), located so that the action can annotate the file: `aws-files:CLASS:FILE[:LINE[:COLUMN]]`.
 */
export function fileFinding(file: string, spot: Spot, { continues, ...problem }: FileProblem): Finding {
  const where = spot.line ? `:${spot.line}${spot.column ? `:${spot.column}` : ''}` : '';
  const evidence: Record<string, EvidenceValue> = { file };
  if (spot.line) evidence.line = spot.line;
  if (spot.column) evidence.column = spot.column;
  const place = findingMaker({
    idPrefix: 'aws-files',
    subject: `${FILE_SUBJECT}${file}`,
    decisionPoint: 'config',
    location: { file, ...(spot.line ? { line: spot.line } : {}), ...(spot.column ? { column: spot.column } : {}) },
  });
  return place({
    ...problem,
    suffix: `${file}${where}`,
    status: 'unverified',
    message: `${file}${where}${continues ? ' ' : ': '}${problem.message}`,
    evidence,
  });
}

/** The result of reading one document out of a file. */
export type ReadPolicyResult = { readonly policy: PolicyDocument } | { readonly finding: Finding };

/**
 * Reads the document at `parent[key]` as a {@link PolicyDocument} named `name`, with the file and the line of the
 * key (or `fallbackLine`, the line of the enclosing value, when the key's line is not known).
 */
export function readPolicy(
  context: FileContext,
  parent: Record<string, unknown>,
  key: string,
  label: { readonly name: string; readonly arn?: string | undefined },
  fallbackLine: number,
): ReadPolicyResult {
  const line = context.json.lineOf(parent, key) ?? fallbackLine;
  const decoded = decodePolicyDocument(parent[key]);
  if (!decoded.ok) {
    return {
      finding: fileFinding(
        context.file,
        { line },
        {
          class: 'invalid-policy-file',
          message: `${key} of ${label.name}: ${decoded.reason}.`,
          fix: 'Save the output of the AWS CLI unedited (`--output json`, the default), or a policy document as JSON.',
          docUrl: POLICY_GRAMMAR,
        },
      ),
    };
  }
  // Keys given twice (./json.ts duplicateKeys) and the statements' lines, from one walk of the file's text when the
  // document is written out in it; a document given as a JSON string has its own lines: its keys are told by those.
  const raw = parent[key];
  const inFile =
    decoded.text !== undefined
      ? undefined
      : (context.json.documentIn(parent, key) ??
        (raw && typeof raw === 'object' ? context.json.documentIn(raw) : undefined));
  const duplicates =
    decoded.text !== undefined
      ? duplicateKeys(decoded.text).map((d) => ({ ...d, inString: true }))
      : (inFile?.duplicates ?? []).map((d) => ({ ...d, inString: false }));
  const statements = inFile?.statementLines;
  // A managed policy version (get-policy-version, get-account-authorization-details) says which version and since when.
  // https://docs.aws.amazon.com/IAM/latest/APIReference/API_PolicyVersion.html
  const versionId = key === 'Document' && typeof parent.VersionId === 'string' ? parent.VersionId : undefined;
  const versionDate = key === 'Document' && typeof parent.CreateDate === 'string' ? parent.CreateDate : undefined;
  return {
    policy: {
      name: label.name,
      ...(label.arn ? { arn: label.arn } : {}),
      file: context.file,
      line,
      ...(versionId ? { versionId } : {}),
      ...(versionDate ? { versionDate } : {}),
      document: decoded.document,
      ...(duplicates.length > 0 ? { duplicateKeys: duplicates } : {}),
      ...(statements && statements.length > 0 ? { statementLines: statements } : {}),
    },
  };
}

/** A document read on first use, then remembered: see {@link deferPolicy}. */
export type DeferredPolicy = () => ReadPolicyResult;

/**
 * {@link readPolicy}, put off until first asked and then remembered. A large export holds thousands of documents
 * of which a run uses a few: the others are never decoded, nor their lines looked up.
 */
export function deferPolicy(
  context: FileContext,
  parent: Record<string, unknown>,
  key: string,
  label: { readonly name: string; readonly arn?: string | undefined },
  fallbackLine: number,
): DeferredPolicy {
  let result: ReadPolicyResult | undefined;
  return () => {
    result ??= readPolicy(context, parent, key, label, fallbackLine);
    return result;
  };
}

/** The policy a deferred read gives, or undefined when it gives a finding. */
function policyOf(read: DeferredPolicy): PolicyDocument | undefined {
  const result = read();
  return 'policy' in result ? result.policy : undefined;
}

/** Where a lazy document keeps its read: a symbol, not enumerable, so that it is no field of the data. */
const READ = Symbol('read');

/** A {@link lazyPolicyDocument}: plain data, and its read behind the hidden key. */
interface LazyDocument {
  readonly [READ]: DeferredPolicy;
}

/**
 * The getters of every lazy document, shared: own and enumerable on each, as plain data is (so that equality and
 * JSON see `line` and `document`), configurable as a literal's getters are. Shared functions keep thousands of
 * documents on one hidden class with fast properties, where getters written in a literal give each its own
 * closures and a dictionary of properties (several times the memory, for roles a run does not check). Defined one
 * by one: about twice as fast as one Object.defineProperties call with the same descriptors (measured, node 20).
 */
const LINE: PropertyDescriptor = {
  get(this: LazyDocument) {
    return policyOf(this[READ])?.line;
  },
  enumerable: true,
  configurable: true,
};
const DOCUMENT: PropertyDescriptor = {
  get(this: LazyDocument) {
    return policyOf(this[READ])?.document;
  },
  enumerable: true,
  configurable: true,
};

/**
 * A {@link PolicyDocument} whose line and document are read on first access: the documents of roles a run does not
 * check. Its name, ARN and file are known at once. A document that does not decode reads as `undefined` (which the
 * engine refuses as not a policy), since no finding is reported about a role that is not checked.
 */
export function lazyPolicyDocument(
  file: string,
  label: { readonly name: string; readonly arn?: string | undefined },
  read: DeferredPolicy,
): PolicyDocument {
  const { name, arn } = label;
  // Fields in the order plain data has them: name, arn (when there is one), file, line, document.
  const data = arn ? { name, arn, file } : { name, file };
  Object.defineProperty(data, 'line', LINE);
  Object.defineProperty(data, 'document', DOCUMENT);
  Object.defineProperty(data, READ, { value: read });
  // `as`: a getter's type includes undefined, where the optional `line` of plain data would be absent.
  return data as unknown as PolicyDocument;
}

/** The value as a plain object, or undefined. */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** The value as an array of plain objects (other items dropped), or an empty array. */
export function asRecords(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value)
    ? (value.filter((item) => asRecord(item) !== undefined) as Record<string, unknown>[])
    : [];
}

/** The value when it is a non-empty string. */
export function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The strings of an array (other items dropped). */
export function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** IAM tags (`[{ "Key", "Value" }]`) as a record, or undefined when there are none. */
export function readTags(value: unknown): Record<string, string> | undefined {
  const tags = asRecords(value);
  if (tags.length === 0) return undefined;
  const result: Record<string, string> = {};
  for (const tag of tags) {
    if (typeof tag.Key === 'string' && typeof tag.Value === 'string') result[tag.Key] = tag.Value;
  }
  return result;
}
