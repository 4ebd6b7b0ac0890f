import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  defaultProvider
} from "./shared-aws-sdk-credential-provider-node-remoteProvider.js";
import {
  SignatureV4MultiRegion
} from "./shared-aws-sdk-signature-v4-multi-region-signature-v4-crt-container.js";
import {
  AwsQueryProtocol,
  AwsSdkSigV4ASigner,
  AwsSdkSigV4Signer,
  NODE_AUTH_SCHEME_PREFERENCE_OPTIONS,
  NODE_SIGV4A_CONFIG_OPTIONS,
  resolveAwsSdkSigV4AConfig,
  resolveAwsSdkSigV4Config
} from "./shared-aws-sdk-core-httpAuthSchemes-utils-getDateHeader.js";
import {
  NodeHttpHandler
} from "./shared-smithy-node-http-handler-build-abort-error.js";
import {
  Sha256Node
} from "./shared-smithy-core-checksum-crc32-Crc32Node.js";
import "./shared-aws-sdk-credential-provider-env-fromEnv.js";
import {
  BinaryDecisionDiagram,
  Client,
  Command,
  DEFAULT_RETRY_MODE,
  DefaultIdentityProviderConfig,
  EndpointCache,
  NODE_APP_ID_CONFIG_OPTIONS,
  NODE_MAX_ATTEMPT_CONFIG_OPTIONS,
  NODE_RETRY_MODE_CONFIG_OPTIONS,
  NoAuthSigner,
  NoOpLogger,
  ServiceException,
  awsEndpointFunctions,
  createAggregatedClient,
  createDefaultUserAgentProvider,
  customEndpointFunctions,
  decideEndpoint,
  emitWarningIfUnsupportedVersion,
  emitWarningIfUnsupportedVersion2,
  getAwsRegionExtensionConfiguration,
  getDefaultExtensionConfiguration,
  getDefaultSocketTimeout,
  getEndpointPlugin,
  getHostHeaderPlugin,
  getHttpAuthSchemeEndpointRuleSetPlugin,
  getHttpSigningPlugin,
  getLoggerPlugin,
  getRecursionDetectionPlugin,
  getRetryPlugin,
  getUserAgentPlugin,
  loadConfigsForDefaultMode,
  makeBuilder,
  resolveAwsRegionExtensionConfiguration,
  resolveDefaultRuntimeConfig,
  resolveEndpointConfig,
  resolveHostHeaderConfig,
  resolveParams,
  resolveRetryConfig,
  resolveUserAgentConfig,
  setCredentialFeature,
  stsRegionDefaultResolver
} from "./shared-smithy-core-client-middleware-stack-MiddlewareStack.js";
import {
  NODE_REGION_CONFIG_FILE_OPTIONS,
  NODE_REGION_CONFIG_OPTIONS,
  NODE_USE_DUALSTACK_ENDPOINT_CONFIG_OPTIONS,
  NODE_USE_FIPS_ENDPOINT_CONFIG_OPTIONS,
  getContentLengthPlugin,
  getHttpHandlerExtensionConfiguration,
  loadConfig,
  resolveDefaultsModeConfig,
  resolveHttpHandlerRuntimeConfig,
  resolveRegionConfig
} from "./shared-smithy-core-config-property-provider-ProviderError.js";
import {
  TypeRegistry,
  calculateBodyLength,
  fromBase64,
  fromUtf8,
  getSchemaSerdePlugin,
  getSmithyContext,
  normalizeProvider,
  parseUrl,
  streamCollector,
  toBase64,
  toUtf8
} from "./shared-smithy-core-serde-is-array-buffer-is-array-buffer.js";
import "./shared-runtime-efb0f0b2.js";

// node_modules/@aws-sdk/client-sts/dist-es/endpoint/bdd.js
var q = "ref";
var a = -1;
var b = true;
var c = "isSet";
var d = "PartitionResult";
var e = "booleanEquals";
var f = "stringEquals";
var g = "getAttr";
var h = "us-east-1";
var i = "sigv4";
var j = "sts";
var k = "https://sts.{Region}.{PartitionResult#dnsSuffix}";
var l = { [q]: "Endpoint" };
var m = { [q]: "Region" };
var n = { [q]: d };
var o = {};
var p = [m];
var _data = {
  conditions: [
    [c, [l]],
    [c, p],
    ["aws.partition", p, d],
    [e, [{ [q]: "UseFIPS" }, b]],
    [e, [{ [q]: "UseDualStack" }, b]],
    [f, [m, "aws-global"]],
    [e, [{ [q]: "UseGlobalEndpoint" }, b]],
    [f, [m, "eu-central-1"]],
    [e, [{ fn: g, argv: [n, "supportsDualStack"] }, b]],
    [e, [{ fn: g, argv: [n, "supportsFIPS"] }, b]],
    [f, [m, "ap-south-1"]],
    [f, [m, "eu-north-1"]],
    [f, [m, "eu-west-1"]],
    [f, [m, "eu-west-2"]],
    [f, [m, "eu-west-3"]],
    [f, [m, "sa-east-1"]],
    [f, [m, h]],
    [f, [m, "us-east-2"]],
    [f, [m, "us-west-2"]],
    [f, [m, "us-west-1"]],
    [f, [m, "ca-central-1"]],
    [f, [m, "ap-southeast-1"]],
    [f, [m, "ap-northeast-1"]],
    [f, [m, "ap-southeast-2"]],
    [f, [{ fn: g, argv: [n, "name"] }, "aws-us-gov"]]
  ],
  results: [
    [a],
    ["https://sts.amazonaws.com", { authSchemes: [{ name: i, signingName: j, signingRegion: h }] }],
    [k, { authSchemes: [{ name: i, signingName: j, signingRegion: "{Region}" }] }],
    [a, "Invalid Configuration: FIPS and custom endpoint are not supported"],
    [a, "Invalid Configuration: Dualstack and custom endpoint are not supported"],
    [l, o],
    ["https://sts-fips.{Region}.{PartitionResult#dualStackDnsSuffix}", o],
    [a, "FIPS and DualStack are enabled, but this partition does not support one or both"],
    ["https://sts.{Region}.amazonaws.com", o],
    ["https://sts-fips.{Region}.{PartitionResult#dnsSuffix}", o],
    [a, "FIPS is enabled but this partition does not support FIPS"],
    ["https://sts.{Region}.{PartitionResult#dualStackDnsSuffix}", o],
    [a, "DualStack is enabled but this partition does not support DualStack"],
    [k, o],
    [a, "Invalid Configuration: Missing Region"]
  ]
};
var root = 2;
var r = 1e8;
var nodes = new Int32Array([
  -1,
  1,
  -1,
  0,
  30,
  3,
  1,
  4,
  r + 14,
  2,
  5,
  r + 14,
  3,
  25,
  6,
  4,
  24,
  7,
  5,
  r + 1,
  8,
  6,
  9,
  r + 13,
  7,
  r + 1,
  10,
  10,
  r + 1,
  11,
  11,
  r + 1,
  12,
  12,
  r + 1,
  13,
  13,
  r + 1,
  14,
  14,
  r + 1,
  15,
  15,
  r + 1,
  16,
  16,
  r + 1,
  17,
  17,
  r + 1,
  18,
  18,
  r + 1,
  19,
  19,
  r + 1,
  20,
  20,
  r + 1,
  21,
  21,
  r + 1,
  22,
  22,
  r + 1,
  23,
  23,
  r + 1,
  r + 2,
  8,
  r + 11,
  r + 12,
  4,
  28,
  26,
  9,
  27,
  r + 10,
  24,
  r + 8,
  r + 9,
  8,
  29,
  r + 7,
  9,
  r + 6,
  r + 7,
  3,
  r + 3,
  31,
  4,
  r + 4,
  r + 5
]);
var bdd = BinaryDecisionDiagram.from(nodes, root, _data.conditions, _data.results);

// node_modules/@aws-sdk/client-sts/dist-es/endpoint/endpointResolver.js
var cache = new EndpointCache({
  size: 50,
  params: ["Endpoint", "Region", "UseDualStack", "UseFIPS", "UseGlobalEndpoint"]
});
var defaultEndpointResolver = (endpointParams, context = {}) => {
  return cache.get(endpointParams, () => decideEndpoint(bdd, {
    endpointParams,
    logger: context.logger
  }));
};
customEndpointFunctions.aws = awsEndpointFunctions;

// node_modules/@aws-sdk/client-sts/dist-es/auth/httpAuthSchemeProvider.js
var createEndpointRuleSetHttpAuthSchemeParametersProvider = (defaultHttpAuthSchemeParametersProvider) => async (config, context, input) => {
  if (!input) {
    throw new Error("Could not find `input` for `defaultEndpointRuleSetHttpAuthSchemeParametersProvider`");
  }
  const defaultParameters = await defaultHttpAuthSchemeParametersProvider(config, context, input);
  const instructionsFn = getSmithyContext(context)?.commandInstance?.constructor?.getEndpointParameterInstructions;
  if (!instructionsFn) {
    throw new Error(`getEndpointParameterInstructions() is not defined on '${context.commandName}'`);
  }
  const endpointParameters = await resolveParams(input, { getEndpointParameterInstructions: instructionsFn }, config);
  return Object.assign(defaultParameters, endpointParameters);
};
var _defaultSTSHttpAuthSchemeParametersProvider = async (config, context, input) => {
  return {
    operation: getSmithyContext(context).operation,
    region: await normalizeProvider(config.region)() || (() => {
      throw new Error("expected `region` to be configured for `aws.auth#sigv4`");
    })()
  };
};
var defaultSTSHttpAuthSchemeParametersProvider = createEndpointRuleSetHttpAuthSchemeParametersProvider(_defaultSTSHttpAuthSchemeParametersProvider);
function createAwsAuthSigv4HttpAuthOption(authParameters) {
  return {
    schemeId: "aws.auth#sigv4",
    signingProperties: {
      name: "sts",
      region: authParameters.region
    },
    propertiesExtractor: (config, context) => ({
      signingProperties: {
        config,
        context
      }
    })
  };
}
function createAwsAuthSigv4aHttpAuthOption(authParameters) {
  return {
    schemeId: "aws.auth#sigv4a",
    signingProperties: {
      name: "sts",
      region: authParameters.region
    },
    propertiesExtractor: (config, context) => ({
      signingProperties: {
        config,
        context
      }
    })
  };
}
function createSmithyApiNoAuthHttpAuthOption(authParameters) {
  return {
    schemeId: "smithy.api#noAuth"
  };
}
var createEndpointRuleSetHttpAuthSchemeProvider = (defaultEndpointResolver2, defaultHttpAuthSchemeResolver, createHttpAuthOptionFunctions) => {
  const endpointRuleSetHttpAuthSchemeProvider = (authParameters) => {
    const endpoint = defaultEndpointResolver2(authParameters);
    const authSchemes = endpoint.properties?.authSchemes;
    if (!authSchemes) {
      return defaultHttpAuthSchemeResolver(authParameters);
    }
    const options = [];
    for (const scheme of authSchemes) {
      const { name: resolvedName, properties = {}, ...rest } = scheme;
      const name = resolvedName.toLowerCase();
      if (resolvedName !== name) {
        console.warn(`HttpAuthScheme has been normalized with lowercasing: '${resolvedName}' to '${name}'`);
      }
      let schemeId;
      if (name === "sigv4a") {
        schemeId = "aws.auth#sigv4a";
        const sigv4Present = authSchemes.find((s) => {
          const name2 = s.name.toLowerCase();
          return name2 !== "sigv4a" && name2.startsWith("sigv4");
        });
        if (SignatureV4MultiRegion.sigv4aDependency() === "none" && sigv4Present) {
          continue;
        }
      } else if (name.startsWith("sigv4")) {
        schemeId = "aws.auth#sigv4";
      } else {
        throw new Error(`Unknown HttpAuthScheme found in '@smithy.rules#endpointRuleSet': '${name}'`);
      }
      const createOption = createHttpAuthOptionFunctions[schemeId];
      if (!createOption) {
        throw new Error(`Could not find HttpAuthOption create function for '${schemeId}'`);
      }
      const option = createOption(authParameters);
      option.schemeId = schemeId;
      option.signingProperties = { ...option.signingProperties || {}, ...rest, ...properties };
      options.push(option);
    }
    return options;
  };
  return endpointRuleSetHttpAuthSchemeProvider;
};
var _defaultSTSHttpAuthSchemeProvider = (authParameters) => {
  const options = [];
  switch (authParameters.operation) {
    case "AssumeRoleWithSAML": {
      options.push(createSmithyApiNoAuthHttpAuthOption(authParameters));
      options.push(createAwsAuthSigv4aHttpAuthOption(authParameters));
      break;
    }
    case "AssumeRoleWithWebIdentity": {
      options.push(createSmithyApiNoAuthHttpAuthOption(authParameters));
      options.push(createAwsAuthSigv4aHttpAuthOption(authParameters));
      break;
    }
    default: {
      options.push(createAwsAuthSigv4HttpAuthOption(authParameters));
      options.push(createAwsAuthSigv4aHttpAuthOption(authParameters));
    }
  }
  return options;
};
var defaultSTSHttpAuthSchemeProvider = createEndpointRuleSetHttpAuthSchemeProvider(defaultEndpointResolver, _defaultSTSHttpAuthSchemeProvider, {
  "aws.auth#sigv4": createAwsAuthSigv4HttpAuthOption,
  "aws.auth#sigv4a": createAwsAuthSigv4aHttpAuthOption,
  "smithy.api#noAuth": createSmithyApiNoAuthHttpAuthOption
});
var resolveHttpAuthSchemeConfig = (config) => {
  const config_0 = resolveAwsSdkSigV4Config(config);
  const config_1 = resolveAwsSdkSigV4AConfig(config_0);
  return Object.assign(config_1, {
    authSchemePreference: normalizeProvider(config.authSchemePreference ?? [])
  });
};

// node_modules/@aws-sdk/client-sts/dist-es/endpoint/EndpointParameters.js
var resolveClientEndpointParameters = (options) => {
  return Object.assign(options, {
    useDualstackEndpoint: options.useDualstackEndpoint ?? false,
    useFipsEndpoint: options.useFipsEndpoint ?? false,
    useGlobalEndpoint: options.useGlobalEndpoint ?? false,
    defaultSigningName: "sts"
  });
};
var commonParams = {
  UseGlobalEndpoint: { type: "builtInParams", name: "useGlobalEndpoint" },
  UseFIPS: { type: "builtInParams", name: "useFipsEndpoint" },
  Endpoint: { type: "builtInParams", name: "endpoint" },
  Region: { type: "builtInParams", name: "region" },
  UseDualStack: { type: "builtInParams", name: "useDualstackEndpoint" }
};

// node_modules/@aws-sdk/client-sts/package.json
var package_default = {
  name: "@aws-sdk/client-sts",
  version: "3.1178.0",
  description: "AWS SDK for JavaScript Sts Client for Node.js, Browser and React Native",
  homepage: "https://github.com/aws/aws-sdk-js-v3/tree/main/clients/client-sts",
  license: "Apache-2.0",
  author: {
    name: "AWS SDK for JavaScript Team",
    url: "https://aws.amazon.com/sdk-for-javascript/"
  },
  repository: {
    type: "git",
    url: "https://github.com/aws/aws-sdk-js-v3.git",
    directory: "clients/client-sts"
  },
  files: [
    "dist-*/**"
  ],
  sideEffects: false,
  main: "./dist-cjs/index.js",
  module: "./dist-es/index.js",
  browser: {
    "./dist-es/runtimeConfig": "./dist-es/runtimeConfig.browser"
  },
  types: "./dist-types/index.d.ts",
  typesVersions: {
    "<4.5": {
      "dist-types/*": [
        "dist-types/ts3.4/*"
      ]
    }
  },
  "react-native": {
    "./dist-es/runtimeConfig": "./dist-es/runtimeConfig.native"
  },
  scripts: {
    build: "concurrently 'yarn:build:types' 'yarn:build:es' && yarn build:cjs",
    "build:cjs": "node ../../scripts/compilation/inline",
    "build:es": "premove dist-es && tsc -p tsconfig.es.json",
    "build:include:deps": 'yarn g:turbo run build -F="$npm_package_name"',
    "build:types": "premove dist-types && tsc -p tsconfig.types.json",
    "build:types:downlevel": "downlevel-dts dist-types dist-types/ts3.4",
    clean: "premove dist-cjs dist-es dist-types",
    "extract:docs": "api-extractor run --local",
    "generate:client": "node ../../scripts/generate-clients/single-service",
    test: "yarn g:vitest run --passWithNoTests",
    "test:watch": "yarn g:vitest watch --passWithNoTests",
    "test:integration": "yarn g:vitest run --passWithNoTests -c vitest.config.integ.mts",
    "test:integration:watch": "yarn g:vitest watch --passWithNoTests -c vitest.config.integ.mts",
    "test:e2e": "yarn g:vitest run -c vitest.config.e2e.mts",
    "test:e2e:watch": "yarn g:vitest watch -c vitest.config.e2e.mts",
    "test:index": "tsc -p tsconfig.test.json && node ./test/index-objects.spec.mjs"
  },
  dependencies: {
    "@aws-sdk/core": "^3.981.2",
    "@aws-sdk/credential-provider-node": "^3.972.99",
    "@aws-sdk/signature-v4-multi-region": "^3.996.52",
    "@aws-sdk/types": "^3.975.1",
    "@smithy/core": "^3.41.1",
    "@smithy/fetch-http-handler": "^5.8.1",
    "@smithy/node-http-handler": "^4.14.2",
    "@smithy/types": "^4.20.0",
    tslib: "^2.6.2"
  },
  devDependencies: {
    "@smithy/snapshot-testing": "^2.4.0",
    "@tsconfig/node20": "20.1.8",
    "@types/node": "^20.14.8",
    concurrently: "7.0.0",
    "downlevel-dts": "0.10.1",
    premove: "4.0.0",
    typescript: "~7.0.2",
    vitest: "^4.0.17"
  },
  engines: {
    node: ">=20.0.0"
  }
};

// node_modules/@aws-sdk/client-sts/dist-es/models/STSServiceException.js
var STSServiceException = class _STSServiceException extends ServiceException {
  static shapeId = "smithy.ts.sdk.synthetic.com.amazonaws.sts#STSServiceException";
  constructor(options) {
    super(options);
    Object.setPrototypeOf(this, _STSServiceException.prototype);
  }
};

// node_modules/@aws-sdk/client-sts/dist-es/models/errors.js
var ExpiredTokenException = class _ExpiredTokenException extends STSServiceException {
  static shapeId = "com.amazonaws.sts#ExpiredTokenException";
  name = "ExpiredTokenException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "ExpiredTokenException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _ExpiredTokenException.prototype);
  }
};
var InvalidContextAssertionException = class _InvalidContextAssertionException extends STSServiceException {
  static shapeId = "com.amazonaws.sts#InvalidContextAssertionException";
  name = "InvalidContextAssertionException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "InvalidContextAssertionException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _InvalidContextAssertionException.prototype);
  }
};
var MalformedPolicyDocumentException = class _MalformedPolicyDocumentException extends STSServiceException {
  static shapeId = "com.amazonaws.sts#MalformedPolicyDocumentException";
  name = "MalformedPolicyDocumentException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "MalformedPolicyDocumentException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _MalformedPolicyDocumentException.prototype);
  }
};
var PackedPolicyTooLargeException = class _PackedPolicyTooLargeException extends STSServiceException {
  static shapeId = "com.amazonaws.sts#PackedPolicyTooLargeException";
  name = "PackedPolicyTooLargeException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "PackedPolicyTooLargeException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _PackedPolicyTooLargeException.prototype);
  }
};
var RegionDisabledException = class _RegionDisabledException extends STSServiceException {
  static shapeId = "com.amazonaws.sts#RegionDisabledException";
  name = "RegionDisabledException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "RegionDisabledException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _RegionDisabledException.prototype);
  }
};
var IDPRejectedClaimException = class _IDPRejectedClaimException extends STSServiceException {
  static shapeId = "com.amazonaws.sts#IDPRejectedClaimException";
  name = "IDPRejectedClaimException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "IDPRejectedClaimException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _IDPRejectedClaimException.prototype);
  }
};
var InvalidIdentityTokenException = class _InvalidIdentityTokenException extends STSServiceException {
  static shapeId = "com.amazonaws.sts#InvalidIdentityTokenException";
  name = "InvalidIdentityTokenException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "InvalidIdentityTokenException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _InvalidIdentityTokenException.prototype);
  }
};
var IDPCommunicationErrorException = class _IDPCommunicationErrorException extends STSServiceException {
  static shapeId = "com.amazonaws.sts#IDPCommunicationErrorException";
  name = "IDPCommunicationErrorException";
  $fault = "client";
  $retryable = {};
  constructor(opts) {
    super({
      name: "IDPCommunicationErrorException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _IDPCommunicationErrorException.prototype);
  }
};
var InvalidAuthorizationMessageException = class _InvalidAuthorizationMessageException extends STSServiceException {
  static shapeId = "com.amazonaws.sts#InvalidAuthorizationMessageException";
  name = "InvalidAuthorizationMessageException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "InvalidAuthorizationMessageException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _InvalidAuthorizationMessageException.prototype);
  }
};
var ExpiredTradeInTokenException = class _ExpiredTradeInTokenException extends STSServiceException {
  static shapeId = "com.amazonaws.sts#ExpiredTradeInTokenException";
  name = "ExpiredTradeInTokenException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "ExpiredTradeInTokenException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _ExpiredTradeInTokenException.prototype);
  }
};
var InsufficientSessionLifetimeException = class _InsufficientSessionLifetimeException extends STSServiceException {
  static shapeId = "com.amazonaws.sts#InsufficientSessionLifetimeException";
  name = "InsufficientSessionLifetimeException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "InsufficientSessionLifetimeException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _InsufficientSessionLifetimeException.prototype);
  }
};
var InvalidSubjectCredentialsException = class _InvalidSubjectCredentialsException extends STSServiceException {
  static shapeId = "com.amazonaws.sts#InvalidSubjectCredentialsException";
  name = "InvalidSubjectCredentialsException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "InvalidSubjectCredentialsException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _InvalidSubjectCredentialsException.prototype);
  }
};
var JWTPayloadSizeExceededException = class _JWTPayloadSizeExceededException extends STSServiceException {
  static shapeId = "com.amazonaws.sts#JWTPayloadSizeExceededException";
  name = "JWTPayloadSizeExceededException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "JWTPayloadSizeExceededException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _JWTPayloadSizeExceededException.prototype);
  }
};
var OutboundWebIdentityFederationDisabledException = class _OutboundWebIdentityFederationDisabledException extends STSServiceException {
  static shapeId = "com.amazonaws.sts#OutboundWebIdentityFederationDisabledException";
  name = "OutboundWebIdentityFederationDisabledException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "OutboundWebIdentityFederationDisabledException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _OutboundWebIdentityFederationDisabledException.prototype);
  }
};
var SessionDurationEscalationException = class _SessionDurationEscalationException extends STSServiceException {
  static shapeId = "com.amazonaws.sts#SessionDurationEscalationException";
  name = "SessionDurationEscalationException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "SessionDurationEscalationException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _SessionDurationEscalationException.prototype);
  }
};

// node_modules/@aws-sdk/client-sts/dist-es/schemas/schemas_0.js
var _A = "Arn";
var _AKI = "AccessKeyId";
var _AP = "AssumedPrincipal";
var _AR = "AssumeRole";
var _ARI = "AssumedRoleId";
var _ARR = "AssumeRoleRequest";
var _ARRs = "AssumeRoleResponse";
var _ARRss = "AssumeRootRequest";
var _ARRssu = "AssumeRootResponse";
var _ARU = "AssumedRoleUser";
var _ARWSAML = "AssumeRoleWithSAML";
var _ARWSAMLR = "AssumeRoleWithSAMLRequest";
var _ARWSAMLRs = "AssumeRoleWithSAMLResponse";
var _ARWWI = "AssumeRoleWithWebIdentity";
var _ARWWIR = "AssumeRoleWithWebIdentityRequest";
var _ARWWIRs = "AssumeRoleWithWebIdentityResponse";
var _ARs = "AssumeRoot";
var _Ac = "Account";
var _Au = "Audience";
var _C = "Credentials";
var _CA = "ContextAssertion";
var _DAM = "DecodeAuthorizationMessage";
var _DAMR = "DecodeAuthorizationMessageRequest";
var _DAMRe = "DecodeAuthorizationMessageResponse";
var _DM = "DecodedMessage";
var _DS = "DurationSeconds";
var _E = "Expiration";
var _EI = "ExternalId";
var _EM = "EncodedMessage";
var _ETE = "ExpiredTokenException";
var _ETITE = "ExpiredTradeInTokenException";
var _FPA = "FederatedProviderArn";
var _FU = "FederatedUser";
var _FUI = "FederatedUserId";
var _GAKI = "GetAccessKeyInfo";
var _GAKIR = "GetAccessKeyInfoRequest";
var _GAKIRe = "GetAccessKeyInfoResponse";
var _GCI = "GetCallerIdentity";
var _GCIR = "GetCallerIdentityRequest";
var _GCIRe = "GetCallerIdentityResponse";
var _GDAT = "GetDelegatedAccessToken";
var _GDATR = "GetDelegatedAccessTokenRequest";
var _GDATRe = "GetDelegatedAccessTokenResponse";
var _GFT = "GetFederationToken";
var _GFTR = "GetFederationTokenRequest";
var _GFTRe = "GetFederationTokenResponse";
var _GSC = "GetScopedCredentials";
var _GSCR = "GetScopedCredentialsRequest";
var _GSCRe = "GetScopedCredentialsResponse";
var _GST = "GetSessionToken";
var _GSTR = "GetSessionTokenRequest";
var _GSTRe = "GetSessionTokenResponse";
var _GWIT = "GetWebIdentityToken";
var _GWITR = "GetWebIdentityTokenRequest";
var _GWITRe = "GetWebIdentityTokenResponse";
var _I = "Issuer";
var _IAME = "InvalidAuthorizationMessageException";
var _ICAE = "InvalidContextAssertionException";
var _IDPCEE = "IDPCommunicationErrorException";
var _IDPRCE = "IDPRejectedClaimException";
var _IITE = "InvalidIdentityTokenException";
var _IP = "IdentityProvider";
var _ISCE = "InvalidSubjectCredentialsException";
var _ISLE = "InsufficientSessionLifetimeException";
var _JWTPSEE = "JWTPayloadSizeExceededException";
var _K = "Key";
var _MPDE = "MalformedPolicyDocumentException";
var _MSTS = "MinimumSessionTokenSize";
var _N = "Name";
var _NQ = "NameQualifier";
var _OI = "OriginIdentity";
var _OWIFDE = "OutboundWebIdentityFederationDisabledException";
var _P = "Policy";
var _PA = "PolicyArns";
var _PAr = "PrincipalArn";
var _PAro = "ProviderArn";
var _PC = "ProvidedContexts";
var _PCLT = "ProvidedContextsListType";
var _PCr = "ProvidedContext";
var _PDT = "PolicyDescriptorType";
var _PI = "ProviderId";
var _PPS = "PackedPolicySize";
var _PPTLE = "PackedPolicyTooLargeException";
var _Pr = "Provider";
var _RA = "RoleArn";
var _RDE = "RegionDisabledException";
var _RSN = "RoleSessionName";
var _S = "Subject";
var _SA = "SigningAlgorithm";
var _SAK = "SecretAccessKey";
var _SAMLA = "SAMLAssertion";
var _SAMLAT = "SAMLAssertionType";
var _SDEE = "SessionDurationEscalationException";
var _SFWIT = "SubjectFromWebIdentityToken";
var _SI = "SourceIdentity";
var _SIe = "SessionInfo";
var _SM = "SubjectMode";
var _SN = "SerialNumber";
var _SPC = "ScopedPoliciesCount";
var _SS = "ScopedSession";
var _SSD = "ScopedSessionDescription";
var _SSI = "ScopedSessionId";
var _ST = "SubjectType";
var _STS = "SessionTokenSize";
var _STU = "SessionTokenUtilization";
var _STe = "SessionToken";
var _Sc = "Scope";
var _T = "Tags";
var _TC = "TokenCode";
var _TCr = "TransactionContext";
var _TIPC = "TrustedIdentityPropagationContext";
var _TIT = "TradeInToken";
var _TP = "TargetPrincipal";
var _TPA = "TaskPolicyArn";
var _TTK = "TransitiveTagKeys";
var _Ta = "Tag";
var _UI = "UserId";
var _V = "Value";
var _WIT = "WebIdentityToken";
var _a = "arn";
var _aKST = "accessKeySecretType";
var _aQE = "awsQueryError";
var _c = "client";
var _cTT = "clientTokenType";
var _e = "error";
var _hE = "httpError";
var _m = "message";
var _oIIT = "originIdentityIssuerType";
var _oIST = "originIdentitySubjectType";
var _oISTT = "originIdentitySubjectTypeType";
var _pDLT = "policyDescriptorListType";
var _s = "smithy.ts.sdk.synthetic.com.amazonaws.sts";
var _tCIPMT = "transactionContextIdentityProviderMapType";
var _tCVT = "transactionContextValueType";
var _tITT = "tradeInTokenType";
var _tLT = "tagListType";
var _wITT = "webIdentityTokenType";
var n0 = "com.amazonaws.sts";
var _s_registry = new TypeRegistry(_s);
var STSServiceException$ = [-3, _s, "STSServiceException", 0, [], []];
_s_registry.registerError(STSServiceException$, STSServiceException);
var n0_registry = new TypeRegistry(n0);
var ExpiredTokenException$ = [
  -3,
  n0,
  _ETE,
  { [_aQE]: [`ExpiredTokenException`, 400], [_e]: _c, [_hE]: 400 },
  [_m],
  [0]
];
n0_registry.registerError(ExpiredTokenException$, ExpiredTokenException);
var ExpiredTradeInTokenException$ = [
  -3,
  n0,
  _ETITE,
  { [_aQE]: [`ExpiredTradeInTokenException`, 400], [_e]: _c, [_hE]: 400 },
  [_m],
  [0]
];
n0_registry.registerError(ExpiredTradeInTokenException$, ExpiredTradeInTokenException);
var IDPCommunicationErrorException$ = [
  -3,
  n0,
  _IDPCEE,
  { [_aQE]: [`IDPCommunicationError`, 400], [_e]: _c, [_hE]: 400 },
  [_m],
  [0]
];
n0_registry.registerError(IDPCommunicationErrorException$, IDPCommunicationErrorException);
var IDPRejectedClaimException$ = [
  -3,
  n0,
  _IDPRCE,
  { [_aQE]: [`IDPRejectedClaim`, 403], [_e]: _c, [_hE]: 403 },
  [_m],
  [0]
];
n0_registry.registerError(IDPRejectedClaimException$, IDPRejectedClaimException);
var InsufficientSessionLifetimeException$ = [
  -3,
  n0,
  _ISLE,
  { [_aQE]: [`InsufficientSessionLifetime`, 400], [_e]: _c, [_hE]: 400 },
  [_m],
  [0]
];
n0_registry.registerError(InsufficientSessionLifetimeException$, InsufficientSessionLifetimeException);
var InvalidAuthorizationMessageException$ = [
  -3,
  n0,
  _IAME,
  { [_aQE]: [`InvalidAuthorizationMessageException`, 400], [_e]: _c, [_hE]: 400 },
  [_m],
  [0]
];
n0_registry.registerError(InvalidAuthorizationMessageException$, InvalidAuthorizationMessageException);
var InvalidContextAssertionException$ = [
  -3,
  n0,
  _ICAE,
  { [_aQE]: [`InvalidContextAssertion`, 400], [_e]: _c, [_hE]: 400 },
  [_m],
  [0]
];
n0_registry.registerError(InvalidContextAssertionException$, InvalidContextAssertionException);
var InvalidIdentityTokenException$ = [
  -3,
  n0,
  _IITE,
  { [_aQE]: [`InvalidIdentityToken`, 400], [_e]: _c, [_hE]: 400 },
  [_m],
  [0]
];
n0_registry.registerError(InvalidIdentityTokenException$, InvalidIdentityTokenException);
var InvalidSubjectCredentialsException$ = [
  -3,
  n0,
  _ISCE,
  { [_aQE]: [`InvalidSubjectCredentials`, 400], [_e]: _c, [_hE]: 400 },
  [_m],
  [0]
];
n0_registry.registerError(InvalidSubjectCredentialsException$, InvalidSubjectCredentialsException);
var JWTPayloadSizeExceededException$ = [
  -3,
  n0,
  _JWTPSEE,
  { [_aQE]: [`JWTPayloadSizeExceededException`, 400], [_e]: _c, [_hE]: 400 },
  [_m],
  [0]
];
n0_registry.registerError(JWTPayloadSizeExceededException$, JWTPayloadSizeExceededException);
var MalformedPolicyDocumentException$ = [
  -3,
  n0,
  _MPDE,
  { [_aQE]: [`MalformedPolicyDocument`, 400], [_e]: _c, [_hE]: 400 },
  [_m],
  [0]
];
n0_registry.registerError(MalformedPolicyDocumentException$, MalformedPolicyDocumentException);
var OutboundWebIdentityFederationDisabledException$ = [
  -3,
  n0,
  _OWIFDE,
  { [_aQE]: [`OutboundWebIdentityFederationDisabledException`, 403], [_e]: _c, [_hE]: 403 },
  [_m],
  [0]
];
n0_registry.registerError(OutboundWebIdentityFederationDisabledException$, OutboundWebIdentityFederationDisabledException);
var PackedPolicyTooLargeException$ = [
  -3,
  n0,
  _PPTLE,
  { [_aQE]: [`PackedPolicyTooLarge`, 400], [_e]: _c, [_hE]: 400 },
  [_m],
  [0]
];
n0_registry.registerError(PackedPolicyTooLargeException$, PackedPolicyTooLargeException);
var RegionDisabledException$ = [
  -3,
  n0,
  _RDE,
  { [_aQE]: [`RegionDisabledException`, 403], [_e]: _c, [_hE]: 403 },
  [_m],
  [0]
];
n0_registry.registerError(RegionDisabledException$, RegionDisabledException);
var SessionDurationEscalationException$ = [
  -3,
  n0,
  _SDEE,
  { [_aQE]: [`SessionDurationEscalationException`, 403], [_e]: _c, [_hE]: 403 },
  [_m],
  [0]
];
n0_registry.registerError(SessionDurationEscalationException$, SessionDurationEscalationException);
var errorTypeRegistries = [
  _s_registry,
  n0_registry
];
var accessKeySecretType = [0, n0, _aKST, 8, 0];
var clientTokenType = [0, n0, _cTT, 8, 0];
var originIdentityIssuerType = [0, n0, _oIIT, 8, 0];
var originIdentitySubjectType = [0, n0, _oIST, 8, 0];
var originIdentitySubjectTypeType = [0, n0, _oISTT, 8, 0];
var SAMLAssertionType = [0, n0, _SAMLAT, 8, 0];
var tradeInTokenType = [0, n0, _tITT, 8, 0];
var transactionContextValueType = [0, n0, _tCVT, 8, 0];
var webIdentityTokenType = [0, n0, _wITT, 8, 0];
var AssumedRoleUser$ = [
  3,
  n0,
  _ARU,
  0,
  [_ARI, _A],
  [0, 0],
  2
];
var AssumeRoleRequest$ = [
  3,
  n0,
  _ARR,
  0,
  [_RA, _RSN, _PA, _P, _DS, _T, _TTK, _EI, _SN, _TC, _SI, _PC, _MSTS],
  [0, 0, () => policyDescriptorListType, 0, 1, () => tagListType, 64 | 0, 0, 0, 0, 0, () => ProvidedContextsListType, 1],
  2
];
var AssumeRoleResponse$ = [
  3,
  n0,
  _ARRs,
  0,
  [_C, _ARU, _PPS, _SI, _STU, _STS],
  [[() => Credentials$, 0], () => AssumedRoleUser$, 1, 0, 1, 1]
];
var AssumeRoleWithSAMLRequest$ = [
  3,
  n0,
  _ARWSAMLR,
  0,
  [_RA, _PAr, _SAMLA, _PA, _P, _DS, _MSTS],
  [0, 0, [() => SAMLAssertionType, 0], () => policyDescriptorListType, 0, 1, 1],
  3
];
var AssumeRoleWithSAMLResponse$ = [
  3,
  n0,
  _ARWSAMLRs,
  0,
  [_C, _ARU, _PPS, _S, _ST, _I, _Au, _NQ, _SI, _STU, _STS, _TIPC],
  [[() => Credentials$, 0], () => AssumedRoleUser$, 1, 0, 0, 0, 0, 0, 0, 1, 1, [() => TrustedIdentityPropagationContext$, 0]]
];
var AssumeRoleWithWebIdentityRequest$ = [
  3,
  n0,
  _ARWWIR,
  0,
  [_RA, _RSN, _WIT, _PI, _PA, _P, _DS, _MSTS],
  [0, 0, [() => clientTokenType, 0], 0, () => policyDescriptorListType, 0, 1, 1],
  3
];
var AssumeRoleWithWebIdentityResponse$ = [
  3,
  n0,
  _ARWWIRs,
  0,
  [_C, _SFWIT, _ARU, _PPS, _Pr, _Au, _SI, _STU, _STS, _TIPC],
  [[() => Credentials$, 0], 0, () => AssumedRoleUser$, 1, 0, 0, 0, 1, 1, [() => TrustedIdentityPropagationContext$, 0]]
];
var AssumeRootRequest$ = [
  3,
  n0,
  _ARRss,
  0,
  [_TP, _TPA, _DS, _MSTS],
  [0, () => PolicyDescriptorType$, 1, 1],
  2
];
var AssumeRootResponse$ = [
  3,
  n0,
  _ARRssu,
  0,
  [_C, _SI, _STU, _STS],
  [[() => Credentials$, 0], 0, 1, 1]
];
var Credentials$ = [
  3,
  n0,
  _C,
  0,
  [_AKI, _SAK, _STe, _E],
  [0, [() => accessKeySecretType, 0], 0, 4],
  4
];
var DecodeAuthorizationMessageRequest$ = [
  3,
  n0,
  _DAMR,
  0,
  [_EM],
  [0],
  1
];
var DecodeAuthorizationMessageResponse$ = [
  3,
  n0,
  _DAMRe,
  0,
  [_DM],
  [0]
];
var FederatedUser$ = [
  3,
  n0,
  _FU,
  0,
  [_FUI, _A],
  [0, 0],
  2
];
var GetAccessKeyInfoRequest$ = [
  3,
  n0,
  _GAKIR,
  0,
  [_AKI],
  [0],
  1
];
var GetAccessKeyInfoResponse$ = [
  3,
  n0,
  _GAKIRe,
  0,
  [_Ac],
  [0]
];
var GetCallerIdentityRequest$ = [
  3,
  n0,
  _GCIR,
  0,
  [],
  []
];
var GetCallerIdentityResponse$ = [
  3,
  n0,
  _GCIRe,
  0,
  [_UI, _Ac, _A],
  [0, 0, 0]
];
var GetDelegatedAccessTokenRequest$ = [
  3,
  n0,
  _GDATR,
  0,
  [_TIT],
  [[() => tradeInTokenType, 0]],
  1
];
var GetDelegatedAccessTokenResponse$ = [
  3,
  n0,
  _GDATRe,
  0,
  [_C, _PPS, _AP],
  [[() => Credentials$, 0], 1, 0]
];
var GetFederationTokenRequest$ = [
  3,
  n0,
  _GFTR,
  0,
  [_N, _P, _PA, _DS, _T, _MSTS],
  [0, 0, () => policyDescriptorListType, 1, () => tagListType, 1],
  1
];
var GetFederationTokenResponse$ = [
  3,
  n0,
  _GFTRe,
  0,
  [_C, _FU, _PPS, _STU, _STS],
  [[() => Credentials$, 0], () => FederatedUser$, 1, 1, 1]
];
var GetScopedCredentialsRequest$ = [
  3,
  n0,
  _GSCR,
  0,
  [_P, _DS, _MSTS, _SSD],
  [0, 1, 1, 0]
];
var GetScopedCredentialsResponse$ = [
  3,
  n0,
  _GSCRe,
  0,
  [_C, _SIe, _STU, _STS, _SPC, _SI],
  [[() => Credentials$, 0], () => ScopedSession$, 1, 1, 1, 0]
];
var GetSessionTokenRequest$ = [
  3,
  n0,
  _GSTR,
  0,
  [_DS, _SN, _TC, _MSTS],
  [1, 0, 0, 1]
];
var GetSessionTokenResponse$ = [
  3,
  n0,
  _GSTRe,
  0,
  [_C, _STU, _STS],
  [[() => Credentials$, 0], 1, 1]
];
var GetWebIdentityTokenRequest$ = [
  3,
  n0,
  _GWITR,
  0,
  [_Au, _SA, _DS, _Sc, _SM, _T],
  [64 | 0, 0, 1, 0, 0, () => tagListType],
  2
];
var GetWebIdentityTokenResponse$ = [
  3,
  n0,
  _GWITRe,
  0,
  [_WIT, _E],
  [[() => webIdentityTokenType, 0], 4]
];
var OriginIdentity$ = [
  3,
  n0,
  _OI,
  0,
  [_S, _ST, _I, _FPA],
  [[() => originIdentitySubjectType, 0], [() => originIdentitySubjectTypeType, 0], [() => originIdentityIssuerType, 0], 0]
];
var PolicyDescriptorType$ = [
  3,
  n0,
  _PDT,
  0,
  [_a],
  [0]
];
var ProvidedContext$ = [
  3,
  n0,
  _PCr,
  0,
  [_PAro, _CA],
  [0, 0]
];
var ScopedSession$ = [
  3,
  n0,
  _SS,
  0,
  [_SSI, _A],
  [0, 0],
  2
];
var Tag$ = [
  3,
  n0,
  _Ta,
  0,
  [_K, _V],
  [0, 0],
  2
];
var TransactionContext$ = [
  3,
  n0,
  _TCr,
  0,
  [_IP],
  [[() => transactionContextIdentityProviderMapType, 0]]
];
var TrustedIdentityPropagationContext$ = [
  3,
  n0,
  _TIPC,
  8,
  [_OI, _TCr],
  [[() => OriginIdentity$, 0], [() => TransactionContext$, 0]]
];
var policyDescriptorListType = [
  1,
  n0,
  _pDLT,
  0,
  () => PolicyDescriptorType$
];
var ProvidedContextsListType = [
  1,
  n0,
  _PCLT,
  0,
  () => ProvidedContext$
];
var tagKeyListType = 64 | 0;
var tagListType = [
  1,
  n0,
  _tLT,
  0,
  () => Tag$
];
var webIdentityTokenAudienceListType = 64 | 0;
var transactionContextIdentityProviderMapType = [
  2,
  n0,
  _tCIPMT,
  0,
  [
    0,
    0
  ],
  [
    () => transactionContextValueType,
    0
  ]
];
var AssumeRole$ = [
  9,
  n0,
  _AR,
  0,
  () => AssumeRoleRequest$,
  () => AssumeRoleResponse$
];
var AssumeRoleWithSAML$ = [
  9,
  n0,
  _ARWSAML,
  0,
  () => AssumeRoleWithSAMLRequest$,
  () => AssumeRoleWithSAMLResponse$
];
var AssumeRoleWithWebIdentity$ = [
  9,
  n0,
  _ARWWI,
  0,
  () => AssumeRoleWithWebIdentityRequest$,
  () => AssumeRoleWithWebIdentityResponse$
];
var AssumeRoot$ = [
  9,
  n0,
  _ARs,
  0,
  () => AssumeRootRequest$,
  () => AssumeRootResponse$
];
var DecodeAuthorizationMessage$ = [
  9,
  n0,
  _DAM,
  0,
  () => DecodeAuthorizationMessageRequest$,
  () => DecodeAuthorizationMessageResponse$
];
var GetAccessKeyInfo$ = [
  9,
  n0,
  _GAKI,
  0,
  () => GetAccessKeyInfoRequest$,
  () => GetAccessKeyInfoResponse$
];
var GetCallerIdentity$ = [
  9,
  n0,
  _GCI,
  0,
  () => GetCallerIdentityRequest$,
  () => GetCallerIdentityResponse$
];
var GetDelegatedAccessToken$ = [
  9,
  n0,
  _GDAT,
  0,
  () => GetDelegatedAccessTokenRequest$,
  () => GetDelegatedAccessTokenResponse$
];
var GetFederationToken$ = [
  9,
  n0,
  _GFT,
  0,
  () => GetFederationTokenRequest$,
  () => GetFederationTokenResponse$
];
var GetScopedCredentials$ = [
  9,
  n0,
  _GSC,
  0,
  () => GetScopedCredentialsRequest$,
  () => GetScopedCredentialsResponse$
];
var GetSessionToken$ = [
  9,
  n0,
  _GST,
  0,
  () => GetSessionTokenRequest$,
  () => GetSessionTokenResponse$
];
var GetWebIdentityToken$ = [
  9,
  n0,
  _GWIT,
  0,
  () => GetWebIdentityTokenRequest$,
  () => GetWebIdentityTokenResponse$
];

// node_modules/@aws-sdk/client-sts/dist-es/runtimeConfig.shared.js
var getRuntimeConfig = (config) => {
  return {
    apiVersion: "2011-06-15",
    base64Decoder: config?.base64Decoder ?? fromBase64,
    base64Encoder: config?.base64Encoder ?? toBase64,
    disableHostPrefix: config?.disableHostPrefix ?? false,
    endpointProvider: config?.endpointProvider ?? defaultEndpointResolver,
    extensions: config?.extensions ?? [],
    httpAuthSchemeProvider: config?.httpAuthSchemeProvider ?? defaultSTSHttpAuthSchemeProvider,
    httpAuthSchemes: config?.httpAuthSchemes ?? [
      {
        schemeId: "aws.auth#sigv4",
        identityProvider: (ipc) => ipc.getIdentityProvider("aws.auth#sigv4"),
        signer: new AwsSdkSigV4Signer()
      },
      {
        schemeId: "aws.auth#sigv4a",
        identityProvider: (ipc) => ipc.getIdentityProvider("aws.auth#sigv4a"),
        signer: new AwsSdkSigV4ASigner()
      },
      {
        schemeId: "smithy.api#noAuth",
        identityProvider: (ipc) => ipc.getIdentityProvider("smithy.api#noAuth") || (async () => ({})),
        signer: new NoAuthSigner()
      }
    ],
    logger: config?.logger ?? new NoOpLogger(),
    protocol: config?.protocol ?? AwsQueryProtocol,
    protocolSettings: config?.protocolSettings ?? {
      defaultNamespace: "com.amazonaws.sts",
      errorTypeRegistries,
      xmlNamespace: "https://sts.amazonaws.com/doc/2011-06-15/",
      version: "2011-06-15",
      serviceTarget: "AWSSecurityTokenServiceV20110615"
    },
    serviceId: config?.serviceId ?? "STS",
    sha256: config?.sha256 ?? Sha256Node,
    signerConstructor: config?.signerConstructor ?? SignatureV4MultiRegion,
    urlParser: config?.urlParser ?? parseUrl,
    utf8Decoder: config?.utf8Decoder ?? fromUtf8,
    utf8Encoder: config?.utf8Encoder ?? toUtf8
  };
};

// node_modules/@aws-sdk/client-sts/dist-es/runtimeConfig.js
var getRuntimeConfig2 = (config) => {
  emitWarningIfUnsupportedVersion2(process.version);
  const defaultsMode = resolveDefaultsModeConfig(config);
  const defaultConfigProvider = () => defaultsMode().then(loadConfigsForDefaultMode);
  const clientSharedValues = getRuntimeConfig(config);
  emitWarningIfUnsupportedVersion(process.version);
  const loaderConfig = {
    profile: config?.profile,
    logger: clientSharedValues.logger
  };
  return {
    ...clientSharedValues,
    ...config,
    runtime: "node",
    defaultsMode,
    authSchemePreference: config?.authSchemePreference ?? loadConfig(NODE_AUTH_SCHEME_PREFERENCE_OPTIONS, loaderConfig),
    bodyLengthChecker: config?.bodyLengthChecker ?? calculateBodyLength,
    credentialDefaultProvider: config?.credentialDefaultProvider ?? defaultProvider,
    defaultSocketTimeout: getDefaultSocketTimeout(config?.requestHandler, 3e5),
    defaultUserAgentProvider: config?.defaultUserAgentProvider ?? createDefaultUserAgentProvider({ serviceId: clientSharedValues.serviceId, clientVersion: package_default.version }),
    httpAuthSchemes: config?.httpAuthSchemes ?? [
      {
        schemeId: "aws.auth#sigv4",
        identityProvider: (ipc) => ipc.getIdentityProvider("aws.auth#sigv4") || (async (idProps) => await defaultProvider(idProps?.__config || {})()),
        signer: new AwsSdkSigV4Signer()
      },
      {
        schemeId: "aws.auth#sigv4a",
        identityProvider: (ipc) => ipc.getIdentityProvider("aws.auth#sigv4a"),
        signer: new AwsSdkSigV4ASigner()
      },
      {
        schemeId: "smithy.api#noAuth",
        identityProvider: (ipc) => ipc.getIdentityProvider("smithy.api#noAuth") || (async () => ({})),
        signer: new NoAuthSigner()
      }
    ],
    maxAttempts: config?.maxAttempts ?? loadConfig(NODE_MAX_ATTEMPT_CONFIG_OPTIONS, config),
    region: config?.region ?? loadConfig(NODE_REGION_CONFIG_OPTIONS, { ...NODE_REGION_CONFIG_FILE_OPTIONS, ...loaderConfig }),
    requestHandler: NodeHttpHandler.create(config?.requestHandler ?? defaultConfigProvider),
    retryMode: config?.retryMode ?? loadConfig({
      ...NODE_RETRY_MODE_CONFIG_OPTIONS,
      default: async () => (await defaultConfigProvider()).retryMode || DEFAULT_RETRY_MODE
    }, config),
    sigv4aSigningRegionSet: config?.sigv4aSigningRegionSet ?? loadConfig(NODE_SIGV4A_CONFIG_OPTIONS, loaderConfig),
    streamCollector: config?.streamCollector ?? streamCollector,
    useDualstackEndpoint: config?.useDualstackEndpoint ?? loadConfig(NODE_USE_DUALSTACK_ENDPOINT_CONFIG_OPTIONS, loaderConfig),
    useFipsEndpoint: config?.useFipsEndpoint ?? loadConfig(NODE_USE_FIPS_ENDPOINT_CONFIG_OPTIONS, loaderConfig),
    userAgentAppId: config?.userAgentAppId ?? loadConfig(NODE_APP_ID_CONFIG_OPTIONS, loaderConfig)
  };
};

// node_modules/@aws-sdk/client-sts/dist-es/auth/httpAuthExtensionConfiguration.js
var getHttpAuthExtensionConfiguration = (runtimeConfig) => {
  const _httpAuthSchemes = runtimeConfig.httpAuthSchemes;
  let _httpAuthSchemeProvider = runtimeConfig.httpAuthSchemeProvider;
  let _credentials = runtimeConfig.credentials;
  return {
    setHttpAuthScheme(httpAuthScheme) {
      const index = _httpAuthSchemes.findIndex((scheme) => scheme.schemeId === httpAuthScheme.schemeId);
      if (index === -1) {
        _httpAuthSchemes.push(httpAuthScheme);
      } else {
        _httpAuthSchemes.splice(index, 1, httpAuthScheme);
      }
    },
    httpAuthSchemes() {
      return _httpAuthSchemes;
    },
    setHttpAuthSchemeProvider(httpAuthSchemeProvider) {
      _httpAuthSchemeProvider = httpAuthSchemeProvider;
    },
    httpAuthSchemeProvider() {
      return _httpAuthSchemeProvider;
    },
    setCredentials(credentials) {
      _credentials = credentials;
    },
    credentials() {
      return _credentials;
    }
  };
};
var resolveHttpAuthRuntimeConfig = (config) => {
  return {
    httpAuthSchemes: config.httpAuthSchemes(),
    httpAuthSchemeProvider: config.httpAuthSchemeProvider(),
    credentials: config.credentials()
  };
};

// node_modules/@aws-sdk/client-sts/dist-es/runtimeExtensions.js
var resolveRuntimeExtensions = (runtimeConfig, extensions) => {
  const extensionConfiguration = Object.assign(getAwsRegionExtensionConfiguration(runtimeConfig), getDefaultExtensionConfiguration(runtimeConfig), getHttpHandlerExtensionConfiguration(runtimeConfig), getHttpAuthExtensionConfiguration(runtimeConfig));
  extensions.forEach((extension) => extension.configure(extensionConfiguration));
  return Object.assign(runtimeConfig, resolveAwsRegionExtensionConfiguration(extensionConfiguration), resolveDefaultRuntimeConfig(extensionConfiguration), resolveHttpHandlerRuntimeConfig(extensionConfiguration), resolveHttpAuthRuntimeConfig(extensionConfiguration));
};

// node_modules/@aws-sdk/client-sts/dist-es/STSClient.js
var STSClient = class extends Client {
  config;
  constructor(...[configuration]) {
    const _config_0 = getRuntimeConfig2(configuration || {});
    super(_config_0);
    this.initConfig = _config_0;
    const _config_1 = resolveClientEndpointParameters(_config_0);
    const _config_2 = resolveUserAgentConfig(_config_1);
    const _config_3 = resolveRetryConfig(_config_2);
    const _config_4 = resolveRegionConfig(_config_3);
    const _config_5 = resolveHostHeaderConfig(_config_4);
    const _config_6 = resolveEndpointConfig(_config_5);
    const _config_7 = resolveHttpAuthSchemeConfig(_config_6);
    const _config_8 = resolveRuntimeExtensions(_config_7, configuration?.extensions || []);
    this.config = _config_8;
    this.middlewareStack.use(getSchemaSerdePlugin(this.config));
    this.middlewareStack.use(getUserAgentPlugin(this.config));
    this.middlewareStack.use(getRetryPlugin(this.config));
    this.middlewareStack.use(getContentLengthPlugin(this.config));
    this.middlewareStack.use(getHostHeaderPlugin(this.config));
    this.middlewareStack.use(getLoggerPlugin(this.config));
    this.middlewareStack.use(getRecursionDetectionPlugin(this.config));
    this.middlewareStack.use(getHttpAuthSchemeEndpointRuleSetPlugin(this.config, {
      httpAuthSchemeParametersProvider: defaultSTSHttpAuthSchemeParametersProvider,
      identityProviderConfigProvider: async (config) => new DefaultIdentityProviderConfig({
        "aws.auth#sigv4": config.credentials,
        "aws.auth#sigv4a": config.credentials
      })
    }));
    this.middlewareStack.use(getHttpSigningPlugin(this.config));
  }
  destroy() {
    super.destroy();
  }
};

// node_modules/@aws-sdk/client-sts/dist-es/commandBuilder.js
var command = makeBuilder(commonParams, "AWSSecurityTokenServiceV20110615", "STSClient", getEndpointPlugin);
var _ep0 = {};
var _mw0 = (Command2, cs, config, o2) => [];

// node_modules/@aws-sdk/client-sts/dist-es/commands/AssumeRoleCommand.js
var AssumeRoleCommand = class extends command(_ep0, _mw0, "AssumeRole", AssumeRole$) {
};

// node_modules/@aws-sdk/client-sts/dist-es/commands/AssumeRoleWithSAMLCommand.js
var AssumeRoleWithSAMLCommand = class extends command(_ep0, _mw0, "AssumeRoleWithSAML", AssumeRoleWithSAML$) {
};

// node_modules/@aws-sdk/client-sts/dist-es/commands/AssumeRoleWithWebIdentityCommand.js
var AssumeRoleWithWebIdentityCommand = class extends command(_ep0, _mw0, "AssumeRoleWithWebIdentity", AssumeRoleWithWebIdentity$) {
};

// node_modules/@aws-sdk/client-sts/dist-es/commands/AssumeRootCommand.js
var AssumeRootCommand = class extends command(_ep0, _mw0, "AssumeRoot", AssumeRoot$) {
};

// node_modules/@aws-sdk/client-sts/dist-es/commands/DecodeAuthorizationMessageCommand.js
var DecodeAuthorizationMessageCommand = class extends command(_ep0, _mw0, "DecodeAuthorizationMessage", DecodeAuthorizationMessage$) {
};

// node_modules/@aws-sdk/client-sts/dist-es/commands/GetAccessKeyInfoCommand.js
var GetAccessKeyInfoCommand = class extends command(_ep0, _mw0, "GetAccessKeyInfo", GetAccessKeyInfo$) {
};

// node_modules/@aws-sdk/client-sts/dist-es/commands/GetCallerIdentityCommand.js
var GetCallerIdentityCommand = class extends command(_ep0, _mw0, "GetCallerIdentity", GetCallerIdentity$) {
};

// node_modules/@aws-sdk/client-sts/dist-es/commands/GetDelegatedAccessTokenCommand.js
var GetDelegatedAccessTokenCommand = class extends command(_ep0, _mw0, "GetDelegatedAccessToken", GetDelegatedAccessToken$) {
};

// node_modules/@aws-sdk/client-sts/dist-es/commands/GetFederationTokenCommand.js
var GetFederationTokenCommand = class extends command(_ep0, _mw0, "GetFederationToken", GetFederationToken$) {
};

// node_modules/@aws-sdk/client-sts/dist-es/commands/GetScopedCredentialsCommand.js
var GetScopedCredentialsCommand = class extends command(_ep0, _mw0, "GetScopedCredentials", GetScopedCredentials$) {
};

// node_modules/@aws-sdk/client-sts/dist-es/commands/GetSessionTokenCommand.js
var GetSessionTokenCommand = class extends command(_ep0, _mw0, "GetSessionToken", GetSessionToken$) {
};

// node_modules/@aws-sdk/client-sts/dist-es/commands/GetWebIdentityTokenCommand.js
var GetWebIdentityTokenCommand = class extends command(_ep0, _mw0, "GetWebIdentityToken", GetWebIdentityToken$) {
};

// node_modules/@aws-sdk/client-sts/dist-es/STS.js
var commands = {
  AssumeRoleCommand,
  AssumeRoleWithSAMLCommand,
  AssumeRoleWithWebIdentityCommand,
  AssumeRootCommand,
  DecodeAuthorizationMessageCommand,
  GetAccessKeyInfoCommand,
  GetCallerIdentityCommand,
  GetDelegatedAccessTokenCommand,
  GetFederationTokenCommand,
  GetScopedCredentialsCommand,
  GetSessionTokenCommand,
  GetWebIdentityTokenCommand
};
var STS = class extends STSClient {
};
createAggregatedClient(commands, STS);

// node_modules/@aws-sdk/client-sts/dist-es/models/enums.js
var WebIdentityTokenSubjectModeType = {
  AWS_IDENTITY: "AWSIdentity",
  ORIGIN_IDENTITY: "OriginIdentity"
};

// node_modules/@aws-sdk/client-sts/dist-es/defaultStsRoleAssumers.js
var getAccountIdFromAssumedRoleUser = (assumedRoleUser) => {
  if (typeof assumedRoleUser?.Arn === "string") {
    const arnComponents = assumedRoleUser.Arn.split(":");
    if (arnComponents.length > 4 && arnComponents[4] !== "") {
      return arnComponents[4];
    }
  }
  return void 0;
};
var resolveRegion = async (_region, _parentRegion, credentialProviderLogger, loaderConfig = {}) => {
  const region = typeof _region === "function" ? await _region() : _region;
  const parentRegion = typeof _parentRegion === "function" ? await _parentRegion() : _parentRegion;
  let stsDefaultRegion = "";
  const resolvedRegion = region ?? parentRegion ?? (stsDefaultRegion = await stsRegionDefaultResolver(loaderConfig)());
  credentialProviderLogger?.debug?.("@aws-sdk/client-sts::resolveRegion", "accepting first of:", `${region} (credential provider clientConfig)`, `${parentRegion} (contextual client)`, `${stsDefaultRegion} (STS default: AWS_REGION, profile region, or us-east-1)`);
  return resolvedRegion;
};
var getDefaultRoleAssumer = (stsOptions, STSClient2) => {
  let stsClient;
  let closureSourceCreds;
  return async (sourceCreds, params) => {
    closureSourceCreds = sourceCreds;
    if (!stsClient) {
      const { logger = stsOptions?.parentClientConfig?.logger, profile = stsOptions?.parentClientConfig?.profile, region, requestHandler = stsOptions?.parentClientConfig?.requestHandler, credentialProviderLogger, userAgentAppId = stsOptions?.parentClientConfig?.userAgentAppId } = stsOptions;
      const resolvedRegion = await resolveRegion(region, stsOptions?.parentClientConfig?.region, credentialProviderLogger, {
        logger,
        profile
      });
      const isCompatibleRequestHandler = !isH2(requestHandler);
      stsClient = new STSClient2({
        ...stsOptions,
        userAgentAppId,
        profile,
        credentialDefaultProvider: () => async () => closureSourceCreds,
        region: resolvedRegion,
        requestHandler: isCompatibleRequestHandler ? requestHandler : void 0,
        logger
      });
    }
    const { Credentials, AssumedRoleUser } = await stsClient.send(new AssumeRoleCommand(params));
    if (!Credentials || !Credentials.AccessKeyId || !Credentials.SecretAccessKey) {
      throw new Error(`Invalid response from STS.assumeRole call with role ${params.RoleArn}`);
    }
    const accountId = getAccountIdFromAssumedRoleUser(AssumedRoleUser);
    const credentials = {
      accessKeyId: Credentials.AccessKeyId,
      secretAccessKey: Credentials.SecretAccessKey,
      sessionToken: Credentials.SessionToken,
      expiration: Credentials.Expiration,
      ...Credentials.CredentialScope && { credentialScope: Credentials.CredentialScope },
      ...accountId && { accountId }
    };
    setCredentialFeature(credentials, "CREDENTIALS_STS_ASSUME_ROLE", "i");
    return credentials;
  };
};
var getDefaultRoleAssumerWithWebIdentity = (stsOptions, STSClient2) => {
  let stsClient;
  return async (params) => {
    if (!stsClient) {
      const { logger = stsOptions?.parentClientConfig?.logger, profile = stsOptions?.parentClientConfig?.profile, region, requestHandler = stsOptions?.parentClientConfig?.requestHandler, credentialProviderLogger, userAgentAppId = stsOptions?.parentClientConfig?.userAgentAppId } = stsOptions;
      const resolvedRegion = await resolveRegion(region, stsOptions?.parentClientConfig?.region, credentialProviderLogger, {
        logger,
        profile
      });
      const isCompatibleRequestHandler = !isH2(requestHandler);
      stsClient = new STSClient2({
        ...stsOptions,
        userAgentAppId,
        profile,
        region: resolvedRegion,
        requestHandler: isCompatibleRequestHandler ? requestHandler : void 0,
        logger
      });
    }
    const { Credentials, AssumedRoleUser } = await stsClient.send(new AssumeRoleWithWebIdentityCommand(params));
    if (!Credentials || !Credentials.AccessKeyId || !Credentials.SecretAccessKey) {
      throw new Error(`Invalid response from STS.assumeRoleWithWebIdentity call with role ${params.RoleArn}`);
    }
    const accountId = getAccountIdFromAssumedRoleUser(AssumedRoleUser);
    const credentials = {
      accessKeyId: Credentials.AccessKeyId,
      secretAccessKey: Credentials.SecretAccessKey,
      sessionToken: Credentials.SessionToken,
      expiration: Credentials.Expiration,
      ...Credentials.CredentialScope && { credentialScope: Credentials.CredentialScope },
      ...accountId && { accountId }
    };
    if (accountId) {
      setCredentialFeature(credentials, "RESOLVED_ACCOUNT_ID", "T");
    }
    setCredentialFeature(credentials, "CREDENTIALS_STS_ASSUME_ROLE_WEB_ID", "k");
    return credentials;
  };
};
var isH2 = (requestHandler) => {
  return requestHandler?.metadata?.handlerProtocol === "h2";
};

// node_modules/@aws-sdk/client-sts/dist-es/defaultRoleAssumers.js
var getCustomizableStsClientCtor = (baseCtor, customizations) => {
  if (!customizations)
    return baseCtor;
  else
    return class CustomizableSTSClient extends baseCtor {
      constructor(config) {
        super(config);
        for (const customization of customizations) {
          this.middlewareStack.use(customization);
        }
      }
    };
};
var getDefaultRoleAssumer2 = (stsOptions = {}, stsPlugins) => getDefaultRoleAssumer(stsOptions, getCustomizableStsClientCtor(STSClient, stsPlugins));
var getDefaultRoleAssumerWithWebIdentity2 = (stsOptions = {}, stsPlugins) => getDefaultRoleAssumerWithWebIdentity(stsOptions, getCustomizableStsClientCtor(STSClient, stsPlugins));
var decorateDefaultCredentialProvider = (provider) => (input) => provider({
  roleAssumer: getDefaultRoleAssumer2(input),
  roleAssumerWithWebIdentity: getDefaultRoleAssumerWithWebIdentity2(input),
  ...input
});
export {
  Command as $Command,
  AssumeRole$,
  AssumeRoleCommand,
  AssumeRoleRequest$,
  AssumeRoleResponse$,
  AssumeRoleWithSAML$,
  AssumeRoleWithSAMLCommand,
  AssumeRoleWithSAMLRequest$,
  AssumeRoleWithSAMLResponse$,
  AssumeRoleWithWebIdentity$,
  AssumeRoleWithWebIdentityCommand,
  AssumeRoleWithWebIdentityRequest$,
  AssumeRoleWithWebIdentityResponse$,
  AssumeRoot$,
  AssumeRootCommand,
  AssumeRootRequest$,
  AssumeRootResponse$,
  AssumedRoleUser$,
  Credentials$,
  DecodeAuthorizationMessage$,
  DecodeAuthorizationMessageCommand,
  DecodeAuthorizationMessageRequest$,
  DecodeAuthorizationMessageResponse$,
  ExpiredTokenException,
  ExpiredTokenException$,
  ExpiredTradeInTokenException,
  ExpiredTradeInTokenException$,
  FederatedUser$,
  GetAccessKeyInfo$,
  GetAccessKeyInfoCommand,
  GetAccessKeyInfoRequest$,
  GetAccessKeyInfoResponse$,
  GetCallerIdentity$,
  GetCallerIdentityCommand,
  GetCallerIdentityRequest$,
  GetCallerIdentityResponse$,
  GetDelegatedAccessToken$,
  GetDelegatedAccessTokenCommand,
  GetDelegatedAccessTokenRequest$,
  GetDelegatedAccessTokenResponse$,
  GetFederationToken$,
  GetFederationTokenCommand,
  GetFederationTokenRequest$,
  GetFederationTokenResponse$,
  GetScopedCredentials$,
  GetScopedCredentialsCommand,
  GetScopedCredentialsRequest$,
  GetScopedCredentialsResponse$,
  GetSessionToken$,
  GetSessionTokenCommand,
  GetSessionTokenRequest$,
  GetSessionTokenResponse$,
  GetWebIdentityToken$,
  GetWebIdentityTokenCommand,
  GetWebIdentityTokenRequest$,
  GetWebIdentityTokenResponse$,
  IDPCommunicationErrorException,
  IDPCommunicationErrorException$,
  IDPRejectedClaimException,
  IDPRejectedClaimException$,
  InsufficientSessionLifetimeException,
  InsufficientSessionLifetimeException$,
  InvalidAuthorizationMessageException,
  InvalidAuthorizationMessageException$,
  InvalidContextAssertionException,
  InvalidContextAssertionException$,
  InvalidIdentityTokenException,
  InvalidIdentityTokenException$,
  InvalidSubjectCredentialsException,
  InvalidSubjectCredentialsException$,
  JWTPayloadSizeExceededException,
  JWTPayloadSizeExceededException$,
  MalformedPolicyDocumentException,
  MalformedPolicyDocumentException$,
  OriginIdentity$,
  OutboundWebIdentityFederationDisabledException,
  OutboundWebIdentityFederationDisabledException$,
  PackedPolicyTooLargeException,
  PackedPolicyTooLargeException$,
  PolicyDescriptorType$,
  ProvidedContext$,
  RegionDisabledException,
  RegionDisabledException$,
  STS,
  STSClient,
  STSServiceException,
  STSServiceException$,
  ScopedSession$,
  SessionDurationEscalationException,
  SessionDurationEscalationException$,
  Tag$,
  TransactionContext$,
  TrustedIdentityPropagationContext$,
  WebIdentityTokenSubjectModeType,
  Client as __Client,
  decorateDefaultCredentialProvider,
  errorTypeRegistries,
  getDefaultRoleAssumer2 as getDefaultRoleAssumer,
  getDefaultRoleAssumerWithWebIdentity2 as getDefaultRoleAssumerWithWebIdentity
};
