/** Runs the attention job whenever its settings change while the attention workspace is open. */
import type { ComputeClient } from '../worker/client';
import { attentionJobInput } from './attentionSlice';
import { startJobEffect } from './jobEffect';
import type { AppStore } from './store';

export function startAttentionEffect(store: AppStore, client: ComputeClient): () => void {
  return startJobEffect(store, client, {
    kind: 'attentionHead',
    slot: 'attention',
    // The open files too: after a worker restart they are reopened, and a job that found them closed runs again.
    inputs: (s) => [s.workspace, s.attention.settings, s.file.files],
    request(state) {
      if (state.workspace !== 'attention') return null;
      const input = attentionJobInput(state.attention.settings);
      if (typeof input === 'string') return input;
      // Weights from files live in the worker: a restart would close them, so never interrupt this job.
      return { key: [state.attention.settings], input: () => input, interruptible: input.source.kind !== 'file' };
    },
    running: (s) => s.getState().setAttentionState({ status: 'running', error: null }),
    done: (s, result) => s.getState().setAttentionState({ status: 'done', result, error: null }),
    failed: (s, error) => s.getState().setAttentionState({ status: 'error', error }),
  });
}
