/**
 * Opening a file in the worker and loading its arrays: the worker reads the File itself, and an
 * array a link names by SHA-256 is refused when its data differs.
 */
import { describe, expect, it } from 'vitest';
import { writeNpy } from '../io/npy-write';
import { runLoadArrayJob, runOpenFileJob, sha256Hex } from './fileJobs';
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
