// Files a person gives itb (a library, a backup) are UTF-8 text. One saved in another encoding
// (é written as the single Latin-1 byte 0xE9) would be read with U+FFFD in place of each such
// character, and the drill names or notes would carry the damage on into the store and reports;
// such a file is refused instead, naming where its first foreign byte sits.
import { isUtf8 } from 'node:buffer';

/** Where the first byte that is not UTF-8 text sits: line and column (in characters, from 1), and its value. */
interface ForeignByte {
  line: number;
  col: number;
  byte: number;
}

/** The text of `bytes` read as UTF-8, or where the first byte that is not UTF-8 text sits. */
export function utf8Text(bytes: Buffer): { text: string } | { foreign: ForeignByte } {
  const text = bytes.toString('utf8');
  if (isUtf8(bytes)) return { text };
  // Each byte that is not UTF-8 reads as U+FFFD; so does a U+FFFD really in the file (EF BF BD).
  // Up to the first of the former, the text and the bytes match, so its place in bytes is known.
  let offset = 0;
  let counted = 0;
  for (let at = text.indexOf('\uFFFD'); at !== -1; at = text.indexOf('\uFFFD', at + 1)) {
    offset += Buffer.byteLength(text.slice(counted, at));
    counted = at + 1;
    if (bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd) {
      offset += 3;
      continue;
    }
    const lineStart = text.lastIndexOf('\n', at) + 1;
    const line = text.slice(0, lineStart).split('\n').length;
    return { foreign: { line, col: at - lineStart + 1, byte: bytes[offset]! } };
  }
  // Not reached: every sequence isUtf8 refuses reads as U+FFFD.
  return { text };
}

/** A byte in words: "byte 0xE9". */
export function byteWords(byte: number): string {
  return `byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
}
