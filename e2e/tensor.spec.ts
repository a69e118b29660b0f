/**
 * The tensor workspace as a person uses it: the reference tensors of math.md show their TT ranks,
 * parameters and compression factors; reshaping a vector and moving a rank cap changes the ranks, the numbers
 * and the description; a table is compressed row by row and its compression factor read; a long
 * compression is cancelled and the page keeps answering.
 */
import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { docImagePath } from './docImages';

test('sin(i + j + k) has TT ranks (1, 2, 2, 1): 72 parameters, CF 10.667', async ({ page }) => {
  await page.goto('./#w=tensor&tt=sine,1');
  await expect(page.getByTestId('tt-ranks')).toHaveText('(1, 2, 2, 1)');
  await expect(page.getByTestId('tt-parameters')).toHaveAttribute('data-value', '72');
  expect(Number(await page.getByTestId('tt-cf').getAttribute('data-value'))).toBeCloseTo(768 / 72, 6);
  expect(Number(await page.getByTestId('tt-error').getAttribute('data-value'))).toBeLessThan(1e-12);
  await expect(page.locator('canvas')).toBeVisible();
  await page.screenshot({ path: docImagePath('tensor-sine') });
});

test('reshaping a vector and capping a rank change the ranks, the parameters and the description, and the link keeps them', async ({ page }) => {
  await page.goto('./#w=tensor&tt=embeddings,1&row=1');
  await expect(page.getByTestId('tt-ranks')).toBeVisible();
  await page.getByTestId('tensor-shape').selectOption('2x2x25');
  await expect(page.getByTestId('tt-ranks')).toHaveText('(1, 2, 4, 1)');
  const description = page.locator('#tensor-description');
  await expect(description).toContainText('2 by 2 by 25');
  await page.getByRole('slider', { name: /r2 ≤/ }).fill('1');
  await expect(page.getByTestId('tt-ranks')).toHaveText('(1, 2, 1, 1)');
  await expect(page.getByTestId('tt-parameters')).toHaveAttribute('data-value', String(1 * 2 * 2 + 2 * 2 * 1 + 1 * 25 * 1));
  await expect.poll(() => page.evaluate(() => location.hash)).toContain('shape=2x2x25');
  await expect.poll(() => page.evaluate(() => location.hash)).toContain('ranks=2x1');
  await page.reload();
  await expect(page.getByTestId('tt-ranks')).toHaveText('(1, 2, 1, 1)');
});

test('the GloVe table compressed row by row: compression factor and neighbours', async ({ page }) => {
  await page.goto('./#w=tensor&tt=embeddings,1&tmode=rows&shape=4x5x5&ranks=2x2');
  const cf = page.getByTestId('rows-cf');
  await expect(cf).toBeVisible({ timeout: 30_000 });
  // Each row: 1*4*2 + 2*5*2 + 2*5*1 = 38 numbers for 100 (or fewer where a row needs less).
  expect(Number(await cf.getAttribute('data-value'))).toBeGreaterThanOrEqual(100 / 38 - 1e-9);
  await expect(page.getByTestId('neighbours')).toBeVisible();
  await page.screenshot({ path: docImagePath('tensor-rows') });
});

test('a long compression shows progress and is cancelled; the page keeps answering', async ({ page }) => {
  await page.goto('./#w=tensor&tt=gaussian-table,1&tmode=rows&shape=8x8x12&ranks=8x8');
  await page.getByTestId('compress-rows').click();
  const progress = page.getByTestId('rows-progress');
  await expect(progress).toBeVisible();
  await expect(progress).toContainText(/row [\d,]+ of 50,257/, { timeout: 30_000 });
  await progress.getByRole('button', { name: 'Cancel' }).click();
  await expect(progress).toBeHidden();
  await expect(page.getByText('Cancelled.')).toBeVisible();
  // The worker answers the next job at once.
  await page.goto('./#w=tensor&tt=sine,1');
  await expect(page.getByTestId('tt-ranks')).toHaveText('(1, 2, 2, 1)');
});

test('a 3-D array of a file: its TT ranks, the warning when TT does not compress, and exported cores that NumPy rebuilds', async ({ page }) => {
  const fixture = fileURLToPath(new URL('./fixtures/cube.npy', import.meta.url));
  await page.goto('./#w=tensor&tt=sine,1');
  await expect(page.getByTestId('tt-ranks')).toHaveText('(1, 2, 2, 1)');
  await page.getByTestId('file-input').setInputFiles(fixture);
  const list = page.getByRole('listbox', { name: 'Arrays of the opened files' });
  await list.getByRole('option', { name: /8 × 10 × 12/ }).click();
  // A generic 8 x 10 x 12 tensor has full TT ranks: 8*8 + 8*10*12 + 12*12 = 1168 numbers for 960.
  await expect(page.getByTestId('tt-ranks')).toHaveText('(1, 8, 12, 1)');
  await expect(page.getByTestId('tt-parameters')).toHaveAttribute('data-value', '1168');
  await expect(page.getByTestId('tt-warning')).toBeVisible();
  await expect.poll(() => page.evaluate(() => location.hash)).toContain('tt=file');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Cores as .npz' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/-tt\.npz$/);
  const saved = join(mkdtempSync(join(tmpdir(), 'tt-export-')), download.suggestedFilename());
  await download.saveAs(saved);
  // The page's own snippet rebuilds the tensor, where python3 has numpy.
  const snippet = await page.locator('.tensor-export pre').textContent();
  const probe = spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' });
  test.skip(probe.status !== 0, 'python3 with numpy is not available to run the snippet');
  const script = `${snippet!.replace(/np\.load\("[^"]+"\)/, `np.load(${JSON.stringify(saved)})`)}\nimport sys\nref = np.load(${JSON.stringify(fixture)})\nprint(float(np.max(np.abs(full - ref))))`;
  const run = spawnSync('python3', ['-c', script], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  expect(Number(run.stdout.trim().split('\n').at(-1))).toBeLessThan(1e-10);
});

test('a bond\'s unfolding through the matrix heatmaps: its cut at the kept rank leaves what NumPy\'s singular values say', async ({ page }) => {
  // Capped at rank 1, bond 1 of sin(i + j + k) (the 8 x 96 unfolding, σ = 14.897, 12.748, 0) keeps
  // σ1 and leaves σ2 / ‖A‖_F = 0.650178 (numpy.linalg.svd of t.reshape(8, 96)); bond 2 (64 x 12) leaves 0.680251.
  await page.goto('./#w=tensor&tt=sine,1&ranks=1');
  const section = page.getByRole('region', { name: 'Heatmaps of the bond\'s unfolding' });
  const figure = page.getByTestId('bond-heatmaps');
  await expect(figure).toBeVisible();
  await expect(page.getByTestId('tt-ranks')).toHaveText('(1, 1, 1, 1)'); // ranks=1 caps every bond
  await expect(figure).toHaveAttribute('data-bond', '1');
  await expect(figure).toHaveAttribute('data-rank', '1');
  await expect(section.getByRole('img', { name: 'A, A_k (k = 1) and A − A_k' })).toBeVisible();
  expect(Number(await section.getByTestId('bond-residual').getAttribute('data-value'))).toBeCloseTo(0.6501780156664216, 6);
  // The whole train cuts both bonds: its error is at least this one cut's.
  expect(Number(await page.getByTestId('tt-error').getAttribute('data-value'))).toBeGreaterThanOrEqual(0.65017801);
  await page.getByRole('combobox', { name: 'Bond', exact: true }).selectOption('2');
  await expect(figure).toHaveAttribute('data-bond', '2');
  await expect.poll(async () => Number(await section.getByTestId('bond-residual').getAttribute('data-value'))).toBeCloseTo(0.6802506933222888, 6);
  await figure.scrollIntoViewIfNeeded();
  await page.screenshot({ path: docImagePath('tensor-bond-heatmaps') });
});
