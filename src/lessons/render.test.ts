/**
 * The components rendered to static HTML in node. They are .tsx and tsconfig.node.json (which
 * checks tests) has no JSX, so they are imported by a computed path that the type checker does not
 * follow; vitest compiles them as the app does.
 */
import { createElement, type ComponentType } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { TAXONOMY_NODES } from './taxonomy';

const load = async <P,>(file: string, name: string) => ((await import(/* @vite-ignore */ `./${file}.tsx`)) as Record<string, ComponentType<P>>)[name];

describe('Caption', () => {
  it('typesets $…$ with KaTeX and shows script-like text as text', async () => {
    const Caption = await load<{ text: string }>('Caption', 'Caption');
    const html = renderToStaticMarkup(createElement(Caption, { text: '<script>alert(1)</script> costs \\$5, rank $r$' }));
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; costs $5, rank ');
    expect(html).not.toContain('<script>');
    expect(html).toContain('class="katex"');
  });
});

describe('TaxonomyMap', () => {
  it('renders three headed columns of cards, each opening its example as a fragment link', async () => {
    const TaxonomyMap = await load<object>('TaxonomyMap', 'TaxonomyMap');
    const html = renderToStaticMarkup(createElement(TaxonomyMap, {}));
    expect(html.match(/<h3 /g)).toHaveLength(3);
    expect(html.match(/<article /g)).toHaveLength(TAXONOMY_NODES.length);
    for (const node of TAXONOMY_NODES) {
      const href = `href="#${node.example.replace(/&/g, '&amp;')}"`;
      expect(html, node.id).toContain(href);
    }
    expect(html).toContain('Unknown to us: TensorGPT’s exact reshapes');
    expect(html).toContain('Abstract of TensorGPT (Xu, Xu, Mandic, 2023): “up to 38.40x');
    expect(html).toContain('Builds on');
  });
});
