/** What the runner tells about the run (src/sources/runner.ts reads it), shared by the pipeline and the checks. */

/** Facts about the run that sharpen the missing id-token finding. */
export interface RunnerFacts {
  readonly eventName?: string;
  readonly isForkPullRequest?: boolean;
  readonly jobId?: string;
  /** The repository's visibility, from the event payload (`repository.visibility`, else `repository.private`). */
  readonly repositoryVisibility?: RepositoryVisibility;
}

/** A repository's visibility (https://docs.github.com/en/repositories/creating-and-managing-repositories/about-repositories#about-repository-visibility). */
export type RepositoryVisibility = 'public' | 'private' | 'internal';
