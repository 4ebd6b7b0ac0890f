/**
 * The ways a workflow starts (`on:`), read from GitHub's converter (which accepts every short and long form) with
 * positions from the token tree. Events and their filters:
 * https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions#on
 */
import type { EventsConfig } from '@actions/workflow-parser/model/workflow-template';
import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/index';
import type { SourcePosition, TriggerEvent, WorkflowInput, WorkflowTrigger, WorkflowValue } from './model.js';
import {
  child,
  entries,
  expressionSource,
  isExpressionToken,
  isMappingToken,
  keyToken,
  literalOf,
  positionOf,
  stringList,
} from './tokens.js';

const NAMED: ReadonlySet<string> = new Set([
  'push',
  'pull_request',
  'pull_request_target',
  'workflow_dispatch',
  'workflow_call',
  'release',
  'schedule',
  'merge_group',
  'workflow_run',
]);

/** An input with the token of its default (evaluated later, per caller). */
export interface InputDefinition {
  readonly input: WorkflowInput;
  readonly defaultToken: TemplateToken | undefined;
}

/** A literal token as a known value; an expression as unknown until evaluated in its context. */
export function valueOfLiteral(file: string, t: TemplateToken): WorkflowValue {
  const position = positionOf(file, t);
  if (isExpressionToken(t))
    return { kind: 'unknown', expression: expressionSource(t), position, reason: 'not evaluated here' };
  const value = literalOf(t);
  return value === undefined
    ? { kind: 'unknown', expression: String(t), position, reason: 'not a scalar' }
    : { kind: 'known', value, position };
}

/** The inputs read per token (a composite action's are read for every step that uses it). */
const INPUTS_READ = new WeakMap<TemplateToken, { readonly file: string; readonly inputs: InputDefinition[] }>();

/** `on.<event>.inputs` of a dispatch or call trigger, read from the tokens. */
export function readInputs(file: string, eventToken: TemplateToken | undefined): InputDefinition[] {
  if (eventToken === undefined) return [];
  const known = INPUTS_READ.get(eventToken);
  if (known && known.file === file) return known.inputs;
  const inputs = readInputsFresh(file, eventToken);
  INPUTS_READ.set(eventToken, { file, inputs });
  return inputs;
}

function readInputsFresh(file: string, eventToken: TemplateToken): InputDefinition[] {
  return entries(child(eventToken, 'inputs')).map(([id, t, key]) => {
    const type = literalOf(child(t, 'type') ?? key);
    const required = literalOf(child(t, 'required') ?? key);
    const defaultToken = child(t, 'default');
    const options = child(t, 'options') ? stringList(child(t, 'options')) : undefined;
    const input: WorkflowInput = {
      id,
      type: typeof type === 'string' && child(t, 'type') ? type : 'string',
      required: required === true && child(t, 'required') !== undefined,
      ...(defaultToken ? { default: valueOfLiteral(file, defaultToken) } : {}),
      ...(options ? { options } : {}),
      position: positionOf(file, key),
    };
    return { input, defaultToken };
  });
}

function list(value: unknown): readonly string[] | undefined {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined;
}

/** The filter fields of an event's converted config that matter to the token (paths do not). */
function filters(config: Record<string, unknown>): Partial<WorkflowTrigger> {
  const out: Record<string, unknown> = {};
  const pairs: Array<[string, string]> = [
    ['types', 'types'],
    ['branches', 'branches'],
    ['branches-ignore', 'branchesIgnore'],
    ['tags', 'tags'],
    ['tags-ignore', 'tagsIgnore'],
    ['workflows', 'workflows'],
  ];
  for (const [from, to] of pairs) {
    const value = list(config[from]);
    if (value) out[to] = value;
  }
  return out as Partial<WorkflowTrigger>;
}

/**
 * A `push` is one trigger per ref pattern of its filter (`branches: [main, stable]` is two triggers), since the
 * token's `ref` differs; with both branch and tag filters, each kind has its triggers, and with only one kind, the
 * other kind does not start the workflow. An `-ignore` list stays with every trigger of its kind.
 * https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions#onpushbranchestagsbranches-ignoretags-ignore
 */
function pushTriggers(base: WorkflowTrigger, config: Record<string, unknown>): WorkflowTrigger[] {
  const f = filters(config);
  const hasBranches = f.branches !== undefined || f.branchesIgnore !== undefined;
  const hasTags = f.tags !== undefined || f.tagsIgnore !== undefined;
  if (!hasBranches && !hasTags) return [base];
  const out: WorkflowTrigger[] = [];
  if (hasBranches) {
    const ignore = f.branchesIgnore ? { branchesIgnore: f.branchesIgnore } : {};
    if (f.branches) out.push(...f.branches.map((b) => ({ ...base, branches: [b], ...ignore })));
    else out.push({ ...base, ...ignore });
  }
  if (hasTags) {
    const ignore = f.tagsIgnore ? { tagsIgnore: f.tagsIgnore } : {};
    if (f.tags) out.push(...f.tags.map((t) => ({ ...base, tags: [t], ...ignore })));
    else out.push({ ...base, ...ignore });
  }
  return out;
}

/** The triggers of a workflow file; `splitFork` splits pull request events into fork and same-repository cases. */
export function readTriggers(
  file: string,
  root: TemplateToken | undefined,
  events: EventsConfig,
  splitFork: boolean,
): { triggers: WorkflowTrigger[]; inputs: Map<string, InputDefinition[]> } {
  const on = child(root, 'on');
  const inputs = new Map<string, InputDefinition[]>();
  const triggers: WorkflowTrigger[] = [];
  for (const [eventName, raw] of Object.entries(events)) {
    const config = (raw ?? {}) as Record<string, unknown>;
    const event: TriggerEvent = NAMED.has(eventName) ? (eventName as TriggerEvent) : 'other';
    const position: SourcePosition = positionOf(file, isMappingToken(on) ? (keyToken(on, eventName) ?? on) : on);
    const base: WorkflowTrigger = { event, eventName, position };
    if (event === 'push') {
      triggers.push(...pushTriggers(base, config));
    } else if (event === 'workflow_dispatch' || event === 'workflow_call') {
      const defs = readInputs(file, child(on, eventName));
      inputs.set(eventName, defs);
      triggers.push({ ...base, inputs: defs.map((d) => d.input) });
    } else if (event === 'schedule') {
      const cron = (Array.isArray(raw) ? raw : []).map((s: { cron?: unknown }) => String(s.cron ?? ''));
      triggers.push({ ...base, cron });
    } else if ((event === 'pull_request' || event === 'pull_request_target') && splitFork) {
      triggers.push({ ...base, ...filters(config), fork: false }, { ...base, ...filters(config), fork: true });
    } else {
      triggers.push({ ...base, ...filters(config) });
    }
  }
  return { triggers, inputs };
}
