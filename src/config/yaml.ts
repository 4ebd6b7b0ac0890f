/**
 * YAML parsing through the `yaml` package, loaded only when a YAML input or file is used. Errors carry
 * the line and column the parser reports.
 */
import type { ParseYaml } from './model.js';

/** Loads the parser and returns a function that never throws. */
export async function parseYaml(): Promise<ParseYaml> {
  // `yaml` is CommonJS under node. Node (and vitest) give a dynamically imported CommonJS module named exports, but
  // esbuild's split bundle exposes it as the default export only, so `{ parseDocument }` would be undefined in dist/.
  const yaml = await import('yaml');
  const { parseDocument } = yaml.default ?? yaml;
  return (text) => {
    const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
    const error = doc.errors[0];
    if (error) {
      const at = error.linePos?.[0];
      return { ok: false, error: `${at ? `line ${at.line}, column ${at.col}: ` : ''}${error.message.split('\n')[0]}` };
    }
    return { ok: true, value: doc.toJS() };
  };
}
