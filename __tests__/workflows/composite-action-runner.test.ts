// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${{ }}` here is GitHub's expression syntax, as written in a workflow, not JS.
/**
 * A local composite action as the runner loads and runs it (https://github.com/actions/runner,
 * src/Runner.Worker/ActionManifestManager.cs, ActionRunner.cs, Handlers/CompositeActionHandler.cs): its file judged by
 * what the runner refuses (a top-level key it does not know is ignored), its steps given every `with:` key as
 * `inputs` (declared or not), and a finding about one of its steps named by the action file's line and the `uses:`
 * that brought it in.
 */
import { describe, expect, it } from 'vitest';
import { tokenWorkflowsOf } from '../../src/workflows/github-token/from-model.js';
import { readWorkflowModel } from '../../src/workflows/index.js';
import { runTokenCheck } from '../fixtures/github-token-workflow.js';

const ACTION = '.github/actions/setup-terraform/action.yml';
const SETVARS = '.github/actions/setvars/action.yml';
const WORKFLOW = '.github/workflows/merge_to_main_staging.yml';

/**
 * cds-snc/notification-terraform .github/actions/setup-terraform/action.yml @ c446304ce2d4694eb82edf80f6a257eac02c404b,
 * as is: it carries a workflow's `on:` and `permissions:`, which the runner ignores, and declares no `inputs:`.
 */
const SETUP_TERRAFORM = `name: "setup-terraform"

on:
  workflow_call:
    inputs:
      role_to_assume:
        description: The roll to assume when configuring AWS credentials
        required: true
        type: string
      role_session_name:
        description: The name of the session when configuring AWS credentials
        required: true
        type: string

permissions:
  id-token: write
  contents: write
  pull-requests: write

runs:
  using: "composite"
  steps:
    - name: Checkout
      uses: actions/checkout@f43a0e5ff2bd294095638e18286ca9a3d1956744 # v3.6.0

    - name: Set environment variables
      uses: ./.github/actions/setvars
      with:
        envVarFile: ./.env

    - name: Setup Terraform tools
      uses: cds-snc/terraform-tools-setup@36df0d7572a15921998170395475093c183d720a # v1.3.0
      env: # In case you want to override default versions
          CONFTEST_VERSION: 0.30.0 
          TERRAFORM_VERSION: 1.11.4
          TERRAGRUNT_VERSION: 0.77.22
          TF_SUMMARIZE_VERSION: 0.2.3                    

    - name: Setup Infrastructure Version
      # Set the GitHub tag within .github/workflows/infrastructure_version.txt to update the infrastructure
      # to a new version in production
      # See https://github.com/cds-snc/notification-terraform/releases
      # We will always do this, but staging will ignore it.
      run: |
        INFRASTRUCTURE_VERSION=\`cat ./.github/workflows/infrastructure_version.txt\`
        echo "INFRASTRUCTURE_VERSION=$INFRASTRUCTURE_VERSION" >> $GITHUB_ENV
      shell: bash

    - name: Configure credentials to Notify account using OIDC
      uses: aws-actions/configure-aws-credentials@5fd3084fc36e372ff1fff382a39b10d03659f355 # v2.2.0
      with:
        role-to-assume: \${{ inputs.role_to_assume }}
        role-session-name: \${{ inputs.role_session_name }}
        aws-region: ca-central-1

    - name: Install 1Password CLI
      run: |
        curl -o 1pass.deb https://downloads.1password.com/linux/debian/amd64/stable/1password-cli-amd64-latest.deb
        sudo dpkg -i 1pass.deb
      shell: bash
`;

/** cds-snc/notification-terraform .github/actions/setvars/action.yml (same commit). */
const SETVARS_ACTION = `name: Set environment variables
description: Configures environment variables for a workflow
inputs:
  envVarFile:
    description: Path to the .env variable file to add to the GitHub environment variables
    required: false
    default: ./.env
runs:
  using: "composite"
  steps:
    - name: Set environment variables 
      run: sed "" \${{ inputs.envVarFile }} >> $GITHUB_ENV
      shell: bash
`;

/** cds-snc/notification-terraform .github/workflows/merge_to_main_staging.yml (same commit): its first job (lines 1-56). */
const MERGE = `name: "Merge to main (Staging)"

on:
  # This will be used to dispatch this workflow from the manifest repo when environment variables change
  workflow_dispatch:
  push:
    branches:
      - main
    paths:
      - ".env"
      - "aws/**"
      - "env/staging/**"
      - "env/staging_config.tfvars"
      - "env/production/**"
      - "env/production_config.tfvars"
      - ".github/workflows/merge_to_main_staging.yml"

defaults:
  run:
    shell: bash

env:
  ACCOUNT_ID: \${{ secrets.STAGING_AWS_ACCOUNT_ID }}
  AWS_REGION: ca-central-1
  ENVIRONMENT: staging
  OP_SERVICE_ACCOUNT_TOKEN: \${{ secrets.OP_SERVICE_ACCOUNT_TOKEN_STAGING }}
  WORKFLOW: true

permissions:
  id-token: write
  contents: write
  pull-requests: write

jobs:
  
  terragrunt-apply-common:
    runs-on: ubuntu-latest  

    steps:
      - name: Checkout
        uses: actions/checkout@34e114876b0b11c390a56381ad16ebd13914f8d5 # v4.3.1

      - uses: ./.github/actions/setup-terraform
        with:
          role_to_assume: arn:aws:iam::\${{env.ACCOUNT_ID}}:role/notification-terraform-apply
          role_session_name: NotifyTerraformDevApply

      - name: Install 1Pass CLI
        run: |
          curl -o 1pass.deb https://downloads.1password.com/linux/debian/amd64/stable/1password-cli-amd64-latest.deb
          sudo dpkg -i 1pass.deb
          sudo mkdir -p aws
          cd aws
          op read op://4eyyuwddp6w4vxlabrr2i2duxm/"TERRAFORM_SECRETS_\${{env.ENVIRONMENT}}"/notesPlain > \${{env.ENVIRONMENT}}.tfvars   

      - name: terragrunt apply COMMON
        run: |
          cd env/\${{env.ENVIRONMENT}}/common
          terragrunt init -upgrade
`;

function read(action: string) {
  const files: Record<string, string> = { [WORKFLOW]: MERGE, [ACTION]: action, [SETVARS]: SETVARS_ACTION };
  return readWorkflowModel({
    workflowPaths: [WORKFLOW],
    read: (p) => files[p],
    repository: 'cds-snc/notification-terraform',
  });
}

describe('an action file is judged by what the runner refuses', () => {
  it('keys the runner ignores (`on:`, `permissions:` at the top) are no error, and the steps are expanded', async () => {
    const model = await read(SETUP_TERRAFORM);
    expect(model.errors).toEqual([]);
    const job = model.jobs[0];
    expect(job?.stepsUnread).toBeUndefined();
    const steps = job?.instances[0]?.steps ?? [];
    expect(steps.filter((s) => s.via[0]?.file === ACTION).map((s) => s.name)).toEqual([
      'Checkout',
      'Set environment variables',
      'Setup Terraform tools',
      'Setup Infrastructure Version',
      'Configure credentials to Notify account using OIDC',
      'Install 1Password CLI',
    ]);
  });

  it('nor are `branding` values or a `using` spelled in capitals, which the runner does not check', async () => {
    const action = SETUP_TERRAFORM.replace('using: "composite"', 'using: "Composite"').concat(
      'branding:\n  icon: not-an-icon\n  color: pink\n',
    );
    const model = await read(action);
    expect(model.errors).toEqual([]);
    expect(model.jobs[0]?.instances[0]?.steps.some((s) => s.via.length > 0)).toBe(true);
  });

  const refused: Array<[string, (a: string) => string, number, string]> = [
    [
      'a `using` the runner does not run',
      (a) => a.replace('using: "composite"', 'using: "node10"'),
      21,
      "'using: node10' is not supported, use 'docker', 'node12', 'node16', 'node20' or 'node24' instead.",
    ],
    ['no `runs:`', (a) => a.slice(0, a.indexOf('runs:')), 1, `Top level 'runs:' section is required for ${ACTION}`],
    [
      'no `using:`',
      (a) => a.replace('  using: "composite"\n', ''),
      21,
      "Missing 'using' value. 'using' requires 'composite', 'docker', 'node12', 'node16', 'node20' or 'node24'.",
    ],
    [
      'an unknown key inside `runs:`',
      (a) => a.replace('  using: "composite"\n', '  using: "composite"\n  colour: red\n'),
      22,
      "Unexpected value 'colour'",
    ],
  ];
  it.each(refused)('what the runner refuses is still an error: %s', async (_, edit, line, message) => {
    const model = await read(edit(SETUP_TERRAFORM));
    const errors = model.errors.map((e) => [e.code, e.position.line, e.message.replace(/^[^ ]+ /, ''), e.syntax]);
    expect(errors).toEqual([['parse-error', line, message, 'action']]);
    expect(model.errors[0]?.position.file).toBe(ACTION);
    expect(model.jobs[0]?.stepsUnread?.kind).toBe('invalid');
  });
});

describe("a composite action's inputs are every key of the step's `with:`", () => {
  it('an input the action does not declare is the value the caller passes (the runner only warns)', async () => {
    const model = await read(SETUP_TERRAFORM);
    const steps = model.jobs[0]?.instances[0]?.steps ?? [];
    const step = steps.find((s) => s.credential?.kind === 'configure-aws-credentials');
    expect(step?.position).toMatchObject({ file: ACTION, line: 49 });
    // `arn:aws:iam::${{env.ACCOUNT_ID}}:role/notification-terraform-apply`: the account is a secret not given here.
    expect(step?.with['role-to-assume']).toMatchObject({ kind: 'unknown' });
    const role = step?.with['role-to-assume'];
    const reason = role?.kind === 'unknown' ? role.reason : '';
    expect(reason).not.toMatch(/inputs\.role_to_assume/);
    expect(reason).toMatch(/STAGING_AWS_ACCOUNT_ID/);
    expect(step?.with['role-session-name']).toMatchObject({ kind: 'known', value: 'NotifyTerraformDevApply' });
  });

  it('a declared input the step does not give is its default, else the empty string', async () => {
    const action = SETUP_TERRAFORM.replace(
      'runs:',
      'inputs:\n  region:\n    default: ca-central-1\n  extra:\n    description: none given\nruns:',
    ).replace('aws-region: ca-central-1', 'aws-region: ${{ inputs.region }}\n        audience: x${{ inputs.extra }}');
    const model = await read(action);
    const steps = model.jobs[0]?.instances[0]?.steps ?? [];
    const step = steps.find((s) => s.credential?.kind === 'configure-aws-credentials');
    expect(step?.with['aws-region']).toMatchObject({ kind: 'known', value: 'ca-central-1' });
    expect(step?.with.audience).toMatchObject({ kind: 'known', value: 'x' });
    expect(step?.with['role-session-name']).toMatchObject({ kind: 'known', value: 'NotifyTerraformDevApply' });
  });
});

describe("a finding about a step of a composite action names the action's file and line", () => {
  it("the GitHub token check names the action file's line and the workflow's `uses:` that brought it in", async () => {
    const model = await read(SETUP_TERRAFORM);
    const findings = runTokenCheck(tokenWorkflowsOf(model));
    const unknown = findings.find((f) => f.id.endsWith(':unknown-actions'));
    expect(unknown?.message).toContain(
      `step 4 \`Setup Terraform tools\` (${ACTION} line 31, in \`./.github/actions/setup-terraform\` used at ${WORKFLOW} line 43)`,
    );
    expect(unknown?.location).toEqual({ file: ACTION, line: 31 });
  });
});
