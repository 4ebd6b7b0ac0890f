import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  describeConfigError
} from "./shared-config-file-errors.js";

// src/commands/check-config.ts
function formatConfigErrors(errors) {
  const shown = errors.slice(0, 50).map((e) => `  ${describeConfigError(e)}`);
  if (errors.length > 50) shown.push(`  ... and ${errors.length - 50} more`);
  if (errors.length === 0) shown.push("  (the loader gave no detail)");
  return `${shown.join("\n")}
`;
}

export {
  formatConfigErrors
};
