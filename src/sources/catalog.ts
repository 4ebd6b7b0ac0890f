/**
 * Loads the AWS service authorization catalog (src/catalog/aws-catalog.json, ~0.8 MB) on first use. The
 * dynamic import() makes esbuild put the JSON in its own chunk under dist/chunks/, so a run that never
 * validates an action (`--help`, token checks) never reads or parses it.
 */
import { type Catalog, prepareCatalog } from '../catalog/index.js';

/**
 * A loader that imports and prepares the catalog once and then hands back the same catalog. A failed load is
 * not remembered, so a later call tries again.
 */
export function createCatalogLoader(): () => Promise<Catalog> {
  let loading: Promise<Catalog> | undefined;
  return () => {
    loading ??= import('../catalog/aws-catalog.json', { with: { type: 'json' } }).then(
      (module) => prepareCatalog(module.default),
      (error: unknown) => {
        loading = undefined;
        throw new Error(`cannot load the AWS service authorization catalog: ${String(error)}`, { cause: error });
      },
    );
    return loading;
  };
}

/** The process's catalog, loaded on the first call. */
export const loadCatalog: () => Promise<Catalog> = createCatalogLoader();
