import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);

// src/text/secrets.ts
var SCHEME = /^(?:bearer|basic|token)\s+/i;
function userinfoSecrets(userinfo) {
  const colon = userinfo.indexOf(":");
  const secret = colon >= 0 ? userinfo.slice(colon + 1) : userinfo;
  if (secret === "") return [];
  let decoded = secret;
  try {
    decoded = decodeURIComponent(secret);
  } catch {
  }
  return [.../* @__PURE__ */ new Set([secret, decoded])];
}
function urlSecrets(text) {
  const found = [...text.matchAll(/[a-z][a-z0-9+.-]*:\/\/([^\s/?#@"'<>]+)@/gi)].flatMap(
    (m) => userinfoSecrets(m[1] ?? "")
  );
  return [...new Set(found)];
}
var MIN_MASKED_CHARS = 8;
function maskable(value) {
  return value.trim().length >= MIN_MASKED_CHARS;
}
function urlUserInfo(url) {
  return /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i.test(url.trim());
}
function hideUserInfo(text) {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@"']*@/gi, "$1***@");
}
function secretForms(secret) {
  const trimmed = secret.trim();
  const bare = trimmed.replace(SCHEME, "").trim();
  return [.../* @__PURE__ */ new Set([secret, trimmed, bare, ...urlSecrets(secret)])].filter(maskable);
}
function redactUrl(raw) {
  try {
    const url = new URL(raw);
    if (url.username === "" && url.password === "" && !/[?#]/.test(raw)) return raw;
    if (url.origin !== "null") return `${url.origin}${url.pathname}`;
  } catch {
  }
  return raw.replace(/\/\/[^/?#\s]*@/, "//").replace(/[?#].*$/s, "");
}

export {
  maskable,
  urlUserInfo,
  hideUserInfo,
  secretForms,
  redactUrl
};
