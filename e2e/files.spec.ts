import { expect, test } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
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
    const table = page.getByRole('table', { name: /Arrays in model.safetensors/ });
    await expect(table).toContainText('layers.stack');
    await expect(table).toContainText('2 × 3 × 2');
    await table.getByRole('button', { name: 'Open proj.weight' }).click();
    await expect.poll(() => app.sigmaTexts()).toEqual(fixed(expected['proj.weight']));
    await page.getByLabel('Index along dimension 1 of layers.stack').fill('1');
    await table.getByRole('button', { name: 'Open layers.stack' }).click();
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
    const table = page.getByRole('table', { name: /Arrays in attn_Wq_layers_0_5_11.npy/ });
    await page.getByLabel('Index along dimension 1 of attn_Wq_layers_0_5_11').fill('1');
    await table.getByRole('button', { name: 'Open attn_Wq_layers_0_5_11' }).click();
    await expect(page.getByText('768 × 768, computed in the worker')).toBeVisible({ timeout: 90_000 });
    const sigmas = (await app.sigmaTexts()).slice(0, 5);
    expect(sigmas).toEqual(fixed(expected['attn_Wq[1]']));
  });
});
