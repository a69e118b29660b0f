/**
 * UTF-8 and Latin-1 conversion. io/ is type-checked against ES2023 only (no DOM, no node types),
 * where TextDecoder/TextEncoder are not declared, so the few lines are written here.
 */
import { FormatError } from './types';

/** Decodes Latin-1 bytes (each byte one code point), as .npy version 1 and 2 headers use. */
export function latin1Decode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 4096) {
    out += String.fromCharCode(...bytes.subarray(i, i + 4096));
  }
  return out;
}

/**
 * Decodes UTF-8 strictly: invalid or truncated sequences, overlong forms and surrogates throw a
 * FormatError for `format` naming the byte offset.
 */
export function utf8Decode(bytes: Uint8Array, format: string): string {
  const parts: string[] = [];
  let chunk: number[] = [];
  const bad = (i: number): never => {
    throw new FormatError(format, `text is not valid UTF-8 at byte ${i} (0x${bytes[i]?.toString(16) ?? 'end'})`);
  };
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    let cp: number;
    let need: number;
    if (b < 0x80) {
      cp = b;
      need = 0;
    } else if (b >= 0xc2 && b < 0xe0) {
      cp = b & 0x1f;
      need = 1;
    } else if (b >= 0xe0 && b < 0xf0) {
      cp = b & 0x0f;
      need = 2;
    } else if (b >= 0xf0 && b < 0xf5) {
      cp = b & 0x07;
      need = 3;
    } else {
      return bad(i);
    }
    if (i + need >= bytes.length && need > 0) bad(i);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if ((c & 0xc0) !== 0x80) bad(i);
      cp = (cp << 6) | (c & 0x3f);
    }
    const min = need === 2 ? 0x800 : need === 3 ? 0x10000 : 0;
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) bad(i);
    chunk.push(cp);
    i += need + 1;
    if (chunk.length >= 4096) {
      parts.push(String.fromCodePoint(...chunk));
      chunk = [];
    }
  }
  parts.push(String.fromCodePoint(...chunk));
  return parts.join('');
}

/** Encodes a string as UTF-8 (lone surrogates become U+FFFD, as TextEncoder does). */
export function utf8Encode(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    let cp = ch.codePointAt(0) ?? 0xfffd;
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
  return Uint8Array.from(out);
}
