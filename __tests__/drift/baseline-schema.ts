/** Validates a baseline record against the shipped schema/baseline.v1.schema.json, as reports are validated. */
import { schemaValidator } from '../e2e/aws-report-schema.js';

/** Every violation of the baseline schema by `record`, as `path problem`; empty when it conforms. */
export const validateBaseline = schemaValidator('baseline.v1.schema.json');
