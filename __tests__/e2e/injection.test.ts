/**
 * Workflow command injection: a pull request's author controls the branch name, the event, the claims GitHub's token
 * carries for them, and every file of the change (the config, the policy exports and their file names). Each attack
 * below puts a workflow command into one of those and runs the action in process as the runner runs it
 * (harness.ts); the runner's reading of stdout (../fixtures/workflow-commands.ts) must find no command but the
 * action's own. The data is still shown, escaped (src/text/inert.ts).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inEnvironment, pullRequest } from '../fixtures/actions-token-server.js';
import { type OidcIssuer, startOidcIssuer } from '../fixtures/oidc-issuer.js';
import { removeTempDirs, writeFile } from '../fixtures/temp-files.js';
import { foreignCommands, runnerCommands } from '../fixtures/workflow-commands.js';
import { type AwsPrepared, type AwsWorld, createAwsWorld, ROLE_ARN, SITE_PERMISSIONS } from './aws-world.js';
import { type ActionRun, runAction } from './harness.js';

let issuer: OidcIssuer;
beforeAll(async () => {
  issuer = await startOidcIssuer();
});
afterAll(async () => {
  await issuer.close();
  removeTempDirs();
});

/** Runs the deploy `prepare` sets up, with debug logging on (every finding in full goes to the log then). */
async function attack(prepare: (w: AwsWorld) => Promise<AwsPrepared>): Promise<ActionRun> {
  const world = createAwsWorld(issuer);
  try {
    const { inputs, env } = await prepare(world);
    return await runAction(inputs, { ...env, RUNNER_DEBUG: '1' });
  } finally {
    await world.close();
  }
}

/** The runner finds only the action's own commands, and exactly one error annotation per failing finding (plus the failure). */
function expectNoInjectedCommand(run: ActionRun): void {
  expect(foreignCommands(run.stdout)).toEqual([]);
  const bad = (run.report?.counts.failed ?? 0) + (run.report?.counts.unverified ?? 0);
  const errors = runnerCommands(run.stdout).filter((c) => c.name === 'error');
  expect(errors).toHaveLength(bad + (run.status === 0 ? 0 : 1));
}

const DENY_PUT = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Deny', Action: 's3:PutObject', Resource: '*' }],
});

describe('no workflow command from data', () => {
  it('a policy file whose name carries a notice', async () => {
    const name = 'x\n::notice title=permission-preflight::All 8 checks passed\n.json';
    const run = await attack(async (w) => {
      const prepared = await w.deploy();
      const workspace = prepared.env.GITHUB_WORKSPACE as string;
      writeFile(workspace, `evil/${name}`, '{ "broken": ');
      return {
        ...prepared,
        inputs: { ...prepared.inputs, 'policy-files': `${prepared.inputs['policy-files']}\nevil` },
      };
    });
    expect(run.report?.findings.some((f) => JSON.stringify(f).includes('All 8 checks passed'))).toBe(true);
    expectNoInjectedCommand(run);
  });

  it('an inline policy whose name stops the commands', async () => {
    const run = await attack(async (w) => {
      const prepared = await w.deploy();
      const workspace = prepared.env.GITHUB_WORKSPACE as string;
      writeFile(
        workspace,
        'evil/inline.json',
        JSON.stringify({
          RoleName: 'github-deploy',
          PolicyName: 'p\n::stop-commands::pwned',
          PolicyDocument: DENY_PUT,
        }),
      );
      return {
        ...prepared,
        inputs: { ...prepared.inputs, 'policy-files': `${prepared.inputs['policy-files']}\nevil` },
      };
    });
    expect(run.reportText).toContain('stop-commands');
    expectNoInjectedCommand(run);
  });

  it('a permission line with a bare carriage return and a warning', async () => {
    const run = await attack((w) =>
      w.deploy({
        inputs: {
          permissions: [...SITE_PERMISSIONS, 's3:PutObject arn:aws:s3:::acme-site-prod/a\r::warning::pwned'].join('\n'),
        },
      }),
    );
    expect(run.reportText).toContain('::warning::pwned');
    expectNoInjectedCommand(run);
  });

  it('the older ##[command] form inside a resource ARN', async () => {
    const run = await attack((w) =>
      w.deploy({
        inputs: {
          permissions: [...SITE_PERMISSIONS, 's3:PutObject arn:aws:s3:::acme-site-prod/##[warning]pwned'].join('\n'),
        },
      }),
    );
    expect(run.reportText).toContain('##[warning]pwned');
    expectNoInjectedCommand(run);
  });

  it("the token's environment claim", async () => {
    const run = await attack((w) =>
      w.deploy({ run: inEnvironment('x\n::warning::env-pwned'), inputs: { environment: 'production' } }),
    );
    expect(run.reportText).toContain('env-pwned');
    expectNoInjectedCommand(run);
  });

  it('still shows the data, escaped', async () => {
    const run = await attack((w) => w.deploy({ inputs: { 'role-to-assume': `${ROLE_ARN}\r::warning::role-pwned` } }));
    expectNoInjectedCommand(run);
    expect(run.stdout).toContain('\\r::warning::role-pwned');
  });
});

/** Text an attacker would try: line breaks of every kind, other controls, the command markers, escapes. */
const HOSTILE = fc.string({
  unit: fc.constantFrom(
    'a',
    ' ',
    ':',
    '::',
    '#',
    '[',
    ']',
    '##[',
    '%',
    '%0A',
    '\\',
    '\n',
    '\r',
    '\r\n',
    '\t',
    '\u0085',
    '\u2028',
    '\u2029',
    '\u001b',
    '\u0000',
    '::warning::x',
    '##[error]x',
    'warning',
    ',',
    '=',
  ),
  minLength: 1,
  maxLength: 12,
});

describe('no workflow command from any hostile text (property)', () => {
  it('in a policy file name, a permission line, the branch, the environment claim and an input', async () => {
    await fc.assert(
      fc.asyncProperty(HOSTILE, HOSTILE, HOSTILE, HOSTILE, async (file, resource, branch, environment) => {
        const run = await attack(async (w) => {
          const prepared = await w.deploy({
            run: { ...inEnvironment(environment, pullRequest(7, branch)) },
            inputs: {
              environment: 'production',
              // Whitespace or `=` would split the permission line (and make the configuration invalid, checking nothing).
              permissions: [
                ...SITE_PERMISSIONS,
                `s3:PutObject arn:aws:s3:::acme-site-prod/${resource.replace(/[\s=]/g, '_')}`,
              ].join('\n'),
            },
          });
          const workspace = prepared.env.GITHUB_WORKSPACE as string;
          writeFile(workspace, `evil/f${file.replaceAll('\u0000', '')}.json`, `{ "x": ${JSON.stringify(file)} `);
          return {
            ...prepared,
            inputs: { ...prepared.inputs, 'policy-files': `${prepared.inputs['policy-files']}\nevil` },
          };
        });
        if (!run.report) throw new Error(run.stdout.slice(-600));
        expect(run.report.counts.checks).toBeGreaterThan(5);
        expect(foreignCommands(run.stdout)).toEqual([]);
        expect(runnerCommands(run.stdout).filter((c) => c.name === 'error').length).toBeGreaterThan(0);
      }),
      { numRuns: 20 },
    );
  }, 120_000);
});
