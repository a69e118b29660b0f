/** Decides a file's format from its first bytes, falling back on its name. */
import { MAX_SAFETENSORS_HEADER_BYTES } from './safetensors-read';
import { NPY_MAGIC } from './npy-read';

/** Formats the app can open. 'text' covers pasted-style matrices (JSON, NumPy, MATLAB, ...). */
export type FileFormat = 'npy' | 'npz' | 'safetensors' | 'csv' | 'tsv' | 'text' | 'unknown';

/** How many leading bytes sniffFormat looks at; pass at least this many when you can. */
export const SNIFF_BYTES = 512;

const EXTENSIONS: Record<string, FileFormat> = {
  npy: 'npy',
  npz: 'npz',
  safetensors: 'safetensors',
  csv: 'csv',
  tsv: 'tsv',
  tab: 'tsv',
  txt: 'text',
  json: 'text',
  m: 'text',
  py: 'text',
  dat: 'text',
};

/** The lower-case extension of a file name, without the dot ('' when none). */
export function fileExtension(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/**
 * Magic bytes first (a .npy renamed .bin still opens), then the extension, then "does it look
 * like text". Returns 'unknown' when nothing fits.
 * @example sniffFormat('wpe.npy', first512Bytes) // 'npy'
 */
export function sniffFormat(fileName: string, firstBytes: Uint8Array): FileFormat {
  if (NPY_MAGIC.every((b, i) => firstBytes[i] === b)) return 'npy';
  // Local file header, or the end record of an empty zip.
  if (firstBytes[0] === 0x50 && firstBytes[1] === 0x4b && ((firstBytes[2] === 3 && firstBytes[3] === 4) || (firstBytes[2] === 5 && firstBytes[3] === 6))) {
    return 'npz';
  }
  if (looksLikeSafetensors(firstBytes)) return 'safetensors';
  const byName = EXTENSIONS[fileExtension(fileName)];
  if (byName) return byName;
  return looksLikeText(firstBytes) ? 'text' : 'unknown';
}

/** A plausible little-endian header length followed by '{'. */
function looksLikeSafetensors(bytes: Uint8Array): boolean {
  if (bytes.length < 9 || bytes[8] !== 0x7b) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, 8);
  return view.getUint32(4, true) === 0 && view.getUint32(0, true) <= MAX_SAFETENSORS_HEADER_BYTES;
}

/** No NUL bytes and no control characters other than tab, CR, LF and form feed. */
function looksLikeText(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false;
  for (const b of bytes) {
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) return false;
  }
  return true;
}
