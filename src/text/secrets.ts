/**
 * Secrets and URLs as they may be shown. Every secret is registered in every form it can be printed in
 * ({@link secretForms}), and every URL that enters a message is shown by {@link redactUrl}: without its user name,
 * password, query and fragment, any of which can hold a credential (`https://user:pass@host/`, `?api_key=...`).
 */

/** `Bearer x`, `Basic x`, `token x`: an Authorization scheme before the credential (RFC 9110 §11.4). */
const SCHEME = /^(?:bearer|basic|token)\s+/i;

/** The credential a URL's userinfo carries: the password, or the user name alone (`https://TOKEN@host`). */
function userinfoSecrets(userinfo: string): string[] {
  const colon = userinfo.indexOf(':');
  const secret = colon >= 0 ? userinfo.slice(colon + 1) : userinfo;
  if (secret === '') return [];
  let decoded = secret;
  try {
    decoded = decodeURIComponent(secret);
  } catch {
    // Not percent-encoded text: the raw form is the one that can be printed.
  }
  return [...new Set([secret, decoded])];
}

/** Every credential in the userinfo of a URL anywhere in `text`. */
export function urlSecrets(text: string): string[] {
  const found = [...text.matchAll(/[a-z][a-z0-9+.-]*:\/\/([^\s/?#@"'<>]+)@/gi)].flatMap((m) =>
    userinfoSecrets(m[1] ?? ''),
  );
  return [...new Set(found)];
}

/**
 * The shortest value the run ever masks (`core.setSecret`, which writes `::add-mask::VALUE`) or redacts. The runner
 * replaces a masked value everywhere in this step's and every later step's log and in the job summary
 * (https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands#masking-a-value-in-a-log), so a
 * short one (`|`, `fail`) would cut the tool's own words and tables. No credential the run holds is that short: GitHub's
 * tokens are 40 characters and more (https://github.blog/engineering/platform-security/behind-githubs-new-authentication-token-formats/),
 * an AWS access key id 20 and a secret access key 40
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids), a JWT far more.
 * The other half of the rule: only a credential the run itself holds is masked (a token it read or was issued, a
 * client secret, AWS's credentials), never a value a configuration chose; a URL setting with user info is refused
 * ({@link urlUserInfo}, src/config/tokens.ts, schema/preflight.schema.json).
 */
export const MIN_MASKED_CHARS = 8;

/** Whether a value is long enough to be masked or redacted: {@link MIN_MASKED_CHARS}. */
export function maskable(value: string): boolean {
  return value.trim().length >= MIN_MASKED_CHARS;
}

/**
 * Whether `url` carries user info (`https://user:password@host/`, `https://TOKEN@host/`): a URL setting (an issuer, a
 * JWKS or introspection endpoint) never carries a credential (RFC 3986 §3.2.1 deprecates a password there), and one
 * that did would ask the run to mask a value the configuration chose.
 */
export function urlUserInfo(url: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i.test(url.trim());
}

/** `text` with the user info of every URL in it shown as `***` (`https://***@host/`): for a refused setting's value. */
export function hideUserInfo(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@"']*@/gi, '$1***@');
}

/**
 * The forms of `secret` to register with the log masking and the redactor: the value as given, trimmed, without
 * an Authorization scheme (`Bearer abc` is printed as `abc` once the scheme is dropped), and the credentials of a
 * URL it holds; never one shorter than {@link MIN_MASKED_CHARS}.
 */
export function secretForms(secret: string): string[] {
  const trimmed = secret.trim();
  const bare = trimmed.replace(SCHEME, '').trim();
  return [...new Set([secret, trimmed, bare, ...urlSecrets(secret)])].filter(maskable);
}

/**
 * A URL as it may appear in a message or a report: scheme, host, port and path; never its user name, password,
 * query or fragment. Text that does not parse as a URL has the same parts cut by pattern.
 */
export function redactUrl(raw: string): string {
  try {
    const url = new URL(raw);
    // Nothing to cut: the text as given (an issuer is compared exactly, trailing slash and all).
    if (url.username === '' && url.password === '' && !/[?#]/.test(raw)) return raw;
    if (url.origin !== 'null') return `${url.origin}${url.pathname}`;
  } catch {
    // Not a URL: cut what looks like userinfo, a query or a fragment.
  }
  return raw.replace(/\/\/[^/?#\s]*@/, '//').replace(/[?#].*$/s, '');
}
