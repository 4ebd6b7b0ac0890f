/**
 * The high-level `aws s3` commands, each a bundle of S3 API calls (https://docs.aws.amazon.com/cli/latest/reference/s3/):
 * `cp` and `sync` upload with PutObject and download with GetObject, `sync` and recursive commands list with
 * ListObjectsV2 (authorized as s3:ListBucket on the bucket), `sync --delete` and `mv`/`rm` delete with DeleteObject,
 * `--acl` adds PutObjectAcl, `mb`/`rb` are CreateBucket/DeleteBucket. The action each API call needs is in "Required
 * permissions for Amazon S3 API operations"
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-with-s3-policy-actions.html), and the CLI's own
 * account of it in https://repost.aws/knowledge-center/s3-access-denied-aws-cli.
 */
import type { CommandNeeds } from './aws-command.js';
import type { AwsInvocation } from './cli.js';
import { bound, type Known, kmsKey, known, type Need } from './need.js';
import { cliReference } from './services.js';
import { type ShellWord, slicePart } from './shell.js';

/** Options of the `s3` commands that take no value (the CLI reference of each command lists them). */
export const S3_FLAGS: ReadonlySet<string> = new Set([
  'recursive',
  'delete',
  'dryrun',
  'quiet',
  'exact-timestamps',
  'size-only',
  'follow-symlinks',
  'no-follow-symlinks',
  'no-guess-mime-type',
  'only-show-errors',
  'no-progress',
  'ignore-glacier-warnings',
  'force-glacier-transfer',
  'force',
  'human-readable',
  'summarize',
  'no-overwrite',
]);
const SSE_VALUES = new Set(['AES256', 'aws:kms', 'aws:kms:dsse']);

/** An `s3://bucket/key` path. */
interface S3Path {
  readonly bucket: Known;
  readonly key: Known;
  /**
   * Set when the word is not written as `s3://…` but begins with an expansion (`"$DST"`, `${{ secrets.S3_URI }}/x`),
   * which may be an S3 URI or a local path: what it is. Its bucket is unknown and its key is what follows the
   * expansion, which is all the word tells.
   */
  readonly mayBe?: string;
}

/**
 * The S3 path a word names: `s3://bucket/key` as written, or, for a word that begins with an expansion, a path with an
 * unknown bucket (the expansion may hold `s3://bucket/prefix`): a command the preflight cannot place is reported on
 * an unknown bucket, never passed over (https://docs.aws.amazon.com/cli/latest/reference/s3/, "Path Argument Type":
 * each path is a local path or an `s3://` URI). A word that begins with literal text other than `s3://` is local.
 */
function s3Path(word: ShellWord | undefined): S3Path | undefined {
  if (word === undefined) return undefined;
  if (!word.value.startsWith('s3://')) return unknownPath(word);
  const slash = word.value.indexOf('/', 5);
  // Each part names only the expansions that form it: `s3://$BUCKET/site` knows its key, and
  // `s3://${BUCKET}/docs/${{ inputs.rev }}` has the bucket $BUCKET and the key ${{ inputs.rev }}.
  const part = (start: number, end?: number): Known => known(slicePart(word, start, end)) as Known;
  return slash < 0 ? { bucket: part(5), key: { value: '' } } : { bucket: part(5, slash), key: part(slash + 1) };
}

function unknownPath(word: ShellWord): S3Path | undefined {
  if (word.dynamic.length === 0 || !word.value.startsWith('*')) return undefined;
  const at = word.at !== undefined && word.at.length === word.dynamic.length ? word.at : undefined;
  if (at !== undefined && !at.includes(0)) return undefined;
  const first = at === undefined ? word.dynamic.join(' ') : (word.dynamic[at.indexOf(0)] as string);
  // `${URI}/index.html` is `s3://bucket/index.html` or `s3://bucket/prefix/index.html`: `*/index.html` holds both.
  const rest = slicePart(word, 1);
  const key = rest.value.startsWith('/') ? rest.value.replace(/^\/+/, '') : rest.value === '' ? '' : `*${rest.value}`;
  const unknown = [first, ...(at === undefined ? [] : rest.dynamic)].join(' ');
  return { bucket: { value: '*', unknown: first }, key: { value: key.replace(/\s/g, '?'), unknown }, mayBe: first };
}

/** The objects a command touches under a path: the key itself, or every key under it. */
function objects(path: S3Path, many: boolean): Known {
  const key = path.key.value;
  const under = key === '' ? '*' : key.endsWith('/') ? `${key}*` : many ? `${key}/*` : key;
  return path.key.unknown === undefined ? { value: under } : { value: under, unknown: path.key.unknown };
}

const bucketNeed = (action: string, path: S3Path, docUrl: string): Need => ({
  action,
  values: { BucketName: path.bucket },
  type: 'bucket',
  docUrl,
});
/**
 * The listing a command makes under a path, with the `s3:prefix` it sends
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/amazon-s3-policy-keys.html): the AWS CLI's `sync` and
 * `--recursive` commands list with Prefix = the key with a `/` appended when it has none (awscli/customizations/s3/
 * fileformat.py, `s3_format`, then filegenerator.py `list_objects` → utils.py `BucketLister`, github.com/aws/aws-cli
 * 07c4fe366b49c4dde816d674f4941134fc432673), `ls` with Prefix = the key as written (subcommands.py, ListCommand).
 * A bare bucket lists with an empty prefix, and a key with an expansion is not known: no `s3:prefix` then.
 */
function listNeed(path: S3Path, docUrl: string, style: 'directory' | 'as-written'): Need {
  const key = path.key.value;
  const need = bucketNeed('s3:ListBucket', path, docUrl);
  if (key === '' || path.key.unknown !== undefined) return need;
  const prefix = style === 'directory' && !key.endsWith('/') ? `${key}/` : key;
  return { ...need, context: { 's3:prefix': prefix } };
}
const objectNeed = (action: string, path: S3Path, many: boolean, docUrl: string): Need => ({
  action,
  values: { BucketName: path.bucket, ObjectName: objects(path, many) },
  type: 'object',
  docUrl,
});

/** The paths of a command: its positionals, and a word `--sse` took when it is not an SSE value. */
function pathsOf(call: AwsInvocation): ShellWord[] {
  const sse = call.options.get('sse') ?? [];
  const taken = sse.filter((w) => !SSE_VALUES.has(w.value));
  return [...taken, ...call.positionals];
}

/** The needs of `aws s3 <command>`. */
export function s3Needs(command: string, call: AwsInvocation): CommandNeeds {
  const docUrl = cliReference('s3', command);
  const paths = pathsOf(call);
  const [first, second] = paths.map(s3Path);
  const recursive = call.options.has('recursive');
  switch (command) {
    case 'cp':
    case 'mv':
    case 'sync':
      // `"$@"` (or `${ARGS[@]}`) may stand for both paths.
      if (paths.length === 1 && first?.mayBe !== undefined && isSpread(paths[0] as ShellWord)) {
        return { kind: 'needs', needs: transferNeeds(command, call, first, first, docUrl) };
      }
      // Beside a path written as `s3://…`, a word that may be either is taken as the local side (`find -exec aws s3
      // cp {} s3://bucket/`, `aws s3 cp "$FILE" s3://bucket/`): the transfer is reported on the path it names.
      if (first?.mayBe === undefined || second?.mayBe === undefined) {
        const written = (path: S3Path | undefined) => path !== undefined && path.mayBe === undefined;
        const side = (path: S3Path | undefined) =>
          (written(first) || written(second)) && !written(path) ? undefined : path;
        return { kind: 'needs', needs: transferNeeds(command, call, side(first), side(second), docUrl) };
      }
      return { kind: 'needs', needs: transferNeeds(command, call, first, second, docUrl) };
    case 'rm':
      return first ? { kind: 'needs', needs: removeNeeds(first, recursive, docUrl) } : missingPath(command);
    case 'ls':
      if (first === undefined && pathsOf(call).length === 0) {
        return { kind: 'needs', needs: [{ action: 's3:ListAllMyBuckets', docUrl }] };
      }
      return first ? { kind: 'needs', needs: [listNeed(first, docUrl, 'as-written')] } : missingPath(command);
    case 'mb':
      return first ? { kind: 'needs', needs: [bucketNeed('s3:CreateBucket', first, docUrl)] } : missingPath(command);
    case 'rb': {
      if (first === undefined) return missingPath(command);
      const force = call.options.has('force') ? removeNeeds(first, true, docUrl) : [];
      return { kind: 'needs', needs: [...force, bucketNeed('s3:DeleteBucket', first, docUrl)] };
    }
    case 'presign': {
      if (first === undefined) return missingPath(command);
      const note = 'presign signs locally; the URL works only while these credentials may s3:GetObject';
      return { kind: 'needs', needs: [{ ...objectNeed('s3:GetObject', first, false, docUrl), note }] };
    }
    case 'website':
      return first
        ? { kind: 'needs', needs: [bucketNeed('s3:PutBucketWebsite', first, docUrl)] }
        : missingPath(command);
    default:
      return { kind: 'unmapped', reason: `the preflight does not know which calls aws s3 ${command} makes` };
  }
}

/**
 * A word that is one expansion the shell may split into several words: `$@`, `$*`, `${NAME[@]}`, `${NAME[*]}`
 * (https://www.gnu.org/software/bash/manual/bash.html#Special-Parameters, #Arrays).
 */
function isSpread(word: ShellWord): boolean {
  return (
    word.value === '*' &&
    word.dynamic.length === 1 &&
    /^\$(?:[@*]|\{(?:[@*]|[A-Za-z_][A-Za-z0-9_]*\[[@*]\])\})$/.test(word.dynamic[0] as string)
  );
}

function missingPath(command: string): CommandNeeds {
  return { kind: 'unmapped', reason: `aws s3 ${command} has no s3:// path the preflight can read` };
}

function removeNeeds(path: S3Path, recursive: boolean, docUrl: string): Need[] {
  const list = recursive ? [listNeed(path, docUrl, 'directory')] : [];
  return [...list, objectNeed('s3:DeleteObject', path, recursive, docUrl)];
}

/**
 * `cp`, `mv`, `sync`: list what is recursive, read the source, write the destination, delete what moves. One side is
 * an S3 path at least (a transfer between two local paths is refused by the CLI): when both sides may be local
 * (`aws s3 cp "$SRC" "$DST"`), the needs of each side are those it has if it is S3, and say so.
 */
function transferNeeds(
  command: string,
  call: AwsInvocation,
  source: S3Path | undefined,
  destination: S3Path | undefined,
  docUrl: string,
): Need[] {
  const many = command === 'sync' || call.options.has('recursive');
  const either = source?.mayBe !== undefined && destination?.mayBe !== undefined;
  const noted = (path: S3Path, need: Need): Need =>
    either
      ? { ...need, note: [need.note, `if ${bound(path.mayBe ?? '', 120)} is an s3:// URI`].filter(Boolean).join('; ') }
      : need;
  const needs: Need[] = [];
  if (source && many) needs.push(noted(source, listNeed(source, docUrl, 'directory')));
  if (destination && command === 'sync') needs.push(noted(destination, listNeed(destination, docUrl, 'directory')));
  if (source) needs.push(noted(source, objectNeed('s3:GetObject', source, many, docUrl)));
  if (destination) {
    needs.push(noted(destination, objectNeed('s3:PutObject', destination, many, docUrl)));
    if (call.options.has('acl') || call.options.has('grants')) {
      needs.push(noted(destination, objectNeed('s3:PutObjectAcl', destination, many, docUrl)));
    }
    if (command === 'sync' && call.options.has('delete')) {
      needs.push(noted(destination, objectNeed('s3:DeleteObject', destination, many, docUrl)));
    }
    needs.push(...kmsNeeds(call, docUrl).map((need) => noted(destination, need)));
  }
  if (source && command === 'mv') needs.push(noted(source, objectNeed('s3:DeleteObject', source, many, docUrl)));
  return needs;
}

/**
 * An upload under a named KMS key needs kms:GenerateDataKey on it
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html#require-sse-kms), and kms:Decrypt
 * too when the CLI splits the file into a multipart upload, which it does past its 8 MB threshold
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/mpuoverview.html#mpuAndPermissions,
 * https://docs.aws.amazon.com/cli/latest/topic/s3-config.html, `multipart_threshold`). Without a key ID the bucket's
 * default or the AWS managed key is used, which the preflight cannot name: nothing is inferred.
 */
function kmsNeeds(call: AwsInvocation, docUrl: string): Need[] {
  const key = known(call.options.get('sse-kms-key-id')?.[0]);
  if (key === undefined) return [];
  const resource = kmsKey(key);
  const note = "for a multipart upload (files over the CLI's 8 MB multipart threshold)";
  return [
    { action: 'kms:GenerateDataKey', ...resource, docUrl },
    { action: 'kms:Decrypt', ...resource, docUrl, note },
  ];
}
