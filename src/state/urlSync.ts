/**
 * Mirrors the shareable part of the store into the location hash and back.
 * Changes replace the current history entry (throttled), so typing or dragging does not flood Back;
 * a link that cannot be read shows a message and leaves the current work as it was.
 */
import { decodeHumanHash, encodeHumanHash, fitsHumanForm, type LinkState } from '../permalink/humanForm';
import { checkRandomParams, SMALL_PRESETS, type RandomSpectrumParams, type SpectrumShape } from './presets';
import type { ViewAfterLoad } from './sourceSlice';
import { LAST_STEP } from './viewSlice';
import type { AppState, AppStore } from './store';

const WRITE_DELAY_MS = 150;
/** Presets that are regenerated from their parameters rather than written out entry by entry. */
const GENERATED = new Set(['random', 'embeddings']);

/** The link state of the store, or null when the matrix cannot be put in a link of this form. */
export function linkStateOf(state: AppState): LinkState | null {
  const { matrix, source } = state;
  const link: LinkState = {};
  if (source.preset && GENERATED.has(source.preset.id)) {
    link.preset = { id: source.preset.id, params: Object.fromEntries(Object.entries(source.preset.params).map(([k, v]) => [k, String(v)])) };
  } else if (fitsHumanForm(matrix)) {
    link.matrix = { rows: matrix.rows, cols: matrix.cols, data: Array.from(matrix.data) };
  } else {
    return null;
  }
  if (state.rank !== null) link.rank = state.rank;
  if (state.viewMode !== 'map') link.view = state.viewMode;
  if (state.cloudOf !== 'rows') link.of = state.cloudOf;
  if (state.step < LAST_STEP && !state.playing) link.step = Math.round(state.step * 100) / 100;
  return link;
}

function currentHash(store: AppStore): string | null {
  const link = linkStateOf(store.getState());
  return link ? `#${encodeHumanHash(link)}` : null;
}

/** Reads the random preset's parameters from a link (size=RxC, spectrum, decay, seed). */
function randomParamsOf(params: Record<string, string>): RandomSpectrumParams | string[] {
  const size = /^(\d{1,5})x(\d{1,5})$/.exec(params.size ?? '');
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

function refuse(store: AppStore, problems: string[]): false {
  store.getState().notify({ kind: 'error', title: 'This link could not be opened; your work is unchanged.', details: problems });
  return false;
}

/** Applies a hash to the store; returns false (after notifying) when it could not. */
export function applyHash(store: AppStore, hash: string): boolean {
  const decoded = decodeHumanHash(hash);
  if (decoded === null) return true;
  if (!decoded.ok) return refuse(store, decoded.problems);
  const link = decoded.value;
  const view: ViewAfterLoad = { rank: link.rank ?? null, view: link.view ?? 'map', of: link.of ?? 'rows', step: link.step ?? LAST_STEP };
  const state = store.getState();
  if (link.matrix) {
    const { matrix } = link;
    const current = state.matrix;
    const same = current.rows === matrix.rows && current.cols === matrix.cols && current.data.every((x, k) => Object.is(x, matrix.data[k]));
    if (!same) state.loadMatrix({ ...matrix, data: Float64Array.from(matrix.data) }, { kind: 'link', title: 'Matrix from the link' });
    state.applyView(view);
    return true;
  }
  const preset = link.preset!;
  if (preset.id === 'random') {
    const params = randomParamsOf(preset.params);
    if (Array.isArray(params)) return refuse(store, params);
    if (sameRandom(state, params)) state.applyView(view);
    else state.requestRandomMatrix(params, view);
    return true;
  }
  if (preset.id === 'embeddings') {
    if (state.source.preset?.id !== 'embeddings') state.requestEmbeddings(view);
    else state.applyView(view);
    return true;
  }
  if (!SMALL_PRESETS.some((p) => p.id === preset.id)) return refuse(store, [`There is no preset called "${preset.id}".`]);
  state.loadPreset(preset.id);
  state.applyView(view);
  return true;
}

function sameRandom(state: AppState, params: RandomSpectrumParams): boolean {
  const current = state.source.preset;
  if (current?.id !== 'random') return false;
  const before = randomParamsOf(Object.fromEntries(Object.entries(current.params).map(([k, v]) => [k, String(v)])));
  return !Array.isArray(before) && (Object.keys(params) as Array<keyof RandomSpectrumParams>).every((key) => before[key] === params[key]);
}

export function startUrlSync(store: AppStore, location: Location, history: History, target: Window): () => void {
  applyHash(store, location.hash);
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastWritten = location.hash;

  function write(): void {
    timer = null;
    // A matrix that no link of this form can carry (a big file, a big paste) clears the hash, so a
    // reload does not bring back an older matrix.
    const hash = currentHash(store) ?? '';
    if (hash !== location.hash) {
      history.replaceState(history.state, '', hash === '' ? `${location.pathname ?? ''}${location.search ?? ''}` : hash);
      lastWritten = hash;
    }
  }

  const unsubscribe = store.subscribe((state, previous) => {
    const changed =
      state.matrix !== previous.matrix || state.rank !== previous.rank || state.viewMode !== previous.viewMode ||
      state.cloudOf !== previous.cloudOf || state.source !== previous.source ||
      (!state.playing && (state.step !== previous.step || previous.playing));
    if (changed && timer === null) timer = setTimeout(write, WRITE_DELAY_MS);
  });
  const onHashChange = () => {
    if (location.hash === lastWritten) return;
    if (!applyHash(store, location.hash)) {
      // Put the address back to the work that is still on screen.
      const hash = currentHash(store);
      if (hash !== null) history.replaceState(history.state, '', hash);
    }
  };
  target.addEventListener('hashchange', onHashChange);
  if (decodeHumanHash(location.hash) === null) write();
  return () => {
    unsubscribe();
    target.removeEventListener('hashchange', onHashChange);
    if (timer !== null) clearTimeout(timer);
  };
}
