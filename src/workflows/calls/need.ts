/**
 * A call's need (an action and what is known of its resource) made into a permission line: the action checked
 * against AWS's service authorization reference (src/catalog/), the resource built from the ARN format the reference
 * gives for the action's resource type, each `${Placeholder}` filled from the command's arguments or left `*` and
 * named as unknown. An action with no resource-level permissions gets `*`, the only resource that can grant it
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html).
 * An action with several required resource types (marked `*` in the reference: ecs:ExecuteCommand's `cluster*` and
 * `task*`) is authorized on each of them, so each becomes its own line, checked on its own: a policy that allows the
 * cluster alone does not allow the call.
 */
import {
  type ActionInfo,
  type ActionLookup,
  type ActionResourceType,
  type Catalog,
  lookupAction,
  matchResourceTypes,
} from '../../catalog/index.js';
import type { CallPosition, InferredPermission, NotInferred } from './model.js';
import type { ShellWord } from './shell.js';

/** A value read from a command or a step: its text (`*` where an expansion stands) and why it is not known. */
export interface Known {
  readonly value: string;
  /** Set when any part of the value is an expansion: what it is (`$BUCKET`, `${{ secrets.X }}`). */
  readonly unknown?: string;
}

/** What one call needs: an action, and a full ARN or the placeholder values of its resource. */
export interface Need {
  readonly action: string;
  /**
   * A full ARN (from an `--x-arn` argument, or built by the mapping): the resource the call names. When it fits one
   * of the action's required resource types, the call names that one resource, and the action's other required types
   * are taken as alternatives to it (dynamodb:TagResource on a table or a stream), not as further resources.
   */
  readonly arn?: Known;
  /**
   * ARNs given for parts of the call (`--cluster arn:…`, `--document-name arn:…`): each is used whole for the
   * required resource type it fits; unlike {@link arn}, they never stand for the whole request.
   */
  readonly parts?: readonly Known[];
  /** Values for the ARN format's placeholders (`BucketName`, `FunctionName`…). */
  readonly values?: Readonly<Record<string, Known | undefined>>;
  /** The resource type to use, when the action has several (`object`, not `accesspointobject`). */
  readonly type?: string;
  /**
   * Values that hold for one resource type only, by type name, over {@link values}: an AWS-owned SSM document's ARN
   * has no account, the instance the command runs on has one.
   */
  readonly typeValues?: Readonly<Record<string, Readonly<Record<string, Known | undefined>>>>;
  readonly docUrl: string;
  readonly note?: string;
  /**
   * Request context keys the call fixes (`ecs:CreateAction`, `s3:prefix`), so that a policy's condition on them is
   * decided rather than left unknown (`RequiredPermission.context`).
   */
  readonly context?: Readonly<Record<string, string>>;
}

/** Where the need comes from and what is known around it. */
export interface NeedOrigin {
  readonly position: CallPosition;
  readonly via: string;
  readonly region: Known | undefined;
  readonly account: string | undefined;
  readonly partition: string;
  readonly notes: readonly string[];
}

/** Caps on the texts of a result, which carry words of the script. */
export const WHAT_CAP = 200;
export const REASON_CAP = 600;
const LOOKUP_CACHE_CAP = 1_000;

/** The text, cut at `cap` characters with `…` when longer. */
export function bound(text: string, cap = WHAT_CAP): string {
  return text.length > cap ? `${text.slice(0, cap)}…` : text;
}

/**
 * A word as a {@link Known}. A permission line is `ACTION RESOURCE`, split on whitespace, so whitespace inside a
 * value (an object key with a space, a quote the script leaves open) stands as `?`, which matches that one character
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html#reference_policies_elements_resource_wildcards).
 */
export function known(word: ShellWord | undefined): Known | undefined {
  if (word === undefined) return undefined;
  const value = word.value.replace(/\s/g, '?');
  return word.dynamic.length === 0 ? { value } : { value, unknown: word.dynamic.join(' ') };
}

/**
 * A KMS key as a command names it (`--sse-kms-key-id`, `--key-id`): a key ARN stands whole; a key ID fills `KeyId`;
 * an alias (`alias/NAME`, or its ARN `arn:aws:kms:REGION:ACCOUNT:alias/NAME`) names no key the policies can be read
 * for. KMS authorizes a cryptographic call on the key the alias points to, not on the alias
 * (https://docs.aws.amazon.com/kms/latest/developerguide/alias-access.html), and which key that is cannot be known
 * before the run: the key is left unknown (`key/*`), the alias named, so the line is checked as unknown, never on a
 * made-up `key/alias/NAME`.
 */
export function kmsKey(key: Known): Pick<Need, 'arn' | 'values' | 'type'> {
  const alias = /^(?:arn:[^:]*:kms:([^:]*):([^:]*):)?(alias\/.*)$/.exec(key.value);
  if (alias !== null) {
    const [, region, account, name] = alias as unknown as [string, string | undefined, string | undefined, string];
    const keyId: Known = {
      value: '*',
      unknown: `the key behind ${bound(name, 120)} (KMS authorizes the key an alias points to, not known before the run)`,
    };
    const part = (v: string | undefined): Known | undefined =>
      v
        ? key.unknown !== undefined && v.includes('*')
          ? { value: v, unknown: key.unknown }
          : { value: v }
        : undefined;
    return { values: { KeyId: keyId, Region: part(region), Account: part(account) }, type: 'key' };
  }
  return key.value.startsWith('arn:') ? { arn: key } : { values: { KeyId: key }, type: 'key' };
}

/**
 * Placeholders whose value no argument gives and whose `*` loses nothing a deploy would name: ids AWS generates
 * (a revision number, a task's ID, the ID of the automation a call starts).
 */
const INCIDENTAL = new Set(['Id', 'TaskDefinitionRevisionNumber', 'TaskId', 'AutomationExecutionId']);

/** Lookups of one inference, by action name: a script that repeats a command looks it up once. */
export type LookupCache = Map<string, ActionLookup>;

/**
 * The need as permission lines (one for each resource the action is authorized on), or why it is not one (an action
 * the catalog does not have).
 */
export function realize(
  catalog: Catalog,
  need: Need,
  origin: NeedOrigin,
  cache: LookupCache = new Map(),
): (InferredPermission | NotInferred)[] {
  let found = cache.get(need.action);
  if (found === undefined) {
    found = lookupAction(catalog, need.action);
    if (cache.size < LOOKUP_CACHE_CAP) cache.set(need.action, found);
  }
  if (found.status !== 'found') {
    return [
      {
        kind: 'not-in-catalog',
        position: origin.position,
        what: bound(`${origin.via} → ${need.action}`),
        reason: bound(`${need.action} is ${found.message}; declare the permission line this call needs`, REASON_CAP),
        suggestions: found.suggestions,
      },
    ];
  }
  const notes = need.note === undefined ? origin.notes : [...origin.notes, need.note];
  const action = found.action.canonical;
  const where = `${origin.position.file}:${origin.position.line}`;
  return resourcesOf(catalog, found.action, need, origin).map(({ resource, unknown }) => ({
    action,
    resource,
    line: `${action} ${resource}`,
    inferred: true,
    position: origin.position,
    via: origin.via,
    docUrl: need.docUrl,
    unknown,
    notes,
    permission: { action, resource, context: need.context ?? {}, origin: `inferred from ${where} (${origin.via})` },
  }));
}

interface Resource {
  readonly resource: string;
  readonly unknown: string[];
}

/**
 * The resources the call is authorized on: the one the need names or fills best (as the need's `type` says, among
 * all the action's types), then each required resource type not yet covered. The reference marks with `*` "a
 * required resource type: the resource-level permissions must be met for the action to succeed"
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html#actions_table),
 * so each is a resource of its own; ecs:ExecuteCommand is authorized on the cluster and on the task
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html, its IAM example names both).
 * Required types with the same placeholders are one resource of either type (an EC2 instance or a managed
 * instance, an Application or a Network Load Balancer's listener): only the one filled best is checked. Optional
 * types are checked only as the need names them.
 */
function resourcesOf(catalog: Catalog, action: ActionInfo, need: Need, origin: NeedOrigin): Resource[] {
  if (action.resourceTypes.length === 0) return [{ resource: '*', unknown: [] }];
  const fitting = (arn: Known) => {
    const fit = matchResourceTypes(catalog, action, arn.value);
    return fit.status === 'fits' ? new Set(fit.types.map(({ type }) => type.name)) : undefined;
  };
  const arns = [...(need.arn ? [need.arn] : []), ...(need.parts ?? [])].map((arn) => ({ arn, types: fitting(arn) }));
  const whole = (arn: Known): Resource => ({
    resource: arn.value,
    unknown: arn.unknown ? [`ARN: ${arn.unknown}`] : [],
  });
  const first = arns.find(({ types }) => types !== undefined);
  const chosen = first ? undefined : chooseFormat(action.resourceTypes, need, need.type);
  if (first === undefined && chosen === undefined) {
    return [{ resource: '*', unknown: ['the resource: no ARN format in the catalog'] }];
  }
  const resources = [
    first ? whole(first.arn) : fillFormat(chosen?.format ?? '', valuesFor(need, chosen?.name), origin),
  ];
  // A whole ARN that fits the action names the call's one resource: the other required types are alternatives.
  if (first !== undefined && first.arn === need.arn) return resources;
  const covered = new Set(first?.types ?? [chosen?.name ?? '']);
  const required = action.resourceTypes.filter(({ required }) => required);
  for (const group of groupsOf(required)) {
    if (group.some(({ type }) => covered.has(type.name))) continue;
    const named = arns.find(({ types }) => group.some(({ type }) => types?.has(type.name)));
    if (named !== undefined) {
      resources.push(whole(named.arn));
      continue;
    }
    const format = chooseFormat(group, need, undefined);
    if (format !== undefined) resources.push(fillFormat(format.format, valuesFor(need, format.name), origin));
  }
  return resources;
}

/** The need's values, with those of one resource type laid over them. */
function valuesFor(need: Need, type: string | undefined): Readonly<Record<string, Known | undefined>> {
  const own = type === undefined ? undefined : need.typeValues?.[type];
  return own === undefined ? (need.values ?? {}) : { ...need.values, ...own };
}

const ENVIRONMENT = new Set(['Partition', 'Region', 'Account']);

/** Resource types grouped by the placeholders of their ARN formats, Partition, Region and Account aside. */
function groupsOf(types: readonly ActionResourceType[]): ActionResourceType[][] {
  const groups = new Map<string, ActionResourceType[]>();
  for (const t of types) {
    const key = [...new Set(t.type.arnFormats.flatMap(placeholders).filter((p) => !ENVIRONMENT.has(p)))]
      .sort()
      .join(' ');
    const group = groups.get(key);
    if (group) group.push(t);
    else groups.set(key, [t]);
  }
  return [...groups.values()];
}

/** The ARN format to fill: the named type's, else the one whose placeholders the need fills best. */
function chooseFormat(
  types: readonly ActionResourceType[],
  need: Need,
  named: string | undefined,
): { readonly format: string; readonly name: string } | undefined {
  const candidates = types
    .filter(({ type }) => named === undefined || type.name === named)
    .flatMap(({ type, required }) => type.arnFormats.map((format) => ({ format, required, name: type.name })));
  const score = (format: string, name: string) => {
    const values = valuesFor(need, name);
    return placeholders(format).filter((p) => !ENVIRONMENT.has(p) && values[p] === undefined).length;
  };
  const ranked = candidates
    .map((c, order) => ({
      ...c,
      order,
      missing: score(c.format, c.name) + (c.name.includes('accesspoint') ? 0.5 : 0),
    }))
    .sort((a, b) => a.missing - b.missing || Number(b.required) - Number(a.required) || a.order - b.order);
  return ranked[0];
}

function placeholders(format: string): string[] {
  return [...format.matchAll(/\$\{([A-Za-z0-9]+)\}/g)].map((m) => m[1] as string);
}

function fillFormat(
  format: string,
  values: Readonly<Record<string, Known | undefined>>,
  origin: NeedOrigin,
): { resource: string; unknown: string[] } {
  const unknown: string[] = [];
  const resource = format.replace(/\$\{([A-Za-z0-9]+)\}/g, (_, name: string) => {
    const value = valueFor(name, values, origin);
    if (value === undefined) {
      if (!INCIDENTAL.has(name)) unknown.push(`${name}: not given`);
      return '*';
    }
    if (value.unknown !== undefined) unknown.push(`${name}: ${value.unknown}`);
    return value.value;
  });
  return { resource, unknown };
}

function valueFor(
  name: string,
  values: Readonly<Record<string, Known | undefined>>,
  origin: NeedOrigin,
): Known | undefined {
  if (name === 'Partition') return { value: origin.partition };
  if (name === 'Region') return values.Region ?? origin.region;
  if (name === 'Account') return values.Account ?? (origin.account ? { value: origin.account } : undefined);
  return values[name];
}
