/**
 * Workspaces as a person meets them: the start page, the switch in the header, each workspace
 * keeping its state, Back and Forward across them, a 3-D array opened by an unfolding, the array
 * picker at a laptop's width, and the shortcuts list.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LinearMapPage } from './pages';
import { docImagePath } from './docImages';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const expected = JSON.parse(readFileSync(fixture('files.json'), 'utf8')) as Record<string, number[]>;

const nav = (page: Page) => page.getByRole('navigation', { name: 'Workspaces' });

test('the start page offers the workspaces, and an example opens a real decomposition', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'Matrix and tensor decompositions, seen as geometry' })).toBeVisible();
  await expect(nav(page).getByRole('link', { name: 'Start' })).toHaveAttribute('aria-current', 'page');
  const cards = page.getByRole('region', { name: 'Workspaces' }).or(page.locator('.workspace-cards'));
  await expect(cards.getByRole('link', { name: 'Matrix / SVD' })).toBeVisible();
  await expect(cards.getByRole('link', { name: 'Attention' })).toBeVisible();
  await page.screenshot({ path: docImagePath('start-page') });
  await page.getByRole('link', { name: /A 3 × 3 map, halfway/ }).click();
  const app = new LinearMapPage(page);
  await expect(app.singularValues()).toBeVisible();
  await expect.poll(() => app.sigmaTexts()).toHaveLength(3);
  await expect(nav(page).getByRole('link', { name: 'Matrix / SVD' })).toHaveAttribute('aria-current', 'page');
  // Back returns to the start page.
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Matrix and tensor decompositions, seen as geometry' })).toBeVisible();
  // The header's Start link leads there too, at the bare address.
  await page.goForward();
  await expect(app.singularValues()).toBeVisible();
  await nav(page).getByRole('link', { name: 'Start' }).click();
  await expect(page.getByRole('heading', { name: 'Matrix and tensor decompositions, seen as geometry' })).toBeVisible();
  expect(page.url()).toMatch(/\/$/);
});

test('each workspace keeps its state while the other is visited, and Back/Forward cross them', async ({ page }) => {
  const app = new LinearMapPage(page);
  await app.open('#m=3,0;4,5');
  await app.cell(1, 2).fill('1');
  await expect.poll(() => app.sigmaTexts()).toEqual(['6.96458', '1.57942']);
  await nav(page).getByRole('link', { name: 'Attention' }).click();
  await page.getByLabel('Head size d_head').fill('8');
  await expect(page.getByTestId('attention-rank')).toContainText('has rank 8 (head size 8)');
  await expect.poll(() => page.evaluate(() => location.hash)).toBe('#w=attention&att=96,1,8,1,xw');

  await nav(page).getByRole('link', { name: 'Matrix / SVD' }).click();
  await expect.poll(() => app.sigmaTexts()).toEqual(['6.96458', '1.57942']);
  await expect(app.cell(1, 2)).toHaveValue('1');
  await nav(page).getByRole('link', { name: 'Attention' }).click();
  await expect(page.getByTestId('attention-rank')).toContainText('has rank 8 (head size 8)');

  await page.goBack();
  await expect.poll(() => app.sigmaTexts()).toEqual(['6.96458', '1.57942']);
  await page.goForward();
  await expect(page.getByTestId('attention-rank')).toContainText('has rank 8 (head size 8)');
  await expect(nav(page).getByRole('link', { name: 'Attention' })).toHaveAttribute('aria-current', 'page');
});

test('a link made before workspaces (view=attention) opens the attention workspace', async ({ page }) => {
  await page.goto('./#m=3,0;4,5&view=attention&att=64,2,8,1,xw');
  await expect(page.getByTestId('attention-rank')).toContainText('is 64 × 64 but has rank 8 (head size 8)');
  await expect(nav(page).getByRole('link', { name: 'Attention' })).toHaveAttribute('aria-current', 'page');
});

test('a 3-D .npy opens as a matrix by the unfolding the person picks, with numpy\'s singular values, and the link keeps the unfolding', async ({ page, context }) => {
  const app = new LinearMapPage(page);
  await app.open('#m=3,0;4,5');
  await page.getByTestId('file-input').setInputFiles(fixture('cube.npy'));
  const list = page.getByRole('listbox', { name: /Arrays in cube\.npy/ });
  await expect(list.getByRole('option', { name: /8 × 10 × 12/ })).toHaveAttribute('aria-selected', 'true');
  // The slice is the default; the shape of each choice is shown before anything opens.
  await expect(page.getByTestId('picked-shape')).toHaveText('→ a 10 × 12 matrix');
  await page.getByLabel('As a matrix').selectOption({ label: 'mode-3 unfolding: 12 × 80' });
  await expect(page.getByTestId('picked-shape')).toHaveText('→ a 12 × 80 matrix');
  await page.getByRole('button', { name: 'Open cube' }).click();
  await expect(page.getByRole('heading', { name: 'cube (mode-3 unfolding) from cube.npy' })).toBeVisible();
  const sigmas = expected['cube mode-3 unfolding'].map((x) => x.toFixed(5));
  await expect.poll(() => app.sigmaTexts()).toEqual(sigmas);
  // 960 entries are too many to inline: the link names the file, the unfolding (counted from 1) and the hash.
  await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#file=cube\.npy&size=\d+&entry=cube&unfold=3&sha256=[0-9a-f]{64}/);
  const other = await context.newPage();
  await other.goto(await page.evaluate(() => location.href));
  await expect(other.getByRole('alert').filter({ hasText: 'This link needs your file cube.npy' })).toBeVisible();
  await other.getByTestId('file-input').setInputFiles(fixture('cube.npy'));
  await expect.poll(() => new LinearMapPage(other).sigmaTexts()).toEqual(sigmas);
});

test('the array picker reads well at 1280 px: whole names, the Open button in view, keyboard and filter', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const app = new LinearMapPage(page);
  await app.open('#m=3,0;4,5');
  // A checkpoint with long names and more arrays than fit: built here, not committed.
  const names = Array.from({ length: 12 }, (_, i) => `model.layers.${i >> 2}.self_attn.${'qkvo'[i % 4]}_proj.weight`);
  const header: Record<string, unknown> = {};
  const blobs: Buffer[] = [];
  let offset = 0;
  names.forEach((name, i) => {
    const data = Buffer.alloc(4 * 8 * 8);
    for (let k = 0; k < 32; k++) data.writeDoubleLE(Math.sin(i + k * (i + 1)), 8 * k);
    header[name] = { dtype: 'F64', shape: [4, 8], data_offsets: [offset, offset + data.length] };
    offset += data.length;
    blobs.push(data);
  });
  const json = Buffer.from(JSON.stringify(header));
  const length = Buffer.alloc(8);
  length.writeBigUInt64LE(BigInt(json.length));
  await page.getByTestId('file-input').setInputFiles({ name: 'checkpoint.safetensors', mimeType: 'application/octet-stream', buffer: Buffer.concat([length, json, ...blobs]) });
  const list = page.getByRole('listbox', { name: /Arrays in checkpoint\.safetensors/ });
  await expect(list.getByRole('option')).toHaveCount(12);
  // The whole name is readable (not cut), and the Open button lies inside the panel.
  const panel = await page.locator('.file-panel').boundingBox();
  const open = await page.getByRole('button', { name: /^Open model\./ }).boundingBox();
  expect(open && panel && open.x + open.width <= panel.x + panel.width).toBe(true);
  await expect(list.getByRole('option').first()).toContainText('model.layers.0.self_attn.q_proj.weight');
  // Keyboard: the arrows move the selection, Enter opens.
  await list.getByRole('option').first().focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(list.getByRole('option', { name: /self_attn\.v_proj/ }).first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'model.layers.0.self_attn.v_proj.weight from checkpoint.safetensors' })).toBeVisible();
  // The filter narrows the list by name.
  await page.getByLabel(/Filter Arrays in checkpoint/).fill('layers.2.self_attn.k');
  await expect(list.getByRole('option')).toHaveCount(1);
  // The one array left is the one the button opens.
  await expect(list.getByRole('option')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('button', { name: 'Open model.layers.2.self_attn.k_proj.weight' })).toBeVisible();
  await page.screenshot({ path: docImagePath('array-picker'), clip: { x: 0, y: 0, width: 640, height: 900 } });
});

test('? lists the keyboard shortcuts, and Escape closes the list', async ({ page }) => {
  const app = new LinearMapPage(page);
  await app.open('#m=3,0;4,5');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Shift+Slash');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Play or pause the animation');
  await expect(dialog).toContainText('Copy a link to this view');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('turning the tensor chain leaves the matrix workspace\'s camera (and its link) alone', async ({ page }) => {
  const app = new LinearMapPage(page);
  await app.open('#m=1.2,0.4,0.3;0.5,1.6,-0.2;0.1,0.4,0.7');
  await expect.poll(() => app.drawnFraction(), { timeout: 15_000 }).toBeGreaterThan(0.01);
  await nav(page).getByRole('link', { name: /^Tensors/ }).click();
  const canvas = page.locator('canvas');
  await expect(canvas).toBeVisible();
  await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#w=tensor/);
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.75, box.y + box.height * 0.35, { steps: 8 });
  await page.mouse.up();
  await nav(page).getByRole('link', { name: 'Matrix / SVD' }).click();
  await expect.poll(() => app.sigmaTexts()).toHaveLength(3);
  await page.waitForTimeout(400); // the link is written throttled: give a stray camera time to show
  expect(await page.evaluate(() => location.hash)).not.toMatch(/cam=/);
});
