/**
 * A failed job's log read for its 401s and 403s: the public surface of src/diagnose/.
 */

export { redactSecretShapes } from '../text/secret-shapes.js';
export { cleanLine, MAX_LINE_CHARS, quoteLine } from './clean.js';
export type { DeniedRequest, LogMatch } from './match.js';
export { type DeclaredLine, declaredRefusedBy, permissionLine, withDeclaredLine } from './permission-line.js';
export {
  createLogScanner,
  diagnoseLog,
  FOLD_LINES,
  type LogDiagnosis,
  type LogFailure,
  type LogScanner,
  MAX_FINDINGS,
} from './scan.js';
