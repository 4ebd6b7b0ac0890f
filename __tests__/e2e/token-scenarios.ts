/**
 * The token scenarios of the end-to-end tests, as data: each prepares loopback servers and tokens, names the action inputs and
 * runner variables of the run, and states what the run must end in. `tokens.test.ts` runs each and asserts the
 * outcome; `leak.test.ts` runs every one again, with the decode CLI on each token, and searches all they wrote for
 * the tokens. Tokens are minted at test time by the loopback issuer; nothing here is a real credential.
 */

import type { Scenario } from './scenario-world.js';
import { bearerScenarios, otherScenarios } from './scenarios-bearer.js';
import { githubScenarios } from './scenarios-github.js';

export { createWorld, type Prepared, type Scenario } from './scenario-world.js';

/** Every token scenario: GitHub OIDC, then bearer tokens, then the rest. */
export const SCENARIOS: readonly Scenario[] = [...githubScenarios, ...bearerScenarios, ...otherScenarios];
