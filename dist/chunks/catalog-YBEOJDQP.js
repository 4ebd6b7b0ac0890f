import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  prepareCatalog
} from "./chunk-CXBIQOXQ.js";
import "./chunk-NODDT6HK.js";
import "./chunk-PRBFNC5C.js";

// src/sources/catalog.ts
function createCatalogLoader() {
  let loading;
  return () => {
    loading ??= import("./aws-catalog-2RFQLUZ5.js").then(
      (module) => prepareCatalog(module.default),
      (error) => {
        loading = void 0;
        throw new Error(`cannot load the AWS service authorization catalog: ${String(error)}`, { cause: error });
      }
    );
    return loading;
  };
}
var loadCatalog = createCatalogLoader();
export {
  createCatalogLoader,
  loadCatalog
};
