import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  buildPermissionRequests,
  checkPermissions,
  permissionsCheck,
  permissionsInput
} from "./chunk-F35KWVHK.js";
import "./chunk-CXBIQOXQ.js";
import "./chunk-TLWFCORV.js";
import "./chunk-2S2YYFOP.js";
import "./chunk-NODDT6HK.js";
import "./chunk-TVFM4PAF.js";
import "./chunk-PRBFNC5C.js";
export {
  buildPermissionRequests,
  checkPermissions,
  permissionsCheck,
  permissionsInput
};
