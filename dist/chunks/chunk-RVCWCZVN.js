import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);

// src/checks/index.ts
var CHECKS = [
  { file: "token", scope: "token", load: async () => (await import("./token-7JBE4RDE.js")).tokenCheck },
  { file: "provider", scope: "role", load: async () => (await import("./provider-EF2W74MC.js")).oidcProviderCheck },
  { file: "trust", scope: "role", load: async () => (await import("./trust-3USXFV2Q.js")).trustCheck },
  { file: "chained-trust", scope: "role", load: async () => (await import("./chained-trust-ZE7UEG2J.js")).chainedTrustCheck },
  { file: "session", scope: "role", load: async () => (await import("./session-XDSL64TA.js")).sessionCheck },
  { file: "live-probe", scope: "role", load: async () => (await import("./live-probe-I3LJ5LQV.js")).liveProbeCheck },
  { file: "permissions", scope: "role", load: async () => (await import("./permissions-QLDYUKJA.js")).permissionsCheck },
  { file: "cross-check", scope: "role", load: async () => (await import("./cross-check-P6WRSTLK.js")).crossCheck }
];
async function loadTokenChecks() {
  const checks = await Promise.all(CHECKS.filter((c) => c.scope === "token").map((c) => c.load()));
  return checks.filter((c) => c.scope === "token");
}
async function loadRoleChecks() {
  const checks = await Promise.all(CHECKS.filter((c) => c.scope === "role").map((c) => c.load()));
  return checks.filter((c) => c.scope === "role");
}

export {
  loadTokenChecks,
  loadRoleChecks
};
