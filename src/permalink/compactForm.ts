/**
 * The compact, versioned link form: `#v1.` followed by base64url of deflate-raw (the browser's
 * CompressionStream) of a binary payload:
 *
 *   u32 little-endian header length | header JSON (UTF-8) | matrix entries, row-major
 *
 * The header says the shape, how the entries are stored ('f64' exact, 'f32', or 'q8': signed bytes
 * times `scale`) and the view (rank, view, of, step, title). See docs/permalink-format.md.
 *
 * Decoding is for untrusted input: it never throws, bounds the decompressed size before and while
 * inflating, validates the header with a schema, and checks the data length against the shape.
 */
import { z } from 'zod';
import { WORKSPACE_KEY_CODECS } from './workspaceKeys';
import { describeIssues, linkViewSchema, upgradeLegacyView, type DecodeResult, type LinkState } from './linkState';

export const COMPACT_PREFIX = 'v1.';
export type Precision = 'f64' | 'f32' | 'q8';

/** Links longer than this are refused before decoding. */
const MAX_LINK_CHARS = 2_000_000;
/** Inflated payloads larger than this are refused (a small link can inflate a lot). */
const MAX_PAYLOAD_BYTES = 16 * 1024 * 1024;
const MAX_ENTRIES = 1 << 21;
const BYTES: Record<Precision, number> = { f64: 8, f32: 4, q8: 1 };
/** The header is bounded when read, so it is bounded when written too. */
export const MAX_HEADER_BYTES = 4096;

const headerSchema = z
  .object({
    rows: z.number().int().min(1).max(65536),
    cols: z.number().int().min(1).max(65536),
    dtype: z.enum(['f64', 'f32', 'q8']),
    scale: z.number().positive().finite().optional(),
    ...linkViewSchema.shape,
    title: z.string().max(200).optional(),
  })
  .strict();

type Header = z.infer<typeof headerSchema>;

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, limit: number): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  void writer.write(bytes as Uint8Array<ArrayBuffer>).then(() => writer.close()).catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel();
      throw new RangeError(`more than ${limit} bytes`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** The smallest positive double normal numbers have: scales below it lose precision. */
const MIN_NORMAL = 2 ** -1022;

/**
 * The step of the q8 levels for entries up to `largest` in magnitude: `largest / 127`, so the
 * largest entry is level ±127. When that step would be subnormal it is rounded up to a whole
 * number of `Number.MIN_VALUE` instead: `largest / 127` would underflow to 0 (a scale the decoder
 * refuses) or round down so far that the largest entry needs more than 127 levels. Subnormals are
 * whole multiples of `Number.MIN_VALUE`, so the levels then land on representable numbers exactly.
 */
function q8Scale(largest: number): number {
  if (!(largest > 0)) return 1;
  const scale = largest / 127;
  if (scale >= MIN_NORMAL) return scale;
  // largest < 127 * 2^-1022, so it is a whole number of Number.MIN_VALUE below 2^59 (exact).
  const units = largest / Number.MIN_VALUE;
  let step = Math.ceil(units / 127);
  if (step * 127 < units) step += 1; // units / 127 may have rounded down onto a whole number
  return step * Number.MIN_VALUE;
}

/** The entries as stored at a precision, and the largest error that costs. */
export function quantise(data: ArrayLike<number>, precision: Precision): { bytes: Uint8Array; scale?: number; maxError: number } {
  const n = data.length;
  if (precision === 'f64') {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = data[i];
    return { bytes: new Uint8Array(out.buffer), maxError: 0 };
  }
  if (precision === 'f32') {
    const out = new Float32Array(n);
    let maxError = 0;
    for (let i = 0; i < n; i++) {
      out[i] = data[i];
      maxError = Math.max(maxError, Math.abs(out[i] - data[i]));
    }
    return { bytes: new Uint8Array(out.buffer), maxError };
  }
  let largest = 0;
  for (let i = 0; i < n; i++) largest = Math.max(largest, Math.abs(data[i]));
  const scale = q8Scale(largest);
  const out = new Int8Array(n);
  let maxError = 0;
  for (let i = 0; i < n; i++) {
    out[i] = Math.max(-127, Math.min(127, Math.round(data[i] / scale)));
    maxError = Math.max(maxError, Math.abs(out[i] * scale - data[i]));
  }
  return { bytes: new Uint8Array(out.buffer), scale, maxError };
}

/** Encodes a state with a matrix into `v1.…` (without the leading `#`). */
export async function encodeCompactHash(state: LinkState & { title?: string }, precision: Precision = 'f64'): Promise<{ hash: string; maxError: number }> {
  if (!state.matrix) throw new Error('encodeCompactHash: the compact form carries a matrix');
  const { rows, cols, data } = state.matrix;
  const stored = quantise(data, precision);
  const header: Header = { rows, cols, dtype: precision };
  if (stored.scale !== undefined) header.scale = stored.scale;
  if (state.workspace !== undefined) header.workspace = state.workspace;
  for (const codec of WORKSPACE_KEY_CODECS) {
    for (const field of Object.keys(codec.shape) as (keyof LinkState)[]) if (state[field] !== undefined) Object.assign(header, { [field]: state[field] });
  }
  if (state.title !== undefined) header.title = state.title.slice(0, 200);
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  if (headerBytes.length > MAX_HEADER_BYTES) {
    throw new RangeError(`The link's settings take ${headerBytes.length} bytes; at most ${MAX_HEADER_BYTES} fit (long URLs of files?).`);
  }
  const payload = new Uint8Array(4 + headerBytes.length + stored.bytes.length);
  new DataView(payload.buffer).setUint32(0, headerBytes.length, true);
  payload.set(headerBytes, 4);
  payload.set(stored.bytes, 4 + headerBytes.length);
  const compressed = await pipe(payload, new CompressionStream('deflate-raw'), Number.MAX_SAFE_INTEGER);
  return { hash: COMPACT_PREFIX + toBase64Url(compressed), maxError: stored.maxError };
}

function decodeEntries(bytes: Uint8Array, header: Header): Float64Array {
  const n = header.rows * header.cols;
  const out = new Float64Array(n);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < n; i++) {
    if (header.dtype === 'f64') out[i] = view.getFloat64(8 * i, true);
    else if (header.dtype === 'f32') out[i] = view.getFloat32(4 * i, true);
    else out[i] = view.getInt8(i) * (header.scale ?? 1);
  }
  return out;
}

/** Whether a hash (with or without `#`) is in the compact form. */
export function isCompactHash(hash: string): boolean {
  return (hash.startsWith('#') ? hash.slice(1) : hash).startsWith(COMPACT_PREFIX);
}

/** Reads a `#v1.…` hash. Never throws: returns the state (with Float64Array data) or problems. */
export async function decodeCompactHash(hash: string): Promise<DecodeResult & { title?: string }> {
  const fail = (problem: string): DecodeResult => ({ ok: false, problems: [problem] });
  try {
    const text = (hash.startsWith('#') ? hash.slice(1) : hash).slice(COMPACT_PREFIX.length);
    if (text.length > MAX_LINK_CHARS) return fail(`The link is ${text.length} characters long; at most ${MAX_LINK_CHARS} are read.`);
    const compressed = fromBase64Url(text);
    if (!compressed || compressed.length === 0) return fail('The link is not valid base64url after "#v1.".');
    let payload: Uint8Array;
    try {
      payload = await pipe(compressed, new DecompressionStream('deflate-raw'), MAX_PAYLOAD_BYTES);
    } catch (error) {
      return fail(error instanceof RangeError ? `The link unpacks to more than ${MAX_PAYLOAD_BYTES} bytes.` : 'The link is damaged: its data does not decompress.');
    }
    if (payload.length < 4) return fail('The link is damaged: its data is too short.');
    const headerLength = new DataView(payload.buffer, payload.byteOffset).getUint32(0, true);
    if (headerLength > payload.length - 4 || headerLength > MAX_HEADER_BYTES) return fail('The link is damaged: its header length is wrong.');
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(payload.subarray(4, 4 + headerLength)));
    } catch {
      return fail('The link is damaged: its header is not valid JSON.');
    }
    const parsed = headerSchema.safeParse(json !== null && typeof json === 'object' && !Array.isArray(json) ? upgradeLegacyView(json as Record<string, unknown>) : json);
    if (!parsed.success) {
      return { ok: false, problems: describeIssues(parsed.error.issues, (path) => `The link's ${path.join('.') || 'header'}`) };
    }
    const header = parsed.data;
    const entries = header.rows * header.cols;
    if (entries > MAX_ENTRIES) return fail(`The link's matrix has ${entries} entries; at most ${MAX_ENTRIES} are read.`);
    if (header.dtype === 'q8' && header.scale === undefined) return fail('The link stores bytes but no scale.');
    const data = payload.subarray(4 + headerLength);
    if (data.length !== entries * BYTES[header.dtype]) {
      return fail(`The link's ${header.rows} x ${header.cols} matrix needs ${entries * BYTES[header.dtype]} bytes of data, it has ${data.length}.`);
    }
    const values = decodeEntries(data, header);
    for (let i = 0; i < values.length; i++) {
      if (!Number.isFinite(values[i])) return fail(`Entry (${Math.floor(i / header.cols) + 1}, ${(i % header.cols) + 1}) of the link's matrix is not a finite number.`);
    }
    const { rows, cols, dtype: _dtype, scale: _scale, title: _title, ...view } = header;
    const value: LinkState = { matrix: { rows, cols, data: values }, ...view };
    return { ok: true, value, title: header.title };
  } catch {
    return fail('The link could not be read.');
  }
}
