import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { EnergyPlot, energyLabel } from './EnergyPlot';
import { cumulativeEnergy } from './energy';

describe('cumulativeEnergy', () => {
  it('accumulates squared values over the total, starting at zero', () => {
    expect(Array.from(cumulativeEnergy([3, 4]))).toEqual([0, 9 / 25, 1]);
  });

  it('does not overflow for huge values and is all zeros for a zero spectrum', () => {
    const big = cumulativeEnergy([1e200, 1e200]);
    expect(big[1]).toBeCloseTo(0.5, 12);
    expect(big[2]).toBe(1);
    expect(Array.from(cumulativeEnergy([0, 0]))).toEqual([0, 0, 0]);
    expect(Array.from(cumulativeEnergy([]))).toEqual([0]);
    // The top values of a longer spectrum, against its total: the curve ends at their share.
    expect(Array.from(cumulativeEnergy([3, 4], 50))).toEqual([0, 9 / 50, 25 / 50]);
    expect(cumulativeEnergy([3, 4], 24.999999)[2]).toBe(1);
  });
});

describe('EnergyPlot', () => {
  const values = [4, 2, 1, 0.5];

  it('marks the current rank with its share and draws the 90 % and 99 % guides', () => {
    const html = renderToStaticMarkup(createElement(EnergyPlot, { values, rank: 2 }));
    // (16 + 4) / (16 + 4 + 1 + 0.25) = 0.94118: 94.1 %
    expect(html).toContain('>k = 2: 94.1 %<');
    expect(html).toContain('At k = 2 it is 94.1 %.');
    expect(html).toContain('>90 %<');
    expect(html).toContain('>99 %<');
    expect(html).toContain('aria-label="Energy captured"');
    expect(html).toContain('title="Export the energy plot as SVG"');
  });

  it('marks other ranks with their shares, and against a total beyond the values given', () => {
    // k = 3: 21 / 21.25 = 0.98824; k = 0: nothing kept.
    expect(renderToStaticMarkup(createElement(EnergyPlot, { values, rank: 3 }))).toContain('>k = 3: 98.8 %<');
    expect(renderToStaticMarkup(createElement(EnergyPlot, { values, rank: 0 }))).toContain('>k = 0: 0.0 %<');
    // The top four values of a matrix with ||A||_F^2 = 42.5: k = 2 keeps 20 / 42.5 = 0.47059.
    expect(renderToStaticMarkup(createElement(EnergyPlot, { values, rank: 2, totalSquared: 42.5 }))).toContain('>k = 2: 47.1 %<');
  });

  it('labels a share with one decimal', () => {
    expect(energyLabel(12, 0.9341)).toBe('k = 12: 93.4 %');
    expect(energyLabel(1, 0.99949)).toBe('k = 1: 99.9 %');
  });

  it('says so when every value is zero', () => {
    const html = renderToStaticMarkup(createElement(EnergyPlot, { values: [0, 0], rank: 1 }));
    expect(html).toContain('no energy to capture');
    expect(html).not.toContain('NaN');
  });
});
