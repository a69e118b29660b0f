/**
 * Faults a person can meet: the compute worker dying in the middle of a job (killed through the
 * test build's hook, src/app/testHooks.ts), a reload during a long job, and a random matrix that
 * takes minutes to build. Each time the page says what happened, keeps what the person had, and
 * the same work can be run again.
 */
import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeNpy } from '../src/io/npy-write';
import { LinearMapPage } from './pages';

const RANDOM_1024 = '#p=random&size=1024x1024&spectrum=linear&seed=3';

async function killWorker(page: Page): Promise<void> {
  await page.evaluate(() => {
    // The page's hooks (src/app/testHooks.ts), typed here for the browser side of evaluate.
    const hooks = (window as Window & { subspaceExplorerTestHooks?: { killWorker(): void } }).subspaceExplorerTestHooks;
    if (!hooks) throw new Error('this build has no test hooks (build with VITE_TEST_HOOKS=1)');
    hooks.killWorker();
  });
}

test('the worker killed in the middle of an SVD: the page says so, keeps the matrix, and the SVD runs again', async ({ page }) => {
  test.setTimeout(90_000);
  const app = new LinearMapPage(page);
  await page.goto(`./${RANDOM_1024}`);
  const heading = page.getByRole('heading', { name: 'Random 1024 × 1024, linear spectrum' });
  await expect(heading).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('svd-running')).toContainText('Computing the SVD…', { timeout: 10_000 });
  // The address is rewritten (throttled) to the link of what is open, with the preset's default decay.
  const link = `${RANDOM_1024.replace('&seed=', '&decay=0.001&seed=')}`;
  await expect.poll(() => new URL(page.url()).hash).toBe(link);
  await killWorker(page);

  const failure = page.getByRole('alert').filter({ hasText: 'The SVD could not be computed' });
  await expect(failure).toContainText('The compute worker stopped unexpectedly (killed by a test). It has been restarted; please try again.');
  await expect(page.getByTestId('svd-running')).toHaveCount(0);
  await expect(heading).toBeVisible();
  expect(new URL(page.url()).hash).toBe(link);

  // The restarted worker no longer holds the matrix: the page sends it back and the SVD completes.
  await failure.getByRole('button', { name: 'Run the SVD again' }).click();
  await expect(page.getByTestId('svd-summary')).toContainText('1024 × 1024, computed in the worker', { timeout: 60_000 });
  // The linear spectrum runs from 1 down to 1/1024.
  expect((await app.sigmaTexts())[0]).toBe('1.00000');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('the worker killed during a weighted race: the race says so and runs again on the same matrix', async ({ page }) => {
  await page.goto('./#w=weighted&p=random&size=400x300&spectrum=geometric&decay=0.02&seed=3&wl=20,em+gd,random,20000,1&wts=random-mask,1,0.5');
  const status = page.getByTestId('race-status');
  const data = page.getByRole('region', { name: 'The matrix A' });
  await expect(data).toContainText('Random 400 × 300, geometric spectrum, 400 × 300', { timeout: 20_000 });
  await page.getByRole('button', { name: 'Run all 20000 anyway' }).click();
  const iterations = async () => Number((await page.getByTestId('weighted-table').getByRole('row', { name: /^EM/ }).locator('th').textContent())?.match(/(\d+) iterations/)?.[1] ?? 0);
  await expect.poll(iterations, { timeout: 20_000 }).toBeGreaterThan(2);
  await expect(status).toHaveAttribute('data-status', 'running');
  await killWorker(page);
  await expect(status).toHaveAttribute('data-status', 'error');
  await expect(status).toContainText('The compute worker stopped unexpectedly (killed by a test).');
  await expect(data).toContainText('400 × 300');

  await page.getByRole('button', { name: 'Run again' }).click();
  await expect(status).toHaveAttribute('data-status', 'running');
  await expect.poll(iterations, { timeout: 20_000 }).toBeGreaterThan(2);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(status).toHaveAttribute('data-status', 'cancelled');
});

test('building a big random matrix is priced before it starts, shows its progress, and can be cancelled or survive a dead worker', async ({ page }) => {
  const app = new LinearMapPage(page);
  await app.open('#m=3,0;4,5');
  const form = page.getByRole('form', { name: 'Random matrix with a chosen spectrum' });
  await form.getByRole('spinbutton', { name: 'Rows' }).fill('2048');
  await form.getByRole('spinbutton', { name: 'Columns' }).fill('2048');
  await expect(page.getByTestId('generation-cost')).toContainText(/Building it takes about .+ on this device \(32 MiB of entries\)/);

  await form.getByRole('button', { name: 'Generate' }).click();
  const running = page.getByTestId('generation-running');
  await expect(running).toContainText('Building the matrix in the worker…');
  await expect(running).toContainText(/orthonormal Q1, .*%/, { timeout: 15_000 });
  await expect(page.getByTestId('generation-running-elapsed')).toContainText(/elapsed, about .+ left/);
  await running.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('Building the matrix was cancelled; the current matrix is unchanged.')).toBeVisible();
  await expect(running).toHaveCount(0);
  expect(await app.sigmaTexts()).toEqual(['6.70820', '2.23607']);

  // Again, and this time the worker dies: the message names it, the 2 x 2 matrix stays.
  await form.getByRole('button', { name: 'Generate' }).click();
  await expect(running).toContainText(/orthonormal Q1, .*%/, { timeout: 15_000 });
  await killWorker(page);
  await expect(form.getByRole('alert')).toContainText('The compute worker stopped unexpectedly');
  await expect(form.getByRole('button', { name: 'Generate' })).toBeEnabled();
  expect(await app.sigmaTexts()).toEqual(['6.70820', '2.23607']);

  // The restarted worker still works.
  await form.getByRole('spinbutton', { name: 'Rows' }).fill('40');
  await form.getByRole('spinbutton', { name: 'Columns' }).fill('30');
  await form.getByRole('button', { name: 'Generate' }).click();
  await expect(page.getByRole('heading', { name: 'Random 40 × 30, geometric spectrum' })).toBeVisible({ timeout: 20_000 });
});

test('a reload during a long SVD brings the matrix back and runs the SVD again', async ({ page }) => {
  test.setTimeout(90_000);
  const app = new LinearMapPage(page);
  await page.goto(`./${RANDOM_1024}`);
  await expect(page.getByTestId('svd-running')).toContainText('Computing the SVD…', { timeout: 30_000 });
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Random 1024 × 1024, linear spectrum' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('svd-summary')).toContainText('1024 × 1024, computed in the worker', { timeout: 60_000 });
  expect((await app.sigmaTexts())[0]).toBe('1.00000');
});

test('a reload during an exact SVD over the budget does not restart it by itself: it says why and offers it again', async ({ page }) => {
  test.setTimeout(120_000);
  // 3000 x 3000 float32 (36 MB): an exact SVD of about a minute here, over the 20 s budget.
  const n = 3000;
  const data = new Float32Array(n * n);
  let state = 99;
  for (let k = 0; k < data.length; k++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    data[k] = state / 2 ** 31 - 1;
  }
  const path = join(mkdtempSync(join(tmpdir(), 'faults-')), 'slow.npy');
  writeFileSync(path, writeNpy({ shape: [n, n], data }, 'float32'));

  const app = new LinearMapPage(page);
  await app.open('#m=3,0;4,5');
  await page.getByTestId('file-input').setInputFiles(path);
  const offer = page.getByRole('region', { name: 'SVD estimate' });
  await expect(offer).toContainText('over the 20 s budget, so it was not started', { timeout: 60_000 });
  await offer.getByRole('button', { name: 'Compute the exact SVD anyway' }).click();
  await expect(page.getByTestId('svd-running')).toContainText('Computing the SVD…');

  await page.reload();
  // A local file cannot be read again without the person: the link names it.
  await expect(page.getByRole('alert').filter({ hasText: 'This link needs your file slow.npy' })).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('file-input').setInputFiles(path);
  await expect(page.getByRole('heading', { name: 'slow from slow.npy' })).toBeVisible({ timeout: 60_000 });
  await expect(offer).toContainText('over the 20 s budget, so it was not started', { timeout: 60_000 });
  await expect(page.getByTestId('svd-running')).toHaveCount(0);
  await expect(offer.getByRole('button', { name: 'Compute the exact SVD anyway' })).toBeVisible();
});
