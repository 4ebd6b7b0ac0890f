/**
 * A request context as IAM's simulator takes it: one `ContextEntry` per key, with the values and their type
 * (https://docs.aws.amazon.com/IAM/latest/APIReference/API_ContextEntry.html). The type decides how the simulator
 * reads the values against a condition operator, so each key gets the type AWS documents for it: global keys from
 * the global condition key reference, service keys from the service authorization reference (the catalog).
 */
import { type Catalog, conditionKeysFor } from '../catalog/index.js';

/** `ContextKeyTypeEnum`: string | stringList | numeric | numericList | boolean | booleanList | ip | ipList | binary | binaryList | date | dateList. */
export type ContextKeyType =
  | 'string'
  | 'stringList'
  | 'numeric'
  | 'numericList'
  | 'boolean'
  | 'booleanList'
  | 'ip'
  | 'ipList'
  | 'binary'
  | 'binaryList'
  | 'date'
  | 'dateList';

/** One `ContextEntry`, as the SDK takes it. */
export interface ContextEntry {
  readonly ContextKeyName: string;
  readonly ContextKeyValues: string[];
  readonly ContextKeyType: ContextKeyType;
}

type Scalar = 'string' | 'numeric' | 'boolean' | 'ip' | 'binary' | 'date';

/**
 * Global keys, by lower-cased name (a trailing `/` stands for a tag key), with the "Data type" of
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html. ARN-typed keys are
 * `string`: ContextKeyType has no ARN type. aws:EpochTime is documented as Date or Numeric; the engine derives it
 * as epoch seconds, which is the numeric form.
 */
const GLOBAL_KEYS: Readonly<Record<string, Scalar | `${Scalar}List`>> = {
  'aws:calledvia': 'stringList',
  'aws:calledviafirst': 'string',
  'aws:calledvialast': 'string',
  'aws:currenttime': 'date',
  'aws:ec2instancesourceprivateipv4': 'ip',
  'aws:ec2instancesourcevpc': 'string',
  'aws:epochtime': 'numeric',
  'aws:federatedprovider': 'string',
  'aws:multifactorauthage': 'numeric',
  'aws:multifactorauthpresent': 'boolean',
  'aws:principalaccount': 'string',
  'aws:principalarn': 'string',
  'aws:principalisawsservice': 'boolean',
  'aws:principalorgid': 'string',
  'aws:principalorgpaths': 'stringList',
  'aws:principalservicename': 'string',
  'aws:principalservicenameslist': 'stringList',
  'aws:principaltag/': 'string',
  'aws:principaltype': 'string',
  'aws:referer': 'string',
  'aws:requestedregion': 'string',
  'aws:requesttag/': 'string',
  'aws:resourceaccount': 'string',
  'aws:resourceorgid': 'string',
  'aws:resourceorgpaths': 'stringList',
  'aws:resourcetag/': 'string',
  'aws:securetransport': 'boolean',
  'aws:sourceaccount': 'string',
  'aws:sourcearn': 'string',
  'aws:sourceidentity': 'string',
  'aws:sourceip': 'ip',
  'aws:sourceorgid': 'string',
  'aws:sourceorgpaths': 'stringList',
  'aws:sourcevpc': 'string',
  'aws:sourcevpcarn': 'string',
  'aws:sourcevpce': 'string',
  'aws:tagkeys': 'stringList',
  'aws:tokenissuetime': 'date',
  'aws:useragent': 'string',
  'aws:userid': 'string',
  'aws:username': 'string',
  'aws:viaawsservice': 'boolean',
  'aws:vpcsourceip': 'ip',
};

/** The catalog's type names (scripts/aws-catalog.mjs keeps the reference's spelling). */
const CATALOG_TYPES: Readonly<Record<string, Scalar | `${Scalar}List`>> = {
  ARN: 'string',
  ArrayOfARN: 'stringList',
  ArrayOfBool: 'booleanList',
  ArrayOfString: 'stringList',
  Bool: 'boolean',
  Date: 'date',
  IPAddress: 'ip',
  Numeric: 'numeric',
  String: 'string',
};

/** A catalog key's fixed part: `s3:RequestObjectTag/<key>` and `aws:RequestTag/${TagKey}` end at the placeholder. */
function stemOf(template: string): string | undefined {
  const at = template.search(/\$\{|</);
  return at === -1 ? undefined : template.slice(0, at).toLowerCase();
}

/** The documented type of a key, or undefined when neither reference knows it. */
function documentedType(key: string, catalog: Catalog | undefined) {
  const lower = key.toLowerCase();
  const slash = lower.indexOf('/');
  const global = GLOBAL_KEYS[lower] ?? (slash > 0 ? GLOBAL_KEYS[lower.slice(0, slash + 1)] : undefined);
  if (global || !catalog) return global;
  const infos = conditionKeysFor(catalog, lower.slice(0, lower.indexOf(':'))) ?? [];
  const info =
    infos.find((k) => k.key.toLowerCase() === lower) ??
    infos.find((k) => {
      const stem = stemOf(k.key);
      return stem !== undefined && lower.startsWith(stem) && lower.length > stem.length;
    });
  return info ? CATALOG_TYPES[info.type] : undefined;
}

/**
 * The type to send for a key: the documented one, in its list form when the value is a list (a multivalued key
 * holds a list exactly when the engine was given one), else `string` or `stringList`.
 */
export function contextKeyTypeOf(key: string, value: string | readonly string[], catalog?: Catalog): ContextKeyType {
  const documented = documentedType(key, catalog) ?? 'string';
  if (typeof value === 'string' || documented.endsWith('List')) return documented;
  return `${documented as Scalar}List`;
}

/** A context as ContextEntries, in a stable order (sorted by key) so equal contexts read alike. */
export function toContextEntries(
  context: Readonly<Record<string, string | readonly string[]>>,
  catalog?: Catalog,
): ContextEntry[] {
  return Object.keys(context)
    .sort()
    .map((key) => {
      const value = context[key] ?? '';
      return {
        ContextKeyName: key,
        ContextKeyValues: typeof value === 'string' ? [value] : [...value],
        ContextKeyType: contextKeyTypeOf(key, value, catalog),
      };
    });
}
