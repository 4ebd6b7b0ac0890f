/**
 * The action's only contact with the runner. `run()` talks to an {@link ActionIO}, so tests pass a fake and
 * the engine never sees @actions/core. @actions/core is imported statically here because every action run
 * needs it (it sets inputs, outputs and the exit code); the CLI never imports this module.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import * as core from '@actions/core';
import { inert, inertLine, inertLines } from './text/inert.js';
import { maskable } from './text/secrets.js';

/** An annotation's place and title. */
export interface AnnotationProps {
  readonly title: string;
  readonly file?: string;
  readonly startLine?: number;
  readonly startColumn?: number;
}

/**
 * A message of the action: one line, or the lines it is made of. A line break inside a line is data, shown escaped
 * (src/text/inert.ts); the only line breaks written are those between the lines.
 */
export type Message = string | readonly string[];

/** What `run()` needs from the runner. */
export interface ActionIO {
  /** The input's value, trimmed; `''` when it is not set. */
  getInput(name: string): string;
  setOutput(name: string, value: string): void;
  /** Appends markdown to the job summary. */
  summary(markdown: string): Promise<void>;
  info(message: string): void;
  debug(message: string): void;
  /** An error annotation on the run (and, with a file, on that file). */
  error(message: Message, props: AnnotationProps): void;
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
  /** Registers a secret with the runner's log masking. */
  setSecret(secret: string): void;
  /** Marks the step failed: the process exits 1 once it ends. */
  setFailed(message: Message): void;
  readonly env: Readonly<Record<string, string | undefined>>;
  writeFile(path: string, content: string): Promise<void>;
}

/** An annotation's title at most: the title names the finding; its message says the rest. */
const TITLE_CHARS = 1024;

/** A message as the action writes it: its lines made inert and capped (src/text/inert.ts `inertLines`). */
export const renderMessage = (message: Message): string =>
  inertLines(typeof message === 'string' ? [message] : message);

/** An annotation's properties made inert ({@link inert}); @actions/core then escapes `%`, CR, LF, `:` and `,` in each. */
function inertProps(props: AnnotationProps): core.AnnotationProperties {
  return {
    title: inertLine(props.title, TITLE_CHARS),
    ...(props.file !== undefined ? { file: inert(props.file) } : {}),
    ...(props.startLine !== undefined ? { startLine: props.startLine } : {}),
    ...(props.startColumn !== undefined ? { startColumn: props.startColumn } : {}),
  };
}

/**
 * Binds {@link ActionIO} to @actions/core, i.e. to the runner's `INPUT_*`, `GITHUB_OUTPUT` and `GITHUB_STEP_SUMMARY`.
 * This is where the action writes to the log, so every log line, debug line, group name, annotation and failure
 * message passes through {@link inert} here: no text from outside (a branch name, a claim, a file name, a
 * permission line) can become a workflow command or a line of its own, whichever caller wrote it, and each is capped
 * in length (`inertLine`, `inertLines`).
 */
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
    info: (message) => core.info(inertLine(message)),
    debug: (message) => core.debug(inertLine(message)),
    error: (message, props) => core.error(renderMessage(message), inertProps(props)),
    group: (name, fn) => core.group(inertLine(name), fn),
    // The one gate before `::add-mask::`: never a value short enough to cut the tool's own text (src/text/secrets.ts).
    setSecret: (secret) => {
      if (maskable(secret)) core.setSecret(secret);
    },
    setFailed: (message) => core.setFailed(renderMessage(message)),
    env: process.env,
    writeFile: async (path, content) => {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, content, { mode: 0o600 });
    },
  };
}
