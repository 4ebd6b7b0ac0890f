/**
 * A file's bytes as text, for every file a person writes and this tool reads (the config file, policy files, AWS CLI
 * output). Pure: the callers in src/sources/ read the bytes.
 *
 * A byte order mark decides the encoding: Windows editors and Windows PowerShell 5.1 (`aws … > out.json`) save
 * UTF-16 with one, little-endian (FF FE) as a rule. Without a mark the bytes are UTF-8 (a UTF-8 mark, EF BB BF, is
 * accepted and dropped). YAML 1.2 §5.2 has processors read UTF-8 and UTF-16 by their mark, and UTF-32, which is refused
 * here with a message saying so (https://yaml.org/spec/1.2.2/#52-character-encodings); RFC 8259 §8.1 makes JSON
 * UTF-8 (https://www.rfc-editor.org/rfc/rfc8259#section-8.1). Bytes that are not valid in
 * the encoding are refused rather than replaced: a replaced character in a policy or a setting changes what it says.
 */

/** The encodings a file may be in. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** A file's text, or why its bytes are not text; `reason` completes "the file …", without the file's name. */
export type DecodedText =
  | { readonly ok: true; readonly text: string; readonly encoding: TextEncoding }
  | { readonly ok: false; readonly encoding: TextEncoding; readonly reason: string };

const NAMES: Readonly<Record<TextEncoding, string>> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 (little-endian, from its byte order mark)',
  'utf-16be': 'UTF-16 (big-endian, from its byte order mark)',
};

/** The encoding the byte order mark names; UTF-8 without one. */
export function detectEncoding(bytes: Uint8Array): TextEncoding {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

/** Decodes a file's bytes (see the module's comment); the byte order mark is not part of the text. */
export function decodeFileBytes(bytes: Uint8Array): DecodedText {
  const encoding = detectEncoding(bytes);
  // Neither YAML (§5.1, printable characters only) nor JSON (RFC 8259 §7, control characters escaped) holds a raw
  // NUL; one means UTF-16 or UTF-32 without a byte order mark (or UTF-32 whose mark reads as UTF-16's). Looked for
  // before decoding too, so that the message says so even when the bytes are not valid UTF-8 either.
  const nul: DecodedText = {
    ok: false,
    encoding,
    reason: `holds NUL characters when read as ${NAMES[encoding]}: it looks like UTF-16 or UTF-32 without a byte order mark; save it as UTF-8`,
  };
  if (encoding === 'utf-8' && bytes.includes(0)) return nul;
  let text: string;
  try {
    // `fatal` refuses malformed input (an invalid UTF-8 sequence, an odd UTF-16 length, a lone surrogate) instead of
    // putting U+FFFD in its place; the mark itself is dropped (`ignoreBOM` false).
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return {
      ok: false,
      encoding,
      reason: `is not valid ${NAMES[encoding]} text; save it as UTF-8 (or UTF-16 with a byte order mark)`,
    };
  }
  if (text.includes('\u0000')) return nul;
  return { ok: true, text, encoding };
}
