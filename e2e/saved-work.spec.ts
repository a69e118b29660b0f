import { expect, test } from '@playwright/test';
import { LinearMapPage } from './pages';

test.describe('saved work', () => {
  test('a pasted matrix too big for a link survives a reload', async ({ page }) => {
    const app = new LinearMapPage(page);
    await app.open('#m=3,0;4,5');
    const rows = Array.from({ length: 60 }, (_, i) => Array.from({ length: 50 }, (_, j) => Math.cos(i * 0.7 + j * 1.3).toFixed(8)).join(' '));
    await page.getByText('Paste a matrix').click();
    await page.getByLabel(/CSV, TSV/).fill(rows.join('\n'));
    await page.getByRole('button', { name: 'Use pasted matrix' }).click();
    await expect(page.getByText('60 × 50, computed in the worker')).toBeVisible();
    await page.getByRole('slider', { name: 'Rank' }).fill('7');
    const sigmas = await app.sigmaTexts();
    // Too big for a link: the address keeps the workspace, and the saved work fills it on reload.
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#w=svd');
    await page.waitForTimeout(800); // the save settles
    await page.reload();
    await expect(page.getByText('60 × 50, computed in the worker')).toBeVisible();
    await expect.poll(() => app.sigmaTexts()).toEqual(sigmas);
    await expect(page.getByRole('heading', { name: 'Pasted 60 × 50 matrix' })).toBeVisible();
    await expect(page.getByRole('slider', { name: 'Rank' })).toHaveValue('7');
  });

  test('undo and redo edits with the buttons and the keyboard', async ({ page }) => {
    const app = new LinearMapPage(page);
    await app.open('#m=3,0;4,5');
    await app.cell(1, 2).fill('1');
    await expect.poll(() => app.sigmaTexts()).toEqual(['6.96458', '1.57942']);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => app.sigmaTexts()).toEqual(['6.70820', '2.23607']);
    await expect(app.cell(1, 2)).toHaveValue('0');
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+Shift+Z');
    await expect.poll(() => app.sigmaTexts()).toEqual(['6.96458', '1.57942']);
    await page.keyboard.press('Control+Z');
    await expect(app.cell(1, 2)).toHaveValue('0');
  });
});
