/**
 * One attention head as subspaces: the rank bound, the invariance under (W_Q R, W_K R^-T), and the
 * real GPT-2 layers when ../shared/data is beside the repository.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runAttentionJob, type AttentionJobInput } from './attentionJob';
import { runOpenFileJob } from './fileJobs';
import { QUIET_CONTEXT } from './protocol';

const context = QUIET_CONTEXT;

const GPT2 = new URL('../../../shared/data/gpt2-small/', import.meta.url);
const WQ = new URL('attn_Wq_layers_0_5_11.npy', GPT2);
const WK = new URL('attn_Wk_layers_0_5_11.npy', GPT2);
/** The real-weights test is reported as skipped, not passed, where the data folder is absent. */
const gpt2Present = existsSync(WQ) && existsSync(WK);

describe('attention head job', () => {
  const synthetic: AttentionJobInput = { source: { kind: 'synthetic', dModel: 48, seed: 3 }, layout: 'x-times-w', headSize: 12, head: 1, seed: 9 };

  it('finds rank at most the head size, and scores unchanged by (W_Q R, W_K R^-T)', async () => {
    const { output } = await runAttentionJob(synthetic, context);
    expect(output.heads).toBe(4);
    expect(output.spectrum).toHaveLength(48);
    expect(output.rank).toBe(12);
    expect(output.spectrum[11]).toBeGreaterThan(1e-3 * output.spectrum[0]);
    expect(output.spectrum[12]).toBeLessThan(1e-12 * output.spectrum[0]);
    expect(output.angles).toHaveLength(12);
    expect(output.invariance.maxScoreChange).toBeLessThan(1e-10 * output.invariance.maxScore);
    // The bases themselves moved a lot: it is the subspaces that are invariant.
    expect(output.invariance.basisChange).toBeGreaterThan(0.3);
  });

  it('reads heads as row blocks for the q = W x layout', async () => {
    const { output } = await runAttentionJob({ ...synthetic, layout: 'w-times-x' }, context);
    expect(output.rank).toBe(12);
  });

  it.each([
    [{ headSize: 7 }, /head size 7 must divide the 48/],
    [{ head: 4 }, /Head 5 does not exist: there are 4 heads/],
  ])('explains bad settings %j', async (patch, message) => {
    await expect(runAttentionJob({ ...synthetic, ...patch }, context)).rejects.toThrow(message);
  });

  it.skipIf(!gpt2Present)('reads a real GPT-2 head: rank 64 of 768 (needs ../shared/data/gpt2-small)', async () => {
    const wq = new Uint8Array(readFileSync(WQ));
    const wk = new Uint8Array(readFileSync(WK));
    await runOpenFileJob({ fileId: 901, name: 'wq.npy', file: new Blob([wq as Uint8Array<ArrayBuffer>]) }, context);
    await runOpenFileJob({ fileId: 902, name: 'wk.npy', file: new Blob([wk as Uint8Array<ArrayBuffer>]) }, context);
    const query = { fileId: 901, entry: 'wq', slice: [0] };
    const { output } = await runAttentionJob(
      { source: { kind: 'file', query, key: { fileId: 902, entry: 'wk', slice: [0] } }, layout: 'x-times-w', headSize: 64, head: 0, seed: 1 },
      context,
    );
    expect(output.dModel).toBe(768);
    expect(output.heads).toBe(12);
    expect(output.rank).toBe(64);
    expect(output.spectrum[63]).toBeGreaterThan(1e-6 * output.spectrum[0]);
    expect(output.spectrum[64]).toBeLessThan(1e-10 * output.spectrum[0]);
    expect(output.angles).toHaveLength(64);
    expect(output.invariance.maxScoreChange).toBeLessThan(1e-9 * output.invariance.maxScore);
    // Query against itself: the subspaces coincide, every principal angle is zero.
    const self = (await runAttentionJob({ source: { kind: 'file', query, key: query }, layout: 'x-times-w', headSize: 64, head: 0, seed: 1 }, context)).output;
    expect(Math.max(...self.angles)).toBeLessThan(1e-6);
  });
});
