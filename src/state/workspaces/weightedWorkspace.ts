/**
 * The weighted low-rank workspace: the matrix workspace's matrix (the document both share) with
 * importance weights, the best rank-k fit under them by several methods, and how far it leaves the
 * SVD's subspace. Its link is the matrix's (inline, preset or file reference) plus `wl=`, `wts=`,
 * `paint=` and, for weights of a file, the `g…` reference keys.
 */
import { formatSeconds } from '../svdSlice';
import type { LinkState } from '../../permalink/humanForm';
import { linkWeightedSchema, type LinkWeighted } from '../../permalink/weightedKeys';
import type { AppState, AppStore } from '../store';
import type { SavedPart, StateWorkspace } from './types';
import { svdWorkspace } from './svdWorkspace';
import { carriesMatrixData } from './svdLink';
import { linkRefOf } from '../linkedFiles';
import { DEFAULT_WEIGHTED, weightedRank, type WeightedSettings } from '../weightedSlice';

const NAMES: Record<string, string> = { em: 'EM', als: 'ALS', gd: 'gradient descent' };

/** The settings as the link writes them; a weight file is written once the worker has hashed it. */
export function weightedLinkValue(state: AppState): LinkWeighted {
  const s = state.weighted.settings;
  const w = s.weights;
  const weights: LinkWeighted['weights'] = { source: w.source };
  if (w.source === 'rows' || w.source === 'columns' || w.source === 'random-mask') weights.seed = w.seed;
  if (w.source === 'random-mask') weights.density = w.density;
  if (w.source === 'block' && w.block) weights.block = w.block;
  if (w.source === 'fisher') weights.perRow = w.perRow;
  if ((w.source === 'file' || w.source === 'fisher') && w.file) {
    const file = linkRefOf(state, w.file, state.weighted.baseline?.fileHash ?? null) ?? state.weighted.waitingFile;
    if (file) weights.file = file;
  }
  const out: LinkWeighted = { rank: s.rank, methods: s.methods, init: s.init, maxIter: s.maxIter, seed: s.seed, weights };
  if (s.paint.length > 0) out.paint = s.paint;
  return out;
}

/** Applies a link's (or saved) weighted settings; a weight file waits for its file (linkedFiles.ts). */
export function applyWeighted(store: AppStore, value: LinkWeighted): void {
  const { weights, paint, ...rest } = value;
  const settings: WeightedSettings = {
    ...DEFAULT_WEIGHTED,
    ...rest,
    paint: paint ?? [],
    weights: {
      source: weights.source,
      seed: weights.seed ?? 1,
      density: weights.density ?? 0.5,
      block: weights.block ?? null,
      perRow: weights.perRow ?? false,
      file: null,
    },
  };
  store.getState().setWeightedSettings(settings);
  store.getState().setWeightedState({ waitingFile: weights.file ?? null });
}

function link(state: AppState): LinkState {
  const base = svdWorkspace.link(state);
  const out: LinkState = { workspace: 'weighted', weighted: weightedLinkValue(state) };
  if (base.matrix) out.matrix = base.matrix;
  if (base.preset) out.preset = base.preset;
  return out;
}

export function describeWeighted(state: AppState): string {
  const { weighted, matrix } = state;
  if (weighted.error && weighted.status === 'error') return `The weighted approximation could not be computed: ${weighted.error}`;
  if (weighted.status === 'declined' && weighted.offer) return `The weighted race was not started: it would take about ${formatSeconds(weighted.offer.seconds)} here, over the time budget. Run fewer iterations, or all of them anyway.`;
  const base = weighted.baseline;
  if (!base) return `The weighted rank-${weightedRank(state)} approximation of the ${matrix.rows} by ${matrix.cols} matrix is being computed.`;
  const parts = [`Rank ${base.rank} of a ${base.rows} by ${base.cols} matrix under importance weights. Plain SVD reaches a weighted error of ${base.svd.objective.toPrecision(4)}, FWSVD ${base.fwsvd.objective.toPrecision(4)}.`];
  for (const curve of weighted.curves) {
    const last = curve.objectives.at(-1);
    if (last === undefined) continue;
    const angle = curve.angles.length > 0 ? ` Its largest principal angle to the SVD subspace is ${((curve.angles[curve.angles.length - 1] * 180) / Math.PI).toFixed(1)} degrees.` : '';
    parts.push(`${NAMES[curve.method]} after ${curve.objectives.length - 1} iterations: ${last.toPrecision(4)}.${angle}`);
  }
  return parts.join(' ');
}

const weightedSaved: SavedPart = {
  of: (state) => weightedLinkValue(state),
  inputs: (s) => [s.weighted.settings],
  restore(store, value) {
    const parsed = linkWeightedSchema.safeParse(value);
    if (!parsed.success) return 'damaged';
    if (store.getState().weighted.settings !== DEFAULT_WEIGHTED) return 'skipped';
    applyWeighted(store, parsed.data);
    return 'restored';
  },
};

export const weightedWorkspace: StateWorkspace = {
  id: 'weighted',
  name: 'the weighted low-rank workspace',
  document: 'matrix',
  link,
  applyLink(store, link) {
    if (link.weighted) applyWeighted(store, link.weighted);
    // The matrix is the matrix workspace's key: it applied it.
    return true;
  },
  carriesData: carriesMatrixData,
  linkedFiles: (link) => (link.weighted?.weights.file ? { weightedFile: link.weighted.weights.file } : {}),
  dataRef: (state) => svdWorkspace.dataRef?.(state),
  title: (state) => state.source.title,
  saved: weightedSaved,
  linkInputs: (s) => [s.matrix, s.source, s.weighted.settings, s.weighted.baseline?.fileHash],
  // Other weights or another method is a new experiment; the rank and brush strokes are adjustments.
  isDeliberate: (s, p) => s.source !== p.source || s.weighted.settings.weights !== p.weighted.settings.weights || s.weighted.settings.methods !== p.weighted.settings.methods,
  describe: describeWeighted,
  // Up to 3 x 3 the images and subspaces themselves; beyond, the subspaces through their principal pairs.
  sceneContent: (s) => (!s.weighted.baseline ? null : s.matrix.rows <= 3 && s.matrix.cols <= 3 ? 'weighted' : s.weighted.curves.some((c) => c.angles.length > 0) ? 'weighted-angles' : null),
  summary: (s) => {
    const w = s.weighted.settings;
    return `rank ${w.rank}, ${w.methods.map((m) => NAMES[m]).join(' vs ')}, ${w.weights.source} weights${w.paint.length ? `, ${w.paint.length} brush strokes` : ''}`;
  },
};
