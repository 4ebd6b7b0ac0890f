// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${...}` here is shell or a GitHub expression, not JS.
/**
 * The forms in which a shell runs a command it is given as text or on a stream (src/workflows/calls/shell.ts,
 * wrappers.ts, cli.ts `stdinOf`), a container that runs the AWS CLI, the shell a step runs in when it names none,
 * and code in a shell or an interpreter the preflight does not read (tools.ts). Each is read as the command it runs,
 * or reported; never passed over. The lines follow the examples of the pages named at each test.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/sources/catalog.js';
import { type CallContext, inferStepCalls } from '../../src/workflows/calls/index.js';
import { DEFAULT_CALL_LIMITS } from '../../src/workflows/calls/model.js';
import { readShell } from '../../src/workflows/calls/shell.js';
import { readWorkflowModel } from '../../src/workflows/index.js';
import { literal, runStep, unknown, uses } from '../fixtures/steps/run-step.js';

const catalog = await loadCatalog();
const CONTEXT: CallContext = { region: 'eu-west-1', account: '111122223333' };
const infer = (script: string, shell?: string) => inferStepCalls(runStep(script, {}, shell), catalog, CONTEXT);
const lines = (script: string, shell?: string) => infer(script, shell).permissions.map((p) => p.line);
const kinds = (script: string, shell?: string) => infer(script, shell).notInferred.map((n) => n.kind);
const POLICY = ['s3:PutBucketPolicy arn:aws:s3:::acme-www'];
const PUT = 'aws s3api put-bucket-policy --bucket acme-www --policy file://policy.json';

describe('a shell runs a command given as text (bash manual: eval, Here Strings, Process Substitution, Aliases)', () => {
  it('eval runs its arguments joined by spaces, quoted or not', () => {
    expect(lines(`eval "${PUT}"`)).toEqual(POLICY);
    expect(lines(`eval ${PUT}`)).toEqual(POLICY);
    // Its unknown parts stay unknown parts of the command it runs; a string that is all unknown is reported.
    expect(lines('eval "aws s3 rm s3://$BUCKET/old --recursive"')).toEqual([
      's3:ListBucket arn:aws:s3:::*',
      's3:DeleteObject arn:aws:s3:::*/old/*',
    ]);
    expect(kinds('eval "$DEPLOY"')).toEqual(['dynamic-command']);
    expect(kinds('eval "$(pyenv init -)"')).toEqual(['dynamic-command']);
    // Its subject is the command as written, not the `*` an expansion stands as.
    expect(infer('eval "$(pyenv init -)"').notInferred.map((n) => n.what)).toEqual(['$(pyenv init -)']);
    // https://man.openbsd.org/ssh-agent: `-s` prints only the commands that set the agent's variables.
    expect(kinds('eval "$(ssh-agent -s)"')).toEqual([]);
    expect(kinds('eval `ssh-agent -s`')).toEqual([]);
    expect(kinds('eval "$(ssh-agent -s)" && eval "$(pyenv init -)"')).toEqual(['dynamic-command']);
    expect(kinds('eval "$(ssh-agent -s) $EXTRA"')).toEqual(['dynamic-command']);
    expect(infer(`sh -c 'aws "$0" cp a s3://b/a'`).notInferred.map((n) => n.what)).toEqual(['aws $0 cp a s3://b/a']);
  });

  it('a shell reading its program from a pipe runs what the command before writes', () => {
    expect(lines(`echo "${PUT}" | bash`)).toEqual(POLICY);
    expect(lines(`printf '%s\\n' "${PUT}" | sudo sh -e`)).toEqual(POLICY);
    expect(lines(`cat <<'EOF' | bash\n${PUT}\nEOF`)).toEqual(POLICY);
    expect(lines(`echo "${PUT}" |\n  bash`)).toEqual(POLICY);
    expect(lines(`echo "${PUT}" |& bash`)).toEqual(POLICY);
    // Output not known before the run: reported, as a command string that is an expression is.
    expect(kinds('curl -fsSL https://example.com/deploy.sh | bash')).toEqual(['dynamic-command']);
    // A pipe into a program that is not a shell, `||` and a shell given its own script are not.
    expect(infer(`echo "${PUT}" | tee out.txt`).notInferred).toEqual([]);
    expect(infer(`false || bash -c "echo ${PUT}"`).permissions).toEqual([]);
    expect(kinds(`echo "${PUT}" | bash ./deploy.sh`)).toEqual(['script-file']);
  });

  it('a here-string is the standard input, read as a here-document is', () => {
    expect(lines(`bash <<< "${PUT}"`)).toEqual(POLICY);
    expect(lines("sh <<< 'aws s3 ls s3://acme-www'")).toEqual(['s3:ListBucket arn:aws:s3:::acme-www']);
    expect(lines('bash <<< "aws s3 ls s3://$BUCKET"')).toEqual(['s3:ListBucket arn:aws:s3:::*']);
    expect(kinds('python3 <<< "import boto3; boto3.client(\'s3\').list_buckets()"')).toEqual(['opaque-tool']);
    // Data for a program that does not run it stays data.
    expect(infer(`grep -c s3 <<< "${PUT}"`).notInferred).toEqual([]);
  });

  it('source, . and a shell given a process substitution run its output', () => {
    expect(lines(`source <(echo "${PUT}")`)).toEqual(POLICY);
    expect(lines(`. <(printf '%s\\n' "${PUT}")`)).toEqual(POLICY);
    expect(lines(`bash <(echo "${PUT}")`)).toEqual(POLICY);
    expect(lines(`bash < <(echo "${PUT}")`)).toEqual(POLICY);
    expect(kinds('source <(curl -s https://example.com/env)')).toEqual(['dynamic-command']);
    // The commands inside are read as commands, as those of $(...) are.
    expect(lines('diff <(aws s3 ls s3://acme-www) expected.txt')).toEqual(['s3:ListBucket arn:aws:s3:::acme-www']);
  });

  it('a shell reading a script file on its standard input runs that script', () => {
    expect(kinds('bash < scripts/deploy.sh')).toEqual(['script-file']);
  });

  it('an alias is read as its text, with or without shopt -s expand_aliases', () => {
    expect(
      lines(`shopt -s expand_aliases\nalias a=aws\na s3api put-bucket-policy --bucket acme-www --policy x`),
    ).toEqual(POLICY);
    expect(lines(`alias s3put='aws s3api put-bucket-policy --bucket'\ns3put acme-www --policy x`)).toEqual(POLICY);
    expect(lines(`alias a='cd site && aws'\na s3 ls s3://acme-www`)).toEqual(['s3:ListBucket arn:aws:s3:::acme-www']);
    expect(kinds('alias a="$AWS_BIN"\na s3 ls')).toEqual(['dynamic-command']);
    // An alias does not expand within itself; unalias removes it.
    expect(infer('alias ls="ls -la"\nls').notInferred).toEqual([]);
    expect(infer('alias a=aws\nunalias a\na s3api put-bucket-policy --bucket acme-www').permissions).toEqual([]);
  });

  it('ANSI-C quoting is decoded as bash does', () => {
    expect(lines(`$'aws' s3api put-bucket-policy --bucket acme-www --policy x`)).toEqual(POLICY);
    expect(lines(`$'\\x61ws' s3api put-bucket-policy --bucket $'acme\\055www' --policy x`)).toEqual(POLICY);
    expect(lines(`$'\\141ws' s3api put-bucket-policy --bucket acme-www --policy x`)).toEqual(POLICY);
    // In double quotes `$'` is text.
    const [command] = readShell(`echo "$'x'"`, new Map(), DEFAULT_CALL_LIMITS).commands;
    expect(command?.words.map((w) => w.value)).toEqual(['echo', "$'x'"]);
  });

  it('a pattern as the program is known only when the shell expands it: reported', () => {
    expect(kinds('/usr/local/bin/aw? s3api put-bucket-policy --bucket acme-www')).toEqual(['dynamic-command']);
    expect(kinds('/usr/local/bin/a[w]s s3 ls')).toEqual(['dynamic-command']);
    // The test command, and the patterns of a case statement, are not programs.
    expect(infer('[ -f x ] && [[ -d y ]]').notInferred).toEqual([]);
    expect(infer('case "$ENV" in\n  prod*) echo p ;;\n  *) echo other ;;\nesac').notInferred).toEqual([]);
    expect(lines('case "$ENV" in\n  prod) aws s3 ls s3://acme-www ;;\nesac')).toEqual([
      's3:ListBucket arn:aws:s3:::acme-www',
    ]);
  });
});

describe('[[ … ]] and (( … )) are one command each (bash manual: Conditional Constructs, the (( )) and [[ ]] compound commands)', () => {
  it("|| and == inside [[ ]] are the expression's, not a list: no command is made of them (CMSgov/cdap tftesting-ecs-stack.yml, 232f805, line 74)", () => {
    const script = [
      'TASK_ARN=$(aws ecs list-tasks --cluster prod --service-name a --desired-status RUNNING --query "taskArns[0]" --output text)',
      'if [[ -z "$TASK_ARN" || "$TASK_ARN" == "None" ]]; then',
      '  echo "ERROR: No running tasks found"',
      '  exit 1',
      'fi',
    ].join('\n');
    expect(kinds(script)).toEqual([]);
    expect(lines(script)).toEqual(['ecs:ListTasks arn:aws:ecs:eu-west-1:111122223333:container-instance/prod/*']);
    expect(lines('[[ -f done ]] || aws s3 rb s3://acme-old')).toEqual(['s3:DeleteBucket arn:aws:s3:::acme-old']);
    expect(lines('[[ a < b && ( c > d ) ]] && aws s3 rb s3://acme-old')).toEqual([
      's3:DeleteBucket arn:aws:s3:::acme-old',
    ]);
  });

  it('< inside (( )) compares, it redirects nothing (cds-snc/notification-terraform terragrunt_plan_production.yml, c446304, line 64)', () => {
    const script = [
      'PLAN_SIZE=$(wc -m < /var/tmp/output.txt)',
      'if (( $PLAN_SIZE < 60000 )); then',
      '  PLAN_OUTPUT=$(cat /var/tmp/output.txt)',
      'fi',
    ].join('\n');
    expect(infer(script)).toEqual({ permissions: [], notInferred: [] });
    expect(lines('for (( i=0; i<3; i++ )); do aws s3 rb s3://acme-$i; done')).toEqual([
      's3:DeleteBucket arn:aws:s3:::acme-*',
    ]);
  });

  it('a command substitution inside either still runs, and is read', () => {
    expect(lines('[[ $(aws s3 ls s3://acme-www) ]] && echo found')).toEqual(['s3:ListBucket arn:aws:s3:::acme-www']);
    expect(lines('(( $(aws s3 ls s3://acme-www | wc -l) > 0 ))')).toEqual(['s3:ListBucket arn:aws:s3:::acme-www']);
  });
});

describe('a command name with a slash is a file the shell runs (bash manual: Command Search and Execution)', () => {
  it('scripts/tofu-plan runs the file as ./scripts/tofu-plan does: a script not read (CMSgov/cdap tofu-plan.yml, 232f805, line 42)', () => {
    expect(kinds('scripts/tofu-plan')).toEqual(['script-file']);
    expect(kinds('tools/bin/deploy --prod')).toEqual(['script-file']);
    expect(kinds('./scripts/tofu-plan')).toEqual(['script-file']);
  });
});

describe('a container that runs the AWS CLI (AWS CLI user guide, "Using the official AWS CLI version 2 Docker image")', () => {
  it('docker run of the AWS CLI image runs aws with the arguments after the image', () => {
    expect(lines('docker run --rm -it -v ~/.aws:/root/.aws amazon/aws-cli s3 ls s3://acme-www')).toEqual([
      's3:ListBucket arn:aws:s3:::acme-www',
    ]);
    expect(
      lines(
        'docker run --rm -e AWS_ACCESS_KEY_ID -e AWS_SECRET_ACCESS_KEY -e AWS_SESSION_TOKEN amazon/aws-cli s3api put-bucket-policy --bucket acme-www --policy x',
      ),
    ).toEqual(POLICY);
    expect(
      lines('docker container run --rm --env=AWS_REGION public.ecr.aws/aws-cli/aws-cli:2.15.0 s3 ls s3://acme-www'),
    ).toEqual(['s3:ListBucket arn:aws:s3:::acme-www']);
  });

  it('an --entrypoint is the program, and a container given aws as its command runs it', () => {
    expect(lines('docker run --rm --entrypoint aws my/tools:1 s3 ls s3://acme-www')).toEqual([
      's3:ListBucket arn:aws:s3:::acme-www',
    ]);
    expect(lines(`docker run --rm --entrypoint=bash amazon/aws-cli -c "${PUT}"`)).toEqual(POLICY);
    expect(lines('docker run --rm -w /src my/tools:1 aws s3 ls s3://acme-www')).toEqual([
      's3:ListBucket arn:aws:s3:::acme-www',
    ]);
    // Another image's own program is not read; docker push and pull still are.
    expect(infer('docker run --rm -p 8080:80 nginx:1.27').notInferred).toEqual([]);
  });

  it('a docker:// step with an entrypoint runs it with its args', () => {
    const step = uses('docker://my/tools:1', { entrypoint: literal('aws'), args: literal('s3 ls s3://acme-www') });
    expect(inferStepCalls(step, catalog, CONTEXT).permissions.map((p) => p.line)).toEqual([
      's3:ListBucket arn:aws:s3:::acme-www',
    ]);
    const shell = uses('docker://amazon/aws-cli:2.15.0', { entrypoint: literal('sh'), args: literal(`-c "${PUT}"`) });
    expect(inferStepCalls(shell, catalog, CONTEXT).permissions.map((p) => p.line)).toEqual(POLICY);
    const dynamic = uses('docker://my/tools:1', {
      entrypoint: unknown('${{ inputs.tool }}', 'an input'),
      args: literal('s3 ls'),
    });
    expect(inferStepCalls(dynamic, catalog, CONTEXT).notInferred.map((n) => n.kind)).toEqual(['dynamic-command']);
  });

  it("a docker:// step's args read ${{ env.X }} as run: does, where the rest of the value is known only at run time", async () => {
    const text = [
      'on: push',
      'env:',
      '  LAMBDA_NAME: acme-export',
      'jobs:',
      '  deploy:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: aws-actions/configure-aws-credentials@v6',
      '        with:',
      '          role-to-assume: arn:aws:iam::111122223333:role/deploy',
      '          aws-region: eu-west-1',
      '      - uses: docker://amazon/aws-cli:latest',
      '        env:',
      '          IMAGE_NAME: ${{ steps.build.outputs.image }}',
      '        with:',
      '          args: lambda update-function-code --function-name ${{ env.LAMBDA_NAME }} --image-uri ${{ env.IMAGE_NAME }}',
      '',
    ].join('\n');
    const files: Record<string, string> = { '.github/workflows/deploy.yml': text };
    const model = await readWorkflowModel({ workflowPaths: ['.github/workflows/deploy.yml'], read: (p) => files[p] });
    const step = model.jobs[0]?.instances[0]?.steps[1];
    const found = step === undefined ? [] : inferStepCalls(step, catalog, CONTEXT).permissions;
    expect(found[0]?.line).toBe('lambda:UpdateFunctionCode arn:aws:lambda:eu-west-1:111122223333:function:acme-export');
    expect(found[0]?.unknown).toEqual([]);
    // The image is not known: its repository is asked about (Lambda takes only ECR images).
    expect(found[1]?.unknown).toEqual(['Account: ${{ env.IMAGE_NAME }}', 'RepositoryName: ${{ env.IMAGE_NAME }}']);
  });
});

describe('a script in a shell the preflight does not read', () => {
  it('is asked about when it names an AWS SDK or an AWS Tools for PowerShell cmdlet', () => {
    const boto3 = 'import boto3\nboto3.client("s3").put_bucket_policy(Bucket="acme-www", Policy="{}")';
    expect(kinds(boto3, 'python')).toEqual(['unread-shell']);
    expect(kinds("const { S3Client } = require('@aws-sdk/client-s3');", 'node {0}')).toEqual(['unread-shell']);
    // The AWS Tools for PowerShell reference, Publish-LMFunction, example 2.
    expect(kinds('Write-S3Object -BucketName amzn-s3-demo-bucket -Key f.zip -File .\\f.zip', 'pwsh')).toEqual([
      'unread-shell',
    ]);
    expect(kinds('Get-STSCallerIdentity', 'powershell')).toEqual(['unread-shell']);
    expect(kinds('Set-DefaultAWSRegion -Region eu-west-1', 'pwsh')).toEqual(['unread-shell']);
    expect(kinds('[Amazon.S3.AmazonS3Client]::new()', 'pwsh')).toEqual(['unread-shell']);
    // One that names none is not.
    expect(kinds('Get-ChildItem -Path . | Write-Output\nInvoke-WebRequest -Uri https://example.com', 'pwsh')).toEqual(
      [],
    );
    expect(kinds('import json\nprint(json.dumps({"a": 1}))', 'python')).toEqual([]);
  });

  it('inline code that runs the AWS CLI through a process is asked about', () => {
    expect(kinds(`python3 -c "import subprocess; subprocess.run(['aws', 's3', 'ls'])"`)).toEqual(['opaque-tool']);
    expect(kinds(`node -e "require('child_process').execSync('aws s3 ls')"`)).toEqual(['opaque-tool']);
    expect(kinds(`perl -e 'system("aws", "s3", "ls")'`)).toEqual(['opaque-tool']);
    expect(kinds("ruby -e 'puts `aws s3 ls`'")).toEqual(['opaque-tool']);
    // Code that runs no process, or no AWS program, is not.
    expect(kinds(`node -e "console.log(require('./package.json').version)"`)).toEqual([]);
    expect(kinds(`python3 -c "import subprocess; subprocess.run(['git', 'status'])"`)).toEqual([]);
  });
});

describe('a script in a shell the preflight does not read that runs code it does not name', () => {
  it('a script file, a runner, or code loaded when it runs is asked about, as in bash', () => {
    expect(kinds('./scripts/deploy.ps1 -Bucket acme-www', 'pwsh')).toEqual(['script-file']);
    expect(kinds('& .\\scripts\\deploy.ps1', 'powershell')).toEqual(['script-file']);
    expect(kinds('npm run deploy', 'pwsh')).toEqual(['runner']);
    expect(kinds('import runpy; runpy.run_path("deploy.py")', 'python')).toEqual(['unread-shell']);
    expect(kinds('call deploy.bat', 'cmd')).toEqual(['script-file']);
    const built = "$m = 'A' + 'WS.Tools.S3'\nImport-Module $m\n& ('Write-' + 'S3Object') -BucketName x -File a";
    expect(kinds(built, 'pwsh')).toEqual(['unread-shell']);
    const [found] = infer('Write-Host start\nnpm run deploy', 'pwsh').notInferred;
    expect(found?.what).toBe('npm run deploy');
    expect(found?.reason).toContain(
      'the script runs in pwsh, which the preflight does not read, and runs the package.json script "deploy"',
    );
  });

  it('one that runs nothing of the kind is not', () => {
    expect(kinds('Write-Host hello\n$x = 1\nGet-ChildItem -Path .', 'pwsh')).toEqual([]);
    expect(kinds('npm ci', 'pwsh')).toEqual([]);
    expect(kinds('import json\nprint(json.dumps({"a": 1}))', 'python')).toEqual([]);
  });
});

describe('a plain aws command in PowerShell or cmd', () => {
  it('is read as in bash: its words are passed the same (about_Parsing; cmd)', () => {
    const upload = 'aws --debug s3 cp --recursive dist s3://dev-static-rust-lang-org/rustup/dist';
    for (const shell of ['pwsh', 'powershell', 'cmd']) {
      expect(lines(upload, shell)).toEqual(['s3:PutObject arn:aws:s3:::dev-static-rust-lang-org/rustup/dist/*']);
      expect(kinds(upload, shell)).toEqual([]);
    }
    expect(lines("aws s3 cp index.html 's3://acme-www/a b.html'", 'pwsh')).toEqual([
      's3:PutObject arn:aws:s3:::acme-www/a?b.html',
    ]);
  });

  it('one with a variable, an expression or a continuation of that shell is not: the script is asked about', () => {
    expect(infer('$env:B = "win-var"\naws s3 cp a "s3://$env:B/a"', 'pwsh').permissions).toEqual([]);
    expect(kinds('$env:B = "win-var"\naws s3 cp a "s3://$env:B/a"', 'pwsh')).toEqual(['unread-shell']);
    expect(kinds('aws s3 cp a s3://%BUCKET%/a', 'cmd')).toEqual(['unread-shell']);
    expect(kinds("aws s3 cp a 's3://b/a'", 'cmd')).toEqual(['unread-shell']);
    expect(kinds('Write-Output `\naws s3 ls s3://b', 'pwsh')).toEqual(['unread-shell']);
    expect(kinds("$s = @'\naws s3 ls s3://b\n'@", 'pwsh')).toEqual(['unread-shell']);
  });
});

describe("npx's own -c stands before the package (npm-exec: -c, --call)", () => {
  it("after the package, -c is the package's: cdk deploy -c is the CDK's --context (AWS CDK CLI reference)", () => {
    expect(kinds('npx cdk deploy --all -c environment=dev --require-approval never')).toEqual(['opaque-tool']);
    expect(kinds('npx -y aws-cdk@2 deploy -c env=dev')).toEqual(['opaque-tool']);
    expect(kinds('npx -c "make deploy"')).toEqual(['runner']);
    expect(kinds('npx --call="make deploy"')).toEqual(['runner']);
  });
});

describe('defaults.run.shell (workflow syntax: defaults.run.shell, jobs.<job_id>.defaults.run.shell)', () => {
  const workflow = (defaults: string, jobDefaults: string, step: string) =>
    [
      'on: push',
      ...defaults.split('\n').filter(Boolean),
      'jobs:',
      '  deploy:',
      '    runs-on: ubuntu-latest',
      ...jobDefaults
        .split('\n')
        .filter(Boolean)
        .map((l) => `    ${l}`),
      '    steps:',
      '      - uses: aws-actions/configure-aws-credentials@v6',
      '        with:',
      '          role-to-assume: arn:aws:iam::111122223333:role/deploy',
      '          aws-region: eu-west-1',
      ...step.split('\n').map((l) => `      ${l}`),
      '',
    ].join('\n');
  const shells = async (text: string) => {
    const files: Record<string, string> = { '.github/workflows/deploy.yml': text };
    const model = await readWorkflowModel({ workflowPaths: ['.github/workflows/deploy.yml'], read: (p) => files[p] });
    const steps = model.jobs[0]?.instances[0]?.steps ?? [];
    return steps
      .filter((s) => s.run !== undefined)
      .map((s) => [s.run?.shell, inferStepCalls(s, catalog, CONTEXT).notInferred.map((n) => n.kind)]);
  };
  const script = '- run: |\n    import subprocess\n    subprocess.run(["aws", "s3", "ls"])';

  it("a step without shell: runs in the job's default, else the workflow's", async () => {
    const python = 'defaults:\n  run:\n    shell: python';
    expect(await shells(workflow(python, '', script))).toEqual([['python', ['unread-shell']]]);
    expect(await shells(workflow('', python, script))).toEqual([['python', ['unread-shell']]]);
    // The job's wins over the workflow's; a step's own shell: wins over both.
    expect(
      await shells(workflow(python, 'defaults:\n  run:\n    shell: bash', '- run: aws s3 ls s3://acme-www')),
    ).toEqual([['bash', []]]);
    const own = '- run: import boto3\n  shell: bash';
    expect(await shells(workflow(python, '', own))).toEqual([['bash', []]]);
    // A default of working-directory only leaves the shell alone.
    expect(await shells(workflow('defaults:\n  run:\n    working-directory: ./infra', '', script))).toEqual([
      [undefined, []],
    ]);
  });

  it("with no default, the runner's: pwsh on Windows, bash elsewhere, not known where runs-on does not tell", async () => {
    const onRunner = (runsOn: string, matrix = '') =>
      workflow('', '', '- run: Write-S3Object -BucketName acme-www -File a -Key a').replace(
        '    runs-on: ubuntu-latest',
        `${matrix}    runs-on: ${runsOn}`,
      );
    const unread = ['unread-shell'];
    expect(await shells(onRunner('windows-latest'))).toEqual([['pwsh', unread]]);
    expect(await shells(onRunner('[self-hosted, windows, x64]'))).toEqual([['pwsh', unread]]);
    expect(await shells(onRunner('{ group: big, labels: [windows-2022] }'))).toEqual([['pwsh', unread]]);
    for (const other of ['ubuntu-24.04', 'macos-14', '[self-hosted, linux, ARM64]', 'buildjet-4vcpu-ubuntu-2204']) {
      expect(await shells(onRunner(other))).toEqual([[undefined, []]]);
    }
    // The instance's value where the matrix gives it; a label that names no system, or a value not known, is neither.
    const matrix = '    strategy:\n      matrix:\n        os: [windows-latest, ubuntu-latest]\n';
    expect(await shells(onRunner('${{ matrix.os }}', matrix))).toEqual([['pwsh', unread]]);
    const [[shell, kinds]] = (await shells(onRunner('${{ vars.RUNNER }}'))) as [[string, string[]]];
    expect(shell).toContain('a runner that may run Windows (runs-on: ${{ vars.RUNNER }})');
    expect(kinds).toEqual(unread);
    expect((await shells(onRunner('[self-hosted, gpu]')))[0]?.[1]).toEqual(unread);
  });
});
