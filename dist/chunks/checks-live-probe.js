import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import "./shared-runtime-efb0f0b2.js";

// src/checks/live-probe.ts
var liveProbeCheck = {
  id: "live-probe",
  title: "STS itself accepts the token for the role (optional: `aws-probe`).",
  decisionPoints: ["identity-provider", "token", "oidc-provider", "sts-trust", "session", "session-policy", "config"],
  section: "aws",
  scope: "role",
  needs: ["probe"],
  appliesTo: (config) => config.sources.probe && !config.settings.roleChaining,
  run: ({ probe }) => [...probe?.findings ?? []]
};
export {
  liveProbeCheck
};
