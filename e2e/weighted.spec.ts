/**
 * The weighted low-rank workspace as a person uses it: uniform weights give the SVD, a painted
 * weight pulls the methods' subspace away from the SVD's (the angles grow, the objective falls
 * below plain SVD's), the link reopens the same race, and a long race pauses, resumes and cancels.
 */
import { expect, test, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeNpy } from '../src/io/npy-write';
import { docImagePath } from './docImages';

const table = (page: Page) => page.getByTestId('weighted-table');
const status = (page: Page) => page.getByTestId('race-status');

/** The weighted objective of a row of the table, by the start of its name. */
async function objective(page: Page, name: RegExp): Promise<number> {
  const value = await table(page).getByRole('row', { name }).locator('td').first().getAttribute('data-value');
  return Number(value);
}

test('uniform weights: every method lands on the plain SVD', async ({ page }) => {
  await page.goto('./#w=weighted&m=3,0;4,5&wl=1,em+als,svd,200,1&wts=uniform');
  await expect(status(page)).toHaveAttribute('data-status', 'done');
  const svd = await objective(page, /^Plain SVD/);
  // Eckart-Young: the tail sigma_2^2 = 5.
  expect(svd).toBeCloseTo(5, 10);
  expect(await objective(page, /^EM/)).toBeCloseTo(5, 8);
  expect(await objective(page, /^Alternating/)).toBeCloseTo(5, 8);
});

test('painting a weight tilts the weighted subspace, and the link reopens it', async ({ page }) => {
  await page.goto('./#w=weighted&m=3,0;4,5&wl=1,em+als,svd,300,1&wts=uniform');
  await expect(status(page)).toHaveAttribute('data-status', 'done');
  await expect.poll(async () => Number(await page.getByTestId('angles-em').getAttribute('data-largest'))).toBeLessThan(1e-6);
  await page.getByTestId('brush-value').fill('50');
  // Paint entry (1, 1): its error must now be small, so the rank-1 fit turns towards it.
  const heatmap = page.getByTestId('weights-heatmap').locator('image');
  const box = (await heatmap.boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.25, box.y + box.height * 0.25);
  await expect.poll(() => page.evaluate(() => location.hash)).toContain('paint=1:1:0:50');
  await expect(status(page)).toHaveAttribute('data-status', 'done');
  await expect.poll(async () => Number(await page.getByTestId('angles-em').getAttribute('data-largest'))).toBeGreaterThan(0.05);
  const svd = await objective(page, /^Plain SVD/);
  const em = await objective(page, /^EM/);
  expect(em).toBeLessThan(svd);
  await expect(page.getByRole('img', { name: 'Weighted objective per iteration' })).toBeVisible();
  await page.screenshot({ path: docImagePath('weighted-2x2') });

  // The same address in a new page: the same stroke, the same answer.
  const hash = await page.evaluate(() => location.hash);
  const other = await page.context().newPage();
  await other.goto(`./${hash}`);
  await expect(status(other)).toHaveAttribute('data-status', 'done');
  expect(await objective(other, /^EM/)).toBeCloseTo(em, 8);
  await other.close();
});

test('a long race streams its curve, pauses, resumes and cancels', async ({ page }) => {
  await page.goto('./#w=weighted&p=random&size=400x300&spectrum=geometric&decay=0.02&seed=3&wl=20,em+gd,random,20000,1&wts=random-mask,1,0.5');
  // 20,000 iterations are priced first: over the budget, the race waits for the person.
  const offer = page.getByTestId('race-offer');
  await expect(offer).toContainText(/This race runs up to 20000 iterations per method: about .+ on this device \(Gradient descent takes about .+ per iteration on 400 × 300 at k = 20\), over the 20 s budget, so it was not started\./, { timeout: 20_000 });
  await expect(status(page)).toHaveAttribute('data-status', 'declined');
  await expect(offer.getByRole('button', { name: /^Run \d+ iterations \(about 20 s at most\)$/ })).toBeVisible();
  await offer.getByRole('button', { name: 'Run all 20000 anyway' }).click();
  await expect(status(page)).toHaveAttribute('data-status', 'running', { timeout: 20_000 });
  const iterations = async () => Number((await table(page).getByRole('row', { name: /^EM/ }).locator('th').textContent())?.match(/(\d+) iterations/)?.[1] ?? 0);
  await expect.poll(iterations, { timeout: 20_000 }).toBeGreaterThan(3);
  // The objective falls while it runs.
  const first = await objective(page, /^EM/);
  await expect.poll(() => objective(page, /^EM/), { timeout: 20_000 }).toBeLessThan(first);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(status(page)).toHaveAttribute('data-status', 'paused');
  const paused = await iterations();
  await page.waitForTimeout(500);
  expect(await iterations()).toBe(paused);
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect.poll(iterations, { timeout: 20_000 }).toBeGreaterThan(paused);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(status(page)).toHaveAttribute('data-status', 'cancelled');
  const stopped = await iterations();
  await page.waitForTimeout(500);
  expect(await iterations()).toBe(stopped);
  // The page still answers, and Run again starts afresh.
  await page.getByRole('button', { name: 'Run again' }).click();
  await expect(status(page)).toHaveAttribute('data-status', 'running');
  await page.getByRole('button', { name: 'Cancel' }).click();
});

test('the exported factors give the table\'s weighted objective in NumPy', async ({ page }) => {
  await page.goto('./#w=weighted&m=3,0;4,5&wl=1,em+als,svd,500,1&wts=block,1,1,2,2,20');
  await expect(status(page)).toHaveAttribute('data-status', 'done');
  const em = await objective(page, /^EM/);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'A, W and the factors as .npz' }).click();
  const download = await downloading;
  const saved = join(mkdtempSync(join(tmpdir(), 'weighted-export-')), download.suggestedFilename());
  await download.saveAs(saved);
  const snippet = await page.locator('.weighted-export pre').textContent();
  test.skip(spawnSync('python3', ['-c', 'import numpy']).status !== 0, 'python3 with numpy is not available to run the snippet');
  const run = spawnSync('python3', ['-c', snippet!.replace(/np\.load\("[^"]+"\)/, `np.load(${JSON.stringify(saved)})`)], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  const line = run.stdout.split('\n').find((l) => l.startsWith('em '))!;
  expect(Number(line.split(' ')[3])).toBeCloseTo(em, 8);
});

test('activation-aware SVD: with inputs X from a file, its data error is no larger than plain SVD\'s', async ({ page }) => {
  const wide = fileURLToPath(new URL('./fixtures/wide.npy', import.meta.url));
  await page.goto('./#w=weighted&m=3,0;4,5&wl=2,als,svd,20,1&wts=uniform');
  await expect(status(page)).toHaveAttribute('data-status', 'done');
  // The 60 x 50 array becomes A (it is the file's only array), and the same rows serve as 60 input samples.
  await page.getByTestId('file-input').setInputFiles(wide);
  await expect(page.getByText('60 × 50', { exact: false }).first()).toBeVisible();
  await page.getByText('Inputs X for the activation-aware SVD').click();
  await page.getByRole('listbox', { name: 'Inputs X' }).getByRole('option', { name: /60 × 50/ }).click();
  const section = page.getByTestId('activation-aware');
  await expect(section).toBeVisible({ timeout: 20_000 });
  const whitened = Number(await section.getAttribute('data-whitened'));
  const plain = Number(await section.getAttribute('data-plain'));
  expect(whitened).toBeGreaterThan(0);
  expect(whitened).toBeLessThanOrEqual(plain * (1 + 1e-12));
});

test('missing (NaN) entries of a file: opened as 0, given weight 0, and the methods fit the known entries that plain SVD misses', async ({ page }) => {
  // A rank-1 6 x 5 matrix u vᵀ with four entries missing: the known entries determine it.
  const u = [1, 2, 3, 4, 5, 6];
  const v = [1, -1, 2, 0.5, 3];
  const data = Float64Array.from({ length: 30 }, (_, k) => u[Math.floor(k / 5)] * v[k % 5]);
  for (const [i, j] of [[0, 1], [2, 3], [4, 0], [5, 4]]) data[i * 5 + j] = NaN;
  const path = join(mkdtempSync(join(tmpdir(), 'missing-')), 'gaps.npy');
  writeFileSync(path, writeNpy({ shape: [6, 5], data }, 'float64'));

  await page.goto('./#m=3,0;4,5');
  await page.getByTestId('file-input').setInputFiles(path);
  await expect(page.getByRole('alert').filter({ hasText: "'gaps' has 4 missing (NaN) entries, the first at row 1, column 2" })).toBeVisible();
  await page.getByRole('button', { name: 'Open it with the missing entries as 0' }).click();
  await expect(page.getByRole('heading', { name: 'gaps from gaps.npy (4 missing as 0)' })).toBeVisible();
  await expect.poll(() => new URL(page.url()).hash).toContain('nan=0');

  // The weighted workspace on the same document, with the mask of the missing entries.
  const hash = new URL(page.url()).hash;
  await page.evaluate((h) => (window.location.hash = h), `${hash}&w=weighted&wl=1,em+als,svd,500,1&wts=missing`);
  await expect(page.getByTestId('weight-source')).toHaveValue('missing');
  await expect(status(page)).toHaveAttribute('data-status', 'done', { timeout: 20_000 });
  // Plain SVD fits the zeros too, so it misses the known entries; EM and ALS recover u vᵀ on them.
  expect(await objective(page, /^Plain SVD/)).toBeGreaterThan(1);
  expect(await objective(page, /^EM/)).toBeLessThan(1e-6);
  expect(await objective(page, /^Alternating least squares/)).toBeLessThan(1e-6);
  await expect.poll(() => new URL(page.url()).hash).toContain('wts=missing');
});

test('above 3 rows the scene draws both subspaces through their principal pairs, at the table\'s angles', async ({ page }) => {
  await page.goto('./#w=weighted&p=random&size=40x30&spectrum=geometric&decay=0.05&seed=3&wl=1,em+als,svd,300,1&wts=block,1,5,1,5,30');
  await expect(status(page)).toHaveAttribute('data-status', 'done', { timeout: 20_000 });
  await expect(page.getByRole('img', { name: 'Principal angles between the SVD subspace and the weighted one' })).toBeVisible();
  await expect(page.getByText(/each wedge is the plane of one pair/)).toBeVisible();
  // Rank 1: one wedge, labelled with EM's one principal angle, as the table has it.
  const emAngle = await table(page).getByRole('row', { name: /^EM/ }).locator('td').nth(2).textContent();
  await expect(page.locator('.label-layer').getByText(`θ₁ = ${emAngle?.trim()}`)).toBeVisible();
});

test('the weighted workspace shows any approximation through the matrix workspace\'s heatmaps', async ({ page }) => {
  await page.goto('./#w=weighted&m=3,0;4,5&wl=1,em+als,svd,200,1&wts=uniform');
  await expect(status(page)).toHaveAttribute('data-status', 'done');
  const panel = page.getByRole('region', { name: 'Heatmaps' });
  const figure = panel.getByTestId('weighted-heatmaps');
  await expect(figure).toHaveAttribute('data-method', 'em');
  await expect(figure).toHaveAttribute('data-rank', '1');
  await expect(figure.getByRole('img', { name: 'A, A_k (k = 1) and A − A_k' })).toBeVisible();
  await expect(panel.getByRole('img', { name: 'Singular values of the EM (Srebro–Jaakkola) approximation (rank 1)' })).toBeVisible();
  const chooser = panel.getByRole('radiogroup', { name: 'Approximation shown' });
  await chooser.getByRole('radio', { name: 'FWSVD' }).check();
  await expect(figure).toHaveAttribute('data-method', 'fwsvd');
  await chooser.getByRole('radio', { name: 'Plain SVD' }).check();
  await expect(figure).toHaveAttribute('data-method', 'svd');
  await expect(panel.getByRole('img', { name: 'Singular values of A, cut at k = 1 (plain SVD)' })).toBeVisible();
  await figure.scrollIntoViewIfNeeded();
  await page.screenshot({ path: docImagePath('weighted-heatmaps'), fullPage: false });
});
