import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);

// src/model/aws.ts
var ROLE_ID = /^AROA[A-Z0-9]{12,124}$/;
var DEFAULT_DURATION_SECONDS = 3600;
var DEFAULT_SESSION_NAME = "GitHubActions";

export {
  ROLE_ID,
  DEFAULT_DURATION_SECONDS,
  DEFAULT_SESSION_NAME
};
