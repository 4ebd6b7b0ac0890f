/** A file's bytes as text: the byte order mark decides, invalid bytes are refused (src/text/decode-bytes.ts). */
import { describe, expect, it } from 'vitest';
import { decodeFileBytes, detectEncoding } from '../../src/text/decode-bytes.js';

const TEXT = 'mode: report\n# ünïcödé ✓ 𝄞\n';
const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();

describe('decodeFileBytes', () => {
  it.each([
    ['UTF-8 without a mark', Buffer.from(TEXT), 'utf-8'],
    [
      'UTF-8 with its mark (EF BB BF), which is dropped',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]),
      'utf-8',
    ],
    [
      'UTF-16LE with its mark (FF FE), as Windows editors save it',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]),
      'utf-16le',
    ],
    ['UTF-16BE with its mark (FE FF)', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(TEXT)]), 'utf-16be'],
  ])('reads %s', (_, bytes, encoding) => {
    expect(decodeFileBytes(bytes)).toEqual({ ok: true, text: TEXT, encoding });
  });

  it.each([
    ['an invalid UTF-8 sequence', Buffer.from([0x61, 0xc3, 0x28, 0x62]), /not valid UTF-8 text/],
    [
      'UTF-16 with an odd number of bytes',
      Buffer.from([0xff, 0xfe, 0x61, 0x00, 0x62]),
      /not valid UTF-16 \(little-endian/,
    ],
    ['UTF-16 with a lone surrogate', Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x61, 0x00]), /not valid UTF-16/],
    ['UTF-16 without a mark', Buffer.from('mode: report\n', 'utf16le'), /NUL characters.*without a byte order mark/],
    ['UTF-32LE with its mark', Buffer.from([0xff, 0xfe, 0x00, 0x00, 0x61, 0x00, 0x00, 0x00]), /NUL characters/],
  ])('refuses %s, never putting U+FFFD in its place', (_, bytes, reason) => {
    const decoded = decodeFileBytes(bytes);
    expect(decoded.ok).toBe(false);
    expect(decoded.ok ? '' : decoded.reason).toMatch(reason);
  });

  it('detects the encoding from the mark alone', () => {
    expect(detectEncoding(Buffer.from([0xff, 0xfe]))).toBe('utf-16le');
    expect(detectEncoding(Buffer.from([0xfe, 0xff]))).toBe('utf-16be');
    expect(detectEncoding(Buffer.from([]))).toBe('utf-8');
  });
});
