/**
 * Input JSON that gives a key twice in one object: JSON.parse keeps the last, and what the first said is lost (in a
 * statement with `"Effect": "Deny"` and then `"Effect": "Allow"`, the Deny). The policy folders report it as
 * `duplicate-key` (src/aws-files/assemble.ts); an input read whole, such as `simulate`'s, is refused.
 */
import { duplicateKeys } from '../aws-files/index.js';
import { InputFileError } from './files.js';

/** Throws an {@link InputFileError} naming each key given twice and its lines, when `text` has one. */
export function refuseDuplicateKeys(text: string, name: string): void {
  const found = duplicateKeys(text);
  if (found.length === 0) return;
  const each = found
    .slice(0, 10)
    .map((d) => `"${d.key}" at lines ${d.lines[0]} and ${d.lines[1]}`)
    .join('; ');
  const more = found.length > 10 ? `; and ${found.length - 10} more` : '';
  throw new InputFileError(
    `${name} gives a key twice in one object (${each}${more}): JSON keeps the last and loses the first, as IAM does, so what the first said is lost; merge them into one`,
  );
}
