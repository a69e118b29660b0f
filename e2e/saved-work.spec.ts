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

  test('a damaged saved entry: the app starts with a message, and the workspace starts fresh', async ({ page }) => {
    const app = new LinearMapPage(page);
    await app.open('#m=3,0;4,5');
    await page.waitForTimeout(800); // the save settles
    await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('subspace-explorer', 1);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const tx = db.transaction('work', 'readwrite');
      tx.objectStore('work').put({ matrix: { rows: 2, cols: 2, data: 'not numbers' }, view: 42 }, 'workspace:svd');
      await new Promise((resolve) => (tx.oncomplete = resolve));
      db.close();
      history.replaceState(null, '', location.pathname);
    });
    await page.reload();
    await expect(page.getByRole('alert').filter({ hasText: 'could not be read; it starts fresh' })).toBeVisible();
    await page.getByRole('navigation', { name: 'Workspaces' }).getByRole('link', { name: 'Matrix / SVD' }).click();
    await expect(app.singularValues()).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Typed matrix' })).toBeVisible();
  });

  test('a full storage: a message says the work is not saved, and the page goes on working', async ({ page }) => {
    await page.addInitScript(() => {
      IDBObjectStore.prototype.put = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    const app = new LinearMapPage(page);
    await app.open('#m=3,0;4,5');
    await app.cell(1, 2).fill('1');
    await expect(page.getByRole('alert').filter({ hasText: 'Your work could not be saved in this browser.' })).toContainText("storage for this page is full");
    await expect.poll(() => app.sigmaTexts()).toEqual(['6.96458', '1.57942']);
  });
});
