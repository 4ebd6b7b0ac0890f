/**
 * The Amazon ECS task definition file a deploy registers: aws-actions/amazon-ecs-deploy-task-definition reads its
 * `task-definition` input as a path under the workspace (its index.js: `path.join(process.env.GITHUB_WORKSPACE,
 * taskDefinitionFile)`, parsed with `yaml.parse`) and registers what it holds, so the roles the file names are passed
 * to ECS: its README's "Permissions" gives `iam:PassRole` on the task role and the task execution role
 * (https://github.com/aws-actions/amazon-ecs-deploy-task-definition#permissions). A file rendered by
 * aws-actions/amazon-ecs-render-task-definition from a file of the repository names the same roles (the render sets a
 * container's image, variables, logging, labels and command, never a role:
 * https://github.com/aws-actions/amazon-ecs-render-task-definition#usage).
 *
 * The files are read by the pipeline (src/pipeline/task-definitions.ts) and handed to the inference by path.
 */
import { load } from 'js-yaml';
import { resolveLocal } from '../paths.js';
import type { CallStep } from './model.js';

/** A task definition file as read: the roles it passes and whether it asks for tags, or why it is not known. */
export type TaskDefinitionFile =
  | {
      readonly kind: 'read';
      /** `taskRoleArn` and `executionRoleArn` as written: an ARN, or a role's name (ECS takes either). */
      readonly roles: readonly { readonly field: string; readonly value: string }[];
      /** The file's `tags`, which RegisterTaskDefinition applies on creation. */
      readonly tagged: boolean;
      /** Whether the text is JSON, as node's `require` of a `.json` file reads it (the render action's way). */
      readonly json: boolean;
    }
  | { readonly kind: 'unread'; readonly why: string };

/** The action a step uses, `owner/name` in lower case, when its `uses:` is known. */
const actionOf = (step: CallStep) =>
  step.uses?.kind === 'known' ? String(step.uses.value).split('@')[0]?.toLowerCase() : undefined;

/** The actions whose `task-definition` input names a file of the workspace. */
export const TASK_DEFINITION_ACTIONS = [
  'aws-actions/amazon-ecs-deploy-task-definition',
  'aws-actions/amazon-ecs-render-task-definition',
];

/** The fields of a task definition that name a role passed to ECS (RegisterTaskDefinition's request syntax). */
const ROLE_FIELDS = ['taskRoleArn', 'executionRoleArn'];

/**
 * A role's ARN and a role's name (path included) as IAM allows them
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html#reference_iam-quotas-names).
 */
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;

/**
 * A task definition file's text as the action reads it (YAML, of which JSON is a part). A field that is there but is
 * not a string (a template's placeholder object) leaves the file unread, never a role left out.
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html
 */
export function parseTaskDefinition(text: string): TaskDefinitionFile {
  let parsed: unknown;
  try {
    parsed = load(text);
  } catch (error) {
    const first = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
    return { kind: 'unread', why: `it is not JSON or YAML the action can read (${first.slice(0, 200)})` };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return { kind: 'unread', why: 'it does not hold a task definition (an object)' };
  }
  const record = parsed as Record<string, unknown>;
  const roles: { field: string; value: string }[] = [];
  for (const field of ROLE_FIELDS) {
    const value = record[field];
    if (value === undefined || value === null || value === '') continue;
    if (typeof value !== 'string') return { kind: 'unread', why: `its ${field} is not a string` };
    // A role's ARN or its name, as IAM writes them; anything else (`{{ role }}`, `${TASK_ROLE}`) is a template the
    // workflow fills in before the deploy, whose value is not known.
    if (!ROLE_ARN.test(value) && !ROLE_NAME.test(value)) {
      return {
        kind: 'unread',
        why: `its ${field} \`${value.slice(0, 80)}\` is not a role's ARN or name (a template?)`,
      };
    }
    roles.push({ field, value });
  }
  const tags = record.tags;
  let json = true;
  try {
    JSON.parse(text);
  } catch {
    json = false;
  }
  return { kind: 'read', roles, tagged: Array.isArray(tags) && tags.length > 0, json };
}

/**
 * The workspace path a step's literal `task-definition` names, as the action joins it to the workspace, or why it names
 * none the preflight reads (an expression, an absolute path, one that leaves the workspace); undefined for a step of
 * another action, or one without `task-definition`.
 */
export function taskDefinitionRef(step: CallStep): { readonly path: string } | { readonly why: string } | undefined {
  const uses = actionOf(step);
  if (uses === undefined || !TASK_DEFINITION_ACTIONS.includes(uses)) return undefined;
  const given = step.with['task-definition'];
  if (given === undefined) return undefined;
  if (given.kind !== 'known')
    return { why: `its task-definition \`${given.expression.slice(0, 120)}\` is not known before the run` };
  const text = String(given.value ?? '');
  if (text.trim() === '') return undefined;
  const path = workspacePath(text);
  return path === undefined
    ? { why: `its task-definition \`${text.slice(0, 120)}\` is not a path inside the workspace` }
    : { path };
}

/** {@link taskDefinitionRef}'s path, when it names one. */
export function taskDefinitionPath(step: CallStep): string | undefined {
  const ref = taskDefinitionRef(step);
  return ref !== undefined && 'path' in ref ? ref.path : undefined;
}

/** What a rendering step's output holds: the file it read, or why that is not known. */
export type RenderedFile = { readonly path: string } | { readonly why: string };

/**
 * The file each amazon-ecs-render-task-definition step of a job (by its `id`) renders, from all the job's steps (a
 * render needs no AWS credentials when it reads a file, so it may come before them): its output keeps the file's
 * roles. One that fetches its task definition from ECS (`task-definition-arn`, `-family`) renders roles not read.
 */
export function renderedFiles(steps: readonly CallStep[]): Map<string, RenderedFile> {
  const out = new Map<string, RenderedFile>();
  for (const step of steps) {
    const uses = actionOf(step);
    if (uses !== 'aws-actions/amazon-ecs-render-task-definition' || step.id === undefined) continue;
    const ref = taskDefinitionRef(step);
    out.set(
      step.id,
      ref ?? {
        why: 'it renders a task definition fetched from ECS (task-definition-arn or -family), whose roles are not read',
      },
    );
  }
  return out;
}

/** Commands that may rewrite files without naming them: git moving the work tree, archives, downloads into it. */
const BULK_WRITES =
  /\bgit\s+(?:-\S+\s+)*(?:checkout|pull|reset|restore|merge|rebase|cherry-pick|stash|switch|apply|am)\b|\bunzip\b|\btar\b[^\n]*\s-?[a-z]*x|\brsync\b|\baws\s+s3\s+(?:sync|cp)\s+s3:\/\/\S+\s+(?!s3:\/\/)/;

/** Actions that put files into the workspace that are not the repository's as committed. */
const FILE_BRINGERS = [
  'actions/download-artifact',
  'actions/cache',
  'actions/cache/restore',
  'dawidd6/action-download-artifact',
];

/**
 * What in a job may change a task definition file of the repository before a deploy reads it, or put other files in
 * its place: a script or another action's input that names the file, its folder or a rendering step's output of it
 * (a `sed -i`, an `envsubst >`, a `cp -r` into the folder, a download over it); a script that rewrites files without
 * naming them (git moving the work tree, an archive unpacked, `aws s3 sync` down); an action that brings files
 * (an artifact, a cache); a checkout into another path or of another repository. The file as committed then says
 * nothing sure of what is deployed. Conservative by design: a name met is taken for a change.
 */
export function fileChangedBy(
  steps: readonly CallStep[],
  path: string,
  renderIds: readonly string[] = [],
): string | undefined {
  const parts = path.split('/');
  const base = parts[parts.length - 1] ?? path;
  const folders = parts.slice(0, -1);
  const outputs = renderIds.map(
    (id) => new RegExp(`steps\\.${id.replace(/[^\w-]/g, '')}\\.outputs\\.task-definition`, 'i'),
  );
  const names = (text: string) =>
    text.includes(base) || folders.some((f) => text.includes(f)) || outputs.some((o) => o.test(text));
  for (const step of steps) {
    const at = `${step.position.file}:${step.position.line}`;
    const uses = actionOf(step);
    if (uses === 'actions/checkout') {
      if (step.with.path !== undefined || step.with.repository !== undefined)
        return `the job checks out into another path or another repository (${at})`;
      continue;
    }
    if (uses !== undefined && FILE_BRINGERS.includes(uses))
      return `the job brings files into the workspace (${uses}, ${at}) that may take its place`;
    const script = step.run?.evaluated ?? step.run?.script;
    if (script !== undefined) {
      if (names(script)) return `a script of the job names it, its folder or its rendering, and may change it (${at})`;
      if (BULK_WRITES.test(script)) return `a script of the job rewrites files without naming them (${at})`;
    }
    if (uses !== undefined && TASK_DEFINITION_ACTIONS.includes(uses)) continue;
    const inputs = Object.values(step.with).map((v) => (v.kind === 'known' ? String(v.value ?? '') : v.expression));
    if (inputs.some(names))
      return `an action of the job is given it, its folder or its rendering, and may change it (${at})`;
  }
  return undefined;
}

/** `relative` as a path under the workspace, `./` and `a/../` resolved; undefined when absolute or outside. */
function workspacePath(relative: string): string | undefined {
  const text = relative.trim();
  // An absolute path (POSIX, or a drive's) is outside what is read; the rest resolves as a local `uses:` does.
  if (text.startsWith('/') || /^[A-Za-z]:[\\/]/.test(text)) return undefined;
  const resolved = resolveLocal(text.startsWith('./') ? text : `./${text}`);
  return 'path' in resolved && resolved.path !== '' ? resolved.path : undefined;
}
