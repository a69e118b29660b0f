import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DECIMATE_ABOVE, SERIES_STYLES, SeriesPlot, decimatedIndices, markerPath, seriesPath, type SeriesPlotProps } from './SeriesPlot';
import { referenceLabelSpots } from './referenceLabels';

const base = { xLabel: 'iteration', yLabel: 'objective', title: 'Objective per iteration', exportName: 'objective' };
const render = (props: Partial<SeriesPlotProps> & Pick<SeriesPlotProps, 'series'>) => renderToStaticMarkup(createElement(SeriesPlot, { ...base, ...props }));

/** The `d` of every <path> with a stroke-dasharray or a fill="none" line. */
const linePaths = (html: string) => [...html.matchAll(/<path d="([^"]*)" fill="none"/g)].map((m) => m[1]);
const description = (html: string) => /<desc>([^<]*)<\/desc>/.exec(html)?.[1] ?? '';
const fontSizes = (html: string) => [...html.matchAll(/font-size="([\d.]+)"/g)].map((m) => Number(m[1]));
const pointsIn = (d: string) => (d.match(/[ML]/g) ?? []).length;

describe('SeriesPlot', () => {
  const iterations = [1, 2, 3, 4, 5];
  const series = [
    { name: 'alternating', x: iterations, y: [10, 5, 3, 2.5, 2.4] },
    { name: 'EM', x: iterations, y: [10, 7, 5, 4, 3.5] },
  ];

  it('draws one line per series with its own colour and dash, and a legend naming each', () => {
    const html = render({ series });
    const lines = linePaths(html);
    expect(lines).toHaveLength(2);
    expect(pointsIn(lines[0])).toBe(5);
    expect(lines[0].startsWith('M')).toBe(true);
    expect(html).toContain(`stroke="${SERIES_STYLES[0].color}"`);
    expect(html).toContain(`stroke="${SERIES_STYLES[1].color}"`);
    expect(html).toContain(`stroke-dasharray="${SERIES_STYLES[1].dash}"`);
    expect(html).toContain('>alternating</text>');
    expect(html).toContain('>EM</text>');
    expect(html).toContain('>iteration</text>');
    expect(html).toContain('>objective</text>');
    expect(html).not.toContain('NaN');
    expect(Math.min(...fontSizes(html))).toBeGreaterThanOrEqual(13);
  });

  it('is an accessible image whose description gives each series and the axes', () => {
    const html = render({ series });
    expect(html).toContain('role="img"');
    expect(html).toContain('aria-label="Objective per iteration"');
    expect(description(html)).toBe(
      'Objective per iteration. 2 series: alternating: 5 points, the last at iteration = 5, objective = 2.4; EM: 5 points, the last at iteration = 5, objective = 3.5. iteration runs from 1 to 5; objective from 2.4 to 10.',
    );
    expect(html).toMatch(/<button[^>]*title="Export the Objective per iteration as SVG"[^>]*>Export SVG<\/button>/);
  });

  it('on a log scale skips non-positive values, breaks the line there and says how many', () => {
    const html = render({ series: [{ name: 'a', x: [1, 2, 3, 4, 5], y: [1, 0, 0.1, -2, 0.01] }], yScale: 'log' });
    const [line] = linePaths(html);
    // Points 1, 3 and 5 stand alone: three pen-downs, no line segments.
    expect(line.match(/M/g)).toHaveLength(3);
    expect(line).not.toContain('L');
    expect(description(html)).toContain('2 points with a value that is not positive are left out of the log scale.');
    expect(description(html)).toContain('(log scale)');
    expect(html).toContain('objective (log scale)');
    expect(html).not.toContain('NaN');
  });

  it('labels few decades with 1, 2, 5 and many with powers of ten', () => {
    const few = render({ series: [{ name: 'a', x: [1, 2], y: [1.5, 30] }], yScale: 'log' });
    expect(few).toContain('>2</text>');
    expect(few).toContain('>50</text>');
    const many = render({ series: [{ name: 'a', x: [1, 2], y: [1e-12, 1] }], yScale: 'log' });
    expect(many).toContain('10⁻¹²');
    expect(many).toContain('10⁰');
  });

  it('supports a log x axis and skips x <= 0 there', () => {
    const html = render({ series: [{ name: 'front', x: [0, 10, 100], y: [0.5, 0.2, 0.1] }], xScale: 'log', points: 'markers' });
    expect(html).toContain('iteration (log scale)');
    expect(description(html)).toContain('1 point with a value that is not positive is left out of the log scale.');
    expect((html.match(/<title>front:/g) ?? []).length).toBe(2);
  });

  it('counts NaN and infinite points apart', () => {
    const html = render({ series: [{ name: 'a', x: [1, 2, 3, 4], y: [1, Number.NaN, Number.POSITIVE_INFINITY, 2] }] });
    expect(description(html)).toContain('2 points that are not a finite number are left out.');
    expect(linePaths(html)[0].match(/M/g)).toHaveLength(2);
  });

  it('draws markers with hover titles, a highlighted point with its label, and no line in markers mode', () => {
    const html = render({
      series: [{ name: 'TT', x: [2, 8, 40], y: [0.01, 0.05, 0.2], labels: ['ε = 0.01', 'ε = 0.05', 'ε = 0.2'], highlight: 1 }],
      xLabel: 'compression factor',
      yLabel: 'relative error',
      points: 'markers',
    });
    expect(linePaths(html)).toHaveLength(0);
    expect(html).toContain('<title>TT: ε = 0.01 (compression factor = 2, relative error = 0.01)</title>');
    expect(html).toContain('>ε = 0.05</text>');
    expect(html).toContain('r="10"');
    expect(description(html)).toContain('Highlighted in TT: ε = 0.05, compression factor = 8, relative error = 0.05.');
  });

  it('draws both lines and markers, with distinct marker shapes per series', () => {
    const html = render({ series, points: 'both' });
    expect(linePaths(html)).toHaveLength(2);
    expect((html.match(/<title>alternating:/g) ?? []).length).toBe(5);
    expect((html.match(/<title>EM:/g) ?? []).length).toBe(5);
    expect(markerPath('circle', 10, 10)).not.toBe(markerPath('square', 10, 10));
    expect(new Set(SERIES_STYLES.map((s) => s.marker)).size).toBe(SERIES_STYLES.length);
    expect(new Set(SERIES_STYLES.map((s) => s.dash ?? 'solid')).size).toBe(SERIES_STYLES.length);
  });

  it('draws reference lines and a vertical marker, and widens the axes to show them', () => {
    const html = render({ series, references: [{ y: 1, label: 'SVD optimum' }], markerX: { x: 8, label: 'k = 8' } });
    expect(html).toContain('>SVD optimum</text>');
    expect(html).toContain('>k = 8</text>');
    expect(html).toContain('stroke-dasharray="3 3"');
    // The y axis now reaches down to 1 and the x axis out to 8.
    expect(html).toContain('>8</text>');
    expect(description(html)).toContain('Reference line: SVD optimum at 1.');
    expect(description(html)).toContain('Marked: k = 8 at iteration = 8.');
  });

  it('decimates long series but keeps their extremes, and stays small for 4 x 500 live points', () => {
    const n = 5000;
    const x = Float64Array.from({ length: n }, (_, i) => i);
    const y = Float64Array.from({ length: n }, (_, i) => (i === 2345 ? 100 : Math.exp(-i / 1000)));
    const html = render({ series: [{ name: 'long', x, y }] });
    const [line] = linePaths(html);
    expect(pointsIn(line)).toBeLessThanOrEqual(DECIMATE_ABOVE + 2);
    expect(pointsIn(line)).toBeGreaterThan(DECIMATE_ABOVE / 2);
    // The spike survives decimation: it sets the top of the plot, the highest point drawn.
    const ys = [...line.matchAll(/[ML][\d.]+ ([\d.]+)/g)].map((m) => Number(m[1]));
    expect(Math.min(...ys)).toBe(40);
    expect(description(html)).toContain('long: 5000 points');

    const live = Array.from({ length: 4 }, (_, s) => ({ name: `method ${s}`, x: Float64Array.from({ length: 500 }, (_, i) => i), y: Float64Array.from({ length: 500 }, (_, i) => 1 / (i + 1 + s)) }));
    const liveHtml = render({ series: live, yScale: 'log' });
    expect(linePaths(liveHtml).map(pointsIn)).toEqual([500, 500, 500, 500]);
    expect(liveHtml.length).toBeLessThan(60_000);
  });

  it('survives no series, empty series and all-non-positive data on a log scale', () => {
    expect(render({ series: [] })).toContain('No data yet');
    expect(description(render({ series: [] }))).toBe('Objective per iteration: there is nothing to show yet.');
    const empty = render({ series: [{ name: 'a', x: [], y: [] }] });
    expect(empty).toContain('No data yet');
    expect(description(empty)).toContain('a: no points shown');
    const zeros = render({ series: [{ name: 'a', x: [1, 2], y: [0, -1] }], yScale: 'log' });
    expect(zeros).toContain('No positive values to show on a log scale');
    expect(zeros).not.toContain('NaN');
    const flat = render({ series: [{ name: 'a', x: [3], y: [7] }] });
    expect(flat).not.toContain('NaN');
    expect(pointsIn(linePaths(flat)[0])).toBe(1);
  });

  it('wraps a long legend onto more rows', () => {
    const names = ['alternating projections', 'expectation maximisation', 'gradient descent', 'Newton'];
    const html = render({ series: names.map((name) => ({ name, x: [1, 2], y: [2, 1] })), width: 480 });
    const legendYs = new Set([...html.matchAll(/<text x="[\d.]+" y="(\d+)">(?:alternating|expectation|gradient|Newton)/g)].map((m) => m[1]));
    expect(legendYs.size).toBeGreaterThan(1);
  });
});

describe('decimatedIndices', () => {
  it('keeps every point of a short series and lifts the pen at gaps', () => {
    expect(decimatedIndices([0, 1, 2, 3], [1, Number.NaN, 2, 3])).toEqual([0, -1, 2, 3]);
    expect(decimatedIndices([], [])).toEqual([]);
    expect(decimatedIndices([0, 1], [Number.NaN, Number.NaN])).toEqual([]);
  });

  it('keeps the first, last, lowest and highest points of a long run, in order', () => {
    const n = 10_000;
    const xs = Float64Array.from({ length: n }, (_, i) => i);
    const ys = Float64Array.from({ length: n }, (_, i) => Math.sin(i / 50));
    ys[777] = -5;
    ys[8888] = 5;
    const kept = decimatedIndices(xs, ys, 100);
    expect(kept[0]).toBe(0);
    expect(kept[kept.length - 1]).toBe(n - 1);
    expect(kept).toContain(777);
    expect(kept).toContain(8888);
    expect(kept.length).toBeLessThanOrEqual(100);
    for (let i = 1; i < kept.length; i++) expect(kept[i]).toBeGreaterThan(kept[i - 1]);
  });

  it('shares the budget among runs and keeps the gaps', () => {
    const n = 2000;
    const xs = Float64Array.from({ length: n }, (_, i) => i);
    const ys = Float64Array.from({ length: n }, (_, i) => (i === 1000 ? Number.NaN : i % 7));
    const kept = decimatedIndices(xs, ys, 200);
    expect(kept.filter((i) => i === -1)).toHaveLength(1);
    expect(kept.length).toBeLessThanOrEqual(203);
    expect(kept).toContain(999);
    expect(kept).toContain(1001);
  });
});

describe('seriesPath', () => {
  it('rounds to 0.1 px and counts the points drawn', () => {
    expect(seriesPath([0, 10.04, 20], [5, 6.66, Number.NaN])).toEqual({ d: 'M0 5L10 6.7', drawn: 2 });
  });
});

describe('referenceLabelSpots', () => {
  it('puts each label above its line at the right edge, and below it near the top', () => {
    expect(referenceLabelSpots([{ y: 200, label: 'SVD' }, { y: 20, label: 'FWSVD' }], 600, 10, 12)).toEqual([
      { x: 596, y: 194 },
      { x: 596, y: 38 },
    ]);
  });

  it('moves a label left of another whose line is closer than a label height, on the same baseline', () => {
    const [first, second] = referenceLabelSpots([{ y: 200, label: 'plain SVD' }, { y: 204, label: 'FWSVD' }], 600, 10, 12);
    expect(second.y).toBe(first.y);
    // The second label ends (text-anchor end) left of where the first begins.
    expect(second.x).toBeLessThan(first.x - 'plain SVD'.length * 12 * 0.5);
  });
});
