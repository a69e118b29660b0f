import { describe, expect, it } from 'vitest';
import {
  cacheName,
  indexUrl,
  isCacheable,
  isServerFailure,
  listedPaths,
  parseManifest,
  planFor,
  precacheUrls,
  staleCaches,
  type RequestFacts,
} from './cachePolicy';

const manifest = {
  buildId: '0123456789abcdef',
  files: ['assets/index-Cz-Fizcg.js', 'assets/compute.worker-Dbh8pZ57.js', 'assets/KaTeX_Main-Regular-B22Nviop.woff2', 'data/glove-subset.npy', 'data/glove-subset.words.json', 'favicon.svg'],
};

/** The app in a sub-folder of a host, as on a university web space or GitHub Pages. */
const scope = 'https://example.edu/~prof/subspace/';
const app = { scope, listed: listedPaths(manifest) };

const get = (url: string, extra: Partial<RequestFacts> = {}): RequestFacts => ({ method: 'GET', url, mode: 'cors', hasRange: false, ...extra });
const plan = (url: string, extra: Partial<RequestFacts> = {}) => planFor(get(url, extra), app);

describe('planFor', () => {
  it('answers navigations to the app page network-first, with the cached index as the fallback', () => {
    const index = { strategy: 'network-first', fallback: scope };
    expect(plan(scope, { mode: 'navigate' })).toEqual(index);
    expect(plan(`${scope}index.html`, { mode: 'navigate' })).toEqual(index);
    // The hash never reaches the service worker, but a URL with one still means the page.
    expect(plan(`${scope}#lesson=svd-rotate-scale-rotate&step=2`, { mode: 'navigate' })).toEqual(index);
    expect(plan(`${scope}?utm=x`, { mode: 'navigate' })).toEqual(index);
  });

  it('serves the hashed build files cache-first, under their own URL', () => {
    for (const file of ['assets/index-Cz-Fizcg.js', 'assets/compute.worker-Dbh8pZ57.js', 'assets/KaTeX_Main-Regular-B22Nviop.woff2']) {
      expect(plan(scope + file)).toEqual({ strategy: 'cache-first', key: scope + file });
    }
    // A module worker's script is a same-origin request; a font is a cors one: both are the build's.
    expect(plan(`${scope}assets/compute.worker-Dbh8pZ57.js`, { mode: 'same-origin' }).strategy).toBe('cache-first');
    // A font format the list left out (a .woff) is still the build's: kept when it is fetched online.
    expect(plan(`${scope}assets/KaTeX_Main-Regular-Dr94JaBh.woff`).strategy).toBe('cache-first');
    expect(plan(`${scope}assets/`).strategy).toBe('none');
  });

  it('serves the other listed files network-first with their cached copy as the fallback', () => {
    for (const file of ['data/glove-subset.npy', 'data/glove-subset.words.json', 'favicon.svg', 'precache.json']) {
      expect(plan(scope + file)).toEqual({ strategy: 'network-first', fallback: scope + file });
    }
    expect(plan(scope)).toEqual({ strategy: 'network-first', fallback: scope });
  });

  it('leaves every other origin to the network: "Open from URL" is never answered or cached', () => {
    expect(plan('https://huggingface.co/gpt2/resolve/main/model.safetensors')).toEqual({ strategy: 'none', reason: 'other-origin' });
    // Same host, another port or scheme: another origin.
    expect(plan('https://example.edu:8443/~prof/subspace/data/glove-subset.npy').strategy).toBe('none');
    expect(plan('http://example.edu/~prof/subspace/data/glove-subset.npy').strategy).toBe('none');
    expect(plan('http://127.0.0.1:1/x', { mode: 'navigate' })).toEqual({ strategy: 'none', reason: 'other-origin' });
  });

  it('never touches a Range request, even for a listed file of its own origin', () => {
    expect(plan(`${scope}data/glove-subset.npy`, { hasRange: true })).toEqual({ strategy: 'none', reason: 'range' });
    expect(plan(`${scope}assets/index-Cz-Fizcg.js`, { hasRange: true })).toEqual({ strategy: 'none', reason: 'range' });
    expect(plan('https://huggingface.co/x.safetensors', { hasRange: true }).strategy).toBe('none');
  });

  it('handles only GET', () => {
    for (const method of ['POST', 'PUT', 'HEAD', 'OPTIONS', 'DELETE']) {
      expect(planFor({ ...get(`${scope}data/glove-subset.npy`), method }, app)).toEqual({ strategy: 'none', reason: 'method' });
    }
  });

  it('stays inside its scope: the same origin outside the app folder is not its business', () => {
    expect(plan('https://example.edu/~prof/other-app/assets/index-Cz-Fizcg.js')).toEqual({ strategy: 'none', reason: 'outside-scope' });
    expect(plan('https://example.edu/~prof/subspace', { mode: 'navigate' })).toEqual({ strategy: 'none', reason: 'outside-scope' });
    expect(plan('https://example.edu/', { mode: 'navigate' }).strategy).toBe('none');
  });

  it('leaves files the build does not list to the network: a file the person opens by URL from next to the app is never cached', () => {
    expect(plan(`${scope}data/my-model.safetensors`)).toEqual({ strategy: 'none', reason: 'not-listed' });
    expect(plan(`${scope}models/x.npy`)).toEqual({ strategy: 'none', reason: 'not-listed' });
    expect(plan(`${scope}data/README.md`)).toEqual({ strategy: 'none', reason: 'not-listed' });
    // A listed name with a query is another resource.
    expect(plan(`${scope}data/glove-subset.npy?v=2`)).toEqual({ strategy: 'none', reason: 'not-listed' });
    // The worker's own script is fetched by the browser's update check, never from the cache.
    expect(plan(`${scope}sw.js`)).toEqual({ strategy: 'none', reason: 'not-listed' });
    // Navigating to a data file (a download link) is not the app page.
    expect(plan(`${scope}data/glove-subset.npy`, { mode: 'navigate' })).toEqual({ strategy: 'none', reason: 'not-listed' });
    expect(plan(`${scope}%E0%A4%A`)).toEqual({ strategy: 'none', reason: 'not-listed' });
  });

  it('leaves non-http schemes and only-if-cached cross-mode requests alone', () => {
    expect(plan('data:text/plain,hello')).toEqual({ strategy: 'none', reason: 'not-http' });
    expect(plan('blob:https://example.edu/0b6f-11')).toEqual({ strategy: 'none', reason: 'not-http' });
    expect(plan('not a url')).toEqual({ strategy: 'none', reason: 'not-http' });
    expect(plan(`${scope}assets/index-Cz-Fizcg.js`, { cache: 'only-if-cached', mode: 'no-cors' })).toEqual({ strategy: 'none', reason: 'only-if-cached' });
    expect(plan(`${scope}assets/index-Cz-Fizcg.js`, { cache: 'only-if-cached', mode: 'same-origin' }).strategy).toBe('cache-first');
  });

  it('works at the root of an origin too (python3 -m http.server in dist/)', () => {
    const root = { scope: 'http://localhost:8000/', listed: listedPaths(manifest) };
    expect(planFor(get('http://localhost:8000/', { mode: 'navigate' }), root)).toEqual({ strategy: 'network-first', fallback: 'http://localhost:8000/' });
    expect(planFor(get('http://localhost:8000/assets/index-Cz-Fizcg.js'), root).strategy).toBe('cache-first');
    expect(planFor(get('http://localhost:8000/data/glove-subset.npy'), root).strategy).toBe('network-first');
    expect(planFor(get('http://localhost:8001/data/glove-subset.npy'), root).strategy).toBe('none');
  });
});

describe('the manifest', () => {
  it('is read strictly', () => {
    expect(parseManifest(manifest)).toEqual(manifest);
    expect(() => parseManifest(null)).toThrow();
    expect(() => parseManifest({ files: [] })).toThrow(/buildId/);
    expect(() => parseManifest({ buildId: 'abc def', files: [] })).toThrow(/buildId/);
    expect(() => parseManifest({ buildId: '0123abcd' })).toThrow(/files/);
    for (const bad of ['/etc/passwd', '../x.js', 'https://evil.example/x.js', '//evil.example/x.js', 'a//b', './x', 'a\\b', '', 3]) {
      expect(() => parseManifest({ buildId: '0123abcd', files: [bad] }), String(bad)).toThrow(/invalid path/);
    }
  });

  it('gives the URLs install downloads: the index, every listed file and the list itself, under the scope', () => {
    const urls = precacheUrls(manifest, scope);
    expect(urls[0]).toBe(scope);
    expect(urls).toContain(`${scope}assets/compute.worker-Dbh8pZ57.js`);
    expect(urls).toContain(`${scope}data/glove-subset.npy`);
    expect(urls).toContain(`${scope}precache.json`);
    expect(urls).toHaveLength(manifest.files.length + 2);
    expect(urls.every((url) => url.startsWith(scope))).toBe(true);
    expect(indexUrl(scope)).toBe(scope);
  });

  it('everything install caches is answered from the cache by the rules', () => {
    for (const url of precacheUrls(manifest, scope)) {
      const mode = url === scope ? 'navigate' : 'cors';
      expect(planFor(get(url, { mode }), app).strategy, url).not.toBe('none');
    }
  });
});

describe('caches', () => {
  it('are named by the scope and the build id', () => {
    const name = cacheName(scope, manifest.buildId);
    expect(name).toContain(manifest.buildId);
    expect(name).toContain('https://example.edu/~prof/subspace/');
    expect(cacheName(scope, 'ffff0000ffff0000')).not.toBe(name);
  });

  it('on activate, only this app’s other builds at this scope are deleted', () => {
    const current = cacheName(scope, manifest.buildId);
    const older = cacheName(scope, 'aaaa0000aaaa0000');
    const otherCopy = cacheName('https://example.edu/~prof/subspace-v1/', 'bbbb0000bbbb0000');
    const otherApp = 'workbox-precache-v2-https://example.edu/~prof/';
    expect(staleCaches([current, older, otherCopy, otherApp], scope, manifest.buildId)).toEqual([older]);
    expect(staleCaches([current], scope, manifest.buildId)).toEqual([]);
  });

  it('keep only complete same-origin answers; a server error falls back to the copy', () => {
    expect(isCacheable({ status: 200, type: 'basic' })).toBe(true);
    expect(isCacheable({ status: 206, type: 'basic' })).toBe(false);
    expect(isCacheable({ status: 404, type: 'basic' })).toBe(false);
    expect(isCacheable({ status: 0, type: 'opaque' })).toBe(false);
    expect(isCacheable({ status: 200, type: 'cors' })).toBe(false);
    expect(isServerFailure(503)).toBe(true);
    expect(isServerFailure(404)).toBe(false);
    expect(isServerFailure(0)).toBe(false);
  });
});
