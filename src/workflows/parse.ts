/**
 * One file through GitHub's own parser (`@actions/workflow-parser`): the YAML read and checked against GitHub's
 * workflow (or action) schema, into a token tree with positions. This module is loaded only when workflows are read
 * (`src/workflows/index.ts` imports it with `import()`).
 */
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { parseAction } from '@actions/workflow-parser/actions/index';
import { ErrorPolicy } from '@actions/workflow-parser/model/convert';
import type { EventsConfig } from '@actions/workflow-parser/model/workflow-template';
import type { TemplateContext } from '@actions/workflow-parser/templates/template-context';
import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/index';
import type { WorkflowError } from './model.js';

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

/** The parser's errors as ours, each naming the file, line and column. */
function errorsOf(path: string, context: TemplateContext): WorkflowError[] {
  return context.errors.getErrors().map((e) => {
    const line = e.range?.start.line ?? 1;
    const column = e.range?.start.column ?? 1;
    return {
      code: 'parse-error' as const,
      message: `${path}:${line}:${column}: ${e.rawMessage}`,
      position: { file: path, line, column },
    };
  });
}

/** Parses a workflow file and reads its `on:` with GitHub's converter. */
export async function parseWorkflowFile(path: string, text: string): Promise<ParsedFile> {
  const result = parseWorkflow({ name: path, content: text }, new NoOperationTraceWriter());
  let events: EventsConfig = {};
  if (result.value !== undefined) {
    // The converter also reads the jobs; only its reading of `on:` (every short and long form) is used here.
    const template = await convertWorkflowTemplate(result.context, result.value, undefined, {
      errorPolicy: ErrorPolicy.TryConversion,
    });
    events = template.events ?? {};
  }
  return { path, kind: 'workflow', root: result.value, events, errors: dedupe(errorsOf(path, result.context)), text };
}

/** Parses a local action's `action.yml`. */
export function parseActionFile(path: string, text: string): ParsedFile {
  const result = parseAction({ name: path, content: text }, new NoOperationTraceWriter());
  return { path, kind: 'action', root: result.value, events: {}, errors: dedupe(errorsOf(path, result.context)), text };
}

function dedupe(errors: WorkflowError[]): WorkflowError[] {
  const seen = new Set<string>();
  return errors.filter((e) => !seen.has(e.message) && seen.add(e.message) !== undefined);
}
