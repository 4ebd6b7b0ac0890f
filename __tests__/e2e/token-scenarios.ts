/**
 * The token scenarios, as data: each prepares loopback servers and tokens, names the action inputs and runner
 * variables of the run, and states what the run must end in. `tokens.test.ts` runs each once, asserts the outcome,
 * runs the decode CLI on each token it handed over, and searches all they wrote for the tokens. Tokens are minted at
 * test time by the loopback issuer; nothing here is a real credential.
 */

import type { Scenario } from './scenario-world.js';
import { bearerScenarios, otherScenarios } from './scenarios-bearer.js';
import { githubScenarios } from './scenarios-github.js';

export { createWorld, type Prepared, type Scenario } from './scenario-world.js';

/** Every scenario, in the order the issue lists them. */
export const SCENARIOS: readonly Scenario[] = [...githubScenarios, ...bearerScenarios, ...otherScenarios];
