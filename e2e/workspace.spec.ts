import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { docImagePath } from './docImages';
import { LinearMapPage } from './pages';

interface TruncationCase {
  link: string;
  k: number;
  singular_values: number[];
  frobenius: number;
  spectral: number;
  relative_frobenius: number;
  energy: number;
}
const fixtures = JSON.parse(readFileSync(new URL('./fixtures/truncation.json', import.meta.url), 'utf8')) as Record<string, TruncationCase>;

async function readout(page: Page, id: string): Promise<number> {
  return Number(await page.getByTestId(id).getAttribute('data-value'));
}

/** Eckart-Young from numpy's singular values. */
function expectedErrors(s: number[], k: number) {
  const tail = s.slice(k).reduce((sum, x) => sum + x * x, 0);
  const total = s.reduce((sum, x) => sum + x * x, 0);
  return { frobenius: Math.sqrt(tail), spectral: s[k] ?? 0, energy: 1 - tail / total };
}

function expectClose(actual: number, expected: number, relative = 1e-9) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.max(Math.abs(expected), 1e-300) + 1e-15);
}

test.describe('the SVD workspace', () => {
  test('reads the truncation errors of a linked matrix, as numpy computes them', async ({ page }) => {
    const app = new LinearMapPage(page);
    const hilbert = fixtures.hilbert8_k3;
    await app.open(hilbert.link);
    await expect(page.getByRole('slider', { name: 'Rank' })).toHaveValue('3');
    await expect.poll(() => readout(page, 'error-frobenius')).toBeGreaterThan(0);
    expectClose(await readout(page, 'error-frobenius'), hilbert.frobenius, 1e-6);
    expectClose(await readout(page, 'error-spectral'), hilbert.spectral, 1e-6);
    expectClose(await readout(page, 'relative-frobenius'), hilbert.relative_frobenius, 1e-6);
    expectClose(await readout(page, 'energy'), hilbert.energy, 1e-12);
    await expect(page.getByTestId('break-even')).toHaveText('4.00');

    // Moving the rank with the keyboard updates every readout from the cached factors.
    const slider = page.getByRole('slider', { name: 'Rank' });
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await expect(slider).toHaveValue('4');
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('&r=4');
    const expected = expectedErrors(hilbert.singular_values, 4);
    expectClose(await readout(page, 'error-frobenius'), expected.frobenius, 1e-5);
    expectClose(await readout(page, 'error-spectral'), expected.spectral, 1e-5);
  });

  test('a rank-1 truncation of the 2x2 example matches the reference values', async ({ page }) => {
    const app = new LinearMapPage(page);
    const example = fixtures.a2x2_k1;
    await app.open(example.link);
    await expect.poll(() => readout(page, 'error-frobenius')).toBeGreaterThan(0);
    expectClose(await readout(page, 'error-frobenius'), Math.sqrt(5), 1e-12);
    expectClose(await readout(page, 'error-spectral'), Math.sqrt(5), 1e-12);
    expectClose(await readout(page, 'energy'), example.energy, 1e-12);
    await expect(page.locator('#scene-description')).toContainText('Truncated to rank 1');
  });

  test('switches a big matrix between the point cloud, the heatmaps and back', async ({ page }) => {
    const app = new LinearMapPage(page);
    await app.open('#p=random&size=200x120&spectrum=geometric&decay=0.001&seed=5&r=10&view=cloud');
    await expect(page.getByRole('heading', { name: 'Random 200 × 120, geometric spectrum' })).toBeVisible();
    await expect(page.getByRole('img', { name: 'Point cloud scene' })).toBeVisible();
    await expect(page.locator('#scene-description')).toContainText('The 200 rows of the 200 by 120 matrix');
    await expect.poll(() => app.drawnFraction(), { timeout: 15_000 }).toBeGreaterThan(0.005);

    await page.getByRole('radio', { name: 'columns' }).click();
    await expect(page.locator('#scene-description')).toContainText('The 120 columns');

    await page.getByRole('radio', { name: 'Heatmaps' }).click();
    await expect(page.getByRole('img', { name: 'A, A_k (k = 10) and A − A_k' })).toBeVisible();
    await expect(page.getByRole('img', { name: 'Point cloud scene' })).toHaveCount(0);

    await page.getByRole('radio', { name: 'Point cloud' }).click();
    await expect(page.getByRole('img', { name: 'Point cloud scene' })).toBeVisible();
    await expect(page.getByRole('radio', { name: 'Linear map' })).toBeDisabled();
    // The arrow keys skip the unavailable view: left from the cloud wraps round to the heatmaps.
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByRole('radio', { name: 'Heatmaps' })).toBeChecked();
    await expect(page.getByRole('radio', { name: 'Heatmaps' })).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('radio', { name: 'Point cloud' })).toBeChecked();
  });

  test('the heatmaps say when they still show the previous matrix', async ({ page }) => {
    const app = new LinearMapPage(page);
    await app.open('#p=random&size=200x120&spectrum=geometric&decay=0.001&seed=5&r=10&view=heatmaps');
    await expect(page.getByRole('img', { name: 'A, A_k (k = 10) and A − A_k' })).toBeVisible();
    await expect(page.getByTestId('heatmaps-outdated')).toHaveCount(0);
    // A bigger matrix takes a few seconds; meanwhile the previous one stays on screen, labelled.
    await page.goto('./#p=random&size=1200x1000&spectrum=geometric&decay=0.001&seed=6&r=10&view=heatmaps');
    await expect(page.getByTestId('heatmaps-outdated')).toHaveText(/show the previous matrix until the SVD of the current one is ready/);
    await expect(page.getByText('1200 × 1000, computed in the worker')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('heatmaps-outdated')).toHaveCount(0);
  });

  test('exports the spectrum as SVG and PNG', async ({ page }) => {
    const app = new LinearMapPage(page);
    await app.open('#m=1,0.5,0.2;0.5,2,0.1;0.2,0.1,0.5&r=2');
    const frame = page.getByRole('heading', { name: 'Singular value spectrum' }).locator('..');
    const [svgDownload] = await Promise.all([page.waitForEvent('download'), frame.getByRole('button', { name: 'Export SVG' }).click()]);
    expect(svgDownload.suggestedFilename()).toMatch(/\.svg$/);
    const svg = readFileSync(await svgDownload.path(), 'utf8');
    expect(svg).toContain('<svg');
    expect(svg).toContain('k = 2');
    const [pngDownload] = await Promise.all([page.waitForEvent('download'), frame.getByRole('button', { name: 'Export PNG' }).click()]);
    expect(pngDownload.suggestedFilename()).toMatch(/\.png$/);
    const png = readFileSync(await pngDownload.path());
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.length).toBeGreaterThan(1000);
  });

  test('pastes a matrix in NumPy form, and explains a broken paste while keeping the matrix', async ({ page }) => {
    const app = new LinearMapPage(page);
    await app.open('#m=3,0;4,5');
    await page.getByText('Paste a matrix').click();
    await page.getByLabel(/CSV, TSV/).fill('array([[2., 0.], [0., 1.]])');
    await page.getByRole('button', { name: 'Use pasted matrix' }).click();
    await expect.poll(() => app.sigmaTexts()).toEqual(['2.00000', '1.00000']);
    await page.getByLabel(/CSV, TSV/).fill('1, 2\n3');
    await page.getByRole('button', { name: 'Use pasted matrix' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'row 2' })).toBeVisible();
    await expect.poll(() => app.sigmaTexts()).toEqual(['2.00000', '1.00000']);
  });

  test('opens the word embeddings and labels the point under the pointer', async ({ page }) => {
    const app = new LinearMapPage(page);
    await app.open('#m=3,0;4,5');
    await page.getByRole('button', { name: 'Word embeddings' }).click();
    await expect(page.getByRole('heading', { name: /Word embeddings, 3000 words × 100 dimensions/ })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('img', { name: 'Point cloud scene' })).toBeVisible();
    const canvas = page.getByRole('img', { name: 'Point cloud scene' });
    // The preset button sits low in the page: bring the scene back into view before pointing at it.
    await canvas.scrollIntoViewIfNeeded();
    await page.waitForTimeout(500);
    const box = (await canvas.boundingBox())!;
    // Sweep the pointer over the canvas on a grid until a word label appears.
    let found = false;
    for (let i = 0; i < 24 && !found; i++) {
      for (let j = 0; j < 16 && !found; j++) {
        await page.mouse.move(box.x + (box.width * (i + 0.5)) / 24, box.y + (box.height * (j + 0.5)) / 16);
        const label = page.locator('.cloud-label');
        found = (await label.count()) > 0 && (await label.isVisible()) && /[a-z]/.test(await label.innerText());
      }
    }
    expect(found).toBe(true);
  });
});

test('principal angles between the subspaces of A and a perturbed A', async ({ page }) => {
  const app = new LinearMapPage(page);
  await app.open('#p=random&size=200x120&spectrum=geometric&decay=0.001&seed=5&r=10&view=cloud');
  await expect(page.getByText('200 × 120, computed in the worker')).toBeVisible({ timeout: 30_000 });
  await page.getByLabel('Principal angles between the rank-k subspaces of A and of a second matrix').check();
  await expect(page.getByTestId('compare-summary')).toContainText('The top-10 row space');
  await expect(page.getByRole('table', { name: 'Principal angles' })).toContainText('θ1');
  await page.getByLabel('Noise ‖N‖_F / ‖A‖_F').fill('0');
  await expect(page.getByTestId('compare-summary')).toContainText('0.0 % of');
  await expect(page.getByTestId('compare-summary')).toContainText('angles from 0.00° to 0.00°');
});

test('draws the compared subspace with A\'s in the 3D map, with its angle', async ({ page }) => {
  const app = new LinearMapPage(page);
  await app.open('#m=2,0.3,0.1;0.2,1.5,0.2;0.1,0.1,0.4&r=2');
  await page.getByLabel('Principal angles between the rank-k subspaces of A and of a second matrix').check();
  await page.getByLabel('Noise ‖N‖_F / ‖A‖_F').fill('0.4');
  await expect(page.getByTestId('compare-summary')).toContainText('The top-2 row space');
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(page.getByText(/B's subspace \(θ max = \d+\.\d°\)/)).toBeVisible();
  await expect.poll(() => app.drawnFraction(), { timeout: 15_000 }).toBeGreaterThan(0.01);
  await page.waitForTimeout(300);
  await page.screenshot({ path: docImagePath('compare-map') });
});
