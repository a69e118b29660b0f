import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { standaloneSvgMarkup } from './exportPlot';
import { PlotFrame } from './PlotFrame';
import { PlotSvg } from './PlotSvg';

describe('standaloneSvgMarkup', () => {
  it('adds an XML declaration and a white background first, keeping the rest', () => {
    const svg = renderToStaticMarkup(createElement(PlotSvg, { width: 100, height: 50, label: 'p', description: 'd' }, createElement('circle', { r: 3 })));
    const file = standaloneSvgMarkup(svg);
    expect(file.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(file).toMatch(/^[^\n]*\n<svg[^>]*><rect width="100%" height="100%" fill="#ffffff"\/><title>p<\/title>/);
    expect(file).toContain('<circle r="3"></circle></svg>');
    expect(file.match(/xmlns="/g)).toHaveLength(1);
  });

  it('adds namespaces a serialiser left out, and handles an empty <svg/>', () => {
    expect(standaloneSvgMarkup('<svg width="1"><image xlink:href="x"/></svg>')).toContain(
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="1">',
    );
    expect(standaloneSvgMarkup('<svg/>')).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"><rect width="100%" height="100%" fill="#ffffff"/></svg>',
    );
    expect(() => standaloneSvgMarkup('<div></div>')).toThrow(/<svg>/);
  });
});

describe('PlotFrame', () => {
  it('gives a heading and export buttons with exact names, tooltips naming the subject', () => {
    const html = renderToStaticMarkup(createElement(PlotFrame, { title: 'Energy captured', exportName: 'energy', subject: 'energy plot' }));
    expect(html).toMatch(/<section aria-labelledby="([^"]+)"[^>]*><div[^>]*><h3 id="\1"[^>]*>Energy captured<\/h3>/);
    expect(html).toContain('title="Export the energy plot as SVG" style="font:inherit;padding:0.2rem 0.6rem">Export SVG</button>');
    expect(html).toContain('title="Export the energy plot as PNG" style="font:inherit;padding:0.2rem 0.6rem">Export PNG</button>');
  });
});
