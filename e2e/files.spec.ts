import { expect, test } from '@playwright/test';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LinearMapPage } from './pages';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const expected = JSON.parse(readFileSync(fixture('files.json'), 'utf8')) as Record<string, number[]>;
const GPT2_WQ = fileURLToPath(new URL('../../shared/data/gpt2-small/attn_Wq_layers_0_5_11.npy', import.meta.url));

function fixed(values: number[]): string[] {
  return values.map((x) => x.toFixed(5));
}

test.describe('opening files', () => {
  test('opens a .npy with "Open file" and reads its singular values', async ({ page }) => {
    const app = new LinearMapPage(page);
    await app.open('#m=3,0;4,5');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open file' }).click();
    await (await chooser).setFiles(fixture('small.npy'));
    await expect(page.getByRole('heading', { name: 'small from small.npy' })).toBeVisible();
    await expect.poll(() => app.sigmaTexts()).toEqual(fixed(expected['small.npy']));
  });

  test('lists the arrays of a .safetensors and opens a matrix and a slice of a 3-D tensor', async ({ page }) => {
    const app = new LinearMapPage(page);
    await app.open('#m=3,0;4,5');
    await page.getByTestId('file-input').setInputFiles(fixture('model.safetensors'));
    const list = page.getByRole('listbox', { name: /Arrays in model.safetensors/ });
    await expect(list).toContainText('layers.stack');
    await expect(list).toContainText('2 × 3 × 2');
    await list.getByRole('option', { name: /proj\.weight/ }).click();
    await page.getByRole('button', { name: 'Open proj.weight' }).click();
    await expect.poll(() => app.sigmaTexts()).toEqual(fixed(expected['proj.weight']));
    await list.getByRole('option', { name: /layers\.stack/ }).click();
    await page.getByLabel('Index along dimension 1 of layers.stack').fill('1');
    await page.getByRole('button', { name: 'Open layers.stack' }).click();
    await expect(page.getByRole('heading', { name: 'layers.stack[1] from model.safetensors' })).toBeVisible();
    await expect.poll(() => app.sigmaTexts()).toEqual(fixed(expected['layers.stack[1]']));
  });

  test('explains a broken file and keeps the matrix', async ({ page }) => {
    const app = new LinearMapPage(page);
    await app.open('#m=3,0;4,5');
    const broken = readFileSync(fixture('model.safetensors')).subarray(0, 120);
    await page.getByTestId('file-input').setInputFiles({ name: 'broken.safetensors', mimeType: 'application/octet-stream', buffer: broken });
    await expect(page.getByRole('alert').filter({ hasText: 'safetensors' })).toContainText('unchanged');
    await expect.poll(() => app.sigmaTexts()).toEqual(['6.70820', '2.23607']);
  });

  test('opens a real GPT-2 query projection (layer 5 of a 3 x 768 x 768 file)', async ({ page }) => {
    test.skip(!existsSync(GPT2_WQ) || !expected['attn_Wq[1]'], '../shared/data is not beside the repository');
    test.setTimeout(120_000);
    const app = new LinearMapPage(page);
    await app.open('#m=3,0;4,5');
    await page.getByTestId('file-input').setInputFiles(GPT2_WQ);
    await expect(page.getByRole('listbox', { name: /Arrays in attn_Wq_layers_0_5_11.npy/ })).toBeVisible();
    await page.getByLabel('Index along dimension 1 of attn_Wq_layers_0_5_11').fill('1');
    await page.getByRole('button', { name: 'Open attn_Wq_layers_0_5_11' }).click();
    await expect(page.getByText('768 × 768, computed in the worker')).toBeVisible({ timeout: 90_000 });
    const sigmas = (await app.sigmaTexts()).slice(0, 5);
    expect(sigmas).toEqual(fixed(expected['attn_Wq[1]']));
  });
});

test('exports the factors as .npz and .safetensors, and reopens them with the same numbers', async ({ page }) => {
  const app = new LinearMapPage(page);
  await app.open('#m=1,2,0;0,3,1;2,0,4;1,1,1&r=2');
  await expect.poll(() => app.sigmaTexts()).toHaveLength(3);
  const sigmas = await app.sigmaTexts();
  for (const [button, ext] of [['Factors (.npz)', 'npz'], ['Factors (.safetensors)', 'safetensors']] as const) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`-svd\\.${ext}$`));
    await page.getByTestId('file-input').setInputFiles({ name: `exported.${ext}`, mimeType: 'application/octet-stream', buffer: readFileSync(await download.path()) });
    const list = page.getByRole('listbox', { name: new RegExp(`Arrays in exported.${ext}`) });
    await expect(list).toContainText('4 × 3');
    await list.getByRole('option', { name: /^A\b/ }).click();
    await page.getByRole('button', { name: 'Open A' }).click();
    await expect(page.getByRole('heading', { name: `A from exported.${ext}` })).toBeVisible();
    await expect.poll(() => app.sigmaTexts()).toEqual(sigmas);
  }
  // The snippet recomputes the app's numbers from the exported file (run it when numpy is here).
  const [npz] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Factors (.npz)' }).click()]);
  const [snippet] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'NumPy snippet' }).click()]);
  const code = readFileSync(await snippet.path(), 'utf8');
  expect(code).toContain('A_k = (U[:, :k] * S[:k]) @ V[:, :k].T');
  const frobenius = Number(await page.getByTestId('error-frobenius').getAttribute('data-value'));
  const dir = mkdtempSync(join(tmpdir(), 'snippet-'));
  copyFileSync(await npz.path(), join(dir, npz.suggestedFilename()));
  writeFileSync(join(dir, 'snippet.py'), code);
  const hasNumpy = spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' }).status === 0;
  const run = spawnSync('python3', ['snippet.py'], { cwd: dir, encoding: 'utf8' });
  if (hasNumpy) {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('same as exported: True');
    const printed = Number(/\|\|A - A_k\|\|_F = (\S+)/.exec(run.stdout)?.[1]);
    expect(Math.abs(printed - frobenius)).toBeLessThan(1e-9 * Math.max(1, frobenius));
  } else {
    console.warn(`python3 with numpy is not available; the snippet was not run (${run.stderr?.split('\n').at(-2) ?? run.error})`);
  }
  const [scene] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Scene (PNG)' }).click()]);
  const png = readFileSync(await scene.path());
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  expect(png.length).toBeGreaterThan(10_000);
  const [state] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'State (JSON)' }).click()]);
  expect(JSON.parse(readFileSync(await state.path(), 'utf8'))).toMatchObject({ format: 'subspace-explorer-state', version: 1 });
});

test('a link to a big local array names the file, and continues once the person opens it', async ({ page, context }) => {
  const app = new LinearMapPage(page);
  await app.open('#m=3,0;4,5');
  await page.getByTestId('file-input').setInputFiles(fixture('wide.npy'));
  await expect(page.getByText('60 × 50, computed in the worker')).toBeVisible();
  const sigmas = await app.sigmaTexts();
  await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#file=wide\.npy&size=\d+&entry=wide&sha256=[0-9a-f]{64}/);
  const link = await page.evaluate(() => location.href);

  const other = await context.newPage();
  const again = new LinearMapPage(other);
  await other.goto(link);
  await expect(other.getByRole('alert').filter({ hasText: 'This link needs your file wide.npy' })).toBeVisible();
  await other.getByTestId('file-input').setInputFiles(fixture('wide.npy'));
  await expect(other.getByText('60 × 50, computed in the worker')).toBeVisible();
  await expect.poll(() => again.sigmaTexts()).toEqual(sigmas);
  await expect(other.getByRole('alert').filter({ hasText: 'This link needs your file' })).toHaveCount(0);
});

test('dropping a file on the page opens it', async ({ page }) => {
  const app = new LinearMapPage(page);
  await app.open('#m=3,0;4,5');
  const bytes = readFileSync(fixture('small.npy'));
  const transfer = await page.evaluateHandle((data) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(data)], 'dropped.npy', { type: 'application/octet-stream' }));
    return dt;
  }, Array.from(bytes));
  await page.dispatchEvent('main', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
  await expect(page.getByRole('heading', { name: 'dropped from dropped.npy' })).toBeVisible();
  await expect.poll(() => app.sigmaTexts()).toEqual(fixed(expected['small.npy']));
});
