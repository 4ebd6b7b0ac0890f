// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${{ }}` here is GitHub's expression syntax, as written in a workflow, not JS.
/**
 * A local action's `action.yml` read with GitHub's parser: what the runner does not require (`name`, `description`)
 * is not an error, anything else against the schema still is; a file's error links the syntax it breaks
 * (https://docs.github.com/en/actions/reference/workflows-and-actions/metadata-syntax for an action,
 * .../workflow-syntax for a workflow).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { predictWorkflows } from '../../src/pipeline/workflows.js';
import { loadCatalog } from '../../src/sources/catalog.js';
import { readWorkflowModel } from '../../src/workflows/index.js';
import { removeTempDirs, tempDir, writeFile } from '../fixtures/temp-files.js';

afterAll(removeTempDirs);

const ACTION = '.github/workflows/get-version/action.yml';
const WORKFLOW = '.github/workflows/terragrunt-plan-production.yml';

/** cds-snc/forms-terraform .github/workflows/get-version/action.yml @ d9e398e7a48be52e469ee94214ca8510eed0eed6. */
const GET_VERSION = `name: Get infrastructure version to deploy

inputs:
  is-tagged:
    description: "Is this for the release of a tagged version?  This action will wait for the tag to exist if so."
    required: true
outputs:
  version:
    description: "Infrastructure version to deploy"
    value: \${{ steps.output-version.outputs.version }}

runs:
  using: "composite"
  steps:
    - name: Get version, release PR branch
      if: inputs.is-tagged == 'false' && startsWith(github.head_ref, 'release-please--')
      env:
        GITHUB_HEAD_REF: \${{ github.head_ref }}
      run: echo "version=$GITHUB_HEAD_REF" >> $GITHUB_ENV
      shell: bash

    - name: Output version
      id: output-version
      run: echo "version=\${{ env.version }}" >> $GITHUB_OUTPUT
      shell: bash
`;

/** The job of cds-snc/forms-terraform .github/workflows/terragrunt-plan-production.yml (same commit) that uses it. */
const PLAN = `name: "Terragrunt plan PRODUCTION"
on:
  pull_request:
    branches:
      - "main"
jobs:
  get-version:
    runs-on: ubuntu-latest
    outputs:
      version: \${{ steps.get-version.outputs.version }}
    steps:
      - name: Checkout
        uses: actions/checkout@11d5960a326750d5838078e36cf38b85af677262 # v4.4.0

      - name: Get version to deploy
        id: get-version
        uses: ./.github/workflows/get-version
        with:
          is-tagged: \${{ !startsWith(github.head_ref, 'release-please--') }}
`;

function read(files: Record<string, string>) {
  return readWorkflowModel({ workflowPaths: [WORKFLOW], read: (p) => files[p], repository: 'cds-snc/forms-terraform' });
}

describe('an action file without description', () => {
  it("cds-snc/forms-terraform's get-version (no description) is read without error, its steps expanded", async () => {
    const model = await read({ [WORKFLOW]: PLAN, [ACTION]: GET_VERSION });
    expect(model.errors).toEqual([]);
    const steps = model.jobs[0]?.instances[0]?.steps ?? [];
    expect(steps.filter((s) => s.via.length > 0).map((s) => [s.via[0]?.file, s.position.line])).toEqual([
      [ACTION, 15],
      [ACTION, 22],
    ]);
  });

  it('nor without name', async () => {
    const model = await read({ [WORKFLOW]: PLAN, [ACTION]: GET_VERSION.replace(/^name: .*\n/, '') });
    expect(model.errors).toEqual([]);
  });

  it('what the runner refuses is still an error (runs missing), a top-level key it ignores is not', async () => {
    const noRuns = GET_VERSION.slice(0, GET_VERSION.indexOf('runs:'));
    const model = await read({ [WORKFLOW]: PLAN, [ACTION]: `${noRuns}colour: red\n` });
    expect(model.errors.map((e) => [e.code, e.message.replace(/^[^ ]+ /, ''), e.syntax])).toEqual([
      ['parse-error', `Top level 'runs:' section is required for ${ACTION}`, 'action'],
    ]);
  });
});

describe('the link of a file that could not be read', () => {
  const repository = {
    owner: 'cds-snc',
    name: 'forms-terraform',
    immutableSubject: false,
    subjectTemplate: { keys: 'default' as const, source: 'test' },
  };

  it("an action file's error links GitHub's metadata syntax, a workflow's its workflow syntax", async () => {
    const root = tempDir();
    writeFile(root, WORKFLOW, PLAN);
    writeFile(root, ACTION, GET_VERSION.replace('using: "composite"', 'using: "node10"'));
    writeFile(root, '.github/workflows/broken.yml', `${PLAN}  other:\n    runs-on: ubuntu-latest\n    step: []\n`);
    const { findings } = await predictWorkflows({ root, repository, policyFiles: [], loadCatalog });
    const notRead = findings.filter((f) => f.id.startsWith('predict:not-read:'));
    expect(notRead.map((f) => [f.location?.file, f.docUrl])).toEqual([
      [
        '.github/workflows/broken.yml',
        'https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax',
      ],
      [ACTION, 'https://docs.github.com/en/actions/reference/workflows-and-actions/metadata-syntax'],
      // The job that uses the refused action, by name (GitHub fails its step when it loads the action).
      [WORKFLOW, 'https://docs.github.com/en/actions/reference/workflows-and-actions/metadata-syntax'],
    ]);
    expect(notRead.map((f) => f.subject)).toEqual([
      'the workflows',
      'the workflows',
      `job \`get-version\` (${WORKFLOW})`,
    ]);
  });
});
