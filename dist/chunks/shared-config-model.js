import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  GITHUB_ISSUER
} from "./shared-tokens-github.js";
import {
  mergeRoleInputs,
  workflowSources
} from "./shared-config-file-merge.js";
import {
  USER_INFO_REFUSED,
  readTokenList
} from "./shared-config-credential-variables.js";
import {
  parseVariables
} from "./shared-model-variables.js";
import {
  parseDuration
} from "./shared-tokens-duration.js";
import {
  urlUserInfo
} from "./shared-text-secrets.js";

// src/config/model.ts
var NO_FILE = {
  file: "",
  githubOidc: {},
  tokens: [],
  awsSources: { policyFiles: [], liveReads: false, probe: false, crossCheck: false },
  roles: []
};

// src/config/build.ts
var DEFAULT_AUDIENCE = "sts.amazonaws.com";
function bool(name, value, fallback, errors) {
  if (value === "") return fallback;
  if (value === "true") return true;
  if (value === "false") return false;
  errors.push({ where: `input ${name}`, message: `must be true or false, got "${value}"` });
  return fallback;
}
function duration(name, value, fallback, errors) {
  if (value === "") return fallback;
  const d = parseDuration(value);
  if (d.ok) return d.seconds;
  errors.push({ where: `input ${name}`, message: d.error });
  return fallback;
}
function claimLines(value, errors) {
  const claims = {};
  value.split(/\r?\n/).forEach((line, i) => {
    const text = line.trim();
    if (text === "" || text.startsWith("#")) return;
    const eq = text.indexOf("=");
    const name = eq > 0 ? text.slice(0, eq).trim() : "";
    if (!name || eq === text.length - 1) {
      errors.push({ where: `input expected-claims, line ${i + 1}`, message: `must be claim=pattern, got "${text}"` });
    } else claims[name] = text.slice(eq + 1).trim();
  });
  return claims;
}
function withDefaults(spec, defaults) {
  return { ...spec, expect: { ...defaults, ...definedOnly(spec.expect) } };
}
function definedOnly(value) {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== void 0));
}
function baselineOf(getInput, file) {
  const value = (getInput("baseline") || file.baseline || "off").trim();
  if (value === "" || value === "off") return void 0;
  return value === "artifact" ? { kind: "artifact" } : { kind: "file", path: value };
}
function modeOf(getInput, file, errors) {
  const modeInput = getInput("mode");
  if (modeInput === "") return file.mode ?? "enforce";
  if (modeInput === "enforce" || modeInput === "report") return modeInput;
  errors.push({ where: "input mode", message: `must be enforce or report, got "${modeInput}"` });
  return void 0;
}
var GITHUB_MIN_LIFETIME_CAP = 240;
function githubOidcToken(getInput, gh, audience, defaults, errors) {
  const jwksUrl = getInput("oidc-jwks-url") || gh.jwksUrl;
  for (const name of ["oidc-issuer", "oidc-jwks-url"])
    if (urlUserInfo(getInput(name))) errors.push({ where: `input ${name}`, message: USER_INFO_REFUSED });
  const claimsInput = getInput("expected-claims");
  return {
    name: "github-oidc",
    source: { kind: "github-oidc", audience },
    expect: {
      issuer: getInput("oidc-issuer") || gh.issuer || GITHUB_ISSUER,
      audience: [audience],
      // Not `min-token-lifetime`: see GITHUB_MIN_LIFETIME_CAP.
      ...gh.minLifetimeSeconds !== void 0 ? { minLifetimeSeconds: Math.min(gh.minLifetimeSeconds, GITHUB_MIN_LIFETIME_CAP) } : {},
      clockSkewSeconds: gh.clockSkewSeconds ?? defaults.clockSkewSeconds,
      claims: claimsInput !== "" ? claimLines(claimsInput, errors) : { ...gh.claims },
      ...jwksUrl ? { jwksUrl } : {}
    }
  };
}
function workflowsOf(getInput, file, roles, tokens, errors) {
  const input = getInput("workflows").trim();
  if (input !== "" && input !== "true" && input !== "false") {
    errors.push({
      where: "input workflows",
      message: `must be true or false (or empty: read them when nothing else is configured), got "${input}"`
    });
    return void 0;
  }
  const zeroConfig = roles.length === 0 && tokens.every((t) => t.source.kind === "github-oidc");
  if (input === "false" || input === "" && !zeroConfig) return void 0;
  const form = getInput("oidc-subject-form").trim();
  if (form !== "" && form !== "names" && form !== "immutable") {
    errors.push({ where: "input oidc-subject-form", message: `must be names or immutable, got "${form}"` });
  }
  const subjectForm = form === "names" || form === "immutable" ? { subjectForm: form } : {};
  const vars = varsInput(getInput("vars"), errors);
  return {
    explicit: input === "true",
    ...workflowSources(getInput, file),
    ...subjectForm,
    ...vars ? { variables: { repository: vars } } : {}
  };
}
function varsInput(text, errors) {
  if (text.trim() === "") return void 0;
  const parsed = parseVariables(text, "the vars input", true);
  if (parsed.ok) return Object.keys(parsed.listing.values).length > 0 ? parsed.listing : void 0;
  errors.push({ where: "input vars", message: `${parsed.error}; pass \${{ toJSON(vars) }}` });
  return void 0;
}
function webIdentityTokens(roles, defaults) {
  return roles.flatMap(
    ({ settings }) => settings.webIdentityTokenFile === void 0 ? [] : [
      {
        name: `web-identity-token-file:${settings.roleArn.slice(settings.roleArn.indexOf(":role/") + 6)}`,
        source: { kind: "web-identity-file", path: settings.webIdentityTokenFile, roleArn: settings.roleArn },
        expect: { audience: [settings.audience], clockSkewSeconds: defaults.clockSkewSeconds }
      }
    ]
  );
}
function addInputTokens(tokens, tokensInput, parseYaml, defaults, errors) {
  if (tokensInput === "") return;
  const parsed = parseYaml?.(tokensInput) ?? { ok: false, error: "no YAML parser" };
  if (!parsed.ok) {
    errors.push({ where: "input tokens", message: `is not valid YAML: ${parsed.error}` });
    return;
  }
  const list = readTokenList(parsed.value, "input tokens", defaults);
  errors.push(...list.errors);
  for (const spec of list.specs) {
    const at = tokens.findIndex((t) => t.name === spec.name);
    if (at >= 0 && tokens[at]?.source.kind === "github-oidc") {
      errors.push({ where: `input tokens ("${spec.name}")`, message: "uses a name that is already taken" });
    } else if (at >= 0) tokens[at] = spec;
    else tokens.push(spec);
  }
}
var GITHUB_TOKEN_SHAPE = /^(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})$/;
function githubTokensHoldingTokens(input) {
  const items = input.split(/[,\n]/).map((item) => item.trim()).filter((item) => item !== "");
  return items.flatMap(
    (item, i) => item.split("=").some((part) => GITHUB_TOKEN_SHAPE.test(part.trim())) ? [
      `entry ${i + 1} of ${items.length} holds what looks like a GitHub token itself (not shown): it takes secret names, never a token; name the secret that holds it (e.g. DEPLOY_PAT) and pass that secret to this step in \`env\``
    ] : []
  );
}
function githubTokensRefused(input, errors) {
  for (const message of githubTokensHoldingTokens(input)) errors.push({ where: "input github-tokens", message });
}
function githubTokenConfig(file, tokensInput, errors) {
  const input = tokensInput.trim();
  githubTokensRefused(input, errors);
  if (!file.github && input === "") return void 0;
  return { ...file.github ?? {}, ...input !== "" ? { tokensInput: input } : {} };
}
function buildConfig(getInput, parseYaml, file = NO_FILE) {
  const errors = [];
  const mode = modeOf(getInput, file, errors);
  const defaults = {
    minLifetimeSeconds: duration(
      "min-token-lifetime",
      getInput("min-token-lifetime"),
      file.minTokenLifetimeSeconds ?? 60,
      errors
    ),
    clockSkewSeconds: duration("clock-skew", getInput("clock-skew"), file.clockSkewSeconds ?? 60, errors)
  };
  const gh = file.githubOidc;
  const audience = getInput("audience") || gh.audience || DEFAULT_AUDIENCE;
  const roles = mergeRoleInputs(getInput, audience, file, errors);
  const tokens = [];
  if (bool("github-oidc", getInput("github-oidc"), gh.enabled ?? true, errors)) {
    tokens.push(githubOidcToken(getInput, gh, audience, defaults, errors));
  }
  for (const spec of file.tokens) tokens.push(withDefaults(spec, defaults));
  addInputTokens(tokens, getInput("tokens"), parseYaml, defaults, errors);
  tokens.push(...webIdentityTokens(roles, defaults));
  const workflows = workflowsOf(getInput, file, roles, tokens, errors);
  const environment = getInput("environment");
  const allowOutside = bool("allow-outside-workspace", getInput("allow-outside-workspace"), false, errors);
  const baseline = baselineOf(getInput, file);
  const github = githubTokenConfig(file, getInput("github-tokens"), errors);
  return errors.length > 0 || !mode ? { ok: false, errors } : {
    ok: true,
    config: {
      mode,
      tokens,
      roles,
      ...environment ? { environment } : {},
      ...allowOutside ? { allowOutsideWorkspace: true } : {},
      ...baseline ? { baseline } : {},
      ...github ? { github } : {},
      ...workflows ? { workflows } : {}
    }
  };
}

export {
  githubTokensHoldingTokens,
  buildConfig
};
