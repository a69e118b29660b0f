import { describe, expect, it } from 'vitest';
import { fromArrays } from '../dense/matrix';
import { fisherWeights, rowWeightsOf, weightPreset } from './index';

const mean = (x: Float64Array): number => x.reduce((s, v) => s + v, 0) / x.length;

describe('weightPreset', () => {
  it('uniform, block and its bounds', () => {
    expect(weightPreset('uniform', 2, 3).data.every((v) => v === 1)).toBe(true);
    const b = weightPreset('block', 3, 4, { block: { row0: 1, row1: 3, col0: 2, col1: 4, value: 7 } });
    expect(Array.from(b.data)).toEqual([1, 1, 1, 1, 1, 1, 7, 7, 1, 1, 7, 7]);
    expect(Array.from(weightPreset('block', 2, 2).data)).toEqual([10, 1, 1, 1]);
    expect(() => weightPreset('block', 3, 4, { block: { row0: 2, row1: 5, col0: 0, col1: 1, value: 2 } })).toThrow('inside 3 x 4');
    expect(() => weightPreset('block', 3, 4, { block: { row0: 0, row1: 1, col0: 0, col1: 1, value: -2 } })).toThrow('block value is -2');
  });

  it("'rows' and 'columns' are smooth, positive, seeded profiles of mean 1", () => {
    const r = weightPreset('rows', 50, 3, { seed: 4 });
    const profile = rowWeightsOf(r)!;
    expect(mean(profile)).toBeCloseTo(1, 12);
    expect(profile.every((v) => v > 0)).toBe(true);
    for (let i = 1; i < 50; i++) expect(Math.abs(Math.log(profile[i] / profile[i - 1]))).toBeLessThan(0.3);
    expect(Array.from(weightPreset('rows', 50, 3, { seed: 4 }).data)).toEqual(Array.from(r.data));
    expect(Array.from(weightPreset('rows', 50, 3, { seed: 5 }).data)).not.toEqual(Array.from(r.data));
    const c = weightPreset('columns', 3, 50, { seed: 4 });
    const firstColumn = Array.from({ length: 50 }, (_, i) => r.data[i * 3]);
    expect(Array.from(c.data.subarray(0, 50))).toEqual(firstColumn);
    expect(Array.from(c.data.subarray(100, 150))).toEqual(firstColumn);
  });

  it("'random-mask' observes about `density` of the entries, reproducibly", () => {
    const w = weightPreset('random-mask', 100, 100, { seed: 1, density: 0.3 });
    expect(w.data.every((v) => v === 0 || v === 1)).toBe(true);
    expect(mean(w.data)).toBeGreaterThan(0.28);
    expect(mean(w.data)).toBeLessThan(0.32);
    expect(Array.from(weightPreset('random-mask', 100, 100, { seed: 1, density: 0.3 }).data)).toEqual(Array.from(w.data));
    expect(() => weightPreset('random-mask', 2, 2, { density: 0 })).toThrow('density must be in (0, 1], got 0');
  });

  it("'missing' is 0 at NaN and 1 elsewhere", () => {
    const data = fromArrays([[1, NaN], [NaN, 4]]);
    expect(Array.from(weightPreset('missing', 2, 2, { data }).data)).toEqual([1, 0, 0, 1]);
    expect(() => weightPreset('missing', 2, 2)).toThrow("'missing' needs the data matrix");
    expect(() => weightPreset('missing', 3, 2, { data })).toThrow('the data matrix is 2 x 2; the weights are to be 3 x 2');
  });

  it("'fisher' squares the importance, optionally per row, to mean 1", () => {
    const importance = fromArrays([[1, 3], [0, 2]]);
    const w = weightPreset('fisher', 2, 2, { importance });
    expect(Array.from(w.data)).toEqual(Array.from(fisherWeights(importance).data));
    expect(w.data[1] / w.data[0]).toBeCloseTo(9, 12);
    expect(w.data[2]).toBe(0);
    expect(mean(w.data)).toBeCloseTo(1, 12);
    const perRow = weightPreset('fisher', 2, 2, { importance, perRow: true });
    expect(perRow.data[0] / perRow.data[2]).toBeCloseTo(2.5, 12);
    expect(rowWeightsOf(perRow)).not.toBeNull();
    expect(mean(perRow.data)).toBeCloseTo(1, 12);
    expect(() => weightPreset('fisher', 2, 2)).toThrow("'fisher' needs the importance matrix");
    expect(() => fisherWeights(fromArrays([[0, 0]]))).toThrow('fisherWeights: the 1 x 2 importance matrix is all zero');
    expect(() => fisherWeights(fromArrays([[1, NaN]]))).toThrow('fisherWeights: entry (0, 1) is NaN');
  });

  it('gradients near underflow still give weights', () => {
    const w = fisherWeights(fromArrays([[1e-200, 2e-200]]));
    expect(w.data[1] / w.data[0]).toBeCloseTo(4, 12);
  });

  it('checks the kind and the shape', () => {
    expect(() => weightPreset('gaussian' as 'uniform', 2, 2)).toThrow("unknown preset 'gaussian'");
    expect(() => weightPreset('uniform', 0, 2)).toThrow('the shape must be positive integers, got 0 x 2');
  });
});
