/** The attention workspace's saved work: its synthetic head (weights of files are the person's, not saved). */
import { linkAttentionSchema } from '../../permalink/attentionKeys';
import { DEFAULT_ATTENTION } from '../attentionSlice';
import type { SavedPart } from './types';

export const attentionSaved: SavedPart = {
  of(state) {
    const a = state.attention.settings;
    return a.source === 'synthetic' ? { dModel: a.dModel, seed: a.seed, headSize: a.headSize, head: a.head, layout: a.layout } : undefined;
  },
  inputs: (s) => [s.attention.settings],
  restore(store, value) {
    const head = linkAttentionSchema.safeParse(value);
    if (!head.success) return 'damaged';
    // Unless a link already chose a head.
    if (store.getState().attention.settings !== DEFAULT_ATTENTION) return 'skipped';
    store.getState().setAttentionSettings({ source: 'synthetic', ...head.data });
    return 'restored';
  },
};
