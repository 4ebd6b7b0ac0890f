/**
 * One file through GitHub's own parser (`@actions/workflow-parser`): the YAML read and checked against GitHub's
 * workflow (or action) schema, into a token tree with positions. The YAML is read by `src/workflows/fast-reader.ts`
 * (the very tokens GitHub's own YAML reader gives, faster) and checked against the schema by
 * `src/workflows/template-reader.ts` (the very tree and errors GitHub's template reader gives, faster), or by GitHub's
 * template reader where that one declines; whatever the YAML reader declines (YAML errors among it, so their messages
 * are the `yaml` library's) is read by GitHub's `parseWorkflow` or `parseAction` unchanged. This module is loaded only
 * when workflows are read (`src/workflows/index.ts` imports it with `import()`).
 */
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { getActionSchema } from '@actions/workflow-parser/actions/action-schema';
import { ErrorPolicy } from '@actions/workflow-parser/model/convert';
import type { EventsConfig } from '@actions/workflow-parser/model/workflow-template';
import { TemplateContext, TemplateValidationErrors } from '@actions/workflow-parser/templates/template-context';
import { readTemplate } from '@actions/workflow-parser/templates/template-reader';
import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/index';
import type { TraceWriter } from '@actions/workflow-parser/templates/trace-writer';
import { YamlObjectReader } from '@actions/workflow-parser/workflows/yaml-object-reader';
import { type FastYaml, parseFast, readYaml } from './fast-reader.js';
import type { WorkflowError } from './model.js';
import { child, isMappingToken, positionOf, stringOf } from './tokens.js';
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
 * The type an action file is read as: the runner's own root, `action-root`
 * (https://github.com/actions/runner/blob/main/src/Runner.Worker/action_yaml.json, read by `TemplateReader.Read(…,
 * "action-root", …)` in https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionManifestManager.cs).
 * @actions/workflow-parser's action schema (action-v1.0.min.json) holds the same definition, word for word, beside the
 * stricter `action-root-strict` its `parseAction` reads for the editor: that one refuses keys the runner ignores (any
 * other top-level key, such as `on:` or `permissions:`, which `action-root` takes through its `loose-key-type` and
 * `loose-value-type`), requires `name`, `description` and `runs.using`, and checks `branding`, `inputs.<id>.required`
 * and `using` against lists (case-sensitively) the runner does not read. The runner's own refusals beyond its schema
 * are {@link runnerRefusals}.
 */
const RUNNER_ACTION_ROOT = 'action-root';

/**
 * What the runner refuses after reading the file against its schema, in `ConvertRuns` and `Load`
 * (https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionManifestManager.cs): no `runs:`; `using:` not
 * one it runs (compared without regard to case); a Docker action without `image`, a JavaScript one without `main`, a
 * composite one without `steps`; no `using:` (but for the runner's own `plugin:`). Only for a file its schema admits:
 * one it does not is refused already.
 */
function runnerRefusals(path: string, root: TemplateToken | undefined): WorkflowError[] {
  if (!isMappingToken(root)) return [];
  const refusal = (t: TemplateToken | undefined, text: string): WorkflowError[] => {
    const { line, column } = positionOf(path, t);
    const message = `${path}:${line}:${column}: ${text}`;
    return [{ code: 'parse-error', message, position: { file: path, line, column }, syntax: 'action' }];
  };
  const runs = child(root, 'runs');
  if (runs === undefined) return refusal(root, `Top level 'runs:' section is required for ${path}`);
  const using = child(runs, 'using');
  const value = stringOf(using)?.toLowerCase();
  const has = (key: string) => (stringOf(child(runs, key)) ?? '') !== '';
  if (value === undefined) {
    if (child(runs, 'plugin') !== undefined) return [];
    const text =
      "Missing 'using' value. 'using' requires 'composite', 'docker', 'node12', 'node16', 'node20' or 'node24'.";
    return refusal(runs, text);
  }
  if (value === 'docker') {
    return has('image')
      ? []
      : refusal(runs, `You are using a Container Action but an image is not provided in ${path}.`);
  }
  if (NODE_VERSIONS.has(value)) {
    const text = `You are using a JavaScript Action but there is not an entry JavaScript file provided in ${path}.`;
    return has('main') ? [] : refusal(runs, text);
  }
  if (value === 'composite') {
    const text = `You are using a composite action but there are no steps provided in ${path}.`;
    return child(runs, 'steps') !== undefined ? [] : refusal(runs, text);
  }
  const text = `'using: ${stringOf(using)}' is not supported, use 'docker', 'node12', 'node16', 'node20' or 'node24' instead.`;
  return refusal(using, text);
}

/** The `using:` of a JavaScript action the runner runs (ActionManifestManager.cs, `ConvertRuns`). */
const NODE_VERSIONS = new Set(['node12', 'node16', 'node20', 'node24']);

/**
 * GitHub's `parseAction` (@actions/workflow-parser, actions/action-parser.js) with the runner's root type: YAML errors
 * as its reader gives them, else the file read against `action-root`.
 */
function parseActionAsRunner(file: { readonly name: string; readonly content: string }, trace: TraceWriter) {
  const context = new TemplateContext(new TemplateValidationErrors(), getActionSchema(), trace);
  const fileId = context.getFileId(file.name);
  const reader = new YamlObjectReader(fileId, file.content);
  if (reader.errors.length > 0) {
    for (const error of reader.errors) context.error(fileId, error.message, error.range);
    return { context, value: undefined };
  }
  return { context, value: readTemplate(context, RUNNER_ACTION_ROOT, reader, fileId) };
}

/** What the YAML library says of text nested past its recursion (its own words name the JavaScript engine's stack). */
export const TOO_DEEP = 'it nests deeper than the parser can walk (no workflow nests so deep)';

/** The parser's errors as ours, each naming the file, line and column. */
function errorsOf(path: string, context: TemplateContext, syntax: ParsedFile['kind']): WorkflowError[] {
  return context.errors.getErrors().map((e) => {
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

/**
 * Parses a local action's `action.yml` (`yaml` as for {@link parseWorkflowFile}) as the runner loads it: against its
 * schema ({@link RUNNER_ACTION_ROOT}), then what it refuses beyond it ({@link runnerRefusals}).
 */
export function parseActionFile(
  path: string,
  text: string,
  yaml: FastYaml | null = readYaml(text) ?? null,
): ParsedFile {
  const file = { name: path, content: text };
  const trace = new NoOperationTraceWriter();
  const result =
    parseFast('action', file, trace, yaml, RUNNER_ACTION_ROOT) ??
    withAliasIndex(() => parseActionAsRunner(file, trace));
  const read = errorsOf(path, result.context, 'action');
  const errors = oneError(path, read.length > 0 ? read : runnerRefusals(path, result.value));
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
