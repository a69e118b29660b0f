/**
 * Mirrors the shareable part of the store into the location hash and back.
 *
 * - The open workspace writes its own link (`state/workspaces/`): the matrix workspace with no `w=`
 *   key (every link made before workspaces), the others with `w=…`; the start page has no hash.
 * - Small matrices and presets use the human form (`#m=3,0;4,5&r=1`, `#p=random&…`); other matrices
 *   whose compressed link stays under LINK_BUDGET characters use the compact form (`#v1.…`); larger
 *   ones have no link yet, and the address keeps only the workspace (`#w=svd`), so a reload cannot
 *   bring back an older matrix: the saved work fills it (a matrix over 8 million entries is not
 *   saved; a reload then opens the workspace fresh).
 * - Another workspace, a new matrix or a new view is a deliberate step and gets its own history entry (Back returns to
 *   the previous one); edits, rank drags and animation steps replace the current entry, throttled.
 * - A link that cannot be read shows a message and leaves the current work as it was.
 */
import { decodeHumanHash, encodeHumanHash, fitsHumanForm, type DecodeResult, type LinkRef, type LinkState } from '../permalink/humanForm';
import { decodeCompactHash, encodeCompactHash, isCompactHash } from '../permalink/compactForm';
import type { AppState, AppStore } from './store';
import { awaitLinkedAnalyses, type WaitingAnalyses } from './linkedFiles';
import { openWorkspaceOf, WORKSPACE_LIST } from './workspaces';
import { refuseLink } from './linkNotice';
import { DEFAULT_WORKSPACE } from '../ids/workspaces';
import { routedAddress, routeFor } from './hashRoutes';

const WRITE_DELAY_MS = 150;
/** Links are kept under about 8 KB so they survive chat and learning-platform pastes. */
export const LINK_BUDGET = 8000;
/** The link state of the open workspace (empty on the start page); `matrix` is present when the data must be written out. */
export function linkStateOf(state: AppState): LinkState {
  return openWorkspaceOf(state)?.link(state) ?? {};
}

/** The link with a reference to the data (URL or file name, entry, slice, hash) in place of the data. */
function refLink(link: LinkState, ref: LinkRef): LinkState {
  const { matrix: _matrix, preset: _preset, ...view } = link;
  return { ...view, ref };
}

/** The hash for the store's state ('' when the matrix is too big for a link). */
export async function hashFor(state: AppState): Promise<string> {
  // A lesson step or the taxonomy map keeps its own address while it is open.
  const routed = routedAddress(state);
  if (routed !== null) {
    state.setLinkInfo({ form: 'human', length: routed.length, maxError: 0 });
    return routed;
  }
  if (state.workspace === null) {
    state.setLinkInfo({ form: 'none', length: 0, maxError: 0, reason: 'The start page has no link of its own: open a workspace.' });
    return '';
  }
  const workspace = openWorkspaceOf(state)!;
  const link = workspace.link(state);
  // Data too big to inline is referred to, when it came from a file: by URL, or by the file's name.
  const ref = workspace.dataRef?.(state);
  // A file whose missing entries were read as 0 is always referred to: the numbers alone would lose
  // where the missing entries were (the weighted workspace's mask of them).
  if (ref && link.matrix && (ref.missingAsZero || (!fitsHumanForm(link.matrix) && link.matrix.data.length * 8 > LINK_BUDGET / 2))) {
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
    encoded = await encodeCompactHash({ ...link, title: workspace.title?.(state) }, state.linkPrecision);
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

/** Applies a decoded link; returns false (after notifying) when it could not. */
function applyDecoded(store: AppStore, decoded: DecodeResult | null, title = 'Matrix from the link'): boolean {
  // No link: the start page.
  if (decoded === null) {
    store.getState().openWorkspace(null);
    return true;
  }
  if (!decoded.ok) return refuseLink(store, decoded.problems);
  const link = decoded.value;
  // Each workspace takes its own keys (a link made before workspaces may hold several's).
  for (const workspace of WORKSPACE_LIST) if (!workspace.applyLink(store, link, title)) return false;
  store.getState().openWorkspace(link.workspace ?? DEFAULT_WORKSPACE);
  // After the data, so that a file the matrix needs too is opened (or asked for) once.
  const files = Object.assign({}, ...WORKSPACE_LIST.map((workspace) => workspace.linkedFiles?.(link) ?? {})) as WaitingAnalyses;
  awaitLinkedAnalyses(store, { ...link, ...files }, WORKSPACE_LIST.some((workspace) => workspace.carriesData(link)));
  return true;
}

/** Whether a hash opens a workspace without data (or the start page), so saved work may fill it. */
export function hashCarriesNoData(hash: string): boolean {
  if (isCompactHash(hash) || routeFor(hash)) return false;
  const decoded = decodeHumanHash(hash);
  return decoded === null || (decoded.ok && !WORKSPACE_LIST.some((workspace) => workspace.carriesData(decoded.value)));
}

/** Applies a human-form hash at once (compact hashes go through `applyLink`). */
export function applyHash(store: AppStore, hash: string): boolean {
  return applyDecoded(store, decodeHumanHash(hash));
}

/**
 * Applies a workspace's link, human or compact, and leaves the lectures as they are: what a lesson
 * step does to show its state (the step stays open, so its presenter never blinks out).
 */
export async function applyWorkspaceLink(store: AppStore, hash: string): Promise<boolean> {
  if (!isCompactHash(hash)) return applyHash(store, hash);
  const decoded = await decodeCompactHash(hash);
  return applyDecoded(store, decoded, decoded.ok ? (decoded as { title?: string }).title ?? 'Matrix from the link' : undefined);
}

/** Applies any address: a lesson step or the map through its route, else a workspace's link, which leaves the lesson that was open. */
export async function applyLink(store: AppStore, hash: string): Promise<boolean> {
  const route = routeFor(hash);
  if (route) return route.open(store, hash);
  const ok = await applyWorkspaceLink(store, hash);
  if (ok) store.getState().setLecture(null);
  return ok;
}

/** What makes a change deliberate (its own history entry) rather than an adjustment. */
function isDeliberate(state: AppState, previous: AppState): boolean {
  if (state.workspace !== previous.workspace || state.lecture !== previous.lecture) return true;
  return openWorkspaceOf(state)?.isDeliberate(state, previous) ?? false;
}

/** Whether the link of the open workspace may have changed. */
function linkChanged(state: AppState, previous: AppState): boolean {
  if (state.workspace !== previous.workspace || state.linkPrecision !== previous.linkPrecision || state.lecture !== previous.lecture) return true;
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

/**
 * `applyLink`, with anything unexpected turned into the usual message: the sync must go on (a
 * throw here would leave it waiting for a link that never finishes applying).
 */
function applyLinkSafely(store: AppStore, hash: string): Promise<boolean> {
  return applyLink(store, hash).catch((error: unknown) => refuseLink(store, [`Reading it failed: ${error instanceof Error ? error.message : String(error)}.`]));
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
    void applyLinkSafely(store, opened).then((ok) => {
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
  void applyLinkSafely(store, first).then(() => {
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
