/**
 * What a secret may be declared to hold (`github.secret-arns` in the configuration, `--secret-arn` for predict): only
 * what is not secret in itself and names the role a job assumes, never a credential. A role ARN
 * (`role-to-assume: ${{ secrets.AWS_ROLE_ARN }}`), a 12-digit account ID
 * (`arn:aws:iam::${{ secrets.AWS_ACCOUNT }}:role/deploy`), or a role's name, with its path when it has one
 * (`arn:aws:iam::111122223333:role/${{ secrets.CI_IAM_ROLE }}`). A role name is 1 to 64 letters, digits and `+=,.@_-`,
 * and a path up to 512 characters (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html, "IAM
 * name requirements"; https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html).
 */
import { redactSecretShapes } from '../text/secret-shapes.js';

/**
 * The pattern of a declarable value, as schema/preflight.schema.json writes it for `github.secret-arns`
 * (`__tests__/config/variables.test.ts` keeps the two the same).
 */
export const SECRET_VALUE_PATTERN =
  '^(arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+|\\d{12}|(?=[\\w+=,.@/-]{1,576}$)([\\w+=,.@-]+/)*[\\w+=,.@-]{1,64})$';

const SECRET_VALUE = new RegExp(SECRET_VALUE_PATTERN, 'u');

/**
 * An AWS secret access key: 40 characters of base64 (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html
 * shows `wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY`); a role name holds no `/` and a path rarely ends in 40 such
 * characters, so such a value is refused rather than declared.
 */
const SECRET_ACCESS_KEY = /^[A-Za-z0-9/+]{40}$/;

/**
 * The documented prefixes of credentials (the list of src/text/secret-shapes.ts): a value that begins with one is refused
 * even when it is too short to be redacted as a token, since a role name never needs to look like one.
 */
const CREDENTIAL_PREFIX =
  /^(?:gh[pousr]_|github_pat_|npm_|glpat-|xox[abps]-|ya29\.|AIza|sk-|sk_live_|rk_live_|AKIA|ASIA)/;

/** What the value declared for a secret may be, for error messages. */
export const SECRET_VALUE_KINDS =
  'a role ARN (arn:aws:iam::111122223333:role/deploy), a 12-digit account ID or a role name (deploy, or with its path: ci/deploy)';

/** Whether a value may be declared as what a secret holds: it names a role or an account and is no credential. */
export function declarableSecretValue(value: string): boolean {
  return (
    SECRET_VALUE.test(value) &&
    !SECRET_ACCESS_KEY.test(value) &&
    !CREDENTIAL_PREFIX.test(value) &&
    redactSecretShapes(value) === value
  );
}

/**
 * A role ARN as IAM forms it: `arn:PARTITION:iam::ACCOUNT:role/PATH/NAME`, a 12-digit account, and a path and name of
 * letters, digits and `+=,.@_-` (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-arns;
 * IAM name requirements in reference_iam-quotas.html). No role's ARN has a `:` past `role/`.
 */
const ROLE_ARN_SHAPE = /^arn:aws[a-z-]*:iam::\d{12}:role\/(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/u;

/** A value declared for a secret or variable (`secrets.NAME`, `vars.NAME`), with the environment that declares it. */
export interface DeclaredValue {
  readonly reference: string;
  readonly value: string;
  readonly environment?: string;
}

/**
 * A declared value that is a whole role ARN, which a workflow put where a part of one goes: the role name
 * (`arn:aws:iam::${{ secrets.ACCOUNT }}:role/${{ secrets.ROLE_NAME }}`) or the account. The ARN built is then no role
 * ARN (`…:role/arn:aws:iam::111122223333:role/deploy`), and `should` is what the value would be in that place.
 */
export interface MisplacedArn {
  readonly declared: DeclaredValue;
  readonly place: 'role name' | 'account ID';
  readonly should: string;
}

/**
 * Why `roleArn`, built by a workflow from declared values, is no role ARN, when a declared role ARN stands in it where
 * a role name or an account ID goes; undefined when `roleArn` has a role ARN's shape or no declared value explains it.
 * The values `expression` reads are tried first; the others too, since it may read them through `env` (a job's
 * `env.ROLE` written from the secret).
 */
export function misplacedArn(
  roleArn: string,
  expression: string | undefined,
  declared: readonly DeclaredValue[],
): MisplacedArn | undefined {
  if (ROLE_ARN_SHAPE.test(roleArn)) return undefined;
  const reads = (d: DeclaredValue) =>
    expression !== undefined && new RegExp(`\\b${d.reference.replace('.', '\\.')}\\b`).test(expression);
  for (const d of [...declared.filter(reads), ...declared.filter((d) => !reads(d))]) {
    if (!ROLE_ARN_SHAPE.test(d.value) || d.value === roleArn) continue;
    const at = roleArn.indexOf(d.value);
    if (at < 0) continue;
    const before = roleArn.slice(0, at);
    if (/:iam::$/.test(before)) return { declared: d, place: 'account ID', should: d.value.split(':')[4] ?? '' };
    if (/:role\/(?:[\w+=,.@-]+\/)*$/.test(before)) {
      return { declared: d, place: 'role name', should: d.value.slice(d.value.indexOf(':role/') + ':role/'.length) };
    }
  }
  return undefined;
}
