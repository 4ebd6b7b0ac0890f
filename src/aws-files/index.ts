/**
 * AWS CLI outputs and policy folders (docs/policy-folder.md), read from text into an `AwsInventory`
 * (src/model/aws.ts). Pure: the files are found and read by src/sources/aws-files.ts. This is the folder's public
 * surface: nothing outside it imports its other files.
 */
export { type AssembleOptions, type AwsFilesResult, assembleInventory } from './assemble.js';
export {
  decodePolicyDocument,
  isPolicyFileFinding,
  unreadableFilesNote,
  unreadablePolicyFiles,
} from './documents.js';
export { folderFinding, joinDisplay, placeFile, readLevel } from './folder.js';
export {
  type DuplicateKey,
  duplicateKeys,
  type JsonSyntaxError,
  type ParsedJson,
  parseJsonWithLines,
  statementLines,
} from './json.js';
export { type Placement, parseAwsFile, undecodableFile, unreadFile } from './parse.js';
export { DEFAULT_MAX_SESSION_DURATION } from './role.js';
export { detectShape } from './shapes.js';
export type { Collector, ReadScope } from './types.js';
