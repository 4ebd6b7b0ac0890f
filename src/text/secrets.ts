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
 * The forms of `secret` to register with the log masking and the redactor: the value as given, trimmed, without
 * an Authorization scheme (`Bearer abc` is printed as `abc` once the scheme is dropped), and the credentials of a
 * URL it holds.
 */
export function secretForms(secret: string): string[] {
  const trimmed = secret.trim();
  const bare = trimmed.replace(SCHEME, '').trim();
  return [...new Set([secret, trimmed, bare, ...urlSecrets(secret)])].filter((s) => s.trim() !== '');
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
