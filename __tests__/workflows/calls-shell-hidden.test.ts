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
    // A literal variable is still substituted, and a command after the expansion still read.
    expect(lines('echo "${#A}"; aws s3 ls s3://acme-www')).toEqual(['s3:ListBucket arn:aws:s3:::acme-www']);
  });
});
