// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${...}` here is shell, not JS.
/**
 * Forms that hide an AWS CLI call from a plain reading of a script: a command substitution inside a parameter
 * expansion's word (src/workflows/calls/shell.ts), wrappers in their less usual forms (wrappers.ts, cli.ts), and a
 * program the inference does not know given the AWS CLI as its arguments (index.ts). Each is read as the call it
 * runs, or reported; never passed over. The pages each form follows are named at each test.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/sources/catalog.js';
import { type CallContext, inferStepCalls } from '../../src/workflows/calls/index.js';
import { runStep } from '../fixtures/steps/run-step.js';

const catalog = await loadCatalog();
const CONTEXT: CallContext = { region: 'eu-west-1', account: '111122223333' };
const infer = (script: string) => inferStepCalls(runStep(script), catalog, CONTEXT);
const lines = (script: string) => infer(script).permissions.map((p) => p.line);
const kinds = (script: string) => infer(script).notInferred.map((n) => n.kind);
const CREATE = 'aws iam create-user --user-name deploy-bot';
const USER = ['iam:CreateUser arn:aws:iam::111122223333:user/deploy-bot'];

describe('a command substitution in a parameter expansion runs (bash manual, Shell Parameter Expansion)', () => {
  it('the word of ${A:-…}, ${A:=…} and ${A/…/} is expanded, its command substitutions run', () => {
    expect(lines(`X="\${A:-$(${CREATE})}"`)).toEqual(USER);
    expect(lines(`X=\${A:-$(${CREATE})}`)).toEqual(USER);
    expect(lines(`: "\${A:=$(${CREATE})}"`)).toEqual(USER);
    expect(lines(`echo "\${A:-\`${CREATE}\`}"`)).toEqual(USER);
    expect(lines(`echo "\${A/$(${CREATE})/}"`)).toEqual(USER);
    expect(lines(`echo \${A:-$(${CREATE})}`)).toEqual(USER);
    expect(lines(`[[ -n "\${X:-$(${CREATE})}" ]]`)).toEqual(USER);
  });

  it('the expansion ends at the } that closes it: nested ${…} and quoted } do not', () => {
    expect(lines(`echo "\${A:-\${B:-$(${CREATE})}}"`)).toEqual(USER);
    expect(lines(`echo "\${A:-"}"}$(${CREATE})"`)).toEqual(USER);
    // Single-quoted outside double quotes, the word is text: nothing runs.
    expect(lines(`echo \${A:-'$(${CREATE})'}`)).toEqual([]);
    // A GitHub expression in the word does not close it.
    expect(lines('aws s3 ls "s3://${BUCKET:-${{ vars.BUCKET }}}/site"')).toEqual(['s3:ListBucket arn:aws:s3:::*']);
    // A literal variable is still substituted, and a command after the expansion still read.
    expect(lines('echo "${#A}"; aws s3 ls s3://acme-www')).toEqual(['s3:ListBucket arn:aws:s3:::acme-www']);
  });
});

describe('a wrapper in its less usual forms runs the command it is given', () => {
  it('watch runs its arguments joined through sh -c, unless -x (https://man7.org/linux/man-pages/man1/watch.1.html)', () => {
    expect(lines(`watch "${CREATE}"`)).toEqual(USER);
    expect(lines(`watch -n 5 "${CREATE}"`)).toEqual(USER);
    expect(lines(`watch -n5 -d "${CREATE}"`)).toEqual(USER);
    expect(lines(`watch -n 5 ${CREATE}`)).toEqual(USER);
    expect(lines(`watch -x ${CREATE}`)).toEqual(USER);
    // With -x the string is one word, exec'd as a program of that name: not the AWS CLI.
    expect(lines(`watch -x "${CREATE}"`)).toEqual([]);
  });

  it('timeout skips -k DURATION, -s SIGNAL and -- (https://www.gnu.org/software/coreutils/manual/html_node/timeout-invocation.html)', () => {
    expect(lines(`timeout -k 5 10 ${CREATE}`)).toEqual(USER);
    expect(lines(`timeout -s KILL 10 ${CREATE}`)).toEqual(USER);
    expect(lines(`timeout --signal TERM --kill-after 5 10 ${CREATE}`)).toEqual(USER);
    expect(lines(`timeout -k5 --signal=KILL 10 ${CREATE}`)).toEqual(USER);
    expect(lines(`timeout -- 10 ${CREATE}`)).toEqual(USER);
    expect(lines(`timeout 10m -- ${CREATE}`)).toEqual(USER);
  });

  it('setsid -c/-f/-w and doas options come before the command (man7 setsid(1), man.openbsd.org doas(1))', () => {
    expect(lines(`setsid -w ${CREATE}`)).toEqual(USER);
    expect(lines(`setsid --fork ${CREATE}`)).toEqual(USER);
    expect(lines(`doas ${CREATE}`)).toEqual(USER);
    expect(lines(`doas -n -u deploy ${CREATE}`)).toEqual(USER);
  });

  it('a short option with its value attached (su(1), script(1): getopt)', () => {
    expect(lines(`su -c"${CREATE}" runner`)).toEqual(USER);
    expect(lines(`script -c"${CREATE}" /dev/null`)).toEqual(USER);
    expect(lines(`script -qc"${CREATE}" /dev/null`)).toEqual(USER);
    expect(lines(`flock -w10 /tmp/lock ${CREATE}`)).toEqual(USER);
  });

  it('a shell option cluster ending in o takes the next word (bash manual, Invoking Bash and The Set Builtin)', () => {
    expect(lines(`echo "${CREATE}" | bash -eo pipefail`)).toEqual(USER);
    expect(lines(`bash --noprofile --norc -eo pipefail <<'EOF'\n${CREATE}\nEOF`)).toEqual(USER);
    expect(lines(`bash -euxo pipefail -c "${CREATE}"`)).toEqual(USER);
    expect(kinds('bash -eo pipefail deploy.sh')).toEqual(['script-file']);
  });

  it('function NAME { …; } is a function definition whose body is read (bash manual, Shell Functions)', () => {
    expect(lines(`function f { ${CREATE}; }; f`)).toEqual(USER);
    expect(lines(`function f {\n  ${CREATE}\n}\nf`)).toEqual(USER);
  });

  it('a process substitution in [[ ]] runs, and (( that is not arithmetic opens subshells (bash manual)', () => {
    expect(lines(`[[ -f <(${CREATE}) ]]`)).toEqual(USER);
    expect(lines(`((echo a) | cat) && ${CREATE}`)).toEqual(USER);
    // An arithmetic command stays one.
    expect(lines(`(( $(${CREATE} | wc -l) > 0 ))`)).toEqual(USER);
    expect(lines('(( (1 + 2) * 3 > 4 )) && aws s3 ls s3://acme-www')).toEqual(['s3:ListBucket arn:aws:s3:::acme-www']);
  });
});

describe('programs that run a command given to them, read as the command they run', () => {
  it('trap ACTION SIGNAL runs ACTION as a script (bash manual, Bourne Shell Builtins: trap)', () => {
    expect(lines(`trap '${CREATE}' EXIT`)).toEqual(USER);
    expect(lines(`trap -- '${CREATE}' ERR INT`)).toEqual(USER);
    // One word, or `-`, resets: nothing runs.
    expect(lines(`trap - EXIT; trap EXIT`)).toEqual([]);
  });

  it('sg GROUP -c, nix-shell --run and at read their command as a script (sg(1), nix-shell, POSIX at)', () => {
    expect(lines(`sg docker -c "${CREATE}"`)).toEqual(USER);
    expect(lines(`sg docker "${CREATE}"`)).toEqual(USER);
    expect(lines(`nix-shell -p awscli2 --run "${CREATE}"`)).toEqual(USER);
    expect(lines(`nix-shell --command '${CREATE}'`)).toEqual(USER);
    expect(lines(`echo '${CREATE}' | at now`)).toEqual(USER);
    expect(lines(`at now + 1 minute <<'EOF'\n${CREATE}\nEOF`)).toEqual(USER);
    expect(kinds('at -f deploy.sh now')).toEqual(['script-file']);
  });

  it('busybox runs its applet: its sh and ash read as a shell (BusyBox command help)', () => {
    expect(lines(`busybox sh -c "${CREATE}"`)).toEqual(USER);
    expect(lines(`echo "${CREATE}" | busybox ash`)).toEqual(USER);
    expect(lines(`busybox timeout 10 ${CREATE}`)).toEqual(USER);
  });

  it('coproc [NAME] runs its command (bash manual, Coprocesses)', () => {
    expect(lines(`coproc ${CREATE}`)).toEqual(USER);
    expect(lines(`coproc USERS { ${CREATE}; }`)).toEqual(USER);
  });

  it('GNU parallel with no command runs its input lines, or the arguments after :::, as commands', () => {
    expect(lines(`echo '${CREATE}' | parallel`)).toEqual(USER);
    expect(lines(`parallel ::: '${CREATE}'`)).toEqual(USER);
    expect(kinds('parallel :::: commands.txt')).toEqual(['script-file']);
    expect(kinds('curl -s https://example.com/jobs | parallel')).toEqual(['dynamic-command']);
  });

  it('fish and PowerShell given a command are read as a script in a shell the preflight does not read', () => {
    // PowerShell passes a plain `aws` line to the CLI as bash does (about_pwsh, -Command).
    expect(lines(`pwsh -c "${CREATE}"`)).toEqual(USER);
    expect(lines(`pwsh -NoProfile -Command "${CREATE}"`)).toEqual(USER);
    expect(lines(`echo "${CREATE}" | pwsh -Command -`)).toEqual(USER);
    expect(kinds('pwsh -Command "Write-S3Object -BucketName acme-www -File index.html"')).toEqual(['unread-shell']);
    // fish's language is not read: asked about (https://fishshell.com/docs/current/cmds/fish.html).
    expect(kinds(`fish -c "${CREATE}"`)).toEqual(['unread-shell']);
    expect(kinds(`echo "${CREATE}" | fish`)).toEqual(['unread-shell']);
    expect(infer('fish -c "echo hello"').notInferred).toEqual([]);
    expect(kinds('fish deploy.fish')).toEqual(['script-file']);
    expect(kinds('pwsh -EncodedCommand YQB3AHMA')).toEqual(['dynamic-command']);
    expect(kinds('pwsh -ec YQB3AHMA')).toEqual(['dynamic-command']);
  });

  it('uv run - runs the Python script on its standard input (docs.astral.sh/uv, uv run)', () => {
    expect(kinds(`echo 'import os; os.system("${CREATE}")' | uv run -`)).toEqual(['opaque-tool']);
    expect(kinds(`uv run - <<'EOF'\nimport boto3\nboto3.client("iam").create_user(UserName="x")\nEOF`)).toEqual([
      'opaque-tool',
    ]);
    expect(kinds('uv run - < deploy.py')).toEqual(['script-file']);
  });

  it('php given code that runs the AWS CLI on its standard input or with -r (php.net, command line usage)', () => {
    expect(kinds(`echo 'exec("${CREATE}");' | php`)).toEqual(['opaque-tool']);
    expect(kinds(`php -r 'system("${CREATE}");'`)).toEqual(['opaque-tool']);
    expect(kinds('php -r \'echo "a/b";\'')).toEqual([]);
    expect(kinds('php bin/deploy.php')).toEqual(['script-file']);
  });
});

describe('a program the inference does not know, given the AWS CLI as its arguments, is asked about', () => {
  it('chroot, unshare, nsenter, setpriv, systemd-run, chrt, retry, ssh: dynamic-command, never passed over', () => {
    for (const prefix of [
      'chroot /',
      'unshare -r',
      'nsenter -t 1',
      'setpriv --reuid=1000',
      'systemd-run --user',
      'chrt -i 0',
      'retry --',
      'ssh deploy@bastion',
      'docker exec web',
    ]) {
      const calls = infer(`${prefix} ${CREATE}`);
      expect(calls.permissions, prefix).toEqual([]);
      expect(
        calls.notInferred.map((n) => [n.kind, n.reason]),
        prefix,
      ).toEqual([
        [
          'dynamic-command',
          'may run the AWS CLI given in its arguments (`aws iam …`), in a form the preflight does not read; declare the permission lines it needs',
        ],
      ]);
    }
    expect(kinds('chroot /srv /usr/local/bin/aws --region eu-west-1 s3 ls')).toEqual(['dynamic-command']);
  });

  it('programs that never run their arguments, installs of the CLI, and words that are not a service stay silent', () => {
    for (const script of [
      'which aws',
      'command -v aws',
      'type aws',
      'echo aws s3 sync dist s3://acme-www',
      'printf "%s\\n" aws s3 ls',
      'grep -r aws s3',
      'ls aws',
      'cd aws',
      'pip install awscli',
      'apt-get install -y awscli',
      'brew install awscli',
      'retry -- aws --version',
      'chroot / aws configure list',
      'nix-env -iA nixpkgs.awscli2',
    ]) {
      expect(infer(script), script).toEqual({ permissions: [], notInferred: [] });
    }
  });
});
