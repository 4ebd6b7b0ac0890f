/**
 * The BinaryEquals condition operator: "compares the value of the specified key byte for byte
 * against a base-64 encoded representation of the binary value in the policy"
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_BinaryEquals).
 * Both sides are base64 and are compared after decoding, so two spellings of the same bytes
 * (unused trailing bits, say) are equal. Policy variables are not supported.
 */
import type { OperatorSpec, PolicyScalar, ValueCompiler, ValueTest } from './index.js';
import { compileMembership } from './string.js';

// Standard base64 (RFC 4648 section 4) with its padding: whole groups of four characters.
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * The bytes a base64 string holds, as a string of char codes 0-255 (what `atob` returns, a
 * global in every runtime the engine targets); undefined when the text is not base64.
 */
export function decodeBase64(text: string): string | undefined {
  return BASE64.test(text) ? atob(text) : undefined;
}

/** The BinaryEquals operator (it has no negated form). */
export const BINARY_OPERATORS: readonly OperatorSpec[] = [
  { name: 'BinaryEquals', negated: false, compile: compileBinary },
];

function compileBinary(values: readonly PolicyScalar[], compiler: ValueCompiler): ValueTest | undefined {
  const decoded: string[] = [];
  values.forEach((value, i) => {
    const bytes = typeof value === 'string' ? decodeBase64(value) : undefined;
    if (bytes === undefined) compiler.reject(i, 'base64 text');
    else decoded.push(bytes);
  });
  if (decoded.length < values.length) return undefined;
  // The same text is the same bytes: only a differently spelled value needs decoding.
  const sameText = compileMembership(values.map(String), false);
  const sameBytes = compileMembership(decoded, false);
  return (v) => {
    if (sameText(v)) return true;
    const bytes = decodeBase64(v);
    return bytes !== undefined && sameBytes(bytes);
  };
}
