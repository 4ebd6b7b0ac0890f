import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);

// src/checks/index.ts
var CHECKS = [
  { file: "token", scope: "token", load: async () => (await import("./checks-token.js")).tokenCheck },
  { file: "provider", scope: "role", load: async () => (await import("./checks-provider.js")).oidcProviderCheck },
  { file: "trust", scope: "role", load: async () => (await import("./checks-trust.js")).trustCheck },
  { file: "chained-trust", scope: "role", load: async () => (await import("./checks-chained-trust.js")).chainedTrustCheck },
  { file: "session", scope: "role", load: async () => (await import("./checks-session.js")).sessionCheck },
  { file: "live-probe", scope: "role", load: async () => (await import("./checks-live-probe.js")).liveProbeCheck },
  { file: "permissions", scope: "role", load: async () => (await import("./checks-permissions.js")).permissionsCheck },
  { file: "cross-check", scope: "role", load: async () => (await import("./checks-cross-check.js")).crossCheck },
  { file: "github-token", scope: "workflow", load: async () => (await import("./checks-github-token.js")).githubTokenCheck }
];
async function loadTokenChecks() {
  const checks = await Promise.all(CHECKS.filter((c) => c.scope === "token").map((c) => c.load()));
  return checks.filter((c) => c.scope === "token");
}
async function loadRoleChecks() {
  const checks = await Promise.all(CHECKS.filter((c) => c.scope === "role").map((c) => c.load()));
  return checks.filter((c) => c.scope === "role");
}
async function loadWorkflowChecks() {
  const checks = await Promise.all(CHECKS.filter((c) => c.scope === "workflow").map((c) => c.load()));
  return checks.filter((c) => c.scope === "workflow");
}

export {
  loadTokenChecks,
  loadRoleChecks,
  loadWorkflowChecks
};
