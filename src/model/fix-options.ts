/**
 * How a fix names the settings of the command that shows it: the action's inputs and the configuration file's keys
 * (which `check` reads too), or `predict`'s flags (docs/predict.md). A fix never names another command's settings.
 */
export interface FixOptions {
  /** Where policy files are given. */
  readonly policyFiles: string;
  /** How live IAM reads are turned on; absent where the command has none (predict reads policy files only). */
  readonly liveReads?: string;
  /** How the roles' accounts are declared in no organization (no SCP or RCP applies). */
  readonly organizationsNone: string;
  /** How a resource is declared to have no resource-based policy. */
  readonly noResourcePolicy: string;
  /**
   * Where permission lines are declared for a role; absent where the command reads none (predict): its fix then names
   * the command that does.
   */
  readonly permissionLines?: string;
}

/** The action's inputs, and the configuration file's keys (which `check` reads). */
export const ACTION_FIX_OPTIONS: FixOptions = {
  policyFiles: '`policy-files`',
  liveReads: '`aws-live-reads: true` (the input; `live-reads: true` under `aws:` in the configuration file)',
  organizationsNone: '`organizations: none`',
  noResourcePolicy: '`no-resource-policy`',
  permissionLines: 'the configuration (`aws.roles[].permissions`, or the `permissions` input)',
};

/** `predict`'s flags (src/commands/predict.ts). */
export const PREDICT_FIX_OPTIONS: FixOptions = {
  policyFiles: '`--policy-files`',
  organizationsNone: '`--organizations none`',
  noResourcePolicy: '`--no-resource-policy ARN`',
};
