/**
 * The randomized SVD as a method of the workspace: the top k triplets only, the errors of the
 * computed factors exact (from ||A||_F^2), sigma_{k+1} honestly unknown at the last computed rank,
 * and the method in links.
 */
import { expect, test } from '@playwright/test';
import { LinearMapPage } from './pages';

test('top k by the randomized SVD: same errors, a smaller slider, and the method travels with the link', async ({ page, context }) => {
  const app = new LinearMapPage(page);
  await app.open('#p=random&size=600x400&spectrum=geometric&decay=0.001&seed=3&r=20&view=cloud');
  await expect(page.getByText('600 × 400, computed in the worker')).toBeVisible({ timeout: 60_000 });
  const exact = Number(await page.getByTestId('error-frobenius').getAttribute('data-value'));

  await page.getByRole('radio', { name: 'Top k (randomized)' }).click();
  await page.getByLabel('k computed').fill('30');
  await page.getByLabel('k computed').press('Enter');
  await expect(page.getByText('600 × 400, top 30 of 400 by the randomized SVD')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('randomized-bound')).toContainText('Top 30 of 400 singular values');
  const slider = page.getByRole('slider', { name: 'Rank' });
  await expect(slider).toHaveAttribute('aria-valuetext', 'rank 20 of 30');
  // The error of the computed factors, ||A||_F^2 - sum of the top sigma^2 under the root: never
  // below the optimum (Eckart-Young), and close to it (this spectrum decays slowly: 0.98 per value).
  const randomized = async () => Number(await page.getByTestId('error-frobenius').getAttribute('data-value'));
  await expect.poll(randomized).not.toBe(exact);
  expect(await randomized()).toBeGreaterThanOrEqual(exact * (1 - 1e-12));
  expect(await randomized()).toBeLessThan(exact * 1.02);

  await slider.focus();
  await page.keyboard.press('End');
  await expect(slider).toHaveAttribute('aria-valuetext', 'rank 30 of 30');
  await expect(page.getByTestId('error-spectral')).toHaveText('not computed');

  // The address follows the state 150 ms behind (throttled): wait for the rank too (the full 30 is
  // written as no r at all), not only the method, or the link read is the one of rank 20.
  await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/svd=rand,30,10,2,1&view=cloud$/);
  const frobenius = await page.getByTestId('error-frobenius').getAttribute('data-value');
  const other = await context.newPage();
  await other.goto(await page.evaluate(() => location.href));
  await expect(other.getByText('600 × 400, top 30 of 400 by the randomized SVD')).toBeVisible({ timeout: 60_000 });
  await expect(other.getByTestId('error-frobenius')).toHaveAttribute('data-value', frobenius!);

  // Back to the exact SVD: all 400 values, and sigma_31 is known again.
  await page.getByRole('radio', { name: 'Exact' }).click();
  await expect(page.getByText('600 × 400, computed in the worker')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('error-spectral')).not.toHaveText('not computed');
});

test('a long exact SVD shows its progress and can be switched to the randomized SVD while it runs', async ({ page }) => {
  const app = new LinearMapPage(page);
  await app.open('#p=random&size=1500x1200&seed=3&r=30&view=cloud');
  await expect(page.getByLabel('SVD progress')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('radio', { name: 'Top k (randomized)' }).click();
  await expect(page.getByText('1500 × 1200, top 100 of 1200 by the randomized SVD')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('slider', { name: 'Rank' })).toHaveAttribute('aria-valuetext', 'rank 30 of 100');
});
