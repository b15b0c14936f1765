/** Byte-exact decoding of input: strict UTF-8 (invalid bytes located by byte offset) or Windows-1252 on request. */
import { isUtf8 } from 'node:buffer';
import { firstInvalidUtf8 } from '../../core/formats/plaintext.js';

/** Text encodings the CLI reads. */
export type InputEncoding = 'utf-8' | 'windows-1252';

/** The encodings accepted by `--encoding`. */
export const INPUT_ENCODINGS: readonly InputEncoding[] = ['utf-8', 'windows-1252'];

/** Decoded text, or where the first invalid UTF-8 byte is (0-based, within the given bytes). */
export type Decoded = { text: string } | { invalidAt: number; byte: number };

/** Code points of Windows-1252 bytes 0x80–0x9F (the WHATWG table; undefined bytes map to the C1 control). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** Decodes Windows-1252 (every byte is valid). */
export function decodeWindows1252(bytes: Buffer): string {
  const latin1 = bytes.toString('latin1');
  if (!/[\x80-\x9f]/.test(latin1)) return latin1;
  return latin1.replace(/[\x80-\x9f]/g, (c) => String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80]!));
}

/** Decodes bytes in `encoding`; UTF-8 is strict (no replacement characters, ever). */
export function decodeBytes(bytes: Buffer, encoding: InputEncoding): Decoded {
  if (encoding === 'windows-1252') return { text: decodeWindows1252(bytes) };
  if (isUtf8(bytes)) return { text: bytes.toString('utf8') };
  const at = Math.max(0, firstInvalidUtf8(bytes));
  return { invalidAt: at, byte: bytes[at] ?? 0 };
}

/** `0xE9` for 233. */
export function hexByte(b: number): string {
  return `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;
}

/** The message for an invalid UTF-8 byte at an absolute byte offset of the file. */
export function invalidUtf8Message(byte: number, fileOffset: number): string {
  return `invalid UTF-8: byte ${hexByte(byte)} at byte offset ${fileOffset}; the file is not UTF-8 (if it is Windows-1252, pass --encoding windows-1252)`;
}

/** True when the bytes start with the UTF-8 byte order mark. */
export function hasUtf8Bom(bytes: Buffer): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}
