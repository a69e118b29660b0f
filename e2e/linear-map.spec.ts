import { expect, test } from '@playwright/test';
import { docImagePath } from './docImages';
import { LinearMapPage } from './pages';

test.describe('a 2x2 matrix as a linear map', () => {
  test('opens a matrix from the link and lists its singular values', async ({ page }) => {
    const app = new LinearMapPage(page);
    await app.open('#m=3,0;4,5');
    await expect.poll(() => app.sigmaTexts()).toEqual(['6.70820', '2.23607']);
    await expect(app.cell(2, 1)).toHaveValue('4');
    await expect(page.locator('#scene-description')).toContainText('sigma 1 = 6.70820, sigma 2 = 2.23607');
  });

  test('plays the animation to the end', async ({ page }) => {
    const app = new LinearMapPage(page);
    await app.open('#m=3,0;4,5');
    await page.getByRole('button', { name: 'Play' }).click();
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible({ timeout: 10_000 });
    await expect(app.stepSlider()).toHaveValue('3');
    await expect(page.getByTestId('stage-name')).toHaveText('UΣVᵀx');
  });

  test('steps with the keyboard', async ({ page }) => {
    const app = new LinearMapPage(page);
    await app.open('#m=3,0;4,5');
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect(app.stepSlider()).toHaveValue('1');
    await expect(page.getByTestId('stage-name')).toHaveText('Vᵀx');
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('stage-name')).toHaveText('ΣVᵀx');
    await page.keyboard.press('Space');
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  });

  test('radio groups take arrow keys, with one tab stop, and do not step the animation', async ({ page }) => {
    const app = new LinearMapPage(page);
    await app.open('#m=3,0;4,5');
    const stage = await page.getByTestId('stage-name').textContent();
    const views = page.getByRole('radiogroup', { name: 'View' });
    await expect(views.getByRole('radio', { name: 'Linear map' })).toHaveAttribute('tabindex', '0');
    await expect(views.getByRole('radio', { name: 'Point cloud' })).toHaveAttribute('tabindex', '-1');
    await views.getByRole('radio', { name: 'Linear map' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(views.getByRole('radio', { name: 'Point cloud' })).toBeChecked();
    await expect(views.getByRole('radio', { name: 'Point cloud' })).toBeFocused();
    await page.keyboard.press('End');
    await expect(views.getByRole('radio', { name: 'Heatmaps' })).toBeChecked();
    await page.keyboard.press('ArrowRight'); // wraps to the first
    await expect(views.getByRole('radio', { name: 'Linear map' })).toBeChecked();
    await page.keyboard.press('ArrowLeft');
    await expect(views.getByRole('radio', { name: 'Heatmaps' })).toBeChecked();
    await page.keyboard.press('Home');
    await expect(views.getByRole('radio', { name: 'Linear map' })).toBeChecked();
    await expect(page.getByTestId('stage-name')).toHaveText(stage ?? '');
    // A group with nothing checked (a 2 x 3 matrix is none of the listed sizes) still has a tab stop.
    await app.open('#m=1,2,3;4,5,6');
    await expect(page.locator('.shape').first()).toHaveText('2 × 3');
    const sizes = page.getByRole('radiogroup', { name: 'Matrix size' });
    await expect(sizes.getByRole('radio', { checked: true })).toHaveCount(0);
    await expect(sizes.getByRole('radio', { name: '2 × 2' })).toHaveAttribute('tabindex', '0');
  });

  test('draws the scene with WebGL', async ({ page }) => {
    const app = new LinearMapPage(page);
    await app.open('#m=3,0;4,5');
    await expect(app.canvas()).toBeVisible();
    await expect.poll(() => app.drawnFraction(), { timeout: 15_000 }).toBeGreaterThan(0.01);
  });

  test('recomputes when a cell is edited and updates the link', async ({ page }) => {
    const app = new LinearMapPage(page);
    await app.open('#m=3,0;4,5');
    await app.cell(1, 2).fill('1');
    // [[3,1],[4,5]]: singular values 6.96458..., 1.57942...
    await expect.poll(() => app.sigmaTexts()).toEqual(['6.96458', '1.57942']);
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#m=3,1;4,5');
  });

  test('keeps the previous values when a cell holds garbage', async ({ page }) => {
    const app = new LinearMapPage(page);
    await app.open('#m=3,0;4,5');
    await app.cell(2, 2).fill('5x');
    await expect(page.getByText('"5x" is not a number.')).toBeVisible();
    await expect(app.cell(2, 2)).toHaveAttribute('aria-invalid', 'true');
    await page.waitForTimeout(300);
    await expect.poll(() => app.sigmaTexts()).toEqual(['6.70820', '2.23607']);
  });

  test('moves between cells with Tab', async ({ page }) => {
    const app = new LinearMapPage(page);
    await app.open('#m=3,0;4,5');
    await app.cell(1, 1).focus();
    await page.keyboard.press('Tab');
    await expect(app.cell(1, 2)).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(app.cell(2, 1)).toBeFocused();
  });

  test('switches to 3x3 and shows three singular values', async ({ page }) => {
    const app = new LinearMapPage(page);
    await app.open('#m=3,0;4,5');
    await page.getByRole('radio', { name: '3 × 3' }).click();
    await expect.poll(() => app.sigmaTexts()).toEqual(['6.70820', '2.23607', '1.00000']);
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#m=3,0,0;4,5,0;0,0,1');
  });

  test('a bad link shows a message and keeps the current matrix', async ({ page }) => {
    const app = new LinearMapPage(page);
    await app.open('#m=3,0;4,5');
    await page.evaluate(() => { location.hash = '#m=1,2;oops'; });
    await expect(page.getByRole('alert')).toContainText('could not be opened');
    await expect(page.getByRole('alert')).toContainText('Row 2');
    await expect.poll(() => app.sigmaTexts()).toEqual(['6.70820', '2.23607']);
    await expect(app.cell(1, 1)).toHaveValue('3');
  });

  test('says when a reflection is unavoidable', async ({ page }) => {
    const app = new LinearMapPage(page);
    await app.open('#m=0,1;1,0');
    await expect(page.locator('#scene-description')).toContainText('reverses orientation');
  });

  test('README screenshot', async ({ page }) => {
    const app = new LinearMapPage(page);
    await app.open('#m=1.2,0.4,0.3;0.5,1.6,-0.2;0.1,0.4,0.7');
    await expect.poll(() => app.drawnFraction(), { timeout: 15_000 }).toBeGreaterThan(0.01);
    await page.screenshot({ path: docImagePath('linear-map') });
  });
});
