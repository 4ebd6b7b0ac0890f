/**
 * Programs other than `aws` in a script: deploy tools that call AWS in ways the preflight cannot read (their calls
 * depend on files and state it does not evaluate), script files it does not open, and `docker push`/`pull` to an
 * Amazon ECR registry, whose permissions ECR documents
 * (https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-push-iam.html and
 * https://docs.aws.amazon.com/AmazonECR/latest/userguide/security_iam_id-based-policy-examples.html).
 */
import { type Program, stdinOf } from './cli.js';
import { bound, type Known, known, type Need } from './need.js';
import { type ShellWord, slicePart } from './shell.js';

/** Tools that deploy to AWS from their own files or state. */
const OPAQUE_TOOLS: Readonly<Record<string, string>> = {
  terraform: 'Terraform',
  terragrunt: 'Terragrunt',
  tofu: 'OpenTofu',
  cdk: 'the AWS CDK',
  cdktf: 'CDK for Terraform',
  sam: 'the AWS SAM CLI',
  serverless: 'the Serverless Framework',
  sls: 'the Serverless Framework',
  pulumi: 'Pulumi',
  copilot: 'AWS Copilot',
  eb: 'the Elastic Beanstalk CLI',
  amplify: 'the Amplify CLI',
  chalice: 'Chalice',
  zappa: 'Zappa',
  sst: 'SST',
  'ecs-cli': 'the ECS CLI',
  'ecs-deploy': 'ecs-deploy',
  cfn: 'a CloudFormation tool',
  rain: 'Rain',
};
const INTERPRETERS = new Set([
  'bash',
  'sh',
  'zsh',
  'dash',
  'ksh',
  'source',
  '.',
  'python',
  'python3',
  'node',
  'ruby',
  'pwsh',
  'fish',
  'php',
  'perl',
  'ts-node',
  'tsx',
  'bun',
]);
const SCRIPT_FILE = /\.(sh|bash|zsh|fish|py|rb|js|mjs|cjs|ts|ps1|pl|php)$/i;
/** Build scripts run as `./name` that do not deploy (`./gradlew` and `./mvnw` are runners: runners.ts). */
const BUILD_WRAPPERS = new Set(['configure']);

/** Why a program's AWS calls cannot be read, or undefined when it is not one the preflight must ask about. */
export function opaqueReason(
  program: Program,
): { readonly kind: 'opaque-tool' | 'script-file'; readonly reason: string } | undefined {
  const tool = toolOf(program);
  if (tool !== undefined) {
    const reason = `runs ${tool}, whose AWS calls depend on its own files and state; declare the permission lines it needs`;
    return { kind: 'opaque-tool', reason };
  }
  const file = scriptFileOf(program);
  if (file !== undefined) {
    const reason = `runs the script ${file}, which the preflight does not read; if it calls AWS, declare the permission lines it needs`;
    return { kind: 'script-file', reason };
  }
  const { code, fromStdin } = inlineCode(program);
  // The program it runs is the output of another command, known only when the step runs (`cat deploy.py | python3`,
  // `curl … | node`): what that program calls is not read. (A here-document's text is read as the code, below.)
  const piped = fromStdin && program.stdin === undefined;
  const unknown = piped ? code.find((w) => w.value === '*' && w.dynamic.length > 0) : undefined;
  if (unknown !== undefined) {
    const reason = `runs the program given on its standard input, ${unknown.dynamic.join(' ')}, which the preflight does not read; if it calls AWS, declare the permission lines it needs`;
    return { kind: 'script-file', reason };
  }
  if (code.some((w) => AWS_SDK.test(w.value))) {
    return { kind: 'opaque-tool', reason: 'calls an AWS SDK from inline code; declare the permission lines it needs' };
  }
  if (code.some((w) => RUNS_PROCESS.test(w.value) && AWS_PROGRAM.test(w.value))) {
    const reason =
      'runs an AWS program (the AWS CLI or a deploy tool) from inline code, which the preflight does not read; declare the permission lines it needs';
    return { kind: 'opaque-tool', reason };
  }
  return undefined;
}

/**
 * Names of the AWS SDKs as code imports them: boto3 and botocore, `aws-sdk` (v2) and `@aws-sdk/…`, Ruby's `aws-sdk-…`
 * and `Aws::` (https://docs.aws.amazon.com/sdk-for-ruby/v3/api/), the AWS SDK for .NET's `Amazon.` namespaces and the
 * AWS Tools for PowerShell (`AWS.Tools.S3`, `AWSPowerShell`: https://docs.aws.amazon.com/powershell/latest/userguide/).
 */
const AWS_SDK =
  /\bboto3\b|\bbotocore\b|\baws-sdk\b|\bAws::|\bAmazon\.[A-Z]|\bAWS\.Tools\b|\bAWSPowerShell\b|\bAWSSDK\b/;
/** The AWS CLI and the deploy tools of {@link OPAQUE_TOOLS} most often run from code. */
const AWS_PROGRAM = /\baws\b|\bcdk\b|\bterraform\b|\bsam\b|\bpulumi\b|\bserverless\b/;
/**
 * Code that starts a process: Python's `subprocess`, `os.system`/`os.popen`/`os.exec*`, Node's `child_process`,
 * Perl's and Ruby's `system`, `exec`, backquotes and `qx`/`%x`, Ruby's `Open3`, Deno's `Deno.Command`, Bun's `Bun.spawn`.
 */
const RUNS_PROCESS =
  /subprocess|child_process|\bsystem\b|\bexec|\bspawn|\bpopen|`|\bqx\b|%x|\bOpen3\b|\bDeno\.Command\b/i;
/**
 * AWS Tools for PowerShell cmdlets, `Verb-PrefixNoun` with the service's prefix
 * (https://docs.aws.amazon.com/powershell/latest/reference/): `Write-S3Object`, `Get-STSCallerIdentity`,
 * `Update-ECSService`, `Publish-LMVersion`, `Set-AWSCredential`, `Set-DefaultAWSRegion`. The prefixes of the services a
 * deploy most often calls.
 */
const AWS_CMDLET =
  /\b[A-Za-z]+-(?:Default)?(?:AWS|S3|EC2|STS|IAM|CFN|ECS|ECR|EKS|LM|SNS|SQS|DDB|KMS|SSM|SEC|CF|CW|CWL|EB|ELB2?|R53|AS|CB|CD|CP|CC|RDS|SFN|SES|EBS|EFS|KIN|ATH|GLUE|SM|APIG|AG|ACM|CT|EVB|EML)[A-Z][a-z]/;

/**
 * Whether a script in a shell the preflight does not read (PowerShell, Python, cmd, Node) may call AWS: it names the
 * AWS CLI or a deploy tool, an AWS SDK, or an AWS Tools for PowerShell cmdlet. Such a script is asked about, never
 * passed over.
 */
export function mayCallAws(script: string): boolean {
  return AWS_PROGRAM.test(script) || AWS_SDK.test(script) || AWS_CMDLET.test(script);
}
/** Interpreters and the options that give them code to run (`python -c`, `node -e`/`-p`, `ruby -e`, `deno eval`). */
const INLINE_OPTIONS: Readonly<Record<string, ReadonlySet<string>>> = {
  python: new Set(['-c']),
  node: new Set(['-e', '--eval', '-p', '--print']),
  bun: new Set(['-e', '--eval', '-p', '--print']),
  ruby: new Set(['-e']),
  perl: new Set(['-e', '-E']),
  // `php -r CODE`; given no file, php runs its standard input (https://www.php.net/manual/en/features.commandline.usage.php).
  php: new Set(['-r']),
};

/**
 * The code an interpreter is given inline, the word after its option: only code runs; naming an SDK elsewhere
 * (`pip install boto3`, `npm install @aws-sdk/client-s3`) installs it and calls nothing.
 */
function inlineCode(program: Program): { readonly code: ShellWord[]; readonly fromStdin: boolean } {
  const name = /^python(?:[0-9.]*)$/.test(program.name) ? 'python' : program.name;
  if (name === 'deno')
    return { code: program.args[0]?.value === 'eval' ? program.args.slice(1) : [], fromStdin: false };
  const options = INLINE_OPTIONS[name];
  if (options === undefined) return { code: [], fromStdin: false };
  const at = program.args.findIndex((w) => options.has(w.value));
  const code = at < 0 ? undefined : program.args[at + 1];
  if (code !== undefined) return { code: [code], fromStdin: false };
  // Given no code and no script file (options and `-` only), it runs its standard input: a here-document there.
  const fromStdin = program.args.every((w) => w.value === '-' || w.value.startsWith('-'));
  const stdin = fromStdin ? stdinOf(program) : undefined;
  return stdin === undefined ? { code: [], fromStdin: false } : { code: [stdin], fromStdin: true };
}

/** Whether a program is a deploy tool whose calls cannot be read (a runner's `yarn sls` runs it: runners.ts). */
export function isOpaqueTool(name: string): boolean {
  return Object.hasOwn(OPAQUE_TOOLS, name);
}

function toolOf(program: Program): string | undefined {
  return Object.hasOwn(OPAQUE_TOOLS, program.name) ? OPAQUE_TOOLS[program.name] : undefined;
}

function scriptFileOf(program: Program): string | undefined {
  const path = program.word.value;
  // A command name holding a slash is run as that file, relative to the working directory when it does not start
  // with one (`scripts/deploy` as `./scripts/deploy`): https://www.gnu.org/software/bash/manual/bash.html#Command-Search-and-Execution
  // (An npm package's scoped name, `@biomejs/biome`, which a runner such as npx gives as the program, is not a file.)
  const relative =
    path.includes('/') && !/^[/@]/.test(path) && !path.includes(':') && program.word.dynamic.length === 0;
  if (
    (path.startsWith('./') || path.startsWith('../') || path.startsWith('/') || relative) &&
    !BUILD_WRAPPERS.has(program.name)
  ) {
    return path.startsWith('/') && !SCRIPT_FILE.test(path) ? undefined : path;
  }
  if (SCRIPT_FILE.test(path)) return path;
  if (!INTERPRETERS.has(program.name)) return undefined;
  const file = SHELL_NAMES.has(program.name)
    ? shellOperand(program.args)
    : program.args.find((w) => !w.value.startsWith('-'));
  // Given no script of its own, an interpreter runs the file on its standard input (`bash < deploy.sh`).
  if (file === undefined && program.stdinFile !== undefined && program.stdinFile.dynamic.length === 0) {
    return program.stdinFile.value;
  }
  if (file === undefined || program.args.some((w) => /^-[ceEr]$/.test(w.value))) return undefined;
  return SCRIPT_FILE.test(file.value) || file.value.includes('/') ? file.value : undefined;
}

const SHELL_NAMES = new Set(['bash', 'sh', 'zsh', 'dash', 'ksh']);

/**
 * A shell's first operand, its script file: past its options and the values they take (`-o pipefail`, a cluster
 * ending in `o`, `-eo pipefail`, and `--rcfile FILE`: https://www.gnu.org/software/bash/manual/bash.html#Invoking-Bash).
 */
function shellOperand(args: readonly ShellWord[]): ShellWord | undefined {
  for (let i = 0; i < args.length; i++) {
    const value = args[i]?.value ?? '';
    if (!/^[-+]./.test(value)) return args[i];
    if (value === '--') return args[i + 1];
    if (/^[-+][A-Za-z]*[oO]$|^--(?:rcfile|init-file)$/.test(value)) i++;
  }
  return undefined;
}

// "Required IAM permissions for pushing an image"; the same lists are in github.com/aws-actions/amazon-ecr-login
// README.md, "Permissions" (03f1aad4c6c7ffd436567f42f9384779290529bd), for pushing and for pulling.
const ECR_DOC = 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-push-iam.html';
const PUSH = [
  'ecr:BatchCheckLayerAvailability',
  'ecr:InitiateLayerUpload',
  'ecr:UploadLayerPart',
  'ecr:CompleteLayerUpload',
  'ecr:PutImage',
];
const PULL = ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'];
/** `ACCOUNT.dkr.ecr.REGION.amazonaws.com/REPOSITORY[:TAG|@DIGEST]` (https://docs.aws.amazon.com/AmazonECR/latest/userguide/Registries.html). */
const ECR_IMAGE = /^([0-9]{12}|\*)\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+|\*)\.amazonaws\.com(?:\.cn)?\/([^:@]+)/d;

/**
 * Whether a `docker` command pushes an image to its registry: `docker push`, `docker image push`, or a build that
 * pushes what it builds, `--push` ("Shorthand for `--output=type=registry`") or `--output type=registry` /
 * `type=image,push=true` (https://docs.docker.com/reference/cli/docker/buildx/build/#push and #output; `docker build`
 * is buildx's build, https://docs.docker.com/reference/cli/docker/build-legacy/).
 */
export function pushesImage(program: Program): boolean {
  if (program.name !== 'docker') return false;
  const [sub, next] = program.args.map((w) => w.value);
  if (sub === 'push' || (sub === 'image' && next === 'push')) return true;
  if (sub !== 'build' && sub !== 'buildx') return false;
  return program.args.some((w, i) => {
    if (w.value === '--push' || w.value === '--push=true') return true;
    const output = /^(?:--output|-o)=?(.*)$/.exec(w.value);
    if (!output) return false;
    const value = output[1] || (program.args[i + 1]?.value ?? '');
    return (
      /(^|,)type=registry(,|$)/.test(value) || (/(^|,)type=image(,|$)/.test(value) && /(^|,)push=true(,|$)/.test(value))
    );
  });
}

/**
 * `docker push|pull IMAGE` and `docker buildx build --push -t IMAGE` to ECR: the registry's actions; and the images
 * whose registry cannot be read (`docker push "$IMAGE"`), which may be ECR's.
 */
export function dockerCalls(program: Program): { readonly needs: Need[]; readonly unread: ShellWord[] } {
  if (program.name !== 'docker') return { needs: [], unread: [] };
  const [sub, ...rest] = program.args;
  const words = rest.filter((w) => !w.value.startsWith('-'));
  const push = pushesImage(program);
  const images = sub?.value === 'push' || sub?.value === 'pull' ? words.slice(0, 1) : taggedImages(rest);
  if (!push && sub?.value !== 'pull') return { needs: [], unread: [] };
  const direction = push ? 'push' : 'pull';
  return { needs: images.flatMap((image) => ecrNeeds(image, direction)), unread: unreadImages(images, direction) };
}

/**
 * The images whose registry cannot be read and is not one named after ECR (`$ECR_REGISTRY/web`, which
 * {@link ecrNeeds} reads as ECR's): after a login to ECR, each may be an ECR repository.
 */
export function unreadImages(images: readonly ShellWord[], direction: 'push' | 'pull'): ShellWord[] {
  return images.filter((image) => registryUnread(image) && ecrNeeds(image, direction).length === 0);
}

/**
 * Whether an image's registry is not known before the run: its first part (the registry, when it has a `.` or `:`,
 * else Docker Hub's namespace; https://docs.docker.com/reference/cli/docker/image/tag/#description) holds an
 * expansion, or the whole name is one.
 */
function registryUnread(image: ShellWord): boolean {
  if (image.dynamic.length === 0 && !image.value.includes('*')) return false;
  const slash = image.value.indexOf('/');
  return (slash < 0 ? image.value : image.value.slice(0, slash)).includes('*');
}

function taggedImages(args: readonly ShellWord[]): ShellWord[] {
  const out: ShellWord[] = [];
  args.forEach((w, i) => {
    const next = args[i + 1];
    if ((w.value === '-t' || w.value === '--tag') && next) out.push(next);
  });
  return out;
}

/** The ECR actions of pushing or pulling an image, when the image is in an ECR registry. */
export function ecrNeeds(image: ShellWord, direction: 'push' | 'pull'): Need[] {
  return ecrImageNeeds(image, direction === 'push' ? PUSH : PULL, ECR_DOC);
}

// "Make sure that the permissions for the user or role that creates the function includes `GetRepositoryPolicy`,
// `SetRepositoryPolicy`, `BatchGetImage`, and `GetDownloadUrlForLayer`" (Lambda's "Amazon ECR permissions").
const LAMBDA_IMAGE_DOC =
  'https://docs.aws.amazon.com/lambda/latest/dg/images-create.html#gettingstarted-images-permissions';
const LAMBDA_IMAGE = [
  'ecr:BatchGetImage',
  'ecr:GetDownloadUrlForLayer',
  'ecr:GetRepositoryPolicy',
  'ecr:SetRepositoryPolicy',
];

/**
 * What the caller needs on the ECR repository of a Lambda function's container image (`--image-uri`, `image-uri`).
 * A literal image whose registry is not ECR's yields nothing here: Lambda takes only ECR images, and the call fails
 * anyway. An image not known before the run (`"$IMAGE"`) is therefore an ECR image: its repository, and its account
 * (Lambda takes an image of another account), are unknown; its Region is the function's: "The Amazon ECR repository must
 * be in the same AWS Region as the Lambda function" (https://docs.aws.amazon.com/lambda/latest/dg/images-create.html).
 */
export function lambdaImageNeeds(image: ShellWord): Need[] {
  const read = ecrImageNeeds(image, LAMBDA_IMAGE, LAMBDA_IMAGE_DOC);
  if (read.length > 0 || (image.dynamic.length === 0 && !image.value.includes('*'))) return read;
  const unknown: Known = { value: '*', unknown: bound(image.dynamic.join(' ') || image.value) };
  const values = { Account: unknown, RepositoryName: unknown };
  return LAMBDA_IMAGE.map((action) => ({ action, values, docUrl: LAMBDA_IMAGE_DOC }));
}

/** The actions on the ECR repository an image names, when the image is in an ECR registry. */
function ecrImageNeeds(image: ShellWord, actions: readonly string[], docUrl: string): Need[] {
  let text = image.value;
  let shift = 0;
  // `$ECR_REGISTRY/repo:tag`: a registry known only at run time, named after ECR (GitHub's ECS starter workflow).
  if (text.startsWith('*/') && image.dynamic.some((d) => /ecr/i.test(d))) {
    const registry = '*.dkr.ecr.*.amazonaws.com';
    text = `${registry}${text.slice(1)}`;
    shift = registry.length - 1;
  }
  const match = ECR_IMAGE.exec(text);
  if (match?.indices === undefined) return [];
  // Each part names only the expansions that form it (shell.ts, slicePart).
  const part = (group: number): Known | undefined => {
    const [start, end] = match.indices?.[group] ?? [0, 0];
    const value = match[group] as string;
    if (value === '*' && group < 3) return undefined;
    return known(slicePart(image, start - shift, end - shift)) as Known;
  };
  const values = { Account: part(1), Region: part(2), RepositoryName: part(3) };
  return actions.map((action) => ({ action, values, docUrl }));
}
