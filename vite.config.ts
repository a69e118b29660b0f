/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The Content-Security-Policy of the production build (see docs/reliability.md for why each
 * directive). `default-src 'none'` and one directive per kind of resource the app really loads.
 */
const CSP_DIRECTIVES: Record<string, string> = {
  'default-src': "'none'",
  // The entry chunk and its imports; no inline scripts, no eval.
  'script-src': "'self'",
  // The compute worker is a separate file emitted next to the entry (new Worker(new URL(...))): no blob: needed.
  'worker-src': "'self'",
  // The stylesheet is a file; KaTeX's renderToString output (injected as HTML) carries style="..."
  // attributes, which only style-src-attr 'unsafe-inline' lets through. Inline <style> stays blocked.
  'style-src': "'self'",
  'style-src-attr': "'unsafe-inline'",
  // KaTeX fonts, emitted as files (never inlined: see build.assetsInlineLimit).
  'font-src': "'self'",
  // Heatmaps are data: PNGs; the PNG export draws the plot through a blob: SVG.
  'img-src': "'self' data: blob:",
  // The bundled GloVe subset ('self') and "Open from URL", which fetches any http(s) URL the person types.
  'connect-src': "'self' https: http:",
  'object-src': "'none'",
  'base-uri': "'self'",
  // Every form calls preventDefault: nothing is ever posted.
  'form-action': "'none'",
};

const serialize = (directives: Record<string, string>) =>
  Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');

/** The policy as a <meta> element can carry it (frame-ancestors is ignored there, so it is left out). */
export const CSP_META = serialize(CSP_DIRECTIVES);
/** The policy as an HTTP header: the same, plus frame-ancestors, which only a header can set. */
export const CSP_HEADER = serialize({ ...CSP_DIRECTIVES, 'frame-ancestors': "'none'" });

/**
 * Puts the policy into the built index.html, right after <meta charset> and before every script and
 * stylesheet (a meta policy only governs what comes after it). Build only: the dev server's HMR
 * client and React refresh preamble are inline scripts the policy would block.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'subspace-explorer:csp',
    apply: 'build',
    transformIndexHtml(html) {
      const charset = /<meta charset="[^"]*"\s*\/?>/i;
      if (!charset.test(html)) throw new Error('index.html has no <meta charset>: the CSP plugin puts its <meta> after it');
      return html.replace(charset, (tag) => `${tag}\n    <meta http-equiv="Content-Security-Policy" content="${CSP_META}" />`);
    },
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
  // Relative base so the built app works from any static host path.
  base: './',
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
    // Fonts stay files: Vite would inline the smallest KaTeX font (under 4 kB) as a data: URL, which
    // font-src 'self' refuses. Other assets keep Vite's default (data: images are allowed).
    assetsInlineLimit: (file) => (/\.(woff2?|ttf|otf|eot)$/i.test(file) ? false : undefined),
  },
  // `vite preview` serves the build with the policy as a header as well, as a static host should.
  preview: { headers: { 'Content-Security-Policy': CSP_HEADER } },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    // The machine has two cores: keep the pool small so the suite does not thrash.
    maxWorkers: 2,
    testTimeout: 60_000,
    // CI reads the JSON to print one "N passed, N failed" line over unit and end-to-end tests.
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'reports/unit.json' }]] : ['default'],
  },
});
