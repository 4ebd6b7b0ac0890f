/**
 * How deep JSON text nests, found by one pass over the text (no recursion, so no depth can exhaust the stack): the
 * readers of outside JSON refuse text nested deeper than {@link MAX_JSON_DEPTH} before anything walks it. An IAM
 * policy nests at most six levels (Statement → statement → Condition → operator → key → values:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html), and an AWS CLI output adds a few
 * more around it; 64 leaves room for every real file and none for a stack-exhausting one.
 */

/** The deepest nesting of arrays and objects the readers accept. */
export const MAX_JSON_DEPTH = 64;

/** Where JSON text first nests deeper than `limit`: the line and column (1-based) of the bracket; else undefined. */
export function jsonTooDeep(
  text: string,
  limit: number = MAX_JSON_DEPTH,
): { readonly line: number; readonly column: number } | undefined {
  let depth = 0;
  let line = 1;
  let lineStart = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
      else if (c === 0x0a) {
        line++;
        lineStart = i + 1;
      }
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > limit) return { line, column: i - lineStart + 1 };
    } else if (c === 0x5d || c === 0x7d) depth--;
    else if (c === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return undefined;
}

/** Whether a parsed value (from JSON or YAML) nests arrays and objects deeper than `limit`; iterative, bounded. */
export function valueTooDeep(value: unknown, limit: number = MAX_JSON_DEPTH): boolean {
  const stack: { readonly value: unknown; readonly depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: v, depth } = stack.pop() as { value: unknown; depth: number };
    if (typeof v !== 'object' || v === null) continue;
    if (depth + 1 > limit) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push({ value: child, depth: depth + 1 });
  }
  return false;
}
