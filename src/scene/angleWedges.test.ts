import { describe, expect, it } from 'vitest';
import { angleWedges, MAX_WEDGES, VECTOR_LENGTH, WEDGE_SPACING, wedgeLabel } from './angleWedges';

describe('angleWedges', () => {
  it('draws the largest angles first, each pair of unit vectors at its angle', () => {
    const angles = [0.01, 0.2, 0.5, 1.2];
    const wedges = angleWedges(angles);
    expect(wedges.map((w) => w.index)).toEqual([4, 3, 2]);
    expect(wedges).toHaveLength(MAX_WEDGES);
    for (const w of wedges) {
      const [x, y] = w.weightedEnd;
      expect(Math.hypot(x, y)).toBeCloseTo(VECTOR_LENGTH, 12);
      expect(Math.acos((x * w.svdEnd[0] + y * w.svdEnd[1]) / VECTOR_LENGTH ** 2)).toBeCloseTo(w.angle, 12);
      // The arc runs from the SVD direction to the weighted one around the origin.
      const first = w.arc[0];
      const last = w.arc[w.arc.length - 1];
      expect(Math.atan2(first[1], first[0] - w.origin[0])).toBeCloseTo(0, 12);
      expect(Math.atan2(last[1], last[0] - w.origin[0])).toBeCloseTo(w.angle, 12);
    }
    expect(wedges[1].origin[0] - wedges[0].origin[0]).toBeCloseTo(WEDGE_SPACING, 12);
  });

  it('draws one wedge for rank 1 and none without angles; ignores non-finite ones', () => {
    expect(angleWedges([0.3])).toHaveLength(1);
    expect(angleWedges([])).toEqual([]);
    expect(angleWedges([NaN, 0.2]).map((w) => w.index)).toEqual([2]);
  });

  it('labels the angle with its index and degrees', () => {
    expect(wedgeLabel({ index: 12, angle: Math.PI / 6 })).toBe('θ₁₂ = 30.00°');
  });
});
