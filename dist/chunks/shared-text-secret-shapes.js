import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  redactUrl
} from "./shared-text-secrets.js";

// src/text/secret-shapes.ts
import { createHash } from "node:crypto";
var MASK = "***";
var SHAPES = [
  /\beyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g,
  /\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})/g,
  /\bnpm_[A-Za-z0-9]{30,}/g,
  /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g,
  /\bgl(?:pat|ptt|dt|rt|cbt|oas|soat|ft|imt|agent|rtr)-[A-Za-z0-9_-]{16,}/g,
  /\bya29\.[A-Za-z0-9_-]{10,}/g,
  /\bAIza[A-Za-z0-9_-]{30,}/g,
  /\bxox[abeoprs]-[A-Za-z0-9-]{10,}/g,
  /\b(?:sk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,}|[sr]k_(?:live|test)_[A-Za-z0-9]{16,})/g,
  /(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.-]{0,3}\dQ~[A-Za-z0-9_~.-]{30,}/g
];
var PEM = /(-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----)[\s\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY-----|$)/g;
var WEBHOOK = /(\bhooks\.slack\.com\/(?:services|workflows|triggers)\/|\bdiscord(?:app)?\.com\/api\/webhooks\/)[^\s"'<>)`]+/gi;
var NAMED = /((?<![\w.-])(?:[\w.-]*[_.-])?(?:secret[_-]?access[_-]?key|(?:session|security|access|refresh|id|auth|identity|bearer)[_-]?token|client[_-]?secret|api[_-]?key|apikey|private[_-]?key|token|secret|password|passwd|pwd|auth)["']?\s*[:=]\s*(?:[bBuUrR]?["'])?)(?!\$\{\{)[^\s"',;&}]+/gi;
var NAMED_SPACED = /((?<![\w.-])(?:[\w.-]*[_.-])?(?:secret[_-]?access[_-]?key|(?:session|security|access|refresh|bearer)[_-]?token|client[_-]?secret|api[_-]?key|apikey|private[_-]?key|password|passwd)["']?[ \t]+(?:[bBuUrR]?["'])?)(?!\$\{\{|(?:is|was|has|not|for|of|the|to|in|and|or|are|must|cannot|could|will|expired|invalid|required|missing)\b)[^\s"',;&}]+/gi;
var USER_OPTION = /((?:^|\s)(?:-u|--user)[ =]?["']?[^\s"':]+:)[^\s"']+/g;
var AUTHORIZATION = /(\b(?:authorization|proxy-authorization)["']?\s*[:=]\s*(?:[bBuUrR]?["'])?(?!\s*(?:(?:bearer|basic|token)\s+)?\$\{\{)(?:bearer|basic|token)?\s*)[^\s"',;]+/gi;
var SECRET_OPTION = /((?<![\w-])(?:--(?:[a-z0-9]+-)*(?:token|secret|secret-key|password|passwd|api-key|apikey|client-secret|oauth2-bearer)|(?<=\bdocker\s+login\b[^\n|;&]*\s)-p)(?:[ \t]+|=)["']?)(?![-$])[^\s"']+/gi;
var MYSQL_PASSWORD = /((?<=\b(?:mysql|mysqldump|mysqladmin|mysqlimport|mysqlshow|mysqlcheck|mariadb(?:-dump|-admin|-import|-show|-check)?)\b[^\n|;&]*)\s-p)(?![$"'])([^\s"']+)/g;
var SIGNED_QUERY = /([?&](?:sig|x-amz-signature|x-amz-credential|x-amz-security-token)=)[^&\s"'#<>)`]+/gi;
var TELEGRAM_BOT = /(\/bot\d{3,}:)[A-Za-z0-9_-]{10,}/g;
var WEBHOOK_PATH = /(\/\/[^\s/"'<>]+\/(?:[^\s/?#"'<>]+\/)*?webhook(?:s|b2)?\/)([^\s"'<>)`?#]+)/gi;
function redactUrlSecrets(text) {
  return text.replace(SIGNED_QUERY, `$1${MASK}`).replace(TELEGRAM_BOT, `$1${MASK}`).replace(
    WEBHOOK_PATH,
    (match, head, path) => path.length >= 16 && /\d/.test(path) ? `${head}${MASK}` : match
  ).replace(MYSQL_PASSWORD, `$1${MASK}`);
}
var URL_PATTERN = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>()`]+/gi;
function credentialLike(value) {
  return value.length >= 8 && /\d/.test(value) || value.length >= 16;
}
var TOOL_WORDS = /^(?:\.github\/|[^\s]*\.ya?ml(?:[#:]|$))/;
function hashIdSecrets(id) {
  const hash = (secret) => `sha256:${createHash("sha256").update(secret).digest("hex").slice(0, 12)}`;
  let out = id.replace(
    URL_PATTERN,
    (url) => url.replace(
      /^([a-z][a-z0-9+.-]*:\/\/)([^/?#\s@]*)@/i,
      (_m, scheme, info) => `${scheme}${hash(info)}@`
    )
  );
  for (const shape of [...SHAPES, PEM, WEBHOOK, SIGNED_QUERY, TELEGRAM_BOT]) out = out.replace(shape, (m) => hash(m));
  return out;
}
function redactQuotedSecrets(text) {
  let out = text.replace(PEM, `$1 ${MASK}`);
  out = out.replace(URL_PATTERN, (url) => url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#\s@]*@/i, "$1"));
  out = out.replace(WEBHOOK, `$1${MASK}`);
  for (const shape of SHAPES) out = out.replace(shape, MASK);
  const named = (match, name) => {
    const value = match.slice(name.length);
    const data = name.includes("=") || /["']$/.test(name);
    return !TOOL_WORDS.test(value) && (data || credentialLike(value)) ? `${name}${MASK}` : match;
  };
  out = redactUrlSecrets(out);
  out = out.replace(NAMED, named);
  out = out.replace(NAMED_SPACED, named);
  out = out.replace(
    SECRET_OPTION,
    (match, name) => /["']$/.test(name) || credentialLike(match.slice(name.length)) ? `${name}${MASK}` : match
  );
  out = out.replace(USER_OPTION, `$1${MASK}`);
  out = out.replace(AUTHORIZATION, `$1${MASK}`);
  return out.replace(REST_OF_QUOTE, `$1${MASK}`);
}
var REST_OF_QUOTE = /(["'])\*\*\*[^\n]*?(?=\1)/g;
function redactSecretShapes(text) {
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

export {
  hashIdSecrets,
  redactQuotedSecrets,
  redactSecretShapes
};
