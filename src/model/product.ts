/** The product's version, its modes and its default config file, named once for the action, the CLI and the report. */
import pkg from '../../package.json' with { type: 'json' };

/** The tool's version, stamped into the report: the package's own. */
export const VERSION: string = pkg.version;

/** How a failed verification ends the run: `enforce` fails it, `report` only reports. */
export type Mode = 'enforce' | 'report';

/** The action's `mode` input: a preflight {@link Mode}, or `explain` (a failed job's log explained, docs/explain.md). */
export type ActionMode = Mode | 'explain';

/** The `mode` that explains the run's failed jobs instead of running the preflight. */
export const EXPLAIN_MODE = 'explain' satisfies ActionMode;

/** The config file read by default (the `config` input's default, and the CLI's): skipped when it does not exist. */
export const DEFAULT_CONFIG_PATH = '.github/preflight.yml';
