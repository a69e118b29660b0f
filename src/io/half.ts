/**
 * IEEE 754 half precision (float16) and bfloat16 conversion. JavaScript has no 16-bit float type
 * in ES2023 (Float16Array arrived later), so the bits are converted by hand.
 */

const F32 = new Float32Array(1);
const U32 = new Uint32Array(F32.buffer);

/**
 * Decodes 16 float16 bits to a number: subnormals (exponent 0) scale by 2^-24, exponent 31 gives
 * +-Infinity or NaN.
 * @example float16BitsToNumber(0x3c00) // 1
 */
export function float16BitsToNumber(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0) return sign * fraction * 2 ** -24;
  if (exponent === 0x1f) return fraction ? NaN : sign * Infinity;
  return sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
}

/**
 * Encodes a number as float16 bits with round-to-nearest-even, overflow to Infinity, gradual
 * underflow to subnormals and NaN kept as a quiet NaN.
 * @example numberToFloat16Bits(1) // 0x3c00
 */
export function numberToFloat16Bits(value: number): number {
  if (Number.isNaN(value)) return 0x7e00;
  const sign = value < 0 || Object.is(value, -0) ? 0x8000 : 0;
  let a = Math.abs(value);
  if (a === Infinity) return sign | 0x7c00;
  // Round through float32 first would double-round; work from the float64 value instead.
  if (a >= 65520) return sign | 0x7c00; // halfway between max (65504) and 2^16 rounds up to inf
  if (a < 2 ** -14) {
    // Subnormal: units of 2^-24, rounded to nearest even.
    a = a * 2 ** 24;
    return sign | roundHalfEven(a);
  }
  let exponent = Math.floor(Math.log2(a));
  // log2 can be off by one near powers of two; correct it.
  if (2 ** exponent > a) exponent -= 1;
  if (2 ** (exponent + 1) <= a) exponent += 1;
  const mantissa = roundHalfEven((a / 2 ** exponent - 1) * 1024);
  // A mantissa rounding up to 1024 carries into the exponent; the bit layout does that for us.
  return sign | (((exponent + 15) << 10) + mantissa);
}

function roundHalfEven(x: number): number {
  const f = Math.floor(x);
  const d = x - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

/**
 * Decodes 16 bfloat16 bits: they are the high half of a float32.
 * @example bfloat16BitsToNumber(0x3f80) // 1
 */
export function bfloat16BitsToNumber(bits: number): number {
  U32[0] = (bits & 0xffff) << 16;
  return F32[0];
}

/**
 * Encodes a number as bfloat16 bits (float32 rounded to nearest even on the dropped 16 bits).
 * @example numberToBfloat16Bits(1) // 0x3f80
 */
export function numberToBfloat16Bits(value: number): number {
  F32[0] = value;
  const bits = U32[0];
  if (Number.isNaN(F32[0])) return ((bits >>> 16) | 0x40) & 0xffff;
  const rounded = bits + 0x7fff + ((bits >>> 16) & 1);
  return (rounded >>> 16) & 0xffff;
}
