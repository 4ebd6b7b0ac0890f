import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  DEFAULT_DURATION_SECONDS,
  DEFAULT_SESSION_NAME
} from "./shared-model-aws.js";

// src/pipeline/exchange.ts
function literal(v) {
  if (v?.kind !== "known" || typeof v.value !== "string" && typeof v.value !== "number") return void 0;
  const text = String(v.value);
  return text === "" ? void 0 : text;
}
function exchangeSettings(exchange, roleArn) {
  const use = exchange.step.credential;
  const s = use?.kind === "configure-aws-credentials" ? use.settings : void 0;
  const region = literal(s?.awsRegion);
  const duration = Number(literal(s?.roleDurationSeconds));
  return {
    roleArn,
    audience: exchange.aud.kind === "value" ? exchange.aud.value : "",
    durationSeconds: Number.isInteger(duration) && duration > 0 ? duration : DEFAULT_DURATION_SECONDS,
    sessionName: literal(s?.roleSessionName) ?? DEFAULT_SESSION_NAME,
    managedSessionPolicyArns: [],
    roleChaining: false,
    sessionTags: {},
    ...region ? { region } : {}
  };
}

export {
  literal,
  exchangeSettings
};
