/**
 * Validates a JSON report against the shipped schema/report.v1.schema.json with ajv (draft 2020-12, strict, every
 * error), so the end-to-end runs check what the schema promises rather than a copy of it. `date-time` is RFC 3339's
 * (https://www.rfc-editor.org/rfc/rfc3339#section-5.6), declared here because ajv-formats is not a dependency.
 */
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';

const ajv = new Ajv2020.default({ strict: true, allErrors: true });
ajv.addFormat('date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i);

/** A validator of one shipped schema (`schema/NAME`): every violation as `path problem`; empty when it conforms. */
export function schemaValidator(name: string): (value: unknown) => string[] {
  const schema = JSON.parse(readFileSync(new URL(`../../schema/${name}`, import.meta.url), 'utf8')) as { $id: string };
  const check = ajv.compile(schema);
  return (value) => {
    if (check(value)) return [];
    return (check.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`);
  };
}

/** Every violation of the report schema by `report`, as `path problem`; empty when it conforms. */
export const validateReport = schemaValidator('report.v1.schema.json');
