/**
 * A job's steps for one instance: each step's `uses`, `with`, `env`, `run`, `if` evaluated over the instance's
 * contexts, local composite actions expanded in place (each expanded step remembers the actions it came from), and
 * the steps that obtain AWS credentials or GitHub's OIDC token marked.
 */
import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/index';
import { awsSettings, detectOidcRequest, isConfigureAwsCredentials } from './credentials.js';
import { open } from './expressions.js';
import type { LoadedFiles } from './load.js';
import type { CredentialUse, SourcePosition, ViaAction, WorkflowError, WorkflowStep } from './model.js';
import { resolveLocal } from './paths.js';
import { child, isStringToken, items, literalOf, positionOf, stringOf } from './tokens.js';
import { readInputs } from './triggers.js';
import {
  assignInputs,
  both,
  type Contexts,
  conditionOf,
  decide,
  evaluateMap,
  evaluateToken,
  layerEnv,
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
}

/**
 * Takes one step from the budgets, or reports (once) that they are spent: the steps past them are not read, and the
 * error names where the expansion stopped.
 */
function takeStep(scope: StepScope, position: SourcePosition): boolean {
  const own = scope.perInstance;
  const all = scope.budget;
  if ((own === undefined || own.left > 0) && (all === undefined || all.steps > 0)) {
    if (own) own.left -= 1;
    if (all) all.steps -= 1;
    return true;
  }
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

/** One written step (not yet expanded). */
function readStep(file: string, t: TemplateToken, contexts: Contexts, via: readonly ViaAction[]): WorkflowStep {
  const shape = shapeOf(file, t);
  // The step's `env:` is evaluated once: as the step's own values, and laid over the contexts its other keys read.
  const env = evaluateMap(file, shape.envToken, contexts);
  const stepContexts = layerEnv(file, shape.envToken, contexts, env);
  return {
    index: 0,
    ...shape.fixed,
    ...(shape.usesToken ? { uses: evaluateToken(file, shape.usesToken, stepContexts) } : {}),
    with: evaluateMap(file, shape.withToken, stepContexts),
    env,
    runs: decide(shape.condition, stepContexts),
    via,
  };
}

/** The contexts inside a composite action: its `inputs` from the step's `with:` (or their defaults). */
function actionContexts(
  actionFile: string,
  root: TemplateToken | undefined,
  step: WorkflowStep,
  contexts: Contexts,
): Contexts {
  const inputs = assignInputs(actionFile, readInputs(actionFile, root), step.with, contexts);
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
  if (!takeStep(scope, positionOf(file, t))) return [];
  const step = readStep(file, t, contexts, via);
  const uses = step.uses?.kind === 'known' ? String(step.uses.value) : undefined;
  if (!uses?.startsWith('./')) return [step];
  const resolved = resolveLocal(uses);
  if ('error' in resolved) return [step];
  const actionFile = scope.loaded.actions.get(resolved.path);
  const parsed = actionFile ? scope.loaded.files.get(actionFile) : undefined;
  if (!actionFile || !parsed) return [step];
  const runs = child(parsed.root, 'runs');
  if (stringOf(child(runs, 'using')) !== 'composite') return [step];
  const position: SourcePosition = step.uses?.position ?? step.position;
  if (via.some((v) => v.file === actionFile)) {
    scope.errors.push({
      code: 'cycle',
      message: `${uses} uses itself through ${via.map((v) => v.uses).join(' -> ')}`,
      position,
    });
    return [step];
  }
  if (via.length >= scope.actionDepth) {
    scope.errors.push({
      code: 'too-deep',
      message: `${uses}: composite actions nested deeper than ${scope.actionDepth} levels`,
      position,
    });
    return [step];
  }
  const inner = actionContexts(actionFile, parsed.root, step, contexts);
  const chain = [...via, { uses, file: actionFile, position }];
  const expanded = items(child(runs, 'steps')).flatMap((s) => expandStep(actionFile, s, inner, chain, scope));
  // The action's steps run only when the step that uses it does.
  return expanded.map((s) => ({ ...s, runs: both(step.runs, s.runs) }));
}

/** The credential use of a step, if any; `order` counts the job's credential steps before it. */
function credentialOf(step: WorkflowStep, order: number): CredentialUse | undefined {
  if (isConfigureAwsCredentials(step)) {
    const settings = awsSettings(step.with);
    const chaining = settings.roleChaining;
    const chains = chaining?.kind === 'known' && String(chaining.value).toLowerCase() === 'true';
    return { kind: 'configure-aws-credentials', settings, order, chains };
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
  const expanded = items(steps).flatMap((t) => expandStep(file, t, contexts, [], scope));
  let order = 0;
  return expanded.map((step, index) => {
    const credential = credentialOf(step, order);
    if (credential) order += 1;
    return { ...step, index, ...(credential ? { credential } : {}) };
  });
}
