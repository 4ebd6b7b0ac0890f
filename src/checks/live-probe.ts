/**
 * The live probe: sts:AssumeRoleWithWebIdentity with the real token, as configure-aws-credentials calls it
 * (https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html). The call is made by
 * src/sources/aws-sts.ts, which reads STS's answer into findings; this check reports them.
 */
import type { RoleCheck } from './check.js';

/** The live probe as the registry runs it; without GitHub's token in hand there is nothing to probe with. */
export const liveProbeCheck: RoleCheck = {
  id: 'live-probe',
  title: 'STS itself accepts the token for the role (optional: `aws-probe`).',
  decisionPoints: ['identity-provider', 'token', 'oidc-provider', 'sts-trust', 'session', 'session-policy', 'config'],
  section: 'aws',
  scope: 'role',
  needs: ['probe'],
  appliesTo: (config) => config.sources.probe && !config.settings.roleChaining,
  run: ({ probe }) => [...(probe?.findings ?? [])],
};
