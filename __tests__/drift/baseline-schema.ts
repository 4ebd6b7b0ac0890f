/**
 * Validates a baseline record against the shipped schema/baseline.v1.schema.json with ajv (draft 2020-12, strict,
 * every error), as ../e2e/aws-report-schema.ts does for the report. `date-time` is RFC 3339's
 * (https://www.rfc-editor.org/rfc/rfc3339#section-5.6), declared here because ajv-formats is not a dependency.
 */
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';

const schema = JSON.parse(readFileSync(new URL('../../schema/baseline.v1.schema.json', import.meta.url), 'utf8')) as {
  $id: string;
};

const ajv = new Ajv2020.default({ strict: true, allErrors: true });
ajv.addFormat('date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i);
const check = ajv.compile(schema);

/** Every violation of the baseline schema by `record`, as `path problem`; empty when it conforms. */
export function validateBaseline(record: unknown): string[] {
  if (check(record)) return [];
  return (check.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`);
}
