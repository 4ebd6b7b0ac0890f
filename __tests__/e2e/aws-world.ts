/**
 * The world of one AWS end-to-end run: the loopback Actions token endpoint (over the shared loopback issuer), the
 * loopback IAM and STS query server that every run's AWS SDK endpoints point at, and a workspace holding the policy
 * files of __tests__/fixtures/aws-e2e/ as the deploy's repository would (AWS CLI outputs and a policy folder). The
 * fixtures name the issuer as `{{ISSUER_HOST}}`, which is replaced by the loopback issuer's `127.0.0.1:PORT`: the
 * IAM provider name, the `Federated` principal and the condition key prefix (split at its last colon) carry a port.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OidcProviderModel, RoleModel } from '../../src/model/aws.js';
import { type GitHubRun, pushToMain, startActionsTokenServer } from '../fixtures/actions-token-server.js';
import {
  type OrgPolicy,
  type OrgState,
  type PolicyServers,
  type PolicyServersOptions,
  startPolicyServers,
} from '../fixtures/aws-policy-servers.js';
import {
  type AwsQueryServer,
  type AwsQueryServerOptions,
  type IssuedCredentials,
  type SeenRequest,
  startAwsQueryServer,
} from '../fixtures/aws-query-server.js';
import type { OidcIssuer } from '../fixtures/oidc-issuer.js';
import { tempDir, writeFile } from '../fixtures/temp-files.js';
import type { ActionRun } from './harness.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures/aws-e2e', import.meta.url));
export const ACCOUNT = '111122223333';
export const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/github-deploy`;
export const BOUNDED_ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/github-deploy-bounded`;
export const KEY_ARN = `arn:aws:kms:eu-west-1:${ACCOUNT}:key/4f1c2b7e-9d3a-4e8b-a6c5-0b1d2e3f4a5b`;
/** The static credentials the live IAM reads sign with: fake, and answered by loopback only. */
export const INSPECTOR = {
  accessKeyId: 'AKIARZ7EXAMPLEINSPECT',
  secretAccessKey: 'e2eFakeSecretKey/for+loopback/only0123456789',
  arn: `arn:aws:sts::${ACCOUNT}:assumed-role/preflight-reader/ci`,
};

/** The policy files of a deploy: the account export, the role's get-role (MaxSessionDuration), the provider, SCPs. */
export const BASE_FILES = [
  'iam/account-authorization-details.json',
  'iam/get-role-github-deploy.json',
  'iam/get-open-id-connect-provider.json',
  'org',
];

/** What a static site deploy to S3 behind CloudFront does (`aws s3 sync --delete`, then an invalidation). */
export const SITE_PERMISSIONS = [
  's3:ListBucket arn:aws:s3:::acme-site-prod',
  's3:PutObject arn:aws:s3:::acme-site-prod/*',
  's3:DeleteObject arn:aws:s3:::acme-site-prod/*',
  `cloudfront:CreateInvalidation arn:aws:cloudfront::${ACCOUNT}:distribution/E2QWRUHAPOMQZL`,
];

/** [decision point, class, status] of one finding. */
export type FindingShape = readonly [string, string, 'pass' | 'fail' | 'unverified'];

export const TOKEN_OK: FindingShape = ['token', 'ok', 'pass'];
export const PROVIDER_OK: FindingShape = ['oidc-provider', 'ok', 'pass'];
export const TRUST_OK: FindingShape = ['sts-trust', 'ok', 'pass'];
export const SESSION_OK: FindingShape = ['session', 'ok', 'pass'];
export const ALLOWED: FindingShape = ['identity-policy', 'ok', 'pass'];
/** The four permissions of {@link SITE_PERMISSIONS}, each allowed. */
export const SITE_ALLOWED: readonly FindingShape[] = [ALLOWED, ALLOWED, ALLOWED, ALLOWED];

/** What the AWS server saw and issued during one run. */
export interface AwsTraffic {
  readonly requests: readonly SeenRequest[];
  readonly issued: readonly IssuedCredentials[];
  /** What the loopback Organizations, S3 and KMS server saw (`organizations:ListParents`, `s3:GetBucketPolicy`). */
  readonly policyRequests: PolicyServers['requests'];
}

/** One finished run with what the assertions need after its world is closed. */
export interface Played {
  readonly inputs: Readonly<Record<string, string>>;
  readonly run: ActionRun;
  readonly aws: AwsTraffic;
  /** Every secret handed to or issued for the run: GitHub tokens, the token request bearer, AWS keys. */
  readonly secrets: readonly string[];
  /** The secrets the action itself read or received, which it must register with `::add-mask::`. */
  readonly mustMask: readonly string[];
}

/** What a scenario must end in, in enforce mode; report mode must write the same report and exit 0. */
export interface AwsExpected {
  readonly result: 'pass' | 'fail';
  /** Every finding of the report, in order. */
  readonly findings: readonly FindingShape[];
  /** Text the job summary must hold: the explanation and the fix of the failing findings. */
  readonly summary?: readonly string[];
  /** Further outcome checks: evidence, the AWS calls made. */
  readonly check?: (played: Played) => void;
}

/** Action inputs and runner variables of one run. */
export interface AwsPrepared {
  readonly inputs: Readonly<Record<string, string>>;
  readonly env: Readonly<Record<string, string>>;
}

/** A scenario: a cause of a 401 or 403 (or a pass), prepared afresh for each run. */
export interface AwsScenario {
  readonly name: string;
  readonly expected: AwsExpected;
  prepare(world: AwsWorld): Promise<AwsPrepared>;
}

/** Options of {@link AwsWorld.deploy}. */
export interface DeployOptions {
  /** The workflow run GitHub's token describes; default a push to main of acme/api. */
  readonly run?: GitHubRun;
  /** false: the job has no `id-token: write`, so the runner sets no ACTIONS_ID_TOKEN_REQUEST_* variables. */
  readonly idToken?: boolean;
  /** The clock of the Actions token endpoint (seconds), for a token issued long ago. */
  readonly tokenNow?: () => number;
  /** Fixture paths (relative to aws-e2e/) copied to the workspace and listed in policy-files; default BASE_FILES. */
  readonly files?: readonly string[];
  /** Inputs over the deploy's (role-to-assume, aws-region, permissions, policy-files). */
  readonly inputs?: Readonly<Record<string, string>>;
  /** The loopback IAM/STS server's state and behaviour; default an account with nothing in it. */
  readonly aws?: AwsQueryServerOptions;
  /**
   * The loopback Organizations, S3 and KMS server's state; default the organization the fixture folder `org` describes
   * ({@link orgFromFixture}), with no bucket or key.
   */
  readonly policies?: PolicyServersOptions;
}

/** The servers and files of one run. */
export interface AwsWorld {
  deploy(options?: DeployOptions): Promise<AwsPrepared>;
  /** The role of the account export, as the loopback IAM serves it. */
  role(name: string): RoleModel;
  provider(clientIds: readonly string[]): OidcProviderModel;
  /** Ends the run's servers and returns what the AWS server saw. */
  close(): Promise<AwsTraffic>;
  readonly secrets: () => string[];
  readonly mustMask: () => string[];
}

/** A fixture's text with the issuer filled in. */
function fill(text: string, host: string): string {
  return text.replaceAll('{{ISSUER_HOST}}', host);
}

/** Copies fixture files and folders into `workspace`, filling in the issuer. */
function copyFixtures(files: readonly string[], workspace: string, host: string): void {
  const copy = (relative: string) => {
    const from = path.join(FIXTURES, relative);
    if (statSync(from).isDirectory()) {
      for (const entry of readdirSync(from)) copy(path.join(relative, entry));
      return;
    }
    writeFile(workspace, relative, fill(readFileSync(from, 'utf8'), host));
  };
  for (const f of files) copy(f);
}

interface RoleDetail {
  RoleName: string;
  Arn: string;
  AssumeRolePolicyDocument: unknown;
  RolePolicyList: { PolicyName: string; PolicyDocument: unknown }[];
  AttachedManagedPolicies: { PolicyName: string; PolicyArn: string }[];
  PermissionsBoundary?: { PermissionsBoundaryArn: string };
}
interface ManagedDetail {
  PolicyName: string;
  Arn: string;
  DefaultVersionId: string;
  PolicyVersionList: { VersionId: string; Document: unknown }[];
}

/** The account export's role `name`, as the live IAM server holds it (MaxSessionDuration from get-role: 7200). */
function roleFromExport(name: string, host: string): RoleModel {
  const text = fill(readFileSync(path.join(FIXTURES, 'iam/account-authorization-details.json'), 'utf8'), host);
  const details = JSON.parse(text) as { RoleDetailList: RoleDetail[]; Policies: ManagedDetail[] };
  const role = details.RoleDetailList.find((r) => r.RoleName === name);
  if (!role) throw new Error(`no role ${name} in the account export`);
  const managed = (arn: string) => {
    const p = details.Policies.find((x) => x.Arn === arn);
    const document = p?.PolicyVersionList.find((v) => v.VersionId === p.DefaultVersionId)?.Document;
    if (!p || !document) throw new Error(`no managed policy ${arn} in the account export`);
    return { name: p.PolicyName, arn, document };
  };
  const boundary = role.PermissionsBoundary?.PermissionsBoundaryArn;
  return {
    arn: role.Arn,
    name,
    accountId: ACCOUNT,
    maxSessionDuration: 7200,
    trustPolicy: { name: `${name}/trust`, document: role.AssumeRolePolicyDocument },
    inlinePolicies: role.RolePolicyList.map((p) => ({
      name: `${name}/inline/${p.PolicyName}`,
      document: p.PolicyDocument,
    })),
    managedPolicies: role.AttachedManagedPolicies.map((a) => managed(a.PolicyArn)),
    ...(boundary ? { permissionsBoundary: managed(boundary) } : {}),
  };
}

interface DescribedPolicy {
  Policy: {
    PolicySummary: { Id: string; Arn: string; Name: string; Type: OrgPolicy['type']; AwsManaged: boolean };
    Content: string;
  };
}

/**
 * The organization a fixture folder of describe-policy outputs describes (`org/0-root`, …, `org/N-account`): its
 * first level is the root `r-e2e0`, its last the account, those between OUs; the policies attached as the folders say.
 */
export function orgFromFixture(folder: string): OrgState {
  const dir = path.join(FIXTURES, folder);
  const levels = readdirSync(dir).sort();
  const targets = levels.map((_, i) => (i === 0 ? 'r-e2e0' : i === levels.length - 1 ? ACCOUNT : `ou-e2e0-level${i}`));
  const policies = new Map<string, OrgPolicy>();
  const attached: Record<string, string[]> = {};
  levels.forEach((level, i) => {
    for (const file of readdirSync(path.join(dir, level)).sort()) {
      const { Policy } = JSON.parse(readFileSync(path.join(dir, level, file), 'utf8')) as DescribedPolicy;
      const s = Policy.PolicySummary;
      policies.set(s.Id, {
        id: s.Id,
        name: s.Name,
        arn: s.Arn,
        type: s.Type,
        awsManaged: s.AwsManaged,
        content: JSON.parse(Policy.Content),
      });
      const target = targets[i] ?? '';
      attached[target] = [...(attached[target] ?? []), s.Id];
    }
  });
  const parents = Object.fromEntries(targets.slice(1).map((t, i) => [t, targets[i] ?? '']));
  return { managementAccount: '999988887777', parents, policies: [...policies.values()], attached };
}

/** Creates the world of one run over the shared issuer. */
export function createAwsWorld(issuer: OidcIssuer): AwsWorld {
  const host = new URL(issuer.issuer).host;
  const closers: (() => Promise<void>)[] = [];
  const issuedTokens: (() => readonly string[])[] = [];
  const secrets: string[] = [INSPECTOR.secretAccessKey];
  let server: AwsQueryServer | undefined;
  let policyServer: PolicyServers | undefined;
  return {
    async deploy(options = {}) {
      const inputs: Record<string, string> = {
        'oidc-issuer': issuer.issuer,
        'role-to-assume': ROLE_ARN,
        'aws-region': 'eu-west-1',
        permissions: SITE_PERMISSIONS.join('\n'),
        // The site bucket has no bucket policy (the fixtures' org folders hold the SCPs and RCPFullAWSAccess).
        'no-resource-policy': 'arn:aws:s3:::acme-site-prod',
      };
      const run = options.run ?? pushToMain();
      // The runner's default variables that describe the run (the token's claims say the same).
      const env: Record<string, string> = {
        GITHUB_ACTIONS: 'true',
        GITHUB_EVENT_NAME: run.eventName,
        GITHUB_JOB: 'deploy',
        GITHUB_REF: run.ref,
        GITHUB_REPOSITORY: `${run.owner}/${run.repo}`,
      };
      if (options.idToken !== false) {
        const tokens = await startActionsTokenServer({
          issuer,
          run,
          ...(options.tokenNow ? { now: options.tokenNow } : {}),
        });
        closers.push(() => tokens.close());
        issuedTokens.push(() => tokens.issued);
        secrets.push(tokens.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
        Object.assign(env, tokens.env);
      }
      const files = options.files ?? BASE_FILES;
      if (files.length > 0) {
        const workspace = tempDir();
        copyFixtures(files, workspace, host);
        env.GITHUB_WORKSPACE = workspace;
        inputs['policy-files'] = files.join('\n');
      }
      server = await startAwsQueryServer({ inspector: INSPECTOR, ...options.aws });
      closers.push(() => (server as AwsQueryServer).close());
      policyServer = await startPolicyServers(options.policies ?? { org: orgFromFixture('org') });
      closers.push(() => (policyServer as PolicyServers).close());
      const nowhere = path.join(tempDir(), 'no-such-file');
      Object.assign(env, {
        AWS_ENDPOINT_URL_IAM: server.endpoint,
        AWS_ENDPOINT_URL_STS: server.endpoint,
        AWS_ENDPOINT_URL_ORGANIZATIONS: policyServer.endpoint,
        AWS_ENDPOINT_URL_S3: policyServer.endpoint,
        AWS_ENDPOINT_URL_KMS: policyServer.endpoint,
        AWS_ACCESS_KEY_ID: INSPECTOR.accessKeyId,
        AWS_SECRET_ACCESS_KEY: INSPECTOR.secretAccessKey,
        AWS_EC2_METADATA_DISABLED: 'true',
        // Never the developer's own AWS configuration.
        AWS_CONFIG_FILE: nowhere,
        AWS_SHARED_CREDENTIALS_FILE: nowhere,
      });
      return { inputs: { ...inputs, ...options.inputs }, env };
    },
    role: (name) => roleFromExport(name, host),
    provider: (clientIds) => ({ arn: `arn:aws:iam::${ACCOUNT}:oidc-provider/${host}`, url: host, clientIds }),
    secrets: () => [
      ...secrets,
      ...issuedTokens.flatMap((t) => t()),
      ...(server?.issued ?? []).flatMap((c) => [c.accessKeyId, c.secretAccessKey, c.sessionToken]),
    ],
    mustMask: () => [
      ...issuedTokens.flatMap((t) => t()),
      ...(server?.issued ?? []).flatMap((c) => [c.accessKeyId, c.secretAccessKey, c.sessionToken]),
    ],
    async close() {
      const traffic = {
        requests: [...(server?.requests ?? [])],
        issued: [...(server?.issued ?? [])],
        policyRequests: [...(policyServer?.requests ?? [])],
      };
      await Promise.all(closers.splice(0).map((close) => close()));
      return traffic;
    },
  };
}
