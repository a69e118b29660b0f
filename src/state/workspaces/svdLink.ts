/**
 * Opening the matrix workspace's part of a link: its matrix (inline, by reference to an array of a
 * file, or a preset rebuilt from its parameters), its SVD method and its view.
 */
import type { LinkState } from '../../permalink/humanForm';
import { checkRandomParams, SMALL_PRESETS, type RandomSpectrumParams, type SpectrumShape } from '../presets';
import type { ViewAfterLoad } from '../sourceSlice';
import { LAST_STEP } from '../viewSlice';
import type { AppState, AppStore } from '../store';
import { EXACT } from '../svdSlice';
import { asMatrixOfLink } from '../asMatrix';
import { refuseLink } from '../linkNotice';

/** Whether the link carries the matrix workspace's data (a matrix, a reference or a preset). */
export function carriesMatrixData(link: LinkState): boolean {
  return Boolean(link.matrix || link.ref || link.preset);
}

/** Reads the random preset's parameters from a link (size=RxC, spectrum, decay, seed). */
function randomParamsOf(params: Record<string, string>): RandomSpectrumParams | string[] {
  const size = /^(\d{1,6})x(\d{1,6})$/.exec(params.size ?? '');
  if (!size) return [`The random preset needs size=ROWSxCOLUMNS, e.g. size=768x768; got "${params.size ?? ''}".`];
  const shape = (params.spectrum ?? 'geometric') as SpectrumShape;
  if (!['geometric', 'linear', 'power'].includes(shape)) return [`The spectrum "${shape}" is not one of geometric, linear, power.`];
  const random: RandomSpectrumParams = {
    rows: Number(size[1]),
    cols: Number(size[2]),
    shape,
    decay: Number(params.decay ?? (shape === 'power' ? 1 : 1e-3)),
    seed: Number(params.seed ?? 0),
  };
  const problems = checkRandomParams(random);
  return problems.length > 0 ? problems : random;
}

function sameRandom(state: AppState, params: RandomSpectrumParams): boolean {
  const current = state.source.preset;
  if (current?.id !== 'random') return false;
  const before = randomParamsOf(Object.fromEntries(Object.entries(current.params).map(([k, v]) => [k, String(v)])));
  return !Array.isArray(before) && (Object.keys(params) as Array<keyof RandomSpectrumParams>).every((key) => before[key] === params[key]);
}

/** Loads the link's matrix (inline, by reference, or a preset) and its view; false when it could not. */
export function applySvdLinkData(store: AppStore, link: LinkState, title: string): boolean {
  const view: ViewAfterLoad = { rank: link.rank ?? null, view: link.view ?? 'map', of: link.of ?? 'rows', step: link.step ?? LAST_STEP, camera: link.cam ?? null, axes: link.axes, subspaces: link.subspaces };
  const state = store.getState();
  // Set once the link is known to open, and before its matrix loads, so that the first SVD already
  // uses the link's method (a refused link leaves the method as it was).
  const applyMethod = () => state.setSvdMethod(link.method ?? EXACT);
  if (link.ref) {
    applyMethod();
    const { url, file, size, entry, slice, sha256, missingAsZero } = link.ref;
    const current = state.source.ref;
    const asMatrix = asMatrixOfLink(link.ref);
    // The hash covers the entries, not the shape: every reshape of an array hashes alike, so the
    // whole reference must match for the matrix on screen to be the link's.
    const same =
      current?.sha256 === sha256 && current.entry === entry && (current.url ?? null) === (url ?? null) && (url !== undefined || current.fileName === file) &&
      current.slice.join(',') === slice.join(',') && JSON.stringify(current.asMatrix ?? null) === JSON.stringify(asMatrix ?? null) &&
      Boolean(current.missingAsZero) === Boolean(missingAsZero);
    if (same) state.applyView(view);
    else state.followRef({ url, fileName: file, fileSize: size, entry, slice, asMatrix, ...(missingAsZero ? { missingAsZero } : {}), sha256, view });
    return true;
  }
  if (link.matrix) {
    applyMethod();
    const { matrix } = link;
    const current = state.matrix;
    const same = current.rows === matrix.rows && current.cols === matrix.cols && current.data.every((x, k) => Object.is(x, matrix.data[k]));
    if (!same) state.loadMatrix({ rows: matrix.rows, cols: matrix.cols, data: Float64Array.from(matrix.data) }, { kind: 'link', title });
    state.applyView(view);
    return true;
  }
  const preset = link.preset!;
  if (preset.id === 'random') {
    const params = randomParamsOf(preset.params);
    if (Array.isArray(params)) return refuseLink(store, params);
    applyMethod();
    if (sameRandom(state, params)) state.applyView(view);
    else state.requestRandomMatrix(params, view);
    return true;
  }
  if (preset.id === 'embeddings') {
    applyMethod();
    if (state.source.preset?.id !== 'embeddings') state.requestEmbeddings(view);
    else state.applyView(view);
    return true;
  }
  if (!SMALL_PRESETS.some((p) => p.id === preset.id)) return refuseLink(store, [`There is no preset called "${preset.id}".`]);
  applyMethod();
  state.loadPreset(preset.id);
  state.applyView(view);
  return true;
}

