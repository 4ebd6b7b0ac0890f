/**
 * The leak scanner: finds any token, or any segment of one (header, payload, signature), in what a run wrote. A
 * segment is searched for by three windows of 24 characters (its start, middle and end), so that a segment cut short
 * or wrapped in other text is found too, not only a whole copy.
 */

/** One secret found where it must not be. */
export interface Leak {
  /** Which artifact: `stdout`, `summary`, ... */
  readonly where: string;
  /** Index of the secret in the list given. */
  readonly secret: number;
  /** `token`, `header`, `payload`, `signature` or `segment N`. */
  readonly piece: string;
}

/** Windows shorter than this could match by chance; base64url runs this long never do. */
const WINDOW = 24;

const SEGMENT_NAMES = ['header', 'payload', 'signature'];

/**
 * The pieces of a secret that must not appear, each with how it is searched: a token with segments as a whole copy
 * (its windows would only repeat its segments'), each segment of 16 characters or more by windows, and a secret
 * without segments (an opaque token, a client secret) by windows.
 */
export function secretPieces(
  secret: string,
): { readonly piece: string; readonly text: string; readonly whole: boolean }[] {
  const token = secret.trim();
  const segments = token.split('.');
  if (segments.length === 1) return token.length >= 16 ? [{ piece: 'token', text: token, whole: false }] : [];
  const named = segments.map((text, i) => ({
    piece: segments.length === 3 ? (SEGMENT_NAMES[i] ?? `segment ${i}`) : `segment ${i}`,
    text,
    whole: false,
  }));
  return [{ piece: 'token', text: token, whole: true }, ...named.filter((p) => p.text.length >= 16)];
}

/** The windows a piece is searched by. */
function probes(text: string, whole: boolean): string[] {
  if (whole || text.length <= WINDOW) return [text];
  const middle = Math.floor((text.length - WINDOW) / 2);
  return [text.slice(0, WINDOW), text.slice(middle, middle + WINDOW), text.slice(-WINDOW)];
}

/** Every (artifact, secret, piece) where a piece of a secret appears. */
export function findLeaks(artifacts: Readonly<Record<string, string>>, secrets: readonly string[]): Leak[] {
  const leaks: Leak[] = [];
  secrets.forEach((secret, index) => {
    for (const { piece, text, whole } of secretPieces(secret)) {
      const windows = probes(text, whole);
      for (const [where, content] of Object.entries(artifacts)) {
        if (windows.some((w) => content.includes(w))) leaks.push({ where, secret: index, piece });
      }
    }
  });
  return leaks;
}

/**
 * stdout without the `::add-mask::` commands: they are how `core.setSecret` hands a secret to the runner, which
 * consumes the line and never shows it (https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands#masking-a-value-in-a-log).
 */
export function withoutMaskCommands(stdout: string): string {
  return stdout
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
}

/**
 * The secrets stdout registers with `::add-mask::`, unescaped as the runner reads them (`%25` is `%`, `%0D` and
 * `%0A` are CR and LF: @actions/core's `escapeData`).
 */
export function maskedSecrets(stdout: string): Set<string> {
  const unescapeData = (data: string) => data.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
  return new Set(
    stdout
      .split('\n')
      .filter((line) => line.startsWith('::add-mask::'))
      .map((line) => unescapeData(line.slice('::add-mask::'.length))),
  );
}
