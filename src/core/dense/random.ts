/**
 * The seeded random generator used everywhere the core needs randomness (the unseeded platform generator is banned:
 * a link with a seed must reproduce the same numbers). xoshiro128** seeded through splitmix32,
 * 53-bit uniforms, normals by the Marsaglia polar method.
 */
import { LinalgError } from '../errors';
import type { Matrix } from './matrix';

/** A seeded stream of random numbers. */
export interface Random {
  /** Uniform in [0, 1), 53 random bits. */
  uniform(): number;
  /** Standard normal (mean 0, variance 1). */
  normal(): number;
  /** Fills `out` with standard normals and returns it. */
  fillNormal(out: Float64Array): Float64Array;
  /** The seed this stream started from. */
  readonly seed: number;
}

/** splitmix32: spreads a small integer seed over the 128-bit xoshiro state. */
function splitmix32(state: number): [number, number] {
  state = (state + 0x9e3779b9) | 0;
  let z = state;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return [state, (z ^ (z >>> 16)) >>> 0];
}

/**
 * A seeded generator. The same seed gives the same sequence on every platform.
 *
 * @example
 * const rng = createRandom(42);
 * rng.uniform(); // the same number on every run, in [0, 1)
 * rng.normal();  // a standard normal draw
 */
export function createRandom(seed: number): Random {
  if (!Number.isFinite(seed)) throw new LinalgError(`createRandom: seed must be a finite number, got ${seed}`);
  let st = Math.floor(seed) | 0;
  const s = new Uint32Array(4);
  for (let i = 0; i < 4; i++) {
    const [next, value] = splitmix32(st);
    st = next;
    s[i] = value;
  }
  if ((s[0] | s[1] | s[2] | s[3]) === 0) s[0] = 1;

  const next32 = (): number => {
    const result = Math.imul(rotl(Math.imul(s[1], 5), 7), 9) >>> 0;
    const t = s[1] << 9;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);
    return result;
  };
  const uniform = (): number => ((next32() >>> 5) * 67108864 + (next32() >>> 6)) / 9007199254740992;

  let spare = 0;
  let hasSpare = false;
  const normal = (): number => {
    if (hasSpare) {
      hasSpare = false;
      return spare;
    }
    let x: number, y: number, r: number;
    do {
      x = 2 * uniform() - 1;
      y = 2 * uniform() - 1;
      r = x * x + y * y;
    } while (r >= 1 || r === 0);
    const f = Math.sqrt((-2 * Math.log(r)) / r);
    spare = y * f;
    hasSpare = true;
    return x * f;
  };
  const fillNormal = (out: Float64Array): Float64Array => {
    for (let i = 0; i < out.length; i++) out[i] = normal();
    return out;
  };
  return { uniform, normal, fillNormal, seed };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/**
 * A rows x cols matrix of independent draws: standard normal (default) or uniform in [-1, 1).
 *
 * @example
 * const g = randomMatrix(3, 2, createRandom(1)); // 3 x 2 Gaussian matrix, reproducible
 */
export function randomMatrix(rows: number, cols: number, rng: Random, kind: 'normal' | 'uniform' = 'normal'): Matrix {
  const data = new Float64Array(rows * cols);
  if (kind === 'normal') rng.fillNormal(data);
  else for (let i = 0; i < data.length; i++) data[i] = 2 * rng.uniform() - 1;
  return { rows, cols, data };
}
