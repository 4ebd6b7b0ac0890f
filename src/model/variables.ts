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
