import { describe, expect, it } from 'vitest';
import { lowRank } from '../svd/lowRank';
import { createRandom } from '../dense/random';
import { svd } from '../svd/svd';
import { svdRisk, weightedLowRank, weightedObjective, weightPreset } from './index';
import { HIGH_DISPERSION, HIGH_EXCESS, MODERATE_EXCESS } from './risk';
import { lowRankPlusNoise, randomWeights } from './weighted.testkit';

describe('svdRisk (our indicator, not the paper\'s)', () => {
  const a = lowRankPlusNoise(12, 10, 3, 0.3, createRandom(1));

  it('is low with no excess for uniform weights', () => {
    const w = weightPreset('uniform', 12, 10);
    const best = weightedLowRank(a, w, 3).objectives.at(-1)!;
    const r = svdRisk(a, w, 3, best);
    expect(r.weightedExcess).toBeLessThan(1e-10);
    expect(r.weightDispersion).toBe(0);
    expect(r.level).toBe('low');
    expect(r.svdObjective).toBeCloseTo(weightedObjective(a, w, lowRank(svd(a), 3)), 10);
  });

  it('measures how much worse plain SVD is than the best found', () => {
    const w = weightPreset('block', 12, 10, { block: { row0: 0, row1: 6, col0: 0, col1: 5, value: 200 } });
    const best = weightedLowRank(a, w, 2, { method: 'als', maxIter: 500 }).objectives.at(-1)!;
    const r = svdRisk(a, w, 2, best);
    expect(r.bestObjective).toBe(best);
    expect(r.weightedExcess).toBeCloseTo(r.svdObjective / best - 1, 12);
    expect(r.weightedExcess).toBeGreaterThan(HIGH_EXCESS);
    expect(r.level).toBe('high');
  });

  it('uses documented thresholds, and dispersion raises low to moderate', () => {
    const w = randomWeights(12, 10, 3, 0.5, 1.5);
    const svdObjective = svdRisk(a, w, 3, Infinity).svdObjective;
    expect(svdRisk(a, w, 3, svdObjective / (1 + MODERATE_EXCESS / 2)).level).toBe('low');
    expect(svdRisk(a, w, 3, svdObjective / (1 + 2 * MODERATE_EXCESS)).level).toBe('moderate');
    expect(svdRisk(a, w, 3, svdObjective / (1 + 2 * HIGH_EXCESS)).level).toBe('high');
    // A best worse than SVD itself is replaced by SVD's: no negative excess.
    expect(svdRisk(a, w, 3, 2 * svdObjective).weightedExcess).toBe(0);
    const uneven = randomWeights(12, 10, 4, 0, 1, 0.7);
    const r = svdRisk(a, uneven, 3, svdRisk(a, uneven, 3, Infinity).svdObjective);
    expect(r.weightDispersion).toBeGreaterThan(HIGH_DISPERSION);
    expect(r.weightedExcess).toBe(0);
    expect(r.level).toBe('moderate');
  });

  it('checks its input like the solver', () => {
    expect(() => svdRisk(a, weightPreset('uniform', 3, 3), 2, 1)).toThrow('svdRisk: the weights are 3 x 3 but A is 12 x 10');
  });
});
