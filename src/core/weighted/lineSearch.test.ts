import { describe, expect, it } from 'vitest';
import { createRandom } from '../dense/random';
import { minimizeQuartic } from './lineSearch';

const quartic = (c: number[], t: number) => t * (c[0] + t * (c[1] + t * (c[2] + t * c[3])));

describe('minimizeQuartic', () => {
  it('finds the minimiser of simple cases', () => {
    expect(minimizeQuartic(-2, 1, 0, 0)).toBeCloseTo(1, 14);
    expect(minimizeQuartic(-4, 0, 0, 1)).toBeCloseTo(1, 14);
    expect(minimizeQuartic(1, 1, 0, 1)).toBe(0);
    expect(minimizeQuartic(-1, 0, 0, 0)).toBe(Infinity);
  });

  it('takes the better of two local minima', () => {
    // f'(t) = 4 (t - 1)(t - 2)(t - 4) = 4t^3 - 28t^2 + 56t - 32: minima at 1 and 4, f(4) < f(1).
    const c = [-32, 28, -28 / 3, 1];
    expect(minimizeQuartic(c[0], c[1], c[2], c[3])).toBeCloseTo(4, 12);
    // Raise the far minimum above the near one: f'(t) = 4 (t - 1)(t - 3)(t - 3.5) = 4t^3 - 30t^2 + 68t - 42.
    const d = [-42, 34, -10, 1];
    expect(minimizeQuartic(d[0], d[1], d[2], d[3])).toBeCloseTo(1, 12);
  });

  it('beats a fine grid on random quartics that are bounded below', () => {
    const rng = createRandom(7);
    for (let trial = 0; trial < 200; trial++) {
      const c = [-Math.abs(rng.normal()) - 1e-3, 3 * rng.normal(), 3 * rng.normal(), Math.abs(rng.normal()) + 1e-3];
      const t = minimizeQuartic(c[0], c[1], c[2], c[3]);
      let best = 0;
      for (let s = 0; s <= 20000; s++) best = Math.min(best, quartic(c, s * 1e-3));
      expect(quartic(c, t)).toBeLessThanOrEqual(best + 1e-9 * Math.max(1, Math.abs(best)));
    }
  });
});
