/**
 * Reading input files. JSON errors name the file, the line and the column, never a stack trace.
 */
import { readFile } from 'node:fs/promises';

/** An input problem a person can fix; the CLI prints its message and exits 2. */
export class InputFileError extends Error {
  override readonly name = 'InputFileError';
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads a file, or standard input when the path is `-`. */
export async function readText(path: string): Promise<string> {
  if (path === '-') return readStdin();
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (code ?? String(error));
    throw new InputFileError(`cannot read ${path}: ${why}`);
  }
}

/** Line and column (1-based) of a character offset. */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}

/** Parses JSON, turning a syntax error into an {@link InputFileError} that points at the spot. */
export function parseJson(text: string, name: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /position (\d+)/.exec(message);
    const where = at ? ` at ${lineColumn(text, Number(at[1]))}` : text.trim() === '' ? ' (the input is empty)' : '';
    throw new InputFileError(
      `${name} is not valid JSON${where}: ${message.replace(/ in JSON at position \d+.*$/, '')}`,
    );
  }
}

/** Reads and parses a JSON file (or standard input for `-`). */
export async function readJson(path: string): Promise<unknown> {
  return parseJson(await readText(path), path === '-' ? 'standard input' : path);
}
