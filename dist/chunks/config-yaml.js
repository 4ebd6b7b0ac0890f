import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import "./shared-runtime-efb0f0b2.js";

// src/config/yaml.ts
async function parseYaml() {
  const yaml = await import("./yaml.js");
  const { parseDocument } = yaml.default ?? yaml;
  return (text) => {
    const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
    const error = doc.errors[0];
    if (error) {
      const at = error.linePos?.[0];
      return { ok: false, error: `${at ? `line ${at.line}, column ${at.col}: ` : ""}${error.message.split("\n")[0]}` };
    }
    return { ok: true, value: doc.toJS() };
  };
}
export {
  parseYaml
};
