import { expect, test } from '@playwright/test';
import { writeSafetensors } from '../src/io/safetensors-write';
import { LinearMapPage } from './pages';
import { startRangeServer, type RangeServer } from './rangeServer';

// A checkpoint with one big tensor (4 MB) and one small matrix whose singular values are known.
const weight = new Float64Array([1, 2, 3, 4, 5, 6]); // 3 x 2: sigma = 9.52552, 0.51430
const checkpoint = writeSafetensors({
  'model.embed': { shape: [1024, 1024], data: new Float32Array(1024 * 1024).map((_, k) => Math.sin(k)) },
  'proj.weight': { shape: [3, 2], data: weight },
});

let server: RangeServer | null = null;
test.afterEach(async () => {
  await server?.close();
  server = null;
});

async function openUrl(page: import('@playwright/test').Page, url: string) {
  await page.getByLabel('URL of a file').fill(url);
  await page.getByRole('button', { name: 'Open from URL' }).click();
}

test('reads a .safetensors piecewise with Range requests: only the chosen tensor is downloaded', async ({ page }) => {
  server = await startRangeServer({ 'model.safetensors': checkpoint });
  const app = new LinearMapPage(page);
  await app.open('#m=3,0;4,5');
  await openUrl(page, server.url('model.safetensors'));
  await expect(page.getByText(/Arrays in model.safetensors \(read piecewise/)).toBeVisible();
  const list = page.getByRole('listbox', { name: /Arrays in model.safetensors/ });
  await expect(list).toContainText('1024 × 1024');
  await list.getByRole('option', { name: /^proj\.weight/ }).click();
  await page.getByRole('button', { name: 'Open proj.weight' }).click();
  await expect.poll(() => app.sigmaTexts()).toEqual(['9.52552', '0.51430']);
  const gets = server.requests.filter((r) => r.method === 'GET');
  expect(gets.every((r) => r.range !== null)).toBe(true);
  const sent = gets.reduce((sum, r) => sum + r.bytesSent, 0);
  expect(sent).toBeLessThan(2000); // of a 4 MB file
});

test('falls back to one download when the server ignores Range', async ({ page }) => {
  server = await startRangeServer({ 'model.safetensors': checkpoint }, { honourRange: false });
  const app = new LinearMapPage(page);
  await app.open('#m=3,0;4,5');
  await openUrl(page, server.url('model.safetensors'));
  const list = page.getByRole('listbox', { name: /Arrays in model.safetensors/ });
  await list.getByRole('option', { name: /^proj\.weight/ }).click();
  await page.getByRole('button', { name: 'Open proj.weight' }).click();
  await expect.poll(() => app.sigmaTexts()).toEqual(['9.52552', '0.51430']);
});

test('explains a missing file and a bad URL, keeping the matrix', async ({ page }) => {
  server = await startRangeServer({});
  const app = new LinearMapPage(page);
  await app.open('#m=3,0;4,5');
  await openUrl(page, server.url('nothing.npy'));
  await expect(page.getByRole('alert').filter({ hasText: '404' })).toContainText('unchanged');
  await openUrl(page, 'ftp://example.org/x.npy');
  await expect(page.getByRole('alert').filter({ hasText: 'not an http or https URL' })).toBeVisible();
  await expect.poll(() => app.sigmaTexts()).toEqual(['6.70820', '2.23607']);
});

test('a link to data too big to inline refers to the URL and its SHA-256, and reopens it', async ({ page, context }) => {
  const big = new Float64Array(120 * 90).map((_, k) => Math.sin(k * 0.37) + (k % 90) / 90);
  const files = { 'layers.safetensors': writeSafetensors({ 'layer.3': { shape: [120, 90], data: big } }) };
  server = await startRangeServer(files);
  const app = new LinearMapPage(page);
  await app.open('#m=3,0;4,5');
  await openUrl(page, server.url('layers.safetensors'));
  await expect(page.getByText('120 × 90, computed in the worker')).toBeVisible();
  const sigmas = await app.sigmaTexts();
  await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#src=http.*layers\.safetensors&entry=layer\.3&sha256=[0-9a-f]{64}/);
  const link = await page.evaluate(() => location.href);

  const other = await context.newPage();
  const again = new LinearMapPage(other);
  await other.goto(link);
  await expect(other.getByText('120 × 90, computed in the worker')).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => again.sigmaTexts()).toEqual(sigmas);

  // The data behind the URL changes: the link says so instead of showing other numbers.
  files['layers.safetensors'] = writeSafetensors({ 'layer.3': { shape: [120, 90], data: big.map((x) => x * 2) } });
  const third = await context.newPage();
  await third.goto(link);
  await expect(third.getByRole('alert').filter({ hasText: 'SHA-256 differs' })).toBeVisible({ timeout: 30_000 });
});
