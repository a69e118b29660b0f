/**
 * Ordered factorizations: the reshapes of a TensorGPT row.
 */
import { describe, expect, it } from 'vitest';
import { factorizationCount, factorizations } from './index';

describe('factorizations', () => {
  it('lists 12 exactly: fewer factors first, then lexicographic', () => {
    expect(factorizations(12)).toEqual([[2, 6], [3, 4], [4, 3], [6, 2], [2, 2, 3], [2, 3, 2], [3, 2, 2]]);
    expect(factorizations(12, { minFactors: 1, maxFactors: 2 })).toEqual([[12], [2, 6], [3, 4], [4, 3], [6, 2]]);
    expect(factorizationCount(12)).toBe(7);
  });

  it('768 = 2^8 3 has 1279, among them [8, 8, 12] and [4, 8, 4, 6]', () => {
    const all = factorizations(768);
    expect(all.length).toBe(1279);
    expect(factorizationCount(768)).toBe(1279);
    const keys = new Set(all.map((f) => f.join(',')));
    expect(keys.has('8,8,12')).toBe(true);
    expect(keys.has('4,8,4,6')).toBe(true);
    expect(keys.has('2,4,4,4,6')).toBe(true);
    expect(keys.size).toBe(1279);
    for (const f of all) expect(f.reduce((a, b) => a * b, 1)).toBe(768);
    // By number of factors: 16 with 2, 84 with 3, ... 9 with 9 (2^8 3 has nine prime factors).
    const byLength = [2, 3, 4, 5, 6, 7, 8, 9].map((k) => all.filter((f) => f.length === k).length);
    expect(byLength).toEqual([16, 84, 224, 350, 336, 196, 64, 9]);
    expect(factorizations(768, { minFactors: 3, maxFactors: 3 }).length).toBe(84);
    expect(factorizationCount(768, { minFactors: 3, maxFactors: 3 })).toBe(84);
  });

  it('caps the list at `limit`, keeping the first ones in order', () => {
    expect(factorizations(768, { limit: 5 })).toEqual([[2, 384], [3, 256], [4, 192], [6, 128], [8, 96]]);
    expect(factorizations(1024).length).toBe(factorizationCount(1024));
  });

  it('primes and 1 have none (with two factors or more); bad input is rejected', () => {
    expect(factorizations(13)).toEqual([]);
    expect(factorizations(1)).toEqual([]);
    expect(factorizations(13, { minFactors: 1 })).toEqual([[13]]);
    expect(() => factorizations(0)).toThrow(/positive integer/);
    expect(() => factorizations(12, { limit: 0 })).toThrow(/limit must be a positive integer/);
  });
});
