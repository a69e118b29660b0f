import { expect, test } from '@playwright/test';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { docImagePath } from './docImages';
import { LinearMapPage } from './pages';

const shared = (name: string) => fileURLToPath(new URL(`../../shared/data/gpt2-small/${name}`, import.meta.url));

test.describe('attention as subspaces', () => {
  test('a synthetic head has rank equal to its head size and scores invariant under R', async ({ page }) => {
    const app = new LinearMapPage(page);
    await app.open('#m=3,0;4,5');
    await page.getByRole('navigation', { name: 'Workspaces' }).getByRole('link', { name: 'Attention' }).click();
    await expect(page.getByTestId('attention-rank')).toContainText('is 96 × 96 but has rank 16 (head size 16)');
    await expect(page.getByTestId('attention-invariance')).toContainText('only the subspaces matter');
    await page.getByLabel('Head size d_head').fill('32');
    await expect(page.getByTestId('attention-rank')).toContainText('has rank 32 (head size 32)');
    await expect(page.getByRole('img', { name: 'Principal angles between the query and key subspaces' })).toBeVisible();
  });

  test('reads a real GPT-2 head from the query and key files', async ({ page }) => {
    const wq = shared('attn_Wq_layers_0_5_11.npy');
    const wk = shared('attn_Wk_layers_0_5_11.npy');
    test.skip(!existsSync(wq) || !existsSync(wk), '../shared/data is not beside the repository');
    test.setTimeout(120_000);
    const app = new LinearMapPage(page);
    await app.open('#m=3,0;4,5');
    await page.getByRole('navigation', { name: 'Workspaces' }).getByRole('link', { name: 'Attention' }).click();
    await page.getByRole('radio', { name: 'From opened files' }).click();
    await page.getByTestId('file-input').setInputFiles(wq);
    await expect(page.getByRole('listbox', { name: 'Query W_Q' }).getByRole('option', { name: /attn_Wq_layers_0_5_11/ })).toBeVisible();
    await page.getByTestId('file-input').setInputFiles(wk);
    await page.getByRole('listbox', { name: 'Query W_Q' }).getByRole('option', { name: /attn_Wq_layers_0_5_11/ }).click();
    await page.getByRole('listbox', { name: 'Key W_K' }).getByRole('option', { name: /attn_Wk_layers_0_5_11/ }).click();
    // Opening weight files in this workspace leaves the matrix workspace's document alone.
    await expect(page.getByRole('listbox', { name: 'Key W_K' }).getByRole('option', { name: /attn_Wk_layers_0_5_11/ })).toHaveAttribute('aria-selected', 'true');
    await page.getByLabel('Head size d_head').fill('64');
    await expect(page.getByTestId('attention-rank')).toContainText('Head 1 of 12', { timeout: 60_000 });
    await expect(page.getByTestId('attention-rank')).toContainText('is 768 × 768 but has rank 64 (head size 64)');
    await expect(page.getByTestId('attention-invariance')).toContainText('only the subspaces matter');
    await page.screenshot({ path: docImagePath('attention'), fullPage: true });
  });
});
