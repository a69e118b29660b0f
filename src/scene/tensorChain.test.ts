import { describe, expect, it } from 'vitest';
import {
  STAGGER_ABOVE, bondRadius, chainLayout, chainRanks, cloneLayout, describeChain, easeOut, edgeLength, lerpLayoutInto, sameStructure,
  type ChainLayout,
} from './tensorChain';

/** Left face of G_1 to right face of G_d. */
function extentX(l: ChainLayout): [number, number] {
  const first = l.cores[0];
  const last = l.cores[l.cores.length - 1];
  return [first.center[0] - first.size[0] / 2, last.center[0] + last.size[0] / 2];
}

describe('chainRanks', () => {
  it('takes full ranks or inner ones, and refuses counts that fit neither', () => {
    expect(chainRanks([8, 8, 8], [1, 4, 4, 1])).toEqual([1, 4, 4, 1]);
    expect(chainRanks([8, 8, 8], [4, 4])).toEqual([1, 4, 4, 1]);
    expect(chainRanks([8], [])).toEqual([1, 1]);
    expect(chainRanks([8, 8, 8], [4])).toBeNull();
    expect(chainRanks([], [])).toEqual([1]);
  });

  it('draws non-integer, zero or NaN ranks as whole numbers of at least 1', () => {
    expect(chainRanks([4, 4], [2.6])).toEqual([1, 3, 1]);
    expect(chainRanks([4, 4], [0])).toEqual([1, 1, 1]);
    expect(chainRanks([4, 4], [Number.NaN])).toEqual([1, 1, 1]);
  });
});

describe('chainLayout', () => {
  it('gives each core its TT shape and parameter count, and the total', () => {
    const l = chainLayout([8, 8, 8], [1, 4, 4, 1]);
    expect(l.cores.map((c) => c.dims)).toEqual([[1, 8, 4], [4, 8, 4], [4, 8, 1]]);
    expect(l.cores.map((c) => c.parameters)).toEqual([32, 128, 32]);
    expect(l.parameters).toBe(192);
    expect(l.bonds.map((b) => [b.index, b.rank])).toEqual([[1, 4], [2, 4]]);
    expect(l.legs.map((g) => g.size)).toEqual([8, 8, 8]);
    expect(l.ranks).toEqual([1, 4, 4, 1]);
  });

  it('throws a readable error when the ranks do not fit the shape', () => {
    expect(() => chainLayout([8, 8, 8], [1, 4, 1])).toThrow('a 3-way shape [8, 8, 8] needs 4 ranks (or 2 inner ones), got 3: [1, 4, 1]');
  });

  it('fits the chain to about 6 units, centred on the origin, for every d from 2 to 12', () => {
    for (let d = 2; d <= 12; d++) {
      for (const n of [2, 8, 64, 1024]) {
        const shape = new Array<number>(d).fill(n);
        const ranks = Array.from({ length: d - 1 }, (_, k) => Math.min(64, 2 ** (1 + Math.min(k, d - 2 - k))));
        const l = chainLayout(shape, ranks);
        const [x0, x1] = extentX(l);
        expect(x1 - x0).toBeCloseTo(l.length, 9);
        expect(l.length).toBeGreaterThanOrEqual(4.5);
        expect(l.length).toBeLessThanOrEqual(6 + 1e-9);
        expect(x0 + x1).toBeCloseTo(0, 9);
        for (const c of l.cores) expect(c.center[1]).toBe(0);
      }
    }
    expect(chainLayout([8, 8, 8], [4, 4]).length).toBeCloseTo(6, 9);
    expect(chainLayout(new Array<number>(8).fill(4), new Array<number>(7).fill(2), { length: 10 }).length).toBeCloseTo(10, 9);
  });

  it('keeps cores apart, in order, joined by bonds between their facing sides', () => {
    const l = chainLayout([4, 1024, 8, 2], [4, 8, 2]);
    for (let k = 0; k < l.bonds.length; k++) {
      const left = l.cores[k];
      const right = l.cores[k + 1];
      const bond = l.bonds[k];
      expect(bond.from[0]).toBeCloseTo(left.center[0] + left.size[0] / 2, 12);
      expect(bond.to[0]).toBeCloseTo(right.center[0] - right.size[0] / 2, 12);
      expect(bond.to[0] - bond.from[0]).toBeGreaterThan(0.2);
      // A bond is never wider than the faces it joins.
      expect(2 * bond.radius).toBeLessThan(Math.min(left.size[1], left.size[2], right.size[1], right.size[2]));
    }
  });

  it('makes rank 1 visible, rank 64 clearly bigger, and a 1024-wide mode not dwarf the rest', () => {
    expect(edgeLength(1)).toBeGreaterThan(0.3);
    expect(edgeLength(64) / edgeLength(1)).toBeGreaterThan(3);
    expect(edgeLength(1024) / edgeLength(1)).toBeLessThan(6);
    const l = chainLayout([1024, 8, 8], [8, 8]);
    expect(l.cores[0].size[0] / l.cores[1].size[0]).toBeLessThan(2.5);
    // Heights follow r_{k-1} and depths r_k.
    const m = chainLayout([16, 16, 16], [1, 2, 64, 1]);
    expect(m.cores[1].size[1]).toBeLessThan(m.cores[2].size[1]);
    expect(m.cores[1].size[2]).toBeGreaterThan(m.cores[1].size[1]);
    expect(m.cores[0].size[1]).toBeCloseTo(edgeLength(1) * m.scale, 12);
  });

  it('thickens bonds with rank, monotonically, and never below a visible minimum', () => {
    const radii = [1, 2, 4, 8, 16, 32, 64].map((r) => chainLayout([64, 64, 64], [r, r]).bonds[0].radius);
    for (let i = 1; i < radii.length; i++) expect(radii[i]).toBeGreaterThan(radii[i - 1]);
    expect(radii[radii.length - 1] / radii[0]).toBeGreaterThan(3);
    expect(bondRadius(1)).toBeGreaterThan(0);
    const long = chainLayout(new Array<number>(12).fill(2), new Array<number>(11).fill(1));
    for (const b of long.bonds) expect(b.radius).toBeGreaterThanOrEqual(0.02);
  });

  it('does not move cores sideways or the camera when only the ranks change', () => {
    const a = chainLayout([8, 16, 8], [2, 2]);
    const b = chainLayout([8, 16, 8], [8, 8]);
    expect(b.cores.map((c) => c.center[0])).toEqual(a.cores.map((c) => c.center[0]));
    expect(b.cores.map((c) => c.size[0])).toEqual(a.cores.map((c) => c.size[0]));
    expect(b.camera).toEqual(a.camera);
    expect(b.cores[1].size[1]).toBeGreaterThan(a.cores[1].size[1]);
  });

  it('points every leg down from its core to one common line, with the label below', () => {
    const l = chainLayout([4, 8, 16], [4, 16]);
    const ends = new Set(l.legs.map((g) => g.to[1]));
    expect(ends.size).toBe(1);
    l.legs.forEach((g, k) => {
      const core = l.cores[k];
      expect(g.from[0]).toBe(core.center[0]);
      expect(g.from[1]).toBeCloseTo(-core.size[1] / 2, 12);
      expect(g.to[1]).toBeLessThan(g.from[1]);
      expect(g.labelAnchor[1]).toBeLessThan(g.to[1]);
    });
  });

  it('puts core labels above the cores, staggered in two rows for long chains', () => {
    const short = chainLayout([4, 4, 4], [4, 4]);
    for (const c of short.cores) expect(c.labelAnchor[1]).toBeGreaterThan(c.size[1] / 2);
    expect(new Set(short.cores.map((c) => (c.labelAnchor[1] - c.size[1] / 2).toFixed(9))).size).toBe(1);
    const long = chainLayout(new Array<number>(STAGGER_ABOVE + 3).fill(4), new Array<number>(STAGGER_ABOVE + 2).fill(4));
    const rise = long.cores.map((c) => c.labelAnchor[1] - c.size[1] / 2);
    expect(rise[1]).toBeGreaterThan(rise[0]);
    expect(rise[2]).toBeCloseTo(rise[0], 12);
    // Bond labels go under the cores in two rows, above the leg ends; leg labels in two rows too.
    const bottom = Math.min(...long.cores.map((c) => -c.size[1] / 2));
    expect(long.bonds[0].labelAnchor[1]).toBeLessThan(bottom);
    expect(long.bonds[1].labelAnchor[1]).toBeLessThan(long.bonds[0].labelAnchor[1]);
    expect(long.bonds[2].labelAnchor[1]).toBeCloseTo(long.bonds[0].labelAnchor[1], 12);
    expect(long.bonds[1].labelAnchor[1]).toBeGreaterThan(long.legs[0].to[1]);
    expect(long.legs[1].labelAnchor[1]).toBeLessThan(long.legs[0].labelAnchor[1]);
    // A short chain's bond labels sit just under their bonds.
    expect(short.bonds[0].labelAnchor[1]).toBeCloseTo(-(short.bonds[0].radius + 0.32), 12);
  });

  it('handles one core and no cores', () => {
    const one = chainLayout([8], [1, 1]);
    expect(one.cores).toHaveLength(1);
    expect(one.bonds).toHaveLength(0);
    expect(one.cores[0].center[0]).toBeCloseTo(0, 12);
    expect(one.parameters).toBe(8);
    const none = chainLayout([], []);
    expect(none.cores).toHaveLength(0);
    expect(none.camera.every(Number.isFinite)).toBe(true);
  });

  it('produces only finite numbers, even for huge modes and ranks', () => {
    const l = chainLayout([1e6, 3, 1e6], [1e6, 3]);
    const numbers = JSON.stringify(l).match(/-?[\d.e+-]+/g) ?? [];
    expect(JSON.stringify(l)).not.toContain('null');
    expect(numbers.length).toBeGreaterThan(0);
    expect(l.cores.every((c) => c.size.every((v) => v > 0 && Number.isFinite(v)))).toBe(true);
  });
});

describe('describeChain', () => {
  it('names every core with its shape and parameters, the bonds and the total', () => {
    expect(describeChain([8, 8, 8], [1, 4, 4, 1])).toBe(
      'A chain of 3 cores: G1 is 1 × 8 × 4 (32 parameters), G2 is 4 × 8 × 4 (128 parameters), G3 is 4 × 8 × 1 (32 parameters); bonds of rank 4 and 4; 192 parameters in all, against 512 entries in the full tensor.',
    );
    expect(describeChain([2, 3], [2])).toBe(
      'A chain of 2 cores: G1 is 1 × 2 × 2 (4 parameters), G2 is 2 × 3 × 1 (6 parameters); a bond of rank 2; 10 parameters in all, against 6 entries in the full tensor.',
    );
    expect(describeChain([4, 4, 4, 4], [2, 3, 2])).toContain('bonds of rank 2, 3 and 2;');
    expect(describeChain([768, 64], [64])).toContain('49,152 entries');
  });

  it('never throws: one core, no cores, and ranks that do not fit', () => {
    expect(describeChain([5], [1, 1])).toBe('A single core: G1 is 1 × 5 × 1 (5 parameters), against 5 entries in the full tensor.');
    expect(describeChain([], [])).toBe('There is no tensor train to show yet.');
    expect(describeChain([4, 4, 4], [2])).toBe("The tensor train's ranks (2) do not fit its 3-way shape 4 × 4 × 4.");
  });
});

describe('animation helpers', () => {
  it('interpolates sizes and radii in place, taking the ranks of the target', () => {
    const a = chainLayout([8, 8, 8], [2, 2]);
    const b = chainLayout([8, 8, 8], [8, 8]);
    expect(sameStructure(a, b)).toBe(true);
    const out = cloneLayout(a);
    const core = out.cores[1];
    lerpLayoutInto(out, a, b, 0.5);
    expect(out.cores[1]).toBe(core);
    expect(out.cores[1].size[1]).toBeCloseTo((a.cores[1].size[1] + b.cores[1].size[1]) / 2, 12);
    expect(out.bonds[0].radius).toBeCloseTo((a.bonds[0].radius + b.bonds[0].radius) / 2, 12);
    expect(out.bonds[0].rank).toBe(8);
    expect(out.cores[1].dims).toEqual([8, 8, 8]);
    expect(out.ranks).toEqual([1, 8, 8, 1]);
    // The sources are untouched.
    expect(a.cores[1].dims).toEqual([2, 8, 2]);
    lerpLayoutInto(out, a, b, 1);
    expect(out.cores[1].size).toEqual(b.cores[1].size);
    expect(out.legs[0].to).toEqual(b.legs[0].to);
  });

  it('tells chains of different length apart, and eases out', () => {
    expect(sameStructure(chainLayout([4, 4], [2]), chainLayout([4, 4, 4], [2, 2]))).toBe(false);
    expect(easeOut(0)).toBe(0);
    expect(easeOut(1)).toBe(1);
    expect(easeOut(2)).toBe(1);
    expect(easeOut(0.5)).toBeGreaterThan(0.5);
  });
});
