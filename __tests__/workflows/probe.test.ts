import { it } from 'vitest';
import { readWorkflowModel } from '../../src/workflows/index.js';
it('probe', async () => {
  const files: Record<string, string> = {
    '.github/workflows/a.yml': `on:
  push:
    branches: [main]
  pull_request:
  workflow_dispatch:
    inputs:
      env:
        type: choice
        options: [dev, prod]
permissions:
  id-token: write
jobs:
  a:
    runs-on: ubuntu-latest
    if: github.event_name != 'pull_request' || github.event.pull_request.head.repo.fork == false
    environment: \${{ inputs.env || 'dev' }}
    strategy:
      matrix:
        x: [1, 2]
        include:
          - x: 2
            role: two
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        if: github.event_name != 'schedule'
        with:
          role-to-assume: arn:aws:iam::\${{ vars.ACC }}:role/x-\${{ matrix.x }}
          aws-region: us-east-1
      - run: |
          echo hi
      - uses: ./.github/actions/dep
        with:
          role: \${{ secrets.R }}
  b:
    uses: ./.github/workflows/r.yml
    with:
      e: prod
`,
    '.github/workflows/r.yml': `on:
  workflow_call:
    inputs:
      e:
        type: string
jobs:
  d:
    runs-on: ubuntu-latest
    environment: \${{ inputs.e }}
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::1:role/\${{ inputs.e }}
`,
    '.github/actions/dep/action.yml': `name: dep
inputs:
  role:
    required: true
runs:
  using: composite
  steps:
    - uses: aws-actions/configure-aws-credentials@main
      with:
        role-to-assume: \${{ inputs.role }}
        role-chaining: true
`,
  };
  const m = await readWorkflowModel({ workflowPaths: ['.github/workflows/a.yml'], read: (p) => files[p], vars: { ACC: '123' } });
  console.log(JSON.stringify(m.errors, null, 1));
  for (const j of m.jobs) {
    console.log(j.file, j.id, j.deploy, j.instances.length, JSON.stringify(j.calls));
    for (const i of j.instances) console.log('  ', i.trigger.eventName, i.trigger.fork, JSON.stringify(i.matrix), JSON.stringify(i.inputs), i.runs.kind, JSON.stringify(i.environment?.name), i.credentialSteps.map((s) => JSON.stringify([s.runs.kind, s.credential?.kind === 'configure-aws-credentials' ? [s.credential.settings.roleToAssume, s.credential.chains] : s.credential, s.via.length])).join(' | '));
  }
  console.log(JSON.stringify(m.jobs[0]?.instances[0]?.steps[1]?.run));
});
