import { describe, expect, it } from 'vitest';
import { bfloat16BitsToNumber, float16BitsToNumber, numberToBfloat16Bits, numberToFloat16Bits } from './half';

describe('float16', () => {
  it.each([
    [0x0000, 0],
    [0x8000, -0],
    [0x3c00, 1],
    [0xc000, -2],
    [0x7bff, 65504],
    [0x0400, 2 ** -14],
    [0x0001, 2 ** -24],
    [0x03ff, 1023 * 2 ** -24],
    [0x7c00, Infinity],
    [0xfc00, -Infinity],
  ])('decodes 0x%s', (bits, value) => {
    expect(float16BitsToNumber(bits)).toBe(value);
  });

  it('decodes NaN payloads as NaN', () => {
    expect(float16BitsToNumber(0x7e00)).toBeNaN();
    expect(float16BitsToNumber(0xfc01)).toBeNaN();
  });


  it.each([
    [1 + 2 ** -11, 0x3c00], // halfway: to even
    [1 + 3 * 2 ** -11, 0x3c02], // halfway: to even, upwards
    [65519, 0x7bff],
    [65520, 0x7c00], // overflow to infinity
    [2 ** -25, 0x0000], // halfway to the smallest subnormal: to even (zero)
    [3 * 2 ** -26, 0x0001],
    [1e-10, 0x0000],
    [-1e10, 0xfc00],
  ])('encodes %f with round-to-nearest-even', (value, bits) => {
    expect(numberToFloat16Bits(value)).toBe(bits);
  });
});

describe.each([
  ['float16', float16BitsToNumber, numberToFloat16Bits],
  ['bfloat16', bfloat16BitsToNumber, numberToBfloat16Bits],
] as const)('%s codec', (_name, decode, encode) => {
  it('round-trips every one of the 65,536 bit patterns', () => {
    const wrong: number[] = [];
    for (let bits = 0; bits < 0x10000; bits++) {
      const value = decode(bits);
      const back = encode(value);
      if (Number.isNaN(value) ? !Number.isNaN(decode(back)) : back !== bits) wrong.push(bits);
    }
    expect(wrong).toEqual([]);
  });
});

describe('bfloat16', () => {
  it('decodes the high half of a float32', () => {
    expect(bfloat16BitsToNumber(0x3f80)).toBe(1);
    expect(bfloat16BitsToNumber(0xc000)).toBe(-2);
    expect(bfloat16BitsToNumber(0x0001)).toBe(2 ** -133); // subnormal
    expect(bfloat16BitsToNumber(0x7f80)).toBe(Infinity);
    expect(bfloat16BitsToNumber(0x7fc0)).toBeNaN();
  });

  it('rounds to nearest even', () => {
    expect(numberToBfloat16Bits(1 + 2 ** -8)).toBe(0x3f80); // halfway: to even
    expect(numberToBfloat16Bits(1 + 3 * 2 ** -8)).toBe(0x3f82);
  });
});
