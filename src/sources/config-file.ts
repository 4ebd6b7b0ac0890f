/**
 * Loads the whole configuration: the config file (when there is one) with the inputs laid over it. The one place
 * that reads the file; its reader, the YAML parser and the schema validator are imported only when a file exists,
 * so a run without one pays nothing for them at start-up.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { readActionConfig } from '../config/action.js';
import type { FileSettings } from '../config/file-model.js';
import type { ConfigError } from '../config/tokens.js';
import type { PreflightConfig } from '../preflight/run.js';
import { parseYaml } from './yaml.js';

/** The `config` input's default: read when it exists, skipped without a word when it does not. */
export const DEFAULT_CONFIG_PATH = '.github/preflight.yml';

/** What {@link loadPreflightConfig} needs. */
export interface LoadConfigOptions {
  /**
   * The file named by the caller (the CLI's `--config`), relative to `cwd`: it must exist. When absent, the
   * `config` input names it, relative to `GITHUB_WORKSPACE` (else `cwd`), and only a path other than the default
   * must exist.
   */
  readonly configPath?: string;
  /** The action's inputs (`''` when not set); without it, no input is set. */
  readonly getInput?: (name: string) => string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Reads a file as UTF-8; a seam for tests. */
  readonly readText?: (absolutePath: string) => Promise<string>;
}

/** The configuration, and where it came from, lowest precedence first (`['.github/preflight.yml', 'inputs']`). */
export type LoadConfigResult =
  | { readonly ok: true; readonly config: PreflightConfig; readonly source: string[] }
  | { readonly ok: false; readonly errors: ConfigError[] };

/** Which file to read, how to show it, and whether its absence is an error. */
function locateConfig(options: LoadConfigOptions): { shown: string; absolute: string; required: boolean } {
  if (options.configPath !== undefined) {
    return {
      shown: options.configPath,
      absolute: path.resolve(options.cwd, options.configPath),
      required: true,
    };
  }
  const input = options.getInput?.('config') ?? '';
  const given = input === '' ? DEFAULT_CONFIG_PATH : input;
  const base = options.env.GITHUB_WORKSPACE || options.cwd;
  const absolute = path.resolve(base, given);
  // Annotations place an error in the repository by its workspace-relative path.
  const relative = path.relative(base, absolute);
  const shown = relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative.split(path.sep).join('/');
  return { shown, absolute, required: path.normalize(given) !== path.normalize(DEFAULT_CONFIG_PATH) };
}

/** The file's settings; undefined when it is absent and may be; errors for anything else. */
async function readSettings(
  options: LoadConfigOptions,
): Promise<{ ok: true; settings?: FileSettings; shown: string } | { ok: false; errors: ConfigError[] }> {
  const { shown, absolute, required } = locateConfig(options);
  const where = options.configPath !== undefined ? 'config file' : 'input config';
  let text: string;
  try {
    text = await (options.readText ?? ((p) => readFile(p, 'utf8')))(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !required) return { ok: true, shown };
    const why =
      code === 'ENOENT'
        ? `does not exist (looked for ${absolute})`
        : code === 'EISDIR'
          ? 'is a folder, not a file'
          : `cannot be read: ${error instanceof Error ? error.message : String(error)}`;
    return { ok: false, errors: [{ where, message: `"${shown}" ${why}` }] };
  }
  const { readConfigFile } = await import('../config/file.js');
  const read = readConfigFile(text, shown);
  return read.ok ? { ok: true, settings: read.settings, shown } : read;
}

/**
 * Loads the configuration: the file (see {@link LoadConfigOptions.configPath}), then the inputs over it, an input
 * that is given replacing the file's value (README, "Configuration file"). Returns every error found, file errors
 * with file, line and column.
 */
export async function loadPreflightConfig(options: LoadConfigOptions): Promise<LoadConfigResult> {
  const file = await readSettings(options);
  if (!file.ok) return file;
  const getInput = options.getInput ?? (() => '');
  const read = readActionConfig(getInput, getInput('tokens') !== '' ? await parseYaml() : undefined, file.settings);
  if (!read.ok) return read;
  const source = [...(file.settings ? [file.shown] : []), ...(options.getInput ? ['inputs'] : [])];
  return { ok: true, config: read.config, source };
}
