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
import type { CallStep } from './model.js';

/** A task definition file as read: the roles it passes and whether it asks for tags, or why it is not known. */
export type TaskDefinitionFile =
  | {
      readonly kind: 'read';
      /** `taskRoleArn` and `executionRoleArn` as written: an ARN, or a role's name (ECS takes either). */
      readonly roles: readonly { readonly field: string; readonly value: string }[];
      /** The file's `tags`, which RegisterTaskDefinition applies on creation. */
      readonly tagged: boolean;
    }
  | { readonly kind: 'unread'; readonly why: string };

/** The actions whose `task-definition` input names a file of the workspace. */
export const TASK_DEFINITION_ACTIONS = [
  'aws-actions/amazon-ecs-deploy-task-definition',
  'aws-actions/amazon-ecs-render-task-definition',
];

/** The fields of a task definition that name a role passed to ECS (RegisterTaskDefinition's request syntax). */
const ROLE_FIELDS = ['taskRoleArn', 'executionRoleArn'];

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
    roles.push({ field, value });
  }
  const tags = record.tags;
  return { kind: 'read', roles, tagged: Array.isArray(tags) && tags.length > 0 };
}

/**
 * The workspace path a step's literal `task-definition` names, as the action joins it to the workspace; undefined for
 * an expression, an absolute path or one that leaves the workspace (not read: the file stays unknown).
 */
export function taskDefinitionPath(step: CallStep): string | undefined {
  const uses = step.uses?.kind === 'known' ? String(step.uses.value).split('@')[0]?.toLowerCase() : undefined;
  if (uses === undefined || !TASK_DEFINITION_ACTIONS.includes(uses)) return undefined;
  const given = step.with['task-definition'];
  if (given?.kind !== 'known' || typeof given.value !== 'string') return undefined;
  return workspacePath(given.value);
}

/** `relative` as a path under the workspace, `./` and `a/../` resolved; undefined when absolute or outside. */
function workspacePath(relative: string): string | undefined {
  const text = relative.trim();
  if (text === '' || text.startsWith('/') || /^[A-Za-z]:[\\/]/.test(text) || text.includes('\\')) return undefined;
  const parts: string[] = [];
  for (const part of text.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.pop() === undefined) return undefined;
    } else parts.push(part);
  }
  return parts.length === 0 ? undefined : parts.join('/');
}
