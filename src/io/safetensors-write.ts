/** Writer for .safetensors files holding float32 (F32) or float64 (F64) tensors. */
import { checkWritable, chooseWriteDType, encodeFloats, type WritableArray, type WriteDType } from './npy-write';
import { utf8Encode } from './text-codec';
import { FormatError } from './types';

/**
 * Writes named tensors (row-major) as a .safetensors file. Each tensor is F32 when its data is a
 * Float32Array, else F64, unless `dtype` forces one. The header is padded with spaces to a
 * multiple of 8 bytes, as the reference writer does, so data stays aligned.
 * @example writeSafetensors({ U: { shape: [3, 2], data: u } }, { source: 'subspace-explorer' })
 */
export function writeSafetensors(
  tensors: Record<string, WritableArray>,
  metadata?: Record<string, string>,
  dtype?: WriteDType,
): Uint8Array {
  const header: Record<string, unknown> = {};
  if (metadata && Object.keys(metadata).length > 0) header['__metadata__'] = metadata;
  const chunks: Uint8Array[] = [];
  let offset = 0;
  for (const [name, array] of Object.entries(tensors)) {
    if (name === '__metadata__') throw new FormatError('safetensors', "a tensor cannot be named '__metadata__'");
    checkWritable('safetensors', `tensor '${name}'`, array);
    const type = chooseWriteDType(array, dtype);
    const bytes = encodeFloats(array.data, type);
    header[name] = { dtype: type === 'float32' ? 'F32' : 'F64', shape: [...array.shape], data_offsets: [offset, offset + bytes.length] };
    chunks.push(bytes);
    offset += bytes.length;
  }
  let json = utf8Encode(JSON.stringify(header));
  const padded = Math.ceil(json.length / 8) * 8;
  if (padded !== json.length) {
    const withSpaces = new Uint8Array(padded).fill(0x20);
    withSpaces.set(json);
    json = withSpaces;
  }
  const out = new Uint8Array(8 + json.length + offset);
  const view = new DataView(out.buffer);
  view.setUint32(0, json.length, true);
  view.setUint32(4, 0, true);
  out.set(json, 8);
  let at = 8 + json.length;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
