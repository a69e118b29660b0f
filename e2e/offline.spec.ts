/**
 * Offline once loaded (docs/reliability.md, "Offline"): after the first full load the service worker
 * has cached the build (precache.json's files and the index), so with the network gone a reload
 * shows the start page, a lesson step opened by its address computes in the compute worker (whose
 * script comes from the cache) and the taxonomy map opens. Requests to other origins and Range
 * requests go to the network untouched and are never cached.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startRangeServer, type RangeServer } from './rangeServer';

// These tests need the service worker, even if the config blocks it for other specs.
test.use({ serviceWorkers: 'allow' });

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const START_HEADING = 'Matrix and tensor decompositions, seen as geometry';

interface CachedEntry {
  url: string;
  bytes: number;
}

/** Loads the start page and waits until the service worker is active and controls the page. */
async function loadUntilControlled(page: Page) {
  await page.goto('./');
  await expect(page.getByRole('heading', { name: START_HEADING })).toBeVisible();
  // Registration waits for `load`; install downloads the build, then activate claims the page.
  const ready = await page.evaluate(() =>
    Promise.race([navigator.serviceWorker.ready.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 30_000))]),
  );
  expect(ready, 'the service worker is installed and active').toBe(true);
  const controlled = () => page.evaluate(() => navigator.serviceWorker.controller !== null);
  try {
    await expect.poll(controlled, { timeout: 5_000 }).toBe(true);
  } catch {
    await page.reload();
    await expect.poll(controlled).toBe(true);
  }
}

/** Every cache of this origin and what it holds (URL and body size). */
function cacheContents(page: Page): Promise<Record<string, CachedEntry[]>> {
  return page.evaluate(async () => {
    const result: Record<string, { url: string; bytes: number }[]> = {};
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      result[name] = [];
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        result[name].push({ url: request.url, bytes: response ? (await response.arrayBuffer()).byteLength : -1 });
      }
    }
    return result;
  });
}

test('once loaded, the app works offline: the start page, a lesson step computed in the worker, the map', async ({ page, context, baseURL }) => {
  test.setTimeout(90_000);
  await loadUntilControlled(page);

  // The cache holds exactly this build: the index, precache.json and every file it lists.
  const manifest = (await (await page.request.get('precache.json')).json()) as { buildId: string; files: string[] };
  expect(manifest.files).toEqual(expect.arrayContaining(['data/glove-subset.npy', 'data/glove-subset.words.json']));
  expect(manifest.files.some((file) => /^assets\/compute\.worker-.+\.js$/.test(file))).toBe(true);
  expect(manifest.files.some((file) => file.endsWith('.map'))).toBe(false);
  const contents = await cacheContents(page);
  const names = Object.keys(contents);
  expect(names).toHaveLength(1);
  expect(names[0]).toContain(manifest.buildId);
  const cached = contents[names[0]];
  const expected = [baseURL!, ...[...manifest.files, 'precache.json'].map((file) => new URL(file, baseURL).href)].sort();
  expect(cached.map((entry) => entry.url).sort()).toEqual(expected);
  expect(cached.every((entry) => entry.bytes > 0)).toBe(true);
  const total = cached.reduce((sum, entry) => sum + entry.bytes, 0);
  test.info().annotations.push({ type: 'precache', description: `build ${manifest.buildId}: ${cached.length} entries, ${(total / 1e6).toFixed(2)} MB` });

  // Whatever the page fetches from now on: the compute worker's script must come from the service worker.
  const fromWorker = new Map<string, boolean>();
  page.on('response', (response) => fromWorker.set(response.url(), response.fromServiceWorker()));

  await context.setOffline(true);
  // The network is gone for the service worker too, so what it answers below comes from its cache.
  const [serviceWorker] = context.serviceWorkers();
  expect(serviceWorker).toBeDefined();
  expect(await serviceWorker.evaluate(() => fetch('precache.json', { cache: 'no-store' }).then(() => 'ok', () => 'failed'))).toBe('failed');
  await page.reload();
  await expect(page.getByRole('heading', { name: START_HEADING })).toBeVisible();

  // A lesson step opened by its address in a fresh load: the index comes from the cache and any #… works.
  await page.goto('about:blank');
  await page.goto('./#lesson=svd-rotate-scale-rotate&step=2');
  const bar = page.getByRole('complementary', { name: 'Move 1: rotate by Vᵀ' });
  await expect(bar).toBeVisible({ timeout: 30_000 });
  await expect(bar.getByRole('heading', { name: 'Move 1: rotate by Vᵀ' })).toBeVisible();
  const sigma = page.getByRole('table', { name: 'Singular values' });
  await expect(sigma).toContainText('6.70820');
  await expect(sigma).toContainText('2.23607');
  const workerScript = [...fromWorker.keys()].find((url) => /\/assets\/compute\.worker-[^/]+\.js$/.test(url));
  expect(workerScript, 'the compute worker script was requested').toBeDefined();
  expect(fromWorker.get(workerScript!)).toBe(true);

  await page.goto('about:blank');
  await page.goto('./#map');
  await expect(page.getByRole('heading', { name: 'The subspace taxonomy' })).toBeVisible();
  await context.setOffline(false);
});

test.describe('other origins and Range requests', () => {
  let server: RangeServer | null = null;
  test.afterEach(async () => {
    await server?.close();
    server = null;
  });

  test('go to the network untouched and are never cached', async ({ page, context, baseURL }) => {
    server = await startRangeServer({ 'data/wide.npy': readFileSync(fixture('wide.npy')) });
    await loadUntilControlled(page);
    const remote = server.url('data/wide.npy');
    const own = new URL('data/glove-subset.npy', baseURL).href;

    /** Fetches from the controlled page: the status, or 'failed'. */
    const fetchFrom = (url: string, range?: string) =>
      page.evaluate(
        ([target, bytes]) => fetch(target, bytes ? { headers: { Range: bytes } } : {}).then((response) => String(response.status), () => 'failed'),
        [url, range] as const,
      );

    // Online: the other origin answers, in full and by range, and so does a Range request to the app's own data.
    expect(await fetchFrom(remote)).toBe('200');
    expect(await fetchFrom(remote, 'bytes=0-127')).toBe('206');
    expect(await fetchFrom(own, 'bytes=0-127')).toBe('206');
    // The Range header reached the server as the page sent it.
    expect(server.requests.filter((r) => r.method === 'GET').map((r) => r.range)).toEqual([null, 'bytes=0-127']);

    // None of it is in any cache: every cached URL is of the app's origin and none is a range's answer.
    const contents = await cacheContents(page);
    const cachedUrls = Object.values(contents).flat().map((entry) => entry.url);
    expect(cachedUrls.length).toBeGreaterThan(3);
    expect(cachedUrls.filter((url) => new URL(url).origin !== new URL(baseURL!).origin)).toEqual([]);
    const glove = Object.values(contents).flat().find((entry) => entry.url === own);
    expect(glove?.bytes).toBe(readFileSync(fileURLToPath(new URL('../public/data/glove-subset.npy', import.meta.url))).length);

    // Offline: the server is still up, but nothing answers for it from the cache; nor a Range request to the app's own file.
    await context.setOffline(true);
    const before = server.requests.length;
    expect(await fetchFrom(remote)).toBe('failed');
    expect(await fetchFrom(remote, 'bytes=0-127')).toBe('failed');
    expect(await fetchFrom('http://127.0.0.1:1/x')).toBe('failed');
    expect(await fetchFrom(own, 'bytes=0-127')).toBe('failed');
    // The same file without a range is the app's own: it answers from the cache.
    expect(await fetchFrom(own)).toBe('200');
    expect(server.requests.length).toBe(before);
    await context.setOffline(false);
  });
});
