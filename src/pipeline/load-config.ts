/**
 * Loads the whole configuration: the config file (when there is one) with the inputs laid over it, through the one
 * builder (src/config/build.ts). The file's reader, the YAML parser and the schema validator are imported only when
 * a file exists, so a run without one pays nothing for them at start-up.
 */
import { buildConfig } from '../config/build.js';
import type { ConfigReader } from '../config/file.js';
import type { FileSettings, PreflightConfig } from '../config/model.js';
import type { ConfigError } from '../config/tokens.js';
import { type LoadConfigOptions, readConfigText } from '../sources/config-file.js';

export type { LoadConfigOptions } from '../sources/config-file.js';

/** What {@link loadPreflightConfig} takes: where the file is, and which command reads it (the action by default). */
export type LoadOptions = LoadConfigOptions & { readonly reader?: ConfigReader };

/** The configuration, and where it came from, lowest precedence first (`['.github/preflight.yml', 'inputs']`). */
export type LoadConfigResult =
  | { readonly ok: true; readonly config: PreflightConfig; readonly source: string[] }
  | { readonly ok: false; readonly errors: ConfigError[] };

/** The file's settings; undefined when it is absent and may be. */
async function readSettings(
  options: LoadOptions,
): Promise<{ ok: true; settings?: FileSettings; shown: string } | { ok: false; errors: ConfigError[] }> {
  const read = await readConfigText(options);
  if (!read.ok || read.text === undefined) return read;
  const { readConfigFile } = await import('../config/file.js');
  const file = readConfigFile(read.text, read.shown, options.reader ?? 'action');
  return file.ok ? { ok: true, settings: file.settings, shown: read.shown } : file;
}

/**
 * Loads the configuration: the file (see {@link LoadConfigOptions.configPath}), then the inputs over it, an input
 * that is given replacing the file's value (README, "Configuration file"). Returns every error found, file errors
 * with file, line and column.
 */
export async function loadPreflightConfig(options: LoadOptions): Promise<LoadConfigResult> {
  const file = await readSettings(options);
  if (!file.ok) return file;
  const getInput = options.getInput ?? (() => '');
  const parseYaml = getInput('tokens') !== '' ? await (await import('../config/yaml.js')).parseYaml() : undefined;
  const read = buildConfig(getInput, parseYaml, file.settings);
  if (!read.ok) return read;
  const source = [...(file.settings ? [file.shown] : []), ...(options.getInput ? ['inputs'] : [])];
  return { ok: true, config: read.config, source };
}
