/**
 * Opening a file in the worker and loading its arrays: the worker reads the File itself, and an
 * array a link names by SHA-256 is refused when its data differs.
 */
import { describe, expect, it } from 'vitest';
import { deflateSync } from 'fflate';
import { writeNpy } from '../io/npy-write';
import { checkedWeight, loadCost, runLoadArrayJob, runOpenFileJob, sha256Hex } from './fileJobs';
import { CodedJobError } from './protocol';
import { QUIET_CONTEXT } from './protocol';

const context = QUIET_CONTEXT;

describe('file jobs', () => {
  const data = Float64Array.from({ length: 12 }, (_, k) => k / 7);
  const file = new Blob([writeNpy({ shape: [3, 4], data }, 'float64') as Uint8Array<ArrayBuffer>]);

  it('reads a File handed to the worker and loads its array with the data hash', async () => {
    const { output: listing } = await runOpenFileJob({ fileId: 501, name: 'a.npy', file }, context);
    expect(listing.entries.map((e) => [e.name, e.shape])).toEqual([['a', [3, 4]]]);
    const { output } = await runLoadArrayJob({ fileId: 501, entry: 'a', slice: [] }, context);
    expect(Array.from(output.data)).toEqual(Array.from(data));
    expect(output.sha256).toBe(await sha256Hex(data));
  });

  it('loads the array a link names when the hash matches, and refuses it when the data changed', async () => {
    await runOpenFileJob({ fileId: 502, name: 'a.npy', file }, context);
    const sha256 = await sha256Hex(data);
    await expect(runLoadArrayJob({ fileId: 502, entry: 'a', slice: [], sha256 }, context)).resolves.toBeDefined();
    await expect(runLoadArrayJob({ fileId: 502, entry: 'a', slice: [], sha256: 'f'.repeat(64) }, context)).rejects.toThrow(/"a" is not the data the link was made from \(its SHA-256 differs\)/);
  });

  it('hashes the same with Web Crypto and, where a page has none (plain http), in JavaScript', async () => {
    // Reference from python: hashlib.sha256(struct.pack('<3d', 1.0, -2.5, 1e300)).hexdigest()
    const expected = '7c99ac8415f6e1a2140a533dd19069859926480169c8d26b9b169355fbb79b74';
    const entries = new Float64Array([1, -2.5, 1e300]);
    expect(await sha256Hex(entries)).toBe(expected);
    expect(await sha256Hex(entries, null)).toBe(expected);
    // A view into a bigger buffer hashes only its own entries.
    const view = new Float64Array([9, 1, -2.5, 1e300, 9]).subarray(1, 4);
    expect(await sha256Hex(view, null)).toBe(expected);
    expect(await sha256Hex(view)).toBe(expected);
  });
});

/**
 * A zip bomb without the bomb: a .npz whose directory says its one member inflates to an
 * 8192 x 8192 float64 array (512 MiB) while the stored data is only the deflated .npy header and a
 * few zeros. Listing reads just the header; anything that tried to inflate the member would fail
 * on its size or CRC, so a refusal that names the budget shows the sizes were checked first.
 */
function fakeBomb(): Uint8Array {
  const header = writeNpy({ shape: [1, 1], data: new Float64Array(1) }).subarray(0, 128).slice();
  const text = "{'descr': '<f8', 'fortran_order': False, 'shape': (8192, 8192), }";
  header.fill(0x20, 10, 127);
  for (let i = 0; i < text.length; i++) header[10 + i] = text.charCodeAt(i);
  const data = deflateSync(new Uint8Array([...header, ...new Uint8Array(1024)]));
  const name = new TextEncoder().encode('arr_0.npy');
  const size = 128 + 8 * 8192 * 8192;
  const local = new Uint8Array(30 + name.length);
  const lv = new DataView(local.buffer);
  lv.setUint32(0, 0x04034b50, true);
  lv.setUint16(8, 8, true);
  lv.setUint32(18, data.length, true);
  lv.setUint32(22, size, true);
  lv.setUint16(26, name.length, true);
  local.set(name, 30);
  const central = new Uint8Array(46 + name.length);
  const cv = new DataView(central.buffer);
  cv.setUint32(0, 0x02014b50, true);
  cv.setUint16(10, 8, true);
  cv.setUint32(20, data.length, true);
  cv.setUint32(24, size, true);
  cv.setUint16(28, name.length, true);
  cv.setUint32(42, 0, true);
  central.set(name, 46);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, 1, true);
  ev.setUint16(10, 1, true);
  ev.setUint32(12, central.length, true);
  ev.setUint32(16, local.length + data.length, true);
  return new Uint8Array([...local, ...data, ...central, ...end]);
}

describe('missing (NaN) entries', () => {
  const context = QUIET_CONTEXT;
  const data = Float64Array.from([1, NaN, 3, 4, NaN, 6]);
  const file = new Blob([writeNpy({ shape: [2, 3], data }, 'float64') as Uint8Array<ArrayBuffer>]);

  it('refuses an array with NaN by default, with a code the page offers the way on for and the count', async () => {
    await runOpenFileJob({ fileId: 701, name: 'gaps.npy', file }, context);
    const refused = runLoadArrayJob({ fileId: 701, entry: 'gaps', slice: [] }, context);
    await expect(refused).rejects.toBeInstanceOf(CodedJobError);
    await expect(refused).rejects.toMatchObject({ code: 'has-missing', message: "'gaps' has 2 missing (NaN) entries, the first at row 1, column 2; the SVD needs every entry." });
  });

  it('reads them as 0 when asked, counting them, and hashes what it read', async () => {
    await runOpenFileJob({ fileId: 702, name: 'gaps.npy', file }, context);
    const { output } = await runLoadArrayJob({ fileId: 702, entry: 'gaps', slice: [], missingAsZero: true }, context);
    expect(Array.from(output.data)).toEqual([1, 0, 3, 4, 0, 6]);
    expect(output.missingCount).toBe(2);
    expect(output.sha256).toBe(await sha256Hex(Float64Array.from([1, 0, 3, 4, 0, 6])));
  });

  it('keeps them for the mask of the missing entries, and refuses infinities whatever the choice', async () => {
    await runOpenFileJob({ fileId: 703, name: 'gaps.npy', file }, context);
    const { matrix } = await checkedWeight({ fileId: 703, entry: 'gaps', slice: [] }, 'array', false, 'keep');
    expect(Array.from(matrix.data).map((x) => (Number.isNaN(x) ? 'NaN' : x))).toEqual([1, 'NaN', 3, 4, 'NaN', 6]);
    const inf = new Blob([writeNpy({ shape: [1, 2], data: Float64Array.from([NaN, Infinity]) }, 'float64') as Uint8Array<ArrayBuffer>]);
    await runOpenFileJob({ fileId: 704, name: 'inf.npy', file: inf }, context);
    await expect(runLoadArrayJob({ fileId: 704, entry: 'inf', slice: [], missingAsZero: true }, context)).rejects.toThrow("'inf' has an infinite value at row 1, column 2; the SVD needs finite numbers.");
  });
});

describe('the memory budget of opening arrays', () => {
  it('counts the inflated data, the decoded array, the matrix and the kept copy', () => {
    const entry = { name: 'a', shape: [8192, 8192], dtype: 'float64' as const, byteLength: 2 ** 29 };
    expect(loadCost('npz', entry, undefined, true).bytes).toBe(2 ** 31);
    expect(loadCost('npz', { ...entry, dtype: 'float32', byteLength: 2 ** 28 }, undefined, true).bytes).toBe(1.5 * 2 ** 30);
    // An .npy was decoded when it was opened: only the matrix and the copy.
    expect(loadCost('npy', entry, undefined, true).bytes).toBe(2 ** 30);
    expect(loadCost('safetensors', { name: 'w', shape: [50257, 768], dtype: 'float32', byteLength: 50257 * 768 * 4 }, undefined, false).bytes).toBe(50257 * 768 * 12);
  });

  it('lists an 8192 x 8192 zero .npz bomb and refuses to open it from its header sizes, saying how', async () => {
    const file = new Blob([fakeBomb() as Uint8Array<ArrayBuffer>]);
    const { output } = await runOpenFileJob({ fileId: 601, name: 'bomb.npz', file }, context);
    expect(output.entries).toEqual([{ name: 'arr_0', shape: [8192, 8192], dtype: 'float64', byteLength: 2 ** 29 }]);
    const refused = runLoadArrayJob({ fileId: 601, entry: 'arr_0', slice: [] }, context);
    await expect(refused).rejects.toThrow(
      "'arr_0' (8192 × 8192 float64, 512 MiB once inflated) would need about 2 GiB of memory to open here (the inflated data, the decoded array, the matrix and the copy the worker keeps for the SVD), over the worker's budget of 1 GiB, so it was not opened. Save a part of it as its own array and open that: up to 4,096 of its 8,192 rows fit (in NumPy, np.save('part.npy', a[:4096])).",
    );
  });

  it('refuses to read a file bigger than the budget before reading it', async () => {
    const head = writeNpy({ shape: [2, 2], data: new Float64Array(4) });
    const huge = { size: 2 ** 31, name: 'huge.npy', slice: () => new Blob([head as Uint8Array<ArrayBuffer>]) } as unknown as Blob;
    await expect(runOpenFileJob({ fileId: 602, name: 'huge.npy', file: huge }, context)).rejects.toThrow(
      /huge\.npy is 2 GiB; reading and decoding it needs about 4 GiB of memory, over the worker's budget of 1 GiB, so it was not opened/,
    );
  });
});
