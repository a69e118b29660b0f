import { describe, expect, it } from 'vitest';
import { createRandom, randomMatrix } from '../core';
import { runSvdJob } from './svdJob';
import { holdMatrix } from './heldMatrices';
import type { JobContext } from './protocol';

const context: JobContext = { progress: () => undefined, isCancelled: () => false };

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

  it('uses a held matrix by key, and says when it is gone', () => {
    const key = holdMatrix('test:a', a);
    const byKey = runSvdJob({ rows: 40, cols: 25, heldKey: key }, context).output;
    const byData = runSvdJob({ rows: 40, cols: 25, data: a.data.slice() }, context).output;
    expect(Array.from(byKey.s)).toEqual(Array.from(byData.s));
    expect(() => runSvdJob({ rows: 40, cols: 25, heldKey: 'test:gone' }, context)).toThrow(/no longer holds/);
  });
});
