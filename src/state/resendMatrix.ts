/**
 * Sends a matrix back to a restarted worker, which forgets the matrices it held (files, generated
 * presets), in parts: one structured clone of GPT-2's 50257 x 768 embedding table (310 MB as float64)
 * froze the page for 1.3 s. Each part is copied here and moved (transferred) to the worker, and the
 * next one waits for the worker's reply, so every task on the page stays short.
 */
import type { Matrix } from '../core';
import type { ComputeClient } from '../worker/client';

/** Entries per part: 2^21 (16 MB), a few milliseconds to copy. */
export const RESEND_PART = 2 ** 21;

/** Resends in progress, by key: a second request for the same matrix waits for the first. */
const inFlight = new Map<string, Promise<void>>();

/**
 * Makes the worker hold `matrix` under `key` again, reporting the fraction sent after each part.
 * Rejects when a part fails (e.g. the worker restarted once more meanwhile); the caller may then
 * try again.
 *
 * @example
 * await resendHeldMatrix(client, source.heldKey, matrix); // then run the SVD job by heldKey
 */
export function resendHeldMatrix(
  client: ComputeClient, key: string, matrix: Matrix, onPart: (fraction: number) => void = () => {}, part = RESEND_PART,
): Promise<void> {
  const running = inFlight.get(key);
  if (running) return running;
  const sending = sendParts(client, key, matrix, part, onPart).finally(() => inFlight.delete(key));
  inFlight.set(key, sending);
  return sending;
}

/**
 * The worker moves each part's buffer back, and the next part is copied into it: one part's worth
 * of allocation (two when the last part is shorter) instead of the whole matrix again, which on the
 * page meant a 60 ms garbage collection when the SVD's result arrived.
 */
async function sendParts(client: ComputeClient, key: string, matrix: Matrix, part: number, onPart: (fraction: number) => void): Promise<void> {
  const { rows, cols, data } = matrix;
  let buffer: Float64Array = new Float64Array(Math.min(part, data.length));
  for (let offset = 0; offset < data.length; offset += part) {
    const length = Math.min(part, data.length - offset);
    const chunk = buffer.length === length ? buffer : new Float64Array(length);
    chunk.set(data.subarray(offset, offset + length));
    const reply = await client.run('holdMatrixPart', { key, rows, cols, offset, data: chunk }, { transfer: [chunk.buffer as ArrayBuffer] }).promise;
    buffer = reply.data;
    onPart((offset + length) / data.length);
  }
}
