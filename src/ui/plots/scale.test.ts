import { describe, expect, it } from 'vitest';
import { decade, linearScale, logScale, logTicks, niceLogDomain, niceTicks } from './scale';
import { formatDecade, formatNumber, formatPercent, formatRank } from './format';

describe('linearScale', () => {
  it('maps the domain onto the range and back', () => {
    const x = linearScale([0, 10], [100, 200]);
    expect(x(0)).toBe(100);
    expect(x(5)).toBe(150);
    expect(x.invert(175)).toBe(7.5);
  });

  it('maps a zero-width domain to the middle of the range instead of NaN', () => {
    const x = linearScale([3, 3], [0, 100]);
    expect(x(3)).toBe(50);
    expect(x(1e9)).toBe(50);
    expect(x.invert(10)).toBe(3);
  });
});

describe('logScale', () => {
  it('spaces decades evenly and sends non-positive values to NaN', () => {
    const y = logScale([1e-3, 1e3], [300, 0]);
    expect(y(1)).toBeCloseTo(150, 10);
    expect(y(1e-3)).toBeCloseTo(300, 10);
    expect(y(0)).toBeNaN();
    expect(y(-1)).toBeNaN();
    expect(y.invert(150)).toBeCloseTo(1, 10);
  });

  it('copes with domains spanning 1e-300 to 1e300', () => {
    const y = logScale([1e-300, 1e300], [600, 0]);
    expect(y(1)).toBeCloseTo(300, 9);
    expect(y(1e300)).toBeCloseTo(0, 9);
  });
});

describe('niceTicks', () => {
  it('gives round values inside the interval', () => {
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(1, 768, 6)).toEqual([100, 200, 300, 400, 500, 600, 700]);
    expect(niceTicks(0, 0.3, 3)).toEqual([0, 0.1, 0.2, 0.3]);
  });

  it('accepts swapped bounds', () => {
    expect(niceTicks(10, 0, 2)).toEqual([0, 5, 10]);
  });

  it('handles degenerate input: equal bounds, all zeros, NaN and infinities', () => {
    expect(niceTicks(0, 0)).toEqual([0]);
    expect(niceTicks(4.2, 4.2)).toEqual([4.2]);
    expect(niceTicks(Number.NaN, 1)).toEqual([]);
    expect(niceTicks(0, Number.POSITIVE_INFINITY)).toEqual([]);
  });

  it('stays bounded over huge spans', () => {
    const ticks = niceTicks(-1e300, 1e300, 5);
    expect(ticks.length).toBeGreaterThan(1);
    expect(ticks.length).toBeLessThanOrEqual(11);
    expect(ticks.every(Number.isFinite)).toBe(true);
  });
});

describe('niceLogDomain', () => {
  it('rounds out to whole decades', () => {
    expect(niceLogDomain(0.004, 37)).toEqual([0.001, 100]);
  });

  it('is at least one decade wide for a single value or equal bounds', () => {
    expect(niceLogDomain(1, 1)).toEqual([0.1, 1]);
    expect(niceLogDomain(5, 5)).toEqual([1, 10]);
  });

  it('falls back when the bounds are zero, negative or NaN', () => {
    expect(niceLogDomain(0, 0)).toEqual([0.1, 1]);
    expect(niceLogDomain(Number.NaN, 20)).toEqual([10, 100]);
    expect(niceLogDomain(-1, 0.5)).toEqual([0.1, 1]);
  });

  it('clamps to what a double holds, including subnormals', () => {
    const [lo, hi] = niceLogDomain(5e-324, 1.7e308);
    expect(lo).toBe(1e-323);
    expect(hi).toBe(1e308);
  });
});

describe('logTicks', () => {
  it('labels every decade over a short range', () => {
    expect(logTicks(1e-3, 10)).toEqual([1e-3, 1e-2, 1e-1, 1, 10]);
  });

  it('thins out decades over a long range', () => {
    const ticks = logTicks(1e-300, 1e300);
    expect(ticks).toEqual([-300, -200, -100, 0, 100, 200, 300].map(decade));
    expect(logTicks(1e-16, 1, 8).map((t) => Math.round(Math.log10(t)))).toEqual([-16, -14, -12, -10, -8, -6, -4, -2, 0]);
  });

  it('gives nothing for unusable bounds', () => {
    expect(logTicks(0, 10)).toEqual([]);
    expect(logTicks(Number.NaN, 10)).toEqual([]);
    expect(logTicks(2, 3)).toEqual([]);
  });
});

describe('formatting', () => {
  it('keeps labels short', () => {
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(1234.5678)).toBe('1235');
    expect(formatNumber(-0.00421)).toBe('-0.00421');
    expect(formatNumber(1e-7)).toBe('1e-7');
    expect(formatNumber(Number.NaN)).toBe('NaN');
    expect(formatDecade(-3)).toBe('10⁻³');
    expect(formatDecade(12)).toBe('10¹²');
    expect(formatPercent(0.9341)).toBe('93.4 %');
    expect(formatPercent(0.99999)).toBe('99.9 %');
    expect(formatPercent(1)).toBe('100.0 %');
    expect(formatRank(384)).toBe('384');
    expect(formatRank(614.4)).toBe('614.4');
  });
});
