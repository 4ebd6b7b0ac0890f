import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  readSessionInputs
} from "./shared-config-aws.js";
import {
  DEFAULT_SESSION_NAME
} from "./shared-model-aws.js";

// src/pipeline/exchange.ts
function literal(v) {
  if (v?.kind !== "known" || typeof v.value !== "string" && typeof v.value !== "number") return void 0;
  const text = String(v.value);
  return text === "" ? void 0 : text;
}
var SESSION_INPUTS = /* @__PURE__ */ new Set([
  "role-duration-seconds",
  "role-chaining",
  "role-skip-session-tagging",
  "transitive-tag-keys",
  "custom-tags",
  "role-external-id",
  "inline-session-policy",
  "managed-session-policies"
]);
function stepSession(step, roleArn, audience) {
  const use = step.credential;
  const given = use?.kind === "configure-aws-credentials" ? use.settings.with : {};
  const inputs = new Map(Object.entries(given).map(([k, v]) => [k.toLowerCase(), v]));
  const problems = [];
  const getInput = (name2) => {
    const v = inputs.get(name2);
    if (v === void 0) return "";
    if (v.kind === "unknown") {
      if (SESSION_INPUTS.has(name2))
        problems.push(`\`${name2}\` is \`${v.expression}\`, not known before the run: ${v.reason}`);
      return "";
    }
    return v.value === null ? "" : String(v.value);
  };
  const name = inputs.get("role-session-name");
  const invalid = /* @__PURE__ */ new Set();
  const session = readSessionInputs(getInput, (input, message) => {
    invalid.add(input);
    problems.push(`\`${input}\` ${message}`);
  });
  const { region, durationSeconds, inlineDocument, managed, roleChaining } = session;
  const { customTags, transitiveTagKeys, externalId } = session;
  const regionInput = inputs.get("aws-region");
  const settings = {
    roleArn,
    ...region && !invalid.has("aws-region") ? { region } : {},
    ...region && regionInput ? {
      regionAt: {
        file: regionInput.position.file,
        line: regionInput.position.line,
        column: regionInput.position.column
      }
    } : {},
    audience,
    durationSeconds,
    ...name?.kind === "unknown" ? {
      sessionNameUnknown: `\`role-session-name\` is \`${name.expression}\`, not known before the run: ${name.reason}`,
      ...name.pieces ? { sessionNamePieces: name.pieces } : {}
    } : { sessionName: getInput("role-session-name") || DEFAULT_SESSION_NAME },
    ...inlineDocument !== void 0 ? {
      inlineSessionPolicy: {
        name: `inline-session-policy of ${step.position.file}:${step.position.line}`,
        document: inlineDocument
      }
    } : {},
    managedSessionPolicyArns: managed,
    roleChaining,
    sessionTags: {},
    skipSessionTagging: session.skipSessionTagging,
    ...customTags ? { customTags } : {},
    transitiveTagKeys,
    ...externalId ? { externalId } : {}
  };
  return { settings, problems };
}
function exchangeSettings(exchange, roleArn) {
  return stepSession(exchange.step, roleArn, exchange.aud.kind === "value" ? exchange.aud.value : "").settings;
}

export {
  literal,
  stepSession,
  exchangeSettings
};
