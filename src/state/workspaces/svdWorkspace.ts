/**
 * The matrix workspace: one matrix, its SVD (exact or the top k), and the views of it (the linear
 * map, the point cloud, the heatmaps), with the rank truncation and the subspace comparison.
 */
import type { LinkState } from '../../permalink/humanForm';
import type { AppState } from '../store';
import type { StateWorkspace } from './types';
import { svdSaved } from './svdSaved';
import { LAST_STEP } from '../viewSlice';
import { linkedAnalyses } from '../linkedFiles';
import { applySvdLinkData, carriesMatrixData } from './svdLink';
import { linkFieldsOf } from '../asMatrix';
import { describeCloud, describeHeatmaps, describeMap, effectiveRank, effectiveView, latestSvd } from '../selectors';

/** Presets that are regenerated from their parameters rather than written out entry by entry. */
const GENERATED = new Set(['random', 'embeddings']);

function link(state: AppState): LinkState {
  const { matrix, source } = state;
  const out: LinkState = {};
  if (source.preset && GENERATED.has(source.preset.id)) {
    out.preset = { id: source.preset.id, params: Object.fromEntries(Object.entries(source.preset.params).map(([k, v]) => [k, String(v)])) };
  } else {
    out.matrix = { rows: matrix.rows, cols: matrix.cols, data: matrix.data };
  }
  if (state.svd.method.kind === 'randomized') out.method = state.svd.method;
  if (state.rank !== null) out.rank = state.rank;
  if (state.viewMode !== 'map') out.view = state.viewMode;
  if (state.cloudOf !== 'rows') out.of = state.cloudOf;
  if (state.step < LAST_STEP && !state.playing) out.step = Math.round(state.step * 100) / 100;
  if (state.cloudAxes.some((axis, i) => axis !== i)) out.axes = state.cloudAxes;
  if (!state.showSubspaces) out.subspaces = false;
  if (state.camera) out.cam = state.camera;
  const compare = state.compare.settings;
  if (compare.enabled && compare.second.kind === 'noise') out.compare = { side: compare.side, level: compare.second.level, seed: compare.second.seed };
  const { compareFile } = linkedAnalyses(state);
  if (compareFile) out.compareFile = compareFile;
  return out;
}

function describe(state: AppState): string {
  const result = latestSvd(state);
  const view = effectiveView(state);
  if (view === 'cloud') return describeCloud(result, state.cloudOf, state.cloudAxes, effectiveRank(state));
  if (view === 'heatmaps') return describeHeatmaps(result, effectiveRank(state));
  return describeMap(result, effectiveRank(state));
}

export const svdWorkspace: StateWorkspace = {
  id: 'svd',
  name: 'the matrix workspace',
  document: 'matrix',
  link,
  applyLink(store, link, title) {
    if (link.compare) store.getState().setCompareSettings({ enabled: true, side: link.compare.side, second: { kind: 'noise', level: link.compare.level, seed: link.compare.seed } });
    // A workspace link without data keeps the document as it is.
    return carriesMatrixData(link) ? applySvdLinkData(store, link, title) : true;
  },
  carriesData: carriesMatrixData,
  dataRef(state) {
    const ref = state.source.ref;
    if (!ref) return undefined;
    return {
      url: ref.url, file: ref.url ? undefined : ref.fileName, size: ref.url || ref.fileSize === null ? undefined : ref.fileSize,
      entry: ref.entry, slice: ref.slice, ...linkFieldsOf(ref.asMatrix), sha256: ref.sha256, ...(ref.missingAsZero ? { missingAsZero: true as const } : {}),
    };
  },
  title: (state) => state.source.title,
  saved: svdSaved,
  linkInputs: (s) => [
    s.matrix, s.rank, s.viewMode, s.cloudOf, s.source, s.camera, s.svd.method, s.cloudAxes, s.showSubspaces,
    s.compare.settings, s.compare.result, s.file.waiting?.compareFile,
    // The animation step is written once it rests.
    s.playing ? null : s.step,
  ],
  isDeliberate: (s, p) => s.source !== p.source || s.viewMode !== p.viewMode || s.matrix.rows !== p.matrix.rows || s.matrix.cols !== p.matrix.cols,
  describe,
  sceneContent: (s) => {
    const view = effectiveView(s);
    return view === 'map' || view === 'cloud' ? view : null;
  },
  summary: (s) => `${s.source.title} (${s.matrix.rows} × ${s.matrix.cols})`,
};
