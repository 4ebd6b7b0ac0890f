/**
 * The permission line that would have caught a denial before the deploy, in the configuration's line format
 * (`ACTION RESOURCE`, src/config/permissions.ts): written only when the log names both the action and a resource the
 * format accepts (an ARN with its six fields, or `*`), and the caller is not `anonymous` (a line that names no caller,
 * such as the AWS CLI's `upload failed: … s3://BUCKET/KEY`, ran with the job's credentials).
 */
import type { DeniedRequest } from './match.js';

const ACTION = /^[A-Za-z0-9-]+:[A-Za-z0-9*?_-]+$/;

/** `s3:PutObject arn:aws:s3:::bucket/key`, or nothing when the log does not name enough. */
export function permissionLine(request: DeniedRequest): string | undefined {
  const { action, resource, principal } = request;
  if (!resource || principal === 'anonymous' || !ACTION.test(action)) return undefined;
  const arn = resource.startsWith('arn:') && resource.split(':').length >= 6 && !/[\s"'#]/.test(resource);
  if (resource !== '*' && !arn) return undefined;
  return `${action} ${resource}`;
}
