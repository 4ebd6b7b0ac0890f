// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${...}` here is shell or a GitHub expression, not JS.
/**
 * Commands run through a wrapper (src/workflows/calls/wrappers.ts), SDK installs, third-party actions given AWS
 * resource names, and the tools a runner runs that are not reported (src/workflows/calls/runners.ts). The lines are
 * from public workflows and scripts, each named where it is used.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/sources/catalog.js';
import { type CallContext, type CallStep, inferStepCalls, inferStepsCalls } from '../../src/workflows/calls/index.js';
import { literal, runStep, unknown, uses } from '../fixtures/steps/run-step.js';

const catalog = await loadCatalog();
const CONTEXT: CallContext = { region: 'eu-west-1', account: '111122223333' };
const infer = (script: string, env: Record<string, string> = {}) =>
  inferStepCalls(runStep(script, env), catalog, CONTEXT);
const lines = (script: string) => infer(script).permissions.map((p) => p.line);
const kinds = (script: string) => infer(script).notInferred.map((n) => n.kind);

describe('a command run through a wrapper is read as a command', () => {
  it('bash -c and sh -c: the string is read as a script (a static site\'s step "Clear the bucket")', () => {
    expect(lines('bash -c "aws s3 rm s3://acme-site-www --recursive"')).toEqual([
      's3:ListBucket arn:aws:s3:::acme-site-www',
      's3:DeleteObject arn:aws:s3:::acme-site-www/*',
    ]);
    expect(
      lines("sh -ec 'aws s3 ls s3://site && aws cloudfront create-invalidation --distribution-id E1 --paths /*'"),
    ).toEqual([
      's3:ListBucket arn:aws:s3:::site',
      'cloudfront:CreateInvalidation arn:aws:cloudfront::111122223333:distribution/E1',
    ]);
    expect(kinds("sh -c 'npm run deploy'")).toEqual(['runner']);
    expect(kinds('bash -c "make deploy"')).toEqual(['runner']);
  });

  it('a here-document a shell or an interpreter reads as its program is read as its command string (bash#Here-Documents)', () => {
    expect(lines("bash <<'EOF'\naws s3 rm s3://acme-site-www --recursive\nEOF\necho done")).toEqual([
      's3:ListBucket arn:aws:s3:::acme-site-www',
      's3:DeleteObject arn:aws:s3:::acme-site-www/*',
    ]);
    expect(lines('sudo sh -e <<-EOF\n\taws s3 ls s3://site\n\tEOF')).toEqual(['s3:ListBucket arn:aws:s3:::site']);
    expect(kinds('python3 - <<EOF\nimport boto3\nboto3.client("s3").delete_bucket(Bucket="b")\nEOF')).toEqual([
      'opaque-tool',
    ]);
    // Not quoted, the body is expanded before the shell reads it: not known before the run.
    expect(kinds('bash <<EOF\naws s3 rm s3://$BUCKET --recursive\nEOF')).toEqual(['dynamic-command']);
    // Data for a program that does not run it, or a shell given a script of its own, stays data.
    expect(infer("cat <<'EOF' > run.sh\naws s3 rm s3://x --recursive\nEOF").permissions).toEqual([]);
    expect(kinds("bash ./deploy.sh <<'EOF'\naws s3 rm s3://x\nEOF")).toEqual(['script-file']);
  });

  it('an expansion in the string stays an unknown part, named as written', () => {
    const calls = infer('bash -c "aws s3 sync dist s3://$BUCKET/site"');
    expect(calls.permissions.map((p) => p.line)).toEqual([
      's3:ListBucket arn:aws:s3:::*',
      's3:PutObject arn:aws:s3:::*/site/*',
    ]);
    expect(calls.permissions[0]?.unknown).toEqual(['BucketName: $BUCKET']);
    // A variable the step's env: gives is substituted by the outer shell.
    expect(infer('bash -c "aws s3 ls s3://$BUCKET"', { BUCKET: 'docs' }).permissions.map((p) => p.line)).toEqual([
      's3:ListBucket arn:aws:s3:::docs',
    ]);
  });

  it('a string that is all unknown, or whose unknown part the inner shell reads as text, is reported', () => {
    expect(kinds('bash -c "$DEPLOY_COMMAND"')).toEqual(['dynamic-command']);
    expect(kinds(`bash -c "aws s3 rm 's3://$BUCKET/x'"`)).toEqual(['dynamic-command']);
    expect(lines(`bash -c "aws s3 rm 's3://$BUCKET/x'"`)).toEqual([]);
  });

  it('find -exec: {} is an unknown path, never a literal (a static site\'s step "Upload pages"; a line of a public workshop script)', () => {
    // "find . -type f -name '*-lambda.zip' -exec aws s3 cp {} s3://$WORKSHOP_BUCKET \;"
    const calls = infer("find . -type f -name '*-lambda.zip' -exec aws s3 cp {} s3://workshop-bucket \\;");
    expect(calls.permissions.map((p) => p.line)).toEqual(['s3:PutObject arn:aws:s3:::workshop-bucket/*']);
    expect(lines("find public -name '*.html' -exec aws s3 cp {} s3://acme-site-www/ \\;")).toEqual([
      's3:PutObject arn:aws:s3:::acme-site-www/*',
    ]);
    expect(kinds('find . -name "*.zip" -execdir ./upload.sh {} +')).toEqual(['script-file']);
  });

  it('xargs -I: the items are unknown parts of the key, not a literal {}', () => {
    // A retention clean-up: `aws s3 ls s3://bucket/daily/ | awk '{print $4}' | xargs -I {} aws s3 rm s3://bucket/daily/{}`
    const calls = infer(
      "aws s3 ls s3://backups/daily/ | awk '{print $4}' | xargs -I {} aws s3 rm s3://backups/daily/{}",
    );
    expect(calls.permissions.map((p) => p.line)).toEqual([
      's3:ListBucket arn:aws:s3:::backups',
      's3:DeleteObject arn:aws:s3:::backups/daily/*',
    ]);
    expect(calls.permissions[1]?.unknown).toEqual(['ObjectName: the items xargs reads']);
    expect(calls.permissions.some((p) => p.resource.includes('{}'))).toBe(false);
    // Without -I the items are appended: the key of the object deleted is unknown.
    expect(lines('xargs -n 1 aws s3api delete-object --bucket backups --key')).toEqual([
      's3:DeleteObject arn:aws:s3:::backups/*',
    ]);
  });

  it('parallel, env -S and doppler run -- run their command', () => {
    expect(lines("parallel 'aws s3 cp {} s3://assets/{/}' ::: dist/*.js")).toEqual([
      's3:PutObject arn:aws:s3:::assets/*',
    ]);
    expect(lines("env -S 'aws s3 ls s3://site'")).toEqual(['s3:ListBucket arn:aws:s3:::site']);
    expect(kinds('doppler run -- npm run deploy')).toEqual(['runner']);
    expect(kinds('corepack pnpm run deploy')).toEqual(['runner']);
    expect(kinds('sbt publish')).toEqual(['runner']);
    expect(lines('nice -n 10 time -p aws s3 ls s3://site')).toEqual(['s3:ListBucket arn:aws:s3:::site']);
  });

  it('wrappers within wrappers stop at the depth bound, reported', () => {
    const nested = `bash -c "sh -c 'bash -c \\"sh -c \\\\\\"bash -c aws\\\\\\"\\"'"`;
    const calls = inferStepCalls(runStep(nested), catalog, CONTEXT, {
      scriptChars: 100_000,
      commands: 2_000,
      words: 512,
      wordChars: 4_096,
      depth: 2,
      results: 1_000,
    });
    expect(calls.notInferred.map((n) => n.kind)).toEqual(['too-large']);
  });
});

describe('a shell or an interpreter reading its program from standard input', () => {
  it('bash -s reads its commands from standard input, the words after it being $1…: a piped installer is reported (bash#Invoking-Bash, -s; rudisimo/dotfiles-zsh .github/docker/entrypoint-remote.sh; confluentinc/cli install.sh)', () => {
    expect(kinds('curl -s "file://${GITHUB_WORKSPACE}/install.sh" | sh -s -- -p "${RUNNER_WORKSPACE}" -f -v')).toEqual([
      'dynamic-command',
    ]);
    expect(
      kinds('curl -ns https://api.github.com/repos/confluentinc/cli/contents/install.sh?ref=master | bash -s -- $@'),
    ).toEqual(['dynamic-command']);
    // The text piped in is read when it is known, whatever the positional words.
    expect(lines("echo 'aws s3 rm s3://acme-site-www --recursive' | bash -s -- prod")).toEqual([
      's3:ListBucket arn:aws:s3:::acme-site-www',
      's3:DeleteObject arn:aws:s3:::acme-site-www/*',
    ]);
  });

  it('a file redirected into a shell is a script file not read, whether or not -s is given', () => {
    expect(kinds('bash -s prod < deploy.sh')).toEqual(['script-file']);
    expect(kinds('bash -x -s -- --env prod < ./scripts/deploy.sh')).toEqual(['script-file']);
    expect(kinds('bash -e < "$SCRIPT"')).toEqual(['script-file']);
    expect(infer('bash -s prod < deploy.sh').notInferred[0]?.reason).toMatch(/deploy\.sh given on its standard input/);
  });

  it('a subshell piped into a shell: its output is not read, so the shell is reported', () => {
    expect(kinds('( echo "aws s3 rm s3://x --recursive" ) | bash')).toEqual(['dynamic-command']);
    expect(kinds('(cd infra && cat deploy.sh) |\n  sh')).toEqual(['dynamic-command']);
    // The commands inside the subshell are read as they run.
    expect(lines('( cd site && aws s3 sync . s3://acme-site-www ) | tee sync.log')).toEqual([
      's3:ListBucket arn:aws:s3:::acme-site-www',
      's3:PutObject arn:aws:s3:::acme-site-www/*',
    ]);
  });

  it('an interpreter given no program but the output piped into it is reported; a here-document is read as its code', () => {
    expect(kinds('cat deploy.py | python3')).toEqual(['script-file']);
    expect(kinds('curl -fsSL https://example.com/setup.js | node -')).toEqual(['script-file']);
    expect(kinds('python3 - <<EOF\nprint("$VERSION")\nEOF')).toEqual([]);
    expect(kinds('cat report.json | python3 -m json.tool')).toEqual([]);
    expect(kinds('ts-node scripts/deploy.ts')).toEqual(['script-file']);
  });
});

describe('programs that run the command in their arguments', () => {
  it.each([
    ['watch -n 5 aws s3 rb s3://x', 'watch(1)'],
    ['flock /tmp/deploy.lock aws s3 rb s3://x', 'flock(1)'],
    ['flock -n /tmp/deploy.lock -c "aws s3 rb s3://x"', 'flock(1), -c after the lock file'],
    ['flock --command="aws s3 rb s3://x" /tmp/deploy.lock', 'flock(1), --command='],
    ['xvfb-run --auto-servernum --server-args="-screen 0 1024x768x24" aws s3 rb s3://x', 'xvfb-run(1)'],
    ['taskset -c 0 aws s3 rb s3://x', 'taskset(1), -c takes a list as the mask'],
    ['gosu deploy aws s3 rb s3://x', 'gosu'],
    ['su - deploy -c "aws s3 rb s3://x"', 'su(1), -c after the user'],
    ['su deploy --command="aws s3 rb s3://x"', 'su(1), --command='],
    ['runuser -u deploy -- aws s3 rb s3://x', 'runuser(1), -u'],
    ['script -qc "aws s3 rb s3://x" /dev/null', 'script(1), -c clustered'],
  ])('%s runs the AWS CLI (%s)', (script) => {
    expect(lines(script)).toEqual(['s3:DeleteBucket arn:aws:s3:::x']);
  });

  it('one that runs no command, or a command that is not AWS, calls nothing', () => {
    for (const script of ['taskset -p 1234', 'watch', 'su deploy', 'flock /tmp/deploy.lock']) {
      expect(infer(script)).toEqual({ permissions: [], notInferred: [] });
    }
    expect(kinds('xvfb-run --auto-servernum npm test')).toEqual(['runner']);
  });
});

describe('installing an AWS SDK calls nothing; inline code that uses one is reported', () => {
  it.each([
    // NASA-IMPACT/veda-backend .github/actions/cdk-deploy/action.yml (dbd05924), lines 59-63.
    'python -m pip install boto3',
    'pip install boto3 awscli',
    'pip3 install --upgrade boto3==1.34.0',
    'uv pip install boto3',
    'python3 -m pip install "boto3>=1.26"',
    'npm install @aws-sdk/client-s3',
  ])('%s yields nothing', (script) => {
    expect(infer(script)).toEqual({ permissions: [], notInferred: [] });
  });

  it.each([
    'python -c "import boto3; boto3.client(\'s3\').list_buckets()"',
    'node -e "require(\'@aws-sdk/client-s3\')"',
  ])('%s is opaque-tool', (script) => {
    expect(kinds(script)).toEqual(['opaque-tool']);
  });
});

describe('docker/build-push-action after amazon-ecr-login (rust-lang/docs.rs .github/actions/deploy-ecs/action.yml, ad3fc79)', () => {
  it('a tag on the registry the login printed is ECR: the push actions, and nothing reported unread', () => {
    const steps: CallStep[] = [
      { ...uses('aws-actions/amazon-ecr-login@v2'), id: 'login-ecr' } as CallStep,
      uses('docker/build-push-action@v6', {
        context: literal('.'),
        tags: unknown('${{ steps.login-ecr.outputs.registry }}/docs-rs-web:latest', 'steps.login-ecr.outputs.registry'),
        push: literal(true),
      }),
    ];
    const calls = inferStepsCalls(steps, catalog, { region: 'us-east-1', account: '519825364412' });
    expect(calls.notInferred).toEqual([]);
    expect(calls.permissions.map((p) => p.line)).toContain(
      'ecr:PutImage arn:aws:ecr:us-east-1:519825364412:repository/docs-rs-web',
    );
  });

  it('a tag whose registry is not known and not named after ECR is still reported', () => {
    const steps = [
      uses('aws-actions/amazon-ecr-login@v2'),
      uses('docker/build-push-action@v6', {
        tags: unknown('${{ inputs.image }}', 'inputs.image'),
        push: literal(true),
      }),
    ];
    expect(inferStepsCalls(steps, catalog, CONTEXT).notInferred.map((n) => n.kind)).toEqual(['unread-image']);
  });
});

describe('a third-party action given AWS resource names is asked about', () => {
  it('govuk-one-login/devplatform-upload-action (govuk-one-login/authentication-api deploy-api-auth-sp.yml, 2595754)', () => {
    const step = uses('govuk-one-login/devplatform-upload-action@64e46134b4108ebfa1cf2a64fee00782f8e2e8cf', {
      'artifact-bucket-name': unknown('${{ secrets.ARTIFACT_SOURCE_BUCKET_NAME }}', 'secrets'),
      'signing-profile-name': unknown('${{ secrets.SIGNING_PROFILE_NAME }}', 'secrets'),
      'working-directory': literal('.aws-sam/build'),
      version: unknown('${{ steps.version_info.outputs.version }}', 'steps'),
    });
    const calls = inferStepCalls(step, catalog, CONTEXT);
    expect(calls.notInferred).toMatchObject([
      {
        kind: 'unknown-action',
        reason: expect.stringMatching(/with: artifact-bucket-name, with: signing-profile-name/),
      },
    ]);
  });

  it.each([
    ['someone/deploy@v1', { stackName: literal('web') }],
    ['someone/deploy@v1', { 'function-name': literal('api') }],
    ['someone/deploy@v1', { 'target-role-arn': literal('x') }],
  ])('%s given %o is asked about', (action, withs) => {
    expect(inferStepCalls(uses(action, withs), catalog, CONTEXT).notInferred.map((n) => n.kind)).toEqual([
      'unknown-action',
    ]);
  });

  it("the same workflow's actions/setup-java (distribution: corretto) and setup-gradle name no AWS resource", () => {
    for (const step of [
      uses('actions/setup-java@v5', {
        'java-version': literal('17'),
        distribution: literal('corretto'),
        cache: literal('gradle'),
      }),
      uses('gradle/actions/setup-gradle@v4', {
        'gradle-version': literal('wrapper'),
        'cache-read-only': literal(false),
      }),
    ]) {
      expect(inferStepCalls(step, catalog, CONTEXT)).toEqual({ permissions: [], notInferred: [] });
    }
  });
});

describe('one rule for tools a runner runs: checkers and compilers are not reported, tests are', () => {
  it.each([
    'npx tsc --noEmit',
    'npx prettier --check .',
    'npx eslint .',
    'npx @biomejs/biome check .',
    'npx playwright install --with-deps',
    'python -m pip install -r requirements.txt',
    'corepack pnpm install --frozen-lockfile',
    'tsc --noEmit',
    'cargo build --release',
  ])('%s yields nothing', (script) => {
    expect(infer(script)).toEqual({ permissions: [], notInferred: [] });
  });

  it.each([
    'pytest tests/integration',
    'python -m pytest',
    'npx jest --ci',
    'npx vitest run',
    'npx playwright test',
    'go test ./...',
    'cargo test',
    'npm test',
    'python -m deploy',
  ])('%s is runner', (script) => {
    expect(kinds(script)).toEqual(['runner']);
  });

  it('python -m awscli is the AWS CLI', () => {
    expect(lines('python -m awscli s3 ls s3://site')).toEqual(['s3:ListBucket arn:aws:s3:::site']);
  });
});
