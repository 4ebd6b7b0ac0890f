import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  defaultProvider
} from "./shared-aws-sdk-credential-provider-node-remoteProvider.js";
import {
  AwsQueryProtocol,
  AwsSdkSigV4Signer,
  NODE_AUTH_SCHEME_PREFERENCE_OPTIONS,
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
  NoOpLogger,
  ServiceException,
  WaiterState,
  awsEndpointFunctions,
  checkExceptions,
  createAggregatedClient,
  createDefaultUserAgentProvider,
  createPaginator,
  createWaiter,
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
  resolveRetryConfig,
  resolveUserAgentConfig
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

// node_modules/@aws-sdk/client-iam/dist-es/auth/httpAuthSchemeProvider.js
var defaultIAMHttpAuthSchemeParametersProvider = async (config, context, input) => {
  return {
    operation: getSmithyContext(context).operation,
    region: await normalizeProvider(config.region)() || (() => {
      throw new Error("expected `region` to be configured for `aws.auth#sigv4`");
    })()
  };
};
function createAwsAuthSigv4HttpAuthOption(authParameters) {
  return {
    schemeId: "aws.auth#sigv4",
    signingProperties: {
      name: "iam",
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
var defaultIAMHttpAuthSchemeProvider = (authParameters) => {
  const options = [];
  switch (authParameters.operation) {
    default: {
      options.push(createAwsAuthSigv4HttpAuthOption(authParameters));
    }
  }
  return options;
};
var resolveHttpAuthSchemeConfig = (config) => {
  const config_0 = resolveAwsSdkSigV4Config(config);
  return Object.assign(config_0, {
    authSchemePreference: normalizeProvider(config.authSchemePreference ?? [])
  });
};

// node_modules/@aws-sdk/client-iam/dist-es/endpoint/EndpointParameters.js
var resolveClientEndpointParameters = (options) => {
  return Object.assign(options, {
    useDualstackEndpoint: options.useDualstackEndpoint ?? false,
    useFipsEndpoint: options.useFipsEndpoint ?? false,
    defaultSigningName: "iam"
  });
};
var commonParams = {
  UseFIPS: { type: "builtInParams", name: "useFipsEndpoint" },
  Endpoint: { type: "builtInParams", name: "endpoint" },
  Region: { type: "builtInParams", name: "region" },
  UseDualStack: { type: "builtInParams", name: "useDualstackEndpoint" }
};

// node_modules/@aws-sdk/client-iam/package.json
var package_default = {
  name: "@aws-sdk/client-iam",
  version: "3.1178.0",
  description: "AWS SDK for JavaScript Iam Client for Node.js, Browser and React Native",
  homepage: "https://github.com/aws/aws-sdk-js-v3/tree/main/clients/client-iam",
  license: "Apache-2.0",
  author: {
    name: "AWS SDK for JavaScript Team",
    url: "https://aws.amazon.com/sdk-for-javascript/"
  },
  repository: {
    type: "git",
    url: "https://github.com/aws/aws-sdk-js-v3.git",
    directory: "clients/client-iam"
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

// node_modules/@aws-sdk/client-iam/dist-es/endpoint/bdd.js
var v = "ref";
var w = "authSchemes";
var x = "name";
var y = "signingRegion";
var a = -1;
var b = true;
var c = "isSet";
var d = "PartitionResult";
var e = "stringEquals";
var f = "booleanEquals";
var g = "getAttr";
var h = { [v]: "Endpoint" };
var i = { "fn": g, "argv": [{ [v]: d }, "name"] };
var j = { [v]: d };
var k = { [w]: [{ [x]: "sigv4", [y]: "us-east-1" }] };
var l = { [w]: [{ [x]: "sigv4", [y]: "cn-north-1" }] };
var m = { [w]: [{ [x]: "sigv4", [y]: "us-gov-west-1" }] };
var n = { [w]: [{ [x]: "sigv4", [y]: "us-iso-east-1" }] };
var o = { [w]: [{ [x]: "sigv4", [y]: "us-isob-east-1" }] };
var p = { [w]: [{ [x]: "sigv4", [y]: "eu-isoe-west-1" }] };
var q = { [w]: [{ [x]: "sigv4", [y]: "us-isof-south-1" }] };
var s = { [w]: [{ [x]: "sigv4", [y]: "eusc-de-east-1" }] };
var t = { [w]: [{ [x]: "sigv4", [y]: "{PartitionResult#implicitGlobalRegion}" }] };
var u = [{ [v]: "Region" }];
var _data = {
  conditions: [
    [c, [h]],
    [c, u],
    ["aws.partition", u, d],
    [e, [i, "aws"]],
    [e, [i, "aws-cn"]],
    [e, [i, "aws-us-gov"]],
    [e, [i, "aws-iso"]],
    [f, [{ [v]: "UseFIPS" }, b]],
    [f, [{ [v]: "UseDualStack" }, b]],
    [e, [i, "aws-iso-b"]],
    [e, [i, "aws-iso-e"]],
    [e, [i, "aws-iso-f"]],
    [e, [i, "aws-eusc"]],
    [f, [{ fn: g, argv: [j, "supportsDualStack"] }, b]],
    [f, [{ fn: g, argv: [j, "supportsFIPS"] }, b]]
  ],
  results: [
    [a],
    [a, "Invalid Configuration: FIPS and custom endpoint are not supported"],
    [a, "Invalid Configuration: Dualstack and custom endpoint are not supported"],
    [h, {}],
    ["https://iam.amazonaws.com", k],
    ["https://iam-fips.amazonaws.com", k],
    ["https://iam.global.api.aws", k],
    ["https://iam-fips.global.api.aws", k],
    ["https://iam.global.api.amazonwebservices.com.cn", l],
    ["https://iam-fips.api.amazonwebservices.com.cn", l],
    ["https://iam.cn-north-1.amazonaws.com.cn", l],
    ["https://iam-fips.amazonaws.com.cn", l],
    ["https://iam.us-gov.api.aws", m],
    ["https://iam.us-gov.amazonaws.com", m],
    ["https://iam.us-iso-east-1.c2s.ic.gov", n],
    ["https://iam-fips.us-iso-east-1.c2s.ic.gov", n],
    ["https://iam.api.aws.ic.gov", n],
    ["https://iam-fips.api.aws.ic.gov", n],
    ["https://iam.us-isob-east-1.sc2s.sgov.gov", o],
    ["https://iam-fips.us-isob-east-1.sc2s.sgov.gov", o],
    ["https://iam.api.aws.scloud", o],
    ["https://iam-fips.api.aws.scloud", o],
    ["https://iam.eu-isoe-west-1.cloud.adc-e.uk", p],
    ["https://iam-fips.cloud.adc-e.uk", p],
    ["https://iam.api.cloud-aws.adc-e.uk", p],
    ["https://iam-fips.api.cloud-aws.adc-e.uk", p],
    ["https://iam.us-isof-south-1.csp.hci.ic.gov", q],
    ["https://iam-fips.csp.hci.ic.gov", q],
    ["https://iam.api.aws.hci.ic.gov", q],
    ["https://iam-fips.api.aws.hci.ic.gov", q],
    ["https://iam.eusc-de-east-1.amazonaws.eu", s],
    ["https://iam-fips.amazonaws.eu", s],
    ["https://iam.global.api.amazonwebservices.eu", s],
    ["https://iam-fips.api.amazonwebservices.eu", s],
    ["https://iam-fips.{PartitionResult#implicitGlobalRegion}.{PartitionResult#dualStackDnsSuffix}", t],
    [a, "FIPS and DualStack are enabled, but this partition does not support one or both"],
    ["https://iam-fips.{PartitionResult#implicitGlobalRegion}.{PartitionResult#dnsSuffix}", t],
    [a, "FIPS is enabled but this partition does not support FIPS"],
    ["https://iam.{PartitionResult#implicitGlobalRegion}.{PartitionResult#dualStackDnsSuffix}", t],
    [a, "DualStack is enabled but this partition does not support DualStack"],
    ["https://iam.{PartitionResult#implicitGlobalRegion}.{PartitionResult#dnsSuffix}", t],
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
  42,
  3,
  1,
  4,
  r + 41,
  2,
  5,
  r + 41,
  3,
  39,
  6,
  4,
  36,
  7,
  5,
  35,
  8,
  6,
  32,
  9,
  7,
  20,
  10,
  8,
  15,
  11,
  9,
  r + 18,
  12,
  10,
  r + 22,
  13,
  11,
  r + 26,
  14,
  12,
  r + 30,
  r + 40,
  9,
  r + 20,
  16,
  10,
  r + 24,
  17,
  11,
  r + 28,
  18,
  12,
  r + 32,
  19,
  13,
  r + 38,
  r + 39,
  8,
  26,
  21,
  9,
  r + 19,
  22,
  10,
  r + 23,
  23,
  11,
  r + 27,
  24,
  12,
  r + 31,
  25,
  14,
  r + 36,
  r + 37,
  9,
  r + 21,
  27,
  10,
  r + 25,
  28,
  11,
  r + 29,
  29,
  12,
  r + 33,
  30,
  13,
  31,
  r + 35,
  14,
  r + 34,
  r + 35,
  7,
  34,
  33,
  8,
  r + 16,
  r + 14,
  8,
  r + 17,
  r + 15,
  8,
  r + 12,
  r + 13,
  7,
  38,
  37,
  8,
  r + 8,
  r + 10,
  8,
  r + 9,
  r + 11,
  7,
  41,
  40,
  8,
  r + 6,
  r + 4,
  8,
  r + 7,
  r + 5,
  7,
  r + 1,
  43,
  8,
  r + 2,
  r + 3
]);
var bdd = BinaryDecisionDiagram.from(nodes, root, _data.conditions, _data.results);

// node_modules/@aws-sdk/client-iam/dist-es/endpoint/endpointResolver.js
var cache = new EndpointCache({
  size: 50,
  params: ["Endpoint", "Region", "UseDualStack", "UseFIPS"]
});
var defaultEndpointResolver = (endpointParams, context = {}) => {
  return cache.get(endpointParams, () => decideEndpoint(bdd, {
    endpointParams,
    logger: context.logger
  }));
};
customEndpointFunctions.aws = awsEndpointFunctions;

// node_modules/@aws-sdk/client-iam/dist-es/models/IAMServiceException.js
var IAMServiceException = class _IAMServiceException extends ServiceException {
  static shapeId = "smithy.ts.sdk.synthetic.com.amazonaws.iam#IAMServiceException";
  constructor(options) {
    super(options);
    Object.setPrototypeOf(this, _IAMServiceException.prototype);
  }
};

// node_modules/@aws-sdk/client-iam/dist-es/models/errors.js
var ConcurrentModificationException = class _ConcurrentModificationException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#ConcurrentModificationException";
  name = "ConcurrentModificationException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "ConcurrentModificationException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _ConcurrentModificationException.prototype);
  }
};
var NoSuchEntityException = class _NoSuchEntityException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#NoSuchEntityException";
  name = "NoSuchEntityException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "NoSuchEntityException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _NoSuchEntityException.prototype);
  }
};
var ServiceFailureException = class _ServiceFailureException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#ServiceFailureException";
  name = "ServiceFailureException";
  $fault = "server";
  constructor(opts) {
    super({
      name: "ServiceFailureException",
      $fault: "server",
      ...opts
    });
    Object.setPrototypeOf(this, _ServiceFailureException.prototype);
  }
};
var AccountNotManagementOrDelegatedAdministratorException = class _AccountNotManagementOrDelegatedAdministratorException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#AccountNotManagementOrDelegatedAdministratorException";
  name = "AccountNotManagementOrDelegatedAdministratorException";
  $fault = "client";
  Message;
  constructor(opts) {
    super({
      name: "AccountNotManagementOrDelegatedAdministratorException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _AccountNotManagementOrDelegatedAdministratorException.prototype);
    this.Message = opts.Message;
  }
};
var EntityAlreadyExistsException = class _EntityAlreadyExistsException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#EntityAlreadyExistsException";
  name = "EntityAlreadyExistsException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "EntityAlreadyExistsException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _EntityAlreadyExistsException.prototype);
  }
};
var InvalidInputException = class _InvalidInputException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#InvalidInputException";
  name = "InvalidInputException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "InvalidInputException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _InvalidInputException.prototype);
  }
};
var LimitExceededException = class _LimitExceededException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#LimitExceededException";
  name = "LimitExceededException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "LimitExceededException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _LimitExceededException.prototype);
  }
};
var MalformedPolicyDocumentException = class _MalformedPolicyDocumentException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#MalformedPolicyDocumentException";
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
var NameConflictException = class _NameConflictException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#NameConflictException";
  name = "NameConflictException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "NameConflictException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _NameConflictException.prototype);
  }
};
var RoleModifiedException = class _RoleModifiedException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#RoleModifiedException";
  name = "RoleModifiedException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "RoleModifiedException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _RoleModifiedException.prototype);
  }
};
var RoleTemplateDisabledException = class _RoleTemplateDisabledException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#RoleTemplateDisabledException";
  name = "RoleTemplateDisabledException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "RoleTemplateDisabledException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _RoleTemplateDisabledException.prototype);
  }
};
var UnmodifiableEntityException = class _UnmodifiableEntityException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#UnmodifiableEntityException";
  name = "UnmodifiableEntityException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "UnmodifiableEntityException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _UnmodifiableEntityException.prototype);
  }
};
var PolicyNotAttachableException = class _PolicyNotAttachableException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#PolicyNotAttachableException";
  name = "PolicyNotAttachableException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "PolicyNotAttachableException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _PolicyNotAttachableException.prototype);
  }
};
var EntityTemporarilyUnmodifiableException = class _EntityTemporarilyUnmodifiableException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#EntityTemporarilyUnmodifiableException";
  name = "EntityTemporarilyUnmodifiableException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "EntityTemporarilyUnmodifiableException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _EntityTemporarilyUnmodifiableException.prototype);
  }
};
var InvalidUserTypeException = class _InvalidUserTypeException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#InvalidUserTypeException";
  name = "InvalidUserTypeException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "InvalidUserTypeException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _InvalidUserTypeException.prototype);
  }
};
var PasswordPolicyViolationException = class _PasswordPolicyViolationException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#PasswordPolicyViolationException";
  name = "PasswordPolicyViolationException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "PasswordPolicyViolationException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _PasswordPolicyViolationException.prototype);
  }
};
var OpenIdIdpCommunicationErrorException = class _OpenIdIdpCommunicationErrorException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#OpenIdIdpCommunicationErrorException";
  name = "OpenIdIdpCommunicationErrorException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "OpenIdIdpCommunicationErrorException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _OpenIdIdpCommunicationErrorException.prototype);
  }
};
var ServiceNotSupportedException = class _ServiceNotSupportedException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#ServiceNotSupportedException";
  name = "ServiceNotSupportedException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "ServiceNotSupportedException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _ServiceNotSupportedException.prototype);
  }
};
var DeleteConflictException = class _DeleteConflictException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#DeleteConflictException";
  name = "DeleteConflictException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "DeleteConflictException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _DeleteConflictException.prototype);
  }
};
var OrganizationNotFoundException = class _OrganizationNotFoundException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#OrganizationNotFoundException";
  name = "OrganizationNotFoundException";
  $fault = "client";
  Message;
  constructor(opts) {
    super({
      name: "OrganizationNotFoundException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _OrganizationNotFoundException.prototype);
    this.Message = opts.Message;
  }
};
var OrganizationNotInAllFeaturesModeException = class _OrganizationNotInAllFeaturesModeException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#OrganizationNotInAllFeaturesModeException";
  name = "OrganizationNotInAllFeaturesModeException";
  $fault = "client";
  Message;
  constructor(opts) {
    super({
      name: "OrganizationNotInAllFeaturesModeException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _OrganizationNotInAllFeaturesModeException.prototype);
    this.Message = opts.Message;
  }
};
var ServiceAccessNotEnabledException = class _ServiceAccessNotEnabledException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#ServiceAccessNotEnabledException";
  name = "ServiceAccessNotEnabledException";
  $fault = "client";
  Message;
  constructor(opts) {
    super({
      name: "ServiceAccessNotEnabledException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _ServiceAccessNotEnabledException.prototype);
    this.Message = opts.Message;
  }
};
var FeatureDisabledException = class _FeatureDisabledException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#FeatureDisabledException";
  name = "FeatureDisabledException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "FeatureDisabledException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _FeatureDisabledException.prototype);
  }
};
var InvalidAuthenticationCodeException = class _InvalidAuthenticationCodeException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#InvalidAuthenticationCodeException";
  name = "InvalidAuthenticationCodeException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "InvalidAuthenticationCodeException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _InvalidAuthenticationCodeException.prototype);
  }
};
var CallerIsNotManagementAccountException = class _CallerIsNotManagementAccountException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#CallerIsNotManagementAccountException";
  name = "CallerIsNotManagementAccountException";
  $fault = "client";
  Message;
  constructor(opts) {
    super({
      name: "CallerIsNotManagementAccountException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _CallerIsNotManagementAccountException.prototype);
    this.Message = opts.Message;
  }
};
var FeatureEnabledException = class _FeatureEnabledException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#FeatureEnabledException";
  name = "FeatureEnabledException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "FeatureEnabledException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _FeatureEnabledException.prototype);
  }
};
var ReportGenerationLimitExceededException = class _ReportGenerationLimitExceededException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#ReportGenerationLimitExceededException";
  name = "ReportGenerationLimitExceededException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "ReportGenerationLimitExceededException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _ReportGenerationLimitExceededException.prototype);
  }
};
var CredentialReportExpiredException = class _CredentialReportExpiredException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#CredentialReportExpiredException";
  name = "CredentialReportExpiredException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "CredentialReportExpiredException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _CredentialReportExpiredException.prototype);
  }
};
var CredentialReportNotPresentException = class _CredentialReportNotPresentException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#CredentialReportNotPresentException";
  name = "CredentialReportNotPresentException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "CredentialReportNotPresentException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _CredentialReportNotPresentException.prototype);
  }
};
var CredentialReportNotReadyException = class _CredentialReportNotReadyException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#CredentialReportNotReadyException";
  name = "CredentialReportNotReadyException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "CredentialReportNotReadyException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _CredentialReportNotReadyException.prototype);
  }
};
var UnrecognizedPublicKeyEncodingException = class _UnrecognizedPublicKeyEncodingException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#UnrecognizedPublicKeyEncodingException";
  name = "UnrecognizedPublicKeyEncodingException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "UnrecognizedPublicKeyEncodingException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _UnrecognizedPublicKeyEncodingException.prototype);
  }
};
var PolicyEvaluationException = class _PolicyEvaluationException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#PolicyEvaluationException";
  name = "PolicyEvaluationException";
  $fault = "server";
  constructor(opts) {
    super({
      name: "PolicyEvaluationException",
      $fault: "server",
      ...opts
    });
    Object.setPrototypeOf(this, _PolicyEvaluationException.prototype);
  }
};
var KeyPairMismatchException = class _KeyPairMismatchException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#KeyPairMismatchException";
  name = "KeyPairMismatchException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "KeyPairMismatchException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _KeyPairMismatchException.prototype);
  }
};
var MalformedCertificateException = class _MalformedCertificateException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#MalformedCertificateException";
  name = "MalformedCertificateException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "MalformedCertificateException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _MalformedCertificateException.prototype);
  }
};
var DuplicateCertificateException = class _DuplicateCertificateException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#DuplicateCertificateException";
  name = "DuplicateCertificateException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "DuplicateCertificateException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _DuplicateCertificateException.prototype);
  }
};
var InvalidCertificateException = class _InvalidCertificateException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#InvalidCertificateException";
  name = "InvalidCertificateException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "InvalidCertificateException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _InvalidCertificateException.prototype);
  }
};
var DuplicateSSHPublicKeyException = class _DuplicateSSHPublicKeyException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#DuplicateSSHPublicKeyException";
  name = "DuplicateSSHPublicKeyException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "DuplicateSSHPublicKeyException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _DuplicateSSHPublicKeyException.prototype);
  }
};
var InvalidPublicKeyException = class _InvalidPublicKeyException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#InvalidPublicKeyException";
  name = "InvalidPublicKeyException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "InvalidPublicKeyException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _InvalidPublicKeyException.prototype);
  }
};

// node_modules/@aws-sdk/client-iam/dist-es/schemas/schemas_0.js
var _A = "Arn";
var _AA = "AccountAlias";
var _AAc = "AccountAliases";
var _ABO = "AllowedByOrganizations";
var _ABPB = "AllowedByPermissionsBoundary";
var _AC = "AuthenticationCode1";
var _ACIDTOIDCP = "AddClientIDToOpenIDConnectProvider";
var _ACIDTOIDCPR = "AddClientIDToOpenIDConnectProviderRequest";
var _ACt = "AttachmentCount";
var _ACu = "AuthenticationCode2";
var _AD = "AccessDetail";
var _ADR = "AcceptDelegationRequest";
var _ADRR = "AcceptDelegationRequestRequest";
var _ADRRs = "AssociateDelegationRequestRequest";
var _ADRs = "AssociateDelegationRequest";
var _ADc = "AccessDetails";
var _AEM = "AssertionEncryptionMode";
var _AGP = "AttachGroupPolicy";
var _AGPR = "AttachGroupPolicyRequest";
var _AI = "ApproverId";
var _AK = "AccessKey";
var _AKI = "AccessKeyId";
var _AKLU = "AccessKeyLastUsed";
var _AKM = "AccessKeyMetadata";
var _AMP = "AttachedManagedPolicies";
var _AN = "AttachmentName";
var _ANMODAE = "AccountNotManagementOrDelegatedAdministratorException";
var _ANc = "ActionNames";
var _ANct = "ActionName";
var _AP = "AttachedPolicy";
var _APB = "AttachedPermissionsBoundary";
var _APK = "AddPrivateKey";
var _APt = "AttachedPolicies";
var _AR = "AcquireRole";
var _ARP = "AttachRolePolicy";
var _ARPD = "AssumeRolePolicyDocument";
var _ARPDT = "AssumeRolePolicyDocumentTemplate";
var _ARPR = "AttachRolePolicyRequest";
var _ARR = "AcquireRoleRequest";
var _ARRc = "AcquireRoleResponse";
var _ARTIP = "AddRoleToInstanceProfile";
var _ARTIPR = "AddRoleToInstanceProfileRequest";
var _AS = "AssignmentStatus";
var _AT = "AttachmentType";
var _AU = "AllUsers";
var _AUP = "AttachUserPolicy";
var _AUPR = "AttachUserPolicyRequest";
var _AUTCP = "AllowUsersToChangePassword";
var _AUTG = "AddUserToGroup";
var _AUTGR = "AddUserToGroupRequest";
var _AWSSN = "AWSServiceName";
var _BD = "BootstrapDatum";
var _BSS = "Base32StringSeed";
var _C = "Code";
var _CA = "CallerArn";
var _CAA = "CreateAccountAlias";
var _CAAR = "CreateAccountAliasRequest";
var _CAD = "CredentialAgeDays";
var _CAK = "CreateAccessKey";
var _CAKR = "CreateAccessKeyRequest";
var _CAKRr = "CreateAccessKeyResponse";
var _CB = "CertificateBody";
var _CC = "CertificateChain";
var _CD = "CreateDate";
var _CDL = "ConsoleDeepLink";
var _CDR = "CreateDelegationRequest";
var _CDRR = "CreateDelegationRequestRequest";
var _CDRRr = "CreateDelegationRequestResponse";
var _CE = "ContextEntry";
var _CELT = "ContextEntryListType";
var _CEo = "ContextEntries";
var _CG = "CreateGroup";
var _CGR = "CreateGroupRequest";
var _CGRr = "CreateGroupResponse";
var _CI = "CertificateId";
var _CID = "ClientID";
var _CIDL = "ClientIDList";
var _CINMAE = "CallerIsNotManagementAccountException";
var _CIP = "CreateInstanceProfile";
var _CIPR = "CreateInstanceProfileRequest";
var _CIPRr = "CreateInstanceProfileResponse";
var _CKN = "ContextKeyName";
var _CKNo = "ContextKeyNames";
var _CKT = "ContextKeyType";
var _CKV = "ContextKeyValues";
var _CLP = "CreateLoginProfile";
var _CLPR = "CreateLoginProfileRequest";
var _CLPRr = "CreateLoginProfileResponse";
var _CME = "ConcurrentModificationException";
var _COIDCP = "CreateOpenIDConnectProvider";
var _COIDCPR = "CreateOpenIDConnectProviderRequest";
var _COIDCPRr = "CreateOpenIDConnectProviderResponse";
var _CP = "ContextProvider";
var _CPKD = "ContextProviderKeyDefinition";
var _CPR = "ChangePasswordRequest";
var _CPRr = "CreatePolicyRequest";
var _CPRre = "CreatePolicyResponse";
var _CPV = "CreatePolicyVersion";
var _CPVR = "CreatePolicyVersionRequest";
var _CPVRr = "CreatePolicyVersionResponse";
var _CPh = "ChangePassword";
var _CPr = "CreatePolicy";
var _CR = "CreateRole";
var _CREE = "CredentialReportExpiredException";
var _CRNPE = "CredentialReportNotPresentException";
var _CRNRE = "CredentialReportNotReadyException";
var _CRR = "CreateRoleRequest";
var _CRRr = "CreateRoleResponse";
var _CS = "CustomSuffix";
var _CSAMLP = "CreateSAMLProvider";
var _CSAMLPR = "CreateSAMLProviderRequest";
var _CSAMLPRr = "CreateSAMLProviderResponse";
var _CSLR = "CreateServiceLinkedRole";
var _CSLRR = "CreateServiceLinkedRoleRequest";
var _CSLRRr = "CreateServiceLinkedRoleResponse";
var _CSSC = "CreateServiceSpecificCredential";
var _CSSCR = "CreateServiceSpecificCredentialRequest";
var _CSSCRr = "CreateServiceSpecificCredentialResponse";
var _CT = "CreateTimestamp";
var _CU = "CreateUser";
var _CUR = "CreateUserRequest";
var _CURr = "CreateUserResponse";
var _CVMFAD = "CreateVirtualMFADevice";
var _CVMFADR = "CreateVirtualMFADeviceRequest";
var _CVMFADRr = "CreateVirtualMFADeviceResponse";
var _Ce = "Certifications";
var _Cer = "Certificates";
var _Cert = "Certificate";
var _Co = "Content";
var _Col = "Column";
var _D = "Description";
var _DAA = "DeleteAccountAlias";
var _DAAR = "DeleteAccountAliasRequest";
var _DAK = "DeleteAccessKey";
var _DAKR = "DeleteAccessKeyRequest";
var _DAPP = "DeleteAccountPasswordPolicy";
var _DCE = "DeleteConflictException";
var _DCEu = "DuplicateCertificateException";
var _DG = "DeleteGroup";
var _DGP = "DeleteGroupPolicy";
var _DGPR = "DeleteGroupPolicyRequest";
var _DGPRe = "DetachGroupPolicyRequest";
var _DGPe = "DetachGroupPolicy";
var _DGR = "DeleteGroupRequest";
var _DIP = "DeleteInstanceProfile";
var _DIPR = "DeleteInstanceProfileRequest";
var _DLP = "DeleteLoginProfile";
var _DLPR = "DeleteLoginProfileRequest";
var _DMFAD = "DeactivateMFADevice";
var _DMFADR = "DeactivateMFADeviceRequest";
var _DMV = "DefaultMinorVersion";
var _DOIDCP = "DeleteOpenIDConnectProvider";
var _DOIDCPR = "DeleteOpenIDConnectProviderRequest";
var _DORCM = "DisableOrganizationsRootCredentialsManagement";
var _DORCMR = "DisableOrganizationsRootCredentialsManagementRequest";
var _DORCMRi = "DisableOrganizationsRootCredentialsManagementResponse";
var _DORS = "DisableOrganizationsRootSessions";
var _DORSR = "DisableOrganizationsRootSessionsRequest";
var _DORSRi = "DisableOrganizationsRootSessionsResponse";
var _DOWIF = "DisableOutboundWebIdentityFederation";
var _DP = "DelegationPermission";
var _DPC = "DelegationPermissionCheck";
var _DPR = "DeletePolicyRequest";
var _DPV = "DeletePolicyVersion";
var _DPVR = "DeletePolicyVersionRequest";
var _DPe = "DeletePolicy";
var _DR = "DelegationRequest";
var _DRI = "DelegationRequestId";
var _DRP = "DeleteRolePolicy";
var _DRPB = "DeleteRolePermissionsBoundary";
var _DRPBR = "DeleteRolePermissionsBoundaryRequest";
var _DRPR = "DeleteRolePolicyRequest";
var _DRPRe = "DetachRolePolicyRequest";
var _DRPe = "DetachRolePolicy";
var _DRR = "DeleteRoleRequest";
var _DRe = "DelegationRequests";
var _DRel = "DeleteRole";
var _DSAMLP = "DeleteSAMLProvider";
var _DSAMLPR = "DeleteSAMLProviderRequest";
var _DSC = "DeleteServerCertificate";
var _DSCR = "DeleteServerCertificateRequest";
var _DSCRe = "DeleteSigningCertificateRequest";
var _DSCe = "DeleteSigningCertificate";
var _DSLR = "DeleteServiceLinkedRole";
var _DSLRR = "DeleteServiceLinkedRoleRequest";
var _DSLRRe = "DeleteServiceLinkedRoleResponse";
var _DSSC = "DeleteServiceSpecificCredential";
var _DSSCR = "DeleteServiceSpecificCredentialRequest";
var _DSSHPK = "DeleteSSHPublicKey";
var _DSSHPKE = "DuplicateSSHPublicKeyException";
var _DSSHPKR = "DeleteSSHPublicKeyRequest";
var _DTFRT = "DeletionTaskFailureReasonType";
var _DTI = "DeletionTaskId";
var _DU = "DeleteUser";
var _DUP = "DeleteUserPolicy";
var _DUPB = "DeleteUserPermissionsBoundary";
var _DUPBR = "DeleteUserPermissionsBoundaryRequest";
var _DUPR = "DeleteUserPolicyRequest";
var _DUPRe = "DetachUserPolicyRequest";
var _DUPe = "DetachUserPolicy";
var _DUR = "DeleteUserRequest";
var _DV = "DefaultValue";
var _DVI = "DefaultVersionId";
var _DVMFAD = "DeleteVirtualMFADevice";
var _DVMFADR = "DeleteVirtualMFADeviceRequest";
var _Do = "Document";
var _E = "Error";
var _EA = "EntityArn";
var _EAEE = "EntityAlreadyExistsException";
var _EAN = "EvalActionName";
var _ED = "EntityDetails";
var _EDD = "EvalDecisionDetails";
var _EDL = "EntityDetailsList";
var _EDn = "EnableDate";
var _EDr = "ErrorDetails";
var _EDv = "EvalDecision";
var _EDx = "ExpirationDate";
var _EF = "EnabledFeatures";
var _EFn = "EntityFilter";
var _EI = "EntityInfo";
var _EMFAD = "EnableMFADevice";
var _EMFADR = "EnableMFADeviceRequest";
var _EN = "EntityName";
var _EORCM = "EnableOrganizationsRootCredentialsManagement";
var _EORCMR = "EnableOrganizationsRootCredentialsManagementRequest";
var _EORCMRn = "EnableOrganizationsRootCredentialsManagementResponse";
var _EORS = "EnableOrganizationsRootSessions";
var _EORSR = "EnableOrganizationsRootSessionsRequest";
var _EORSRn = "EnableOrganizationsRootSessionsResponse";
var _EOWIF = "EnableOutboundWebIdentityFederation";
var _EOWIFR = "EnableOutboundWebIdentityFederationResponse";
var _EP = "EntityPath";
var _EPn = "EndPosition";
var _EPx = "ExpirePasswords";
var _ER = "EvaluationResult";
var _ERD = "EvalResourceDecision";
var _ERLT = "EvaluationResultsListType";
var _ERN = "EvalResourceName";
var _ERv = "EvaluationResults";
var _ET = "ExpirationTime";
var _ETUE = "EntityTemporarilyUnmodifiableException";
var _ETn = "EntityType";
var _En = "Encoding";
var _Ena = "Enabled";
var _Ex = "Expiration";
var _F = "Filter";
var _FDE = "FeatureDisabledException";
var _FEE = "FeatureEnabledException";
var _Fi = "Fingerprint";
var _G = "Group";
var _GAAD = "GetAccountAuthorizationDetails";
var _GAADR = "GetAccountAuthorizationDetailsRequest";
var _GAADRe = "GetAccountAuthorizationDetailsResponse";
var _GAKLU = "GetAccessKeyLastUsed";
var _GAKLUR = "GetAccessKeyLastUsedRequest";
var _GAKLURe = "GetAccessKeyLastUsedResponse";
var _GAP = "GetAccountProperties";
var _GAPP = "GetAccountPasswordPolicy";
var _GAPPR = "GetAccountPasswordPolicyResponse";
var _GAPR = "GetAccountPropertiesRequest";
var _GAPRe = "GetAccountPropertiesResponse";
var _GAS = "GetAccountSummary";
var _GASR = "GetAccountSummaryResponse";
var _GCKFCP = "GetContextKeysForCustomPolicy";
var _GCKFCPR = "GetContextKeysForCustomPolicyRequest";
var _GCKFPP = "GetContextKeysForPrincipalPolicy";
var _GCKFPPR = "GetContextKeysForPrincipalPolicyRequest";
var _GCKFPR = "GetContextKeysForPolicyResponse";
var _GCR = "GenerateCredentialReport";
var _GCRR = "GenerateCredentialReportResponse";
var _GCRRe = "GetCredentialReportResponse";
var _GCRe = "GetCredentialReport";
var _GD = "GroupDetail";
var _GDL = "GroupDetailList";
var _GDR = "GetDelegationRequest";
var _GDRR = "GetDelegationRequestRequest";
var _GDRRe = "GetDelegationRequestResponse";
var _GETV = "GlobalEndpointTokenVersion";
var _GG = "GetGroup";
var _GGP = "GetGroupPolicy";
var _GGPR = "GetGroupPolicyRequest";
var _GGPRe = "GetGroupPolicyResponse";
var _GGR = "GetGroupRequest";
var _GGRe = "GetGroupResponse";
var _GHRS = "GetHumanReadableSummary";
var _GHRSR = "GetHumanReadableSummaryRequest";
var _GHRSRe = "GetHumanReadableSummaryResponse";
var _GI = "GroupId";
var _GIP = "GetInstanceProfile";
var _GIPR = "GetInstanceProfileRequest";
var _GIPRe = "GetInstanceProfileResponse";
var _GL = "GroupList";
var _GLP = "GetLoginProfile";
var _GLPR = "GetLoginProfileRequest";
var _GLPRe = "GetLoginProfileResponse";
var _GMFAD = "GetMFADevice";
var _GMFADR = "GetMFADeviceRequest";
var _GMFADRe = "GetMFADeviceResponse";
var _GN = "GroupName";
var _GOAR = "GenerateOrganizationsAccessReport";
var _GOARR = "GenerateOrganizationsAccessReportRequest";
var _GOARRe = "GenerateOrganizationsAccessReportResponse";
var _GOARRet = "GetOrganizationsAccessReportRequest";
var _GOARRetr = "GetOrganizationsAccessReportResponse";
var _GOARe = "GetOrganizationsAccessReport";
var _GOIDCP = "GetOpenIDConnectProvider";
var _GOIDCPR = "GetOpenIDConnectProviderRequest";
var _GOIDCPRe = "GetOpenIDConnectProviderResponse";
var _GOWIFI = "GetOutboundWebIdentityFederationInfo";
var _GOWIFIR = "GetOutboundWebIdentityFederationInfoResponse";
var _GP = "GetPolicy";
var _GPL = "GroupPolicyList";
var _GPR = "GetPolicyRequest";
var _GPRe = "GetPolicyResponse";
var _GPV = "GetPolicyVersion";
var _GPVR = "GetPolicyVersionRequest";
var _GPVRe = "GetPolicyVersionResponse";
var _GR = "GetRole";
var _GRP = "GetRolePolicy";
var _GRPR = "GetRolePolicyRequest";
var _GRPRe = "GetRolePolicyResponse";
var _GRR = "GetRoleRequest";
var _GRRe = "GetRoleResponse";
var _GRTV = "GetRoleTemplateVersion";
var _GRTVR = "GetRoleTemplateVersionRequest";
var _GRTVRe = "GetRoleTemplateVersionResponse";
var _GSAMLP = "GetSAMLProvider";
var _GSAMLPR = "GetSAMLProviderRequest";
var _GSAMLPRe = "GetSAMLProviderResponse";
var _GSC = "GetServerCertificate";
var _GSCR = "GetServerCertificateRequest";
var _GSCRe = "GetServerCertificateResponse";
var _GSLAD = "GenerateServiceLastAccessedDetails";
var _GSLADR = "GenerateServiceLastAccessedDetailsRequest";
var _GSLADRe = "GenerateServiceLastAccessedDetailsResponse";
var _GSLADRet = "GetServiceLastAccessedDetailsRequest";
var _GSLADRete = "GetServiceLastAccessedDetailsResponse";
var _GSLADWE = "GetServiceLastAccessedDetailsWithEntities";
var _GSLADWER = "GetServiceLastAccessedDetailsWithEntitiesRequest";
var _GSLADWERe = "GetServiceLastAccessedDetailsWithEntitiesResponse";
var _GSLADe = "GetServiceLastAccessedDetails";
var _GSLRDS = "GetServiceLinkedRoleDeletionStatus";
var _GSLRDSR = "GetServiceLinkedRoleDeletionStatusRequest";
var _GSLRDSRe = "GetServiceLinkedRoleDeletionStatusResponse";
var _GSSHPK = "GetSSHPublicKey";
var _GSSHPKR = "GetSSHPublicKeyRequest";
var _GSSHPKRe = "GetSSHPublicKeyResponse";
var _GT = "GeneratedTime";
var _GU = "GetUser";
var _GUP = "GetUserPolicy";
var _GUPR = "GetUserPolicyRequest";
var _GUPRe = "GetUserPolicyResponse";
var _GUR = "GetUserRequest";
var _GURe = "GetUserResponse";
var _Gr = "Granularity";
var _Gro = "Groups";
var _HE = "HardExpiry";
var _I = "Id";
var _IA = "IsAttachable";
var _IACE = "InvalidAuthenticationCodeException";
var _ICE = "InvalidCertificateException";
var _ICIA = "IdentityCenterInstanceArn";
var _IDV = "IsDefaultVersion";
var _II = "IssuerIdentifier";
var _IIE = "InvalidInputException";
var _IP = "InstanceProfile";
var _IPI = "InstanceProfileId";
var _IPIT = "InlinePolicyIdentifierType";
var _IPIn = "InlinePolicyIdentifier";
var _IPKE = "InvalidPublicKeyException";
var _IPL = "InstanceProfileList";
var _IPN = "InstanceProfileName";
var _IPT = "InlinePolicyTemplates";
var _IPn = "InlinePolicy";
var _IPns = "InstanceProfiles";
var _IR = "IsRequired";
var _ISA = "IdentityStoreArn";
var _IT = "IsTruncated";
var _ITIPE = "IsTrustedIdentityPropagationEnabled";
var _IURL = "IssuerURL";
var _IUTE = "InvalidUserTypeException";
var _Im = "Immutable";
var _JCD = "JobCreationDate";
var _JCDo = "JobCompletionDate";
var _JI = "JobId";
var _JS = "JobStatus";
var _JT = "JobType";
var _JVE = "JwtVendingEnabled";
var _K = "Key";
var _KDL = "KeyDefinitionList";
var _KH = "KeyHashes";
var _KI = "KeyId";
var _KPME = "KeyPairMismatchException";
var _L = "Locale";
var _LA = "LastAuthenticated";
var _LAA = "ListAccountAliases";
var _LAAR = "ListAccountAliasesRequest";
var _LAARi = "ListAccountAliasesResponse";
var _LAE = "LastAuthenticatedEntity";
var _LAEa = "LastAccessedEntity";
var _LAGP = "ListAttachedGroupPolicies";
var _LAGPR = "ListAttachedGroupPoliciesRequest";
var _LAGPRi = "ListAttachedGroupPoliciesResponse";
var _LAK = "ListAccessKeys";
var _LAKR = "ListAccessKeysRequest";
var _LAKRi = "ListAccessKeysResponse";
var _LAR = "LastAuthenticatedRegion";
var _LARP = "ListAttachedRolePolicies";
var _LARPR = "ListAttachedRolePoliciesRequest";
var _LARPRi = "ListAttachedRolePoliciesResponse";
var _LARa = "LastAccessedRegion";
var _LAT = "LastAuthenticatedTime";
var _LATa = "LastAccessedTime";
var _LAUP = "ListAttachedUserPolicies";
var _LAUPR = "ListAttachedUserPoliciesRequest";
var _LAUPRi = "ListAttachedUserPoliciesResponse";
var _LDR = "ListDelegationRequests";
var _LDRR = "ListDelegationRequestsRequest";
var _LDRRi = "ListDelegationRequestsResponse";
var _LEE = "LimitExceededException";
var _LEFP = "ListEntitiesForPolicy";
var _LEFPR = "ListEntitiesForPolicyRequest";
var _LEFPRi = "ListEntitiesForPolicyResponse";
var _LG = "ListGroups";
var _LGFU = "ListGroupsForUser";
var _LGFUR = "ListGroupsForUserRequest";
var _LGFURi = "ListGroupsForUserResponse";
var _LGP = "ListGroupPolicies";
var _LGPR = "ListGroupPoliciesRequest";
var _LGPRi = "ListGroupPoliciesResponse";
var _LGR = "ListGroupsRequest";
var _LGRi = "ListGroupsResponse";
var _LIP = "ListInstanceProfiles";
var _LIPFR = "ListInstanceProfilesForRole";
var _LIPFRR = "ListInstanceProfilesForRoleRequest";
var _LIPFRRi = "ListInstanceProfilesForRoleResponse";
var _LIPR = "ListInstanceProfilesRequest";
var _LIPRi = "ListInstanceProfilesResponse";
var _LIPT = "ListInstanceProfileTags";
var _LIPTR = "ListInstanceProfileTagsRequest";
var _LIPTRi = "ListInstanceProfileTagsResponse";
var _LMFAD = "ListMFADevices";
var _LMFADR = "ListMFADevicesRequest";
var _LMFADRi = "ListMFADevicesResponse";
var _LMFADT = "ListMFADeviceTags";
var _LMFADTR = "ListMFADeviceTagsRequest";
var _LMFADTRi = "ListMFADeviceTagsResponse";
var _LOF = "ListOrganizationsFeatures";
var _LOFR = "ListOrganizationsFeaturesRequest";
var _LOFRi = "ListOrganizationsFeaturesResponse";
var _LOIDCP = "ListOpenIDConnectProviders";
var _LOIDCPR = "ListOpenIDConnectProvidersRequest";
var _LOIDCPRi = "ListOpenIDConnectProvidersResponse";
var _LOIDCPT = "ListOpenIDConnectProviderTags";
var _LOIDCPTR = "ListOpenIDConnectProviderTagsRequest";
var _LOIDCPTRi = "ListOpenIDConnectProviderTagsResponse";
var _LP = "LoginProfile";
var _LPGSA = "ListPoliciesGrantingServiceAccess";
var _LPGSAE = "ListPoliciesGrantingServiceAccessEntry";
var _LPGSAR = "ListPoliciesGrantingServiceAccessRequest";
var _LPGSARi = "ListPoliciesGrantingServiceAccessResponse";
var _LPR = "ListPoliciesRequest";
var _LPRi = "ListPoliciesResponse";
var _LPT = "ListPolicyTags";
var _LPTR = "ListPolicyTagsRequest";
var _LPTRi = "ListPolicyTagsResponse";
var _LPV = "ListPolicyVersions";
var _LPVR = "ListPolicyVersionsRequest";
var _LPVRi = "ListPolicyVersionsResponse";
var _LPi = "ListPolicies";
var _LR = "ListRoles";
var _LRP = "ListRolePolicies";
var _LRPR = "ListRolePoliciesRequest";
var _LRPRi = "ListRolePoliciesResponse";
var _LRR = "ListRolesRequest";
var _LRRi = "ListRolesResponse";
var _LRT = "ListRoleTags";
var _LRTR = "ListRoleTagsRequest";
var _LRTRi = "ListRoleTagsResponse";
var _LSAMLP = "ListSAMLProviders";
var _LSAMLPR = "ListSAMLProvidersRequest";
var _LSAMLPRi = "ListSAMLProvidersResponse";
var _LSAMLPT = "ListSAMLProviderTags";
var _LSAMLPTR = "ListSAMLProviderTagsRequest";
var _LSAMLPTRi = "ListSAMLProviderTagsResponse";
var _LSC = "ListServerCertificates";
var _LSCR = "ListServerCertificatesRequest";
var _LSCRi = "ListServerCertificatesResponse";
var _LSCRis = "ListSigningCertificatesRequest";
var _LSCRist = "ListSigningCertificatesResponse";
var _LSCT = "ListServerCertificateTags";
var _LSCTR = "ListServerCertificateTagsRequest";
var _LSCTRi = "ListServerCertificateTagsResponse";
var _LSCi = "ListSigningCertificates";
var _LSSC = "ListServiceSpecificCredentials";
var _LSSCR = "ListServiceSpecificCredentialsRequest";
var _LSSCRi = "ListServiceSpecificCredentialsResponse";
var _LSSHPK = "ListSSHPublicKeys";
var _LSSHPKR = "ListSSHPublicKeysRequest";
var _LSSHPKRi = "ListSSHPublicKeysResponse";
var _LU = "ListUsers";
var _LUD = "LastUsedDate";
var _LUP = "ListUserPolicies";
var _LUPR = "ListUserPoliciesRequest";
var _LUPRi = "ListUserPoliciesResponse";
var _LUR = "ListUsersRequest";
var _LURi = "ListUsersResponse";
var _LUT = "ListUserTags";
var _LUTR = "ListUserTagsRequest";
var _LUTRi = "ListUserTagsResponse";
var _LVMFAD = "ListVirtualMFADevices";
var _LVMFADR = "ListVirtualMFADevicesRequest";
var _LVMFADRi = "ListVirtualMFADevicesResponse";
var _Li = "Line";
var _M = "Message";
var _MBT = "ManagedByType";
var _MBV = "ManagedByValue";
var _MCE = "MalformedCertificateException";
var _MCV = "MissingContextValues";
var _MFAD = "MFADevices";
var _MFADe = "MFADevice";
var _MI = "MaxItems";
var _MPA = "MaxPasswordAge";
var _MPAa = "ManagedPolicyArns";
var _MPD = "ManagedPolicyDetail";
var _MPDE = "MalformedPolicyDocumentException";
var _MPDLT = "ManagedPolicyDetailListType";
var _MPL = "MinimumPasswordLength";
var _MS = "MatchedStatements";
var _MSD = "MaxSessionDuration";
var _MSSD = "MaxSigninSessionDuration";
var _MV = "MinorVersion";
var _MVa = "MajorVersion";
var _Ma = "Marker";
var _N = "Name";
var _NC = "NotificationChannel";
var _NCE = "NameConflictException";
var _NGN = "NewGroupName";
var _NOSA = "NumberOfServicesAccessible";
var _NOSNA = "NumberOfServicesNotAccessed";
var _NP = "NewPassword";
var _NPe = "NewPath";
var _NSCN = "NewServerCertificateName";
var _NSEE = "NoSuchEntityException";
var _NUN = "NewUserName";
var _No = "Notes";
var _OA = "OnlyAttached";
var _OAI = "OwnerAccountId";
var _ODD = "OrganizationsDecisionDetail";
var _OI = "OwnerId";
var _OIDCPA = "OpenIDConnectProviderArn";
var _OIDCPL = "OpenIDConnectProviderList";
var _OIDCPLE = "OpenIDConnectProviderListEntry";
var _OIDCPLT = "OpenIDConnectProviderListType";
var _OIICEE = "OpenIdIdpCommunicationErrorException";
var _OIr = "OrganizationId";
var _ONFE = "OrganizationNotFoundException";
var _ONIAFME = "OrganizationNotInAllFeaturesModeException";
var _OOPIL = "OrderedOrganizationPolicyInputList";
var _OOPT = "OrderedOrganizationPolicyType";
var _OP = "OldPassword";
var _OPI = "OrganizationsPolicyId";
var _OPLT = "OrganizationPolicyListType";
var _OSBO = "OnlySendByOwner";
var _P = "Permissions";
var _PA = "PolicyArn";
var _PAP = "PutAccountProperties";
var _PAPR = "PutAccountPropertiesRequest";
var _PAPRu = "PutAccountPropertiesResponse";
var _PB = "PermissionsBoundary";
var _PBA = "PermissionsBoundaryArn";
var _PBAe = "PermissionBoundaryArn";
var _PBDD = "PermissionsBoundaryDecisionDetail";
var _PBPIL = "PermissionsBoundaryPolicyInputList";
var _PBT = "PermissionsBoundaryType";
var _PBUC = "PermissionsBoundaryUsageCount";
var _PCR = "PermissionCheckResult";
var _PCS = "PermissionCheckStatus";
var _PD = "PolicyDocument";
var _PDa = "ParameterDefinition";
var _PDar = "ParametersDefinition";
var _PDo = "PolicyDetail";
var _PEE = "PolicyEvaluationException";
var _PEL = "PolicyExclusionList";
var _PELT = "PolicyExclusionsListType";
var _PG = "PolicyGroups";
var _PGLT = "PolicyGroupListType";
var _PGP = "PutGroupPolicy";
var _PGPR = "PutGroupPolicyRequest";
var _PGSA = "PoliciesGrantingServiceAccess";
var _PGSAo = "PolicyGrantingServiceAccess";
var _PGo = "PolicyGroup";
var _PI = "PolicyId";
var _PIL = "PolicyInputList";
var _PIo = "PolicyIdentifier";
var _PK = "PrivateKey";
var _PKL = "PrivateKeyList";
var _PLU = "PasswordLastUsed";
var _PN = "PolicyName";
var _PNAE = "PolicyNotAttachableException";
var _PNo = "PolicyNames";
var _PP = "PermissionPolicy";
var _PPVE = "PasswordPolicyViolationException";
var _PPa = "PasswordPolicy";
var _PPat = "PathPrefix";
var _PPo = "PolicyParameter";
var _PR = "PolicyRoles";
var _PRLT = "PolicyRoleListType";
var _PRP = "PasswordReusePrevention";
var _PRPB = "PutRolePermissionsBoundary";
var _PRPBR = "PutRolePermissionsBoundaryRequest";
var _PRPR = "PutRolePolicyRequest";
var _PRPu = "PutRolePolicy";
var _PRR = "PasswordResetRequired";
var _PRo = "PolicyRole";
var _PSA = "PolicySourceArn";
var _PT = "PolicyType";
var _PTA = "PolicyTemplateArn";
var _PU = "PolicyUsers";
var _PUF = "PolicyUsageFilter";
var _PULT = "PolicyUserListType";
var _PUP = "PutUserPolicy";
var _PUPB = "PutUserPermissionsBoundary";
var _PUPBR = "PutUserPermissionsBoundaryRequest";
var _PUPR = "PutUserPolicyRequest";
var _PUo = "PolicyUser";
var _PV = "PolicyVersion";
var _PVL = "PolicyVersionList";
var _Pa = "Path";
var _Par = "Parameters";
var _Pas = "Password";
var _Po = "Policy";
var _Pol = "Policies";
var _Pos = "Position";
var _Pr = "Properties";
var _QRCPNG = "QRCodePNG";
var _R = "Region";
var _RA = "ResourceArns";
var _RCIDFOIDCP = "RemoveClientIDFromOpenIDConnectProvider";
var _RCIDFOIDCPR = "RemoveClientIDFromOpenIDConnectProviderRequest";
var _RCP = "RemoveContextProvider";
var _RD = "RoleDetail";
var _RDL = "RoleDetailList";
var _RDP = "RoleDescriptionPattern";
var _RDR = "RejectDelegationRequest";
var _RDRR = "RejectDelegationRequestRequest";
var _RF = "ReportFormat";
var _RGLEE = "ReportGenerationLimitExceededException";
var _RHO = "ResourceHandlingOption";
var _RI = "RequestorId";
var _RICI = "RemoveIdentityCenterInstance";
var _RIo = "RoleId";
var _RLC = "RequireLowercaseCharacters";
var _RLU = "RoleLastUsed";
var _RM = "RequestMessage";
var _RME = "RoleModifiedException";
var _RMFAD = "ResyncMFADevice";
var _RMFADR = "ResyncMFADeviceRequest";
var _RMSSD = "ResetMaxSigninSessionDuration";
var _RN = "RoleName";
var _RNP = "RoleNamePattern";
var _RNe = "RequestorName";
var _RNeq = "RequireNumbers";
var _RO = "ResourceOwner";
var _RP = "ResourcePolicy";
var _RPK = "RemovePrivateKey";
var _RPL = "RolePolicyList";
var _RPP = "RolePathPattern";
var _RPRA = "RolePermissionRestrictionArns";
var _RR = "RejectionReason";
var _RRFIP = "RemoveRoleFromInstanceProfile";
var _RRFIPR = "RemoveRoleFromInstanceProfileRequest";
var _RS = "RequireSymbols";
var _RSR = "ResourceSpecificResults";
var _RSRLT = "ResourceSpecificResultListType";
var _RSRe = "ResourceSpecificResult";
var _RSSC = "ResetServiceSpecificCredential";
var _RSSCR = "ResetServiceSpecificCredentialRequest";
var _RSSCRe = "ResetServiceSpecificCredentialResponse";
var _RTDE = "RoleTemplateDisabledException";
var _RTT = "RoleTagsTemplate";
var _RTV = "RoleTemplateVersion";
var _RU = "RedirectUrl";
var _RUC = "RequireUppercaseCharacters";
var _RUFG = "RemoveUserFromGroup";
var _RUFGR = "RemoveUserFromGroupRequest";
var _RUL = "RoleUsageList";
var _RULT = "RoleUsageListType";
var _RUT = "RoleUsageType";
var _RV = "ReplacementValues";
var _RVE = "ReplacementValueEntry";
var _RWI = "RequestorWorkflowId";
var _Re = "Reason";
var _Res = "Resources";
var _Ro = "Role";
var _Rol = "Roles";
var _S = "Status";
var _SAD = "SetAsDefault";
var _SAK = "SecretAccessKey";
var _SAMLKH = "SAMLKeyHashes";
var _SAMLKHE = "SAMLKeyHashEntry";
var _SAMLKHLT = "SAMLKeyHashListType";
var _SAMLMD = "SAMLMetadataDocument";
var _SAMLPA = "SAMLProviderArn";
var _SAMLPK = "SAMLPrivateKey";
var _SAMLPL = "SAMLProviderList";
var _SAMLPLE = "SAMLProviderListEntry";
var _SAMLPLT = "SAMLProviderListType";
var _SAMLPUUID = "SAMLProviderUUID";
var _SANEE = "ServiceAccessNotEnabledException";
var _SC = "SummaryContent";
var _SCA = "ServiceCredentialAlias";
var _SCI = "ServerCertificateId";
var _SCM = "ServerCertificateMetadata";
var _SCML = "ServerCertificateMetadataList";
var _SCN = "ServerCertificateName";
var _SCP = "SimulateCustomPolicy";
var _SCPIL = "ServiceControlPolicyInputList";
var _SCPR = "SimulateCustomPolicyRequest";
var _SCS = "ServiceCredentialSecret";
var _SCe = "ServerCertificate";
var _SCi = "SigningCertificate";
var _SD = "SessionDuration";
var _SDPV = "SetDefaultPolicyVersion";
var _SDPVR = "SetDefaultPolicyVersionRequest";
var _SDT = "SendDelegationToken";
var _SDTR = "SendDelegationTokenRequest";
var _SFE = "ServiceFailureException";
var _SK = "SourceKey";
var _SKo = "SortKey";
var _SLA = "ServicesLastAccessed";
var _SLAe = "ServiceLastAccessed";
var _SLT = "StatementListType";
var _SM = "SummaryMap";
var _SN = "ServiceName";
var _SNSE = "ServiceNotSupportedException";
var _SNe = "ServiceNamespace";
var _SNer = "SerialNumber";
var _SNerv = "ServiceNamespaces";
var _SP = "ServicePassword";
var _SPI = "SourcePolicyId";
var _SPP = "SimulatePrincipalPolicy";
var _SPPR = "SimulatePrincipalPolicyRequest";
var _SPR = "SimulatePolicyResponse";
var _SPT = "SourcePolicyType";
var _SPt = "StartPosition";
var _SRT = "SourceRoleTemplate";
var _SS = "SummaryState";
var _SSC = "ServiceSpecificCredential";
var _SSCI = "ServiceSpecificCredentialId";
var _SSCLT = "ServiceSpecificCredentialsListType";
var _SSCM = "ServiceSpecificCredentialMetadata";
var _SSCe = "ServiceSpecificCredentials";
var _SSHPK = "SSHPublicKey";
var _SSHPKB = "SSHPublicKeyBody";
var _SSHPKI = "SSHPublicKeyId";
var _SSHPKLT = "SSHPublicKeyListType";
var _SSHPKM = "SSHPublicKeyMetadata";
var _SSHPKu = "SSHPublicKeys";
var _SSK = "SubjectSourceKey";
var _SSTSP = "SetSecurityTokenServicePreferences";
var _SSTSPR = "SetSecurityTokenServicePreferencesRequest";
var _ST = "SubType";
var _STSK = "SubjectTypeSourceKey";
var _STV = "SubjectTypeValue";
var _SUN = "ServiceUserName";
var _Sc = "Scope";
var _St = "State";
var _Sta = "Statement";
var _T = "Tags";
var _TA = "TemplateArn";
var _TAE = "TotalAuthenticatedEntities";
var _TALA = "TrackedActionsLastAccessed";
var _TALAr = "TrackedActionLastAccessed";
var _TIP = "TagInstanceProfile";
var _TIPR = "TagInstanceProfileRequest";
var _TK = "TargetKey";
var _TKa = "TagKeys";
var _TL = "ThumbprintList";
var _TMFAD = "TagMFADevice";
var _TMFADR = "TagMFADeviceRequest";
var _TMV = "TemplateMinorVersion";
var _TN = "TemplateName";
var _TOIDCP = "TagOpenIDConnectProvider";
var _TOIDCPR = "TagOpenIDConnectProviderRequest";
var _TP = "TagPolicy";
var _TPR = "TagPolicyRequest";
var _TR = "TagRole";
var _TRR = "TagRoleRequest";
var _TSAMLP = "TagSAMLProvider";
var _TSAMLPR = "TagSAMLProviderRequest";
var _TSC = "TagServerCertificate";
var _TSCR = "TagServerCertificateRequest";
var _TT = "TagTemplate";
var _TU = "TagUser";
var _TUR = "TagUserRequest";
var _TVI = "TemplateVersionId";
var _Ta = "Tag";
var _Ti = "Timestamp";
var _Ty = "Type";
var _U = "Url";
var _UAK = "UpdateAccessKey";
var _UAKR = "UpdateAccessKeyRequest";
var _UAPP = "UpdateAccountPasswordPolicy";
var _UAPPR = "UpdateAccountPasswordPolicyRequest";
var _UARP = "UpdateAssumeRolePolicy";
var _UARPR = "UpdateAssumeRolePolicyRequest";
var _UD = "UpdateDate";
var _UDL = "UserDetailList";
var _UDR = "UpdateDelegationRequest";
var _UDRR = "UpdateDelegationRequestRequest";
var _UDp = "UploadDate";
var _UDs = "UserDetail";
var _UEE = "UnmodifiableEntityException";
var _UG = "UpdateGroup";
var _UGR = "UpdateGroupRequest";
var _UI = "UserId";
var _UIP = "UntagInstanceProfile";
var _UIPR = "UntagInstanceProfileRequest";
var _ULP = "UpdateLoginProfile";
var _ULPR = "UpdateLoginProfileRequest";
var _UMFAD = "UntagMFADevice";
var _UMFADR = "UntagMFADeviceRequest";
var _UN = "UserName";
var _UOIDCP = "UntagOpenIDConnectProvider";
var _UOIDCPR = "UntagOpenIDConnectProviderRequest";
var _UOIDCPRp = "UpdateOpenIDConnectProviderRequest";
var _UOIDCPT = "UpdateOpenIDConnectProviderThumbprint";
var _UOIDCPTR = "UpdateOpenIDConnectProviderThumbprintRequest";
var _UOIDCPp = "UpdateOpenIDConnectProvider";
var _UP = "UntagPolicy";
var _UPKEE = "UnrecognizedPublicKeyEncodingException";
var _UPL = "UserPolicyList";
var _UPR = "UntagPolicyRequest";
var _UR = "UntagRole";
var _URD = "UpdateRoleDescription";
var _URDR = "UpdateRoleDescriptionRequest";
var _URDRp = "UpdateRoleDescriptionResponse";
var _URR = "UntagRoleRequest";
var _URRp = "UpdateRoleRequest";
var _URRpd = "UpdateRoleResponse";
var _URp = "UpdateRole";
var _USAMLP = "UntagSAMLProvider";
var _USAMLPR = "UntagSAMLProviderRequest";
var _USAMLPRp = "UpdateSAMLProviderRequest";
var _USAMLPRpd = "UpdateSAMLProviderResponse";
var _USAMLPp = "UpdateSAMLProvider";
var _USC = "UntagServerCertificate";
var _USCR = "UntagServerCertificateRequest";
var _USCRp = "UpdateServerCertificateRequest";
var _USCRpd = "UpdateSigningCertificateRequest";
var _USCRpl = "UploadServerCertificateRequest";
var _USCRplo = "UploadServerCertificateResponse";
var _USCRploa = "UploadSigningCertificateRequest";
var _USCRpload = "UploadSigningCertificateResponse";
var _USCp = "UpdateServerCertificate";
var _USCpd = "UpdateSigningCertificate";
var _USCpl = "UploadServerCertificate";
var _USCplo = "UploadSigningCertificate";
var _USSC = "UpdateServiceSpecificCredential";
var _USSCR = "UpdateServiceSpecificCredentialRequest";
var _USSHPK = "UpdateSSHPublicKey";
var _USSHPKR = "UpdateSSHPublicKeyRequest";
var _USSHPKRp = "UploadSSHPublicKeyRequest";
var _USSHPKRpl = "UploadSSHPublicKeyResponse";
var _USSHPKp = "UploadSSHPublicKey";
var _UT = "UpdatedTime";
var _UTp = "UpdateTimestamp";
var _UU = "UntagUser";
var _UUR = "UntagUserRequest";
var _UURp = "UpdateUserRequest";
var _UUp = "UpdateUser";
var _Us = "User";
var _Use = "Users";
var _V = "Versions";
var _VE = "VersionEnabled";
var _VI = "VersionId";
var _VMFAD = "VirtualMFADevice";
var _VMFADN = "VirtualMFADeviceName";
var _VMFADi = "VirtualMFADevices";
var _VU = "ValidUntil";
var _Va = "Values";
var _Val = "Value";
var _aKMLT = "accessKeyMetadataListType";
var _aKST = "accessKeySecretType";
var _aPLT = "attachedPoliciesListType";
var _aQE = "awsQueryError";
var _c = "client";
var _cLT = "certificateListType";
var _dRLT = "delegationRequestsListType";
var _e = "error";
var _eDLT = "entityDetailsListType";
var _gDLT = "groupDetailListType";
var _gLT = "groupListType";
var _hE = "httpError";
var _iPLT = "instanceProfileListType";
var _iPTLT = "inlinePolicyTemplateListType";
var _iT = "isTruncated";
var _kDLT = "keyDefinitionListType";
var _lPGSARLT = "listPolicyGrantingServiceAccessResponseListType";
var _m = "message";
var _mDLT = "mfaDeviceListType";
var _mSRVE = "mapStringReplacementValueEntry";
var _pDLT = "parametersDefinitionListType";
var _pDLTo = "policyDetailListType";
var _pDVLT = "policyDocumentVersionListType";
var _pGSALT = "policyGrantingServiceAccessListType";
var _pKL = "privateKeyList";
var _pKT = "privateKeyType";
var _pLT = "policyListType";
var _pPLT = "policyParameterListType";
var _pT = "passwordType";
var _rDLT = "roleDetailListType";
var _rLT = "roleListType";
var _s = "smithy.ts.sdk.synthetic.com.amazonaws.iam";
var _sCMLT = "serverCertificateMetadataListType";
var _sCS = "serviceCredentialSecret";
var _sP = "servicePassword";
var _se = "server";
var _tLT = "tagListType";
var _tTLT = "tagTemplateListType";
var _uDLT = "userDetailListType";
var _uLT = "userListType";
var _vMFADLT = "virtualMFADeviceListType";
var n0 = "com.amazonaws.iam";
var _s_registry = new TypeRegistry(_s);
var IAMServiceException$ = [-3, _s, "IAMServiceException", 0, [], []];
_s_registry.registerError(IAMServiceException$, IAMServiceException);
var n0_registry = new TypeRegistry(n0);
var AccountNotManagementOrDelegatedAdministratorException$ = [
  -3,
  n0,
  _ANMODAE,
  { [_e]: _c, [_hE]: 400 },
  [_M],
  [0]
];
n0_registry.registerError(AccountNotManagementOrDelegatedAdministratorException$, AccountNotManagementOrDelegatedAdministratorException);
var CallerIsNotManagementAccountException$ = [
  -3,
  n0,
  _CINMAE,
  { [_e]: _c, [_hE]: 400 },
  [_M],
  [0]
];
n0_registry.registerError(CallerIsNotManagementAccountException$, CallerIsNotManagementAccountException);
var ConcurrentModificationException$ = [
  -3,
  n0,
  _CME,
  { [_aQE]: [`ConcurrentModification`, 409], [_e]: _c, [_hE]: 409 },
  [_m],
  [0]
];
n0_registry.registerError(ConcurrentModificationException$, ConcurrentModificationException);
var CredentialReportExpiredException$ = [
  -3,
  n0,
  _CREE,
  { [_aQE]: [`ReportExpired`, 410], [_e]: _c, [_hE]: 410 },
  [_m],
  [0]
];
n0_registry.registerError(CredentialReportExpiredException$, CredentialReportExpiredException);
var CredentialReportNotPresentException$ = [
  -3,
  n0,
  _CRNPE,
  { [_aQE]: [`ReportNotPresent`, 410], [_e]: _c, [_hE]: 410 },
  [_m],
  [0]
];
n0_registry.registerError(CredentialReportNotPresentException$, CredentialReportNotPresentException);
var CredentialReportNotReadyException$ = [
  -3,
  n0,
  _CRNRE,
  { [_aQE]: [`ReportInProgress`, 404], [_e]: _c, [_hE]: 404 },
  [_m],
  [0]
];
n0_registry.registerError(CredentialReportNotReadyException$, CredentialReportNotReadyException);
var DeleteConflictException$ = [
  -3,
  n0,
  _DCE,
  { [_aQE]: [`DeleteConflict`, 409], [_e]: _c, [_hE]: 409 },
  [_m],
  [0]
];
n0_registry.registerError(DeleteConflictException$, DeleteConflictException);
var DuplicateCertificateException$ = [
  -3,
  n0,
  _DCEu,
  { [_aQE]: [`DuplicateCertificate`, 409], [_e]: _c, [_hE]: 409 },
  [_m],
  [0]
];
n0_registry.registerError(DuplicateCertificateException$, DuplicateCertificateException);
var DuplicateSSHPublicKeyException$ = [
  -3,
  n0,
  _DSSHPKE,
  { [_aQE]: [`DuplicateSSHPublicKey`, 400], [_e]: _c, [_hE]: 400 },
  [_m],
  [0]
];
n0_registry.registerError(DuplicateSSHPublicKeyException$, DuplicateSSHPublicKeyException);
var EntityAlreadyExistsException$ = [
  -3,
  n0,
  _EAEE,
  { [_aQE]: [`EntityAlreadyExists`, 409], [_e]: _c, [_hE]: 409 },
  [_m],
  [0]
];
n0_registry.registerError(EntityAlreadyExistsException$, EntityAlreadyExistsException);
var EntityTemporarilyUnmodifiableException$ = [
  -3,
  n0,
  _ETUE,
  { [_aQE]: [`EntityTemporarilyUnmodifiable`, 409], [_e]: _c, [_hE]: 409 },
  [_m],
  [0]
];
n0_registry.registerError(EntityTemporarilyUnmodifiableException$, EntityTemporarilyUnmodifiableException);
var FeatureDisabledException$ = [
  -3,
  n0,
  _FDE,
  { [_aQE]: [`FeatureDisabled`, 404], [_e]: _c, [_hE]: 404 },
  [_m],
  [0]
];
n0_registry.registerError(FeatureDisabledException$, FeatureDisabledException);
var FeatureEnabledException$ = [
  -3,
  n0,
  _FEE,
  { [_aQE]: [`FeatureEnabled`, 409], [_e]: _c, [_hE]: 409 },
  [_m],
  [0]
];
n0_registry.registerError(FeatureEnabledException$, FeatureEnabledException);
var InvalidAuthenticationCodeException$ = [
  -3,
  n0,
  _IACE,
  { [_aQE]: [`InvalidAuthenticationCode`, 403], [_e]: _c, [_hE]: 403 },
  [_m],
  [0]
];
n0_registry.registerError(InvalidAuthenticationCodeException$, InvalidAuthenticationCodeException);
var InvalidCertificateException$ = [
  -3,
  n0,
  _ICE,
  { [_aQE]: [`InvalidCertificate`, 400], [_e]: _c, [_hE]: 400 },
  [_m],
  [0]
];
n0_registry.registerError(InvalidCertificateException$, InvalidCertificateException);
var InvalidInputException$ = [
  -3,
  n0,
  _IIE,
  { [_aQE]: [`InvalidInput`, 400], [_e]: _c, [_hE]: 400 },
  [_m],
  [0]
];
n0_registry.registerError(InvalidInputException$, InvalidInputException);
var InvalidPublicKeyException$ = [
  -3,
  n0,
  _IPKE,
  { [_aQE]: [`InvalidPublicKey`, 400], [_e]: _c, [_hE]: 400 },
  [_m],
  [0]
];
n0_registry.registerError(InvalidPublicKeyException$, InvalidPublicKeyException);
var InvalidUserTypeException$ = [
  -3,
  n0,
  _IUTE,
  { [_aQE]: [`InvalidUserType`, 400], [_e]: _c, [_hE]: 400 },
  [_m],
  [0]
];
n0_registry.registerError(InvalidUserTypeException$, InvalidUserTypeException);
var KeyPairMismatchException$ = [
  -3,
  n0,
  _KPME,
  { [_aQE]: [`KeyPairMismatch`, 400], [_e]: _c, [_hE]: 400 },
  [_m],
  [0]
];
n0_registry.registerError(KeyPairMismatchException$, KeyPairMismatchException);
var LimitExceededException$ = [
  -3,
  n0,
  _LEE,
  { [_aQE]: [`LimitExceeded`, 409], [_e]: _c, [_hE]: 409 },
  [_m],
  [0]
];
n0_registry.registerError(LimitExceededException$, LimitExceededException);
var MalformedCertificateException$ = [
  -3,
  n0,
  _MCE,
  { [_aQE]: [`MalformedCertificate`, 400], [_e]: _c, [_hE]: 400 },
  [_m],
  [0]
];
n0_registry.registerError(MalformedCertificateException$, MalformedCertificateException);
var MalformedPolicyDocumentException$ = [
  -3,
  n0,
  _MPDE,
  { [_aQE]: [`MalformedPolicyDocument`, 400], [_e]: _c, [_hE]: 400 },
  [_m],
  [0]
];
n0_registry.registerError(MalformedPolicyDocumentException$, MalformedPolicyDocumentException);
var NameConflictException$ = [
  -3,
  n0,
  _NCE,
  { [_aQE]: [`NameConflict`, 409], [_e]: _c, [_hE]: 409 },
  [_m],
  [0]
];
n0_registry.registerError(NameConflictException$, NameConflictException);
var NoSuchEntityException$ = [
  -3,
  n0,
  _NSEE,
  { [_aQE]: [`NoSuchEntity`, 404], [_e]: _c, [_hE]: 404 },
  [_m],
  [0]
];
n0_registry.registerError(NoSuchEntityException$, NoSuchEntityException);
var OpenIdIdpCommunicationErrorException$ = [
  -3,
  n0,
  _OIICEE,
  { [_aQE]: [`OpenIdIdpCommunicationError`, 400], [_e]: _c, [_hE]: 400 },
  [_m],
  [0]
];
n0_registry.registerError(OpenIdIdpCommunicationErrorException$, OpenIdIdpCommunicationErrorException);
var OrganizationNotFoundException$ = [
  -3,
  n0,
  _ONFE,
  { [_e]: _c, [_hE]: 400 },
  [_M],
  [0]
];
n0_registry.registerError(OrganizationNotFoundException$, OrganizationNotFoundException);
var OrganizationNotInAllFeaturesModeException$ = [
  -3,
  n0,
  _ONIAFME,
  { [_e]: _c, [_hE]: 400 },
  [_M],
  [0]
];
n0_registry.registerError(OrganizationNotInAllFeaturesModeException$, OrganizationNotInAllFeaturesModeException);
var PasswordPolicyViolationException$ = [
  -3,
  n0,
  _PPVE,
  { [_aQE]: [`PasswordPolicyViolation`, 400], [_e]: _c, [_hE]: 400 },
  [_m],
  [0]
];
n0_registry.registerError(PasswordPolicyViolationException$, PasswordPolicyViolationException);
var PolicyEvaluationException$ = [
  -3,
  n0,
  _PEE,
  { [_aQE]: [`PolicyEvaluation`, 500], [_e]: _se, [_hE]: 500 },
  [_m],
  [0]
];
n0_registry.registerError(PolicyEvaluationException$, PolicyEvaluationException);
var PolicyNotAttachableException$ = [
  -3,
  n0,
  _PNAE,
  { [_aQE]: [`PolicyNotAttachable`, 400], [_e]: _c, [_hE]: 400 },
  [_m],
  [0]
];
n0_registry.registerError(PolicyNotAttachableException$, PolicyNotAttachableException);
var ReportGenerationLimitExceededException$ = [
  -3,
  n0,
  _RGLEE,
  { [_aQE]: [`ReportGenerationLimitExceeded`, 409], [_e]: _c, [_hE]: 409 },
  [_m],
  [0]
];
n0_registry.registerError(ReportGenerationLimitExceededException$, ReportGenerationLimitExceededException);
var RoleModifiedException$ = [
  -3,
  n0,
  _RME,
  { [_aQE]: [`RoleModified`, 409], [_e]: _c, [_hE]: 409 },
  [_m],
  [0]
];
n0_registry.registerError(RoleModifiedException$, RoleModifiedException);
var RoleTemplateDisabledException$ = [
  -3,
  n0,
  _RTDE,
  { [_aQE]: [`RoleTemplateDisabled`, 400], [_e]: _c, [_hE]: 400 },
  [_m],
  [0]
];
n0_registry.registerError(RoleTemplateDisabledException$, RoleTemplateDisabledException);
var ServiceAccessNotEnabledException$ = [
  -3,
  n0,
  _SANEE,
  { [_e]: _c, [_hE]: 400 },
  [_M],
  [0]
];
n0_registry.registerError(ServiceAccessNotEnabledException$, ServiceAccessNotEnabledException);
var ServiceFailureException$ = [
  -3,
  n0,
  _SFE,
  { [_aQE]: [`ServiceFailure`, 500], [_e]: _se, [_hE]: 500 },
  [_m],
  [0]
];
n0_registry.registerError(ServiceFailureException$, ServiceFailureException);
var ServiceNotSupportedException$ = [
  -3,
  n0,
  _SNSE,
  { [_aQE]: [`NotSupportedService`, 404], [_e]: _c, [_hE]: 404 },
  [_m],
  [0]
];
n0_registry.registerError(ServiceNotSupportedException$, ServiceNotSupportedException);
var UnmodifiableEntityException$ = [
  -3,
  n0,
  _UEE,
  { [_aQE]: [`UnmodifiableEntity`, 400], [_e]: _c, [_hE]: 400 },
  [_m],
  [0]
];
n0_registry.registerError(UnmodifiableEntityException$, UnmodifiableEntityException);
var UnrecognizedPublicKeyEncodingException$ = [
  -3,
  n0,
  _UPKEE,
  { [_aQE]: [`UnrecognizedPublicKeyEncoding`, 400], [_e]: _c, [_hE]: 400 },
  [_m],
  [0]
];
n0_registry.registerError(UnrecognizedPublicKeyEncodingException$, UnrecognizedPublicKeyEncodingException);
var errorTypeRegistries = [
  _s_registry,
  n0_registry
];
var accessKeySecretType = [0, n0, _aKST, 8, 0];
var BootstrapDatum = [0, n0, _BD, 8, 21];
var passwordType = [0, n0, _pT, 8, 0];
var privateKeyType = [0, n0, _pKT, 8, 0];
var serviceCredentialSecret = [0, n0, _sCS, 8, 0];
var servicePassword = [0, n0, _sP, 8, 0];
var AcceptDelegationRequestRequest$ = [
  3,
  n0,
  _ADRR,
  0,
  [_DRI],
  [0],
  1
];
var AccessDetail$ = [
  3,
  n0,
  _AD,
  0,
  [_SN, _SNe, _R, _EP, _LAT, _TAE],
  [0, 0, 0, 0, 4, 1],
  2
];
var AccessKey$ = [
  3,
  n0,
  _AK,
  0,
  [_UN, _AKI, _S, _SAK, _CD],
  [0, 0, 0, [() => accessKeySecretType, 0], 4],
  4
];
var AccessKeyLastUsed$ = [
  3,
  n0,
  _AKLU,
  0,
  [_SN, _R, _LUD],
  [0, 0, 4],
  2
];
var AccessKeyMetadata$ = [
  3,
  n0,
  _AKM,
  0,
  [_UN, _AKI, _S, _CD],
  [0, 0, 0, 4]
];
var AcquireRoleRequest$ = [
  3,
  n0,
  _ARR,
  0,
  [_TA, _TMV, _RV],
  [0, 1, () => mapStringReplacementValueEntry],
  1
];
var AcquireRoleResponse$ = [
  3,
  n0,
  _ARRc,
  0,
  [_Ro],
  [() => Role$],
  1
];
var AddClientIDToOpenIDConnectProviderRequest$ = [
  3,
  n0,
  _ACIDTOIDCPR,
  0,
  [_OIDCPA, _CID],
  [0, 0],
  2
];
var AddRoleToInstanceProfileRequest$ = [
  3,
  n0,
  _ARTIPR,
  0,
  [_IPN, _RN],
  [0, 0],
  2
];
var AddUserToGroupRequest$ = [
  3,
  n0,
  _AUTGR,
  0,
  [_GN, _UN],
  [0, 0],
  2
];
var AssociateDelegationRequestRequest$ = [
  3,
  n0,
  _ADRRs,
  0,
  [_DRI],
  [0],
  1
];
var AttachedPermissionsBoundary$ = [
  3,
  n0,
  _APB,
  0,
  [_PBT, _PBA],
  [0, 0]
];
var AttachedPolicy$ = [
  3,
  n0,
  _AP,
  0,
  [_PN, _PA],
  [0, 0]
];
var AttachGroupPolicyRequest$ = [
  3,
  n0,
  _AGPR,
  0,
  [_GN, _PA],
  [0, 0],
  2
];
var AttachRolePolicyRequest$ = [
  3,
  n0,
  _ARPR,
  0,
  [_RN, _PA],
  [0, 0],
  2
];
var AttachUserPolicyRequest$ = [
  3,
  n0,
  _AUPR,
  0,
  [_UN, _PA],
  [0, 0],
  2
];
var ChangePasswordRequest$ = [
  3,
  n0,
  _CPR,
  0,
  [_OP, _NP],
  [[() => passwordType, 0], [() => passwordType, 0]],
  2
];
var ContextEntry$ = [
  3,
  n0,
  _CE,
  0,
  [_CKN, _CKV, _CKT],
  [0, 64 | 0, 0]
];
var ContextProvider$ = [
  3,
  n0,
  _CP,
  0,
  [_SSK, _KDL, _STV, _STSK],
  [0, () => keyDefinitionListType, 0, 0],
  1
];
var ContextProviderKeyDefinition$ = [
  3,
  n0,
  _CPKD,
  0,
  [_SK, _TK],
  [0, 0],
  1
];
var CreateAccessKeyRequest$ = [
  3,
  n0,
  _CAKR,
  0,
  [_UN],
  [0]
];
var CreateAccessKeyResponse$ = [
  3,
  n0,
  _CAKRr,
  0,
  [_AK],
  [[() => AccessKey$, 0]],
  1
];
var CreateAccountAliasRequest$ = [
  3,
  n0,
  _CAAR,
  0,
  [_AA],
  [0],
  1
];
var CreateDelegationRequestRequest$ = [
  3,
  n0,
  _CDRR,
  0,
  [_D, _P, _RWI, _NC, _SD, _OAI, _RM, _RU, _OSBO],
  [0, () => DelegationPermission$, 0, 0, 1, 0, 0, 0, 2],
  5
];
var CreateDelegationRequestResponse$ = [
  3,
  n0,
  _CDRRr,
  0,
  [_CDL, _DRI],
  [0, 0]
];
var CreateGroupRequest$ = [
  3,
  n0,
  _CGR,
  0,
  [_GN, _Pa],
  [0, 0],
  1
];
var CreateGroupResponse$ = [
  3,
  n0,
  _CGRr,
  0,
  [_G],
  [() => Group$],
  1
];
var CreateInstanceProfileRequest$ = [
  3,
  n0,
  _CIPR,
  0,
  [_IPN, _Pa, _T],
  [0, 0, () => tagListType],
  1
];
var CreateInstanceProfileResponse$ = [
  3,
  n0,
  _CIPRr,
  0,
  [_IP],
  [() => InstanceProfile$],
  1
];
var CreateLoginProfileRequest$ = [
  3,
  n0,
  _CLPR,
  0,
  [_UN, _Pas, _PRR, _MSSD],
  [0, [() => passwordType, 0], 2, 1]
];
var CreateLoginProfileResponse$ = [
  3,
  n0,
  _CLPRr,
  0,
  [_LP],
  [() => LoginProfile$],
  1
];
var CreateOpenIDConnectProviderRequest$ = [
  3,
  n0,
  _COIDCPR,
  0,
  [_U, _CIDL, _TL, _T, _CP, _ICIA],
  [0, 64 | 0, 64 | 0, () => tagListType, () => ContextProvider$, 0],
  1
];
var CreateOpenIDConnectProviderResponse$ = [
  3,
  n0,
  _COIDCPRr,
  0,
  [_OIDCPA, _T],
  [0, () => tagListType]
];
var CreatePolicyRequest$ = [
  3,
  n0,
  _CPRr,
  0,
  [_PN, _PD, _Pa, _D, _T],
  [0, 0, 0, 0, () => tagListType],
  2
];
var CreatePolicyResponse$ = [
  3,
  n0,
  _CPRre,
  0,
  [_Po],
  [() => Policy$]
];
var CreatePolicyVersionRequest$ = [
  3,
  n0,
  _CPVR,
  0,
  [_PA, _PD, _SAD],
  [0, 0, 2],
  2
];
var CreatePolicyVersionResponse$ = [
  3,
  n0,
  _CPVRr,
  0,
  [_PV],
  [() => PolicyVersion$]
];
var CreateRoleRequest$ = [
  3,
  n0,
  _CRR,
  0,
  [_RN, _ARPD, _Pa, _D, _MSD, _MSSD, _PB, _T],
  [0, 0, 0, 0, 1, 1, 0, () => tagListType],
  2
];
var CreateRoleResponse$ = [
  3,
  n0,
  _CRRr,
  0,
  [_Ro],
  [() => Role$],
  1
];
var CreateSAMLProviderRequest$ = [
  3,
  n0,
  _CSAMLPR,
  0,
  [_SAMLMD, _N, _T, _AEM, _APK, _CP, _ICIA],
  [0, 0, () => tagListType, 0, [() => privateKeyType, 0], () => ContextProvider$, 0],
  2
];
var CreateSAMLProviderResponse$ = [
  3,
  n0,
  _CSAMLPRr,
  0,
  [_SAMLPA, _T],
  [0, () => tagListType]
];
var CreateServiceLinkedRoleRequest$ = [
  3,
  n0,
  _CSLRR,
  0,
  [_AWSSN, _D, _CS],
  [0, 0, 0],
  1
];
var CreateServiceLinkedRoleResponse$ = [
  3,
  n0,
  _CSLRRr,
  0,
  [_Ro],
  [() => Role$]
];
var CreateServiceSpecificCredentialRequest$ = [
  3,
  n0,
  _CSSCR,
  0,
  [_UN, _SN, _CAD],
  [0, 0, 1],
  2
];
var CreateServiceSpecificCredentialResponse$ = [
  3,
  n0,
  _CSSCRr,
  0,
  [_SSC],
  [[() => ServiceSpecificCredential$, 0]]
];
var CreateUserRequest$ = [
  3,
  n0,
  _CUR,
  0,
  [_UN, _Pa, _PB, _T],
  [0, 0, 0, () => tagListType],
  1
];
var CreateUserResponse$ = [
  3,
  n0,
  _CURr,
  0,
  [_Us],
  [() => User$]
];
var CreateVirtualMFADeviceRequest$ = [
  3,
  n0,
  _CVMFADR,
  0,
  [_VMFADN, _Pa, _T],
  [0, 0, () => tagListType],
  1
];
var CreateVirtualMFADeviceResponse$ = [
  3,
  n0,
  _CVMFADRr,
  0,
  [_VMFAD],
  [[() => VirtualMFADevice$, 0]],
  1
];
var DeactivateMFADeviceRequest$ = [
  3,
  n0,
  _DMFADR,
  0,
  [_SNer, _UN],
  [0, 0],
  1
];
var DelegationPermission$ = [
  3,
  n0,
  _DP,
  0,
  [_PTA, _Par],
  [0, () => policyParameterListType]
];
var DelegationRequest$ = [
  3,
  n0,
  _DR,
  0,
  [_DRI, _OAI, _D, _RM, _P, _PP, _RPRA, _OI, _AI, _St, _ET, _RI, _RNe, _CD, _SD, _RU, _No, _RR, _OSBO, _UT],
  [0, 0, 0, 0, () => DelegationPermission$, 0, 64 | 0, 0, 0, 0, 4, 0, 0, 4, 1, 0, 0, 0, 2, 4]
];
var DeleteAccessKeyRequest$ = [
  3,
  n0,
  _DAKR,
  0,
  [_AKI, _UN],
  [0, 0],
  1
];
var DeleteAccountAliasRequest$ = [
  3,
  n0,
  _DAAR,
  0,
  [_AA],
  [0],
  1
];
var DeleteGroupPolicyRequest$ = [
  3,
  n0,
  _DGPR,
  0,
  [_GN, _PN],
  [0, 0],
  2
];
var DeleteGroupRequest$ = [
  3,
  n0,
  _DGR,
  0,
  [_GN],
  [0],
  1
];
var DeleteInstanceProfileRequest$ = [
  3,
  n0,
  _DIPR,
  0,
  [_IPN],
  [0],
  1
];
var DeleteLoginProfileRequest$ = [
  3,
  n0,
  _DLPR,
  0,
  [_UN],
  [0]
];
var DeleteOpenIDConnectProviderRequest$ = [
  3,
  n0,
  _DOIDCPR,
  0,
  [_OIDCPA],
  [0],
  1
];
var DeletePolicyRequest$ = [
  3,
  n0,
  _DPR,
  0,
  [_PA],
  [0],
  1
];
var DeletePolicyVersionRequest$ = [
  3,
  n0,
  _DPVR,
  0,
  [_PA, _VI],
  [0, 0],
  2
];
var DeleteRolePermissionsBoundaryRequest$ = [
  3,
  n0,
  _DRPBR,
  0,
  [_RN],
  [0],
  1
];
var DeleteRolePolicyRequest$ = [
  3,
  n0,
  _DRPR,
  0,
  [_RN, _PN],
  [0, 0],
  2
];
var DeleteRoleRequest$ = [
  3,
  n0,
  _DRR,
  0,
  [_RN],
  [0],
  1
];
var DeleteSAMLProviderRequest$ = [
  3,
  n0,
  _DSAMLPR,
  0,
  [_SAMLPA],
  [0],
  1
];
var DeleteServerCertificateRequest$ = [
  3,
  n0,
  _DSCR,
  0,
  [_SCN],
  [0],
  1
];
var DeleteServiceLinkedRoleRequest$ = [
  3,
  n0,
  _DSLRR,
  0,
  [_RN],
  [0],
  1
];
var DeleteServiceLinkedRoleResponse$ = [
  3,
  n0,
  _DSLRRe,
  0,
  [_DTI],
  [0],
  1
];
var DeleteServiceSpecificCredentialRequest$ = [
  3,
  n0,
  _DSSCR,
  0,
  [_SSCI, _UN],
  [0, 0],
  1
];
var DeleteSigningCertificateRequest$ = [
  3,
  n0,
  _DSCRe,
  0,
  [_CI, _UN],
  [0, 0],
  1
];
var DeleteSSHPublicKeyRequest$ = [
  3,
  n0,
  _DSSHPKR,
  0,
  [_UN, _SSHPKI],
  [0, 0],
  2
];
var DeleteUserPermissionsBoundaryRequest$ = [
  3,
  n0,
  _DUPBR,
  0,
  [_UN],
  [0],
  1
];
var DeleteUserPolicyRequest$ = [
  3,
  n0,
  _DUPR,
  0,
  [_UN, _PN],
  [0, 0],
  2
];
var DeleteUserRequest$ = [
  3,
  n0,
  _DUR,
  0,
  [_UN],
  [0],
  1
];
var DeleteVirtualMFADeviceRequest$ = [
  3,
  n0,
  _DVMFADR,
  0,
  [_SNer],
  [0],
  1
];
var DeletionTaskFailureReasonType$ = [
  3,
  n0,
  _DTFRT,
  0,
  [_Re, _RUL],
  [0, () => RoleUsageListType]
];
var DetachGroupPolicyRequest$ = [
  3,
  n0,
  _DGPRe,
  0,
  [_GN, _PA],
  [0, 0],
  2
];
var DetachRolePolicyRequest$ = [
  3,
  n0,
  _DRPRe,
  0,
  [_RN, _PA],
  [0, 0],
  2
];
var DetachUserPolicyRequest$ = [
  3,
  n0,
  _DUPRe,
  0,
  [_UN, _PA],
  [0, 0],
  2
];
var DisableOrganizationsRootCredentialsManagementRequest$ = [
  3,
  n0,
  _DORCMR,
  0,
  [],
  []
];
var DisableOrganizationsRootCredentialsManagementResponse$ = [
  3,
  n0,
  _DORCMRi,
  0,
  [_OIr, _EF],
  [0, 64 | 0]
];
var DisableOrganizationsRootSessionsRequest$ = [
  3,
  n0,
  _DORSR,
  0,
  [],
  []
];
var DisableOrganizationsRootSessionsResponse$ = [
  3,
  n0,
  _DORSRi,
  0,
  [_OIr, _EF],
  [0, 64 | 0]
];
var EnableMFADeviceRequest$ = [
  3,
  n0,
  _EMFADR,
  0,
  [_UN, _SNer, _AC, _ACu],
  [0, 0, 0, 0],
  4
];
var EnableOrganizationsRootCredentialsManagementRequest$ = [
  3,
  n0,
  _EORCMR,
  0,
  [],
  []
];
var EnableOrganizationsRootCredentialsManagementResponse$ = [
  3,
  n0,
  _EORCMRn,
  0,
  [_OIr, _EF],
  [0, 64 | 0]
];
var EnableOrganizationsRootSessionsRequest$ = [
  3,
  n0,
  _EORSR,
  0,
  [],
  []
];
var EnableOrganizationsRootSessionsResponse$ = [
  3,
  n0,
  _EORSRn,
  0,
  [_OIr, _EF],
  [0, 64 | 0]
];
var EnableOutboundWebIdentityFederationResponse$ = [
  3,
  n0,
  _EOWIFR,
  0,
  [_II],
  [0]
];
var EntityDetails$ = [
  3,
  n0,
  _ED,
  0,
  [_EI, _LA],
  [() => EntityInfo$, 4],
  1
];
var EntityInfo$ = [
  3,
  n0,
  _EI,
  0,
  [_A, _N, _Ty, _I, _Pa],
  [0, 0, 0, 0, 0],
  4
];
var ErrorDetails$ = [
  3,
  n0,
  _EDr,
  0,
  [_M, _C],
  [0, 0],
  2
];
var EvaluationResult$ = [
  3,
  n0,
  _ER,
  0,
  [_EAN, _EDv, _ERN, _MS, _MCV, _ODD, _PBDD, _EDD, _RSR],
  [0, 0, 0, () => StatementListType, 64 | 0, () => OrganizationsDecisionDetail$, () => PermissionsBoundaryDecisionDetail$, 128 | 0, () => ResourceSpecificResultListType],
  2
];
var GenerateCredentialReportResponse$ = [
  3,
  n0,
  _GCRR,
  0,
  [_St, _D],
  [0, 0]
];
var GenerateOrganizationsAccessReportRequest$ = [
  3,
  n0,
  _GOARR,
  0,
  [_EP, _OPI],
  [0, 0],
  1
];
var GenerateOrganizationsAccessReportResponse$ = [
  3,
  n0,
  _GOARRe,
  0,
  [_JI],
  [0]
];
var GenerateServiceLastAccessedDetailsRequest$ = [
  3,
  n0,
  _GSLADR,
  0,
  [_A, _Gr],
  [0, 0],
  1
];
var GenerateServiceLastAccessedDetailsResponse$ = [
  3,
  n0,
  _GSLADRe,
  0,
  [_JI],
  [0]
];
var GetAccessKeyLastUsedRequest$ = [
  3,
  n0,
  _GAKLUR,
  0,
  [_AKI],
  [0],
  1
];
var GetAccessKeyLastUsedResponse$ = [
  3,
  n0,
  _GAKLURe,
  0,
  [_UN, _AKLU],
  [0, () => AccessKeyLastUsed$]
];
var GetAccountAuthorizationDetailsRequest$ = [
  3,
  n0,
  _GAADR,
  0,
  [_F, _MI, _Ma],
  [64 | 0, 1, 0]
];
var GetAccountAuthorizationDetailsResponse$ = [
  3,
  n0,
  _GAADRe,
  0,
  [_UDL, _GDL, _RDL, _Pol, _IT, _Ma],
  [() => userDetailListType, () => groupDetailListType, () => roleDetailListType, () => ManagedPolicyDetailListType, 2, 0]
];
var GetAccountPasswordPolicyResponse$ = [
  3,
  n0,
  _GAPPR,
  0,
  [_PPa],
  [() => PasswordPolicy$],
  1
];
var GetAccountPropertiesRequest$ = [
  3,
  n0,
  _GAPR,
  0,
  [],
  []
];
var GetAccountPropertiesResponse$ = [
  3,
  n0,
  _GAPRe,
  0,
  [_Pr],
  [128 | 0]
];
var GetAccountSummaryResponse$ = [
  3,
  n0,
  _GASR,
  0,
  [_SM],
  [128 | 1]
];
var GetContextKeysForCustomPolicyRequest$ = [
  3,
  n0,
  _GCKFCPR,
  0,
  [_PIL],
  [64 | 0],
  1
];
var GetContextKeysForPolicyResponse$ = [
  3,
  n0,
  _GCKFPR,
  0,
  [_CKNo],
  [64 | 0]
];
var GetContextKeysForPrincipalPolicyRequest$ = [
  3,
  n0,
  _GCKFPPR,
  0,
  [_PSA, _PIL],
  [0, 64 | 0],
  1
];
var GetCredentialReportResponse$ = [
  3,
  n0,
  _GCRRe,
  0,
  [_Co, _RF, _GT],
  [21, 0, 4]
];
var GetDelegationRequestRequest$ = [
  3,
  n0,
  _GDRR,
  0,
  [_DRI, _DPC],
  [0, 2],
  1
];
var GetDelegationRequestResponse$ = [
  3,
  n0,
  _GDRRe,
  0,
  [_DR, _PCS, _PCR],
  [() => DelegationRequest$, 0, 0]
];
var GetGroupPolicyRequest$ = [
  3,
  n0,
  _GGPR,
  0,
  [_GN, _PN],
  [0, 0],
  2
];
var GetGroupPolicyResponse$ = [
  3,
  n0,
  _GGPRe,
  0,
  [_GN, _PN, _PD],
  [0, 0, 0],
  3
];
var GetGroupRequest$ = [
  3,
  n0,
  _GGR,
  0,
  [_GN, _Ma, _MI],
  [0, 0, 1],
  1
];
var GetGroupResponse$ = [
  3,
  n0,
  _GGRe,
  0,
  [_G, _Use, _IT, _Ma],
  [() => Group$, () => userListType, 2, 0],
  2
];
var GetHumanReadableSummaryRequest$ = [
  3,
  n0,
  _GHRSR,
  0,
  [_EA, _L],
  [0, 0],
  1
];
var GetHumanReadableSummaryResponse$ = [
  3,
  n0,
  _GHRSRe,
  0,
  [_SC, _L, _SS],
  [0, 0, 0]
];
var GetInstanceProfileRequest$ = [
  3,
  n0,
  _GIPR,
  0,
  [_IPN],
  [0],
  1
];
var GetInstanceProfileResponse$ = [
  3,
  n0,
  _GIPRe,
  0,
  [_IP],
  [() => InstanceProfile$],
  1
];
var GetLoginProfileRequest$ = [
  3,
  n0,
  _GLPR,
  0,
  [_UN],
  [0]
];
var GetLoginProfileResponse$ = [
  3,
  n0,
  _GLPRe,
  0,
  [_LP],
  [() => LoginProfile$],
  1
];
var GetMFADeviceRequest$ = [
  3,
  n0,
  _GMFADR,
  0,
  [_SNer, _UN],
  [0, 0],
  1
];
var GetMFADeviceResponse$ = [
  3,
  n0,
  _GMFADRe,
  0,
  [_SNer, _UN, _EDn, _Ce],
  [0, 0, 4, 128 | 0],
  1
];
var GetOpenIDConnectProviderRequest$ = [
  3,
  n0,
  _GOIDCPR,
  0,
  [_OIDCPA],
  [0],
  1
];
var GetOpenIDConnectProviderResponse$ = [
  3,
  n0,
  _GOIDCPRe,
  0,
  [_U, _CIDL, _TL, _CD, _T, _CP, _ICIA, _ISA],
  [0, 64 | 0, 64 | 0, 4, () => tagListType, () => ContextProvider$, 0, 0]
];
var GetOrganizationsAccessReportRequest$ = [
  3,
  n0,
  _GOARRet,
  0,
  [_JI, _MI, _Ma, _SKo],
  [0, 1, 0, 0],
  1
];
var GetOrganizationsAccessReportResponse$ = [
  3,
  n0,
  _GOARRetr,
  0,
  [_JS, _JCD, _JCDo, _NOSA, _NOSNA, _ADc, _IT, _Ma, _EDr],
  [0, 4, 4, 1, 1, () => AccessDetails, 2, 0, () => ErrorDetails$],
  2
];
var GetOutboundWebIdentityFederationInfoResponse$ = [
  3,
  n0,
  _GOWIFIR,
  0,
  [_II, _JVE],
  [0, 2]
];
var GetPolicyRequest$ = [
  3,
  n0,
  _GPR,
  0,
  [_PA],
  [0],
  1
];
var GetPolicyResponse$ = [
  3,
  n0,
  _GPRe,
  0,
  [_Po],
  [() => Policy$]
];
var GetPolicyVersionRequest$ = [
  3,
  n0,
  _GPVR,
  0,
  [_PA, _VI],
  [0, 0],
  2
];
var GetPolicyVersionResponse$ = [
  3,
  n0,
  _GPVRe,
  0,
  [_PV],
  [() => PolicyVersion$]
];
var GetRolePolicyRequest$ = [
  3,
  n0,
  _GRPR,
  0,
  [_RN, _PN],
  [0, 0],
  2
];
var GetRolePolicyResponse$ = [
  3,
  n0,
  _GRPRe,
  0,
  [_RN, _PN, _PD],
  [0, 0, 0],
  3
];
var GetRoleRequest$ = [
  3,
  n0,
  _GRR,
  0,
  [_RN],
  [0],
  1
];
var GetRoleResponse$ = [
  3,
  n0,
  _GRRe,
  0,
  [_Ro],
  [() => Role$],
  1
];
var GetRoleTemplateVersionRequest$ = [
  3,
  n0,
  _GRTVR,
  0,
  [_TA, _MV],
  [0, 1],
  1
];
var GetRoleTemplateVersionResponse$ = [
  3,
  n0,
  _GRTVRe,
  0,
  [_RTV],
  [() => RoleTemplateVersion$],
  1
];
var GetSAMLProviderRequest$ = [
  3,
  n0,
  _GSAMLPR,
  0,
  [_SAMLPA],
  [0],
  1
];
var GetSAMLProviderResponse$ = [
  3,
  n0,
  _GSAMLPRe,
  0,
  [_SAMLPUUID, _SAMLMD, _CP, _SAMLKH, _CD, _VU, _T, _AEM, _PKL, _ICIA, _ISA],
  [0, 0, () => ContextProvider$, () => SAMLKeyHashListType, 4, 4, () => tagListType, 0, () => privateKeyList, 0, 0]
];
var GetServerCertificateRequest$ = [
  3,
  n0,
  _GSCR,
  0,
  [_SCN],
  [0],
  1
];
var GetServerCertificateResponse$ = [
  3,
  n0,
  _GSCRe,
  0,
  [_SCe],
  [() => ServerCertificate$],
  1
];
var GetServiceLastAccessedDetailsRequest$ = [
  3,
  n0,
  _GSLADRet,
  0,
  [_JI, _MI, _Ma],
  [0, 1, 0],
  1
];
var GetServiceLastAccessedDetailsResponse$ = [
  3,
  n0,
  _GSLADRete,
  0,
  [_JS, _JCD, _SLA, _JCDo, _JT, _IT, _Ma, _E],
  [0, 4, () => ServicesLastAccessed, 4, 0, 2, 0, () => ErrorDetails$],
  4
];
var GetServiceLastAccessedDetailsWithEntitiesRequest$ = [
  3,
  n0,
  _GSLADWER,
  0,
  [_JI, _SNe, _MI, _Ma],
  [0, 0, 1, 0],
  2
];
var GetServiceLastAccessedDetailsWithEntitiesResponse$ = [
  3,
  n0,
  _GSLADWERe,
  0,
  [_JS, _JCD, _JCDo, _EDL, _IT, _Ma, _E],
  [0, 4, 4, () => entityDetailsListType, 2, 0, () => ErrorDetails$],
  4
];
var GetServiceLinkedRoleDeletionStatusRequest$ = [
  3,
  n0,
  _GSLRDSR,
  0,
  [_DTI],
  [0],
  1
];
var GetServiceLinkedRoleDeletionStatusResponse$ = [
  3,
  n0,
  _GSLRDSRe,
  0,
  [_S, _Re],
  [0, () => DeletionTaskFailureReasonType$],
  1
];
var GetSSHPublicKeyRequest$ = [
  3,
  n0,
  _GSSHPKR,
  0,
  [_UN, _SSHPKI, _En],
  [0, 0, 0],
  3
];
var GetSSHPublicKeyResponse$ = [
  3,
  n0,
  _GSSHPKRe,
  0,
  [_SSHPK],
  [() => SSHPublicKey$]
];
var GetUserPolicyRequest$ = [
  3,
  n0,
  _GUPR,
  0,
  [_UN, _PN],
  [0, 0],
  2
];
var GetUserPolicyResponse$ = [
  3,
  n0,
  _GUPRe,
  0,
  [_UN, _PN, _PD],
  [0, 0, 0],
  3
];
var GetUserRequest$ = [
  3,
  n0,
  _GUR,
  0,
  [_UN],
  [0]
];
var GetUserResponse$ = [
  3,
  n0,
  _GURe,
  0,
  [_Us],
  [() => User$],
  1
];
var Group$ = [
  3,
  n0,
  _G,
  0,
  [_Pa, _GN, _GI, _A, _CD],
  [0, 0, 0, 0, 4],
  5
];
var GroupDetail$ = [
  3,
  n0,
  _GD,
  0,
  [_Pa, _GN, _GI, _A, _CD, _GPL, _AMP],
  [0, 0, 0, 0, 4, () => policyDetailListType, () => attachedPoliciesListType]
];
var InlinePolicy$ = [
  3,
  n0,
  _IPn,
  0,
  [_PN, _PD],
  [0, 0],
  2
];
var InlinePolicyIdentifierType$ = [
  3,
  n0,
  _IPIT,
  0,
  [_PN, _AT, _AN],
  [0, 0, 0],
  3
];
var InstanceProfile$ = [
  3,
  n0,
  _IP,
  0,
  [_Pa, _IPN, _IPI, _A, _CD, _Rol, _T],
  [0, 0, 0, 0, 4, () => roleListType, () => tagListType],
  6
];
var ListAccessKeysRequest$ = [
  3,
  n0,
  _LAKR,
  0,
  [_UN, _Ma, _MI],
  [0, 0, 1]
];
var ListAccessKeysResponse$ = [
  3,
  n0,
  _LAKRi,
  0,
  [_AKM, _IT, _Ma],
  [() => accessKeyMetadataListType, 2, 0],
  1
];
var ListAccountAliasesRequest$ = [
  3,
  n0,
  _LAAR,
  0,
  [_Ma, _MI],
  [0, 1]
];
var ListAccountAliasesResponse$ = [
  3,
  n0,
  _LAARi,
  0,
  [_AAc, _IT, _Ma],
  [64 | 0, 2, 0],
  1
];
var ListAttachedGroupPoliciesRequest$ = [
  3,
  n0,
  _LAGPR,
  0,
  [_GN, _PPat, _Ma, _MI],
  [0, 0, 0, 1],
  1
];
var ListAttachedGroupPoliciesResponse$ = [
  3,
  n0,
  _LAGPRi,
  0,
  [_APt, _IT, _Ma],
  [() => attachedPoliciesListType, 2, 0]
];
var ListAttachedRolePoliciesRequest$ = [
  3,
  n0,
  _LARPR,
  0,
  [_RN, _PPat, _Ma, _MI],
  [0, 0, 0, 1],
  1
];
var ListAttachedRolePoliciesResponse$ = [
  3,
  n0,
  _LARPRi,
  0,
  [_APt, _IT, _Ma],
  [() => attachedPoliciesListType, 2, 0]
];
var ListAttachedUserPoliciesRequest$ = [
  3,
  n0,
  _LAUPR,
  0,
  [_UN, _PPat, _Ma, _MI],
  [0, 0, 0, 1],
  1
];
var ListAttachedUserPoliciesResponse$ = [
  3,
  n0,
  _LAUPRi,
  0,
  [_APt, _IT, _Ma],
  [() => attachedPoliciesListType, 2, 0]
];
var ListDelegationRequestsRequest$ = [
  3,
  n0,
  _LDRR,
  0,
  [_OI, _Ma, _MI],
  [0, 0, 1]
];
var ListDelegationRequestsResponse$ = [
  3,
  n0,
  _LDRRi,
  0,
  [_DRe, _Ma, _iT],
  [() => delegationRequestsListType, 0, 2]
];
var ListEntitiesForPolicyRequest$ = [
  3,
  n0,
  _LEFPR,
  0,
  [_PA, _EFn, _PPat, _PUF, _Ma, _MI],
  [0, 0, 0, 0, 0, 1],
  1
];
var ListEntitiesForPolicyResponse$ = [
  3,
  n0,
  _LEFPRi,
  0,
  [_PG, _PU, _PR, _IT, _Ma],
  [() => PolicyGroupListType, () => PolicyUserListType, () => PolicyRoleListType, 2, 0]
];
var ListGroupPoliciesRequest$ = [
  3,
  n0,
  _LGPR,
  0,
  [_GN, _Ma, _MI],
  [0, 0, 1],
  1
];
var ListGroupPoliciesResponse$ = [
  3,
  n0,
  _LGPRi,
  0,
  [_PNo, _IT, _Ma],
  [64 | 0, 2, 0],
  1
];
var ListGroupsForUserRequest$ = [
  3,
  n0,
  _LGFUR,
  0,
  [_UN, _Ma, _MI],
  [0, 0, 1],
  1
];
var ListGroupsForUserResponse$ = [
  3,
  n0,
  _LGFURi,
  0,
  [_Gro, _IT, _Ma],
  [() => groupListType, 2, 0],
  1
];
var ListGroupsRequest$ = [
  3,
  n0,
  _LGR,
  0,
  [_PPat, _Ma, _MI],
  [0, 0, 1]
];
var ListGroupsResponse$ = [
  3,
  n0,
  _LGRi,
  0,
  [_Gro, _IT, _Ma],
  [() => groupListType, 2, 0],
  1
];
var ListInstanceProfilesForRoleRequest$ = [
  3,
  n0,
  _LIPFRR,
  0,
  [_RN, _Ma, _MI],
  [0, 0, 1],
  1
];
var ListInstanceProfilesForRoleResponse$ = [
  3,
  n0,
  _LIPFRRi,
  0,
  [_IPns, _IT, _Ma],
  [() => instanceProfileListType, 2, 0],
  1
];
var ListInstanceProfilesRequest$ = [
  3,
  n0,
  _LIPR,
  0,
  [_PPat, _Ma, _MI],
  [0, 0, 1]
];
var ListInstanceProfilesResponse$ = [
  3,
  n0,
  _LIPRi,
  0,
  [_IPns, _IT, _Ma],
  [() => instanceProfileListType, 2, 0],
  1
];
var ListInstanceProfileTagsRequest$ = [
  3,
  n0,
  _LIPTR,
  0,
  [_IPN, _Ma, _MI],
  [0, 0, 1],
  1
];
var ListInstanceProfileTagsResponse$ = [
  3,
  n0,
  _LIPTRi,
  0,
  [_T, _IT, _Ma],
  [() => tagListType, 2, 0],
  1
];
var ListMFADevicesRequest$ = [
  3,
  n0,
  _LMFADR,
  0,
  [_UN, _Ma, _MI],
  [0, 0, 1]
];
var ListMFADevicesResponse$ = [
  3,
  n0,
  _LMFADRi,
  0,
  [_MFAD, _IT, _Ma],
  [() => mfaDeviceListType, 2, 0],
  1
];
var ListMFADeviceTagsRequest$ = [
  3,
  n0,
  _LMFADTR,
  0,
  [_SNer, _Ma, _MI],
  [0, 0, 1],
  1
];
var ListMFADeviceTagsResponse$ = [
  3,
  n0,
  _LMFADTRi,
  0,
  [_T, _IT, _Ma],
  [() => tagListType, 2, 0],
  1
];
var ListOpenIDConnectProvidersRequest$ = [
  3,
  n0,
  _LOIDCPR,
  0,
  [],
  []
];
var ListOpenIDConnectProvidersResponse$ = [
  3,
  n0,
  _LOIDCPRi,
  0,
  [_OIDCPL],
  [() => OpenIDConnectProviderListType]
];
var ListOpenIDConnectProviderTagsRequest$ = [
  3,
  n0,
  _LOIDCPTR,
  0,
  [_OIDCPA, _Ma, _MI],
  [0, 0, 1],
  1
];
var ListOpenIDConnectProviderTagsResponse$ = [
  3,
  n0,
  _LOIDCPTRi,
  0,
  [_T, _IT, _Ma],
  [() => tagListType, 2, 0],
  1
];
var ListOrganizationsFeaturesRequest$ = [
  3,
  n0,
  _LOFR,
  0,
  [],
  []
];
var ListOrganizationsFeaturesResponse$ = [
  3,
  n0,
  _LOFRi,
  0,
  [_OIr, _EF],
  [0, 64 | 0]
];
var ListPoliciesGrantingServiceAccessEntry$ = [
  3,
  n0,
  _LPGSAE,
  0,
  [_SNe, _Pol],
  [0, () => policyGrantingServiceAccessListType]
];
var ListPoliciesGrantingServiceAccessRequest$ = [
  3,
  n0,
  _LPGSAR,
  0,
  [_A, _SNerv, _Ma],
  [0, 64 | 0, 0],
  2
];
var ListPoliciesGrantingServiceAccessResponse$ = [
  3,
  n0,
  _LPGSARi,
  0,
  [_PGSA, _IT, _Ma],
  [() => listPolicyGrantingServiceAccessResponseListType, 2, 0],
  1
];
var ListPoliciesRequest$ = [
  3,
  n0,
  _LPR,
  0,
  [_Sc, _OA, _PPat, _PUF, _Ma, _MI],
  [0, 2, 0, 0, 0, 1]
];
var ListPoliciesResponse$ = [
  3,
  n0,
  _LPRi,
  0,
  [_Pol, _IT, _Ma],
  [() => policyListType, 2, 0]
];
var ListPolicyTagsRequest$ = [
  3,
  n0,
  _LPTR,
  0,
  [_PA, _Ma, _MI],
  [0, 0, 1],
  1
];
var ListPolicyTagsResponse$ = [
  3,
  n0,
  _LPTRi,
  0,
  [_T, _IT, _Ma],
  [() => tagListType, 2, 0],
  1
];
var ListPolicyVersionsRequest$ = [
  3,
  n0,
  _LPVR,
  0,
  [_PA, _Ma, _MI],
  [0, 0, 1],
  1
];
var ListPolicyVersionsResponse$ = [
  3,
  n0,
  _LPVRi,
  0,
  [_V, _IT, _Ma],
  [() => policyDocumentVersionListType, 2, 0]
];
var ListRolePoliciesRequest$ = [
  3,
  n0,
  _LRPR,
  0,
  [_RN, _Ma, _MI],
  [0, 0, 1],
  1
];
var ListRolePoliciesResponse$ = [
  3,
  n0,
  _LRPRi,
  0,
  [_PNo, _IT, _Ma],
  [64 | 0, 2, 0],
  1
];
var ListRolesRequest$ = [
  3,
  n0,
  _LRR,
  0,
  [_PPat, _Ma, _MI],
  [0, 0, 1]
];
var ListRolesResponse$ = [
  3,
  n0,
  _LRRi,
  0,
  [_Rol, _IT, _Ma],
  [() => roleListType, 2, 0],
  1
];
var ListRoleTagsRequest$ = [
  3,
  n0,
  _LRTR,
  0,
  [_RN, _Ma, _MI],
  [0, 0, 1],
  1
];
var ListRoleTagsResponse$ = [
  3,
  n0,
  _LRTRi,
  0,
  [_T, _IT, _Ma],
  [() => tagListType, 2, 0],
  1
];
var ListSAMLProvidersRequest$ = [
  3,
  n0,
  _LSAMLPR,
  0,
  [],
  []
];
var ListSAMLProvidersResponse$ = [
  3,
  n0,
  _LSAMLPRi,
  0,
  [_SAMLPL],
  [() => SAMLProviderListType]
];
var ListSAMLProviderTagsRequest$ = [
  3,
  n0,
  _LSAMLPTR,
  0,
  [_SAMLPA, _Ma, _MI],
  [0, 0, 1],
  1
];
var ListSAMLProviderTagsResponse$ = [
  3,
  n0,
  _LSAMLPTRi,
  0,
  [_T, _IT, _Ma],
  [() => tagListType, 2, 0],
  1
];
var ListServerCertificatesRequest$ = [
  3,
  n0,
  _LSCR,
  0,
  [_PPat, _Ma, _MI],
  [0, 0, 1]
];
var ListServerCertificatesResponse$ = [
  3,
  n0,
  _LSCRi,
  0,
  [_SCML, _IT, _Ma],
  [() => serverCertificateMetadataListType, 2, 0],
  1
];
var ListServerCertificateTagsRequest$ = [
  3,
  n0,
  _LSCTR,
  0,
  [_SCN, _Ma, _MI],
  [0, 0, 1],
  1
];
var ListServerCertificateTagsResponse$ = [
  3,
  n0,
  _LSCTRi,
  0,
  [_T, _IT, _Ma],
  [() => tagListType, 2, 0],
  1
];
var ListServiceSpecificCredentialsRequest$ = [
  3,
  n0,
  _LSSCR,
  0,
  [_UN, _SN, _AU, _Ma, _MI],
  [0, 0, 2, 0, 1]
];
var ListServiceSpecificCredentialsResponse$ = [
  3,
  n0,
  _LSSCRi,
  0,
  [_SSCe, _Ma, _IT],
  [() => ServiceSpecificCredentialsListType, 0, 2]
];
var ListSigningCertificatesRequest$ = [
  3,
  n0,
  _LSCRis,
  0,
  [_UN, _Ma, _MI],
  [0, 0, 1]
];
var ListSigningCertificatesResponse$ = [
  3,
  n0,
  _LSCRist,
  0,
  [_Cer, _IT, _Ma],
  [() => certificateListType, 2, 0],
  1
];
var ListSSHPublicKeysRequest$ = [
  3,
  n0,
  _LSSHPKR,
  0,
  [_UN, _Ma, _MI],
  [0, 0, 1]
];
var ListSSHPublicKeysResponse$ = [
  3,
  n0,
  _LSSHPKRi,
  0,
  [_SSHPKu, _IT, _Ma],
  [() => SSHPublicKeyListType, 2, 0]
];
var ListUserPoliciesRequest$ = [
  3,
  n0,
  _LUPR,
  0,
  [_UN, _Ma, _MI],
  [0, 0, 1],
  1
];
var ListUserPoliciesResponse$ = [
  3,
  n0,
  _LUPRi,
  0,
  [_PNo, _IT, _Ma],
  [64 | 0, 2, 0],
  1
];
var ListUsersRequest$ = [
  3,
  n0,
  _LUR,
  0,
  [_PPat, _Ma, _MI],
  [0, 0, 1]
];
var ListUsersResponse$ = [
  3,
  n0,
  _LURi,
  0,
  [_Use, _IT, _Ma],
  [() => userListType, 2, 0],
  1
];
var ListUserTagsRequest$ = [
  3,
  n0,
  _LUTR,
  0,
  [_UN, _Ma, _MI],
  [0, 0, 1],
  1
];
var ListUserTagsResponse$ = [
  3,
  n0,
  _LUTRi,
  0,
  [_T, _IT, _Ma],
  [() => tagListType, 2, 0],
  1
];
var ListVirtualMFADevicesRequest$ = [
  3,
  n0,
  _LVMFADR,
  0,
  [_AS, _Ma, _MI],
  [0, 0, 1]
];
var ListVirtualMFADevicesResponse$ = [
  3,
  n0,
  _LVMFADRi,
  0,
  [_VMFADi, _IT, _Ma],
  [[() => virtualMFADeviceListType, 0], 2, 0],
  1
];
var LoginProfile$ = [
  3,
  n0,
  _LP,
  0,
  [_UN, _CD, _PRR, _MSSD],
  [0, 4, 2, 1],
  2
];
var ManagedPolicyDetail$ = [
  3,
  n0,
  _MPD,
  0,
  [_PN, _PI, _A, _Pa, _DVI, _ACt, _PBUC, _IA, _D, _CD, _UD, _PVL],
  [0, 0, 0, 0, 0, 1, 1, 2, 0, 4, 4, () => policyDocumentVersionListType]
];
var MFADevice$ = [
  3,
  n0,
  _MFADe,
  0,
  [_UN, _SNer, _EDn],
  [0, 0, 4],
  3
];
var OpenIDConnectProviderListEntry$ = [
  3,
  n0,
  _OIDCPLE,
  0,
  [_A, _ITIPE],
  [0, 2]
];
var OrderedOrganizationPolicyType$ = [
  3,
  n0,
  _OOPT,
  0,
  [_SCPIL],
  [64 | 0]
];
var OrganizationsDecisionDetail$ = [
  3,
  n0,
  _ODD,
  0,
  [_ABO],
  [2]
];
var ParameterDefinition$ = [
  3,
  n0,
  _PDa,
  0,
  [_N, _Ty, _ST, _D, _IR, _DV, _Im],
  [0, 0, 0, 0, 2, 0, 2],
  2
];
var PasswordPolicy$ = [
  3,
  n0,
  _PPa,
  0,
  [_MPL, _RS, _RNeq, _RUC, _RLC, _AUTCP, _EPx, _MPA, _PRP, _HE],
  [1, 2, 2, 2, 2, 2, 2, 1, 1, 2]
];
var PermissionsBoundaryDecisionDetail$ = [
  3,
  n0,
  _PBDD,
  0,
  [_ABPB],
  [2]
];
var Policy$ = [
  3,
  n0,
  _Po,
  0,
  [_PN, _PI, _A, _Pa, _DVI, _ACt, _PBUC, _IA, _D, _CD, _UD, _T],
  [0, 0, 0, 0, 0, 1, 1, 2, 0, 4, 4, () => tagListType]
];
var PolicyDetail$ = [
  3,
  n0,
  _PDo,
  0,
  [_PN, _PD],
  [0, 0]
];
var PolicyGrantingServiceAccess$ = [
  3,
  n0,
  _PGSAo,
  0,
  [_PN, _PT, _PA, _ETn, _EN],
  [0, 0, 0, 0, 0],
  2
];
var PolicyGroup$ = [
  3,
  n0,
  _PGo,
  0,
  [_GN, _GI],
  [0, 0]
];
var PolicyParameter$ = [
  3,
  n0,
  _PPo,
  0,
  [_N, _Va, _Ty],
  [0, 64 | 0, 0]
];
var PolicyRole$ = [
  3,
  n0,
  _PRo,
  0,
  [_RN, _RIo],
  [0, 0]
];
var PolicyUser$ = [
  3,
  n0,
  _PUo,
  0,
  [_UN, _UI],
  [0, 0]
];
var PolicyVersion$ = [
  3,
  n0,
  _PV,
  0,
  [_Do, _VI, _IDV, _CD],
  [0, 0, 2, 4]
];
var Position$ = [
  3,
  n0,
  _Pos,
  0,
  [_Li, _Col],
  [1, 1]
];
var PutAccountPropertiesRequest$ = [
  3,
  n0,
  _PAPR,
  0,
  [_Pr],
  [128 | 0],
  1
];
var PutAccountPropertiesResponse$ = [
  3,
  n0,
  _PAPRu,
  0,
  [],
  []
];
var PutGroupPolicyRequest$ = [
  3,
  n0,
  _PGPR,
  0,
  [_GN, _PN, _PD],
  [0, 0, 0],
  3
];
var PutRolePermissionsBoundaryRequest$ = [
  3,
  n0,
  _PRPBR,
  0,
  [_RN, _PB],
  [0, 0],
  2
];
var PutRolePolicyRequest$ = [
  3,
  n0,
  _PRPR,
  0,
  [_RN, _PN, _PD],
  [0, 0, 0],
  3
];
var PutUserPermissionsBoundaryRequest$ = [
  3,
  n0,
  _PUPBR,
  0,
  [_UN, _PB],
  [0, 0],
  2
];
var PutUserPolicyRequest$ = [
  3,
  n0,
  _PUPR,
  0,
  [_UN, _PN, _PD],
  [0, 0, 0],
  3
];
var RejectDelegationRequestRequest$ = [
  3,
  n0,
  _RDRR,
  0,
  [_DRI, _No],
  [0, 0],
  1
];
var RemoveClientIDFromOpenIDConnectProviderRequest$ = [
  3,
  n0,
  _RCIDFOIDCPR,
  0,
  [_OIDCPA, _CID],
  [0, 0],
  2
];
var RemoveRoleFromInstanceProfileRequest$ = [
  3,
  n0,
  _RRFIPR,
  0,
  [_IPN, _RN],
  [0, 0],
  2
];
var RemoveUserFromGroupRequest$ = [
  3,
  n0,
  _RUFGR,
  0,
  [_GN, _UN],
  [0, 0],
  2
];
var ReplacementValueEntry$ = [
  3,
  n0,
  _RVE,
  0,
  [_Va],
  [64 | 0],
  1
];
var ResetServiceSpecificCredentialRequest$ = [
  3,
  n0,
  _RSSCR,
  0,
  [_SSCI, _UN],
  [0, 0],
  1
];
var ResetServiceSpecificCredentialResponse$ = [
  3,
  n0,
  _RSSCRe,
  0,
  [_SSC],
  [[() => ServiceSpecificCredential$, 0]]
];
var ResourceSpecificResult$ = [
  3,
  n0,
  _RSRe,
  0,
  [_ERN, _ERD, _MS, _MCV, _EDD, _PBDD],
  [0, 0, () => StatementListType, 64 | 0, 128 | 0, () => PermissionsBoundaryDecisionDetail$],
  2
];
var ResyncMFADeviceRequest$ = [
  3,
  n0,
  _RMFADR,
  0,
  [_UN, _SNer, _AC, _ACu],
  [0, 0, 0, 0],
  4
];
var Role$ = [
  3,
  n0,
  _Ro,
  0,
  [_Pa, _RN, _RIo, _A, _CD, _ARPD, _D, _MSD, _MSSD, _PB, _T, _RLU, _SRT],
  [0, 0, 0, 0, 4, 0, 0, 1, 1, () => AttachedPermissionsBoundary$, () => tagListType, () => RoleLastUsed$, () => SourceRoleTemplate$],
  5
];
var RoleDetail$ = [
  3,
  n0,
  _RD,
  0,
  [_Pa, _RN, _RIo, _A, _CD, _ARPD, _IPL, _RPL, _AMP, _PB, _T, _RLU],
  [0, 0, 0, 0, 4, 0, () => instanceProfileListType, () => policyDetailListType, () => attachedPoliciesListType, () => AttachedPermissionsBoundary$, () => tagListType, () => RoleLastUsed$]
];
var RoleLastUsed$ = [
  3,
  n0,
  _RLU,
  0,
  [_LUD, _R],
  [4, 0]
];
var RoleTemplateVersion$ = [
  3,
  n0,
  _RTV,
  0,
  [_TA, _TN, _TVI, _D, _MVa, _DMV, _MBT, _MBV, _Ena, _MV, _RNP, _RPP, _RDP, _ARPDT, _IPT, _MPAa, _PBAe, _PDar, _RTT, _MSD, _VE, _CT, _UTp],
  [0, 0, 0, 0, 1, 1, 0, 0, 2, 1, 0, 0, 0, 0, () => inlinePolicyTemplateListType, 64 | 0, 0, () => parametersDefinitionListType, () => tagTemplateListType, 1, 2, 4, 4]
];
var RoleUsageType$ = [
  3,
  n0,
  _RUT,
  0,
  [_R, _Res],
  [0, 64 | 0]
];
var SAMLKeyHashEntry$ = [
  3,
  n0,
  _SAMLKHE,
  0,
  [_IURL, _KH],
  [0, 64 | 0]
];
var SAMLPrivateKey$ = [
  3,
  n0,
  _SAMLPK,
  0,
  [_KI, _Ti],
  [0, 4]
];
var SAMLProviderListEntry$ = [
  3,
  n0,
  _SAMLPLE,
  0,
  [_A, _VU, _CD, _ITIPE],
  [0, 4, 4, 2]
];
var SendDelegationTokenRequest$ = [
  3,
  n0,
  _SDTR,
  0,
  [_DRI],
  [0],
  1
];
var ServerCertificate$ = [
  3,
  n0,
  _SCe,
  0,
  [_SCM, _CB, _CC, _T],
  [() => ServerCertificateMetadata$, 0, 0, () => tagListType],
  2
];
var ServerCertificateMetadata$ = [
  3,
  n0,
  _SCM,
  0,
  [_Pa, _SCN, _SCI, _A, _UDp, _Ex],
  [0, 0, 0, 0, 4, 4],
  4
];
var ServiceLastAccessed$ = [
  3,
  n0,
  _SLAe,
  0,
  [_SN, _SNe, _LA, _LAE, _LAR, _TAE, _TALA],
  [0, 0, 4, 0, 0, 1, () => TrackedActionsLastAccessed],
  2
];
var ServiceSpecificCredential$ = [
  3,
  n0,
  _SSC,
  0,
  [_CD, _SN, _SSCI, _UN, _S, _EDx, _SUN, _SP, _SCA, _SCS],
  [4, 0, 0, 0, 0, 4, 0, [() => servicePassword, 0], 0, [() => serviceCredentialSecret, 0]],
  5
];
var ServiceSpecificCredentialMetadata$ = [
  3,
  n0,
  _SSCM,
  0,
  [_UN, _S, _CD, _SSCI, _SN, _SUN, _SCA, _EDx],
  [0, 0, 4, 0, 0, 0, 0, 4],
  5
];
var SetDefaultPolicyVersionRequest$ = [
  3,
  n0,
  _SDPVR,
  0,
  [_PA, _VI],
  [0, 0],
  2
];
var SetSecurityTokenServicePreferencesRequest$ = [
  3,
  n0,
  _SSTSPR,
  0,
  [_GETV],
  [0],
  1
];
var SigningCertificate$ = [
  3,
  n0,
  _SCi,
  0,
  [_UN, _CI, _CB, _S, _UDp],
  [0, 0, 0, 0, 4],
  4
];
var SimulateCustomPolicyRequest$ = [
  3,
  n0,
  _SCPR,
  0,
  [_PIL, _ANc, _PBPIL, _OOPIL, _RA, _RP, _RO, _CA, _CEo, _RHO, _MI, _Ma],
  [64 | 0, 64 | 0, 64 | 0, () => OrganizationPolicyListType, 64 | 0, 0, 0, 0, () => ContextEntryListType, 0, 1, 0],
  2
];
var SimulatePolicyResponse$ = [
  3,
  n0,
  _SPR,
  0,
  [_ERv, _IT, _Ma],
  [() => EvaluationResultsListType, 2, 0]
];
var SimulatePrincipalPolicyRequest$ = [
  3,
  n0,
  _SPPR,
  0,
  [_PSA, _ANc, _PIL, _PBPIL, _PEL, _RA, _RP, _RO, _CA, _CEo, _RHO, _MI, _Ma],
  [0, 64 | 0, 64 | 0, 64 | 0, () => PolicyExclusionsListType, 64 | 0, 0, 0, 0, () => ContextEntryListType, 0, 1, 0],
  2
];
var SourceRoleTemplate$ = [
  3,
  n0,
  _SRT,
  0,
  [_TA, _TMV],
  [0, 1],
  2
];
var SSHPublicKey$ = [
  3,
  n0,
  _SSHPK,
  0,
  [_UN, _SSHPKI, _Fi, _SSHPKB, _S, _UDp],
  [0, 0, 0, 0, 0, 4],
  5
];
var SSHPublicKeyMetadata$ = [
  3,
  n0,
  _SSHPKM,
  0,
  [_UN, _SSHPKI, _S, _UDp],
  [0, 0, 0, 4],
  4
];
var Statement$ = [
  3,
  n0,
  _Sta,
  0,
  [_SPI, _SPT, _SPt, _EPn],
  [0, 0, () => Position$, () => Position$]
];
var Tag$ = [
  3,
  n0,
  _Ta,
  0,
  [_K, _Val],
  [0, 0],
  2
];
var TagInstanceProfileRequest$ = [
  3,
  n0,
  _TIPR,
  0,
  [_IPN, _T],
  [0, () => tagListType],
  2
];
var TagMFADeviceRequest$ = [
  3,
  n0,
  _TMFADR,
  0,
  [_SNer, _T],
  [0, () => tagListType],
  2
];
var TagOpenIDConnectProviderRequest$ = [
  3,
  n0,
  _TOIDCPR,
  0,
  [_OIDCPA, _T],
  [0, () => tagListType],
  2
];
var TagPolicyRequest$ = [
  3,
  n0,
  _TPR,
  0,
  [_PA, _T],
  [0, () => tagListType],
  2
];
var TagRoleRequest$ = [
  3,
  n0,
  _TRR,
  0,
  [_RN, _T],
  [0, () => tagListType],
  2
];
var TagSAMLProviderRequest$ = [
  3,
  n0,
  _TSAMLPR,
  0,
  [_SAMLPA, _T],
  [0, () => tagListType],
  2
];
var TagServerCertificateRequest$ = [
  3,
  n0,
  _TSCR,
  0,
  [_SCN, _T],
  [0, () => tagListType],
  2
];
var TagTemplate$ = [
  3,
  n0,
  _TT,
  0,
  [_K, _Val],
  [0, 0],
  2
];
var TagUserRequest$ = [
  3,
  n0,
  _TUR,
  0,
  [_UN, _T],
  [0, () => tagListType],
  2
];
var TrackedActionLastAccessed$ = [
  3,
  n0,
  _TALAr,
  0,
  [_ANct, _LAEa, _LATa, _LARa],
  [0, 0, 4, 0]
];
var UntagInstanceProfileRequest$ = [
  3,
  n0,
  _UIPR,
  0,
  [_IPN, _TKa],
  [0, 64 | 0],
  2
];
var UntagMFADeviceRequest$ = [
  3,
  n0,
  _UMFADR,
  0,
  [_SNer, _TKa],
  [0, 64 | 0],
  2
];
var UntagOpenIDConnectProviderRequest$ = [
  3,
  n0,
  _UOIDCPR,
  0,
  [_OIDCPA, _TKa],
  [0, 64 | 0],
  2
];
var UntagPolicyRequest$ = [
  3,
  n0,
  _UPR,
  0,
  [_PA, _TKa],
  [0, 64 | 0],
  2
];
var UntagRoleRequest$ = [
  3,
  n0,
  _URR,
  0,
  [_RN, _TKa],
  [0, 64 | 0],
  2
];
var UntagSAMLProviderRequest$ = [
  3,
  n0,
  _USAMLPR,
  0,
  [_SAMLPA, _TKa],
  [0, 64 | 0],
  2
];
var UntagServerCertificateRequest$ = [
  3,
  n0,
  _USCR,
  0,
  [_SCN, _TKa],
  [0, 64 | 0],
  2
];
var UntagUserRequest$ = [
  3,
  n0,
  _UUR,
  0,
  [_UN, _TKa],
  [0, 64 | 0],
  2
];
var UpdateAccessKeyRequest$ = [
  3,
  n0,
  _UAKR,
  0,
  [_AKI, _S, _UN],
  [0, 0, 0],
  2
];
var UpdateAccountPasswordPolicyRequest$ = [
  3,
  n0,
  _UAPPR,
  0,
  [_MPL, _RS, _RNeq, _RUC, _RLC, _AUTCP, _MPA, _PRP, _HE],
  [1, 2, 2, 2, 2, 2, 1, 1, 2]
];
var UpdateAssumeRolePolicyRequest$ = [
  3,
  n0,
  _UARPR,
  0,
  [_RN, _PD],
  [0, 0],
  2
];
var UpdateDelegationRequestRequest$ = [
  3,
  n0,
  _UDRR,
  0,
  [_DRI, _No],
  [0, 0],
  1
];
var UpdateGroupRequest$ = [
  3,
  n0,
  _UGR,
  0,
  [_GN, _NPe, _NGN],
  [0, 0, 0],
  1
];
var UpdateLoginProfileRequest$ = [
  3,
  n0,
  _ULPR,
  0,
  [_UN, _Pas, _PRR, _MSSD, _RMSSD],
  [0, [() => passwordType, 0], 2, 1, 2],
  1
];
var UpdateOpenIDConnectProviderRequest$ = [
  3,
  n0,
  _UOIDCPRp,
  0,
  [_OIDCPA, _CP, _ICIA, _RCP, _RICI],
  [0, () => ContextProvider$, 0, 2, 2],
  1
];
var UpdateOpenIDConnectProviderThumbprintRequest$ = [
  3,
  n0,
  _UOIDCPTR,
  0,
  [_OIDCPA, _TL],
  [0, 64 | 0],
  2
];
var UpdateRoleDescriptionRequest$ = [
  3,
  n0,
  _URDR,
  0,
  [_RN, _D],
  [0, 0],
  2
];
var UpdateRoleDescriptionResponse$ = [
  3,
  n0,
  _URDRp,
  0,
  [_Ro],
  [() => Role$]
];
var UpdateRoleRequest$ = [
  3,
  n0,
  _URRp,
  0,
  [_RN, _D, _MSD, _MSSD, _RMSSD],
  [0, 0, 1, 1, 2],
  1
];
var UpdateRoleResponse$ = [
  3,
  n0,
  _URRpd,
  0,
  [],
  []
];
var UpdateSAMLProviderRequest$ = [
  3,
  n0,
  _USAMLPRp,
  0,
  [_SAMLPA, _SAMLMD, _AEM, _APK, _RPK, _CP, _ICIA, _RCP, _RICI],
  [0, 0, 0, [() => privateKeyType, 0], 0, () => ContextProvider$, 0, 2, 2],
  1
];
var UpdateSAMLProviderResponse$ = [
  3,
  n0,
  _USAMLPRpd,
  0,
  [_SAMLPA],
  [0]
];
var UpdateServerCertificateRequest$ = [
  3,
  n0,
  _USCRp,
  0,
  [_SCN, _NPe, _NSCN],
  [0, 0, 0],
  1
];
var UpdateServiceSpecificCredentialRequest$ = [
  3,
  n0,
  _USSCR,
  0,
  [_SSCI, _S, _UN],
  [0, 0, 0],
  2
];
var UpdateSigningCertificateRequest$ = [
  3,
  n0,
  _USCRpd,
  0,
  [_CI, _S, _UN],
  [0, 0, 0],
  2
];
var UpdateSSHPublicKeyRequest$ = [
  3,
  n0,
  _USSHPKR,
  0,
  [_UN, _SSHPKI, _S],
  [0, 0, 0],
  3
];
var UpdateUserRequest$ = [
  3,
  n0,
  _UURp,
  0,
  [_UN, _NPe, _NUN],
  [0, 0, 0],
  1
];
var UploadServerCertificateRequest$ = [
  3,
  n0,
  _USCRpl,
  0,
  [_SCN, _CB, _PK, _Pa, _CC, _T],
  [0, 0, [() => privateKeyType, 0], 0, 0, () => tagListType],
  3
];
var UploadServerCertificateResponse$ = [
  3,
  n0,
  _USCRplo,
  0,
  [_SCM, _T],
  [() => ServerCertificateMetadata$, () => tagListType]
];
var UploadSigningCertificateRequest$ = [
  3,
  n0,
  _USCRploa,
  0,
  [_CB, _UN],
  [0, 0],
  1
];
var UploadSigningCertificateResponse$ = [
  3,
  n0,
  _USCRpload,
  0,
  [_Cert],
  [() => SigningCertificate$],
  1
];
var UploadSSHPublicKeyRequest$ = [
  3,
  n0,
  _USSHPKRp,
  0,
  [_UN, _SSHPKB],
  [0, 0],
  2
];
var UploadSSHPublicKeyResponse$ = [
  3,
  n0,
  _USSHPKRpl,
  0,
  [_SSHPK],
  [() => SSHPublicKey$]
];
var User$ = [
  3,
  n0,
  _Us,
  0,
  [_Pa, _UN, _UI, _A, _CD, _PLU, _PB, _T],
  [0, 0, 0, 0, 4, 4, () => AttachedPermissionsBoundary$, () => tagListType],
  5
];
var UserDetail$ = [
  3,
  n0,
  _UDs,
  0,
  [_Pa, _UN, _UI, _A, _CD, _UPL, _GL, _AMP, _PB, _T],
  [0, 0, 0, 0, 4, () => policyDetailListType, 64 | 0, () => attachedPoliciesListType, () => AttachedPermissionsBoundary$, () => tagListType]
];
var VirtualMFADevice$ = [
  3,
  n0,
  _VMFAD,
  0,
  [_SNer, _BSS, _QRCPNG, _Us, _EDn, _T],
  [0, [() => BootstrapDatum, 0], [() => BootstrapDatum, 0], () => User$, 4, () => tagListType],
  1
];
var __Unit = "unit";
var AccessDetails = [
  1,
  n0,
  _ADc,
  0,
  () => AccessDetail$
];
var accessKeyMetadataListType = [
  1,
  n0,
  _aKMLT,
  0,
  () => AccessKeyMetadata$
];
var accountAliasListType = 64 | 0;
var ActionNameListType = 64 | 0;
var ArnListType = 64 | 0;
var attachedPoliciesListType = [
  1,
  n0,
  _aPLT,
  0,
  () => AttachedPolicy$
];
var certificateListType = [
  1,
  n0,
  _cLT,
  0,
  () => SigningCertificate$
];
var clientIDListType = 64 | 0;
var ContextEntryListType = [
  1,
  n0,
  _CELT,
  0,
  () => ContextEntry$
];
var ContextKeyNamesResultListType = 64 | 0;
var ContextKeyValueListType = 64 | 0;
var delegationRequestsListType = [
  1,
  n0,
  _dRLT,
  0,
  () => DelegationRequest$
];
var entityDetailsListType = [
  1,
  n0,
  _eDLT,
  0,
  () => EntityDetails$
];
var entityListType = 64 | 0;
var EvaluationResultsListType = [
  1,
  n0,
  _ERLT,
  0,
  () => EvaluationResult$
];
var FeaturesListType = 64 | 0;
var groupDetailListType = [
  1,
  n0,
  _gDLT,
  0,
  () => GroupDetail$
];
var groupListType = [
  1,
  n0,
  _gLT,
  0,
  () => Group$
];
var groupNameListType = 64 | 0;
var inlinePolicyTemplateListType = [
  1,
  n0,
  _iPTLT,
  0,
  () => InlinePolicy$
];
var instanceProfileListType = [
  1,
  n0,
  _iPLT,
  0,
  () => InstanceProfile$
];
var keyDefinitionListType = [
  1,
  n0,
  _kDLT,
  0,
  () => ContextProviderKeyDefinition$
];
var KeyHashListType = 64 | 0;
var listPolicyGrantingServiceAccessResponseListType = [
  1,
  n0,
  _lPGSARLT,
  0,
  () => ListPoliciesGrantingServiceAccessEntry$
];
var managedPolicyArnListType = 64 | 0;
var ManagedPolicyDetailListType = [
  1,
  n0,
  _MPDLT,
  0,
  () => ManagedPolicyDetail$
];
var mfaDeviceListType = [
  1,
  n0,
  _mDLT,
  0,
  () => MFADevice$
];
var OpenIDConnectProviderListType = [
  1,
  n0,
  _OIDCPLT,
  0,
  () => OpenIDConnectProviderListEntry$
];
var OrganizationPolicyListType = [
  1,
  n0,
  _OPLT,
  0,
  () => OrderedOrganizationPolicyType$
];
var parametersDefinitionListType = [
  1,
  n0,
  _pDLT,
  0,
  () => ParameterDefinition$
];
var policyDetailListType = [
  1,
  n0,
  _pDLTo,
  0,
  () => PolicyDetail$
];
var policyDocumentVersionListType = [
  1,
  n0,
  _pDVLT,
  0,
  () => PolicyVersion$
];
var PolicyExclusionsListType = [
  1,
  n0,
  _PELT,
  0,
  () => PolicyIdentifier$
];
var policyGrantingServiceAccessListType = [
  1,
  n0,
  _pGSALT,
  0,
  () => PolicyGrantingServiceAccess$
];
var PolicyGroupListType = [
  1,
  n0,
  _PGLT,
  0,
  () => PolicyGroup$
];
var policyListType = [
  1,
  n0,
  _pLT,
  0,
  () => Policy$
];
var policyNameListType = 64 | 0;
var policyParameterListType = [
  1,
  n0,
  _pPLT,
  0,
  () => PolicyParameter$
];
var policyParameterValuesListType = 64 | 0;
var PolicyRoleListType = [
  1,
  n0,
  _PRLT,
  0,
  () => PolicyRole$
];
var PolicyUserListType = [
  1,
  n0,
  _PULT,
  0,
  () => PolicyUser$
];
var privateKeyList = [
  1,
  n0,
  _pKL,
  0,
  () => SAMLPrivateKey$
];
var replacementValueListType = 64 | 0;
var ResourceNameListType = 64 | 0;
var ResourceSpecificResultListType = [
  1,
  n0,
  _RSRLT,
  0,
  () => ResourceSpecificResult$
];
var roleDetailListType = [
  1,
  n0,
  _rDLT,
  0,
  () => RoleDetail$
];
var roleListType = [
  1,
  n0,
  _rLT,
  0,
  () => Role$
];
var rolePermissionRestrictionArnListType = 64 | 0;
var RoleUsageListType = [
  1,
  n0,
  _RULT,
  0,
  () => RoleUsageType$
];
var SAMLKeyHashListType = [
  1,
  n0,
  _SAMLKHLT,
  0,
  () => SAMLKeyHashEntry$
];
var SAMLProviderListType = [
  1,
  n0,
  _SAMLPLT,
  0,
  () => SAMLProviderListEntry$
];
var serverCertificateMetadataListType = [
  1,
  n0,
  _sCMLT,
  0,
  () => ServerCertificateMetadata$
];
var serviceNamespaceListType = 64 | 0;
var ServicesLastAccessed = [
  1,
  n0,
  _SLA,
  0,
  () => ServiceLastAccessed$
];
var ServiceSpecificCredentialsListType = [
  1,
  n0,
  _SSCLT,
  0,
  () => ServiceSpecificCredentialMetadata$
];
var SimulationPolicyListType = 64 | 0;
var SSHPublicKeyListType = [
  1,
  n0,
  _SSHPKLT,
  0,
  () => SSHPublicKeyMetadata$
];
var StatementListType = [
  1,
  n0,
  _SLT,
  0,
  () => Statement$
];
var tagKeyListType = 64 | 0;
var tagListType = [
  1,
  n0,
  _tLT,
  0,
  () => Tag$
];
var tagTemplateListType = [
  1,
  n0,
  _tTLT,
  0,
  () => TagTemplate$
];
var thumbprintListType = 64 | 0;
var TrackedActionsLastAccessed = [
  1,
  n0,
  _TALA,
  0,
  () => TrackedActionLastAccessed$
];
var userDetailListType = [
  1,
  n0,
  _uDLT,
  0,
  () => UserDetail$
];
var userListType = [
  1,
  n0,
  _uLT,
  0,
  () => User$
];
var virtualMFADeviceListType = [
  1,
  n0,
  _vMFADLT,
  0,
  [
    () => VirtualMFADevice$,
    0
  ]
];
var accountPropertiesMapType = 128 | 0;
var CertificationMapType = 128 | 0;
var EvalDecisionDetailsType = 128 | 0;
var mapStringReplacementValueEntry = [
  2,
  n0,
  _mSRVE,
  0,
  0,
  () => ReplacementValueEntry$
];
var summaryMapType = 128 | 1;
var PolicyIdentifier$ = [
  4,
  n0,
  _PIo,
  0,
  [_PT, _PA, _IPIn],
  [0, 0, () => InlinePolicyIdentifierType$]
];
var AcceptDelegationRequest$ = [
  9,
  n0,
  _ADR,
  0,
  () => AcceptDelegationRequestRequest$,
  () => __Unit
];
var AcquireRole$ = [
  9,
  n0,
  _AR,
  0,
  () => AcquireRoleRequest$,
  () => AcquireRoleResponse$
];
var AddClientIDToOpenIDConnectProvider$ = [
  9,
  n0,
  _ACIDTOIDCP,
  0,
  () => AddClientIDToOpenIDConnectProviderRequest$,
  () => __Unit
];
var AddRoleToInstanceProfile$ = [
  9,
  n0,
  _ARTIP,
  0,
  () => AddRoleToInstanceProfileRequest$,
  () => __Unit
];
var AddUserToGroup$ = [
  9,
  n0,
  _AUTG,
  0,
  () => AddUserToGroupRequest$,
  () => __Unit
];
var AssociateDelegationRequest$ = [
  9,
  n0,
  _ADRs,
  0,
  () => AssociateDelegationRequestRequest$,
  () => __Unit
];
var AttachGroupPolicy$ = [
  9,
  n0,
  _AGP,
  0,
  () => AttachGroupPolicyRequest$,
  () => __Unit
];
var AttachRolePolicy$ = [
  9,
  n0,
  _ARP,
  0,
  () => AttachRolePolicyRequest$,
  () => __Unit
];
var AttachUserPolicy$ = [
  9,
  n0,
  _AUP,
  0,
  () => AttachUserPolicyRequest$,
  () => __Unit
];
var ChangePassword$ = [
  9,
  n0,
  _CPh,
  0,
  () => ChangePasswordRequest$,
  () => __Unit
];
var CreateAccessKey$ = [
  9,
  n0,
  _CAK,
  0,
  () => CreateAccessKeyRequest$,
  () => CreateAccessKeyResponse$
];
var CreateAccountAlias$ = [
  9,
  n0,
  _CAA,
  0,
  () => CreateAccountAliasRequest$,
  () => __Unit
];
var CreateDelegationRequest$ = [
  9,
  n0,
  _CDR,
  0,
  () => CreateDelegationRequestRequest$,
  () => CreateDelegationRequestResponse$
];
var CreateGroup$ = [
  9,
  n0,
  _CG,
  0,
  () => CreateGroupRequest$,
  () => CreateGroupResponse$
];
var CreateInstanceProfile$ = [
  9,
  n0,
  _CIP,
  0,
  () => CreateInstanceProfileRequest$,
  () => CreateInstanceProfileResponse$
];
var CreateLoginProfile$ = [
  9,
  n0,
  _CLP,
  0,
  () => CreateLoginProfileRequest$,
  () => CreateLoginProfileResponse$
];
var CreateOpenIDConnectProvider$ = [
  9,
  n0,
  _COIDCP,
  0,
  () => CreateOpenIDConnectProviderRequest$,
  () => CreateOpenIDConnectProviderResponse$
];
var CreatePolicy$ = [
  9,
  n0,
  _CPr,
  0,
  () => CreatePolicyRequest$,
  () => CreatePolicyResponse$
];
var CreatePolicyVersion$ = [
  9,
  n0,
  _CPV,
  0,
  () => CreatePolicyVersionRequest$,
  () => CreatePolicyVersionResponse$
];
var CreateRole$ = [
  9,
  n0,
  _CR,
  0,
  () => CreateRoleRequest$,
  () => CreateRoleResponse$
];
var CreateSAMLProvider$ = [
  9,
  n0,
  _CSAMLP,
  0,
  () => CreateSAMLProviderRequest$,
  () => CreateSAMLProviderResponse$
];
var CreateServiceLinkedRole$ = [
  9,
  n0,
  _CSLR,
  0,
  () => CreateServiceLinkedRoleRequest$,
  () => CreateServiceLinkedRoleResponse$
];
var CreateServiceSpecificCredential$ = [
  9,
  n0,
  _CSSC,
  0,
  () => CreateServiceSpecificCredentialRequest$,
  () => CreateServiceSpecificCredentialResponse$
];
var CreateUser$ = [
  9,
  n0,
  _CU,
  0,
  () => CreateUserRequest$,
  () => CreateUserResponse$
];
var CreateVirtualMFADevice$ = [
  9,
  n0,
  _CVMFAD,
  0,
  () => CreateVirtualMFADeviceRequest$,
  () => CreateVirtualMFADeviceResponse$
];
var DeactivateMFADevice$ = [
  9,
  n0,
  _DMFAD,
  0,
  () => DeactivateMFADeviceRequest$,
  () => __Unit
];
var DeleteAccessKey$ = [
  9,
  n0,
  _DAK,
  0,
  () => DeleteAccessKeyRequest$,
  () => __Unit
];
var DeleteAccountAlias$ = [
  9,
  n0,
  _DAA,
  0,
  () => DeleteAccountAliasRequest$,
  () => __Unit
];
var DeleteAccountPasswordPolicy$ = [
  9,
  n0,
  _DAPP,
  0,
  () => __Unit,
  () => __Unit
];
var DeleteGroup$ = [
  9,
  n0,
  _DG,
  0,
  () => DeleteGroupRequest$,
  () => __Unit
];
var DeleteGroupPolicy$ = [
  9,
  n0,
  _DGP,
  0,
  () => DeleteGroupPolicyRequest$,
  () => __Unit
];
var DeleteInstanceProfile$ = [
  9,
  n0,
  _DIP,
  0,
  () => DeleteInstanceProfileRequest$,
  () => __Unit
];
var DeleteLoginProfile$ = [
  9,
  n0,
  _DLP,
  0,
  () => DeleteLoginProfileRequest$,
  () => __Unit
];
var DeleteOpenIDConnectProvider$ = [
  9,
  n0,
  _DOIDCP,
  0,
  () => DeleteOpenIDConnectProviderRequest$,
  () => __Unit
];
var DeletePolicy$ = [
  9,
  n0,
  _DPe,
  0,
  () => DeletePolicyRequest$,
  () => __Unit
];
var DeletePolicyVersion$ = [
  9,
  n0,
  _DPV,
  0,
  () => DeletePolicyVersionRequest$,
  () => __Unit
];
var DeleteRole$ = [
  9,
  n0,
  _DRel,
  0,
  () => DeleteRoleRequest$,
  () => __Unit
];
var DeleteRolePermissionsBoundary$ = [
  9,
  n0,
  _DRPB,
  0,
  () => DeleteRolePermissionsBoundaryRequest$,
  () => __Unit
];
var DeleteRolePolicy$ = [
  9,
  n0,
  _DRP,
  0,
  () => DeleteRolePolicyRequest$,
  () => __Unit
];
var DeleteSAMLProvider$ = [
  9,
  n0,
  _DSAMLP,
  0,
  () => DeleteSAMLProviderRequest$,
  () => __Unit
];
var DeleteServerCertificate$ = [
  9,
  n0,
  _DSC,
  0,
  () => DeleteServerCertificateRequest$,
  () => __Unit
];
var DeleteServiceLinkedRole$ = [
  9,
  n0,
  _DSLR,
  0,
  () => DeleteServiceLinkedRoleRequest$,
  () => DeleteServiceLinkedRoleResponse$
];
var DeleteServiceSpecificCredential$ = [
  9,
  n0,
  _DSSC,
  0,
  () => DeleteServiceSpecificCredentialRequest$,
  () => __Unit
];
var DeleteSigningCertificate$ = [
  9,
  n0,
  _DSCe,
  0,
  () => DeleteSigningCertificateRequest$,
  () => __Unit
];
var DeleteSSHPublicKey$ = [
  9,
  n0,
  _DSSHPK,
  0,
  () => DeleteSSHPublicKeyRequest$,
  () => __Unit
];
var DeleteUser$ = [
  9,
  n0,
  _DU,
  0,
  () => DeleteUserRequest$,
  () => __Unit
];
var DeleteUserPermissionsBoundary$ = [
  9,
  n0,
  _DUPB,
  0,
  () => DeleteUserPermissionsBoundaryRequest$,
  () => __Unit
];
var DeleteUserPolicy$ = [
  9,
  n0,
  _DUP,
  0,
  () => DeleteUserPolicyRequest$,
  () => __Unit
];
var DeleteVirtualMFADevice$ = [
  9,
  n0,
  _DVMFAD,
  0,
  () => DeleteVirtualMFADeviceRequest$,
  () => __Unit
];
var DetachGroupPolicy$ = [
  9,
  n0,
  _DGPe,
  0,
  () => DetachGroupPolicyRequest$,
  () => __Unit
];
var DetachRolePolicy$ = [
  9,
  n0,
  _DRPe,
  0,
  () => DetachRolePolicyRequest$,
  () => __Unit
];
var DetachUserPolicy$ = [
  9,
  n0,
  _DUPe,
  0,
  () => DetachUserPolicyRequest$,
  () => __Unit
];
var DisableOrganizationsRootCredentialsManagement$ = [
  9,
  n0,
  _DORCM,
  0,
  () => DisableOrganizationsRootCredentialsManagementRequest$,
  () => DisableOrganizationsRootCredentialsManagementResponse$
];
var DisableOrganizationsRootSessions$ = [
  9,
  n0,
  _DORS,
  0,
  () => DisableOrganizationsRootSessionsRequest$,
  () => DisableOrganizationsRootSessionsResponse$
];
var DisableOutboundWebIdentityFederation$ = [
  9,
  n0,
  _DOWIF,
  0,
  () => __Unit,
  () => __Unit
];
var EnableMFADevice$ = [
  9,
  n0,
  _EMFAD,
  0,
  () => EnableMFADeviceRequest$,
  () => __Unit
];
var EnableOrganizationsRootCredentialsManagement$ = [
  9,
  n0,
  _EORCM,
  0,
  () => EnableOrganizationsRootCredentialsManagementRequest$,
  () => EnableOrganizationsRootCredentialsManagementResponse$
];
var EnableOrganizationsRootSessions$ = [
  9,
  n0,
  _EORS,
  0,
  () => EnableOrganizationsRootSessionsRequest$,
  () => EnableOrganizationsRootSessionsResponse$
];
var EnableOutboundWebIdentityFederation$ = [
  9,
  n0,
  _EOWIF,
  0,
  () => __Unit,
  () => EnableOutboundWebIdentityFederationResponse$
];
var GenerateCredentialReport$ = [
  9,
  n0,
  _GCR,
  0,
  () => __Unit,
  () => GenerateCredentialReportResponse$
];
var GenerateOrganizationsAccessReport$ = [
  9,
  n0,
  _GOAR,
  0,
  () => GenerateOrganizationsAccessReportRequest$,
  () => GenerateOrganizationsAccessReportResponse$
];
var GenerateServiceLastAccessedDetails$ = [
  9,
  n0,
  _GSLAD,
  0,
  () => GenerateServiceLastAccessedDetailsRequest$,
  () => GenerateServiceLastAccessedDetailsResponse$
];
var GetAccessKeyLastUsed$ = [
  9,
  n0,
  _GAKLU,
  0,
  () => GetAccessKeyLastUsedRequest$,
  () => GetAccessKeyLastUsedResponse$
];
var GetAccountAuthorizationDetails$ = [
  9,
  n0,
  _GAAD,
  0,
  () => GetAccountAuthorizationDetailsRequest$,
  () => GetAccountAuthorizationDetailsResponse$
];
var GetAccountPasswordPolicy$ = [
  9,
  n0,
  _GAPP,
  0,
  () => __Unit,
  () => GetAccountPasswordPolicyResponse$
];
var GetAccountProperties$ = [
  9,
  n0,
  _GAP,
  0,
  () => GetAccountPropertiesRequest$,
  () => GetAccountPropertiesResponse$
];
var GetAccountSummary$ = [
  9,
  n0,
  _GAS,
  0,
  () => __Unit,
  () => GetAccountSummaryResponse$
];
var GetContextKeysForCustomPolicy$ = [
  9,
  n0,
  _GCKFCP,
  0,
  () => GetContextKeysForCustomPolicyRequest$,
  () => GetContextKeysForPolicyResponse$
];
var GetContextKeysForPrincipalPolicy$ = [
  9,
  n0,
  _GCKFPP,
  0,
  () => GetContextKeysForPrincipalPolicyRequest$,
  () => GetContextKeysForPolicyResponse$
];
var GetCredentialReport$ = [
  9,
  n0,
  _GCRe,
  0,
  () => __Unit,
  () => GetCredentialReportResponse$
];
var GetDelegationRequest$ = [
  9,
  n0,
  _GDR,
  0,
  () => GetDelegationRequestRequest$,
  () => GetDelegationRequestResponse$
];
var GetGroup$ = [
  9,
  n0,
  _GG,
  0,
  () => GetGroupRequest$,
  () => GetGroupResponse$
];
var GetGroupPolicy$ = [
  9,
  n0,
  _GGP,
  0,
  () => GetGroupPolicyRequest$,
  () => GetGroupPolicyResponse$
];
var GetHumanReadableSummary$ = [
  9,
  n0,
  _GHRS,
  0,
  () => GetHumanReadableSummaryRequest$,
  () => GetHumanReadableSummaryResponse$
];
var GetInstanceProfile$ = [
  9,
  n0,
  _GIP,
  0,
  () => GetInstanceProfileRequest$,
  () => GetInstanceProfileResponse$
];
var GetLoginProfile$ = [
  9,
  n0,
  _GLP,
  0,
  () => GetLoginProfileRequest$,
  () => GetLoginProfileResponse$
];
var GetMFADevice$ = [
  9,
  n0,
  _GMFAD,
  0,
  () => GetMFADeviceRequest$,
  () => GetMFADeviceResponse$
];
var GetOpenIDConnectProvider$ = [
  9,
  n0,
  _GOIDCP,
  0,
  () => GetOpenIDConnectProviderRequest$,
  () => GetOpenIDConnectProviderResponse$
];
var GetOrganizationsAccessReport$ = [
  9,
  n0,
  _GOARe,
  0,
  () => GetOrganizationsAccessReportRequest$,
  () => GetOrganizationsAccessReportResponse$
];
var GetOutboundWebIdentityFederationInfo$ = [
  9,
  n0,
  _GOWIFI,
  0,
  () => __Unit,
  () => GetOutboundWebIdentityFederationInfoResponse$
];
var GetPolicy$ = [
  9,
  n0,
  _GP,
  0,
  () => GetPolicyRequest$,
  () => GetPolicyResponse$
];
var GetPolicyVersion$ = [
  9,
  n0,
  _GPV,
  0,
  () => GetPolicyVersionRequest$,
  () => GetPolicyVersionResponse$
];
var GetRole$ = [
  9,
  n0,
  _GR,
  0,
  () => GetRoleRequest$,
  () => GetRoleResponse$
];
var GetRolePolicy$ = [
  9,
  n0,
  _GRP,
  0,
  () => GetRolePolicyRequest$,
  () => GetRolePolicyResponse$
];
var GetRoleTemplateVersion$ = [
  9,
  n0,
  _GRTV,
  0,
  () => GetRoleTemplateVersionRequest$,
  () => GetRoleTemplateVersionResponse$
];
var GetSAMLProvider$ = [
  9,
  n0,
  _GSAMLP,
  0,
  () => GetSAMLProviderRequest$,
  () => GetSAMLProviderResponse$
];
var GetServerCertificate$ = [
  9,
  n0,
  _GSC,
  0,
  () => GetServerCertificateRequest$,
  () => GetServerCertificateResponse$
];
var GetServiceLastAccessedDetails$ = [
  9,
  n0,
  _GSLADe,
  0,
  () => GetServiceLastAccessedDetailsRequest$,
  () => GetServiceLastAccessedDetailsResponse$
];
var GetServiceLastAccessedDetailsWithEntities$ = [
  9,
  n0,
  _GSLADWE,
  0,
  () => GetServiceLastAccessedDetailsWithEntitiesRequest$,
  () => GetServiceLastAccessedDetailsWithEntitiesResponse$
];
var GetServiceLinkedRoleDeletionStatus$ = [
  9,
  n0,
  _GSLRDS,
  0,
  () => GetServiceLinkedRoleDeletionStatusRequest$,
  () => GetServiceLinkedRoleDeletionStatusResponse$
];
var GetSSHPublicKey$ = [
  9,
  n0,
  _GSSHPK,
  0,
  () => GetSSHPublicKeyRequest$,
  () => GetSSHPublicKeyResponse$
];
var GetUser$ = [
  9,
  n0,
  _GU,
  0,
  () => GetUserRequest$,
  () => GetUserResponse$
];
var GetUserPolicy$ = [
  9,
  n0,
  _GUP,
  0,
  () => GetUserPolicyRequest$,
  () => GetUserPolicyResponse$
];
var ListAccessKeys$ = [
  9,
  n0,
  _LAK,
  0,
  () => ListAccessKeysRequest$,
  () => ListAccessKeysResponse$
];
var ListAccountAliases$ = [
  9,
  n0,
  _LAA,
  0,
  () => ListAccountAliasesRequest$,
  () => ListAccountAliasesResponse$
];
var ListAttachedGroupPolicies$ = [
  9,
  n0,
  _LAGP,
  0,
  () => ListAttachedGroupPoliciesRequest$,
  () => ListAttachedGroupPoliciesResponse$
];
var ListAttachedRolePolicies$ = [
  9,
  n0,
  _LARP,
  0,
  () => ListAttachedRolePoliciesRequest$,
  () => ListAttachedRolePoliciesResponse$
];
var ListAttachedUserPolicies$ = [
  9,
  n0,
  _LAUP,
  0,
  () => ListAttachedUserPoliciesRequest$,
  () => ListAttachedUserPoliciesResponse$
];
var ListDelegationRequests$ = [
  9,
  n0,
  _LDR,
  0,
  () => ListDelegationRequestsRequest$,
  () => ListDelegationRequestsResponse$
];
var ListEntitiesForPolicy$ = [
  9,
  n0,
  _LEFP,
  0,
  () => ListEntitiesForPolicyRequest$,
  () => ListEntitiesForPolicyResponse$
];
var ListGroupPolicies$ = [
  9,
  n0,
  _LGP,
  0,
  () => ListGroupPoliciesRequest$,
  () => ListGroupPoliciesResponse$
];
var ListGroups$ = [
  9,
  n0,
  _LG,
  0,
  () => ListGroupsRequest$,
  () => ListGroupsResponse$
];
var ListGroupsForUser$ = [
  9,
  n0,
  _LGFU,
  0,
  () => ListGroupsForUserRequest$,
  () => ListGroupsForUserResponse$
];
var ListInstanceProfiles$ = [
  9,
  n0,
  _LIP,
  0,
  () => ListInstanceProfilesRequest$,
  () => ListInstanceProfilesResponse$
];
var ListInstanceProfilesForRole$ = [
  9,
  n0,
  _LIPFR,
  0,
  () => ListInstanceProfilesForRoleRequest$,
  () => ListInstanceProfilesForRoleResponse$
];
var ListInstanceProfileTags$ = [
  9,
  n0,
  _LIPT,
  0,
  () => ListInstanceProfileTagsRequest$,
  () => ListInstanceProfileTagsResponse$
];
var ListMFADevices$ = [
  9,
  n0,
  _LMFAD,
  0,
  () => ListMFADevicesRequest$,
  () => ListMFADevicesResponse$
];
var ListMFADeviceTags$ = [
  9,
  n0,
  _LMFADT,
  0,
  () => ListMFADeviceTagsRequest$,
  () => ListMFADeviceTagsResponse$
];
var ListOpenIDConnectProviders$ = [
  9,
  n0,
  _LOIDCP,
  0,
  () => ListOpenIDConnectProvidersRequest$,
  () => ListOpenIDConnectProvidersResponse$
];
var ListOpenIDConnectProviderTags$ = [
  9,
  n0,
  _LOIDCPT,
  0,
  () => ListOpenIDConnectProviderTagsRequest$,
  () => ListOpenIDConnectProviderTagsResponse$
];
var ListOrganizationsFeatures$ = [
  9,
  n0,
  _LOF,
  0,
  () => ListOrganizationsFeaturesRequest$,
  () => ListOrganizationsFeaturesResponse$
];
var ListPolicies$ = [
  9,
  n0,
  _LPi,
  0,
  () => ListPoliciesRequest$,
  () => ListPoliciesResponse$
];
var ListPoliciesGrantingServiceAccess$ = [
  9,
  n0,
  _LPGSA,
  0,
  () => ListPoliciesGrantingServiceAccessRequest$,
  () => ListPoliciesGrantingServiceAccessResponse$
];
var ListPolicyTags$ = [
  9,
  n0,
  _LPT,
  0,
  () => ListPolicyTagsRequest$,
  () => ListPolicyTagsResponse$
];
var ListPolicyVersions$ = [
  9,
  n0,
  _LPV,
  0,
  () => ListPolicyVersionsRequest$,
  () => ListPolicyVersionsResponse$
];
var ListRolePolicies$ = [
  9,
  n0,
  _LRP,
  0,
  () => ListRolePoliciesRequest$,
  () => ListRolePoliciesResponse$
];
var ListRoles$ = [
  9,
  n0,
  _LR,
  0,
  () => ListRolesRequest$,
  () => ListRolesResponse$
];
var ListRoleTags$ = [
  9,
  n0,
  _LRT,
  0,
  () => ListRoleTagsRequest$,
  () => ListRoleTagsResponse$
];
var ListSAMLProviders$ = [
  9,
  n0,
  _LSAMLP,
  0,
  () => ListSAMLProvidersRequest$,
  () => ListSAMLProvidersResponse$
];
var ListSAMLProviderTags$ = [
  9,
  n0,
  _LSAMLPT,
  0,
  () => ListSAMLProviderTagsRequest$,
  () => ListSAMLProviderTagsResponse$
];
var ListServerCertificates$ = [
  9,
  n0,
  _LSC,
  0,
  () => ListServerCertificatesRequest$,
  () => ListServerCertificatesResponse$
];
var ListServerCertificateTags$ = [
  9,
  n0,
  _LSCT,
  0,
  () => ListServerCertificateTagsRequest$,
  () => ListServerCertificateTagsResponse$
];
var ListServiceSpecificCredentials$ = [
  9,
  n0,
  _LSSC,
  0,
  () => ListServiceSpecificCredentialsRequest$,
  () => ListServiceSpecificCredentialsResponse$
];
var ListSigningCertificates$ = [
  9,
  n0,
  _LSCi,
  0,
  () => ListSigningCertificatesRequest$,
  () => ListSigningCertificatesResponse$
];
var ListSSHPublicKeys$ = [
  9,
  n0,
  _LSSHPK,
  0,
  () => ListSSHPublicKeysRequest$,
  () => ListSSHPublicKeysResponse$
];
var ListUserPolicies$ = [
  9,
  n0,
  _LUP,
  0,
  () => ListUserPoliciesRequest$,
  () => ListUserPoliciesResponse$
];
var ListUsers$ = [
  9,
  n0,
  _LU,
  0,
  () => ListUsersRequest$,
  () => ListUsersResponse$
];
var ListUserTags$ = [
  9,
  n0,
  _LUT,
  0,
  () => ListUserTagsRequest$,
  () => ListUserTagsResponse$
];
var ListVirtualMFADevices$ = [
  9,
  n0,
  _LVMFAD,
  0,
  () => ListVirtualMFADevicesRequest$,
  () => ListVirtualMFADevicesResponse$
];
var PutAccountProperties$ = [
  9,
  n0,
  _PAP,
  0,
  () => PutAccountPropertiesRequest$,
  () => PutAccountPropertiesResponse$
];
var PutGroupPolicy$ = [
  9,
  n0,
  _PGP,
  0,
  () => PutGroupPolicyRequest$,
  () => __Unit
];
var PutRolePermissionsBoundary$ = [
  9,
  n0,
  _PRPB,
  0,
  () => PutRolePermissionsBoundaryRequest$,
  () => __Unit
];
var PutRolePolicy$ = [
  9,
  n0,
  _PRPu,
  0,
  () => PutRolePolicyRequest$,
  () => __Unit
];
var PutUserPermissionsBoundary$ = [
  9,
  n0,
  _PUPB,
  0,
  () => PutUserPermissionsBoundaryRequest$,
  () => __Unit
];
var PutUserPolicy$ = [
  9,
  n0,
  _PUP,
  0,
  () => PutUserPolicyRequest$,
  () => __Unit
];
var RejectDelegationRequest$ = [
  9,
  n0,
  _RDR,
  0,
  () => RejectDelegationRequestRequest$,
  () => __Unit
];
var RemoveClientIDFromOpenIDConnectProvider$ = [
  9,
  n0,
  _RCIDFOIDCP,
  0,
  () => RemoveClientIDFromOpenIDConnectProviderRequest$,
  () => __Unit
];
var RemoveRoleFromInstanceProfile$ = [
  9,
  n0,
  _RRFIP,
  0,
  () => RemoveRoleFromInstanceProfileRequest$,
  () => __Unit
];
var RemoveUserFromGroup$ = [
  9,
  n0,
  _RUFG,
  0,
  () => RemoveUserFromGroupRequest$,
  () => __Unit
];
var ResetServiceSpecificCredential$ = [
  9,
  n0,
  _RSSC,
  0,
  () => ResetServiceSpecificCredentialRequest$,
  () => ResetServiceSpecificCredentialResponse$
];
var ResyncMFADevice$ = [
  9,
  n0,
  _RMFAD,
  0,
  () => ResyncMFADeviceRequest$,
  () => __Unit
];
var SendDelegationToken$ = [
  9,
  n0,
  _SDT,
  0,
  () => SendDelegationTokenRequest$,
  () => __Unit
];
var SetDefaultPolicyVersion$ = [
  9,
  n0,
  _SDPV,
  0,
  () => SetDefaultPolicyVersionRequest$,
  () => __Unit
];
var SetSecurityTokenServicePreferences$ = [
  9,
  n0,
  _SSTSP,
  0,
  () => SetSecurityTokenServicePreferencesRequest$,
  () => __Unit
];
var SimulateCustomPolicy$ = [
  9,
  n0,
  _SCP,
  0,
  () => SimulateCustomPolicyRequest$,
  () => SimulatePolicyResponse$
];
var SimulatePrincipalPolicy$ = [
  9,
  n0,
  _SPP,
  0,
  () => SimulatePrincipalPolicyRequest$,
  () => SimulatePolicyResponse$
];
var TagInstanceProfile$ = [
  9,
  n0,
  _TIP,
  0,
  () => TagInstanceProfileRequest$,
  () => __Unit
];
var TagMFADevice$ = [
  9,
  n0,
  _TMFAD,
  0,
  () => TagMFADeviceRequest$,
  () => __Unit
];
var TagOpenIDConnectProvider$ = [
  9,
  n0,
  _TOIDCP,
  0,
  () => TagOpenIDConnectProviderRequest$,
  () => __Unit
];
var TagPolicy$ = [
  9,
  n0,
  _TP,
  0,
  () => TagPolicyRequest$,
  () => __Unit
];
var TagRole$ = [
  9,
  n0,
  _TR,
  0,
  () => TagRoleRequest$,
  () => __Unit
];
var TagSAMLProvider$ = [
  9,
  n0,
  _TSAMLP,
  0,
  () => TagSAMLProviderRequest$,
  () => __Unit
];
var TagServerCertificate$ = [
  9,
  n0,
  _TSC,
  0,
  () => TagServerCertificateRequest$,
  () => __Unit
];
var TagUser$ = [
  9,
  n0,
  _TU,
  0,
  () => TagUserRequest$,
  () => __Unit
];
var UntagInstanceProfile$ = [
  9,
  n0,
  _UIP,
  0,
  () => UntagInstanceProfileRequest$,
  () => __Unit
];
var UntagMFADevice$ = [
  9,
  n0,
  _UMFAD,
  0,
  () => UntagMFADeviceRequest$,
  () => __Unit
];
var UntagOpenIDConnectProvider$ = [
  9,
  n0,
  _UOIDCP,
  0,
  () => UntagOpenIDConnectProviderRequest$,
  () => __Unit
];
var UntagPolicy$ = [
  9,
  n0,
  _UP,
  0,
  () => UntagPolicyRequest$,
  () => __Unit
];
var UntagRole$ = [
  9,
  n0,
  _UR,
  0,
  () => UntagRoleRequest$,
  () => __Unit
];
var UntagSAMLProvider$ = [
  9,
  n0,
  _USAMLP,
  0,
  () => UntagSAMLProviderRequest$,
  () => __Unit
];
var UntagServerCertificate$ = [
  9,
  n0,
  _USC,
  0,
  () => UntagServerCertificateRequest$,
  () => __Unit
];
var UntagUser$ = [
  9,
  n0,
  _UU,
  0,
  () => UntagUserRequest$,
  () => __Unit
];
var UpdateAccessKey$ = [
  9,
  n0,
  _UAK,
  0,
  () => UpdateAccessKeyRequest$,
  () => __Unit
];
var UpdateAccountPasswordPolicy$ = [
  9,
  n0,
  _UAPP,
  0,
  () => UpdateAccountPasswordPolicyRequest$,
  () => __Unit
];
var UpdateAssumeRolePolicy$ = [
  9,
  n0,
  _UARP,
  0,
  () => UpdateAssumeRolePolicyRequest$,
  () => __Unit
];
var UpdateDelegationRequest$ = [
  9,
  n0,
  _UDR,
  0,
  () => UpdateDelegationRequestRequest$,
  () => __Unit
];
var UpdateGroup$ = [
  9,
  n0,
  _UG,
  0,
  () => UpdateGroupRequest$,
  () => __Unit
];
var UpdateLoginProfile$ = [
  9,
  n0,
  _ULP,
  0,
  () => UpdateLoginProfileRequest$,
  () => __Unit
];
var UpdateOpenIDConnectProvider$ = [
  9,
  n0,
  _UOIDCPp,
  0,
  () => UpdateOpenIDConnectProviderRequest$,
  () => __Unit
];
var UpdateOpenIDConnectProviderThumbprint$ = [
  9,
  n0,
  _UOIDCPT,
  0,
  () => UpdateOpenIDConnectProviderThumbprintRequest$,
  () => __Unit
];
var UpdateRole$ = [
  9,
  n0,
  _URp,
  0,
  () => UpdateRoleRequest$,
  () => UpdateRoleResponse$
];
var UpdateRoleDescription$ = [
  9,
  n0,
  _URD,
  0,
  () => UpdateRoleDescriptionRequest$,
  () => UpdateRoleDescriptionResponse$
];
var UpdateSAMLProvider$ = [
  9,
  n0,
  _USAMLPp,
  0,
  () => UpdateSAMLProviderRequest$,
  () => UpdateSAMLProviderResponse$
];
var UpdateServerCertificate$ = [
  9,
  n0,
  _USCp,
  0,
  () => UpdateServerCertificateRequest$,
  () => __Unit
];
var UpdateServiceSpecificCredential$ = [
  9,
  n0,
  _USSC,
  0,
  () => UpdateServiceSpecificCredentialRequest$,
  () => __Unit
];
var UpdateSigningCertificate$ = [
  9,
  n0,
  _USCpd,
  0,
  () => UpdateSigningCertificateRequest$,
  () => __Unit
];
var UpdateSSHPublicKey$ = [
  9,
  n0,
  _USSHPK,
  0,
  () => UpdateSSHPublicKeyRequest$,
  () => __Unit
];
var UpdateUser$ = [
  9,
  n0,
  _UUp,
  0,
  () => UpdateUserRequest$,
  () => __Unit
];
var UploadServerCertificate$ = [
  9,
  n0,
  _USCpl,
  0,
  () => UploadServerCertificateRequest$,
  () => UploadServerCertificateResponse$
];
var UploadSigningCertificate$ = [
  9,
  n0,
  _USCplo,
  0,
  () => UploadSigningCertificateRequest$,
  () => UploadSigningCertificateResponse$
];
var UploadSSHPublicKey$ = [
  9,
  n0,
  _USSHPKp,
  0,
  () => UploadSSHPublicKeyRequest$,
  () => UploadSSHPublicKeyResponse$
];

// node_modules/@aws-sdk/client-iam/dist-es/runtimeConfig.shared.js
var getRuntimeConfig = (config) => {
  return {
    apiVersion: "2010-05-08",
    base64Decoder: config?.base64Decoder ?? fromBase64,
    base64Encoder: config?.base64Encoder ?? toBase64,
    disableHostPrefix: config?.disableHostPrefix ?? false,
    endpointProvider: config?.endpointProvider ?? defaultEndpointResolver,
    extensions: config?.extensions ?? [],
    httpAuthSchemeProvider: config?.httpAuthSchemeProvider ?? defaultIAMHttpAuthSchemeProvider,
    httpAuthSchemes: config?.httpAuthSchemes ?? [
      {
        schemeId: "aws.auth#sigv4",
        identityProvider: (ipc) => ipc.getIdentityProvider("aws.auth#sigv4"),
        signer: new AwsSdkSigV4Signer()
      }
    ],
    logger: config?.logger ?? new NoOpLogger(),
    protocol: config?.protocol ?? AwsQueryProtocol,
    protocolSettings: config?.protocolSettings ?? {
      defaultNamespace: "com.amazonaws.iam",
      errorTypeRegistries,
      xmlNamespace: "https://iam.amazonaws.com/doc/2010-05-08/",
      version: "2010-05-08",
      serviceTarget: "AWSIdentityManagementV20100508"
    },
    serviceId: config?.serviceId ?? "IAM",
    sha256: config?.sha256 ?? Sha256Node,
    urlParser: config?.urlParser ?? parseUrl,
    utf8Decoder: config?.utf8Decoder ?? fromUtf8,
    utf8Encoder: config?.utf8Encoder ?? toUtf8
  };
};

// node_modules/@aws-sdk/client-iam/dist-es/runtimeConfig.js
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
    maxAttempts: config?.maxAttempts ?? loadConfig(NODE_MAX_ATTEMPT_CONFIG_OPTIONS, config),
    region: config?.region ?? loadConfig(NODE_REGION_CONFIG_OPTIONS, { ...NODE_REGION_CONFIG_FILE_OPTIONS, ...loaderConfig }),
    requestHandler: NodeHttpHandler.create(config?.requestHandler ?? defaultConfigProvider),
    retryMode: config?.retryMode ?? loadConfig({
      ...NODE_RETRY_MODE_CONFIG_OPTIONS,
      default: async () => (await defaultConfigProvider()).retryMode || DEFAULT_RETRY_MODE
    }, config),
    streamCollector: config?.streamCollector ?? streamCollector,
    useDualstackEndpoint: config?.useDualstackEndpoint ?? loadConfig(NODE_USE_DUALSTACK_ENDPOINT_CONFIG_OPTIONS, loaderConfig),
    useFipsEndpoint: config?.useFipsEndpoint ?? loadConfig(NODE_USE_FIPS_ENDPOINT_CONFIG_OPTIONS, loaderConfig),
    userAgentAppId: config?.userAgentAppId ?? loadConfig(NODE_APP_ID_CONFIG_OPTIONS, loaderConfig)
  };
};

// node_modules/@aws-sdk/client-iam/dist-es/auth/httpAuthExtensionConfiguration.js
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

// node_modules/@aws-sdk/client-iam/dist-es/runtimeExtensions.js
var resolveRuntimeExtensions = (runtimeConfig, extensions) => {
  const extensionConfiguration = Object.assign(getAwsRegionExtensionConfiguration(runtimeConfig), getDefaultExtensionConfiguration(runtimeConfig), getHttpHandlerExtensionConfiguration(runtimeConfig), getHttpAuthExtensionConfiguration(runtimeConfig));
  extensions.forEach((extension) => extension.configure(extensionConfiguration));
  return Object.assign(runtimeConfig, resolveAwsRegionExtensionConfiguration(extensionConfiguration), resolveDefaultRuntimeConfig(extensionConfiguration), resolveHttpHandlerRuntimeConfig(extensionConfiguration), resolveHttpAuthRuntimeConfig(extensionConfiguration));
};

// node_modules/@aws-sdk/client-iam/dist-es/IAMClient.js
var IAMClient = class extends Client {
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
      httpAuthSchemeParametersProvider: defaultIAMHttpAuthSchemeParametersProvider,
      identityProviderConfigProvider: async (config) => new DefaultIdentityProviderConfig({
        "aws.auth#sigv4": config.credentials
      })
    }));
    this.middlewareStack.use(getHttpSigningPlugin(this.config));
  }
  destroy() {
    super.destroy();
  }
};

// node_modules/@aws-sdk/client-iam/dist-es/commandBuilder.js
var command = makeBuilder(commonParams, "AWSIdentityManagementV20100508", "IAMClient", getEndpointPlugin);
var _ep0 = {};
var _mw0 = (Command2, cs, config, o2) => [];

// node_modules/@aws-sdk/client-iam/dist-es/commands/AcceptDelegationRequestCommand.js
var AcceptDelegationRequestCommand = class extends command(_ep0, _mw0, "AcceptDelegationRequest", AcceptDelegationRequest$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/AcquireRoleCommand.js
var AcquireRoleCommand = class extends command(_ep0, _mw0, "AcquireRole", AcquireRole$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/AddClientIDToOpenIDConnectProviderCommand.js
var AddClientIDToOpenIDConnectProviderCommand = class extends command(_ep0, _mw0, "AddClientIDToOpenIDConnectProvider", AddClientIDToOpenIDConnectProvider$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/AddRoleToInstanceProfileCommand.js
var AddRoleToInstanceProfileCommand = class extends command(_ep0, _mw0, "AddRoleToInstanceProfile", AddRoleToInstanceProfile$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/AddUserToGroupCommand.js
var AddUserToGroupCommand = class extends command(_ep0, _mw0, "AddUserToGroup", AddUserToGroup$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/AssociateDelegationRequestCommand.js
var AssociateDelegationRequestCommand = class extends command(_ep0, _mw0, "AssociateDelegationRequest", AssociateDelegationRequest$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/AttachGroupPolicyCommand.js
var AttachGroupPolicyCommand = class extends command(_ep0, _mw0, "AttachGroupPolicy", AttachGroupPolicy$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/AttachRolePolicyCommand.js
var AttachRolePolicyCommand = class extends command(_ep0, _mw0, "AttachRolePolicy", AttachRolePolicy$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/AttachUserPolicyCommand.js
var AttachUserPolicyCommand = class extends command(_ep0, _mw0, "AttachUserPolicy", AttachUserPolicy$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/ChangePasswordCommand.js
var ChangePasswordCommand = class extends command(_ep0, _mw0, "ChangePassword", ChangePassword$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/CreateAccessKeyCommand.js
var CreateAccessKeyCommand = class extends command(_ep0, _mw0, "CreateAccessKey", CreateAccessKey$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/CreateAccountAliasCommand.js
var CreateAccountAliasCommand = class extends command(_ep0, _mw0, "CreateAccountAlias", CreateAccountAlias$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/CreateDelegationRequestCommand.js
var CreateDelegationRequestCommand = class extends command(_ep0, _mw0, "CreateDelegationRequest", CreateDelegationRequest$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/CreateGroupCommand.js
var CreateGroupCommand = class extends command(_ep0, _mw0, "CreateGroup", CreateGroup$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/CreateInstanceProfileCommand.js
var CreateInstanceProfileCommand = class extends command(_ep0, _mw0, "CreateInstanceProfile", CreateInstanceProfile$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/CreateLoginProfileCommand.js
var CreateLoginProfileCommand = class extends command(_ep0, _mw0, "CreateLoginProfile", CreateLoginProfile$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/CreateOpenIDConnectProviderCommand.js
var CreateOpenIDConnectProviderCommand = class extends command(_ep0, _mw0, "CreateOpenIDConnectProvider", CreateOpenIDConnectProvider$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/CreatePolicyCommand.js
var CreatePolicyCommand = class extends command(_ep0, _mw0, "CreatePolicy", CreatePolicy$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/CreatePolicyVersionCommand.js
var CreatePolicyVersionCommand = class extends command(_ep0, _mw0, "CreatePolicyVersion", CreatePolicyVersion$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/CreateRoleCommand.js
var CreateRoleCommand = class extends command(_ep0, _mw0, "CreateRole", CreateRole$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/CreateSAMLProviderCommand.js
var CreateSAMLProviderCommand = class extends command(_ep0, _mw0, "CreateSAMLProvider", CreateSAMLProvider$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/CreateServiceLinkedRoleCommand.js
var CreateServiceLinkedRoleCommand = class extends command(_ep0, _mw0, "CreateServiceLinkedRole", CreateServiceLinkedRole$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/CreateServiceSpecificCredentialCommand.js
var CreateServiceSpecificCredentialCommand = class extends command(_ep0, _mw0, "CreateServiceSpecificCredential", CreateServiceSpecificCredential$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/CreateUserCommand.js
var CreateUserCommand = class extends command(_ep0, _mw0, "CreateUser", CreateUser$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/CreateVirtualMFADeviceCommand.js
var CreateVirtualMFADeviceCommand = class extends command(_ep0, _mw0, "CreateVirtualMFADevice", CreateVirtualMFADevice$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/DeactivateMFADeviceCommand.js
var DeactivateMFADeviceCommand = class extends command(_ep0, _mw0, "DeactivateMFADevice", DeactivateMFADevice$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/DeleteAccessKeyCommand.js
var DeleteAccessKeyCommand = class extends command(_ep0, _mw0, "DeleteAccessKey", DeleteAccessKey$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/DeleteAccountAliasCommand.js
var DeleteAccountAliasCommand = class extends command(_ep0, _mw0, "DeleteAccountAlias", DeleteAccountAlias$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/DeleteAccountPasswordPolicyCommand.js
var DeleteAccountPasswordPolicyCommand = class extends command(_ep0, _mw0, "DeleteAccountPasswordPolicy", DeleteAccountPasswordPolicy$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/DeleteGroupCommand.js
var DeleteGroupCommand = class extends command(_ep0, _mw0, "DeleteGroup", DeleteGroup$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/DeleteGroupPolicyCommand.js
var DeleteGroupPolicyCommand = class extends command(_ep0, _mw0, "DeleteGroupPolicy", DeleteGroupPolicy$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/DeleteInstanceProfileCommand.js
var DeleteInstanceProfileCommand = class extends command(_ep0, _mw0, "DeleteInstanceProfile", DeleteInstanceProfile$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/DeleteLoginProfileCommand.js
var DeleteLoginProfileCommand = class extends command(_ep0, _mw0, "DeleteLoginProfile", DeleteLoginProfile$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/DeleteOpenIDConnectProviderCommand.js
var DeleteOpenIDConnectProviderCommand = class extends command(_ep0, _mw0, "DeleteOpenIDConnectProvider", DeleteOpenIDConnectProvider$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/DeletePolicyCommand.js
var DeletePolicyCommand = class extends command(_ep0, _mw0, "DeletePolicy", DeletePolicy$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/DeletePolicyVersionCommand.js
var DeletePolicyVersionCommand = class extends command(_ep0, _mw0, "DeletePolicyVersion", DeletePolicyVersion$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/DeleteRoleCommand.js
var DeleteRoleCommand = class extends command(_ep0, _mw0, "DeleteRole", DeleteRole$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/DeleteRolePermissionsBoundaryCommand.js
var DeleteRolePermissionsBoundaryCommand = class extends command(_ep0, _mw0, "DeleteRolePermissionsBoundary", DeleteRolePermissionsBoundary$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/DeleteRolePolicyCommand.js
var DeleteRolePolicyCommand = class extends command(_ep0, _mw0, "DeleteRolePolicy", DeleteRolePolicy$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/DeleteSAMLProviderCommand.js
var DeleteSAMLProviderCommand = class extends command(_ep0, _mw0, "DeleteSAMLProvider", DeleteSAMLProvider$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/DeleteServerCertificateCommand.js
var DeleteServerCertificateCommand = class extends command(_ep0, _mw0, "DeleteServerCertificate", DeleteServerCertificate$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/DeleteServiceLinkedRoleCommand.js
var DeleteServiceLinkedRoleCommand = class extends command(_ep0, _mw0, "DeleteServiceLinkedRole", DeleteServiceLinkedRole$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/DeleteServiceSpecificCredentialCommand.js
var DeleteServiceSpecificCredentialCommand = class extends command(_ep0, _mw0, "DeleteServiceSpecificCredential", DeleteServiceSpecificCredential$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/DeleteSigningCertificateCommand.js
var DeleteSigningCertificateCommand = class extends command(_ep0, _mw0, "DeleteSigningCertificate", DeleteSigningCertificate$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/DeleteSSHPublicKeyCommand.js
var DeleteSSHPublicKeyCommand = class extends command(_ep0, _mw0, "DeleteSSHPublicKey", DeleteSSHPublicKey$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/DeleteUserCommand.js
var DeleteUserCommand = class extends command(_ep0, _mw0, "DeleteUser", DeleteUser$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/DeleteUserPermissionsBoundaryCommand.js
var DeleteUserPermissionsBoundaryCommand = class extends command(_ep0, _mw0, "DeleteUserPermissionsBoundary", DeleteUserPermissionsBoundary$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/DeleteUserPolicyCommand.js
var DeleteUserPolicyCommand = class extends command(_ep0, _mw0, "DeleteUserPolicy", DeleteUserPolicy$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/DeleteVirtualMFADeviceCommand.js
var DeleteVirtualMFADeviceCommand = class extends command(_ep0, _mw0, "DeleteVirtualMFADevice", DeleteVirtualMFADevice$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/DetachGroupPolicyCommand.js
var DetachGroupPolicyCommand = class extends command(_ep0, _mw0, "DetachGroupPolicy", DetachGroupPolicy$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/DetachRolePolicyCommand.js
var DetachRolePolicyCommand = class extends command(_ep0, _mw0, "DetachRolePolicy", DetachRolePolicy$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/DetachUserPolicyCommand.js
var DetachUserPolicyCommand = class extends command(_ep0, _mw0, "DetachUserPolicy", DetachUserPolicy$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/DisableOrganizationsRootCredentialsManagementCommand.js
var DisableOrganizationsRootCredentialsManagementCommand = class extends command(_ep0, _mw0, "DisableOrganizationsRootCredentialsManagement", DisableOrganizationsRootCredentialsManagement$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/DisableOrganizationsRootSessionsCommand.js
var DisableOrganizationsRootSessionsCommand = class extends command(_ep0, _mw0, "DisableOrganizationsRootSessions", DisableOrganizationsRootSessions$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/DisableOutboundWebIdentityFederationCommand.js
var DisableOutboundWebIdentityFederationCommand = class extends command(_ep0, _mw0, "DisableOutboundWebIdentityFederation", DisableOutboundWebIdentityFederation$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/EnableMFADeviceCommand.js
var EnableMFADeviceCommand = class extends command(_ep0, _mw0, "EnableMFADevice", EnableMFADevice$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/EnableOrganizationsRootCredentialsManagementCommand.js
var EnableOrganizationsRootCredentialsManagementCommand = class extends command(_ep0, _mw0, "EnableOrganizationsRootCredentialsManagement", EnableOrganizationsRootCredentialsManagement$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/EnableOrganizationsRootSessionsCommand.js
var EnableOrganizationsRootSessionsCommand = class extends command(_ep0, _mw0, "EnableOrganizationsRootSessions", EnableOrganizationsRootSessions$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/EnableOutboundWebIdentityFederationCommand.js
var EnableOutboundWebIdentityFederationCommand = class extends command(_ep0, _mw0, "EnableOutboundWebIdentityFederation", EnableOutboundWebIdentityFederation$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/GenerateCredentialReportCommand.js
var GenerateCredentialReportCommand = class extends command(_ep0, _mw0, "GenerateCredentialReport", GenerateCredentialReport$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/GenerateOrganizationsAccessReportCommand.js
var GenerateOrganizationsAccessReportCommand = class extends command(_ep0, _mw0, "GenerateOrganizationsAccessReport", GenerateOrganizationsAccessReport$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/GenerateServiceLastAccessedDetailsCommand.js
var GenerateServiceLastAccessedDetailsCommand = class extends command(_ep0, _mw0, "GenerateServiceLastAccessedDetails", GenerateServiceLastAccessedDetails$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/GetAccessKeyLastUsedCommand.js
var GetAccessKeyLastUsedCommand = class extends command(_ep0, _mw0, "GetAccessKeyLastUsed", GetAccessKeyLastUsed$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/GetAccountAuthorizationDetailsCommand.js
var GetAccountAuthorizationDetailsCommand = class extends command(_ep0, _mw0, "GetAccountAuthorizationDetails", GetAccountAuthorizationDetails$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/GetAccountPasswordPolicyCommand.js
var GetAccountPasswordPolicyCommand = class extends command(_ep0, _mw0, "GetAccountPasswordPolicy", GetAccountPasswordPolicy$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/GetAccountPropertiesCommand.js
var GetAccountPropertiesCommand = class extends command(_ep0, _mw0, "GetAccountProperties", GetAccountProperties$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/GetAccountSummaryCommand.js
var GetAccountSummaryCommand = class extends command(_ep0, _mw0, "GetAccountSummary", GetAccountSummary$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/GetContextKeysForCustomPolicyCommand.js
var GetContextKeysForCustomPolicyCommand = class extends command(_ep0, _mw0, "GetContextKeysForCustomPolicy", GetContextKeysForCustomPolicy$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/GetContextKeysForPrincipalPolicyCommand.js
var GetContextKeysForPrincipalPolicyCommand = class extends command(_ep0, _mw0, "GetContextKeysForPrincipalPolicy", GetContextKeysForPrincipalPolicy$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/GetCredentialReportCommand.js
var GetCredentialReportCommand = class extends command(_ep0, _mw0, "GetCredentialReport", GetCredentialReport$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/GetDelegationRequestCommand.js
var GetDelegationRequestCommand = class extends command(_ep0, _mw0, "GetDelegationRequest", GetDelegationRequest$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/GetGroupCommand.js
var GetGroupCommand = class extends command(_ep0, _mw0, "GetGroup", GetGroup$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/GetGroupPolicyCommand.js
var GetGroupPolicyCommand = class extends command(_ep0, _mw0, "GetGroupPolicy", GetGroupPolicy$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/GetHumanReadableSummaryCommand.js
var GetHumanReadableSummaryCommand = class extends command(_ep0, _mw0, "GetHumanReadableSummary", GetHumanReadableSummary$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/GetInstanceProfileCommand.js
var GetInstanceProfileCommand = class extends command(_ep0, _mw0, "GetInstanceProfile", GetInstanceProfile$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/GetLoginProfileCommand.js
var GetLoginProfileCommand = class extends command(_ep0, _mw0, "GetLoginProfile", GetLoginProfile$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/GetMFADeviceCommand.js
var GetMFADeviceCommand = class extends command(_ep0, _mw0, "GetMFADevice", GetMFADevice$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/GetOpenIDConnectProviderCommand.js
var GetOpenIDConnectProviderCommand = class extends command(_ep0, _mw0, "GetOpenIDConnectProvider", GetOpenIDConnectProvider$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/GetOrganizationsAccessReportCommand.js
var GetOrganizationsAccessReportCommand = class extends command(_ep0, _mw0, "GetOrganizationsAccessReport", GetOrganizationsAccessReport$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/GetOutboundWebIdentityFederationInfoCommand.js
var GetOutboundWebIdentityFederationInfoCommand = class extends command(_ep0, _mw0, "GetOutboundWebIdentityFederationInfo", GetOutboundWebIdentityFederationInfo$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/GetPolicyCommand.js
var GetPolicyCommand = class extends command(_ep0, _mw0, "GetPolicy", GetPolicy$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/GetPolicyVersionCommand.js
var GetPolicyVersionCommand = class extends command(_ep0, _mw0, "GetPolicyVersion", GetPolicyVersion$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/GetRoleCommand.js
var GetRoleCommand = class extends command(_ep0, _mw0, "GetRole", GetRole$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/GetRolePolicyCommand.js
var GetRolePolicyCommand = class extends command(_ep0, _mw0, "GetRolePolicy", GetRolePolicy$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/GetRoleTemplateVersionCommand.js
var GetRoleTemplateVersionCommand = class extends command(_ep0, _mw0, "GetRoleTemplateVersion", GetRoleTemplateVersion$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/GetSAMLProviderCommand.js
var GetSAMLProviderCommand = class extends command(_ep0, _mw0, "GetSAMLProvider", GetSAMLProvider$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/GetServerCertificateCommand.js
var GetServerCertificateCommand = class extends command(_ep0, _mw0, "GetServerCertificate", GetServerCertificate$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/GetServiceLastAccessedDetailsCommand.js
var GetServiceLastAccessedDetailsCommand = class extends command(_ep0, _mw0, "GetServiceLastAccessedDetails", GetServiceLastAccessedDetails$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/GetServiceLastAccessedDetailsWithEntitiesCommand.js
var GetServiceLastAccessedDetailsWithEntitiesCommand = class extends command(_ep0, _mw0, "GetServiceLastAccessedDetailsWithEntities", GetServiceLastAccessedDetailsWithEntities$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/GetServiceLinkedRoleDeletionStatusCommand.js
var GetServiceLinkedRoleDeletionStatusCommand = class extends command(_ep0, _mw0, "GetServiceLinkedRoleDeletionStatus", GetServiceLinkedRoleDeletionStatus$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/GetSSHPublicKeyCommand.js
var GetSSHPublicKeyCommand = class extends command(_ep0, _mw0, "GetSSHPublicKey", GetSSHPublicKey$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/GetUserCommand.js
var GetUserCommand = class extends command(_ep0, _mw0, "GetUser", GetUser$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/GetUserPolicyCommand.js
var GetUserPolicyCommand = class extends command(_ep0, _mw0, "GetUserPolicy", GetUserPolicy$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/ListAccessKeysCommand.js
var ListAccessKeysCommand = class extends command(_ep0, _mw0, "ListAccessKeys", ListAccessKeys$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/ListAccountAliasesCommand.js
var ListAccountAliasesCommand = class extends command(_ep0, _mw0, "ListAccountAliases", ListAccountAliases$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/ListAttachedGroupPoliciesCommand.js
var ListAttachedGroupPoliciesCommand = class extends command(_ep0, _mw0, "ListAttachedGroupPolicies", ListAttachedGroupPolicies$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/ListAttachedRolePoliciesCommand.js
var ListAttachedRolePoliciesCommand = class extends command(_ep0, _mw0, "ListAttachedRolePolicies", ListAttachedRolePolicies$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/ListAttachedUserPoliciesCommand.js
var ListAttachedUserPoliciesCommand = class extends command(_ep0, _mw0, "ListAttachedUserPolicies", ListAttachedUserPolicies$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/ListDelegationRequestsCommand.js
var ListDelegationRequestsCommand = class extends command(_ep0, _mw0, "ListDelegationRequests", ListDelegationRequests$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/ListEntitiesForPolicyCommand.js
var ListEntitiesForPolicyCommand = class extends command(_ep0, _mw0, "ListEntitiesForPolicy", ListEntitiesForPolicy$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/ListGroupPoliciesCommand.js
var ListGroupPoliciesCommand = class extends command(_ep0, _mw0, "ListGroupPolicies", ListGroupPolicies$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/ListGroupsCommand.js
var ListGroupsCommand = class extends command(_ep0, _mw0, "ListGroups", ListGroups$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/ListGroupsForUserCommand.js
var ListGroupsForUserCommand = class extends command(_ep0, _mw0, "ListGroupsForUser", ListGroupsForUser$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/ListInstanceProfilesCommand.js
var ListInstanceProfilesCommand = class extends command(_ep0, _mw0, "ListInstanceProfiles", ListInstanceProfiles$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/ListInstanceProfilesForRoleCommand.js
var ListInstanceProfilesForRoleCommand = class extends command(_ep0, _mw0, "ListInstanceProfilesForRole", ListInstanceProfilesForRole$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/ListInstanceProfileTagsCommand.js
var ListInstanceProfileTagsCommand = class extends command(_ep0, _mw0, "ListInstanceProfileTags", ListInstanceProfileTags$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/ListMFADevicesCommand.js
var ListMFADevicesCommand = class extends command(_ep0, _mw0, "ListMFADevices", ListMFADevices$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/ListMFADeviceTagsCommand.js
var ListMFADeviceTagsCommand = class extends command(_ep0, _mw0, "ListMFADeviceTags", ListMFADeviceTags$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/ListOpenIDConnectProvidersCommand.js
var ListOpenIDConnectProvidersCommand = class extends command(_ep0, _mw0, "ListOpenIDConnectProviders", ListOpenIDConnectProviders$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/ListOpenIDConnectProviderTagsCommand.js
var ListOpenIDConnectProviderTagsCommand = class extends command(_ep0, _mw0, "ListOpenIDConnectProviderTags", ListOpenIDConnectProviderTags$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/ListOrganizationsFeaturesCommand.js
var ListOrganizationsFeaturesCommand = class extends command(_ep0, _mw0, "ListOrganizationsFeatures", ListOrganizationsFeatures$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/ListPoliciesCommand.js
var ListPoliciesCommand = class extends command(_ep0, _mw0, "ListPolicies", ListPolicies$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/ListPoliciesGrantingServiceAccessCommand.js
var ListPoliciesGrantingServiceAccessCommand = class extends command(_ep0, _mw0, "ListPoliciesGrantingServiceAccess", ListPoliciesGrantingServiceAccess$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/ListPolicyTagsCommand.js
var ListPolicyTagsCommand = class extends command(_ep0, _mw0, "ListPolicyTags", ListPolicyTags$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/ListPolicyVersionsCommand.js
var ListPolicyVersionsCommand = class extends command(_ep0, _mw0, "ListPolicyVersions", ListPolicyVersions$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/ListRolePoliciesCommand.js
var ListRolePoliciesCommand = class extends command(_ep0, _mw0, "ListRolePolicies", ListRolePolicies$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/ListRolesCommand.js
var ListRolesCommand = class extends command(_ep0, _mw0, "ListRoles", ListRoles$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/ListRoleTagsCommand.js
var ListRoleTagsCommand = class extends command(_ep0, _mw0, "ListRoleTags", ListRoleTags$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/ListSAMLProvidersCommand.js
var ListSAMLProvidersCommand = class extends command(_ep0, _mw0, "ListSAMLProviders", ListSAMLProviders$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/ListSAMLProviderTagsCommand.js
var ListSAMLProviderTagsCommand = class extends command(_ep0, _mw0, "ListSAMLProviderTags", ListSAMLProviderTags$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/ListServerCertificatesCommand.js
var ListServerCertificatesCommand = class extends command(_ep0, _mw0, "ListServerCertificates", ListServerCertificates$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/ListServerCertificateTagsCommand.js
var ListServerCertificateTagsCommand = class extends command(_ep0, _mw0, "ListServerCertificateTags", ListServerCertificateTags$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/ListServiceSpecificCredentialsCommand.js
var ListServiceSpecificCredentialsCommand = class extends command(_ep0, _mw0, "ListServiceSpecificCredentials", ListServiceSpecificCredentials$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/ListSigningCertificatesCommand.js
var ListSigningCertificatesCommand = class extends command(_ep0, _mw0, "ListSigningCertificates", ListSigningCertificates$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/ListSSHPublicKeysCommand.js
var ListSSHPublicKeysCommand = class extends command(_ep0, _mw0, "ListSSHPublicKeys", ListSSHPublicKeys$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/ListUserPoliciesCommand.js
var ListUserPoliciesCommand = class extends command(_ep0, _mw0, "ListUserPolicies", ListUserPolicies$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/ListUsersCommand.js
var ListUsersCommand = class extends command(_ep0, _mw0, "ListUsers", ListUsers$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/ListUserTagsCommand.js
var ListUserTagsCommand = class extends command(_ep0, _mw0, "ListUserTags", ListUserTags$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/ListVirtualMFADevicesCommand.js
var ListVirtualMFADevicesCommand = class extends command(_ep0, _mw0, "ListVirtualMFADevices", ListVirtualMFADevices$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/PutAccountPropertiesCommand.js
var PutAccountPropertiesCommand = class extends command(_ep0, _mw0, "PutAccountProperties", PutAccountProperties$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/PutGroupPolicyCommand.js
var PutGroupPolicyCommand = class extends command(_ep0, _mw0, "PutGroupPolicy", PutGroupPolicy$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/PutRolePermissionsBoundaryCommand.js
var PutRolePermissionsBoundaryCommand = class extends command(_ep0, _mw0, "PutRolePermissionsBoundary", PutRolePermissionsBoundary$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/PutRolePolicyCommand.js
var PutRolePolicyCommand = class extends command(_ep0, _mw0, "PutRolePolicy", PutRolePolicy$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/PutUserPermissionsBoundaryCommand.js
var PutUserPermissionsBoundaryCommand = class extends command(_ep0, _mw0, "PutUserPermissionsBoundary", PutUserPermissionsBoundary$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/PutUserPolicyCommand.js
var PutUserPolicyCommand = class extends command(_ep0, _mw0, "PutUserPolicy", PutUserPolicy$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/RejectDelegationRequestCommand.js
var RejectDelegationRequestCommand = class extends command(_ep0, _mw0, "RejectDelegationRequest", RejectDelegationRequest$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/RemoveClientIDFromOpenIDConnectProviderCommand.js
var RemoveClientIDFromOpenIDConnectProviderCommand = class extends command(_ep0, _mw0, "RemoveClientIDFromOpenIDConnectProvider", RemoveClientIDFromOpenIDConnectProvider$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/RemoveRoleFromInstanceProfileCommand.js
var RemoveRoleFromInstanceProfileCommand = class extends command(_ep0, _mw0, "RemoveRoleFromInstanceProfile", RemoveRoleFromInstanceProfile$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/RemoveUserFromGroupCommand.js
var RemoveUserFromGroupCommand = class extends command(_ep0, _mw0, "RemoveUserFromGroup", RemoveUserFromGroup$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/ResetServiceSpecificCredentialCommand.js
var ResetServiceSpecificCredentialCommand = class extends command(_ep0, _mw0, "ResetServiceSpecificCredential", ResetServiceSpecificCredential$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/ResyncMFADeviceCommand.js
var ResyncMFADeviceCommand = class extends command(_ep0, _mw0, "ResyncMFADevice", ResyncMFADevice$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/SendDelegationTokenCommand.js
var SendDelegationTokenCommand = class extends command(_ep0, _mw0, "SendDelegationToken", SendDelegationToken$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/SetDefaultPolicyVersionCommand.js
var SetDefaultPolicyVersionCommand = class extends command(_ep0, _mw0, "SetDefaultPolicyVersion", SetDefaultPolicyVersion$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/SetSecurityTokenServicePreferencesCommand.js
var SetSecurityTokenServicePreferencesCommand = class extends command(_ep0, _mw0, "SetSecurityTokenServicePreferences", SetSecurityTokenServicePreferences$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/SimulateCustomPolicyCommand.js
var SimulateCustomPolicyCommand = class extends command(_ep0, _mw0, "SimulateCustomPolicy", SimulateCustomPolicy$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/SimulatePrincipalPolicyCommand.js
var SimulatePrincipalPolicyCommand = class extends command(_ep0, _mw0, "SimulatePrincipalPolicy", SimulatePrincipalPolicy$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/TagInstanceProfileCommand.js
var TagInstanceProfileCommand = class extends command(_ep0, _mw0, "TagInstanceProfile", TagInstanceProfile$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/TagMFADeviceCommand.js
var TagMFADeviceCommand = class extends command(_ep0, _mw0, "TagMFADevice", TagMFADevice$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/TagOpenIDConnectProviderCommand.js
var TagOpenIDConnectProviderCommand = class extends command(_ep0, _mw0, "TagOpenIDConnectProvider", TagOpenIDConnectProvider$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/TagPolicyCommand.js
var TagPolicyCommand = class extends command(_ep0, _mw0, "TagPolicy", TagPolicy$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/TagRoleCommand.js
var TagRoleCommand = class extends command(_ep0, _mw0, "TagRole", TagRole$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/TagSAMLProviderCommand.js
var TagSAMLProviderCommand = class extends command(_ep0, _mw0, "TagSAMLProvider", TagSAMLProvider$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/TagServerCertificateCommand.js
var TagServerCertificateCommand = class extends command(_ep0, _mw0, "TagServerCertificate", TagServerCertificate$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/TagUserCommand.js
var TagUserCommand = class extends command(_ep0, _mw0, "TagUser", TagUser$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/UntagInstanceProfileCommand.js
var UntagInstanceProfileCommand = class extends command(_ep0, _mw0, "UntagInstanceProfile", UntagInstanceProfile$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/UntagMFADeviceCommand.js
var UntagMFADeviceCommand = class extends command(_ep0, _mw0, "UntagMFADevice", UntagMFADevice$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/UntagOpenIDConnectProviderCommand.js
var UntagOpenIDConnectProviderCommand = class extends command(_ep0, _mw0, "UntagOpenIDConnectProvider", UntagOpenIDConnectProvider$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/UntagPolicyCommand.js
var UntagPolicyCommand = class extends command(_ep0, _mw0, "UntagPolicy", UntagPolicy$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/UntagRoleCommand.js
var UntagRoleCommand = class extends command(_ep0, _mw0, "UntagRole", UntagRole$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/UntagSAMLProviderCommand.js
var UntagSAMLProviderCommand = class extends command(_ep0, _mw0, "UntagSAMLProvider", UntagSAMLProvider$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/UntagServerCertificateCommand.js
var UntagServerCertificateCommand = class extends command(_ep0, _mw0, "UntagServerCertificate", UntagServerCertificate$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/UntagUserCommand.js
var UntagUserCommand = class extends command(_ep0, _mw0, "UntagUser", UntagUser$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/UpdateAccessKeyCommand.js
var UpdateAccessKeyCommand = class extends command(_ep0, _mw0, "UpdateAccessKey", UpdateAccessKey$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/UpdateAccountPasswordPolicyCommand.js
var UpdateAccountPasswordPolicyCommand = class extends command(_ep0, _mw0, "UpdateAccountPasswordPolicy", UpdateAccountPasswordPolicy$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/UpdateAssumeRolePolicyCommand.js
var UpdateAssumeRolePolicyCommand = class extends command(_ep0, _mw0, "UpdateAssumeRolePolicy", UpdateAssumeRolePolicy$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/UpdateDelegationRequestCommand.js
var UpdateDelegationRequestCommand = class extends command(_ep0, _mw0, "UpdateDelegationRequest", UpdateDelegationRequest$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/UpdateGroupCommand.js
var UpdateGroupCommand = class extends command(_ep0, _mw0, "UpdateGroup", UpdateGroup$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/UpdateLoginProfileCommand.js
var UpdateLoginProfileCommand = class extends command(_ep0, _mw0, "UpdateLoginProfile", UpdateLoginProfile$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/UpdateOpenIDConnectProviderCommand.js
var UpdateOpenIDConnectProviderCommand = class extends command(_ep0, _mw0, "UpdateOpenIDConnectProvider", UpdateOpenIDConnectProvider$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/UpdateOpenIDConnectProviderThumbprintCommand.js
var UpdateOpenIDConnectProviderThumbprintCommand = class extends command(_ep0, _mw0, "UpdateOpenIDConnectProviderThumbprint", UpdateOpenIDConnectProviderThumbprint$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/UpdateRoleCommand.js
var UpdateRoleCommand = class extends command(_ep0, _mw0, "UpdateRole", UpdateRole$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/UpdateRoleDescriptionCommand.js
var UpdateRoleDescriptionCommand = class extends command(_ep0, _mw0, "UpdateRoleDescription", UpdateRoleDescription$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/UpdateSAMLProviderCommand.js
var UpdateSAMLProviderCommand = class extends command(_ep0, _mw0, "UpdateSAMLProvider", UpdateSAMLProvider$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/UpdateServerCertificateCommand.js
var UpdateServerCertificateCommand = class extends command(_ep0, _mw0, "UpdateServerCertificate", UpdateServerCertificate$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/UpdateServiceSpecificCredentialCommand.js
var UpdateServiceSpecificCredentialCommand = class extends command(_ep0, _mw0, "UpdateServiceSpecificCredential", UpdateServiceSpecificCredential$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/UpdateSigningCertificateCommand.js
var UpdateSigningCertificateCommand = class extends command(_ep0, _mw0, "UpdateSigningCertificate", UpdateSigningCertificate$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/UpdateSSHPublicKeyCommand.js
var UpdateSSHPublicKeyCommand = class extends command(_ep0, _mw0, "UpdateSSHPublicKey", UpdateSSHPublicKey$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/UpdateUserCommand.js
var UpdateUserCommand = class extends command(_ep0, _mw0, "UpdateUser", UpdateUser$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/UploadServerCertificateCommand.js
var UploadServerCertificateCommand = class extends command(_ep0, _mw0, "UploadServerCertificate", UploadServerCertificate$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/UploadSigningCertificateCommand.js
var UploadSigningCertificateCommand = class extends command(_ep0, _mw0, "UploadSigningCertificate", UploadSigningCertificate$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/UploadSSHPublicKeyCommand.js
var UploadSSHPublicKeyCommand = class extends command(_ep0, _mw0, "UploadSSHPublicKey", UploadSSHPublicKey$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/pagination/GetAccountAuthorizationDetailsPaginator.js
var paginateGetAccountAuthorizationDetails = createPaginator(IAMClient, GetAccountAuthorizationDetailsCommand, "Marker", "Marker", "MaxItems");

// node_modules/@aws-sdk/client-iam/dist-es/pagination/GetGroupPaginator.js
var paginateGetGroup = createPaginator(IAMClient, GetGroupCommand, "Marker", "Marker", "MaxItems");

// node_modules/@aws-sdk/client-iam/dist-es/pagination/ListAccessKeysPaginator.js
var paginateListAccessKeys = createPaginator(IAMClient, ListAccessKeysCommand, "Marker", "Marker", "MaxItems");

// node_modules/@aws-sdk/client-iam/dist-es/pagination/ListAccountAliasesPaginator.js
var paginateListAccountAliases = createPaginator(IAMClient, ListAccountAliasesCommand, "Marker", "Marker", "MaxItems");

// node_modules/@aws-sdk/client-iam/dist-es/pagination/ListAttachedGroupPoliciesPaginator.js
var paginateListAttachedGroupPolicies = createPaginator(IAMClient, ListAttachedGroupPoliciesCommand, "Marker", "Marker", "MaxItems");

// node_modules/@aws-sdk/client-iam/dist-es/pagination/ListAttachedRolePoliciesPaginator.js
var paginateListAttachedRolePolicies = createPaginator(IAMClient, ListAttachedRolePoliciesCommand, "Marker", "Marker", "MaxItems");

// node_modules/@aws-sdk/client-iam/dist-es/pagination/ListAttachedUserPoliciesPaginator.js
var paginateListAttachedUserPolicies = createPaginator(IAMClient, ListAttachedUserPoliciesCommand, "Marker", "Marker", "MaxItems");

// node_modules/@aws-sdk/client-iam/dist-es/pagination/ListEntitiesForPolicyPaginator.js
var paginateListEntitiesForPolicy = createPaginator(IAMClient, ListEntitiesForPolicyCommand, "Marker", "Marker", "MaxItems");

// node_modules/@aws-sdk/client-iam/dist-es/pagination/ListGroupPoliciesPaginator.js
var paginateListGroupPolicies = createPaginator(IAMClient, ListGroupPoliciesCommand, "Marker", "Marker", "MaxItems");

// node_modules/@aws-sdk/client-iam/dist-es/pagination/ListGroupsForUserPaginator.js
var paginateListGroupsForUser = createPaginator(IAMClient, ListGroupsForUserCommand, "Marker", "Marker", "MaxItems");

// node_modules/@aws-sdk/client-iam/dist-es/pagination/ListGroupsPaginator.js
var paginateListGroups = createPaginator(IAMClient, ListGroupsCommand, "Marker", "Marker", "MaxItems");

// node_modules/@aws-sdk/client-iam/dist-es/pagination/ListInstanceProfilesForRolePaginator.js
var paginateListInstanceProfilesForRole = createPaginator(IAMClient, ListInstanceProfilesForRoleCommand, "Marker", "Marker", "MaxItems");

// node_modules/@aws-sdk/client-iam/dist-es/pagination/ListInstanceProfilesPaginator.js
var paginateListInstanceProfiles = createPaginator(IAMClient, ListInstanceProfilesCommand, "Marker", "Marker", "MaxItems");

// node_modules/@aws-sdk/client-iam/dist-es/pagination/ListInstanceProfileTagsPaginator.js
var paginateListInstanceProfileTags = createPaginator(IAMClient, ListInstanceProfileTagsCommand, "Marker", "Marker", "MaxItems");

// node_modules/@aws-sdk/client-iam/dist-es/pagination/ListMFADevicesPaginator.js
var paginateListMFADevices = createPaginator(IAMClient, ListMFADevicesCommand, "Marker", "Marker", "MaxItems");

// node_modules/@aws-sdk/client-iam/dist-es/pagination/ListMFADeviceTagsPaginator.js
var paginateListMFADeviceTags = createPaginator(IAMClient, ListMFADeviceTagsCommand, "Marker", "Marker", "MaxItems");

// node_modules/@aws-sdk/client-iam/dist-es/pagination/ListOpenIDConnectProviderTagsPaginator.js
var paginateListOpenIDConnectProviderTags = createPaginator(IAMClient, ListOpenIDConnectProviderTagsCommand, "Marker", "Marker", "MaxItems");

// node_modules/@aws-sdk/client-iam/dist-es/pagination/ListPoliciesPaginator.js
var paginateListPolicies = createPaginator(IAMClient, ListPoliciesCommand, "Marker", "Marker", "MaxItems");

// node_modules/@aws-sdk/client-iam/dist-es/pagination/ListPolicyTagsPaginator.js
var paginateListPolicyTags = createPaginator(IAMClient, ListPolicyTagsCommand, "Marker", "Marker", "MaxItems");

// node_modules/@aws-sdk/client-iam/dist-es/pagination/ListPolicyVersionsPaginator.js
var paginateListPolicyVersions = createPaginator(IAMClient, ListPolicyVersionsCommand, "Marker", "Marker", "MaxItems");

// node_modules/@aws-sdk/client-iam/dist-es/pagination/ListRolePoliciesPaginator.js
var paginateListRolePolicies = createPaginator(IAMClient, ListRolePoliciesCommand, "Marker", "Marker", "MaxItems");

// node_modules/@aws-sdk/client-iam/dist-es/pagination/ListRolesPaginator.js
var paginateListRoles = createPaginator(IAMClient, ListRolesCommand, "Marker", "Marker", "MaxItems");

// node_modules/@aws-sdk/client-iam/dist-es/pagination/ListRoleTagsPaginator.js
var paginateListRoleTags = createPaginator(IAMClient, ListRoleTagsCommand, "Marker", "Marker", "MaxItems");

// node_modules/@aws-sdk/client-iam/dist-es/pagination/ListSAMLProviderTagsPaginator.js
var paginateListSAMLProviderTags = createPaginator(IAMClient, ListSAMLProviderTagsCommand, "Marker", "Marker", "MaxItems");

// node_modules/@aws-sdk/client-iam/dist-es/pagination/ListServerCertificatesPaginator.js
var paginateListServerCertificates = createPaginator(IAMClient, ListServerCertificatesCommand, "Marker", "Marker", "MaxItems");

// node_modules/@aws-sdk/client-iam/dist-es/pagination/ListServerCertificateTagsPaginator.js
var paginateListServerCertificateTags = createPaginator(IAMClient, ListServerCertificateTagsCommand, "Marker", "Marker", "MaxItems");

// node_modules/@aws-sdk/client-iam/dist-es/pagination/ListSigningCertificatesPaginator.js
var paginateListSigningCertificates = createPaginator(IAMClient, ListSigningCertificatesCommand, "Marker", "Marker", "MaxItems");

// node_modules/@aws-sdk/client-iam/dist-es/pagination/ListSSHPublicKeysPaginator.js
var paginateListSSHPublicKeys = createPaginator(IAMClient, ListSSHPublicKeysCommand, "Marker", "Marker", "MaxItems");

// node_modules/@aws-sdk/client-iam/dist-es/pagination/ListUserPoliciesPaginator.js
var paginateListUserPolicies = createPaginator(IAMClient, ListUserPoliciesCommand, "Marker", "Marker", "MaxItems");

// node_modules/@aws-sdk/client-iam/dist-es/pagination/ListUsersPaginator.js
var paginateListUsers = createPaginator(IAMClient, ListUsersCommand, "Marker", "Marker", "MaxItems");

// node_modules/@aws-sdk/client-iam/dist-es/pagination/ListUserTagsPaginator.js
var paginateListUserTags = createPaginator(IAMClient, ListUserTagsCommand, "Marker", "Marker", "MaxItems");

// node_modules/@aws-sdk/client-iam/dist-es/pagination/ListVirtualMFADevicesPaginator.js
var paginateListVirtualMFADevices = createPaginator(IAMClient, ListVirtualMFADevicesCommand, "Marker", "Marker", "MaxItems");

// node_modules/@aws-sdk/client-iam/dist-es/pagination/SimulateCustomPolicyPaginator.js
var paginateSimulateCustomPolicy = createPaginator(IAMClient, SimulateCustomPolicyCommand, "Marker", "Marker", "MaxItems");

// node_modules/@aws-sdk/client-iam/dist-es/pagination/SimulatePrincipalPolicyPaginator.js
var paginateSimulatePrincipalPolicy = createPaginator(IAMClient, SimulatePrincipalPolicyCommand, "Marker", "Marker", "MaxItems");

// node_modules/@aws-sdk/client-iam/dist-es/waiters/waitForInstanceProfileExists.js
var checkState = async (client, input) => {
  let reason;
  try {
    let result = await client.send(new GetInstanceProfileCommand(input));
    reason = result;
    return { state: WaiterState.SUCCESS, reason };
  } catch (exception) {
    reason = exception;
    if (exception.name === "NoSuchEntityException") {
      return { state: WaiterState.RETRY, reason };
    }
  }
  return { state: WaiterState.RETRY, reason };
};
var waitForInstanceProfileExists = async (params, input) => {
  const serviceDefaults = { minDelay: 1, maxDelay: 120 };
  return createWaiter({ ...serviceDefaults, ...params }, input, checkState);
};
var waitUntilInstanceProfileExists = async (params, input) => {
  const serviceDefaults = { minDelay: 1, maxDelay: 120 };
  const result = await createWaiter({ ...serviceDefaults, ...params }, input, checkState);
  return checkExceptions(result);
};

// node_modules/@aws-sdk/client-iam/dist-es/waiters/waitForPolicyExists.js
var checkState2 = async (client, input) => {
  let reason;
  try {
    let result = await client.send(new GetPolicyCommand(input));
    reason = result;
    return { state: WaiterState.SUCCESS, reason };
  } catch (exception) {
    reason = exception;
    if (exception.name === "NoSuchEntityException") {
      return { state: WaiterState.RETRY, reason };
    }
  }
  return { state: WaiterState.RETRY, reason };
};
var waitForPolicyExists = async (params, input) => {
  const serviceDefaults = { minDelay: 1, maxDelay: 120 };
  return createWaiter({ ...serviceDefaults, ...params }, input, checkState2);
};
var waitUntilPolicyExists = async (params, input) => {
  const serviceDefaults = { minDelay: 1, maxDelay: 120 };
  const result = await createWaiter({ ...serviceDefaults, ...params }, input, checkState2);
  return checkExceptions(result);
};

// node_modules/@aws-sdk/client-iam/dist-es/waiters/waitForRoleExists.js
var checkState3 = async (client, input) => {
  let reason;
  try {
    let result = await client.send(new GetRoleCommand(input));
    reason = result;
    return { state: WaiterState.SUCCESS, reason };
  } catch (exception) {
    reason = exception;
    if (exception.name === "NoSuchEntityException") {
      return { state: WaiterState.RETRY, reason };
    }
  }
  return { state: WaiterState.RETRY, reason };
};
var waitForRoleExists = async (params, input) => {
  const serviceDefaults = { minDelay: 1, maxDelay: 120 };
  return createWaiter({ ...serviceDefaults, ...params }, input, checkState3);
};
var waitUntilRoleExists = async (params, input) => {
  const serviceDefaults = { minDelay: 1, maxDelay: 120 };
  const result = await createWaiter({ ...serviceDefaults, ...params }, input, checkState3);
  return checkExceptions(result);
};

// node_modules/@aws-sdk/client-iam/dist-es/waiters/waitForUserExists.js
var checkState4 = async (client, input) => {
  let reason;
  try {
    let result = await client.send(new GetUserCommand(input));
    reason = result;
    return { state: WaiterState.SUCCESS, reason };
  } catch (exception) {
    reason = exception;
    if (exception.name === "NoSuchEntityException") {
      return { state: WaiterState.RETRY, reason };
    }
  }
  return { state: WaiterState.RETRY, reason };
};
var waitForUserExists = async (params, input) => {
  const serviceDefaults = { minDelay: 1, maxDelay: 120 };
  return createWaiter({ ...serviceDefaults, ...params }, input, checkState4);
};
var waitUntilUserExists = async (params, input) => {
  const serviceDefaults = { minDelay: 1, maxDelay: 120 };
  const result = await createWaiter({ ...serviceDefaults, ...params }, input, checkState4);
  return checkExceptions(result);
};

// node_modules/@aws-sdk/client-iam/dist-es/IAM.js
var commands = {
  AcceptDelegationRequestCommand,
  AcquireRoleCommand,
  AddClientIDToOpenIDConnectProviderCommand,
  AddRoleToInstanceProfileCommand,
  AddUserToGroupCommand,
  AssociateDelegationRequestCommand,
  AttachGroupPolicyCommand,
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  ChangePasswordCommand,
  CreateAccessKeyCommand,
  CreateAccountAliasCommand,
  CreateDelegationRequestCommand,
  CreateGroupCommand,
  CreateInstanceProfileCommand,
  CreateLoginProfileCommand,
  CreateOpenIDConnectProviderCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateRoleCommand,
  CreateSAMLProviderCommand,
  CreateServiceLinkedRoleCommand,
  CreateServiceSpecificCredentialCommand,
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  DeactivateMFADeviceCommand,
  DeleteAccessKeyCommand,
  DeleteAccountAliasCommand,
  DeleteAccountPasswordPolicyCommand,
  DeleteGroupCommand,
  DeleteGroupPolicyCommand,
  DeleteInstanceProfileCommand,
  DeleteLoginProfileCommand,
  DeleteOpenIDConnectProviderCommand,
  DeletePolicyCommand,
  DeletePolicyVersionCommand,
  DeleteRoleCommand,
  DeleteRolePermissionsBoundaryCommand,
  DeleteRolePolicyCommand,
  DeleteSAMLProviderCommand,
  DeleteServerCertificateCommand,
  DeleteServiceLinkedRoleCommand,
  DeleteServiceSpecificCredentialCommand,
  DeleteSigningCertificateCommand,
  DeleteSSHPublicKeyCommand,
  DeleteUserCommand,
  DeleteUserPermissionsBoundaryCommand,
  DeleteUserPolicyCommand,
  DeleteVirtualMFADeviceCommand,
  DetachGroupPolicyCommand,
  DetachRolePolicyCommand,
  DetachUserPolicyCommand,
  DisableOrganizationsRootCredentialsManagementCommand,
  DisableOrganizationsRootSessionsCommand,
  DisableOutboundWebIdentityFederationCommand,
  EnableMFADeviceCommand,
  EnableOrganizationsRootCredentialsManagementCommand,
  EnableOrganizationsRootSessionsCommand,
  EnableOutboundWebIdentityFederationCommand,
  GenerateCredentialReportCommand,
  GenerateOrganizationsAccessReportCommand,
  GenerateServiceLastAccessedDetailsCommand,
  GetAccessKeyLastUsedCommand,
  GetAccountAuthorizationDetailsCommand,
  GetAccountPasswordPolicyCommand,
  GetAccountPropertiesCommand,
  GetAccountSummaryCommand,
  GetContextKeysForCustomPolicyCommand,
  GetContextKeysForPrincipalPolicyCommand,
  GetCredentialReportCommand,
  GetDelegationRequestCommand,
  GetGroupCommand,
  GetGroupPolicyCommand,
  GetHumanReadableSummaryCommand,
  GetInstanceProfileCommand,
  GetLoginProfileCommand,
  GetMFADeviceCommand,
  GetOpenIDConnectProviderCommand,
  GetOrganizationsAccessReportCommand,
  GetOutboundWebIdentityFederationInfoCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  GetRoleTemplateVersionCommand,
  GetSAMLProviderCommand,
  GetServerCertificateCommand,
  GetServiceLastAccessedDetailsCommand,
  GetServiceLastAccessedDetailsWithEntitiesCommand,
  GetServiceLinkedRoleDeletionStatusCommand,
  GetSSHPublicKeyCommand,
  GetUserCommand,
  GetUserPolicyCommand,
  ListAccessKeysCommand,
  ListAccountAliasesCommand,
  ListAttachedGroupPoliciesCommand,
  ListAttachedRolePoliciesCommand,
  ListAttachedUserPoliciesCommand,
  ListDelegationRequestsCommand,
  ListEntitiesForPolicyCommand,
  ListGroupPoliciesCommand,
  ListGroupsCommand,
  ListGroupsForUserCommand,
  ListInstanceProfilesCommand,
  ListInstanceProfilesForRoleCommand,
  ListInstanceProfileTagsCommand,
  ListMFADevicesCommand,
  ListMFADeviceTagsCommand,
  ListOpenIDConnectProvidersCommand,
  ListOpenIDConnectProviderTagsCommand,
  ListOrganizationsFeaturesCommand,
  ListPoliciesCommand,
  ListPoliciesGrantingServiceAccessCommand,
  ListPolicyTagsCommand,
  ListPolicyVersionsCommand,
  ListRolePoliciesCommand,
  ListRolesCommand,
  ListRoleTagsCommand,
  ListSAMLProvidersCommand,
  ListSAMLProviderTagsCommand,
  ListServerCertificatesCommand,
  ListServerCertificateTagsCommand,
  ListServiceSpecificCredentialsCommand,
  ListSigningCertificatesCommand,
  ListSSHPublicKeysCommand,
  ListUserPoliciesCommand,
  ListUsersCommand,
  ListUserTagsCommand,
  ListVirtualMFADevicesCommand,
  PutAccountPropertiesCommand,
  PutGroupPolicyCommand,
  PutRolePermissionsBoundaryCommand,
  PutRolePolicyCommand,
  PutUserPermissionsBoundaryCommand,
  PutUserPolicyCommand,
  RejectDelegationRequestCommand,
  RemoveClientIDFromOpenIDConnectProviderCommand,
  RemoveRoleFromInstanceProfileCommand,
  RemoveUserFromGroupCommand,
  ResetServiceSpecificCredentialCommand,
  ResyncMFADeviceCommand,
  SendDelegationTokenCommand,
  SetDefaultPolicyVersionCommand,
  SetSecurityTokenServicePreferencesCommand,
  SimulateCustomPolicyCommand,
  SimulatePrincipalPolicyCommand,
  TagInstanceProfileCommand,
  TagMFADeviceCommand,
  TagOpenIDConnectProviderCommand,
  TagPolicyCommand,
  TagRoleCommand,
  TagSAMLProviderCommand,
  TagServerCertificateCommand,
  TagUserCommand,
  UntagInstanceProfileCommand,
  UntagMFADeviceCommand,
  UntagOpenIDConnectProviderCommand,
  UntagPolicyCommand,
  UntagRoleCommand,
  UntagSAMLProviderCommand,
  UntagServerCertificateCommand,
  UntagUserCommand,
  UpdateAccessKeyCommand,
  UpdateAccountPasswordPolicyCommand,
  UpdateAssumeRolePolicyCommand,
  UpdateDelegationRequestCommand,
  UpdateGroupCommand,
  UpdateLoginProfileCommand,
  UpdateOpenIDConnectProviderCommand,
  UpdateOpenIDConnectProviderThumbprintCommand,
  UpdateRoleCommand,
  UpdateRoleDescriptionCommand,
  UpdateSAMLProviderCommand,
  UpdateServerCertificateCommand,
  UpdateServiceSpecificCredentialCommand,
  UpdateSigningCertificateCommand,
  UpdateSSHPublicKeyCommand,
  UpdateUserCommand,
  UploadServerCertificateCommand,
  UploadSigningCertificateCommand,
  UploadSSHPublicKeyCommand
};
var paginators = {
  paginateGetAccountAuthorizationDetails,
  paginateGetGroup,
  paginateListAccessKeys,
  paginateListAccountAliases,
  paginateListAttachedGroupPolicies,
  paginateListAttachedRolePolicies,
  paginateListAttachedUserPolicies,
  paginateListEntitiesForPolicy,
  paginateListGroupPolicies,
  paginateListGroups,
  paginateListGroupsForUser,
  paginateListInstanceProfiles,
  paginateListInstanceProfilesForRole,
  paginateListInstanceProfileTags,
  paginateListMFADevices,
  paginateListMFADeviceTags,
  paginateListOpenIDConnectProviderTags,
  paginateListPolicies,
  paginateListPolicyTags,
  paginateListPolicyVersions,
  paginateListRolePolicies,
  paginateListRoles,
  paginateListRoleTags,
  paginateListSAMLProviderTags,
  paginateListServerCertificates,
  paginateListServerCertificateTags,
  paginateListSigningCertificates,
  paginateListSSHPublicKeys,
  paginateListUserPolicies,
  paginateListUsers,
  paginateListUserTags,
  paginateListVirtualMFADevices,
  paginateSimulateCustomPolicy,
  paginateSimulatePrincipalPolicy
};
var waiters = {
  waitUntilInstanceProfileExists,
  waitUntilPolicyExists,
  waitUntilRoleExists,
  waitUntilUserExists
};
var IAM = class extends IAMClient {
};
createAggregatedClient(commands, IAM, { paginators, waiters });

// node_modules/@aws-sdk/client-iam/dist-es/models/enums.js
var AccessAdvisorUsageGranularityType = {
  ACTION_LEVEL: "ACTION_LEVEL",
  SERVICE_LEVEL: "SERVICE_LEVEL"
};
var StatusType = {
  Active: "Active",
  Expired: "Expired",
  Inactive: "Inactive"
};
var PermissionsBoundaryAttachmentType = {
  Policy: "PermissionsBoundaryPolicy"
};
var AssertionEncryptionModeType = {
  Allowed: "Allowed",
  Required: "Required"
};
var AssignmentStatusType = {
  Any: "Any",
  Assigned: "Assigned",
  Unassigned: "Unassigned"
};
var AttachmentType = {
  GROUP: "group",
  ROLE: "role",
  USER: "user"
};
var PolicyParameterTypeEnum = {
  STRING: "string",
  STRING_LIST: "stringList"
};
var FeatureType = {
  ROOT_CREDENTIALS_MANAGEMENT: "RootCredentialsManagement",
  ROOT_SESSIONS: "RootSessions"
};
var ReportStateType = {
  COMPLETE: "COMPLETE",
  INPROGRESS: "INPROGRESS",
  STARTED: "STARTED"
};
var EntityType = {
  AWSManagedPolicy: "AWSManagedPolicy",
  Group: "Group",
  LocalManagedPolicy: "LocalManagedPolicy",
  Role: "Role",
  User: "User"
};
var SummaryKeyType = {
  AccessKeysPerUserQuota: "AccessKeysPerUserQuota",
  AccountAccessKeysPresent: "AccountAccessKeysPresent",
  AccountMFAEnabled: "AccountMFAEnabled",
  AccountPasswordPresent: "AccountPasswordPresent",
  AccountSigningCertificatesPresent: "AccountSigningCertificatesPresent",
  AssumeRolePolicySizeQuota: "AssumeRolePolicySizeQuota",
  AttachedPoliciesPerGroupQuota: "AttachedPoliciesPerGroupQuota",
  AttachedPoliciesPerRoleQuota: "AttachedPoliciesPerRoleQuota",
  AttachedPoliciesPerUserQuota: "AttachedPoliciesPerUserQuota",
  GlobalEndpointTokenVersion: "GlobalEndpointTokenVersion",
  GroupPolicySizeQuota: "GroupPolicySizeQuota",
  Groups: "Groups",
  GroupsPerUserQuota: "GroupsPerUserQuota",
  GroupsQuota: "GroupsQuota",
  InstanceProfiles: "InstanceProfiles",
  InstanceProfilesQuota: "InstanceProfilesQuota",
  MFADevices: "MFADevices",
  MFADevicesInUse: "MFADevicesInUse",
  Policies: "Policies",
  PoliciesQuota: "PoliciesQuota",
  PolicySizeQuota: "PolicySizeQuota",
  PolicyVersionsInUse: "PolicyVersionsInUse",
  PolicyVersionsInUseQuota: "PolicyVersionsInUseQuota",
  Providers: "Providers",
  RolePolicySizeQuota: "RolePolicySizeQuota",
  Roles: "Roles",
  RolesQuota: "RolesQuota",
  ServerCertificates: "ServerCertificates",
  ServerCertificatesQuota: "ServerCertificatesQuota",
  SigningCertificatesPerUserQuota: "SigningCertificatesPerUserQuota",
  UserPolicySizeQuota: "UserPolicySizeQuota",
  Users: "Users",
  UsersQuota: "UsersQuota",
  VersionsPerPolicyQuota: "VersionsPerPolicyQuota"
};
var ReportFormatType = {
  text_csv: "text/csv"
};
var StateType = {
  ACCEPTED: "ACCEPTED",
  ASSIGNED: "ASSIGNED",
  EXPIRED: "EXPIRED",
  FINALIZED: "FINALIZED",
  PENDING_APPROVAL: "PENDING_APPROVAL",
  REJECTED: "REJECTED",
  UNASSIGNED: "UNASSIGNED"
};
var PermissionCheckResultType = {
  ALLOWED: "ALLOWED",
  DENIED: "DENIED",
  UNSURE: "UNSURE"
};
var PermissionCheckStatusType = {
  COMPLETE: "COMPLETE",
  FAILED: "FAILED",
  IN_PROGRESS: "IN_PROGRESS"
};
var SummaryStateType = {
  AVAILABLE: "AVAILABLE",
  FAILED: "FAILED",
  NOT_AVAILABLE: "NOT_AVAILABLE",
  NOT_SUPPORTED: "NOT_SUPPORTED"
};
var SortKeyType = {
  LAST_AUTHENTICATED_TIME_ASCENDING: "LAST_AUTHENTICATED_TIME_ASCENDING",
  LAST_AUTHENTICATED_TIME_DESCENDING: "LAST_AUTHENTICATED_TIME_DESCENDING",
  SERVICE_NAMESPACE_ASCENDING: "SERVICE_NAMESPACE_ASCENDING",
  SERVICE_NAMESPACE_DESCENDING: "SERVICE_NAMESPACE_DESCENDING"
};
var JobStatusType = {
  COMPLETED: "COMPLETED",
  FAILED: "FAILED",
  IN_PROGRESS: "IN_PROGRESS"
};
var ManagedByTypeType = {
  Service: "Service"
};
var ParameterTypeType = {
  Arn: "Arn",
  ArnList: "ArnList",
  Number: "Number",
  NumberList: "NumberList",
  String: "String",
  StringList: "StringList"
};
var PolicyOwnerEntityType = {
  GROUP: "GROUP",
  ROLE: "ROLE",
  USER: "USER"
};
var DeletionTaskStatusType = {
  FAILED: "FAILED",
  IN_PROGRESS: "IN_PROGRESS",
  NOT_STARTED: "NOT_STARTED",
  SUCCEEDED: "SUCCEEDED"
};
var EncodingType = {
  PEM: "PEM",
  SSH: "SSH"
};
var PolicyUsageType = {
  PermissionsBoundary: "PermissionsBoundary",
  PermissionsPolicy: "PermissionsPolicy"
};
var PolicyScopeType = {
  AWS: "AWS",
  All: "All",
  Local: "Local"
};
var PolicyType = {
  INLINE: "INLINE",
  MANAGED: "MANAGED"
};
var GlobalEndpointTokenVersion = {
  v1Token: "v1Token",
  v2Token: "v2Token"
};
var ContextKeyTypeEnum = {
  BINARY: "binary",
  BINARY_LIST: "binaryList",
  BOOLEAN: "boolean",
  BOOLEAN_LIST: "booleanList",
  DATE: "date",
  DATE_LIST: "dateList",
  IP: "ip",
  IP_LIST: "ipList",
  NUMERIC: "numeric",
  NUMERIC_LIST: "numericList",
  STRING: "string",
  STRING_LIST: "stringList"
};
var PolicyEvaluationDecisionType = {
  ALLOWED: "allowed",
  EXPLICIT_DENY: "explicitDeny",
  IMPLICIT_DENY: "implicitDeny"
};
var PolicySourceType = {
  AWS_MANAGED: "aws-managed",
  GROUP: "group",
  NONE: "none",
  RESOURCE: "resource",
  ROLE: "role",
  USER: "user",
  USER_MANAGED: "user-managed"
};
var PolicyIdentifierPolicyType = {
  AWS_MANAGED: "aws-managed",
  INLINE: "inline",
  PERMISSION_BOUNDARY: "permission-boundary",
  RCP: "rcp",
  SCP: "scp",
  USER_MANAGED: "user-managed"
};
export {
  Command as $Command,
  AcceptDelegationRequest$,
  AcceptDelegationRequestCommand,
  AcceptDelegationRequestRequest$,
  AccessAdvisorUsageGranularityType,
  AccessDetail$,
  AccessKey$,
  AccessKeyLastUsed$,
  AccessKeyMetadata$,
  AccountNotManagementOrDelegatedAdministratorException,
  AccountNotManagementOrDelegatedAdministratorException$,
  AcquireRole$,
  AcquireRoleCommand,
  AcquireRoleRequest$,
  AcquireRoleResponse$,
  AddClientIDToOpenIDConnectProvider$,
  AddClientIDToOpenIDConnectProviderCommand,
  AddClientIDToOpenIDConnectProviderRequest$,
  AddRoleToInstanceProfile$,
  AddRoleToInstanceProfileCommand,
  AddRoleToInstanceProfileRequest$,
  AddUserToGroup$,
  AddUserToGroupCommand,
  AddUserToGroupRequest$,
  AssertionEncryptionModeType,
  AssignmentStatusType,
  AssociateDelegationRequest$,
  AssociateDelegationRequestCommand,
  AssociateDelegationRequestRequest$,
  AttachGroupPolicy$,
  AttachGroupPolicyCommand,
  AttachGroupPolicyRequest$,
  AttachRolePolicy$,
  AttachRolePolicyCommand,
  AttachRolePolicyRequest$,
  AttachUserPolicy$,
  AttachUserPolicyCommand,
  AttachUserPolicyRequest$,
  AttachedPermissionsBoundary$,
  AttachedPolicy$,
  AttachmentType,
  CallerIsNotManagementAccountException,
  CallerIsNotManagementAccountException$,
  ChangePassword$,
  ChangePasswordCommand,
  ChangePasswordRequest$,
  ConcurrentModificationException,
  ConcurrentModificationException$,
  ContextEntry$,
  ContextKeyTypeEnum,
  ContextProvider$,
  ContextProviderKeyDefinition$,
  CreateAccessKey$,
  CreateAccessKeyCommand,
  CreateAccessKeyRequest$,
  CreateAccessKeyResponse$,
  CreateAccountAlias$,
  CreateAccountAliasCommand,
  CreateAccountAliasRequest$,
  CreateDelegationRequest$,
  CreateDelegationRequestCommand,
  CreateDelegationRequestRequest$,
  CreateDelegationRequestResponse$,
  CreateGroup$,
  CreateGroupCommand,
  CreateGroupRequest$,
  CreateGroupResponse$,
  CreateInstanceProfile$,
  CreateInstanceProfileCommand,
  CreateInstanceProfileRequest$,
  CreateInstanceProfileResponse$,
  CreateLoginProfile$,
  CreateLoginProfileCommand,
  CreateLoginProfileRequest$,
  CreateLoginProfileResponse$,
  CreateOpenIDConnectProvider$,
  CreateOpenIDConnectProviderCommand,
  CreateOpenIDConnectProviderRequest$,
  CreateOpenIDConnectProviderResponse$,
  CreatePolicy$,
  CreatePolicyCommand,
  CreatePolicyRequest$,
  CreatePolicyResponse$,
  CreatePolicyVersion$,
  CreatePolicyVersionCommand,
  CreatePolicyVersionRequest$,
  CreatePolicyVersionResponse$,
  CreateRole$,
  CreateRoleCommand,
  CreateRoleRequest$,
  CreateRoleResponse$,
  CreateSAMLProvider$,
  CreateSAMLProviderCommand,
  CreateSAMLProviderRequest$,
  CreateSAMLProviderResponse$,
  CreateServiceLinkedRole$,
  CreateServiceLinkedRoleCommand,
  CreateServiceLinkedRoleRequest$,
  CreateServiceLinkedRoleResponse$,
  CreateServiceSpecificCredential$,
  CreateServiceSpecificCredentialCommand,
  CreateServiceSpecificCredentialRequest$,
  CreateServiceSpecificCredentialResponse$,
  CreateUser$,
  CreateUserCommand,
  CreateUserRequest$,
  CreateUserResponse$,
  CreateVirtualMFADevice$,
  CreateVirtualMFADeviceCommand,
  CreateVirtualMFADeviceRequest$,
  CreateVirtualMFADeviceResponse$,
  CredentialReportExpiredException,
  CredentialReportExpiredException$,
  CredentialReportNotPresentException,
  CredentialReportNotPresentException$,
  CredentialReportNotReadyException,
  CredentialReportNotReadyException$,
  DeactivateMFADevice$,
  DeactivateMFADeviceCommand,
  DeactivateMFADeviceRequest$,
  DelegationPermission$,
  DelegationRequest$,
  DeleteAccessKey$,
  DeleteAccessKeyCommand,
  DeleteAccessKeyRequest$,
  DeleteAccountAlias$,
  DeleteAccountAliasCommand,
  DeleteAccountAliasRequest$,
  DeleteAccountPasswordPolicy$,
  DeleteAccountPasswordPolicyCommand,
  DeleteConflictException,
  DeleteConflictException$,
  DeleteGroup$,
  DeleteGroupCommand,
  DeleteGroupPolicy$,
  DeleteGroupPolicyCommand,
  DeleteGroupPolicyRequest$,
  DeleteGroupRequest$,
  DeleteInstanceProfile$,
  DeleteInstanceProfileCommand,
  DeleteInstanceProfileRequest$,
  DeleteLoginProfile$,
  DeleteLoginProfileCommand,
  DeleteLoginProfileRequest$,
  DeleteOpenIDConnectProvider$,
  DeleteOpenIDConnectProviderCommand,
  DeleteOpenIDConnectProviderRequest$,
  DeletePolicy$,
  DeletePolicyCommand,
  DeletePolicyRequest$,
  DeletePolicyVersion$,
  DeletePolicyVersionCommand,
  DeletePolicyVersionRequest$,
  DeleteRole$,
  DeleteRoleCommand,
  DeleteRolePermissionsBoundary$,
  DeleteRolePermissionsBoundaryCommand,
  DeleteRolePermissionsBoundaryRequest$,
  DeleteRolePolicy$,
  DeleteRolePolicyCommand,
  DeleteRolePolicyRequest$,
  DeleteRoleRequest$,
  DeleteSAMLProvider$,
  DeleteSAMLProviderCommand,
  DeleteSAMLProviderRequest$,
  DeleteSSHPublicKey$,
  DeleteSSHPublicKeyCommand,
  DeleteSSHPublicKeyRequest$,
  DeleteServerCertificate$,
  DeleteServerCertificateCommand,
  DeleteServerCertificateRequest$,
  DeleteServiceLinkedRole$,
  DeleteServiceLinkedRoleCommand,
  DeleteServiceLinkedRoleRequest$,
  DeleteServiceLinkedRoleResponse$,
  DeleteServiceSpecificCredential$,
  DeleteServiceSpecificCredentialCommand,
  DeleteServiceSpecificCredentialRequest$,
  DeleteSigningCertificate$,
  DeleteSigningCertificateCommand,
  DeleteSigningCertificateRequest$,
  DeleteUser$,
  DeleteUserCommand,
  DeleteUserPermissionsBoundary$,
  DeleteUserPermissionsBoundaryCommand,
  DeleteUserPermissionsBoundaryRequest$,
  DeleteUserPolicy$,
  DeleteUserPolicyCommand,
  DeleteUserPolicyRequest$,
  DeleteUserRequest$,
  DeleteVirtualMFADevice$,
  DeleteVirtualMFADeviceCommand,
  DeleteVirtualMFADeviceRequest$,
  DeletionTaskFailureReasonType$,
  DeletionTaskStatusType,
  DetachGroupPolicy$,
  DetachGroupPolicyCommand,
  DetachGroupPolicyRequest$,
  DetachRolePolicy$,
  DetachRolePolicyCommand,
  DetachRolePolicyRequest$,
  DetachUserPolicy$,
  DetachUserPolicyCommand,
  DetachUserPolicyRequest$,
  DisableOrganizationsRootCredentialsManagement$,
  DisableOrganizationsRootCredentialsManagementCommand,
  DisableOrganizationsRootCredentialsManagementRequest$,
  DisableOrganizationsRootCredentialsManagementResponse$,
  DisableOrganizationsRootSessions$,
  DisableOrganizationsRootSessionsCommand,
  DisableOrganizationsRootSessionsRequest$,
  DisableOrganizationsRootSessionsResponse$,
  DisableOutboundWebIdentityFederation$,
  DisableOutboundWebIdentityFederationCommand,
  DuplicateCertificateException,
  DuplicateCertificateException$,
  DuplicateSSHPublicKeyException,
  DuplicateSSHPublicKeyException$,
  EnableMFADevice$,
  EnableMFADeviceCommand,
  EnableMFADeviceRequest$,
  EnableOrganizationsRootCredentialsManagement$,
  EnableOrganizationsRootCredentialsManagementCommand,
  EnableOrganizationsRootCredentialsManagementRequest$,
  EnableOrganizationsRootCredentialsManagementResponse$,
  EnableOrganizationsRootSessions$,
  EnableOrganizationsRootSessionsCommand,
  EnableOrganizationsRootSessionsRequest$,
  EnableOrganizationsRootSessionsResponse$,
  EnableOutboundWebIdentityFederation$,
  EnableOutboundWebIdentityFederationCommand,
  EnableOutboundWebIdentityFederationResponse$,
  EncodingType,
  EntityAlreadyExistsException,
  EntityAlreadyExistsException$,
  EntityDetails$,
  EntityInfo$,
  EntityTemporarilyUnmodifiableException,
  EntityTemporarilyUnmodifiableException$,
  EntityType,
  ErrorDetails$,
  EvaluationResult$,
  FeatureDisabledException,
  FeatureDisabledException$,
  FeatureEnabledException,
  FeatureEnabledException$,
  FeatureType,
  GenerateCredentialReport$,
  GenerateCredentialReportCommand,
  GenerateCredentialReportResponse$,
  GenerateOrganizationsAccessReport$,
  GenerateOrganizationsAccessReportCommand,
  GenerateOrganizationsAccessReportRequest$,
  GenerateOrganizationsAccessReportResponse$,
  GenerateServiceLastAccessedDetails$,
  GenerateServiceLastAccessedDetailsCommand,
  GenerateServiceLastAccessedDetailsRequest$,
  GenerateServiceLastAccessedDetailsResponse$,
  GetAccessKeyLastUsed$,
  GetAccessKeyLastUsedCommand,
  GetAccessKeyLastUsedRequest$,
  GetAccessKeyLastUsedResponse$,
  GetAccountAuthorizationDetails$,
  GetAccountAuthorizationDetailsCommand,
  GetAccountAuthorizationDetailsRequest$,
  GetAccountAuthorizationDetailsResponse$,
  GetAccountPasswordPolicy$,
  GetAccountPasswordPolicyCommand,
  GetAccountPasswordPolicyResponse$,
  GetAccountProperties$,
  GetAccountPropertiesCommand,
  GetAccountPropertiesRequest$,
  GetAccountPropertiesResponse$,
  GetAccountSummary$,
  GetAccountSummaryCommand,
  GetAccountSummaryResponse$,
  GetContextKeysForCustomPolicy$,
  GetContextKeysForCustomPolicyCommand,
  GetContextKeysForCustomPolicyRequest$,
  GetContextKeysForPolicyResponse$,
  GetContextKeysForPrincipalPolicy$,
  GetContextKeysForPrincipalPolicyCommand,
  GetContextKeysForPrincipalPolicyRequest$,
  GetCredentialReport$,
  GetCredentialReportCommand,
  GetCredentialReportResponse$,
  GetDelegationRequest$,
  GetDelegationRequestCommand,
  GetDelegationRequestRequest$,
  GetDelegationRequestResponse$,
  GetGroup$,
  GetGroupCommand,
  GetGroupPolicy$,
  GetGroupPolicyCommand,
  GetGroupPolicyRequest$,
  GetGroupPolicyResponse$,
  GetGroupRequest$,
  GetGroupResponse$,
  GetHumanReadableSummary$,
  GetHumanReadableSummaryCommand,
  GetHumanReadableSummaryRequest$,
  GetHumanReadableSummaryResponse$,
  GetInstanceProfile$,
  GetInstanceProfileCommand,
  GetInstanceProfileRequest$,
  GetInstanceProfileResponse$,
  GetLoginProfile$,
  GetLoginProfileCommand,
  GetLoginProfileRequest$,
  GetLoginProfileResponse$,
  GetMFADevice$,
  GetMFADeviceCommand,
  GetMFADeviceRequest$,
  GetMFADeviceResponse$,
  GetOpenIDConnectProvider$,
  GetOpenIDConnectProviderCommand,
  GetOpenIDConnectProviderRequest$,
  GetOpenIDConnectProviderResponse$,
  GetOrganizationsAccessReport$,
  GetOrganizationsAccessReportCommand,
  GetOrganizationsAccessReportRequest$,
  GetOrganizationsAccessReportResponse$,
  GetOutboundWebIdentityFederationInfo$,
  GetOutboundWebIdentityFederationInfoCommand,
  GetOutboundWebIdentityFederationInfoResponse$,
  GetPolicy$,
  GetPolicyCommand,
  GetPolicyRequest$,
  GetPolicyResponse$,
  GetPolicyVersion$,
  GetPolicyVersionCommand,
  GetPolicyVersionRequest$,
  GetPolicyVersionResponse$,
  GetRole$,
  GetRoleCommand,
  GetRolePolicy$,
  GetRolePolicyCommand,
  GetRolePolicyRequest$,
  GetRolePolicyResponse$,
  GetRoleRequest$,
  GetRoleResponse$,
  GetRoleTemplateVersion$,
  GetRoleTemplateVersionCommand,
  GetRoleTemplateVersionRequest$,
  GetRoleTemplateVersionResponse$,
  GetSAMLProvider$,
  GetSAMLProviderCommand,
  GetSAMLProviderRequest$,
  GetSAMLProviderResponse$,
  GetSSHPublicKey$,
  GetSSHPublicKeyCommand,
  GetSSHPublicKeyRequest$,
  GetSSHPublicKeyResponse$,
  GetServerCertificate$,
  GetServerCertificateCommand,
  GetServerCertificateRequest$,
  GetServerCertificateResponse$,
  GetServiceLastAccessedDetails$,
  GetServiceLastAccessedDetailsCommand,
  GetServiceLastAccessedDetailsRequest$,
  GetServiceLastAccessedDetailsResponse$,
  GetServiceLastAccessedDetailsWithEntities$,
  GetServiceLastAccessedDetailsWithEntitiesCommand,
  GetServiceLastAccessedDetailsWithEntitiesRequest$,
  GetServiceLastAccessedDetailsWithEntitiesResponse$,
  GetServiceLinkedRoleDeletionStatus$,
  GetServiceLinkedRoleDeletionStatusCommand,
  GetServiceLinkedRoleDeletionStatusRequest$,
  GetServiceLinkedRoleDeletionStatusResponse$,
  GetUser$,
  GetUserCommand,
  GetUserPolicy$,
  GetUserPolicyCommand,
  GetUserPolicyRequest$,
  GetUserPolicyResponse$,
  GetUserRequest$,
  GetUserResponse$,
  GlobalEndpointTokenVersion,
  Group$,
  GroupDetail$,
  IAM,
  IAMClient,
  IAMServiceException,
  IAMServiceException$,
  InlinePolicy$,
  InlinePolicyIdentifierType$,
  InstanceProfile$,
  InvalidAuthenticationCodeException,
  InvalidAuthenticationCodeException$,
  InvalidCertificateException,
  InvalidCertificateException$,
  InvalidInputException,
  InvalidInputException$,
  InvalidPublicKeyException,
  InvalidPublicKeyException$,
  InvalidUserTypeException,
  InvalidUserTypeException$,
  JobStatusType,
  KeyPairMismatchException,
  KeyPairMismatchException$,
  LimitExceededException,
  LimitExceededException$,
  ListAccessKeys$,
  ListAccessKeysCommand,
  ListAccessKeysRequest$,
  ListAccessKeysResponse$,
  ListAccountAliases$,
  ListAccountAliasesCommand,
  ListAccountAliasesRequest$,
  ListAccountAliasesResponse$,
  ListAttachedGroupPolicies$,
  ListAttachedGroupPoliciesCommand,
  ListAttachedGroupPoliciesRequest$,
  ListAttachedGroupPoliciesResponse$,
  ListAttachedRolePolicies$,
  ListAttachedRolePoliciesCommand,
  ListAttachedRolePoliciesRequest$,
  ListAttachedRolePoliciesResponse$,
  ListAttachedUserPolicies$,
  ListAttachedUserPoliciesCommand,
  ListAttachedUserPoliciesRequest$,
  ListAttachedUserPoliciesResponse$,
  ListDelegationRequests$,
  ListDelegationRequestsCommand,
  ListDelegationRequestsRequest$,
  ListDelegationRequestsResponse$,
  ListEntitiesForPolicy$,
  ListEntitiesForPolicyCommand,
  ListEntitiesForPolicyRequest$,
  ListEntitiesForPolicyResponse$,
  ListGroupPolicies$,
  ListGroupPoliciesCommand,
  ListGroupPoliciesRequest$,
  ListGroupPoliciesResponse$,
  ListGroups$,
  ListGroupsCommand,
  ListGroupsForUser$,
  ListGroupsForUserCommand,
  ListGroupsForUserRequest$,
  ListGroupsForUserResponse$,
  ListGroupsRequest$,
  ListGroupsResponse$,
  ListInstanceProfileTags$,
  ListInstanceProfileTagsCommand,
  ListInstanceProfileTagsRequest$,
  ListInstanceProfileTagsResponse$,
  ListInstanceProfiles$,
  ListInstanceProfilesCommand,
  ListInstanceProfilesForRole$,
  ListInstanceProfilesForRoleCommand,
  ListInstanceProfilesForRoleRequest$,
  ListInstanceProfilesForRoleResponse$,
  ListInstanceProfilesRequest$,
  ListInstanceProfilesResponse$,
  ListMFADeviceTags$,
  ListMFADeviceTagsCommand,
  ListMFADeviceTagsRequest$,
  ListMFADeviceTagsResponse$,
  ListMFADevices$,
  ListMFADevicesCommand,
  ListMFADevicesRequest$,
  ListMFADevicesResponse$,
  ListOpenIDConnectProviderTags$,
  ListOpenIDConnectProviderTagsCommand,
  ListOpenIDConnectProviderTagsRequest$,
  ListOpenIDConnectProviderTagsResponse$,
  ListOpenIDConnectProviders$,
  ListOpenIDConnectProvidersCommand,
  ListOpenIDConnectProvidersRequest$,
  ListOpenIDConnectProvidersResponse$,
  ListOrganizationsFeatures$,
  ListOrganizationsFeaturesCommand,
  ListOrganizationsFeaturesRequest$,
  ListOrganizationsFeaturesResponse$,
  ListPolicies$,
  ListPoliciesCommand,
  ListPoliciesGrantingServiceAccess$,
  ListPoliciesGrantingServiceAccessCommand,
  ListPoliciesGrantingServiceAccessEntry$,
  ListPoliciesGrantingServiceAccessRequest$,
  ListPoliciesGrantingServiceAccessResponse$,
  ListPoliciesRequest$,
  ListPoliciesResponse$,
  ListPolicyTags$,
  ListPolicyTagsCommand,
  ListPolicyTagsRequest$,
  ListPolicyTagsResponse$,
  ListPolicyVersions$,
  ListPolicyVersionsCommand,
  ListPolicyVersionsRequest$,
  ListPolicyVersionsResponse$,
  ListRolePolicies$,
  ListRolePoliciesCommand,
  ListRolePoliciesRequest$,
  ListRolePoliciesResponse$,
  ListRoleTags$,
  ListRoleTagsCommand,
  ListRoleTagsRequest$,
  ListRoleTagsResponse$,
  ListRoles$,
  ListRolesCommand,
  ListRolesRequest$,
  ListRolesResponse$,
  ListSAMLProviderTags$,
  ListSAMLProviderTagsCommand,
  ListSAMLProviderTagsRequest$,
  ListSAMLProviderTagsResponse$,
  ListSAMLProviders$,
  ListSAMLProvidersCommand,
  ListSAMLProvidersRequest$,
  ListSAMLProvidersResponse$,
  ListSSHPublicKeys$,
  ListSSHPublicKeysCommand,
  ListSSHPublicKeysRequest$,
  ListSSHPublicKeysResponse$,
  ListServerCertificateTags$,
  ListServerCertificateTagsCommand,
  ListServerCertificateTagsRequest$,
  ListServerCertificateTagsResponse$,
  ListServerCertificates$,
  ListServerCertificatesCommand,
  ListServerCertificatesRequest$,
  ListServerCertificatesResponse$,
  ListServiceSpecificCredentials$,
  ListServiceSpecificCredentialsCommand,
  ListServiceSpecificCredentialsRequest$,
  ListServiceSpecificCredentialsResponse$,
  ListSigningCertificates$,
  ListSigningCertificatesCommand,
  ListSigningCertificatesRequest$,
  ListSigningCertificatesResponse$,
  ListUserPolicies$,
  ListUserPoliciesCommand,
  ListUserPoliciesRequest$,
  ListUserPoliciesResponse$,
  ListUserTags$,
  ListUserTagsCommand,
  ListUserTagsRequest$,
  ListUserTagsResponse$,
  ListUsers$,
  ListUsersCommand,
  ListUsersRequest$,
  ListUsersResponse$,
  ListVirtualMFADevices$,
  ListVirtualMFADevicesCommand,
  ListVirtualMFADevicesRequest$,
  ListVirtualMFADevicesResponse$,
  LoginProfile$,
  MFADevice$,
  MalformedCertificateException,
  MalformedCertificateException$,
  MalformedPolicyDocumentException,
  MalformedPolicyDocumentException$,
  ManagedByTypeType,
  ManagedPolicyDetail$,
  NameConflictException,
  NameConflictException$,
  NoSuchEntityException,
  NoSuchEntityException$,
  OpenIDConnectProviderListEntry$,
  OpenIdIdpCommunicationErrorException,
  OpenIdIdpCommunicationErrorException$,
  OrderedOrganizationPolicyType$,
  OrganizationNotFoundException,
  OrganizationNotFoundException$,
  OrganizationNotInAllFeaturesModeException,
  OrganizationNotInAllFeaturesModeException$,
  OrganizationsDecisionDetail$,
  ParameterDefinition$,
  ParameterTypeType,
  PasswordPolicy$,
  PasswordPolicyViolationException,
  PasswordPolicyViolationException$,
  PermissionCheckResultType,
  PermissionCheckStatusType,
  PermissionsBoundaryAttachmentType,
  PermissionsBoundaryDecisionDetail$,
  Policy$,
  PolicyDetail$,
  PolicyEvaluationDecisionType,
  PolicyEvaluationException,
  PolicyEvaluationException$,
  PolicyGrantingServiceAccess$,
  PolicyGroup$,
  PolicyIdentifier$,
  PolicyIdentifierPolicyType,
  PolicyNotAttachableException,
  PolicyNotAttachableException$,
  PolicyOwnerEntityType,
  PolicyParameter$,
  PolicyParameterTypeEnum,
  PolicyRole$,
  PolicyScopeType,
  PolicySourceType,
  PolicyType,
  PolicyUsageType,
  PolicyUser$,
  PolicyVersion$,
  Position$,
  PutAccountProperties$,
  PutAccountPropertiesCommand,
  PutAccountPropertiesRequest$,
  PutAccountPropertiesResponse$,
  PutGroupPolicy$,
  PutGroupPolicyCommand,
  PutGroupPolicyRequest$,
  PutRolePermissionsBoundary$,
  PutRolePermissionsBoundaryCommand,
  PutRolePermissionsBoundaryRequest$,
  PutRolePolicy$,
  PutRolePolicyCommand,
  PutRolePolicyRequest$,
  PutUserPermissionsBoundary$,
  PutUserPermissionsBoundaryCommand,
  PutUserPermissionsBoundaryRequest$,
  PutUserPolicy$,
  PutUserPolicyCommand,
  PutUserPolicyRequest$,
  RejectDelegationRequest$,
  RejectDelegationRequestCommand,
  RejectDelegationRequestRequest$,
  RemoveClientIDFromOpenIDConnectProvider$,
  RemoveClientIDFromOpenIDConnectProviderCommand,
  RemoveClientIDFromOpenIDConnectProviderRequest$,
  RemoveRoleFromInstanceProfile$,
  RemoveRoleFromInstanceProfileCommand,
  RemoveRoleFromInstanceProfileRequest$,
  RemoveUserFromGroup$,
  RemoveUserFromGroupCommand,
  RemoveUserFromGroupRequest$,
  ReplacementValueEntry$,
  ReportFormatType,
  ReportGenerationLimitExceededException,
  ReportGenerationLimitExceededException$,
  ReportStateType,
  ResetServiceSpecificCredential$,
  ResetServiceSpecificCredentialCommand,
  ResetServiceSpecificCredentialRequest$,
  ResetServiceSpecificCredentialResponse$,
  ResourceSpecificResult$,
  ResyncMFADevice$,
  ResyncMFADeviceCommand,
  ResyncMFADeviceRequest$,
  Role$,
  RoleDetail$,
  RoleLastUsed$,
  RoleModifiedException,
  RoleModifiedException$,
  RoleTemplateDisabledException,
  RoleTemplateDisabledException$,
  RoleTemplateVersion$,
  RoleUsageType$,
  SAMLKeyHashEntry$,
  SAMLPrivateKey$,
  SAMLProviderListEntry$,
  SSHPublicKey$,
  SSHPublicKeyMetadata$,
  SendDelegationToken$,
  SendDelegationTokenCommand,
  SendDelegationTokenRequest$,
  ServerCertificate$,
  ServerCertificateMetadata$,
  ServiceAccessNotEnabledException,
  ServiceAccessNotEnabledException$,
  ServiceFailureException,
  ServiceFailureException$,
  ServiceLastAccessed$,
  ServiceNotSupportedException,
  ServiceNotSupportedException$,
  ServiceSpecificCredential$,
  ServiceSpecificCredentialMetadata$,
  SetDefaultPolicyVersion$,
  SetDefaultPolicyVersionCommand,
  SetDefaultPolicyVersionRequest$,
  SetSecurityTokenServicePreferences$,
  SetSecurityTokenServicePreferencesCommand,
  SetSecurityTokenServicePreferencesRequest$,
  SigningCertificate$,
  SimulateCustomPolicy$,
  SimulateCustomPolicyCommand,
  SimulateCustomPolicyRequest$,
  SimulatePolicyResponse$,
  SimulatePrincipalPolicy$,
  SimulatePrincipalPolicyCommand,
  SimulatePrincipalPolicyRequest$,
  SortKeyType,
  SourceRoleTemplate$,
  StateType,
  Statement$,
  StatusType,
  SummaryKeyType,
  SummaryStateType,
  Tag$,
  TagInstanceProfile$,
  TagInstanceProfileCommand,
  TagInstanceProfileRequest$,
  TagMFADevice$,
  TagMFADeviceCommand,
  TagMFADeviceRequest$,
  TagOpenIDConnectProvider$,
  TagOpenIDConnectProviderCommand,
  TagOpenIDConnectProviderRequest$,
  TagPolicy$,
  TagPolicyCommand,
  TagPolicyRequest$,
  TagRole$,
  TagRoleCommand,
  TagRoleRequest$,
  TagSAMLProvider$,
  TagSAMLProviderCommand,
  TagSAMLProviderRequest$,
  TagServerCertificate$,
  TagServerCertificateCommand,
  TagServerCertificateRequest$,
  TagTemplate$,
  TagUser$,
  TagUserCommand,
  TagUserRequest$,
  TrackedActionLastAccessed$,
  UnmodifiableEntityException,
  UnmodifiableEntityException$,
  UnrecognizedPublicKeyEncodingException,
  UnrecognizedPublicKeyEncodingException$,
  UntagInstanceProfile$,
  UntagInstanceProfileCommand,
  UntagInstanceProfileRequest$,
  UntagMFADevice$,
  UntagMFADeviceCommand,
  UntagMFADeviceRequest$,
  UntagOpenIDConnectProvider$,
  UntagOpenIDConnectProviderCommand,
  UntagOpenIDConnectProviderRequest$,
  UntagPolicy$,
  UntagPolicyCommand,
  UntagPolicyRequest$,
  UntagRole$,
  UntagRoleCommand,
  UntagRoleRequest$,
  UntagSAMLProvider$,
  UntagSAMLProviderCommand,
  UntagSAMLProviderRequest$,
  UntagServerCertificate$,
  UntagServerCertificateCommand,
  UntagServerCertificateRequest$,
  UntagUser$,
  UntagUserCommand,
  UntagUserRequest$,
  UpdateAccessKey$,
  UpdateAccessKeyCommand,
  UpdateAccessKeyRequest$,
  UpdateAccountPasswordPolicy$,
  UpdateAccountPasswordPolicyCommand,
  UpdateAccountPasswordPolicyRequest$,
  UpdateAssumeRolePolicy$,
  UpdateAssumeRolePolicyCommand,
  UpdateAssumeRolePolicyRequest$,
  UpdateDelegationRequest$,
  UpdateDelegationRequestCommand,
  UpdateDelegationRequestRequest$,
  UpdateGroup$,
  UpdateGroupCommand,
  UpdateGroupRequest$,
  UpdateLoginProfile$,
  UpdateLoginProfileCommand,
  UpdateLoginProfileRequest$,
  UpdateOpenIDConnectProvider$,
  UpdateOpenIDConnectProviderCommand,
  UpdateOpenIDConnectProviderRequest$,
  UpdateOpenIDConnectProviderThumbprint$,
  UpdateOpenIDConnectProviderThumbprintCommand,
  UpdateOpenIDConnectProviderThumbprintRequest$,
  UpdateRole$,
  UpdateRoleCommand,
  UpdateRoleDescription$,
  UpdateRoleDescriptionCommand,
  UpdateRoleDescriptionRequest$,
  UpdateRoleDescriptionResponse$,
  UpdateRoleRequest$,
  UpdateRoleResponse$,
  UpdateSAMLProvider$,
  UpdateSAMLProviderCommand,
  UpdateSAMLProviderRequest$,
  UpdateSAMLProviderResponse$,
  UpdateSSHPublicKey$,
  UpdateSSHPublicKeyCommand,
  UpdateSSHPublicKeyRequest$,
  UpdateServerCertificate$,
  UpdateServerCertificateCommand,
  UpdateServerCertificateRequest$,
  UpdateServiceSpecificCredential$,
  UpdateServiceSpecificCredentialCommand,
  UpdateServiceSpecificCredentialRequest$,
  UpdateSigningCertificate$,
  UpdateSigningCertificateCommand,
  UpdateSigningCertificateRequest$,
  UpdateUser$,
  UpdateUserCommand,
  UpdateUserRequest$,
  UploadSSHPublicKey$,
  UploadSSHPublicKeyCommand,
  UploadSSHPublicKeyRequest$,
  UploadSSHPublicKeyResponse$,
  UploadServerCertificate$,
  UploadServerCertificateCommand,
  UploadServerCertificateRequest$,
  UploadServerCertificateResponse$,
  UploadSigningCertificate$,
  UploadSigningCertificateCommand,
  UploadSigningCertificateRequest$,
  UploadSigningCertificateResponse$,
  User$,
  UserDetail$,
  VirtualMFADevice$,
  Client as __Client,
  errorTypeRegistries,
  paginateGetAccountAuthorizationDetails,
  paginateGetGroup,
  paginateListAccessKeys,
  paginateListAccountAliases,
  paginateListAttachedGroupPolicies,
  paginateListAttachedRolePolicies,
  paginateListAttachedUserPolicies,
  paginateListEntitiesForPolicy,
  paginateListGroupPolicies,
  paginateListGroups,
  paginateListGroupsForUser,
  paginateListInstanceProfileTags,
  paginateListInstanceProfiles,
  paginateListInstanceProfilesForRole,
  paginateListMFADeviceTags,
  paginateListMFADevices,
  paginateListOpenIDConnectProviderTags,
  paginateListPolicies,
  paginateListPolicyTags,
  paginateListPolicyVersions,
  paginateListRolePolicies,
  paginateListRoleTags,
  paginateListRoles,
  paginateListSAMLProviderTags,
  paginateListSSHPublicKeys,
  paginateListServerCertificateTags,
  paginateListServerCertificates,
  paginateListSigningCertificates,
  paginateListUserPolicies,
  paginateListUserTags,
  paginateListUsers,
  paginateListVirtualMFADevices,
  paginateSimulateCustomPolicy,
  paginateSimulatePrincipalPolicy,
  waitForInstanceProfileExists,
  waitForPolicyExists,
  waitForRoleExists,
  waitForUserExists,
  waitUntilInstanceProfileExists,
  waitUntilPolicyExists,
  waitUntilRoleExists,
  waitUntilUserExists
};
