/**
 * What the commands read through {@link CliIO}: standard input, and input files relative to its folder. Messages
 * name a file as it was given, not as it was resolved.
 */
import path from 'node:path';
import { FILE_LIMITS, InputFileError, parseJson, readText } from '../sources/files.js';
import { formatBytes } from '../sources/http.js';
import type { CliInput, CliIO } from './cli-io.js';

/** The chunks of standard input as bytes (a stream with an encoding set yields strings). */
export async function* stdinBytes(stdin: CliInput): AsyncGenerator<Buffer> {
  for await (const chunk of stdin) {
    yield typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
  }
}

/** All of standard input, as UTF-8 text, up to `maxBytes`: more is an {@link InputFileError}. */
export async function readStdinText(stdin: CliInput, maxBytes: number = FILE_LIMITS.input): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stdinBytes(stdin)) {
    total += chunk.length;
    if (total > maxBytes) throw new InputFileError(`standard input is larger than ${formatBytes(maxBytes)}`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** How {@link readJsonInput} reads. */
export interface JsonInputOptions {
  /** Refuse a key given twice in one object (src/sources/json-keys.ts), which JSON.parse would silently collapse. */
  readonly uniqueKeys?: boolean;
}

/** Reads and parses a JSON input: the file `file` (relative to the CLI's folder), or standard input for `-`. */
export async function readJsonInput(file: string, io: CliIO, options: JsonInputOptions = {}): Promise<unknown> {
  const parse = async (text: string, name: string) => {
    const value = parseJson(text, name);
    if (options.uniqueKeys) (await import('../sources/json-keys.js')).refuseDuplicateKeys(text, name);
    return value;
  };
  if (file === '-') return parse(await readStdinText(io.stdin), 'standard input');
  const absolute = path.resolve(io.cwd, file);
  let text: string;
  try {
    text = await readText(absolute);
  } catch (error) {
    if (error instanceof InputFileError) throw new InputFileError(error.message.replace(absolute, file));
    throw error;
  }
  return parse(text, file);
}
