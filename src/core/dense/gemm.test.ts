import { describe, expect, it } from 'vitest';
import { gemm, syrk, type GemmOperand } from './gemm';
import { createRandom, type Random } from './random';

/** op(X) as an embedded block: rows x cols of op(X) at `offset` with leading dimension `ld` (>= stored cols). */
function embedded(rows: number, cols: number, trans: boolean, offset: number, pad: number, rng: Random): GemmOperand {
  const storedRows = trans ? cols : rows;
  const storedCols = trans ? rows : cols;
  const ld = storedCols + pad;
  const data = rng.fillNormal(new Float64Array(offset + storedRows * ld + 3));
  return { data, offset, ld, trans };
}

function at(x: GemmOperand, i: number, j: number): number {
  return x.trans ? x.data[x.offset + j * x.ld + i] : x.data[x.offset + i * x.ld + j];
}

/** alpha op(A) op(B) + beta C by the triple loop, on a copy of C. */
function naive(m: number, n: number, k: number, alpha: number, a: GemmOperand, b: GemmOperand, beta: number, c: Float64Array, offC: number, ldc: number): Float64Array {
  const out = c.slice();
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let p = 0; p < k; p++) sum += at(a, i, p) * at(b, p, j);
      const o = offC + i * ldc + j;
      out[o] = alpha * sum + (beta === 0 ? 0 : beta * c[o]);
    }
  }
  return out;
}

function expectClose(actual: Float64Array, expected: Float64Array, tol: number): void {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < actual.length; i++) worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
  expect(worst).toBeLessThan(tol);
}

describe('gemm', () => {
  // Sizes around the register tile (4 x 3) and the blocks (MC 64, KC 512, NC 1024).
  const shapes: [number, number, number][] = [
    [1, 1, 1], [4, 3, 1], [5, 4, 2], [7, 11, 13], [64, 63, 65], [67, 70, 515], [9, 1030, 6], [130, 5, 1100],
  ];

  it('matches the triple loop for all transposes, offsets, leading dimensions and alpha/beta', () => {
    const rng = createRandom(11);
    let cases = 0;
    for (const [m, n, k] of shapes) {
      for (const ta of [false, true]) {
        for (const tb of [false, true]) {
          for (const [alpha, beta] of [[1, 0], [1, 1], [-1.5, 0.25], [0.5, -1]]) {
            const a = embedded(m, k, ta, 3, 2, rng);
            const b = embedded(k, n, tb, 1, 5, rng);
            const ldc = n + 4;
            const offC = 7;
            const c = rng.fillNormal(new Float64Array(offC + m * ldc + 2));
            // beta = 0 must clear C, NaN included, as BLAS does.
            if (beta === 0) c[offC] = NaN;
            const expected = naive(m, n, k, alpha, a, b, beta, c, offC, ldc);
            gemm(m, n, k, alpha, a, b, beta, c, offC, ldc);
            expectClose(c, expected, 1e-12 * Math.max(1, k));
            cases++;
          }
        }
      }
    }
    expect(cases).toBe(shapes.length * 16);
  });

  it('leaves everything outside the m x n block untouched', () => {
    const rng = createRandom(12);
    const a = embedded(6, 5, false, 0, 0, rng);
    const b = embedded(5, 4, true, 0, 0, rng);
    const c = rng.fillNormal(new Float64Array(40));
    const before = c.slice();
    gemm(6, 4, 5, 2, a, b, 0.5, c, 2, 6);
    for (let i = 0; i < c.length; i++) {
      const inside = i >= 2 && (i - 2) % 6 < 4 && Math.floor((i - 2) / 6) < 6;
      if (!inside) expect(c[i]).toBe(before[i]);
    }
  });

  it('with alpha = 0 or k = 0 only scales C by beta', () => {
    const rng = createRandom(13);
    const a = embedded(3, 2, false, 0, 0, rng);
    const b = embedded(2, 3, false, 0, 0, rng);
    const c = new Float64Array([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    gemm(3, 3, 2, 0, a, b, 2, c, 0, 3);
    expect(Array.from(c)).toEqual([2, 4, 6, 8, 10, 12, 14, 16, 18]);
    gemm(3, 3, 0, 1, a, b, 0.5, c, 0, 3);
    expect(Array.from(c)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});

describe('syrk', () => {
  it('equals op(A) op(A)^T from the triple loop, exactly symmetric, for both orientations', () => {
    const rng = createRandom(14);
    for (const [n, k] of [[1, 1], [5, 3], [64, 70], [74, 1100], [101, 9], [1030, 4]]) {
      for (const trans of [false, true]) {
        const a = embedded(n, k, trans, 2, 3, rng);
        const aT = { ...a, trans: !trans };
        const ldc = n + 1;
        const c = rng.fillNormal(new Float64Array(1 + n * ldc));
        c[1] = NaN;
        const expected = naive(n, n, k, 1, a, aT, 0, c, 1, ldc);
        syrk(n, k, a, c, 1, ldc);
        expectClose(c, expected, 1e-12 * Math.max(1, k));
        let asymmetric = 0;
        for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) if (c[1 + i * ldc + j] !== c[1 + j * ldc + i]) asymmetric++;
        expect(asymmetric).toBe(0);
      }
    }
  });
});
