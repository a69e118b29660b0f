/** Runs the attention job whenever its settings change while the attention workspace is open. */
import { JobCancelledError, type ComputeClient } from '../worker/client';
import { attentionJobInput } from './attentionSlice';
import type { AppStore } from './store';

export function startAttentionEffect(store: AppStore, client: ComputeClient): () => void {
  let lastSettings: unknown = null;
  function maybeRun(): void {
    const state = store.getState();
    if (state.workspace !== 'attention' || state.attention.settings === lastSettings) return;
    const settings = state.attention.settings;
    lastSettings = settings;
    const input = attentionJobInput(settings);
    if (typeof input === 'string') {
      state.setAttentionState({ status: 'error', error: input });
      return;
    }
    state.setAttentionState({ status: 'running', error: null });
    // Weights from files live in the worker: a restart would close them, so never interrupt this job.
    client.run('attentionHead', input, { slot: 'attention', interruptible: input.source.kind !== 'file' }).promise.then(
      (result) => {
        if (store.getState().attention.settings === settings) store.getState().setAttentionState({ status: 'done', result, error: null });
      },
      (error: unknown) => {
        if (error instanceof JobCancelledError || store.getState().attention.settings !== settings) return;
        store.getState().setAttentionState({ status: 'error', error: error instanceof Error ? error.message : String(error) });
      },
    );
  }
  maybeRun();
  return store.subscribe(maybeRun);
}
