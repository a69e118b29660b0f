/**
 * Links to analyses on arrays of files: the attention view on query and key weights, and a subspace
 * comparison against a second array, travel by reference (URL or file name, entry, SHA-256) and
 * reopen the same numbers; changed data is refused by its hash.
 */
import { expect, test, type Page } from '@playwright/test';
import { writeSafetensors } from '../src/io/safetensors-write';
import { LinearMapPage } from './pages';
import { startRangeServer, type RangeServer } from './rangeServer';

const wave = (n: number, f: number) => new Float64Array(n).map((_, k) => Math.sin(k * f) + Math.cos(k * k * 0.001));
const a = wave(40 * 16, 0.37);
const layer = (scaleB: number) =>
  writeSafetensors({
    A: { shape: [40, 16], data: a },
    B: { shape: [40, 16], data: a.map((x, k) => x + scaleB * Math.sin(k * 1.7)) },
    wq: { shape: [24, 24], data: wave(576, 0.91) },
    wk: { shape: [24, 24], data: wave(576, 0.53) },
  });

let server: RangeServer | null = null;
test.afterEach(async () => {
  await server?.close();
  server = null;
});

async function openUrl(page: Page, url: string) {
  await page.getByLabel('URL of a file').fill(url);
  await page.getByRole('button', { name: 'Open from URL' }).click();
}

/** Opens the attention view on the wq and wk arrays of an opened file, with the given head size. */
async function chooseFileHead(page: Page, headSize: number) {
  await page.getByRole('navigation', { name: 'Workspaces' }).getByRole('link', { name: 'Attention' }).click();
  await page.getByRole('radio', { name: 'From opened files' }).click();
  await page.getByRole('listbox', { name: 'Query W_Q' }).getByRole('option', { name: /^wq 24 × 24/ }).click();
  await page.getByRole('listbox', { name: 'Key W_K' }).getByRole('option', { name: /^wk 24 × 24/ }).click();
  await page.getByLabel('Head size d_head').fill(String(headSize));
  await expect(page.getByTestId('attention-rank')).toContainText(`has rank ${headSize} (head size ${headSize})`);
}

test('attention weights and a comparison matrix from a URL travel with the link, checked by hash', async ({ page, context }) => {
  const files = { 'layer.safetensors': layer(0.2) };
  server = await startRangeServer(files);
  const app = new LinearMapPage(page);
  await app.open('#m=3,0;4,5');
  await openUrl(page, server.url('layer.safetensors'));
  await page.getByRole('listbox', { name: /Arrays in layer.safetensors/ }).getByRole('option', { name: /^A\b/ }).click();
  await page.getByRole('button', { name: 'Open A' }).click();
  await expect(page.getByText('40 × 16, computed in the worker')).toBeVisible();

  await page.getByLabel('Principal angles between the rank-k subspaces of A and of a second matrix').check();
  await page.getByRole('radiogroup', { name: 'Second matrix B' }).getByRole('radio', { name: 'An array of a file' }).click();
  await page.getByRole('listbox', { name: 'Second matrix B' }).getByRole('option', { name: /^B 40 × 16/ }).click();
  await expect(page.getByTestId('compare-summary')).toContainText('row space');
  const summary = await page.getByTestId('compare-summary').innerText();
  await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/cmp=row,file&bsrc=http[^&]*&bentry=B&bsha256=[0-9a-f]{64}/);
  const compareLink = await page.evaluate(() => location.href);

  await chooseFileHead(page, 4);
  const rank = await page.getByTestId('attention-rank').innerText();
  const angles = await page.getByTestId('attention-invariance').innerText();
  await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/att=file,4,1,xw&qsrc=http[^&]*layer\.safetensors&qentry=wq&qsha256=[0-9a-f]{64}/);
  await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#w=attention&/);
  const link = await page.evaluate(() => location.href);

  const other = await context.newPage();
  await other.goto(link);
  await expect(other.getByTestId('attention-rank')).toHaveText(rank, { timeout: 30_000 });
  await expect(other.getByTestId('attention-invariance')).toHaveText(angles);
  const fourth = await context.newPage();
  await fourth.goto(compareLink);
  await expect(fourth.getByTestId('compare-summary')).toHaveText(summary, { timeout: 30_000 });

  // The second matrix behind the URL changes: the link says so instead of showing other numbers.
  files['layer.safetensors'] = layer(0.5);
  const third = await context.newPage();
  await third.goto(compareLink);
  await expect(third.getByRole('alert').filter({ hasText: 'SHA-256 differs' }).first()).toBeVisible({ timeout: 30_000 });
});

test('a link to attention weights of local files asks for them and continues once they are opened', async ({ page, context }, info) => {
  const path = info.outputPath('heads.safetensors');
  const { writeFileSync } = await import('node:fs');
  writeFileSync(path, layer(0.2));
  const app = new LinearMapPage(page);
  await app.open('#m=3,0;4,5');
  await page.getByTestId('file-input').setInputFiles(path);
  await chooseFileHead(page, 6);
  const rank = await page.getByTestId('attention-rank').innerText();
  await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/att=file,6,1,xw&qfile=heads\.safetensors&qsize=\d+&qentry=wq/);
  const link = await page.evaluate(() => location.href);

  const other = await context.newPage();
  await other.goto(link);
  await expect(other.getByRole('alert').filter({ hasText: 'This link needs your file heads.safetensors' })).toBeVisible();
  // Meanwhile the view says what it waits for, rather than showing a synthetic head.
  await expect(other.getByTestId('attention-waiting')).toContainText('reads W_Q from "wq" of heads.safetensors');
  await expect(other.getByTestId('attention-rank')).toHaveCount(0);
  await expect(other.getByText("The attention view waits for the link's query and key weight files")).toBeVisible();
  await other.getByTestId('file-input').setInputFiles(path);
  await expect(other.getByTestId('attention-rank')).toHaveText(rank, { timeout: 30_000 });
  await expect(other.getByRole('alert').filter({ hasText: 'This link needs your file' })).toHaveCount(0);
});
