import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRandom, matrixWithSpectrum, randomMatrix } from '../core';
import { isDeclined, runSvdJob, type SvdFactors as SvdJobOutput } from './svdJob';
import { holdMatrix } from './heldMatrices';
import { QUIET_CONTEXT } from './protocol';

const context = QUIET_CONTEXT;

/** numpy's thin SVDs (scripts/fixtures/make_svd_fixtures.py): A, s, and U, V^T to 11 digits. */
interface NumpyCase { name: string; rows: number; cols: number; a: number[]; s: number[]; u: number[]; vt: number[] }
const numpy = (JSON.parse(readFileSync(new URL('../core/__fixtures__/svd_numpy.json', import.meta.url), 'utf8')) as { svd: NumpyCase[] }).svd;
const numpyCase = (name: string) => numpy.find((c) => c.name === name)!;

/**
 * The job's thin SVD against numpy's: singular values to 1e-12 relative, each singular vector
 * parallel to numpy's (up to sign; numpy's are stored to 11 digits), and U S V^T = A with
 * orthonormal U and V, to a small multiple of eps.
 */
function expectNumpySvd(output: SvdJobOutput, c: NumpyCase) {
  const { rows: m, cols: n } = c;
  const p = Math.min(m, n);
  expect([output.rows, output.cols, output.p, output.complete]).toEqual([m, n, p, true]);
  c.s.forEach((sigma, i) => expect(Math.abs(output.s[i] - sigma)).toBeLessThanOrEqual(1e-12 * sigma));
  for (let k = 0; k < p; k++) {
    let du = 0;
    let dv = 0;
    for (let i = 0; i < m; i++) du += output.u[i * p + k] * c.u[i * p + k];
    for (let j = 0; j < n; j++) dv += output.v[j * p + k] * c.vt[k * n + j];
    expect(Math.abs(Math.abs(du) - 1)).toBeLessThan(1e-9);
    expect(Math.abs(Math.abs(dv) - 1)).toBeLessThan(1e-9);
  }
  let worst = 0;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let x = 0;
      for (let k = 0; k < p; k++) x += output.u[i * p + k] * output.s[k] * output.v[j * p + k];
      worst = Math.max(worst, Math.abs(x - c.a[i * n + j]));
    }
  }
  expect(worst).toBeLessThan(50 * Number.EPSILON * c.s[0]);
  for (const [q, dim] of [[output.u, m], [output.v, n]] as const) {
    for (let k = 0; k < p; k++) {
      for (let l = 0; l < p; l++) {
        let dot = 0;
        for (let i = 0; i < dim; i++) dot += q[i * p + k] * q[i * p + l];
        expect(Math.abs(dot - (k === l ? 1 : 0))).toBeLessThan(50 * Number.EPSILON);
      }
    }
  }
}

describe('svd job', () => {
  const a = randomMatrix(40, 25, createRandom(11));

  it('returns each row and column energy: the squared lengths of A', () => {
    const { output } = runSvdJob({ rows: 40, cols: 25, data: a.data.slice() }, context);
    for (let i = 0; i < 40; i++) {
      let norm = 0;
      for (let j = 0; j < 25; j++) norm += a.data[i * 25 + j] ** 2;
      expect(output.rowEnergy[i]).toBeCloseTo(norm, 10);
    }
    for (let j = 0; j < 25; j++) {
      let norm = 0;
      for (let i = 0; i < 40; i++) norm += a.data[i * 25 + j] ** 2;
      expect(output.colEnergy[j]).toBeCloseTo(norm, 10);
    }
  });

  it('computes the top k by the randomized SVD, with the exact ||A||_F^2 and an error bound', () => {
    const spectrum = Array.from({ length: 60 }, (_, i) => 0.8 ** i);
    const b = matrixWithSpectrum(200, 60, spectrum, createRandom(5));
    const method = { kind: 'randomized' as const, k: 8, oversample: 10, powerIterations: 2, seed: 3 };
    const { output } = runSvdJob({ rows: 200, cols: 60, data: b.data.slice(), method }, context);
    expect(output).toMatchObject({ p: 8, complete: false, method });
    expect(output.u.length).toBe(200 * 8);
    expect(output.v.length).toBe(60 * 8);
    output.s.forEach((x, i) => expect(x).toBeCloseTo(spectrum[i], 8));
    expect(output.frobeniusSquared).toBeCloseTo(spectrum.reduce((sum, x) => sum + x * x, 0), 12);
    expect(output.errorBound!.bound).toBeGreaterThanOrEqual(spectrum[8] * (1 - 1e-9));
    // k >= min(m, n) has nothing to save, and small matrices (under 10,000 entries) take no time:
    // the exact SVD runs.
    const all = runSvdJob({ rows: 200, cols: 60, data: b.data.slice(), method: { ...method, k: 60 } }, context).output;
    expect(all).toMatchObject({ p: 60, complete: true, method: { kind: 'exact' }, errorBound: null });
    const small = runSvdJob({ rows: 40, cols: 25, data: a.data.slice(), method }, context).output;
    expect(small).toMatchObject({ p: 25, complete: true, method: { kind: 'exact' } });
  });

  it.each(['reference 2x2', 'random 6x4', 'random 4x6', 'random 40x34 (Golub-Kahan)'])('agrees with numpy on "%s", given the data', (name) => {
    const c = numpyCase(name);
    expectNumpySvd(runSvdJob({ rows: c.rows, cols: c.cols, data: Float64Array.from(c.a) }, context).output, c);
  });

  it('uses a held matrix by key (its own copy), and says when it is gone', () => {
    const c = numpyCase('random 12x12');
    const data = Float64Array.from(c.a);
    const key = holdMatrix('test:numpy-12x12', { rows: 12, cols: 12, data });
    data.fill(0); // the worker holds a copy: the caller's buffer may be transferred or reused
    expectNumpySvd(runSvdJob({ rows: 12, cols: 12, heldKey: key }, context).output, c);
    expect(() => runSvdJob({ rows: 12, cols: 11, heldKey: key }, context)).toThrow(/The held matrix is 12 x 12, not 12 x 11/);
    expect(() => runSvdJob({ rows: 40, cols: 25, heldKey: 'test:gone' }, context)).toThrow(/no longer holds/);
  });

  it('answers an exact SVD over the time budget with its estimate and a randomized offer, without computing it', () => {
    const b = randomMatrix(300, 200, createRandom(2));
    const { output, transfer } = runSvdJob({ rows: 300, cols: 200, data: b.data.slice(), ask: { aboveSeconds: 1e-4 } }, context);
    expect(isDeclined(output)).toBe(true);
    if (!isDeclined(output)) return;
    expect(transfer).toEqual([]);
    const { reason, exact, randomized, rows, cols, memoryBudget } = output.declined;
    expect([reason, rows, cols, memoryBudget]).toEqual(['time', 300, 200, 2 ** 30]);
    expect(exact.seconds).toBeGreaterThan(1e-4);
    expect(exact.workingBytes).toBe(8 * (300 * 200 + 5 * 200 * 200));
    expect(exact.matrixBytes).toBe(8 * 300 * 200);
    expect(exact.flopRate).toBeGreaterThan(1e8);
    expect(randomized?.k).toBe(50);
    expect(randomized!.seconds).toBeLessThan(exact.seconds);
    // Asked for anyway (no time budget), it computes, and says what it expected.
    const anyway = runSvdJob({ rows: 300, cols: 200, data: b.data.slice(), ask: { aboveSeconds: null } }, context).output;
    expect(isDeclined(anyway)).toBe(false);
    if (isDeclined(anyway)) return;
    expect(anyway.p).toBe(200);
    expect(anyway.estimate?.seconds).toBeCloseTo(exact.seconds, 10);
  });

  it('recognises a zero matrix over the time budget and computes it at once', () => {
    const { output } = runSvdJob({ rows: 1200, cols: 1000, data: new Float64Array(1200 * 1000), ask: { aboveSeconds: 0.5 } }, context);
    expect(isDeclined(output)).toBe(false);
    if (isDeclined(output)) return;
    expect(output.s.every((x) => x === 0)).toBe(true);
    expect(output.elapsedMs).toBeLessThan(5000);
    expect(output.estimate!.seconds).toBeLessThan(0.5);
  });

  it('refuses an exact SVD whose working memory is over the budget, offering the randomized one', () => {
    const n = 4800; // 6 n^2 entries of working memory: 1.03 GiB
    const data = new Float64Array(n * n);
    for (let k = 0; k < data.length; k++) data[k] = (k % 7) - (k % 5);
    const { output } = runSvdJob({ rows: n, cols: n, data, ask: { aboveSeconds: null } }, context);
    expect(isDeclined(output) && output.declined.reason).toBe('memory');
    if (!isDeclined(output)) return;
    expect(output.declined.exact.workingBytes).toBe(6 * 8 * n * n);
    expect(output.declined.randomized?.k).toBe(100);
    expect(() => runSvdJob({ rows: n, cols: n, data }, context)).toThrow(
      'The exact SVD of this 4800 × 4800 matrix would need about 1.03 GiB of working memory, over the worker\'s budget of 1 GiB, so it was not started: use the randomized SVD (Top k) or a smaller slice.',
    );
  });
});
