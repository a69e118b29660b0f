/// <reference types="vitest/config" />
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { build, defineConfig, type Plugin, type ResolvedConfig } from 'vite';
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

/**
 * Which files of a build go into precache.json (tested in src/offline/precacheManifest.test.ts). The
 * list is what the app needs offline and nothing else:
 *
 * - every file the bundle emitted (the entry chunk, the compute worker's chunk, the stylesheet,
 *   fonts, images), except source maps (only DevTools reads them; they are 9 MB) and a font's
 *   `.woff`/`.ttf`/... copies when the same font is there as `.woff2` (the stylesheet names `.woff2`
 *   first and every browser with service workers reads it; an older format, should one be asked
 *   for, is kept by the cache-first rule when it is fetched online);
 * - the files of public/ that the app fetches: `data/…` (the GloVe preset) and those index.html
 *   names (the favicon); never a `README.md`, a dotfile or a host's configuration file (`_headers`,
 *   `.htaccess`), which a host may refuse to serve, and one refused file fails the whole install;
 * - not index.html (the worker caches the index as the scope URL, `./`), sw.js or precache.json.
 *
 * It lives here, not in src/offline/, because the config imports no TypeScript of its own: Vite's
 * coming native config loader needs import paths with extensions, which the type check forbids.
 */
export interface BuildFiles {
  /** File names the bundle emitted, relative to the output folder (`assets/index-Cz-Fizcg.js`). */
  bundle: readonly string[];
  /** Files of public/, relative to it, with `/` separators (`data/glove-subset.npy`). */
  publicFiles: readonly string[];
  /** The built index.html, whose `href="./…"` and `src="./…"` name the public files the page loads. */
  indexHtml: string;
}

const FONT_FILE = /^(.*)-[A-Za-z0-9_-]{8}\.(woff2|woff|ttf|otf|eot)$/;
const NEVER_PRECACHED = new Set(['index.html', 'sw.js', 'precache.json']);

export function selectPrecacheFiles({ bundle, publicFiles, indexHtml }: BuildFiles): string[] {
  const woff2 = new Set(bundle.map((file) => FONT_FILE.exec(file)).filter((m) => m !== null && m[2] === 'woff2').map((m) => m![1]));
  const fromBundle = bundle.filter((file) => {
    if (NEVER_PRECACHED.has(file) || file.endsWith('.map')) return false;
    const font = FONT_FILE.exec(file);
    return !(font && font[2] !== 'woff2' && woff2.has(font[1]));
  });
  const named = new Set([...indexHtml.matchAll(/\b(?:href|src)="\.\/([^"?#]+)"/g)].map((m) => m[1]));
  const fromPublic = publicFiles.filter((file) => {
    const parts = file.split('/');
    if (NEVER_PRECACHED.has(file) || parts.some((part) => part.startsWith('.') || part.startsWith('_'))) return false;
    if (/\.md$/i.test(file)) return false;
    return parts[0] === 'data' || named.has(file);
  });
  return [...new Set([...fromBundle, ...fromPublic])].sort();
}

/** Every file under a folder, relative to it, with `/` separators. */
function filesUnder(folder: string): string[] {
  const entries = readdirSync(folder, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

/**
 * Offline (docs/reliability.md, "Offline"): after the bundle is complete, writes `precache.json`
 * (the build id and the files the service worker caches, selectPrecacheFiles) and
 * builds src/offline/serviceWorker.ts into `sw.js` at the root of the output, a classic script
 * with the same list compiled in. sw.js has a fixed name, so the registration URL is stable, and
 * its bytes change with the build id, which is what makes browsers install a new build's worker.
 * A separate build (not a second input of this one) keeps it one self-contained file, never sharing
 * a chunk with the app. Build only: the dev server has no service worker.
 */
function offlineServiceWorker(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'subspace-explorer:offline',
    apply: 'build',
    enforce: 'post',
    configResolved(resolved) {
      config = resolved;
    },
    generateBundle: {
      order: 'post',
      async handler(_options, bundle) {
        // The worker's cache-first rule knows the hashed files by this folder (ASSETS_DIR in cachePolicy.ts).
        if (config.build.assetsDir !== 'assets') throw new Error('src/offline/cachePolicy.ts expects build.assetsDir to be "assets"');
        const index = bundle['index.html'];
        if (!index || index.type !== 'asset') throw new Error('the offline plugin found no index.html in the bundle');
        const indexHtml = String(index.source);
        const publicDir = config.publicDir && config.build.copyPublicDir ? config.publicDir : null;
        const publicFiles = publicDir ? filesUnder(publicDir) : [];
        const files = selectPrecacheFiles({ bundle: Object.keys(bundle), publicFiles, indexHtml });

        const contentOf = (file: string): string | Uint8Array => {
          const output = bundle[file];
          if (output) return output.type === 'chunk' ? output.code : output.source;
          return readFileSync(join(publicDir!, file));
        };
        // The build id: a hash of every listed file and of index.html, so it changes with any of them.
        const hash = createHash('sha256');
        let bytes = 0;
        for (const file of [...files, 'index.html']) {
          const content = contentOf(file);
          bytes += Buffer.byteLength(content);
          hash.update(`${file}\0${Buffer.byteLength(content)}\0`).update(content);
        }
        const manifest = { buildId: hash.digest('hex').slice(0, 16), files };
        this.emitFile({ type: 'asset', fileName: 'precache.json', source: `${JSON.stringify(manifest, null, 2)}\n` });

        const built = await build({
          configFile: false,
          envDir: false,
          root: config.root,
          mode: config.mode,
          logLevel: 'warn',
          publicDir: false,
          define: { __PRECACHE_MANIFEST__: JSON.stringify(manifest) },
          build: {
            // In memory only: never writes or empties an output folder.
            write: false,
            emptyOutDir: false,
            target: config.build.target,
            minify: false,
            sourcemap: false,
            copyPublicDir: false,
            modulePreload: false,
            rolldownOptions: {
              input: { sw: join(config.root, 'src/offline/serviceWorker.ts') },
              output: { format: 'iife', entryFileNames: 'sw.js' },
            },
          },
        });
        const outputs = (Array.isArray(built) ? built : [built]).flatMap((result) => ('output' in result ? result.output : []));
        const chunk = outputs.find((output) => output.type === 'chunk' && output.fileName === 'sw.js');
        if (!chunk || chunk.type !== 'chunk' || outputs.length !== 1) {
          throw new Error(`the service worker should build to one file, sw.js; it built ${outputs.map((output) => output.fileName).join(', ')}`);
        }
        this.emitFile({ type: 'asset', fileName: 'sw.js', source: chunk.code });
        config.logger.info(`offline: sw.js and precache.json, build ${manifest.buildId}: ${files.length} files + index.html, ${(bytes / 1e6).toFixed(2)} MB`);
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), offlineServiceWorker()],
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
