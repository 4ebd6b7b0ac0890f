/**
 * The action's only contact with the runner. `run()` talks to an {@link ActionIO}, so tests pass a fake and
 * the engine never sees @actions/core. @actions/core is imported statically here because every action run
 * needs it (it sets inputs, outputs and the exit code); the CLI never imports this module.
 */
import * as core from '@actions/core';

/** What `run()` needs from the runner. */
export interface ActionIO {
  /** The input's value, trimmed; `''` when it is not set. */
  getInput(name: string): string;
  setOutput(name: string, value: string): void;
  /** Appends markdown to the job summary. */
  summary(markdown: string): Promise<void>;
  info(message: string): void;
  /** Marks the step failed: the process exits 1 once it ends. */
  setFailed(message: string): void;
}

/** Binds {@link ActionIO} to @actions/core, i.e. to the runner's `INPUT_*`, `GITHUB_OUTPUT` and `GITHUB_STEP_SUMMARY`. */
export function actionIO(): ActionIO {
  return {
    getInput: (name) => core.getInput(name),
    setOutput: (name, value) => core.setOutput(name, value),
    summary: async (markdown) => {
      // Outside a runner (a local smoke run) there is no summary file; core.summary.write() would throw and
      // hide the real verdict behind "Unable to find environment variable", so say so and go on.
      if (!process.env.GITHUB_STEP_SUMMARY) {
        core.info('GITHUB_STEP_SUMMARY is not set: the job summary is skipped.');
        return;
      }
      await core.summary.addRaw(markdown, true).write();
    },
    info: (message) => core.info(message),
    setFailed: (message) => core.setFailed(message),
  };
}
