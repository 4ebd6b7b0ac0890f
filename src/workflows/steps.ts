/**
 * A job's steps for one instance: each step's `uses`, `with`, `env`, `run`, `if` evaluated over the instance's
 * contexts, local composite actions expanded in place (each expanded step remembers the actions it came from), and
 * the steps that obtain AWS credentials or GitHub's OIDC token marked.
 */
import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/index';
import { awsSettings, detectOidcRequest, isConfigureAwsCredentials } from './credentials.js';
import { type ContextValue, evaluateExpression, open, Unknown } from './expressions.js';
import type { LoadedFiles } from './load.js';
import type {
  CheckoutInto,
  CredentialUse,
  SourcePosition,
  UnreadAction,
  ViaAction,
  WorkflowError,
  WorkflowStep,
} from './model.js';
import { resolveLocal } from './paths.js';
import {
  distinctReads,
  expressionReads,
  type ReadKey,
  type ReadPath,
  readsKey,
  tokenReads,
  tokenReadsOnce,
} from './reads.js';
import { child, isStringToken, items, literalOf, positionOf, stringOf } from './tokens.js';
import { readInputs } from './triggers.js';
import {
  both,
  type Contexts,
  compositeInputs,
  conditionOf,
  decide,
  evaluateMap,
  evaluateToken,
  expressionReadKeys,
  layerEnv,
  rememberedOver,
} from './values.js';

/** What expanding steps needs besides the steps themselves. */
export interface StepScope {
  readonly loaded: LoadedFiles;
  readonly actionDepth: number;
  readonly errors: WorkflowError[];
  /** The model's step budget (WorkflowLimits.steps), shared by every instance; absent: unbounded. */
  readonly budget?: { steps: number };
  /** This instance's step budget (WorkflowLimits.stepsPerInstance), reported once when spent. */
  readonly perInstance?: { left: number; readonly limit: number; reported: boolean };
  /** The build's remembered expansions; absent: every step is expanded afresh. */
  readonly memo?: StepMemo;
  /** Steps taken from the budgets and refused by them, in this instance so far. */
  readonly tally?: { taken: number; refused: number };
}

/**
 * Expansions remembered for one build, by token, by the actions the token was reached through (a step of a composite
 * action, from one `uses:` of it: see {@link viaKey}), and by the key of the context values they read
 * (`src/workflows/reads.ts`): the same step in another instance whose contexts give the same key expands to the same
 * steps, so it is taken from here, with the budget charged and the errors met reported as if expanded again.
 */
export type StepMemo = Map<TemplateToken, Map<string, MemoSlot>>;

interface MemoSlot {
  /** What the token's expansion reads; undefined when it cannot be told (then it is never remembered). */
  readonly paths: readonly ReadKey[] | undefined;
  readonly results: Map<string, Remembered>;
}

interface Remembered {
  readonly steps: WorkflowStep[];
  /** Steps it took from the budgets. */
  readonly taken: number;
  readonly errors: readonly WorkflowError[];
}

/** Whether the budgets still hold `n` steps. */
function affordable(scope: StepScope, n: number): boolean {
  const own = scope.perInstance;
  const all = scope.budget;
  return (own === undefined || own.left >= n) && (all === undefined || all.steps >= n);
}

/** Takes `n` steps from the budgets (which hold them: see {@link affordable}). */
function charge(scope: StepScope, n: number): void {
  if (scope.perInstance) scope.perInstance.left -= n;
  if (scope.budget) scope.budget.steps -= n;
  if (scope.tally) scope.tally.taken += n;
}

/**
 * `expand()`'s steps, or those remembered for `token` under the same key of what `reads()` names in `contexts`. An
 * expansion that the budgets cut short is not remembered, and a remembered one is used only while the budgets hold
 * all it took, so the model is the same with the memo as without it.
 */
function remembered(
  scope: StepScope,
  token: TemplateToken | undefined,
  via: readonly ViaAction[],
  reads: () => readonly ReadPath[] | undefined,
  contexts: Contexts,
  expand: () => WorkflowStep[],
): WorkflowStep[] {
  const { memo, tally } = scope;
  if (memo === undefined || tally === undefined || token === undefined) return expand();
  let slots = memo.get(token);
  if (slots === undefined) {
    slots = new Map();
    memo.set(token, slots);
  }
  const along = viaKey(via);
  let slot = slots.get(along);
  if (slot === undefined) {
    // What the token reads is the same whichever actions it was reached through: the first slot's paths serve all.
    const first: MemoSlot | undefined = slots.values().next().value;
    const paths = first ? first.paths : readKeys(reads());
    slot = { paths, results: new Map() };
    slots.set(along, slot);
  }
  if (slot.paths === undefined) return expand();
  const key = readsKey(contexts, slot.paths);
  const known = slot.results.get(key);
  if (known && affordable(scope, known.taken)) {
    charge(scope, known.taken);
    scope.errors.push(...known.errors);
    return known.steps;
  }
  const before = { taken: tally.taken, refused: tally.refused, errors: scope.errors.length };
  const steps = expand();
  if (tally.refused === before.refused) {
    slot.results.set(key, { steps, taken: tally.taken - before.taken, errors: scope.errors.slice(before.errors) });
  }
  return steps;
}

/** A token's reads ready to be looked up (undefined when they cannot be told). */
function readKeys(paths: readonly ReadPath[] | undefined): readonly ReadKey[] | undefined {
  return paths && distinctReads(paths);
}

const VIA_KEYS = new WeakMap<readonly ViaAction[], string>();

/** The actions a step was reached through, as one string: the steps it expands to carry them. */
function viaKey(via: readonly ViaAction[]): string {
  if (via.length === 0) return '';
  let key = VIA_KEYS.get(via);
  if (key === undefined) {
    key = JSON.stringify(via.map((v) => [v.uses, v.file, v.position.file, v.position.line, v.position.column]));
    VIA_KEYS.set(via, key);
  }
  return key;
}

/**
 * The local action file a literal `uses: ./…` in `file` names, parsed, if it was read. In a workflow of another
 * repository it names the workspace's, which is not known (`src/workflows/remote.ts`).
 */
function localAction(
  loaded: LoadedFiles,
  file: string,
  uses: string,
): { file: string; root: TemplateToken | undefined } | undefined {
  if (!uses.startsWith('./') || loaded.remote.has(file)) return undefined;
  const resolved = resolveLocal(uses);
  if ('error' in resolved) return undefined;
  const actionFile = loaded.actions.get(resolved.path);
  const parsed = actionFile ? loaded.files.get(actionFile) : undefined;
  return actionFile && parsed && parsed.errors.length === 0 ? { file: actionFile, root: parsed.root } : undefined;
}

/**
 * Why the local action a literal `uses: ./…` in `file` names is not read, or would be refused by GitHub; undefined
 * when it is read (or the step uses no local action of this repository). GitHub loads a local action from the
 * workspace when its step runs ("The path is relative (./) to the default working directory (github.workspace,
 * $GITHUB_WORKSPACE)",
 * https://docs.github.com/en/actions/how-tos/write-workflows/choose-what-workflows-do/find-and-customize-actions#adding-an-action-from-the-same-repository)
 * and validates its metadata then (https://docs.github.com/en/actions/reference/workflows-and-actions/metadata-syntax):
 * a path not found there, or an `action.yml` that breaks the syntax, fails that step.
 */
function unreadAction(loaded: LoadedFiles, file: string, uses: string): UnreadAction | undefined {
  if (!uses.startsWith('./') || loaded.remote.has(file)) return undefined;
  const resolved = resolveLocal(uses);
  if ('error' in resolved) return { kind: 'not-read', reason: resolved.error };
  const why = loaded.unreadActions.get(resolved.path);
  if (why !== undefined) return why;
  const actionFile = loaded.actions.get(resolved.path);
  const parsed = actionFile ? loaded.files.get(actionFile) : undefined;
  if (actionFile === undefined || parsed === undefined) return { kind: 'not-read', reason: `${uses} is not read` };
  if (parsed.errors.length === 0) return undefined;
  const first = parsed.errors[0];
  const at = first ? ` (line ${first.position.line}: ${first.message.replace(/^.*?:\d+:\d+: /, '')})` : '';
  return { kind: 'invalid', reason: `${actionFile} breaks GitHub's action metadata syntax${at}` };
}

/**
 * What expanding the step token `t` reads: its own expressions and, for a local action, every expression of the
 * action's file and of the local actions it uses in turn. Undefined when its `uses:` is not a literal (which action
 * it expands into would depend on the instance).
 */
function stepReads(loaded: LoadedFiles, file: string, t: TemplateToken): readonly ReadPath[] | undefined {
  // Found once per step token: the job's memo and the step's own both ask (tokens belong to one build's files).
  const known = STEP_READS.get(t);
  if (known !== undefined) return known ?? undefined;
  const out = stepReadsFresh(loaded, file, t);
  STEP_READS.set(t, out ?? null);
  return out;
}

/** Each step token's reads ({@link stepReads}); null where they cannot be told. */
const STEP_READS = new WeakMap<TemplateToken, readonly ReadPath[] | null>();

function stepReadsFresh(loaded: LoadedFiles, file: string, t: TemplateToken): ReadPath[] | undefined {
  const out = stepOwnReads(file, t, []);
  const usesToken = child(t, 'uses');
  if (usesToken === undefined) return out;
  if (!isStringToken(usesToken)) return undefined;
  const action = localAction(loaded, file, usesToken.value);
  if (action === undefined) return out;
  const inner = actionReads(loaded, action, new Set());
  if (inner === undefined) return undefined;
  for (const path of inner) out.push(path);
  return out;
}

/**
 * What expanding a local action reads: every expression of its file, and of the local actions its steps use in turn;
 * undefined when a step's `uses:` is not a literal. Found once per action file: an action used by many steps is read
 * through once. An action met again inside itself (a cycle, which the expansion reports and stops at) adds nothing
 * more: its reads are already in.
 */
function actionReads(
  loaded: LoadedFiles,
  action: { readonly file: string; readonly root: TemplateToken | undefined },
  inside: Set<string>,
): readonly ReadPath[] | undefined {
  const root = action.root;
  const known = root && ACTION_READS.get(root);
  if (known !== undefined && known.file === action.file) return known.reads;
  if (inside.has(action.file)) return [];
  inside.add(action.file);
  let out: ReadPath[] | undefined = [...tokenReadsOnce(root)];
  let complete = true;
  for (const s of items(child(child(root, 'runs'), 'steps'))) {
    out = stepOwnReads(action.file, s, out);
    const usesToken = child(s, 'uses');
    if (usesToken === undefined) continue;
    if (!isStringToken(usesToken)) {
      out = undefined;
      break;
    }
    const nested = localAction(loaded, action.file, usesToken.value);
    if (nested === undefined) continue;
    const reads = actionReads(loaded, nested, inside);
    if (reads === undefined) {
      out = undefined;
      break;
    }
    for (const path of reads) out.push(path);
    // A nested action not kept (one still open in this walk, a cycle) may lack reads of the actions around it: then
    // these reads are not kept for reuse either.
    if (!ACTION_READS.has(nested.root as TemplateToken)) complete = false;
  }
  inside.delete(action.file);
  if (root !== undefined && complete) ACTION_READS.set(root, { file: action.file, reads: out });
  return out;
}

/** What a step reads of its own, besides the action it uses: {@link stepReads} without the action. */
function stepOwnReads(file: string, t: TemplateToken, out: ReadPath[]): ReadPath[] {
  tokenReads(t, out);
  // The step keeps the whole `env` it runs with (WorkflowStep.environment), and its script with the `${{ }}` known
  // substituted (WorkflowStep.run.evaluated).
  out.push(['env']);
  const run = shapeOf(file, t).fixed.run;
  if (run !== undefined) for (const e of scriptExpressionsOf(run)) out.push(...expressionReads(e.expression));
  return out;
}

/** Each local action's reads ({@link actionReads}), by its parsed root. */
const ACTION_READS = new WeakMap<
  TemplateToken,
  { readonly file: string; readonly reads: readonly ReadPath[] | undefined }
>();

/**
 * Takes one step from the budgets, or reports (once) that they are spent: the steps past them are not read, and the
 * error names where the expansion stopped.
 */
function takeStep(scope: StepScope, position: SourcePosition): boolean {
  const own = scope.perInstance;
  const all = scope.budget;
  if (affordable(scope, 1)) {
    charge(scope, 1);
    return true;
  }
  if (scope.tally) scope.tally.refused += 1;
  if (own && !own.reported) {
    own.reported = true;
    const why =
      all !== undefined && all.steps <= 0
        ? 'the workflows expand to more steps than the model reads in all'
        : `a job expands to more than ${own.limit} steps (composite actions included)`;
    scope.errors.push({ code: 'too-large', message: `${why}; the steps past this one are not read`, position });
  }
  return false;
}

/** The `run:` of a step: the script as written, and the file line of its first line (after a `|` or `>` header). */
function runOf(file: string, t: TemplateToken | undefined, shell: string | undefined): WorkflowStep['run'] {
  if (t === undefined) return undefined;
  const position = positionOf(file, t);
  const header = (t as { blockScalarHeader?: string }).blockScalarHeader;
  const script = isStringToken(t) ? t.value : ((t as { source?: string }).source ?? String(literalOf(t) ?? ''));
  return { script, line: header ? position.line + 1 : position.line, ...(shell ? { shell } : {}), position };
}

/** What a step token says whatever the instance: read once per token, since every instance reads the same tokens. */
interface StepShape {
  readonly usesToken: TemplateToken | undefined;
  readonly withToken: TemplateToken | undefined;
  readonly envToken: TemplateToken | undefined;
  readonly fixed: Pick<WorkflowStep, 'id' | 'name' | 'run' | 'if' | 'position'>;
  readonly condition: ReturnType<typeof conditionOf>;
}

const SHAPES = new WeakMap<TemplateToken, { readonly file: string; readonly shape: StepShape }>();

function shapeOf(file: string, t: TemplateToken): StepShape {
  const known = SHAPES.get(t);
  if (known && known.file === file) return known.shape;
  const id = stringOf(child(t, 'id'));
  const name = stringOf(child(t, 'name'));
  const condition = conditionOf(file, child(t, 'if'));
  const shell = stringOf(child(t, 'shell'));
  const run = runOf(file, child(t, 'run'), shell);
  const shape: StepShape = {
    usesToken: child(t, 'uses'),
    withToken: child(t, 'with'),
    envToken: child(t, 'env'),
    condition,
    fixed: {
      ...(id !== undefined ? { id } : {}),
      ...(name !== undefined ? { name } : {}),
      ...(run ? { run } : {}),
      ...(condition ? { if: condition } : {}),
      position: positionOf(file, t),
    },
  };
  SHAPES.set(t, { file, shape });
  return shape;
}

/** A `${{ }}` in a script: where it stands (`start` at `$`, `end` after `}}`) and the expression inside. */
interface ScriptExpression {
  readonly start: number;
  readonly end: number;
  readonly expression: string;
}

/** Expressions read from one script at most (the rest stay as written: unknown to the shell reader). */
const SCRIPT_EXPRESSIONS_CAP = 500;

/**
 * The `${{ }}` of a script, in order: each closes at the first `}}` outside a quoted string of the expression
 * (https://docs.github.com/en/actions/reference/workflows-and-actions/expressions#literals). Bounded.
 */
function scriptExpressions(script: string): ScriptExpression[] {
  const out: ScriptExpression[] = [];
  let from = script.indexOf('${{');
  while (from >= 0 && out.length < SCRIPT_EXPRESSIONS_CAP) {
    let quoted = false;
    let close = -1;
    for (let j = from + 3; j < script.length - 1; j++) {
      const c = script.charAt(j);
      if (c === "'") quoted = !quoted;
      else if (!quoted && c === '}' && script.charAt(j + 1) === '}') {
        close = j;
        break;
      }
    }
    if (close < 0) break;
    out.push({ start: from, end: close + 2, expression: script.slice(from + 3, close).trim() });
    from = script.indexOf('${{', close + 2);
  }
  return out;
}

/** The `${{ }}` of each script as read once (the `run` of a step's shape: see {@link shapeOf}). */
const SCRIPT_EXPRESSIONS = new WeakMap<NonNullable<WorkflowStep['run']>, readonly ScriptExpression[]>();

/** {@link scriptExpressions} of a step's `run`, found once. */
function scriptExpressionsOf(run: NonNullable<WorkflowStep['run']>): readonly ScriptExpression[] {
  let expressions = SCRIPT_EXPRESSIONS.get(run);
  if (expressions === undefined) {
    expressions = scriptExpressions(run.script);
    SCRIPT_EXPRESSIONS.set(run, expressions);
  }
  return expressions;
}

/** A known expression value as the runner writes it into the script, or undefined where it is kept as written. */
function scriptText(value: unknown): string | undefined {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number' && Number.isInteger(value)) return String(value);
  return undefined;
}

/**
 * The script as the runner hands it to the shell: each `${{ }}` evaluated before the shell runs
 * (https://docs.github.com/en/actions/reference/workflows-and-actions/expressions), substituted where its value is
 * known for the instance; one not known, spanning lines, or giving a value of several lines (which would move the
 * script's lines) is kept as written, and the shell reader takes it for unknown. Undefined when nothing changes.
 */
function evaluatedScript(run: NonNullable<WorkflowStep['run']>, contexts: Contexts): string | undefined {
  const { script } = run;
  const expressions = scriptExpressionsOf(run);
  if (expressions.length === 0) return undefined;
  let out = '';
  let at = 0;
  let changed = false;
  for (const e of expressions) {
    // Each expression's result is remembered by what it reads, as a token's is (`src/workflows/values.ts`).
    const result = e.expression.includes('\n')
      ? undefined
      : rememberedOver(
          e,
          () => expressionReadKeys(e.expression),
          contexts,
          () => evaluateExpression(e.expression, contexts),
        );
    const text = result?.kind === 'known' ? scriptText(result.value) : undefined;
    out += script.slice(at, e.start);
    if (text === undefined || text.includes('\n')) out += script.slice(e.start, e.end);
    else {
      out += text;
      changed = true;
    }
    at = e.end;
  }
  return changed ? out + script.slice(at) : undefined;
}

/** The variables of an `env` context known as text (an unknown, or one set by an earlier step, is left out). */
function knownEnvironment(env: ContextValue | undefined): Record<string, string> {
  if (env === null || env === undefined || typeof env !== 'object' || env instanceof Unknown || Array.isArray(env)) {
    return {};
  }
  const known = KNOWN_ENVIRONMENTS.get(env);
  if (known !== undefined) return known;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env as Record<string, ContextValue>)) if (typeof v === 'string') out[k] = v;
  KNOWN_ENVIRONMENTS.set(env, out);
  return out;
}

/** Each `env` context's known variables, made once: the steps without an `env:` of their own share their job's. */
const KNOWN_ENVIRONMENTS = new WeakMap<object, Record<string, string>>();

/** One written step (not yet expanded). */
function readStep(file: string, t: TemplateToken, contexts: Contexts, via: readonly ViaAction[]): WorkflowStep {
  const shape = shapeOf(file, t);
  // The step's `env:` is evaluated once: as the step's own values, and laid over the contexts its other keys read.
  const env = evaluateMap(file, shape.envToken, contexts);
  const stepContexts = layerEnv(file, shape.envToken, contexts, env);
  const run = shape.fixed.run;
  const evaluated = run === undefined ? undefined : evaluatedScript(run, stepContexts);
  return {
    index: 0,
    ...shape.fixed,
    ...(run && evaluated !== undefined ? { run: { ...run, evaluated } } : {}),
    environment: knownEnvironment(stepContexts.env),
    ...(shape.usesToken ? { uses: evaluateToken(file, shape.usesToken, stepContexts) } : {}),
    with: evaluateMap(file, shape.withToken, stepContexts),
    env,
    runs: decide(shape.condition, stepContexts),
    via,
  };
}

/** The contexts inside a composite action: its `inputs` from the step's `with:` and its defaults ({@link compositeInputs}). */
function actionContexts(
  actionFile: string,
  root: TemplateToken | undefined,
  step: WorkflowStep,
  contexts: Contexts,
): Contexts {
  const inputs = compositeInputs(actionFile, readInputs(actionFile, root), step.with, contexts);
  return { ...layerEnv(actionFile, undefined, contexts), inputs: open('inputs', inputs) };
}

/** A step, with a local composite action replaced by its steps (recursively, within the depth bound). */
function expandStep(
  file: string,
  t: TemplateToken,
  contexts: Contexts,
  via: readonly ViaAction[],
  scope: StepScope,
): WorkflowStep[] {
  // A step is remembered whole (composite expansion included), in the job or inside an action.
  const reads = () => stepReads(scope.loaded, file, t);
  return remembered(scope, t, via, reads, contexts, () => expandFresh(file, t, contexts, via, scope));
}

function expandFresh(
  file: string,
  t: TemplateToken,
  contexts: Contexts,
  via: readonly ViaAction[],
  scope: StepScope,
): WorkflowStep[] {
  if (!takeStep(scope, positionOf(file, t))) return [];
  const step = readStep(file, t, contexts, via);
  const uses = step.uses?.kind === 'known' ? String(step.uses.value) : undefined;
  const action = uses === undefined ? undefined : localAction(scope.loaded, file, uses);
  const unread = uses === undefined || action !== undefined ? undefined : unreadAction(scope.loaded, file, uses);
  if (unread !== undefined) return [{ ...step, unexpanded: 'not-read', unread }];
  if (uses === undefined || action === undefined) return [step];
  const actionFile = action.file;
  const runs = child(action.root, 'runs');
  // The runner compares `using` without regard to case (`ConvertRuns` in
  // https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionManifestManager.cs).
  if (stringOf(child(runs, 'using'))?.toLowerCase() !== 'composite') return [step];
  const position: SourcePosition = step.uses?.position ?? step.position;
  if (via.some((v) => v.file === actionFile)) {
    scope.errors.push({
      code: 'cycle',
      message: `${uses} uses itself through ${via.map((v) => v.uses).join(' -> ')}`,
      position,
    });
    return [{ ...step, unexpanded: 'cycle' }];
  }
  if (via.length >= scope.actionDepth) {
    scope.errors.push({
      code: 'too-deep',
      message: `${uses}: composite actions nested deeper than ${scope.actionDepth} levels`,
      position,
    });
    return [{ ...step, unexpanded: 'too-deep' }];
  }
  const inner = actionContexts(actionFile, action.root, step, contexts);
  const chain = [...via, { uses, file: actionFile, position }];
  const expanded = items(child(runs, 'steps')).flatMap((s) => expandStep(actionFile, s, inner, chain, scope));
  // The action's steps run only when the step that uses it does.
  return expanded.map((s) => ({ ...s, runs: both(step.runs, s.runs) }));
}

/** The credential use of a step, if any; `order` counts the job's credential steps before it. */
function credentialOf(step: WorkflowStep, order: number): CredentialUse | undefined {
  let use = CREDENTIALS.get(step);
  if (use === undefined) {
    use = credentialFresh(step) ?? null;
    CREDENTIALS.set(step, use);
  }
  if (use === null) return undefined;
  return use.kind === 'configure-aws-credentials' && use.order !== order ? { ...use, order } : use;
}

/**
 * Each step's credential use as first found (at whatever `order`): a remembered step stands in many instances, at
 * many places, and what it obtains is the same at each (steps are never changed once made).
 */
const CREDENTIALS = new WeakMap<WorkflowStep, CredentialUse | null>();

function credentialFresh(step: WorkflowStep): CredentialUse | undefined {
  if (isConfigureAwsCredentials(step)) {
    const settings = awsSettings(step.with);
    const chaining = settings.roleChaining;
    const chains = chaining?.kind === 'known' && String(chaining.value).toLowerCase() === 'true';
    return { kind: 'configure-aws-credentials', settings, order: 0, chains };
  }
  return detectOidcRequest(step);
}

/** The job's steps for one instance, expanded and numbered, with their credential uses marked. */
export function readSteps(
  file: string,
  steps: TemplateToken | undefined,
  contexts: Contexts,
  scope: StepScope,
): WorkflowStep[] {
  const reads = () => {
    const out: ReadPath[] = [];
    for (const t of items(steps)) {
      const own = stepReads(scope.loaded, file, t);
      if (own === undefined) return undefined;
      for (const path of own) out.push(path);
    }
    return out;
  };
  return remembered(scope, steps, [], reads, contexts, () => {
    const expanded = untilUnread(items(steps).flatMap((t) => expandStep(file, t, contexts, [], scope)));
    let order = 0;
    return expanded.map((step, index) => {
      const made = numbered(step, index, order, scope.memo !== undefined);
      if (made.credential) order += 1;
      return made;
    });
  });
}

/**
 * The steps up to the first that may run and uses a local action not read (or that GitHub would refuse): GitHub fails
 * that step, so the steps after it are not known to run, and are not kept (the job is unverified: `stepsUnread`).
 */
function untilUnread(steps: WorkflowStep[]): WorkflowStep[] {
  const at = steps.findIndex((s) => s.unexpanded === 'not-read' && s.runs.kind !== 'never');
  if (at < 0) return steps;
  const unread = steps[at] as WorkflowStep;
  const checkout = unread.unread?.kind === 'not-found' ? checkoutOf(steps.slice(0, at), unread) : undefined;
  if (checkout === undefined) return steps.slice(0, at + 1);
  return [...steps.slice(0, at), { ...unread, unread: fromCheckout(checkout) }];
}

const CHECKOUT = /^actions\/checkout(?:@|$)/i;

/**
 * The last checkout step before `step` (that may run) that writes where its local action is looked for: into a
 * `path:` that holds the action's folder, into a path not known before the run, or into the workspace itself with
 * another `repository:` or a `ref:`. GitHub loads the action from the workspace when the step runs
 * (src/workflows/paths.ts), so it comes from what that checkout wrote, which the preflight does not read.
 */
function checkoutOf(before: readonly WorkflowStep[], step: WorkflowStep): CheckoutInto | undefined {
  const uses = step.uses?.kind === 'known' ? String(step.uses.value) : '';
  const resolved = resolveLocal(uses.trim());
  if ('error' in resolved) return undefined;
  for (const s of [...before].reverse()) {
    if (s.runs.kind === 'never' || s.uses?.kind !== 'known' || !CHECKOUT.test(String(s.uses.value).trim())) continue;
    const lower = new Map(Object.entries(s.with).map(([k, v]) => [k.toLowerCase(), v]));
    const text = (name: string) => {
      const v = lower.get(name);
      const t = v === undefined ? '' : v.kind === 'known' ? String(v.value ?? '') : v.expression;
      return t.trim() === '' ? undefined : t.trim();
    };
    const pathValue = lower.get('path');
    const path =
      pathValue === undefined || (pathValue.kind === 'known' && String(pathValue.value ?? '').trim() === '')
        ? ''
        : pathValue.kind === 'known'
          ? workspaceDir(String(pathValue.value))
          : undefined;
    const repository = text('repository');
    const ref = text('ref');
    const into =
      path === undefined ||
      (path === ''
        ? repository !== undefined || ref !== undefined
        : resolved.path === path || resolved.path.startsWith(`${path}/`));
    if (into)
      return {
        ...(path !== undefined ? { path } : {}),
        ...(repository !== undefined ? { repository } : {}),
        ...(ref !== undefined ? { ref } : {}),
        position: pathValue?.position ?? s.uses.position,
      };
  }
  return undefined;
}

/** A checkout's `path:` as a folder of the workspace (`./a/` is `a`); a path that leaves it, as written. */
function workspaceDir(path: string): string {
  const resolved = resolveLocal(`./${path.trim().replace(/^\.\//, '')}`);
  return 'path' in resolved ? resolved.path : path.trim();
}

/** Why a local action an earlier checkout writes is not read: where it comes from, which repository at which ref. */
function fromCheckout(checkout: CheckoutInto): UnreadAction {
  const into =
    checkout.path === undefined
      ? 'a path not known before the run'
      : checkout.path === ''
        ? 'the workspace'
        : `\`${checkout.path}\``;
  const what = `${checkout.repository === undefined ? 'this repository' : `\`${checkout.repository}\``}${checkout.ref === undefined ? '' : ` at ref \`${checkout.ref}\``}`;
  const at = `${checkout.position.file}:${checkout.position.line}`;
  return {
    kind: 'checked-out',
    reason: `the action comes from the checkout into ${into} (${at}: ${what}), which the preflight does not read`,
    checkout,
  };
}

/** Each step as last numbered: at which index, after how many credential steps (a step is most often at one place). */
const NUMBERED = new WeakMap<
  WorkflowStep,
  { readonly index: number; readonly order: number; readonly made: WorkflowStep }
>();

/** The step at `index` of its job, after `order` credential steps, with its credential use marked. */
function numbered(step: WorkflowStep, index: number, order: number, remember: boolean): WorkflowStep {
  const known = remember ? NUMBERED.get(step) : undefined;
  if (known !== undefined && known.index === index && known.order === order) return known.made;
  const credential = credentialOf(step, order);
  const made = { ...step, index, ...(credential ? { credential } : {}) };
  if (remember) NUMBERED.set(step, { index, order, made });
  return made;
}
