import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  prepareCatalog
} from "./shared-catalog-arn-format.js";
import "./shared-text-edit-distance.js";
import "./shared-runtime-efb0f0b2.js";

// src/sources/catalog.ts
function createCatalogLoader() {
  let loading;
  return () => {
    loading ??= import("./catalog-aws-catalog.js").then(
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
