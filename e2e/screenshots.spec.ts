/**
 * The pictures in the README and docs/workspace.md, taken from the production build so they show
 * what people get. Each also checks that its view drew something. They go to
 * test-results/screenshots/, and replace docs/images/ only with UPDATE_DOC_IMAGES=1 (see docImages.ts).
 */
import { expect, test, type Page } from '@playwright/test';
import { docImagePath } from './docImages';
import { LinearMapPage } from './pages';

async function shoot(page: Page, name: string) {
  await page.waitForTimeout(600); // let the point glide and labels settle
  await page.screenshot({ path: docImagePath(name) });
}

test.describe('screenshots of each view', () => {
  test.use({ viewport: { width: 1440, height: 960 } });

  test('a 3 x 2 map with its fundamental subspaces', async ({ page }) => {
    const app = new LinearMapPage(page);
    await app.open('#m=1,0.5;0.2,1;0.8,-0.6');
    await expect.poll(() => app.drawnFraction(), { timeout: 15_000 }).toBeGreaterThan(0.01);
    await shoot(page, 'map-3x2');
  });

  test('a rank-deficient 3 x 3 map, half way through the animation', async ({ page }) => {
    const app = new LinearMapPage(page);
    await app.open('#m=1,2,3;4,5,6;7,8,9&step=1.5');
    await expect(app.stepSlider()).toHaveValue('1.5');
    await expect.poll(() => app.drawnFraction(), { timeout: 15_000 }).toBeGreaterThan(0.01);
    await shoot(page, 'map-rank-deficient');
  });

  test('word embeddings as a point cloud', async ({ page }) => {
    const app = new LinearMapPage(page);
    await app.open('#p=embeddings&r=3&view=cloud');
    await expect(page.getByRole('heading', { name: /Word embeddings/ })).toBeVisible({ timeout: 30_000 });
    await expect.poll(() => app.drawnFraction(), { timeout: 15_000 }).toBeGreaterThan(0.005);
    await shoot(page, 'cloud-embeddings');
  });

  test('heatmaps of a random matrix and its truncation', async ({ page }) => {
    const app = new LinearMapPage(page);
    await app.open('#p=random&size=120x80&spectrum=power&decay=1&seed=3&r=8&view=heatmaps');
    await expect(page.getByRole('img', { name: 'A, A_k (k = 8) and A − A_k' })).toBeVisible({ timeout: 30_000 });
    await shoot(page, 'heatmaps');
  });
});
