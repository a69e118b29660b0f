/**
 * Big inputs know their cost. A 528 KB .npz whose one member inflates to an 8192 x 8192 float64
 * zero array (512 MiB) used to open, start an exact SVD with no estimate and take the tab down; a
 * 4096 x 4096 matrix started an exact SVD of minutes that nothing could stop. Now the bomb is
 * refused from its header sizes (the matrix stays), and the big matrix shows its estimate and the
 * two ways on: the randomized SVD, or the exact one anyway, which can be cancelled.
 *
 * Both files are generated here (not committed): the bomb with fflate's streaming zip, the matrix
 * with the project's .npy writer.
 */
import { expect, test } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Zip, ZipDeflate } from 'fflate';
import { writeNpy } from '../src/io/npy-write';
import { LinearMapPage } from './pages';

const dir = mkdtempSync(join(tmpdir(), 'big-inputs-'));

/** An .npz (np.savez_compressed's layout) of one n x n float64 array of zeros, deflated as it is made. */
function zeroNpzBomb(n: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, data) => {
    if (error) throw error;
    chunks.push(data);
  });
  const member = new ZipDeflate('arr_0.npy', { level: 6 });
  zip.add(member);
  // The .npy header, version 1.0: magic, version, header length, the dict padded to 128 bytes.
  const header = new Uint8Array(128).fill(0x20);
  const text = `\x93NUMPY\x01\x00v\x00{'descr': '<f8', 'fortran_order': False, 'shape': (${n}, ${n}), }`;
  for (let i = 0; i < text.length; i++) header[i] = text.charCodeAt(i);
  header[127] = 0x0a;
  member.push(header);
  const zeros = new Uint8Array(1 << 20);
  const chunksOfZeros = (8 * n * n) / zeros.length;
  for (let i = 0; i < chunksOfZeros; i++) member.push(zeros, i === chunksOfZeros - 1);
  zip.end();
  const out = new Uint8Array(chunks.reduce((sum, c) => sum + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** A seeded n x n matrix of uniform entries in [-1, 1), as float32 (a 64 MiB file at 4096). */
function randomNpy(n: number): Uint8Array {
  const data = new Float32Array(n * n);
  let state = 12345;
  for (let k = 0; k < data.length; k++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    data[k] = state / 2 ** 31 - 1;
  }
  return writeNpy({ shape: [n, n], data }, 'float32');
}

test('an 8192 x 8192 zero .npz bomb is refused from its header sizes, and the matrix stays', async ({ page }) => {
  test.setTimeout(90_000);
  const bomb = zeroNpzBomb(8192);
  expect(bomb.length).toBeLessThan(600_000);
  const path = join(dir, 'bomb.npz');
  writeFileSync(path, bomb);

  const app = new LinearMapPage(page);
  await app.open('#m=3,0;4,5');
  await expect.poll(() => app.sigmaTexts()).toEqual(['6.70820', '2.23607']);
  await page.getByTestId('file-input').setInputFiles(path);
  const alert = page.getByRole('alert').filter({ hasText: 'arr_0' });
  await expect(alert).toContainText("'arr_0' (8192 × 8192 float64, 512 MiB once inflated) would need about 2 GiB of memory to open here");
  await expect(alert).toContainText("over the worker's budget of 1 GiB, so it was not opened");
  await expect(alert).toContainText('up to 4,096 of its 8,192 rows fit');
  await expect(alert).toContainText('Your current matrix is unchanged.');
  // The tab is alive and the document is what it was.
  await expect.poll(() => app.sigmaTexts()).toEqual(['6.70820', '2.23607']);
  await expect(page.getByRole('heading', { name: /from bomb\.npz/ })).toHaveCount(0);
});

test('a 4096 x 4096 matrix shows the estimate instead of an exact SVD; the randomized path works; a long exact SVD can be cancelled', async ({ page }) => {
  test.setTimeout(120_000);
  const path = join(dir, 'big.npy');
  writeFileSync(path, randomNpy(4096));

  const app = new LinearMapPage(page);
  await app.open('#m=3,0;4,5');
  await expect.poll(() => app.sigmaTexts()).toEqual(['6.70820', '2.23607']);
  await page.getByTestId('file-input').setInputFiles(path);
  await expect(page.getByRole('heading', { name: 'big from big.npy' })).toBeVisible({ timeout: 60_000 });

  // Not started: the estimate (seconds and memory) and the two ways on.
  const offer = page.getByRole('region', { name: 'SVD estimate' });
  await expect(offer).toContainText(/The exact SVD of this 4096 × 4096 matrix would take about \d+ min( \d+ s)? on this device and 768 MiB of working memory, over the 20 s budget, so it was not started\./, { timeout: 60_000 });
  await expect(page.getByTestId('svd-running')).toHaveCount(0);
  // The time is this device's (measured while other work may load the machine): "about 14 s" or "about 1 min 40 s".
  const randomized = offer.getByRole('button', { name: /^Top 100 \(randomized\), about (\d+(\.\d)? s|\d+ min( \d+ s)?)$/ });
  await expect(randomized).toBeVisible();
  await expect(offer.getByRole('button', { name: 'Compute the exact SVD anyway' })).toBeVisible();

  // The cheap path gives a result.
  await randomized.click();
  const summary = page.getByTestId('svd-summary');
  await expect(summary).toContainText('4096 × 4096, top 100 of 4096 by the randomized SVD', { timeout: 60_000 });
  const sigmas = (await app.sigmaTexts()).slice(0, 3);
  expect(sigmas.every((x) => Number(x) > 0)).toBe(true);

  // The exact path, one click away, runs with its elapsed time and the rest estimated, and can be cancelled.
  await page.getByRole('radio', { name: 'Exact' }).click();
  await expect(offer.getByRole('button', { name: 'Compute the exact SVD anyway' })).toBeVisible({ timeout: 30_000 });
  await offer.getByRole('button', { name: 'Compute the exact SVD anyway' }).click();
  const running = page.getByTestId('svd-running');
  await expect(running).toContainText('Computing the SVD…');
  await expect(page.getByTestId('svd-running-elapsed')).toContainText(/\d s elapsed, about .+ left \(estimated .+ on this device\)\./, { timeout: 15_000 });
  await page.waitForTimeout(1500);
  await running.getByRole('button', { name: 'Cancel' }).click();
  await expect(offer).toContainText(/The SVD was cancelled after [\d.]+ s; the last result and the matrix are unchanged\./);
  await expect(running).toHaveCount(0);
  await expect(summary).toContainText('4096 × 4096, top 100 of 4096 by the randomized SVD');
  await expect(offer.getByRole('button', { name: 'Compute the exact SVD anyway' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'big from big.npy' })).toBeVisible();

  // The worker was restarted to stop the job; the next SVD gets the matrix sent back and works.
  const before = await summary.textContent();
  await offer.getByRole('button', { name: /^Top 100 \(randomized\)/ }).click();
  await expect(summary).not.toHaveText(before ?? '', { timeout: 60_000 });
  await expect(summary).toContainText('4096 × 4096, top 100 of 4096 by the randomized SVD');
  await expect(page.getByRole('alert')).toHaveCount(0);
});
