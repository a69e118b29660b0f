import { expect, test } from '@playwright/test';
import { LinearMapPage } from './pages';

test.describe('links', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('"Copy link" reopens the same numbers and view in a new page', async ({ page, context }) => {
    const app = new LinearMapPage(page);
    await app.open('#p=random&size=60x40&spectrum=power&decay=1&seed=9&r=6&view=heatmaps');
    await expect(page.getByText('60 × 40, computed in the worker')).toBeVisible({ timeout: 30_000 });
    const sigmas = await app.sigmaTexts();
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect(page.getByRole('status')).toContainText('Link copied');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toContain('#p=random&size=60x40');

    const other = await context.newPage();
    const again = new LinearMapPage(other);
    await other.goto(link);
    await expect(other.getByText('60 × 40, computed in the worker')).toBeVisible({ timeout: 30_000 });
    await expect.poll(() => again.sigmaTexts()).toEqual(sigmas);
    await expect(other.getByRole('slider', { name: 'Rank' })).toHaveValue('6');
    await expect(other.getByRole('radio', { name: 'Heatmaps' })).toHaveAttribute('aria-checked', 'true');
  });

  test('a pasted 20 x 15 matrix travels in a compact link, exactly', async ({ page, context }) => {
    const app = new LinearMapPage(page);
    await app.open('#m=3,0;4,5');
    const rows = Array.from({ length: 20 }, (_, i) => Array.from({ length: 15 }, (_, j) => (Math.sin(i * 15 + j) * 10).toFixed(6)).join(','));
    await page.getByText('Paste a matrix').click();
    await page.getByLabel(/CSV, TSV/).fill(rows.join('\n'));
    await page.getByRole('button', { name: 'Use pasted matrix' }).click();
    await expect(page.getByText('20 × 15, computed in the worker')).toBeVisible();
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#v1\./);
    await expect(page.getByRole('status')).toContainText('Compact link');
    const sigmas = await app.sigmaTexts();
    const link = await page.evaluate(() => location.href);

    const other = await context.newPage();
    const again = new LinearMapPage(other);
    await other.goto(link);
    await expect(other.getByText('20 × 15, computed in the worker')).toBeVisible();
    await expect.poll(() => again.sigmaTexts()).toEqual(sigmas);
    await expect(other.getByRole('heading', { name: 'Pasted 20 × 15 matrix' })).toBeVisible();
  });

  test('Back returns to the previous matrix after a preset', async ({ page }) => {
    const app = new LinearMapPage(page);
    await app.open('#m=3,0;4,5');
    await page.waitForTimeout(300);
    await page.getByRole('button', { name: 'Shear' }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#m=1,1;0,1');
    await page.goBack();
    await expect.poll(() => app.sigmaTexts()).toEqual(['6.70820', '2.23607']);
  });

  test('a damaged compact link shows a message and keeps the work', async ({ page }) => {
    const app = new LinearMapPage(page);
    await app.open('#m=3,0;4,5');
    await page.evaluate(() => { location.hash = '#v1.AAAAbroken'; });
    await expect(page.getByRole('alert')).toContainText('could not be opened');
    await expect.poll(() => app.sigmaTexts()).toEqual(['6.70820', '2.23607']);
  });
});

test('the camera travels with the link', async ({ page, context }) => {
  const app = new LinearMapPage(page);
  await app.open('#m=1.2,0.4,0.3;0.5,1.6,-0.2;0.1,0.4,0.7');
  await expect.poll(() => app.drawnFraction(), { timeout: 15_000 }).toBeGreaterThan(0.01);
  const before = await app.canvasSignature();
  const box = (await app.canvas().boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.75, box.y + box.height * 0.35, { steps: 8 });
  await page.mouse.up();
  await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/&cam=-?[\d.]+,-?[\d.]+,-?[\d.]+/);
  await page.waitForTimeout(300);
  const turned = await app.canvasSignature();
  const distance = (a: number[], b: number[]) => a.reduce((sum, x, i) => sum + Math.abs(x - b[i]), 0) / a.length;
  expect(distance(before, turned)).toBeGreaterThan(2);

  const other = await context.newPage();
  const again = new LinearMapPage(other);
  await other.goto(await page.evaluate(() => location.href));
  await expect.poll(() => again.drawnFraction(), { timeout: 15_000 }).toBeGreaterThan(0.01);
  await other.waitForTimeout(300);
  expect(distance(await again.canvasSignature(), turned)).toBeLessThan(distance(before, turned) / 4);
});

test('a subspace comparison and the attention workspace each travel with their link', async ({ page, context }) => {
  const app = new LinearMapPage(page);
  await app.open('#m=2,0.3,0.1;0.2,1.5,0.2;0.1,0.1,0.4&r=2');
  await page.getByLabel('Principal angles between the rank-k subspaces of A and of a second matrix').check();
  await page.getByLabel('Noise ‖N‖_F / ‖A‖_F').fill('0.3');
  // Wait for the comparison at the new noise level (the default 0.1 gives about 12 %).
  await expect(page.getByTestId('compare-summary')).toContainText(/The top-2 row space .*‖B − A‖F = 3\d\.\d %/);
  const summary = await page.getByTestId('compare-summary').innerText();
  await expect.poll(() => page.evaluate(() => location.hash)).toContain('cmp=row,0.3,1');
  const compareLink = await page.evaluate(() => location.href);
  await page.getByRole('navigation', { name: 'Workspaces' }).getByRole('link', { name: 'Attention' }).click();
  await page.getByLabel('Head size d_head').fill('32');
  await expect(page.getByTestId('attention-rank')).toContainText('has rank 32 (head size 32)');
  await expect.poll(() => page.evaluate(() => location.hash)).toBe('#w=attention&att=96,1,32,1,xw');

  const other = await context.newPage();
  await other.goto(await page.evaluate(() => location.href));
  await expect(other.getByTestId('attention-rank')).toContainText('has rank 32 (head size 32)');
  const third = await context.newPage();
  await third.goto(compareLink);
  await expect(third.getByTestId('compare-summary')).toHaveText(summary);
});
