/**
 * One file through GitHub's own parser (`@actions/workflow-parser`): the YAML read and checked against GitHub's
 * workflow (or action) schema, into a token tree with positions. The YAML is read by `src/workflows/fast-reader.ts`,
 * which gives GitHub's template reader the very tokens GitHub's own YAML reader gives, faster; whatever it declines
 * (YAML errors among it, so their messages are the `yaml` library's) is read by GitHub's `parseWorkflow` or
 * `parseAction` unchanged. This module is loaded only when workflows are read (`src/workflows/index.ts` imports it
 * with `import()`).
 */
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { parseAction } from '@actions/workflow-parser/actions/index';
import { ErrorPolicy } from '@actions/workflow-parser/model/convert';
import type { EventsConfig } from '@actions/workflow-parser/model/workflow-template';
import type { TemplateContext } from '@actions/workflow-parser/templates/template-context';
import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/index';
import { type FastYaml, parseFast, readYaml } from './fast-reader.js';
import type { WorkflowError } from './model.js';
import { withAliasIndex } from './yaml-size.js';

/** A file parsed: its tree, and for a workflow its triggers as GitHub's converter reads them. */
export interface ParsedFile {
  readonly path: string;
  readonly kind: 'workflow' | 'action';
  readonly root: TemplateToken | undefined;
  readonly events: EventsConfig;
  readonly errors: readonly WorkflowError[];
  /** The file's text (for finding which inputs it reads). */
  readonly text: string;
}

/**
 * What GitHub's parser requires of an action file that the runner does not: `name` and `description` are required by
 * the parser's action schema (`action-root-strict` in @actions/workflow-parser's action-v1.0.min.json) but not by the
 * runner's (`action-root` in https://github.com/actions/runner/blob/main/src/Runner.Worker/action_manifest.json),
 * which runs a local action without them. Only the root mapping requires either.
 */
const NOT_REQUIRED_TO_RUN_ACTION = new Set([
  'Required property is missing: name',
  'Required property is missing: description',
]);

/** What the YAML library says of text nested past its recursion (its own words name the JavaScript engine's stack). */
export const TOO_DEEP = 'it nests deeper than the parser can walk (no workflow nests so deep)';

/** The parser's errors as ours, each naming the file, line and column. */
function errorsOf(path: string, context: TemplateContext, syntax: ParsedFile['kind']): WorkflowError[] {
  return context.errors
    .getErrors()
    .filter((e) => syntax !== 'action' || !NOT_REQUIRED_TO_RUN_ACTION.has(e.rawMessage))
    .map((e) => {
      const line = e.range?.start.line ?? 1;
      const column = e.range?.start.column ?? 1;
      return {
        code: 'parse-error' as const,
        message: `${path}:${line}:${column}: ${/Maximum call stack size exceeded/.test(e.rawMessage) ? TOO_DEEP : e.rawMessage}`,
        position: { file: path, line, column },
        syntax,
      };
    });
}

/**
 * Parses a workflow file and reads its `on:` with GitHub's converter. `yaml` is the text as the fast reader read it
 * (`src/workflows/fast-reader.ts`, `readYaml`), null when it declined it.
 */
export async function parseWorkflowFile(
  path: string,
  text: string,
  yaml: FastYaml | null = readYaml(text) ?? null,
): Promise<ParsedFile> {
  const file = { name: path, content: text };
  const result =
    parseFast('workflow', file, new NoOperationTraceWriter(), yaml) ??
    withAliasIndex(() => parseWorkflow(file, new NoOperationTraceWriter()));
  let events: EventsConfig = {};
  if (result.value !== undefined) {
    // The converter also reads the jobs; only its reading of `on:` (every short and long form) is used here.
    const template = await convertWorkflowTemplate(result.context, result.value, undefined, {
      errorPolicy: ErrorPolicy.TryConversion,
    });
    events = template.events ?? {};
  }
  return {
    path,
    kind: 'workflow',
    root: result.value,
    events,
    errors: oneError(path, errorsOf(path, result.context, 'workflow')),
    text,
  };
}

/** Parses a local action's `action.yml` (`yaml` as for {@link parseWorkflowFile}). */
export function parseActionFile(
  path: string,
  text: string,
  yaml: FastYaml | null = readYaml(text) ?? null,
): ParsedFile {
  const file = { name: path, content: text };
  const result =
    parseFast('action', file, new NoOperationTraceWriter(), yaml) ??
    withAliasIndex(() => parseAction(file, new NoOperationTraceWriter()));
  const errors = oneError(path, errorsOf(path, result.context, 'action'));
  return { path, kind: 'action', root: result.value, events: {}, errors, text };
}

/** The most errors of one file quoted in its one error; the rest are counted. */
const QUOTED_ERRORS = 5;

/**
 * The file's errors as one, at the first: a file is read or not as a whole, and one stray token can make the parser
 * report an error for each character after it (each would otherwise be a finding of its own).
 */
function oneError(path: string, errors: WorkflowError[]): WorkflowError[] {
  const seen = new Set<string>();
  const distinct = errors.filter((e) => !seen.has(e.message) && seen.add(e.message) !== undefined);
  const [first] = distinct;
  if (first === undefined || distinct.length === 1) return distinct;
  const quoted = distinct.slice(0, QUOTED_ERRORS).map((e) => e.message);
  const more = distinct.length - quoted.length;
  const message = `${quoted.join('; ')}${more > 0 ? `; and ${more} more errors in ${path}` : ''}`;
  return [{ ...first, message }];
}
