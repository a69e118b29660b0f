/**
 * Mirrors the shareable part of the store into the location hash and back.
 *
 * - The open workspace writes its own link (`state/workspaces/`): the matrix workspace with no `w=`
 *   key (every link made before workspaces), the others with `w=…`; the start page has no hash.
 * - Small matrices and presets use the human form (`#m=3,0;4,5&r=1`, `#p=random&…`); other matrices
 *   whose compressed link stays under LINK_BUDGET characters use the compact form (`#v1.…`); larger
 *   ones have no link yet, and the address keeps only the workspace (`#w=svd`), so a reload cannot
 *   bring back an older matrix: the saved work fills it.
 * - Another workspace, a new matrix or a new view is a deliberate step and gets its own history entry (Back returns to
 *   the previous one); edits, rank drags and animation steps replace the current entry, throttled.
 * - A link that cannot be read shows a message and leaves the current work as it was.
 */
import { decodeHumanHash, encodeHumanHash, fitsHumanForm, type DecodeResult, type LinkState } from '../permalink/humanForm';
import { decodeCompactHash, encodeCompactHash, isCompactHash } from '../permalink/compactForm';
import { checkRandomParams, SMALL_PRESETS, type RandomSpectrumParams, type SpectrumShape } from './presets';
import type { ViewAfterLoad } from './sourceSlice';
import { LAST_STEP } from './viewSlice';
import type { AppState, AppStore } from './store';
import { awaitLinkedAnalyses } from './linkedFiles';
import { EXACT } from './svdSlice';
import { openWorkspaceOf } from './workspaces';
import { asMatrixOfLink, linkFieldsOf } from './asMatrix';
import { DEFAULT_WORKSPACE } from '../ids/workspaces';

const WRITE_DELAY_MS = 150;
/** Links are kept under about 8 KB so they survive chat and learning-platform pastes. */
export const LINK_BUDGET = 8000;
/** The link state of the open workspace (empty on the start page); `matrix` is present when the data must be written out. */
export function linkStateOf(state: AppState): LinkState {
  return openWorkspaceOf(state)?.link(state) ?? {};
}

/** The link to a file's array by reference (URL or file name, entry, slice, hash) in place of its data. */
function refLink(link: LinkState, ref: NonNullable<AppState['source']['ref']>): LinkState {
  const { matrix: _matrix, preset: _preset, ...view } = link;
  return {
    ...view,
    ref: {
      url: ref.url, file: ref.url ? undefined : ref.fileName, size: ref.url || ref.fileSize === null ? undefined : ref.fileSize,
      entry: ref.entry, slice: ref.slice, ...linkFieldsOf(ref.asMatrix), sha256: ref.sha256,
    },
  };
}

/** The hash for the store's state ('' when the matrix is too big for a link). */
export async function hashFor(state: AppState): Promise<string> {
  if (state.workspace === null) {
    state.setLinkInfo({ form: 'none', length: 0, maxError: 0, reason: 'The start page has no link of its own: open a workspace.' });
    return '';
  }
  const link = linkStateOf(state);
  // Data too big to inline is referred to, when it came from a file: by URL, or by the file's name.
  const ref = state.source.ref;
  if (ref && link.matrix && !fitsHumanForm(link.matrix) && link.matrix.data.length * 8 > LINK_BUDGET / 2) {
    const hash = `#${encodeHumanHash(refLink(link, ref))}`;
    state.setLinkInfo({ form: 'human', length: hash.length, maxError: 0 });
    return hash;
  }
  if (!link.matrix || fitsHumanForm(link.matrix)) {
    const hash = `#${encodeHumanHash(link)}`;
    state.setLinkInfo({ form: 'human', length: hash.length, maxError: 0 });
    return hash;
  }
  const bytesPerEntry = { f64: 8, f32: 4, q8: 1 }[state.linkPrecision];
  // Base64 adds a third; compression of real numbers saves little: refuse early what cannot fit.
  if (link.matrix.data.length * bytesPerEntry > LINK_BUDGET * 2) {
    state.setLinkInfo({ form: 'none', length: 0, maxError: 0, reason: `${link.matrix.rows} × ${link.matrix.cols} entries do not fit in a link at ${state.linkPrecision}.` });
    return '';
  }
  let encoded: Awaited<ReturnType<typeof encodeCompactHash>>;
  try {
    encoded = await encodeCompactHash({ ...link, title: state.source.title }, state.linkPrecision);
  } catch (error) {
    state.setLinkInfo({ form: 'none', length: 0, maxError: 0, reason: error instanceof Error ? error.message : String(error) });
    return '';
  }
  const { hash, maxError } = encoded;
  if (hash.length + 1 > LINK_BUDGET) {
    state.setLinkInfo({ form: 'none', length: hash.length + 1, maxError, reason: `The link would be ${hash.length + 1} characters; links are kept under ${LINK_BUDGET}.` });
    return '';
  }
  state.setLinkInfo({ form: 'compact', length: hash.length + 1, maxError });
  return `#${hash}`;
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

function refuse(store: AppStore, problems: string[]): false {
  store.getState().notify({ kind: 'error', title: 'This link could not be opened; your work is unchanged.', details: problems });
  return false;
}

function sameRandom(state: AppState, params: RandomSpectrumParams): boolean {
  const current = state.source.preset;
  if (current?.id !== 'random') return false;
  const before = randomParamsOf(Object.fromEntries(Object.entries(current.params).map(([k, v]) => [k, String(v)])));
  return !Array.isArray(before) && (Object.keys(params) as Array<keyof RandomSpectrumParams>).every((key) => before[key] === params[key]);
}

/** Applies a link's settings of the attention workspace and of the comparison. */
function applyAnalyses(store: AppStore, link: LinkState): void {
  const state = store.getState();
  if (link.attention) state.setAttentionSettings({ source: 'synthetic', ...link.attention });
  if (link.compare) state.setCompareSettings({ enabled: true, side: link.compare.side, second: { kind: 'noise', level: link.compare.level, seed: link.compare.seed } });
}

/** Applies a decoded link; returns false (after notifying) when it could not. */
function applyDecoded(store: AppStore, decoded: DecodeResult | null, title = 'Matrix from the link'): boolean {
  // No link: the start page.
  if (decoded === null) {
    store.getState().openWorkspace(null);
    return true;
  }
  if (!decoded.ok) return refuse(store, decoded.problems);
  const link = decoded.value;
  applyAnalyses(store, link);
  // A workspace link without data keeps the matrix workspace's document as it is.
  const applied = carriesData(link) ? applySource(store, link, title) : true;
  if (applied) store.getState().openWorkspace(link.workspace ?? DEFAULT_WORKSPACE);
  // After the source, so that a file the matrix needs too is opened (or asked for) once.
  if (applied) awaitLinkedAnalyses(store, { attentionFiles: link.attentionFiles, compareFile: link.compareFile });
  return applied;
}

/** Whether the link carries the matrix workspace's data (a matrix, a reference or a preset). */
function carriesData(link: LinkState): boolean {
  return Boolean(link.matrix || link.ref || link.preset);
}

/** Whether a hash opens a workspace without data (or the start page), so saved work may fill it. */
export function hashCarriesNoData(hash: string): boolean {
  if (isCompactHash(hash)) return false;
  const decoded = decodeHumanHash(hash);
  return decoded === null || (decoded.ok && !carriesData(decoded.value));
}

/** Loads the link's matrix (inline, by reference, or a preset) and its view; false when it could not. */
function applySource(store: AppStore, link: LinkState, title: string): boolean {
  const view: ViewAfterLoad = { rank: link.rank ?? null, view: link.view ?? 'map', of: link.of ?? 'rows', step: link.step ?? LAST_STEP, camera: link.cam ?? null, axes: link.axes, subspaces: link.subspaces };
  const state = store.getState();
  // Set once the link is known to open, and before its matrix loads, so that the first SVD already
  // uses the link's method (a refused link leaves the method as it was).
  const applyMethod = () => state.setSvdMethod(link.method ?? EXACT);
  if (link.ref) {
    applyMethod();
    const { url, file, size, entry, slice, sha256 } = link.ref;
    const current = state.source.ref;
    if (current?.sha256 === sha256 && current.entry === entry) state.applyView(view);
    else state.followRef({ url, fileName: file, fileSize: size, entry, slice, asMatrix: asMatrixOfLink(link.ref), sha256, view });
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
    if (Array.isArray(params)) return refuse(store, params);
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
  if (!SMALL_PRESETS.some((p) => p.id === preset.id)) return refuse(store, [`There is no preset called "${preset.id}".`]);
  applyMethod();
  state.loadPreset(preset.id);
  state.applyView(view);
  return true;
}

/** Applies a human-form hash at once (compact hashes go through `applyLink`). */
export function applyHash(store: AppStore, hash: string): boolean {
  return applyDecoded(store, decodeHumanHash(hash));
}

/** Applies any link, human or compact. */
export async function applyLink(store: AppStore, hash: string): Promise<boolean> {
  if (!isCompactHash(hash)) return applyHash(store, hash);
  const decoded = await decodeCompactHash(hash);
  return applyDecoded(store, decoded, decoded.ok ? (decoded as { title?: string }).title ?? 'Matrix from the link' : undefined);
}

/** What makes a change deliberate (its own history entry) rather than an adjustment. */
function isDeliberate(state: AppState, previous: AppState): boolean {
  if (state.workspace !== previous.workspace) return true;
  return openWorkspaceOf(state)?.isDeliberate(state, previous) ?? false;
}

/** Whether the link of the open workspace may have changed. */
function linkChanged(state: AppState, previous: AppState): boolean {
  if (state.workspace !== previous.workspace || state.linkPrecision !== previous.linkPrecision) return true;
  const workspace = openWorkspaceOf(state);
  if (!workspace) return false;
  const now = workspace.linkInputs(state);
  const before = workspace.linkInputs(previous);
  return now.some((value, i) => !Object.is(value, before[i]));
}

/** The address for a hash: the workspace without a link of its data keeps at least its name. */
function addressFor(state: AppState, hash: string, location: Location): string {
  if (hash !== '') return hash;
  return state.workspace === null ? `${location.pathname ?? ''}${location.search ?? ''}` : `#w=${state.workspace}`;
}

/** Writes a pending change of the link now; set while the sync runs. */
let flushPendingWrite: (() => Promise<void>) | null = null;

/**
 * The address of the state on screen. Writes are throttled (150 ms), so the address can lag a
 * slider moved a moment ago; "Copy link" asks here, so it never copies the previous rank.
 */
export async function currentAddress(location: Location): Promise<string> {
  await flushPendingWrite?.();
  return location.href;
}

export function startUrlSync(store: AppStore, location: Location, history: History, target: Window): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastWritten = location.hash;
  let pushNext = false;
  let sequence = 0;
  let ready = false;
  let linksOpened = 0;

  async function write(): Promise<void> {
    timer = null;
    const mine = ++sequence;
    const push = pushNext;
    pushNext = false;
    const state = store.getState();
    const hash = await hashFor(state);
    const url = addressFor(state, hash, location);
    const unchanged = url.startsWith('#') ? url === location.hash : location.hash === '';
    if (mine !== sequence || unchanged) return; // a newer write is under way, or nothing changed
    // The address changed since we last wrote or read it: a link opened by hand (or Back), whose
    // 'hashchange' has not been handled yet. Writing the old state now would replace that link and
    // hide it from the handler, so it wins; the state it opens is written afterwards.
    if (location.hash !== lastWritten) return;
    if (push) history.pushState(history.state, '', url);
    else history.replaceState(history.state, '', url);
    // As the browser reports it (it may percent-encode what we wrote), for the comparisons above.
    lastWritten = location.hash;
  }

  const unsubscribe = store.subscribe((state, previous) => {
    if (!ready) return;
    if (!linkChanged(state, previous)) return;
    if (isDeliberate(state, previous)) pushNext = true;
    if (timer === null) timer = setTimeout(() => void write(), WRITE_DELAY_MS);
  });
  const onHashChange = () => {
    if (location.hash === lastWritten) return;
    lastWritten = location.hash;
    // Drop any write of the state before this link, and write nothing while the link applies:
    // settings it applies at once (a file's analyses, the SVD method) would otherwise be written
    // with the old matrix over the link, while its file is still loading.
    if (timer !== null) clearTimeout(timer);
    timer = null;
    sequence++;
    pushNext = false;
    ready = false;
    const link = ++linksOpened;
    const opened = location.hash;
    void applyLink(store, opened).then((ok) => {
      if (link === linksOpened) ready = true; // a newer link's own application decides otherwise
      // A workspace link without data (`#w=svd`) is written out in full once it is open.
      if (ok && link === linksOpened && opened !== '' && hashCarriesNoData(opened)) void write();
      // Put the address back to the work that is still on screen.
      if (!ok) {
        void hashFor(store.getState()).then((hash) => {
          history.replaceState(history.state, '', addressFor(store.getState(), hash, location));
          lastWritten = location.hash;
        });
      }
    });
  };
  target.addEventListener('hashchange', onHashChange);
  flushPendingWrite = async () => {
    if (timer === null || !ready) return;
    clearTimeout(timer);
    await write();
  };
  const first = location.hash;
  void applyLink(store, first).then(() => {
    ready = true;
    if (first !== '' && hashCarriesNoData(first)) void write();
  });
  return () => {
    unsubscribe();
    flushPendingWrite = null;
    target.removeEventListener('hashchange', onHashChange);
    if (timer !== null) clearTimeout(timer);
  };
}
