import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);

// src/text/json-depth.ts
var MAX_JSON_DEPTH = 64;
function jsonTooDeep(text, limit = MAX_JSON_DEPTH) {
  let depth = 0;
  let line = 1;
  let lineStart = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++;
      else if (c === 34) inString = false;
      else if (c === 10) {
        line++;
        lineStart = i + 1;
      }
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      depth++;
      if (depth > limit) return { line, column: i - lineStart + 1 };
    } else if (c === 93 || c === 125) depth--;
    else if (c === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return void 0;
}
function valueTooDeep(value, limit = MAX_JSON_DEPTH) {
  const stack = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: v, depth } = stack.pop();
    if (typeof v !== "object" || v === null) continue;
    if (depth + 1 > limit) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push({ value: child, depth: depth + 1 });
  }
  return false;
}

export {
  MAX_JSON_DEPTH,
  jsonTooDeep,
  valueTooDeep
};
