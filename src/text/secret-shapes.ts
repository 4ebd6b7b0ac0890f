/**
 * The shapes a secret takes in text the run quotes but did not write: a job's log line (explain, src/diagnose/) and a
 * workflow's text (a step's command line or script, a `with:` value) in a workflow finding
 * (src/pipeline/workflows.ts). The runner masks the secrets it knows (`***`), but a log also holds what it never
 * knew (a token a tool fetched, printed in a debug line or a URL), and a workflow a credential written in it
 * literally. The shapes below are the documented forms of the credentials a deploy handles:
 * - a JWT (three base64url parts, the first two JSON objects: RFC 7519 §3), such as GitHub's OIDC token;
 * - GitHub's tokens, by their prefixes `ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_`, `github_pat_`
 *   (https://github.blog/engineering/platform-security/behind-githubs-new-authentication-token-formats/);
 * - npm's tokens, `npm_` (https://docs.npmjs.com/about-access-tokens);
 * - AWS access key ids `AKIA`/`ASIA` and a secret access key or session token after its name
 *   (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids);
 * - an `Authorization` header's credential, a URL's user name and password, and its query (src/text/secrets.ts);
 * - a value after a name that holds a secret, in `k=v`, `k: v` and JSON's `"k":"v"`, the name matched case-insensitively
 *   and as the last part of a longer one (`AZURE_CLIENT_SECRET`, `x_amz_security_token`): token, access_token,
 *   refresh_token, id_token, client_secret, auth (a docker config's base64 `user:token`,
 *   https://docs.docker.com/reference/cli/docker/login/#credential-stores), password, secret, api_key…;
 * - the same names for a plain credential with the value after spaces (`aws configure set aws_secret_access_key …`),
 *   and `curl -u user:password`'s password (https://curl.se/docs/manpage.html#-u);
 * - a PEM private key's body (RFC 7468 §10: `-----BEGIN … PRIVATE KEY-----`);
 * - a webhook URL's secret path: Slack's `hooks.slack.com/services/T…/B…/SECRET`
 *   (https://api.slack.com/messaging/webhooks), Discord's `discord.com/api/webhooks/ID/TOKEN`
 *   (https://discord.com/developers/docs/resources/webhook);
 * - tokens by their documented prefixes: GitLab's `glpat-` and its other `gl…-` tokens
 *   (https://docs.gitlab.com/security/tokens/#token-prefixes), Google's OAuth access token `ya29.` and API key `AIza`
 *   (https://cloud.google.com/docs/authentication/token-types), Slack's `xoxb-`, `xoxp-`, `xoxa-`, `xoxs-`
 *   (https://api.slack.com/authentication/token-types), OpenAI's and Anthropic's `sk-`, Stripe's `sk_live_`/`rk_live_`,
 *   and a Microsoft Entra client secret (`…Q~…`, https://learn.microsoft.com/en-us/entra/identity-platform/how-to-add-credentials).
 * - a command-line option named for a secret and its value after a space or `=`: `--token V`, `--secret V`,
 *   `--secret-key V`, `--api-token V`, `--auth-token V`, `--password V`, `--api-key V`, `--client-secret V` (curl's
 *   `--oauth2-bearer`, https://curl.se/docs/manpage.html#--oauth2-bearer, the AWS CLI's `--secret-key`, docker's
 *   `login --password`/`-p`, https://docs.docker.com/reference/cli/docker/login/);
 * - MySQL's and MariaDB's password written against `-p` (`mysql -uadmin -pSECRET`: "there must be no space between
 *   -p and the password", https://dev.mysql.com/doc/refman/8.4/en/connection-options.html#option_general_password;
 *   `-p NAME` names a database, and is kept);
 * - a signed URL's query: an Azure shared access signature's `sig`
 *   (https://learn.microsoft.com/en-us/rest/api/storageservices/create-service-sas#specify-the-signature) and AWS
 *   Signature Version 4's `X-Amz-Signature`, `X-Amz-Credential` and `X-Amz-Security-Token`
 *   (https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html);
 * - a Telegram bot's token in its API URL's path, `/bot<id>:<secret>/`
 *   (https://core.telegram.org/bots/api#making-requests);
 * - a webhook URL's secret path after a `webhook`/`webhooks`/`webhookb2` segment (Microsoft Teams' incoming
 *   webhooks, https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook,
 *   and the same form elsewhere), when it holds a digit and is 16 characters or more (a documentation page's words do not).
 * A workflow expression after a name (`AWS_SECRET_ACCESS_KEY: ${{ secrets.KEY }}`) names a secret without holding it,
 * and is kept (https://docs.github.com/en/actions/reference/workflows-and-actions/expressions).
 * Pure: no I/O.
 */
import { createHash } from 'node:crypto';
import { redactUrl } from './secrets.js';

const MASK = '***';

const SHAPES: readonly RegExp[] = [
  /\beyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g,
  /\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})/g,
  /\bnpm_[A-Za-z0-9]{30,}/g,
  /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g,
  /\bgl(?:pat|ptt|dt|rt|cbt|oas|soat|ft|imt|agent|rtr)-[A-Za-z0-9_-]{16,}/g,
  /\bya29\.[A-Za-z0-9_-]{10,}/g,
  /\bAIza[A-Za-z0-9_-]{30,}/g,
  /\bxox[abeoprs]-[A-Za-z0-9-]{10,}/g,
  /\b(?:sk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,}|[sr]k_(?:live|test)_[A-Za-z0-9]{16,})/g,
  /(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.-]{0,3}\dQ~[A-Za-z0-9_~.-]{30,}/g,
];

/** A PEM private key: the header kept, the body (to the footer, or the end of the text) cut. */
const PEM = /(-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----)[\s\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY-----|$)/g;

/** A webhook URL's secret path: Slack's and Discord's. */
const WEBHOOK =
  /(\bhooks\.slack\.com\/(?:services|workflows|triggers)\/|\bdiscord(?:app)?\.com\/api\/webhooks\/)[^\s"'<>)`]+/gi;

/**
 * A value after a name that holds a secret: `aws_secret_access_key = …`, `AWS_SESSION_TOKEN: …`, `"access_token":"…"`,
 * `_authToken=…`, `token=…`, `"auth":"…"`. The name stands alone or ends a longer one after `_`, `-` or `.`, so an
 * error's name (`ExpiredToken: The security token …`) is not one.
 */
const NAMED =
  /((?<![\w.-])(?:[\w.-]*[_.-])?(?:secret[_-]?access[_-]?key|(?:session|security|access|refresh|id|auth|identity|bearer)[_-]?token|client[_-]?secret|api[_-]?key|apikey|private[_-]?key|token|secret|password|passwd|pwd|auth)["']?\s*[:=]\s*(?:[bBuUrR]?["'])?)(?!\$\{\{)[^\s"',;&}]+/gi;

/**
 * The same names for what is plainly a credential, with the value after spaces or a tab: `aws configure set
 * aws_secret_access_key VALUE` (https://docs.aws.amazon.com/cli/latest/reference/configure/set.html), a variable and its
 * value printed in columns. A word of prose after the name (`password is`) is not a value.
 */
const NAMED_SPACED =
  /((?<![\w.-])(?:[\w.-]*[_.-])?(?:secret[_-]?access[_-]?key|(?:session|security|access|refresh|bearer)[_-]?token|client[_-]?secret|api[_-]?key|apikey|private[_-]?key|password|passwd)["']?[ \t]+(?:[bBuUrR]?["'])?)(?!\$\{\{|(?:is|was|has|not|for|of|the|to|in|and|or|are|must|cannot|could|will|expired|invalid|required|missing)\b)[^\s"',;&}]+/gi;

/** `curl -u user:password`, `--user user:password`: the password after the user's name. */
const USER_OPTION = /((?:^|\s)(?:-u|--user)[ =]?["']?[^\s"':]+:)[^\s"']+/g;

/** `Authorization: Bearer …`, `Authorization: token …`, `Basic …`. */
const AUTHORIZATION =
  /(\b(?:authorization|proxy-authorization)["']?\s*[:=]\s*(?:[bBuUrR]?["'])?(?!\s*(?:(?:bearer|basic|token)\s+)?\$\{\{)(?:bearer|basic|token)?\s*)[^\s"',;]+/gi;

/**
 * A command-line option named for a secret, then its value after spaces or `=` (`--token V`, `--api-token=V`), and
 * docker login's `-p V`. A shell variable (`--token "$TOKEN"`) or a workflow expression names the secret without
 * holding it, and is kept, as is another option (`--password-stdin`).
 */
const SECRET_OPTION =
  /((?<![\w-])(?:--(?:[a-z0-9]+-)*(?:token|secret|secret-key|password|passwd|api-key|apikey|client-secret|oauth2-bearer)|(?<=\bdocker\s+login\b[^\n|;&]*\s)-p)(?:[ \t]+|=)["']?)(?![-$])[^\s"']+/gi;

/** MySQL's and MariaDB's `-pPASSWORD` (no space: `-p NAME` names a database), on their command's line. */
const MYSQL_PASSWORD =
  /((?<=\b(?:mysql|mysqldump|mysqladmin|mysqlimport|mysqlshow|mysqlcheck|mariadb(?:-dump|-admin|-import|-show|-check)?)\b[^\n|;&]*)\s-p)(?![$"'])([^\s"']+)/g;

/** A signed URL's query parameters that hold the signature or the credential: Azure SAS, AWS SigV4. */
const SIGNED_QUERY = /([?&](?:sig|x-amz-signature|x-amz-credential|x-amz-security-token)=)[^&\s"'#<>)`]+/gi;

/** A Telegram bot's token in its API URL's path: `/bot123456:SECRET/`, the bot's id kept. */
const TELEGRAM_BOT = /(\/bot\d{3,}:)[A-Za-z0-9_-]{10,}/g;

/** A webhook URL's path after its `webhook` segment, when it holds a digit and is 16 characters or more. */
const WEBHOOK_PATH = /(\/\/[^\s/"'<>]+\/(?:[^\s/?#"'<>]+\/)*?webhook(?:s|b2)?\/)([^\s"'<>)`?#]+)/gi;

/** The shapes every variant cuts whatever the words around them: a signed query, a bot's token, a webhook's path. */
function redactUrlSecrets(text: string): string {
  return text
    .replace(SIGNED_QUERY, `$1${MASK}`)
    .replace(TELEGRAM_BOT, `$1${MASK}`)
    .replace(WEBHOOK_PATH, (match, head: string, path: string) =>
      path.length >= 16 && /\d/.test(path) ? `${head}${MASK}` : match,
    )
    .replace(MYSQL_PASSWORD, `$1${MASK}`);
}

/** Absolute URLs, so their user info and query can be cut. */
const URL_PATTERN = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>()`]+/gi;

/**
 * Whether a value after a secret's name in the tool's own sentence is a credential rather than a word: the tool writes
 * `GitHub's OIDC token: it is given…` and `token: none`, a workflow `password: hunter22` or a key. Eight characters
 * with a digit, or sixteen of any kind (a word of prose is shorter).
 */
function credentialLike(value: string): boolean {
  return (value.length >= 8 && /\d/.test(value)) || value.length >= 16;
}

/**
 * What follows a secret's name in the tool's own words rather than a value: a workflow file's path (`github-token:
 * .github/workflows/ci.yml#build`, the tool's own finding ids and subjects), which no credential looks like.
 */
const TOOL_WORDS = /^(?:\.github\/|[^\s]*\.ya?ml(?:[#:]|$))/;

/**
 * A finding's id with every secret shape a workflow's text could put into it (a path, a job id) replaced by a
 * hash of it (`sha256:0123456789ab`): an id is the tool's key (the baseline matches findings by it, src/pipeline/
 * drift.ts), so it is never cut as prose is, yet carries no credential. The same secret gives the same id.
 */
export function hashIdSecrets(id: string): string {
  const hash = (secret: string) => `sha256:${createHash('sha256').update(secret).digest('hex').slice(0, 12)}`;
  let out = id.replace(URL_PATTERN, (url) =>
    url.replace(
      /^([a-z][a-z0-9+.-]*:\/\/)([^/?#\s@]*)@/i,
      (_m, scheme: string, info: string) => `${scheme}${hash(info)}@`,
    ),
  );
  for (const shape of [...SHAPES, PEM, WEBHOOK, SIGNED_QUERY, TELEGRAM_BOT]) out = out.replace(shape, (m) => hash(m));
  return out;
}

/**
 * The secret shapes of {@link redactSecretShapes} in the tool's own text that quotes a workflow (a finding's subject,
 * message, fix and evidence: src/pipeline/workflows.ts), where the tool's words stand around the quotes: a value after
 * a name and `: ` or spaces is cut only when it is {@link credentialLike} (one after `=` always), and a URL loses only
 * its user info (a link the tool cites keeps its fragment; a query's secret is cut by its name).
 */
export function redactQuotedSecrets(text: string): string {
  let out = text.replace(PEM, `$1 ${MASK}`);
  out = out.replace(URL_PATTERN, (url) => url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#\s@]*@/i, '$1'));
  out = out.replace(WEBHOOK, `$1${MASK}`);
  for (const shape of SHAPES) out = out.replace(shape, MASK);
  const named = (match: string, name: string) => {
    const value = match.slice(name.length);
    // A value after `=`, or quoted, is data, never the tool's words.
    const data = name.includes('=') || /["']$/.test(name);
    return !TOOL_WORDS.test(value) && (data || credentialLike(value)) ? `${name}${MASK}` : match;
  };
  out = redactUrlSecrets(out);
  out = out.replace(NAMED, named);
  out = out.replace(NAMED_SPACED, named);
  out = out.replace(SECRET_OPTION, (match: string, name: string) =>
    /["']$/.test(name) || credentialLike(match.slice(name.length)) ? `${name}${MASK}` : match,
  );
  out = out.replace(USER_OPTION, `$1${MASK}`);
  out = out.replace(AUTHORIZATION, `$1${MASK}`);
  return out.replace(REST_OF_QUOTE, `$1${MASK}`);
}

/**
 * A quoted value cut at its first word (`--token="***` then ` more words"`): the rest of the quote is the value too, and
 * is cut to the closing quote on its line.
 */
const REST_OF_QUOTE = /(["'])\*\*\*[^\n]*?(?=\1)/g;

/** `text` with every secret shape replaced by `***`, and every URL without its user info, query and fragment. */
export function redactSecretShapes(text: string): string {
  let out = text.replace(PEM, `$1 ${MASK}`);
  out = out.replace(URL_PATTERN, (url) => redactUrl(url));
  out = out.replace(WEBHOOK, `$1${MASK}`);
  for (const shape of SHAPES) out = out.replace(shape, MASK);
  out = redactUrlSecrets(out);
  out = out.replace(NAMED, `$1${MASK}`);
  out = out.replace(NAMED_SPACED, `$1${MASK}`);
  out = out.replace(SECRET_OPTION, `$1${MASK}`);
  out = out.replace(USER_OPTION, `$1${MASK}`);
  out = out.replace(AUTHORIZATION, `$1${MASK}`);
  return out.replace(REST_OF_QUOTE, `$1${MASK}`);
}
