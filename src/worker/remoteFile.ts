/**
 * Files opened from a URL. A `.safetensors` file on a server that honours HTTP Range requests is read
 * piecewise: 8 bytes for the header length, then the header, then only the bytes of the tensor the
 * person picks, so a 500 MB checkpoint need not be downloaded whole. Anything else (other formats, a
 * server without Range support) is downloaded once, with progress, and read like a local file.
 */
import { readArrays, type ArrayFile } from '../io/read-arrays';
import { decodeSafetensorsTensor, parseSafetensorsHeader, safetensorsHeaderLength, type SafetensorsEntry } from '../io/safetensors-read';
import { FormatError } from '../io/types';

type Progress = (fraction: number, stage: string) => void;

/** An open file whose arrays may need a fetch to load. */
export interface LazyArrayFile extends Omit<ArrayFile, 'load'> {
  load(name: string): ReturnType<ArrayFile['load']> | Promise<ReturnType<ArrayFile['load']>>;
}

/** Bytes a ranged GET returned, or null when the server sent the whole file instead (no Range support). */
async function fetchRange(url: string, begin: number, end: number): Promise<Uint8Array | null> {
  const response = await fetch(url, { headers: { Range: `bytes=${begin}-${end - 1}` } });
  if (response.status === 200) {
    await response.body?.cancel();
    return null;
  }
  if (response.status !== 206) throw new Error(`Could not read ${url}: the server answered ${response.status} ${response.statusText}.`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.length !== end - begin) throw new Error(`The server sent ${bytes.length} bytes for a range of ${end - begin}.`);
  return bytes;
}

/** The whole file, reporting progress when the server says its length. */
async function download(url: string, progress: Progress): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`Could not download ${url}: the server answered ${response.status} ${response.statusText}.`);
  const total = Number(response.headers.get('Content-Length')) || 0;
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    if (total > 0) progress(received / total, `downloading ${Math.round(received / 1e6)} of ${Math.round(total / 1e6)} MB`);
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

function fileName(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname.split('/').pop() || 'download');
  } catch {
    return 'download';
  }
}

/** Opens a URL: piecewise for safetensors with Range support, whole otherwise. */
export async function openRemote(url: string, progress: Progress, maxElements: number): Promise<{ name: string; file: LazyArrayFile; ranged: boolean }> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`"${url}" is not a URL.`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error(`Only http and https URLs can be opened, not ${parsed.protocol}`);
  const name = fileName(url);
  if (name.toLowerCase().endsWith('.safetensors')) {
    progress(0, 'reading the header');
    const first8 = await fetchRange(url, 0, 8);
    if (first8) {
      const n = safetensorsHeaderLength(first8);
      const headerBytes = await fetchRange(url, 8, 8 + n);
      if (!headerBytes) throw new Error('The server stopped honouring Range requests.');
      const header = parseSafetensorsHeader(headerBytes, undefined, { maxElements });
      const byName = new Map<string, SafetensorsEntry>(header.entries.map((e) => [e.name, e]));
      const file: LazyArrayFile = {
        format: 'safetensors',
        entries: header.entries,
        warnings: header.warnings,
        metadata: header.metadata,
        async load(entryName) {
          const entry = byName.get(entryName);
          if (!entry) throw new FormatError('safetensors', `no tensor named '${entryName}'`);
          const bytes = await fetchRange(url, entry.begin, entry.end);
          if (!bytes) throw new Error('The server stopped honouring Range requests.');
          return decodeSafetensorsTensor(entry, bytes);
        },
      };
      return { name, file, ranged: true };
    }
  }
  const bytes = await download(url, progress);
  return { name, file: readArrays(name, bytes, { maxElements }), ranged: false };
}
