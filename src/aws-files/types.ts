/**
 * The pieces the AWS files source passes between its steps: each file is read into fragments
 * (`./parse.ts`, `./shapes.ts`), and the fragments of all files are joined into the inventory
 * (`./assemble.ts`). Types only.
 */
import type { PolicyDocument } from '../model/aws.js';
import type { Finding } from '../model/finding.js';
import type { DeferredPolicy } from './documents.js';

/** The shapes recognised, by the command that prints them (`policy-document` and `resource-policy` are files). */
export type AwsFileShape =
  | 'get-account-authorization-details'
  | 'get-role'
  | 'get-role-policy'
  | 'get-policy'
  | 'get-policy-version'
  | 'get-open-id-connect-provider'
  | 'list-open-id-connect-providers'
  | 'describe-policy'
  | 'list-policies-for-target'
  | 'list-parents'
  | 'resource-policy'
  | 'policy-document';

/** An organization level an SCP or RCP is attached at: its order (0 = root) and the folder that names it. */
export interface OrgLevel {
  readonly order: number;
  readonly name: string;
}

/** Role settings: what `get-role` prints, or a folder's `role.json`. */
export interface RoleSettings {
  readonly arn: string;
  readonly name: string;
  /** The role's unique ID (`RoleId`, `AROA…`), when the file gives it. */
  readonly roleId?: string;
  readonly maxSessionDuration?: number;
  readonly trustPolicy?: PolicyDocument;
  readonly boundaryArn?: string;
  readonly tags?: Readonly<Record<string, string>>;
}

/** A role as one file describes it; absent fields are not known from that file. */
export interface RoleFragment extends RoleSettings {
  readonly kind: 'role';
  readonly source: 'get-account-authorization-details' | 'get-role' | 'policy folder';
  readonly file: string;
  readonly inlinePolicies?: readonly PolicyDocument[];
  /** ARNs of attached managed policies, whose documents come from a `Policies` list or a get-policy-version. */
  readonly attachedPolicyArns?: readonly string[];
  /** Managed policy documents given directly (the policy folder). */
  readonly managedPolicies?: readonly PolicyDocument[];
  readonly permissionsBoundary?: PolicyDocument;
}

/** The parts of a role folder (`roles/<name>/…` in the policy folder). */
export type RolePart = 'role' | 'trust' | 'inline' | 'managed' | 'boundary';

/** One file of a role folder: `role.json` gives settings, the others a policy. */
export type RolePartFragment = {
  readonly kind: 'role-part';
  /** The role folder, as findings name it. */
  readonly roleDir: string;
  readonly roleName: string;
  readonly file: string;
} & (
  | { readonly part: 'role'; readonly settings: RoleSettings }
  | { readonly part: Exclude<RolePart, 'role'>; readonly policy: PolicyDocument }
);

/** A piece of the inventory read from one file. */
export type Fragment =
  | RoleFragment
  | RolePartFragment
  | { readonly kind: 'inline-policy'; readonly roleName: string; readonly policy: PolicyDocument }
  | {
      readonly kind: 'managed-policy';
      readonly arn: string;
      /** The policy's name and the file it is in, known before its document is read. */
      readonly name: string;
      readonly file: string;
      /** Its document, read now or on first use (the Policies list of a large export). */
      readonly read: DeferredPolicy;
    }
  | {
      readonly kind: 'oidc-provider';
      readonly file: string;
      readonly line: number;
      readonly url: string;
      readonly clientIds: readonly string[];
      readonly thumbprints: readonly string[];
    }
  | { readonly kind: 'oidc-provider-arn'; readonly arn: string; readonly file: string }
  /** A list-open-id-connect-providers output was read, even one that lists nothing. */
  | { readonly kind: 'oidc-provider-list'; readonly file: string; readonly arns: readonly string[] }
  | {
      readonly kind: 'org-policy';
      readonly type: 'scp' | 'rcp';
      readonly level: OrgLevel | undefined;
      readonly policy: PolicyDocument;
    }
  /** A list-policies-for-target output: the policies attached at one level (./org-listings.ts). */
  | {
      readonly kind: 'org-listing';
      readonly file: string;
      readonly type: 'scp' | 'rcp';
      readonly level: OrgLevel;
      /** The target, when the level folder's name gives it (`1-ou-ab12-cdef3456`). */
      readonly target?: string | undefined;
      readonly policyIds: readonly string[];
    }
  /** A list-parents output: the one parent of `child` (its file's name gives the child). */
  | {
      readonly kind: 'org-parent';
      readonly file: string;
      readonly child: string;
      readonly parent: string;
      readonly root: boolean;
    }
  /** An SCP or RCP file that could not be read: its layer is not read, though other files of it were. */
  | { readonly kind: 'org-policy-unread'; readonly types: readonly ('scp' | 'rcp')[] }
  | {
      readonly kind: 'resource-policy';
      readonly resourceArn: string;
      readonly accountId?: string;
      readonly policy: PolicyDocument;
    }
  | { readonly kind: 'authorization-details-page'; readonly file: string; readonly truncated: boolean };

/**
 * What a file is read for. With `roleArns`, the roles of a get-account-authorization-details output that are not
 * among them are read for their ARN, name and settings only: their documents are decoded (and their lines looked
 * up) on first use, which a run never makes, and problems in them are not reported (they cannot change what the run
 * checks). Managed policies of its `Policies` list are read on first use too: `./assemble.ts` reads those the
 * checked roles use, and reports their problems. Without `roleArns`, everything is read, and reported, at once.
 */
export interface ReadScope {
  readonly roleArns?: readonly string[] | undefined;
}

/** Where fragments and findings are gathered while a file is read. */
export interface Collector {
  readonly fragments: Fragment[];
  readonly findings: Finding[];
}
