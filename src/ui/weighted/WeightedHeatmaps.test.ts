/**
 * The weighted heatmaps rendered to static HTML in node: the panel's heading, the chooser and the
 * note before the race has finished (a server render reads the store's initial state), and the
 * shared triptych drawing a view. The .tsx files are imported by a computed path
 * (tsconfig.node.json, which checks tests, has no JSX; see lessons/render.test.ts).
 */
import { createElement, type ComponentType } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createRandom, randomMatrix, svd } from '../../core';
import type { LowRankView } from '../../state/heatmapData';

const load = async <P,>(file: string, name: string) => ((await import(/* @vite-ignore */ `${file}.tsx`)) as Record<string, ComponentType<P>>)[name];

describe('WeightedHeatmaps', () => {
  it('names its panel and chooser, and waits for the race before showing a method', async () => {
    const WeightedHeatmaps = await load<object>('./WeightedHeatmaps', 'WeightedHeatmaps');
    const html = renderToStaticMarkup(createElement(WeightedHeatmaps, {}));
    expect(html).toContain('<h2 id="weighted-heatmaps-heading">Heatmaps</h2>');
    expect(html).toContain('role="radiogroup" aria-label="Approximation shown"');
    for (const name of ['Plain SVD', 'FWSVD', 'EM (Srebro–Jaakkola)', 'Alternating least squares']) expect(html).toContain(`>${name}</button>`);
    // The first raced method is chosen; it has no view until the race has finished.
    expect(html).toMatch(/aria-checked="true"[^>]*>EM \(Srebro–Jaakkola\)</);
    expect(html).toContain('The heatmaps of EM (Srebro–Jaakkola) appear when the race has finished.');
  });
});

describe('PooledTriptych', () => {
  it('draws A, an approximation and their difference from a low-rank view', async () => {
    const PooledTriptych = await load<{ view: LowRankView; rank: number }>('../PooledTriptych', 'PooledTriptych');
    const a = randomMatrix(6, 4, createRandom(5));
    const f = svd(a);
    // Small enough that the grid is the matrix: the pooled factors are the factors.
    const unused = new Float64Array(0);
    const view: LowRankView = { rows: 6, cols: 4, p: 4, u: f.u.data, s: f.s, v: f.v.data, rowEnergy: unused, colEnergy: unused, frobeniusSquared: 0, pooled: { rows: 6, cols: 4, original: a.data, u: f.u.data, v: f.v.data } };
    const html = renderToStaticMarkup(createElement(PooledTriptych, { view, rank: 2 }));
    expect(html).toContain('role="img" aria-label="A, A_k (k = 2) and A − A_k"');
    expect(html).toContain('Three 6 by 4 heatmaps on one colour scale');
    expect(html).not.toContain('Each cell is the mean of a block');
  });
});
