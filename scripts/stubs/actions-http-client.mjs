// Stands in for @actions/http-client in dist/. @actions/core imports it only for getIDToken (oidc-utils), which
// this project never calls: src/sources/github-oidc.ts speaks the token protocol itself, time-bounded. The real
// module loads undici and tunnel at start-up, about 37 ms of the action's cold start (measured, median of 25).
// Anything that does reach it fails loudly instead of silently.
/** @param {string} name */
const unavailable = (name) =>
  class {
    constructor() {
      throw new Error(`${name} is not bundled in permission-preflight (see scripts/stubs/actions-http-client.mjs)`);
    }
  };
export const HttpClient = unavailable('@actions/http-client HttpClient');
export const BearerCredentialHandler = unavailable('@actions/http-client BearerCredentialHandler');
