/**
 * schema/preflight.schema.json and the validator generated from it: the committed validator is what
 * `npm run schema` generates now, the schema is valid JSON Schema 2020-12 that documents every setting, and the
 * shipped example configurations validate.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { readConfigFile } from '../../src/config/file.js';
import { validateConfigSchema } from '../../src/config/file-schema.generated.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SCHEMA_FILE = path.join(ROOT, 'schema/preflight.schema.json');
const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Record<string, unknown>;

interface Generator {
  generateValidatorSource(schemaText?: string): Promise<string>;
  OUTPUT_PATH: string;
}

describe('the generated validator', () => {
  it('is fresh: `npm run schema` would write the committed file byte for byte', async () => {
    const generator = (await import(pathToFileURL(path.join(ROOT, 'scripts/config-schema.mjs')).href)) as Generator;
    const committed = readFileSync(generator.OUTPUT_PATH, 'utf8');
    expect(await generator.generateValidatorSource()).toBe(committed);
  });

  it('imports nothing at run time (no ajv in dist/)', () => {
    const text = readFileSync(path.join(ROOT, 'src/config/file-schema.generated.ts'), 'utf8');
    expect(text.match(/^import (?!type ).*$/gm)).toBeNull();
    expect(text).not.toMatch(/\brequire\(/);
  });
});

describe('the schema', () => {
  it('is valid JSON Schema 2020-12 and compiles in strict mode', () => {
    const ajv = new Ajv2020.default({ strict: true, strictRequired: false, allowUnionTypes: true });
    ajv.addKeyword({ keyword: 'errorMessage', schemaType: 'string' });
    ajv.addKeyword({ keyword: 'patternErrorMessage', schemaType: 'string' });
    expect(ajv.validateSchema(schema)).toBe(true);
    expect(() => ajv.compile(schema)).not.toThrow();
  });

  it('documents every setting with a description', () => {
    const missing: string[] = [];
    const walk = (node: unknown, at: string): void => {
      if (typeof node !== 'object' || node === null) return;
      const properties = (node as { properties?: Record<string, unknown> }).properties ?? {};
      for (const [name, sub] of Object.entries(properties)) {
        const s = sub as { description?: string; $ref?: string };
        const target = s.$ref?.startsWith('#/$defs/')
          ? (schema.$defs as Record<string, { description?: string }>)[s.$ref.slice(8)]
          : undefined;
        if (!s.description && !target?.description) missing.push(`${at}.${name}`);
        walk(sub, `${at}.${name}`);
      }
      for (const [name, sub] of Object.entries((node as { $defs?: Record<string, unknown> }).$defs ?? {}))
        walk(sub, `$defs.${name}`);
    };
    walk(schema, '');
    expect(missing).toEqual([]);
  });

  it('holds valid examples, and says the precedence of inputs over the file', () => {
    for (const example of schema.examples as unknown[]) expect(validateConfigSchema(example)).toEqual([]);
    expect(schema.description).toContain('PRECEDENCE');
  });

  it('accepts the example configurations shipped in examples/', () => {
    const dir = path.join(ROOT, 'examples');
    const files = existsSync(dir)
      ? readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => path.basename(f) === 'preflight.yml')
      : [];
    for (const file of files) {
      const read = readConfigFile(readFileSync(path.join(dir, file), 'utf8'), file);
      expect(read.ok ? [] : read.errors).toEqual([]);
    }
  });
});
