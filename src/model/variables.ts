/**
 * GitHub's configuration variables (`vars.*`) as far as they are known: shared by the sources that read them
 * (src/sources/), the configuration that declares them (src/config/) and the workflow model that evaluates them
 * (src/workflows/context.ts).
 */

/**
 * One level's configuration variables, by name. GitHub evaluates a variable that is not set to the empty string, so
 * a listing that is `complete` (every variable of its level, as the REST API lists them) makes a name it lacks known
 * to be empty there; a partial one (written in the configuration) leaves it unknown.
 * https://docs.github.com/en/actions/how-tos/write-workflows/choose-what-workflows-do/use-variables
 */
export interface VariableListing {
  readonly values: Readonly<Record<string, string>>;
  readonly complete: boolean;
  /** Where the listing came from (an API path, a file, the configuration), for the report. */
  readonly source: string;
}

/**
 * The variables a job's `vars` context is made of: the organization's and the repository's (the repository's win),
 * then, in a job that names an environment, that environment's own over both. An environment without a listing here
 * may set any name, so in its jobs no value is known but the ones its listing gives.
 * https://docs.github.com/en/actions/how-tos/write-workflows/choose-what-workflows-do/use-variables
 */
export interface Variables {
  /** Organization and repository variables together, as a job without an environment sees them. */
  readonly repository?: VariableListing;
  /** Each environment's own variables, by the environment's name (matched without regard to case, as GitHub does). */
  readonly environments?: Readonly<Record<string, VariableListing>>;
}

/** Bounds on a listing given as text (GitHub's own caps are 1,000 organization variables and 48 KB a value). */
export const VARIABLE_LIMITS = { entries: 2_000, valueBytes: 48 * 1024, nameLength: 256 } as const;

/** GitHub's rule for a variable's name: letters, digits and `_`, not starting with a digit. */
export const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

const encoder = new TextEncoder();

/** Whether a value is larger than GitHub allows a variable's ({@link VARIABLE_LIMITS}). */
export function tooLargeForVariable(value: string): boolean {
  return encoder.encode(value).length > VARIABLE_LIMITS.valueBytes;
}

/** Why a name or value cannot be a variable's, or undefined. */
function badEntry(name: unknown, value: unknown): string | undefined {
  if (typeof name !== 'string' || name.length > VARIABLE_LIMITS.nameLength || !VARIABLE_NAME.test(name))
    return 'a name must be letters, digits and _, not starting with a digit';
  if (typeof value !== 'string') return `the value of ${name} must be a string`;
  if (tooLargeForVariable(value)) return `the value of ${name} is larger than ${VARIABLE_LIMITS.valueBytes} bytes`;
  return undefined;
}

/**
 * A listing from JSON text: an object of names and values (`${{ toJSON(vars) }}`), or the list that
 * `gh variable list --json name,value` prints. A list is every variable of its level; an object is whole only when
 * `objectComplete` says so. Every entry is checked: one bad entry refuses the whole text, naming it.
 */
export function parseVariables(
  text: string,
  source: string,
  objectComplete: boolean,
): { readonly ok: true; readonly listing: VariableListing } | { readonly ok: false; readonly error: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `is not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const list = Array.isArray(data);
  const entries: unknown[][] = list
    ? (data as unknown[]).map((item) =>
        typeof item === 'object' && item !== null
          ? [(item as Record<string, unknown>).name, (item as Record<string, unknown>).value]
          : [undefined, undefined],
      )
    : typeof data === 'object' && data !== null
      ? Object.entries(data as Record<string, unknown>)
      : [];
  if (!list && (typeof data !== 'object' || data === null))
    return { ok: false, error: 'must be an object of names and values, or a list of { name, value }' };
  if (entries.length > VARIABLE_LIMITS.entries)
    return { ok: false, error: `lists more than ${VARIABLE_LIMITS.entries} variables` };
  const values: Record<string, string> = {};
  for (const [index, [name, value]] of entries.entries()) {
    const bad = badEntry(name, value);
    if (bad) return { ok: false, error: `${list ? `item ${index + 1}: ` : ''}${bad}` };
    values[name as string] = value as string;
  }
  return { ok: true, listing: { values, complete: list || objectComplete, source } };
}

/** Values by upper-case name, later listings over earlier ones. */
function mergeValues(listings: readonly VariableListing[]): Record<string, string> {
  const byName = new Map<string, [string, string]>();
  for (const listing of listings)
    for (const [name, value] of Object.entries(listing.values)) byName.set(name.toUpperCase(), [name, value]);
  return Object.fromEntries([...byName.values()]);
}

/**
 * One level's listings from several sources, the first the most trusted: a whole listing stands alone (what another
 * source says of that level cannot add to every variable it has); else the partial ones are merged, the more trusted
 * over the less.
 */
function mergeLevel(listings: readonly VariableListing[]): VariableListing | undefined {
  if (listings.length === 0) return undefined;
  const whole = listings.find((l) => l.complete);
  if (whole) return whole;
  return {
    values: mergeValues([...listings].reverse()),
    complete: false,
    source: listings.map((l) => l.source).join(', '),
  };
}

/** The variables several sources give, the first the most trusted (see {@link mergeLevel}). */
export function mergeVariables(sources: readonly (Variables | undefined)[]): Variables {
  const given = sources.filter((s): s is Variables => s !== undefined);
  const repository = mergeLevel(given.flatMap((s) => (s.repository ? [s.repository] : [])));
  const names = new Map<string, string>();
  for (const s of given) for (const name of Object.keys(s.environments ?? {})) names.set(name.toLowerCase(), name);
  const environments: Record<string, VariableListing> = {};
  for (const [lower, name] of names) {
    const listings = given.flatMap((s) =>
      Object.entries(s.environments ?? {})
        .filter(([k]) => k.toLowerCase() === lower)
        .map(([, l]) => l),
    );
    const level = mergeLevel(listings);
    if (level) environments[name] = level;
  }
  return {
    ...(repository ? { repository } : {}),
    ...(Object.keys(environments).length > 0 ? { environments } : {}),
  };
}
