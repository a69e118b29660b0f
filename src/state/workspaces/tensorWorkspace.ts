/**
 * The tensor workspace: one tensor (generated, an array of a file, a row of an embedding table)
 * in Tensor-Train, Tucker and CP form, or a whole embedding table compressed row by row. Its link
 * is `w=tensor&tt=…` with the shape, ε, rank caps and view; a tensor of a file is referred to by
 * the `t…` keys and waits for its file.
 */
import type { LinkState } from '../../permalink/humanForm';
import { linkTensorSchema, type LinkTensor } from '../../permalink/tensorKeys';
import type { AppState, AppStore } from '../store';
import type { SavedPart, StateWorkspace } from './types';
import { linkRefOf } from '../linkedFiles';
import { DEFAULT_TENSOR, type TensorSettings } from '../tensorSlice';

/** The settings as a link writes them; a file's tensor is written once the worker has hashed it. */
export function tensorLinkValue(state: AppState): LinkTensor | null {
  const s = state.tensor.settings;
  let source: LinkTensor['source'];
  if (s.source.kind === 'preset') source = { preset: s.source.preset, seed: s.source.seed };
  else if (s.source.kind === 'table') source = { preset: s.source.table === 'gaussian' ? 'gaussian-table' : 'embeddings', seed: s.source.seed };
  else {
    const sha = (s.mode === 'rows' ? state.tensor.rows.result?.sha256 : state.tensor.result?.sha256) ?? null;
    const file = linkRefOf(state, { ...s.source.ref, slice: [] }, sha) ?? state.tensor.waitingFile;
    if (!file) return null;
    source = { file };
  }
  const out: LinkTensor = { source };
  if (s.shape) out.shape = s.shape;
  if (s.eps > 0) out.eps = s.eps;
  if (s.maxRank) out.maxRank = s.maxRank;
  if (s.mode !== 'tensor') out.mode = s.mode;
  if (s.row > 0) out.row = s.row;
  if (s.show !== 'tt') out.show = s.show;
  if (s.cpRank !== DEFAULT_TENSOR.cpRank) out.cpRank = s.cpRank;
  return out;
}

export function applyTensor(store: AppStore, value: LinkTensor): void {
  const { source, shape, eps, maxRank, mode, row, show, cpRank } = value;
  const patch: Partial<TensorSettings> = {
    shape: shape ?? null, eps: eps ?? 0, maxRank: maxRank ?? null, mode: mode ?? 'tensor', row: row ?? 0, show: show ?? 'tt', cpRank: cpRank ?? DEFAULT_TENSOR.cpRank,
  };
  if ('preset' in source) {
    if (source.preset === 'gaussian-table' || source.preset === 'embeddings') patch.source = { kind: 'table', table: source.preset === 'gaussian-table' ? 'gaussian' : 'embeddings', seed: source.seed };
    else patch.source = { kind: 'preset', preset: source.preset, seed: source.seed };
  }
  store.getState().setTensorSettings(patch);
  store.getState().setTensorState({ waitingFile: 'file' in source ? source.file : null });
}

function link(state: AppState): LinkState {
  const value = tensorLinkValue(state);
  return value ? { workspace: 'tensor', tensor: value } : { workspace: 'tensor' };
}

const fmt = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

export function describeTensor(state: AppState): string {
  const { tensor } = state;
  if (tensor.settings.mode === 'rows') {
    const r = tensor.rows.result;
    if (tensor.rows.status === 'running') return `The table is being compressed row by row: ${Math.round((tensor.rows.progress?.fraction ?? 0) * 100)}%.`;
    if (tensor.rows.error && tensor.rows.status === 'error') return `The table could not be compressed: ${tensor.rows.error}`;
    if (!r) return 'Row-by-row compression of an embedding table waits to be started.';
    return `${r.rows} rows of ${r.cols}, each reshaped to ${r.shape.join(' by ')} and stored as a tensor train: ${r.parameters} numbers instead of ${r.rows * r.cols}, a compression factor of ${fmt(r.compressionFactor)}, relative error ${(r.relativeError * 100).toFixed(2)} percent.`;
  }
  if (tensor.status === 'error' && tensor.error) return `The tensor could not be decomposed: ${tensor.error}`;
  const r = tensor.result;
  if (!r) return 'The tensor is being decomposed.';
  const tt = r.tt;
  return `A tensor of shape ${r.shape.join(' by ')} (${r.elements} entries) as a tensor train of ${r.shape.length} cores with ranks ${tt.ranks.join(', ')}: ${tt.parameters} parameters, compression factor ${fmt(tt.compressionFactor)}, relative error ${tt.relativeError.toExponential(2)} (bound ${tt.errorBound.toExponential(2)}).`;
}

const tensorSaved: SavedPart = {
  // A tensor of a file is the person's: it is not saved (the settings around it are, once a link is made).
  of: (state) => (state.tensor.settings.source.kind === 'file' ? undefined : tensorLinkValue(state)),
  inputs: (s) => [s.tensor.settings],
  restore(store, value) {
    const parsed = linkTensorSchema.safeParse(value);
    if (!parsed.success) return 'damaged';
    if (store.getState().tensor.settings !== DEFAULT_TENSOR) return 'skipped';
    applyTensor(store, parsed.data);
    return 'restored';
  },
};

export const tensorWorkspace: StateWorkspace = {
  id: 'tensor',
  name: 'the tensor workspace',
  document: 'tensor',
  link,
  applyLink(store, link) {
    if (link.tensor) applyTensor(store, link.tensor);
    return true;
  },
  carriesData: (link) => link.tensor !== undefined,
  linkedFiles: (link) => (link.tensor && 'file' in link.tensor.source ? { tensorFile: link.tensor.source.file } : {}),
  saved: tensorSaved,
  linkInputs: (s) => [s.tensor.settings, s.tensor.result?.sha256, s.tensor.rows.result?.sha256, s.tensor.waitingFile],
  isDeliberate: (s, p) => s.tensor.settings.source !== p.tensor.settings.source || s.tensor.settings.mode !== p.tensor.settings.mode || s.tensor.settings.shape !== p.tensor.settings.shape,
  describe: describeTensor,
  sceneContent: (s) => (s.tensor.settings.mode === 'tensor' && s.tensor.result ? 'tt-chain' : null),
  summary: (s) => {
    const t = s.tensor.settings;
    const what = t.source.kind === 'preset' ? t.source.preset : t.source.kind === 'table' ? `${t.source.table} table` : t.source.ref.entry;
    return `${what}${t.shape ? ` as ${t.shape.join(' × ')}` : ''}${t.mode === 'rows' ? ', row by row' : ''}${t.eps > 0 ? `, ε ${t.eps}` : ''}`;
  },
};
