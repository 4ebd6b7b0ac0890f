/**
 * The one place that reads the config file: which file (the CLI's path, the `config` input, or the default), and its
 * text. What the text says is read by src/config/file.ts; src/pipeline/load-config.ts joins the two.
 */
import path from 'node:path';
import { DEFAULT_CONFIG_PATH } from '../model/product.js';
import { decodeFileBytes } from '../text/decode-bytes.js';
import { FILE_LIMITS, readRegularFile, resolveInWorkspace, type Workspace } from './files.js';

/** An error about the config file itself, in the shape of the configuration's errors. */
export interface ConfigFileError {
  readonly where: string;
  readonly message: string;
}

/** Where the config file is looked for. */
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
}

/** Which file to read, how to show it, and whether its absence is an error. */
function locateConfig(options: LoadConfigOptions): {
  shown: string;
  absolute: string;
  required: boolean;
  workspace: Workspace;
} {
  // The `allow-outside-workspace` input (the CLI's --allow-outside-workspace): anything but `true` keeps the file
  // in the workspace (a value that is neither is reported by src/config/build.ts).
  const allowOutside = options.getInput?.('allow-outside-workspace') === 'true';
  if (options.configPath !== undefined) {
    return {
      shown: options.configPath,
      absolute: path.resolve(options.cwd, options.configPath),
      required: true,
      workspace: { root: options.cwd, allowOutside },
    };
  }
  const input = options.getInput?.('config') ?? '';
  const given = input === '' ? DEFAULT_CONFIG_PATH : input;
  const base = options.env.GITHUB_WORKSPACE || options.cwd;
  const absolute = path.resolve(base, given);
  // Annotations place an error in the repository by its workspace-relative path.
  const relative = path.relative(base, absolute);
  const shown = relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative.split(path.sep).join('/');
  return {
    shown,
    absolute,
    required: path.normalize(given) !== path.normalize(DEFAULT_CONFIG_PATH),
    workspace: { root: base, allowOutside },
  };
}

/** The file's text, and its name as shown; no text when it is absent and may be; errors for anything else. */
export async function readConfigText(
  options: LoadConfigOptions,
): Promise<{ ok: true; text?: string; shown: string } | { ok: false; errors: ConfigFileError[] }> {
  const { shown, absolute, required, workspace } = locateConfig(options);
  const where = options.configPath !== undefined ? 'config file' : 'input config';
  const resolved = await resolveInWorkspace(absolute, workspace);
  if (!resolved.ok && resolved.missing && !required) return { ok: true, shown };
  const read = resolved.ok
    ? await readRegularFile(resolved.real, FILE_LIMITS.config)
    : { ok: false as const, reason: resolved.missing ? `does not exist (looked for ${absolute})` : resolved.reason };
  if (!read.ok) return { ok: false, errors: [{ where, message: `"${shown}" ${read.reason}` }] };
  const bytes = read.bytes;
  // Windows editors save UTF-16 with a byte order mark: decoded as the policy files are; invalid bytes are an error.
  const decoded = decodeFileBytes(bytes);
  if (!decoded.ok) return { ok: false, errors: [{ where, message: `"${shown}" ${decoded.reason}` }] };
  return { ok: true, text: decoded.text, shown };
}
