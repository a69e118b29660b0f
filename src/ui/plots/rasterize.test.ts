import { unzlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { downsampleMaxAbs, maxAbs, rasterize } from './rasterize';
import { crc32, encodePng, toDataUrl } from './png';
import { cellAt, fitMatrix } from './heatmapGeometry';

describe('downsampleMaxAbs', () => {
  it('keeps the signed entry of largest magnitude in each block', () => {
    // 4 x 6 into 2 x 3 blocks of 2 x 2.
    const a = [
      1, 2, 0, 0, 5, -6,
      -3, 0, 0, 0, 0, 0,
      0, 0, 7, -8, 0, 0,
      0, 9, 0, 0, 0, 0.5,
    ];
    expect(Array.from(downsampleMaxAbs(4, 6, a, 2, 3))).toEqual([-3, 0, -6, 9, -8, 0.5]);
  });

  it('splits uneven sizes into nearly equal blocks and is the identity at full size', () => {
    const a = [1, 2, 3, 4, 5];
    expect(Array.from(downsampleMaxAbs(1, 5, a, 1, 2))).toEqual([2, 5]);
    expect(Array.from(downsampleMaxAbs(1, 5, a, 1, 5))).toEqual(a);
  });

  it('lets a NaN mark its whole cell', () => {
    expect(Array.from(downsampleMaxAbs(1, 4, [1, Number.NaN, 100, 2], 1, 2))).toEqual([Number.NaN, 100]);
    expect(Array.from(downsampleMaxAbs(1, 4, [100, Number.NaN], 1, 1))).toEqual([Number.NaN]);
  });
});

describe('rasterize', () => {
  it('caps each side at maxCells and colours on the symmetric range', () => {
    const rows = 768;
    const cols = 3072;
    const data = new Float32Array(rows * cols);
    data[0] = -2; // top-left block: full blue
    data[cols - 1] = 1; // top-right block: half-way to vermillion
    const raster = rasterize(rows, cols, data, 256, 2);
    expect([raster.width, raster.height]).toEqual([256, 256]);
    expect(raster.rgba.length).toBe(256 * 256 * 4);
    expect(Array.from(raster.rgba.subarray(0, 4))).toEqual([0, 114, 178, 255]);
    expect(Array.from(raster.rgba.subarray(255 * 4, 256 * 4))).toEqual([234, 174, 128, 255]); // 174.5 rounds half to even
    expect(Array.from(raster.rgba.subarray(4, 8))).toEqual([255, 255, 255, 255]);
  });

  it('uses the matrix own range without one, and draws an all-zero matrix white', () => {
    const own = rasterize(1, 2, [-1, 4], 256);
    expect(Array.from(own.rgba.subarray(4, 8))).toEqual([213, 94, 0, 255]);
    const zero = rasterize(2, 2, [0, 0, 0, 0], 256);
    expect(Array.from(zero.rgba)).toEqual(new Array(16).fill(255));
  });

  it('measures the largest finite magnitude over several arrays', () => {
    expect(maxAbs([1, -5], [Number.POSITIVE_INFINITY, 3, Number.NaN])).toBe(5);
    expect(maxAbs()).toBe(0);
  });
});

describe('encodePng', () => {
  const readU32 = (bytes: Uint8Array, at: number) => new DataView(bytes.buffer, bytes.byteOffset).getUint32(at);

  it('writes the signature and an IHDR with the size, RGBA, 8 bits', () => {
    const png = encodePng(3, 2, new Uint8ClampedArray(3 * 2 * 4).fill(200));
    expect(Array.from(png.subarray(0, 8))).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    expect(readU32(png, 8)).toBe(13);
    expect(new TextDecoder().decode(png.subarray(12, 16))).toBe('IHDR');
    expect(readU32(png, 16)).toBe(3);
    expect(readU32(png, 20)).toBe(2);
    expect(Array.from(png.subarray(24, 29))).toEqual([8, 6, 0, 0, 0]);
    expect(readU32(png, 29)).toBe(crc32(png.subarray(12, 29)));
    expect(new TextDecoder().decode(png.subarray(png.length - 8, png.length - 4))).toBe('IEND');
  });

  it('stores the pixels, one filter byte per scanline, in a valid zlib stream', () => {
    const rgba = Uint8ClampedArray.from([1, 2, 3, 4, 5, 6, 7, 8]);
    const png = encodePng(1, 2, rgba);
    const idatLength = readU32(png, 33);
    expect(new TextDecoder().decode(png.subarray(37, 41))).toBe('IDAT');
    const raw = unzlibSync(png.subarray(41, 41 + idatLength));
    expect(Array.from(raw)).toEqual([0, 1, 2, 3, 4, 0, 5, 6, 7, 8]);
  });

  it('stores the same pixels uncompressed at level 0, still as a valid zlib stream', () => {
    const rgba = Uint8ClampedArray.from({ length: 64 * 4 }, (_, i) => (i * 37) & 255);
    const stored = encodePng(8, 8, rgba, 0);
    const deflated = encodePng(8, 8, rgba);
    const idat = (png: Uint8Array) => unzlibSync(png.subarray(41, 41 + readU32(png, 33)));
    expect(Array.from(idat(stored))).toEqual(Array.from(idat(deflated)));
    expect(stored.length).toBeGreaterThan(8 * (8 * 4 + 1));
  });

  it('computes the standard CRC-32 and refuses sizes that do not match', () => {
    expect(crc32(new TextEncoder().encode('IEND'))).toBe(0xae426082);
    expect(() => encodePng(2, 2, new Uint8Array(4))).toThrow(/expected 16 RGBA bytes/);
    expect(() => encodePng(0, 2, new Uint8Array(0))).toThrow(/positive integer size/);
  });

  it('makes a base64 data URL', () => {
    expect(toDataUrl(Uint8Array.from([104, 105]))).toBe('data:image/png;base64,aGk=');
    // Every remainder length and every byte value, against the platform's btoa.
    for (const length of [0, 1, 2, 3, 4, 5, 256, 1000]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 97 + 13) & 255);
      expect(toDataUrl(bytes, 'x/y')).toBe(`data:x/y;base64,${btoa(String.fromCharCode(...bytes))}`);
    }
  });
});

describe('cellAt', () => {
  it('finds the entry under the pointer, with the far edges in the last row and column', () => {
    expect(cellAt(768, 3072, 10, 10, 300, 75)).toEqual({ i: 102, j: 102 });
    expect(cellAt(2, 3, 0, 0, 30, 20)).toEqual({ i: 0, j: 0 });
    expect(cellAt(2, 3, 29.9, 10, 30, 20)).toEqual({ i: 1, j: 2 });
    expect(cellAt(2, 3, 30, 20, 30, 20)).toEqual({ i: 1, j: 2 });
  });

  it('is null outside the image or for degenerate sizes', () => {
    expect(cellAt(2, 3, -1, 5, 30, 20)).toBeNull();
    expect(cellAt(2, 3, 5, 21, 30, 20)).toBeNull();
    expect(cellAt(2, 3, Number.NaN, 5, 30, 20)).toBeNull();
    expect(cellAt(0, 3, 5, 5, 30, 20)).toBeNull();
    expect(cellAt(2, 3, 5, 5, 0, 20)).toBeNull();
  });
});

describe('fitMatrix', () => {
  it('keeps entries square and a thin matrix visible', () => {
    expect(fitMatrix(768, 3072, 300, 300)).toEqual({ width: 300, height: 75 });
    expect(fitMatrix(1, 1000, 300, 300)).toEqual({ width: 300, height: 24 });
    expect(fitMatrix(0, 5, 300, 300)).toEqual({ width: 0, height: 0 });
  });
});
