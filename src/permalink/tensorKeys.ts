/**
 * The tensor workspace's keys: `tt=` (a generated tensor and its seed, or `file` with the array in
 * the `t…` reference keys), `shape`, `eps`, `ranks`, `tmode`, `row` (from 1), `show` and `cp`. The
 * workspace link needs no matrix: `#w=tensor&tt=sine,1` is a whole link.
 */
import { z } from 'zod';
import { linkRefSchema } from './linkRef';
import { countSchema as count, defineKeys, formatNumber, NUM, seedSchema as seed } from './keyCodec';

export const TENSOR_PRESETS = ['low-rank', 'sine', 'video', 'hyperspectral', 'gaussian-table', 'embeddings'] as const;
export const TENSOR_DECOMPOSITIONS = ['tt', 'tucker', 'cp'] as const;

/** The tensor workspace: which tensor, its shape, the truncation and the decomposition shown. */
export const linkTensorSchema = z
  .object({
    source: z.union([
      z.object({ preset: z.enum(TENSOR_PRESETS), seed }).strict(),
      z.object({ file: linkRefSchema }).strict(),
    ]),
    /** The tensor reshaped (C order) to this shape; absent: its own shape. */
    shape: z.array(count(1 << 30)).min(1).max(16).optional(),
    eps: z.number().min(0).max(0.999).optional(),
    /** Rank caps, one per bond (or one for all). */
    maxRank: z.array(count(1 << 20)).min(1).max(15).optional(),
    /** 'rows': every row of a table compressed on its own (TensorGPT); 'tensor': the whole array. */
    mode: z.enum(['tensor', 'rows']).optional(),
    /** 0-based: the row of a table shown as a tensor of its own. */
    row: z.number().int().min(0).max(1e9).optional(),
    show: z.enum(TENSOR_DECOMPOSITIONS).optional(),
    cpRank: count(4096).optional(),
  })
  .strict();
export type LinkTensor = z.infer<typeof linkTensorSchema>;

const TT = new RegExp(`^(?:(${TENSOR_PRESETS.join('|')}),(\\d{1,10})|file)$`);
const SHAPE = /^\d{1,10}(x\d{1,10}){0,15}$/;
const TSHOW = new RegExp(`^(${TENSOR_DECOMPOSITIONS.join('|')})$`);

export const tensorKeys = defineKeys({
  shape: { tensor: linkTensorSchema.optional() },
  keys: { tensor: 'tt', 'tensor.shape': 'shape', 'tensor.eps': 'eps', 'tensor.maxRank': 'ranks', 'tensor.mode': 'tmode', 'tensor.row': 'row', 'tensor.show': 'show', 'tensor.cpRank': 'cp' },
  refs: { t: 'tensor.source.file' },
  countedFromOne: ['tensor.row'],
  decode({ params, text, ref }) {
    if (!params.has('tt')) return {};
    const tt = text('tt', TT, `one of ${TENSOR_PRESETS.join(', ')} with a seed (tt=video,1), or file (the tensor)`);
    const shape = text('shape', SHAPE, 'sizes separated by x, like 8x8x12 (the tensor\'s shape)');
    const eps = text('eps', new RegExp(`^${NUM}$`), 'a number from 0 to 1 (the relative accuracy)');
    const ranks = text('ranks', SHAPE, 'rank caps separated by x, like 4x4, or one cap for every bond');
    const mode = text('tmode', /^(tensor|rows)$/, 'tensor or rows');
    const row = text('row', /^[1-9]\d{0,9}$/, 'a row counted from 1');
    const show = text('show', TSHOW, 'tt, tucker or cp');
    const cp = text('cp', /^[1-9]\d{0,3}$/, 'a whole number of at least 1 (the CP rank)');
    if (tt === undefined) return {};
    const match = TT.exec(tt)!;
    const out: Record<string, unknown> = { source: match[1] ? { preset: match[1], seed: Number(match[2]) } : { file: ref('t') } };
    if (shape) out.shape = shape.split('x').map(Number);
    if (eps) out.eps = Number(eps);
    if (ranks) out.maxRank = ranks.split('x').map(Number);
    if (mode) out.mode = mode;
    if (row) out.row = Number(row) - 1;
    if (show) out.show = show;
    if (cp) out.cpRank = Number(cp);
    return { tensor: out };
  },
  encode({ tensor: value }, refParts) {
    if (value === undefined) return [];
    const parts = ['preset' in value.source ? `tt=${value.source.preset},${value.source.seed}` : 'tt=file'];
    if ('file' in value.source) parts.push(...refParts(value.source.file, 't'));
    if (value.shape) parts.push(`shape=${value.shape.join('x')}`);
    if (value.eps !== undefined) parts.push(`eps=${formatNumber(value.eps)}`);
    if (value.maxRank) parts.push(`ranks=${value.maxRank.join('x')}`);
    if (value.mode) parts.push(`tmode=${value.mode}`);
    if (value.row !== undefined) parts.push(`row=${value.row + 1}`);
    if (value.show) parts.push(`show=${value.show}`);
    if (value.cpRank !== undefined) parts.push(`cp=${value.cpRank}`);
    return parts;
  },
});
