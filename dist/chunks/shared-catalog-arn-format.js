import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  editDistance
} from "./shared-text-edit-distance.js";

// src/catalog/arn-format.ts
var NO_SLASH = 1;
var NO_COLON = 2;
var MAY_BE_EMPTY = 4;
var PLACEHOLDER = /\$\{([^}]+)\}|\*/g;
function compileServiceFormats(types) {
  const excluded = /* @__PURE__ */ new Map();
  for (const format of types.flatMap((t) => t.arnFormats)) {
    for (const m of format.matchAll(PLACEHOLDER)) {
      const next = format.charAt((m.index ?? 0) + m[0].length);
      const flag = next === "/" ? NO_SLASH : next === ":" ? NO_COLON : 0;
      excluded.set(m[0], (excluded.get(m[0]) ?? 0) | flag);
    }
  }
  return new Map(types.map((t) => [t, t.arnFormats.map((format) => compileFormat(format, excluded))]));
}
function compileFormat(format, excluded) {
  const codes = [];
  let source = "";
  let at = 0;
  for (const m of format.matchAll(PLACEHOLDER)) {
    const literal = format.slice(at, m.index);
    for (let i = 0; i < literal.length; i++) codes.push(literal.charCodeAt(i));
    const flags = (excluded.get(m[0]) ?? 0) | (m[0] === "*" ? MAY_BE_EMPTY : 0);
    codes.push(-1 - flags);
    source += escapeRegex(literal) + placeholderRegex(flags);
    at = (m.index ?? 0) + m[0].length;
  }
  const tail = format.slice(at);
  for (let i = 0; i < tail.length; i++) codes.push(tail.charCodeAt(i));
  return { format, regex: new RegExp(`^${source}${escapeRegex(tail)}$`), codes };
}
function placeholderRegex(flags) {
  const forbidden = (flags & NO_SLASH ? "/" : "") + (flags & NO_COLON ? ":" : "");
  return (forbidden === "" ? "[\\s\\S]" : `[^${forbidden}]`) + (flags & MAY_BE_EMPTY ? "*" : "+");
}
function escapeRegex(text) {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&");
}
function arnFits(matcher, arn) {
  if (!arn.includes("*") && !arn.includes("?")) return matcher.regex.test(arn);
  return globIntersects(arn, matcher.codes);
}
function globIntersects(glob, codes) {
  const width = codes.length + 1;
  const seen = new Uint8Array((glob.length + 1) * width * 2);
  const stack = [0, 0, 0];
  const push = (i, j, inside) => stack.push(i, j, inside);
  while (stack.length > 0) {
    const inside = stack.pop() ?? 0;
    const j = stack.pop() ?? 0;
    const i = stack.pop() ?? 0;
    const state = (i * width + j) * 2 + inside;
    if (seen[state] === 1) continue;
    seen[state] = 1;
    if (i === glob.length && j === codes.length) return true;
    const code = codes[j];
    const flags = code !== void 0 && code < 0 ? -1 - code : void 0;
    if (flags !== void 0 && (inside === 1 || flags & MAY_BE_EMPTY)) push(i, j + 1, 0);
    const g = glob[i];
    if (g === "*") {
      push(i + 1, j, inside);
      if (flags !== void 0)
        push(i, j, 1);
      else if (code !== void 0) push(i, j + 1, 0);
    } else if (g !== void 0 && code !== void 0) {
      if (flags !== void 0) {
        if (g === "?" || !(flags & NO_SLASH && g === "/" || flags & NO_COLON && g === ":")) push(i + 1, j, 1);
      } else if (g === "?" || g.charCodeAt(0) === code) {
        push(i + 1, j + 1, 0);
      }
    }
  }
  return false;
}

// src/catalog/oidc.ts
function populatedKeysForOidcProvider(catalog, provider) {
  const prefix = normalizeProvider(provider);
  const claims = new Set(catalog.data.oidc.genericClaims);
  for (const known of catalog.oidcProviders) {
    if (known.pattern.test(prefix)) for (const claim of known.claims) claims.add(claim);
  }
  return { prefix, keys: [...claims].sort().map((claim) => `${prefix}:${claim}`) };
}
function normalizeProvider(provider) {
  const bare = provider.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, "").replace(/\/+$/, "");
  const slash = bare.indexOf("/");
  return slash === -1 ? bare.toLowerCase() : bare.slice(0, slash).toLowerCase() + bare.slice(slash);
}
function compileProviderTemplate(template) {
  const source = template.split(/(\$\{[^}]+\})/).map((part, i) => {
    if (i % 2 === 0) return part.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&");
    return part.endsWith("Path}") ? "[^:]+" : "[^/:]+";
  }).join("");
  return new RegExp(`^${source}$`, "i");
}

// src/catalog/suggest.ts
function closest(target, candidates, key, limit = 3) {
  const max = target.length <= 3 ? 1 : target.length <= 10 ? 2 : 3;
  const scored = candidates.map((c) => ({ c, k: key(c), d: editDistance(target, key(c), max) })).map((s) => s.d > max && target.length >= 4 && s.k.startsWith(target) ? { ...s, d: max + 0.5 } : s).filter((s) => s.d <= max + 0.5).sort((a, b) => a.d - b.d || a.k.length - b.k.length || (a.k < b.k ? -1 : 1));
  return scored.slice(0, limit).map((s) => s.c);
}

// src/catalog/aws-partitions.generated.ts
var AWS_PARTITIONS_SOURCE = "@aws-sdk/core 3.981.2";
var AWS_PARTITIONS = [
  {
    id: "aws",
    regionRegex: "^(us|eu|ap|sa|ca|me|af|il|mx)\\-\\w+\\-\\d+$",
    regions: [
      "af-south-1",
      "ap-east-1",
      "ap-east-2",
      "ap-northeast-1",
      "ap-northeast-2",
      "ap-northeast-3",
      "ap-south-1",
      "ap-south-2",
      "ap-southeast-1",
      "ap-southeast-2",
      "ap-southeast-3",
      "ap-southeast-4",
      "ap-southeast-5",
      "ap-southeast-6",
      "ap-southeast-7",
      "ca-central-1",
      "ca-west-1",
      "eu-central-1",
      "eu-central-2",
      "eu-north-1",
      "eu-south-1",
      "eu-south-2",
      "eu-west-1",
      "eu-west-2",
      "eu-west-3",
      "il-central-1",
      "me-central-1",
      "me-south-1",
      "me-west-1",
      "mx-central-1",
      "sa-east-1",
      "sa-west-1",
      "us-east-1",
      "us-east-2",
      "us-west-1",
      "us-west-2"
    ],
    iamRegion: "us-east-1"
  },
  {
    id: "aws-cn",
    regionRegex: "^cn\\-\\w+\\-\\d+$",
    regions: ["cn-north-1", "cn-northwest-1"],
    iamRegion: "cn-north-1"
  },
  {
    id: "aws-eusc",
    regionRegex: "^eusc\\-(de)\\-\\w+\\-\\d+$",
    regions: ["eusc-de-east-1"],
    iamRegion: "eusc-de-east-1"
  },
  {
    id: "aws-iso",
    regionRegex: "^us\\-iso\\-\\w+\\-\\d+$",
    regions: ["us-iso-east-1", "us-iso-west-1"],
    iamRegion: "us-iso-east-1"
  },
  {
    id: "aws-iso-b",
    regionRegex: "^us\\-isob\\-\\w+\\-\\d+$",
    regions: ["us-isob-east-1", "us-isob-west-1"],
    iamRegion: "us-isob-east-1"
  },
  {
    id: "aws-iso-e",
    regionRegex: "^eu\\-isoe\\-\\w+\\-\\d+$",
    regions: ["eu-isoe-west-1"],
    iamRegion: "eu-isoe-west-1"
  },
  {
    id: "aws-iso-f",
    regionRegex: "^us\\-isof\\-\\w+\\-\\d+$",
    regions: ["us-isof-east-1", "us-isof-south-1"],
    iamRegion: "us-isof-south-1"
  },
  {
    id: "aws-us-gov",
    regionRegex: "^us\\-gov\\-\\w+\\-\\d+$",
    regions: ["us-gov-east-1", "us-gov-west-1"],
    iamRegion: "us-gov-west-1"
  }
];

// src/catalog/index.ts
var CATALOG_FORMAT = 1;
var DIGITS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
function prepareCatalog(data) {
  if (data.format !== CATALOG_FORMAT) {
    throw new Error(`aws-catalog.json has format ${data.format}, expected ${CATALOG_FORMAT}: run npm run catalog`);
  }
  return {
    data,
    prefixes: new Map(Object.keys(data.services).map((prefix) => [prefix.toLowerCase(), prefix])),
    rcpServices: new Set(data.rcpServices),
    oidcProviders: Object.entries(data.oidc.providers).map(([template, claims]) => ({
      pattern: compileProviderTemplate(template),
      claims
    })),
    decoded: /* @__PURE__ */ new Map()
  };
}
function item(list, index, what) {
  const value = list[index];
  if (value === void 0) throw new Error(`aws-catalog.json is corrupt: no ${what} #${index}`);
  return value;
}
function decodeService(catalog, prefix) {
  const cached = catalog.decoded.get(prefix);
  if (cached) return cached;
  const data = catalog.data.services[prefix];
  if (data === void 0) throw new Error(`aws-catalog.json is corrupt: no service ${prefix}`);
  const stem = `arn:\${Partition}:${prefix}:\${Region}:\${Account}:`;
  const entries = /* @__PURE__ */ new Map();
  let previous = "";
  for (const entry of split(data.actions, "|")) {
    const space = entry.indexOf(" ");
    const coded = space === -1 ? entry : entry.slice(0, space);
    const name = previous.slice(0, DIGITS.indexOf(coded.charAt(0))) + coded.slice(1);
    previous = name;
    entries.set(name.toLowerCase(), { name, rest: space === -1 ? "" : entry.slice(space + 1) });
  }
  const index = {
    prefix,
    name: data.name,
    entries,
    types: split(data.resources, "|").map((entry) => {
      const [name = "", ...formats] = entry.split(";");
      const expanded = formats.map((f) => f.startsWith("~") ? stem + f.slice(1) : f);
      return { service: prefix, name, arnFormats: [...expanded, ...AWS_OWNED_FORMATS[`${prefix}:${name}`] ?? []] };
    }),
    keys: split(data.keys, "|"),
    actions: /* @__PURE__ */ new Map()
  };
  catalog.decoded.set(prefix, index);
  return index;
}
var AWS_OWNED_FORMATS = {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: an ARN format of the reference, not a template.
  "ssm:parameter": ["arn:${Partition}:ssm:${Region}::parameter/aws/service/${PublicParameterPath}"],
  // biome-ignore lint/suspicious/noTemplateCurlyInString: as above.
  "ssm:document": ["arn:${Partition}:ssm:${Region}::document/${DocumentName}"]
};
function actionOf(service, lowerName) {
  const cached = service.actions.get(lowerName);
  if (cached) return cached;
  const entry = service.entries.get(lowerName);
  if (entry === void 0) return void 0;
  const { name, rest } = entry;
  const [resourceRefs = "", keyRefs = ""] = rest.split(" ");
  const action = {
    service: service.prefix,
    name,
    canonical: `${service.prefix}:${name}`,
    resourceTypes: split(resourceRefs, ",").map((ref) => ({
      type: item(service.types, Number.parseInt(ref, 36), `resource type of ${name}`),
      required: ref.endsWith("*")
    })),
    conditionKeys: split(keyRefs, ",").map((ref) => item(service.keys, Number.parseInt(ref, 36), `key of ${name}`))
  };
  service.actions.set(lowerName, action);
  return action;
}
var split = (list, separator) => list === "" ? [] : list.split(separator);
function lookupAction(catalog, input) {
  const text = input.trim();
  const colon = text.indexOf(":");
  const miss = (status, message, suggestions2 = []) => ({ status, input: text, suggestions: suggestions2, message });
  if (/[*?]/.test(text)) return miss("malformed", "names several actions; name one, like s3:PutObject");
  if (colon <= 0 || colon === text.length - 1) return miss("malformed", "not an action; expected service:Action");
  const servicePart = text.slice(0, colon).toLowerCase();
  const namePart = text.slice(colon + 1).toLowerCase();
  const prefix = catalog.prefixes.get(servicePart);
  if (prefix === void 0) {
    const suggestions2 = suggestServices(catalog, servicePart, namePart);
    return { ...miss("unknown-service", `not a service prefix${didYouMean(suggestions2)}`), suggestions: suggestions2 };
  }
  const service = decodeService(catalog, prefix);
  const action = actionOf(service, namePart);
  if (action) return { status: "found", action, exactCase: action.canonical === text };
  const suggestions = closest(namePart, [...service.entries.keys()], (lower) => lower).map(
    (lower) => `${prefix}:${service.entries.get(lower)?.name}`
  );
  return { ...miss("unknown-action", `not an action of ${prefix}${didYouMean(suggestions)}`), suggestions };
}
function didYouMean(suggestions) {
  if (suggestions.length === 0) return "";
  const last = suggestions[suggestions.length - 1];
  return `; did you mean ${suggestions.length === 1 ? last : `${suggestions.slice(0, -1).join(", ")} or ${last}`}?`;
}
function suggestServices(catalog, wrong, actionName) {
  const near = closest(wrong, [...catalog.prefixes.values()], (p) => p.toLowerCase(), 5);
  const withAction = near.map((p) => {
    const name = decodeService(catalog, p).entries.get(actionName)?.name;
    return name === void 0 ? p : `${p}:${name}`;
  });
  return [...withAction.filter((s) => s.includes(":")), ...withAction.filter((s) => !s.includes(":"))].slice(0, 3);
}
function conditionKeysFor(catalog, service) {
  const prefix = catalog.prefixes.get(service.toLowerCase());
  if (prefix === void 0) return void 0;
  const index = decodeService(catalog, prefix);
  const types = catalog.data.services[prefix]?.keyTypes ?? "";
  index.keyInfos ??= index.keys.map((key, i) => ({
    key,
    type: item(catalog.data.keyTypes, DIGITS.indexOf(types.charAt(i)), `type of ${key}`)
  }));
  return index.keyInfos;
}
function isRcpSupported(catalog, service) {
  return catalog.rcpServices.has(service.toLowerCase());
}
var RCPS = "https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html";
var RCP_INEFFECTIVE = {
  "kms:retiregrant": "kms:RetireGrant is not effective in an RCP, even under a wildcard Action (https://docs.aws.amazon.com/kms/latest/developerguide/resource-control-policies.html): RCPs were not applied."
};
function rcpExemption(catalog, action) {
  const lower = action.toLowerCase();
  const service = lower.slice(0, lower.indexOf(":"));
  if (!isRcpSupported(catalog, service)) {
    return `RCPs apply only to the services listed at ${RCPS}#rcp-supported-services, and ${service} is not one: RCPs were not applied.`;
  }
  return RCP_INEFFECTIVE[lower];
}
function matchResourceTypes(catalog, action, arn) {
  if (action.resourceTypes.length === 0) {
    const fits = arn === "*";
    const message2 = fits ? "" : `${action.canonical} has no resource-level permissions; only "*" can grant it`;
    return { status: "no-resource-types", fits, message: message2 };
  }
  const service = decodeService(catalog, action.service);
  service.matchers ??= compileServiceFormats(service.types);
  const { matchers } = service;
  const types = action.resourceTypes.filter(({ type }) => matchers.get(type)?.some((m) => arnFits(m, arn)));
  if (types.length > 0) return { status: "fits", types };
  const formats = action.resourceTypes.map(({ type }) => `${type.name} (${type.arnFormats.join(" or ")})`);
  const message = `fits none of ${action.canonical}'s resource types: ${formats.join(", ")}`;
  return { status: "no-fit", expected: action.resourceTypes, message };
}

export {
  populatedKeysForOidcProvider,
  AWS_PARTITIONS_SOURCE,
  AWS_PARTITIONS,
  CATALOG_FORMAT,
  prepareCatalog,
  lookupAction,
  conditionKeysFor,
  isRcpSupported,
  rcpExemption,
  matchResourceTypes
};
