/**
 * What a lesson's or the map's link means, beyond decoding: the decoder accepts any preset name and
 * any tensor shape (the workspaces check those when they apply a link, and refuse with a notice), so
 * these checks catch a link that decodes but would not open what its caption describes.
 */
import { expect } from 'vitest';
import { decodeHumanHash, type LinkState } from '../permalink/humanForm';
import { checkRandomParams, SMALL_PRESETS, type SpectrumShape } from '../state/presets';

/** Row widths of the tensor workspace's tables (state/tensorEffect.ts: GLOVE_WIDTH, GAUSSIAN_TABLE). */
const TABLE_WIDTH: Record<string, number> = { embeddings: 100, 'gaussian-table': 768 };
/** Entries of the generated tensors (worker/tensorPresets.ts). */
const TENSOR_SIZE: Record<string, number> = { 'low-rank': 8 * 8 * 12, sine: 8 * 8 * 12, video: 40 * 48 * 64, hyperspectral: 48 * 48 * 64 };
/** The shipped GloVe subset: 3000 words × 100 dimensions (public/data/README.md). */
const EMBEDDINGS_SHAPE = { rows: 3000, cols: 100 };

const product = (xs: number[]) => xs.reduce((a, b) => a * b, 1);

/** The matrix a link opens in the matrix or weighted workspace, its shape, or problems. */
function matrixShape(link: LinkState, problems: string[]): { rows: number; cols: number } | null {
  if (link.matrix) return { rows: link.matrix.rows, cols: link.matrix.cols };
  const preset = link.preset;
  if (!preset) {
    problems.push('opens no matrix');
    return null;
  }
  if (preset.id === 'embeddings') return EMBEDDINGS_SHAPE;
  if (preset.id === 'random') {
    const size = /^(\d+)x(\d+)$/.exec(preset.params.size ?? '');
    if (!size) {
      problems.push('random preset without size=RxC');
      return null;
    }
    const params = { rows: Number(size[1]), cols: Number(size[2]), shape: (preset.params.spectrum ?? 'geometric') as SpectrumShape, decay: Number(preset.params.decay ?? 1e-3), seed: Number(preset.params.seed ?? 0) };
    problems.push(...checkRandomParams(params));
    return params;
  }
  const small = SMALL_PRESETS.find((p) => p.id === preset.id);
  if (!small) {
    problems.push(`no preset "${preset.id}"`);
    return null;
  }
  const m = small.build();
  return { rows: m.rows, cols: m.cols };
}

/** Problems of a decoded link's meaning (empty when it opens what it says). */
export function linkMeaningProblems(link: LinkState): string[] {
  const problems: string[] = [];
  const workspace = link.workspace ?? 'svd';
  if (workspace === 'svd' || workspace === 'weighted') {
    const shape = matrixShape(link, problems);
    if (shape && link.rank !== undefined && link.rank > Math.min(shape.rows, shape.cols)) problems.push(`r=${link.rank} above min(m, n)`);
    if (workspace === 'weighted') {
      const w = link.weighted;
      if (!w) problems.push('w=weighted without wl=');
      else if (shape) {
        if (w.rank > Math.min(shape.rows, shape.cols)) problems.push(`weighted rank ${w.rank} above min(m, n)`);
        const block = w.weights.block;
        if (block && (block[1] > shape.rows || block[3] > shape.cols || block[0] >= block[1] || block[2] >= block[3])) problems.push('weight block outside the matrix');
      }
    }
  }
  if (workspace === 'tensor') {
    const t = link.tensor;
    if (!t) problems.push('w=tensor without tt=');
    else if ('preset' in t.source) {
      const preset = t.source.preset;
      const table = TABLE_WIDTH[preset];
      if (t.mode === 'rows' && table === undefined) problems.push(`tmode=rows needs a table, not ${preset}`);
      const entries = table ?? TENSOR_SIZE[preset];
      if (t.shape && product(t.shape) !== entries) problems.push(`shape ${t.shape.join('x')} holds ${product(t.shape)}, not ${entries}`);
      if (t.shape && t.maxRank && t.maxRank.length !== 1 && t.maxRank.length !== t.shape.length - 1) problems.push('ranks: one cap, or one per bond');
    }
  }
  if (workspace === 'attention') {
    const a = link.attention;
    if (!a) problems.push('w=attention without att=');
    else if (a.dModel % a.headSize !== 0 || a.head >= a.dModel / a.headSize) problems.push(`head ${a.head + 1} of size ${a.headSize} does not fit d_model ${a.dModel}`);
  }
  return problems;
}

/** Asserts that a fragment decodes, opens the workspace its `w=` names, and means something. */
export function expectLinkOpens(fragment: string, where: string): LinkState {
  expect(fragment.startsWith('#'), `${where}: no leading #`).toBe(false);
  const decoded = decodeHumanHash(fragment);
  if (decoded === null) throw new Error(`${where}: the link is empty`);
  if (!decoded.ok) throw new Error(`${where}: ${fragment} does not decode: ${decoded.problems.join(' ')}`);
  const value = decoded.value;
  const named = /(?:^|&)w=([a-z]+)/.exec(fragment)?.[1];
  if (named && named !== 'svd') expect(value.workspace, `${where}: ${fragment}`).toBe(named);
  if (named === 'tensor') expect(value.tensor, `${where}: tensor settings`).toBeDefined();
  if (named === 'weighted') expect(value.weighted, `${where}: weighted settings`).toBeDefined();
  if (named === 'attention') expect(value.attention ?? value.attentionFiles, `${where}: attention settings`).toBeDefined();
  expect(linkMeaningProblems(value), `${where}: ${fragment}`).toEqual([]);
  return value;
}
