/**
 * Every AWS scenario of the end-to-end tests, as data: each prepares its loopback servers and workspace, names the action
 * inputs and runner variables of its run, and states what the run must end in (enforce mode). aws-scenarios.test.ts
 * runs each in both modes and searches everything they wrote for the secrets they were handed.
 */
import { liveScenarios } from './aws-scenarios-live.js';
import { orgScenarios } from './aws-scenarios-org.js';
import { policyScenarios } from './aws-scenarios-policies.js';
import { trustScenarios } from './aws-scenarios-trust.js';
import type { AwsScenario } from './aws-world.js';

/** The passing deploy first, then the trust, session and permission causes, then the live calls. */
export const AWS_SCENARIOS: readonly AwsScenario[] = [
  ...trustScenarios,
  ...policyScenarios,
  ...liveScenarios,
  ...orgScenarios,
];
