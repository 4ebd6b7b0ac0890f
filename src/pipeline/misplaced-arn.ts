/**
 * A role ARN a workflow builds around a declared value that is itself a whole role ARN
 * (`arn:aws:iam::${{ secrets.ACCOUNT }}:role/${{ secrets.ROLE_NAME }}` with ROLE_NAME declared as
 * `arn:aws:iam::111122223333:role/deploy`): the ARN built is no role's, and the finding names the secret or variable
 * and what it would hold in that place (src/config/secret-values.ts `misplacedArn`).
 */
import { type DeclaredValue, misplacedArn } from '../config/secret-values.js';
import { type Finding, finding } from '../model/finding.js';
import type { Variables } from '../model/variables.js';
import type { WorkflowValue } from '../workflows/index.js';

const ARN_FORMATS = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-arns';

/** Every value declared for `context` (`secrets`, `vars`) in the listings, each with the environment that gives it. */
function declaredValues(context: 'secrets' | 'vars', listings: readonly (Variables | undefined)[]): DeclaredValue[] {
  const out: DeclaredValue[] = [];
  for (const v of listings) {
    for (const [name, value] of Object.entries(v?.repository?.values ?? {}))
      out.push({ reference: `${context}.${name}`, value });
    for (const [environment, listing] of Object.entries(v?.environments ?? {}))
      for (const [name, value] of Object.entries(listing.values))
        out.push({ reference: `${context}.${name}`, value, environment });
  }
  return out;
}

/** What the finding needs: the role built, the value it came from, and the declarations. */
export interface MisplacedArnInput {
  readonly id: string;
  readonly subject: string;
  readonly roleArn: string;
  readonly role: WorkflowValue | undefined;
  readonly secrets: Variables | undefined;
  readonly variables: readonly (Variables | undefined)[] | undefined;
  readonly location: NonNullable<Finding['location']>;
}

/**
 * The finding for a role ARN that a declared role ARN, put where a role name or account ID goes, made into no role's
 * ARN; undefined when that is not what happened. Unverified: the declaration or the workflow is wrong, and which one
 * only its author knows; as written, the step would ask STS for a role no account can have.
 */
export function misplacedArnFinding(input: MisplacedArnInput): Finding | undefined {
  const expression = input.role?.kind === 'known' ? input.role.expression : undefined;
  const declared = [...declaredValues('secrets', [input.secrets]), ...declaredValues('vars', input.variables ?? [])];
  const found = misplacedArn(input.roleArn, expression, declared);
  if (!found) return undefined;
  const { declared: d, place, should } = found;
  const secret = d.reference.startsWith('secrets.');
  const name = d.reference.slice(d.reference.indexOf('.') + 1);
  const what = secret ? `the secret ${name}` : `the variable ${name}`;
  const where = d.environment ? ` in environment ${d.environment}` : '';
  const declare = secret
    ? `\`--secret-arn ${d.environment ? `${d.environment}:` : ''}${name}=${should}\` for predict, or \`github.secret-arns\` in .github/preflight.yml`
    : `the variable's value (\`--vars\`, \`--environment-vars\` for predict, or \`github.variables\` in .github/preflight.yml)`;
  return finding('invalid-role-arn', {
    id: input.id,
    subject: input.subject,
    status: 'unverified',
    decisionPoint: 'config',
    message:
      `The role the step assumes is \`${input.roleArn}\`, which is no role ARN: ${what}${where} is declared to hold the role ARN \`${d.value}\`, ` +
      `but the workflow${expression ? ` (\`${expression}\`)` : ''} puts it where the ${place} goes, so its trust cannot be checked.`,
    fix:
      `If ${what} holds the ${place} (\`${should}\`), declare that: ${declare}. ` +
      `If it holds the whole role ARN, the step asks STS for \`${input.roleArn}\`, a role no account can have: write \`role-to-assume: \${{ ${d.reference} }}\` in the workflow.`,
    evidence: { roleArn: input.roleArn, [secret ? 'secret' : 'variable']: name, holds: place },
    docUrl: ARN_FORMATS,
    location: input.location,
  });
}
