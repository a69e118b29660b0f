/**
 * The attention workspace: one head of a query and a key projection (W_Q, W_K: a pair of matrices,
 * seeded synthetic ones or arrays of opened files) read as subspaces.
 */
import type { LinkState } from '../../permalink/humanForm';
import type { AppState } from '../store';
import type { StateWorkspace } from './types';
import { attentionSaved } from './attentionSaved';
import { linkedAnalyses } from '../linkedFiles';

function link(state: AppState): LinkState {
  const out: LinkState = { workspace: 'attention' };
  const a = state.attention.settings;
  if (a.source === 'synthetic') out.attention = { dModel: a.dModel, seed: a.seed, headSize: a.headSize, head: a.head, layout: a.layout };
  const { attentionFiles } = linkedAnalyses(state);
  if (attentionFiles) out.attentionFiles = attentionFiles;
  return out;
}

/** The attention analysis in words. */
export function describeAttention(state: AppState): string {
  const { result, settings } = state.attention;
  if (state.file.waiting?.attentionFiles) return "The attention view waits for the link's query and key weight files to be opened.";
  if (state.attention.status === 'error' && state.attention.error) return `The attention head could not be analysed: ${state.attention.error}`;
  if (!result) return 'The attention head is being analysed.';
  const degrees = (a: number) => ((a * 180) / Math.PI).toFixed(1);
  return `Head ${settings.head + 1} of ${result.heads}: W_Q W_K transpose is ${result.dModel} by ${result.dModel} with rank ${result.rank}, the head size being ${settings.headSize}. Principal angles between the query and key subspaces run from ${degrees(result.angles[0])} to ${degrees(result.angles[result.angles.length - 1])} degrees.`;
}

export const attentionWorkspace: StateWorkspace = {
  id: 'attention',
  name: 'the attention workspace',
  document: 'pair of matrices',
  link,
  applyLink(store, link) {
    if (link.attention) store.getState().setAttentionSettings({ source: 'synthetic', ...link.attention });
    // Weights of files wait for their files: linkedFiles.ts applies them once they are open.
    return true;
  },
  // Its weights are synthetic (rebuilt from the seed) or files the person opens: never in the link.
  carriesData: () => false,
  saved: attentionSaved,
  linkInputs: (s) => [s.attention.settings, s.attention.result, s.file.waiting?.attentionFiles],
  // Choosing other weights is a new document; the head size and head are adjustments.
  isDeliberate: (s, p) => s.attention.settings.source !== p.attention.settings.source || s.attention.settings.query !== p.attention.settings.query || s.attention.settings.key !== p.attention.settings.key,
  describe: describeAttention,
  sceneContent: () => null,
  summary: (s) => {
    const a = s.attention.settings;
    return a.source === 'synthetic'
      ? `synthetic head: d_model ${a.dModel}, seed ${a.seed}, head size ${a.headSize}`
      : a.query && a.key ? `${a.query.entry} and ${a.key.entry}, head size ${a.headSize}` : null;
  },
};
