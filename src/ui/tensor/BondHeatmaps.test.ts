/**
 * The bond's heatmaps rendered to static HTML in node: a named region with the test id, bond and
 * rank, the caption of what the truncation is, and the note when the kept rank is beyond the
 * view's leading triplets. The .tsx file is imported by a computed path (tsconfig.node.json, which
 * checks tests, has no JSX; see lessons/render.test.ts).
 */
import { createElement, type ComponentType } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { columns, createRandom, randomMatrix, svd } from '../../core';
import type { TensorJobOutput } from '../../state/tensorSlice';

type Props = { view: NonNullable<TensorJobOutput['bondView']>; shape: number[]; rank: number; ttError: number };
const load = async () => ((await import(/* @vite-ignore */ `${'./BondHeatmaps'}.tsx`)) as Record<string, ComponentType<Props>>).BondHeatmaps;

/** A 4 x 6 "unfolding" (bond 1 of 4 x 2 x 3) with the leading p of its 4 triplets; the grid is the matrix. */
function bondView(p = 4): Props['view'] {
  const a = randomMatrix(4, 6, createRandom(2));
  const f = svd(a);
  const u = columns(f.u, 0, p).data;
  const v = columns(f.v, 0, p).data;
  const energy = a.data.reduce((sum, x) => sum + x * x, 0);
  return { bond: 1, complete: p === 4, rows: 4, cols: 6, p, s: f.s.slice(0, p), frobeniusSquared: energy, pooled: { rows: 4, cols: 6, original: a.data, u, v } };
}

describe('BondHeatmaps', () => {
  it('is a named region with the bond and rank, and says what the truncation is', async () => {
    const BondHeatmaps = await load();
    const view = bondView();
    const html = renderToStaticMarkup(createElement(BondHeatmaps, { view, shape: [4, 2, 3], rank: 2, ttError: 0.5 }));
    expect(html).toMatch(/^<section class="bond-heatmaps" aria-labelledby="bond-heatmaps-heading" data-testid="bond-heatmaps" data-bond="1" data-rank="2">/);
    expect(html).toContain('<h3 id="bond-heatmaps-heading">Heatmaps of the bond&#x27;s unfolding</h3>');
    expect(html).toContain('role="img" aria-label="A, A_k (k = 2) and A − A_k"');
    expect(html).toContain('Bond 1: the 4 × 6 unfolding (4 × 2 · 3), its rank-2 truncation (what TT-SVD keeps at this bond, before later bonds are cut) and the residual, on one colour scale.');
    const residual = Math.sqrt((view.s[2] ** 2 + view.s[3] ** 2) / view.frobeniusSquared);
    expect(Number(/data-testid="bond-residual" data-value="([^"]+)"/.exec(html)?.[1])).toBeCloseTo(residual, 12);
    expect(html).not.toContain('bond-heatmaps-capped');
  });

  it('draws a kept rank beyond the view at the view’s terms, and says so', async () => {
    const BondHeatmaps = await load();
    const html = renderToStaticMarkup(createElement(BondHeatmaps, { view: bondView(2), shape: [4, 2, 3], rank: 3, ttError: 0 }));
    expect(html).toContain('data-rank="2"');
    expect(html).toContain('The bond keeps r1 = 3, but only the unfolding&#x27;s leading 2 singular triplets are sent to the page: the truncation is drawn at rank 2.');
  });
});
