/**
 * The link keys of the workspaces that came after the matrix and attention ones, each workspace
 * in one entry: its field of LinkState with the zod schema that bounds it, and its human-form
 * keys with their encoder and decoder. The human form, the compact form and the schema of
 * linkState.ts loop over this list, so a new workspace adds its keys here and nowhere else.
 */
import { z } from 'zod';
import { linkRefSchema, SEED_MAX, type LinkRef } from './linkRef';

export const WEIGHTED_METHODS = ['em', 'als', 'gd'] as const;
export const WEIGHT_SOURCES = ['uniform', 'rows', 'columns', 'block', 'random-mask', 'missing', 'fisher', 'file'] as const;
export const WEIGHTED_INITS = ['svd', 'fwsvd', 'random', 'zero'] as const;
export const TENSOR_PRESETS = ['low-rank', 'sine', 'video', 'hyperspectral', 'gaussian-table', 'embeddings'] as const;
export const TENSOR_DECOMPOSITIONS = ['tt', 'tucker', 'cp'] as const;

const seed = z.number().int().min(0).max(SEED_MAX);
const count = (max: number) => z.number().int().min(1).max(max);

/** One brush stroke on the weights: a square of half-width `radius` around (row, col) set to `value`. */
export const paintStrokeSchema = z.tuple([z.number().int().min(0).max(1e6), z.number().int().min(0).max(1e6), z.number().int().min(0).max(4096), z.number().finite().min(0).max(1e6)]);

/** The weighted low-rank workspace: rank, the methods that race, their start, the weights. */
export const linkWeightedSchema = z
  .object({
    rank: count(65535),
    methods: z.array(z.enum(WEIGHTED_METHODS)).min(1).max(3).refine((m) => new Set(m).size === m.length, { error: 'names a method twice' }),
    init: z.enum(WEIGHTED_INITS),
    maxIter: count(100_000),
    seed,
    weights: z
      .object({
        source: z.enum(WEIGHT_SOURCES),
        seed: seed.optional(),
        density: z.number().min(0).max(1).optional(),
        /** Rows [r0, r1) and columns [c0, c1) weighted `value`, the rest 1. */
        block: z.tuple([z.number().int().min(0).max(1e6), z.number().int().min(1).max(1e6), z.number().int().min(0).max(1e6), z.number().int().min(1).max(1e6), z.number().finite().min(0).max(1e6)]).optional(),
        /** Fisher-like weights summed per row (FWSVD's importance) rather than per entry. */
        perRow: z.boolean().optional(),
        /** The weights' array (source 'file') or the matrix whose squares are the importance (source 'fisher'). */
        file: linkRefSchema.optional(),
      })
      .strict(),
    paint: z.array(paintStrokeSchema).max(400, { error: 'has more than 400 brush strokes' }).optional(),
  })
  .strict();
export type LinkWeighted = z.infer<typeof linkWeightedSchema>;

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

/** The fields these workspaces add to the link's view state. */
export const workspaceLinkShape = {
  weighted: linkWeightedSchema.optional(),
  tensor: linkTensorSchema.optional(),
};
export interface WorkspaceLinkFields {
  weighted?: LinkWeighted;
  tensor?: LinkTensor;
}

/** What a workspace's decoder gets from the human form. */
export interface HumanKeyReader {
  params: Map<string, string>;
  problems: string[];
  /** The raw values of a reference written with key prefix `prefix` (`gsrc`, `gentry`, …), or undefined after a problem. */
  ref(prefix: string): Record<string, unknown> | undefined;
  /** The text of a key, which must match `pattern`; else a problem naming the key and what it must be. */
  text(key: string, pattern: RegExp, expected: string): string | undefined;
}

export interface WorkspaceKeyCodec {
  field: keyof WorkspaceLinkFields;
  /** The human-form keys it reads; the reference keys come with their prefix. */
  keys: string[];
  refPrefixes: string[];
  /** Where in the field's value the reference of each prefix sits, to name its keys in problems. */
  refPaths: Record<string, string[]>;
  /** Whether the link has this workspace's keys at all. */
  present(params: Map<string, string>): boolean;
  /** Raw values for the schema to check (bounds are the schema's), or undefined after a problem. */
  decode(reader: HumanKeyReader): Record<string, unknown> | undefined;
  encode(value: never, refParts: (ref: LinkRef, prefix: string) => string[]): string[];
}

const NUM = '[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:e[+-]?\\d+)?';
const num = (text: string) => Number(text);
const formatNumber = (x: number) => (Object.is(x, -0) ? '0' : String(x));

const WL = new RegExp(`^(\\d{1,5}),((?:em|als|gd)(?:\\+(?:em|als|gd)){0,2}),(svd|fwsvd|random|zero),(\\d{1,6}),(\\d{1,10})$`);
const WTS = new RegExp(`^(${WEIGHT_SOURCES.join('|')})((?:,${NUM}){0,5})$`);
const PAINT = new RegExp(`^\\d{1,7}:\\d{1,7}:\\d{1,4}:${NUM}(;\\d{1,7}:\\d{1,7}:\\d{1,4}:${NUM}){0,399}$`);

const weightedCodec: WorkspaceKeyCodec = {
  field: 'weighted',
  keys: ['wl', 'wts', 'paint'],
  refPrefixes: ['g'],
  refPaths: { g: ['weights', 'file'] },
  present: (params) => params.has('wl'),
  decode({ text, ref, problems }) {
    const wl = text('wl', WL, 'rank,methods (em+als+gd),start (svd, fwsvd, random or zero),iterations,seed (the weighted low-rank settings)');
    const wts = text('wts', WTS, `one of ${WEIGHT_SOURCES.join(', ')} followed by its numbers (the weights)`) ?? 'uniform';
    const paintText = text('paint', PAINT, 'strokes row:column:radius:value separated by ; (rows and columns from 1)');
    if (wl === undefined) return undefined;
    const [, rank, methods, init, maxIter, seedText] = WL.exec(wl)!;
    const [source, ...numbers] = wts.split(',');
    const values = numbers.map(num);
    const weights: Record<string, unknown> = { source };
    if (source === 'rows' || source === 'columns') weights.seed = values[0] ?? 1;
    if (source === 'random-mask') {
      weights.seed = values[0] ?? 1;
      weights.density = values[1] ?? 0.5;
    }
    if (source === 'block') {
      if (values.length !== 5) {
        problems.push('The link\'s "wts=block" needs first row, last row, first column, last column and the value (rows and columns from 1).');
        return undefined;
      }
      weights.block = [values[0] - 1, values[1], values[2] - 1, values[3], values[4]];
    }
    if (source === 'fisher') weights.perRow = values[0] === 1;
    if (source === 'fisher' || source === 'file') weights.file = ref('g');
    const out: Record<string, unknown> = { rank: Number(rank), methods: methods.split('+'), init, maxIter: Number(maxIter), seed: Number(seedText), weights };
    if (paintText) out.paint = paintText.split(';').map((s) => s.split(':').map(num)).map(([i, j, r, v]) => [i - 1, j - 1, r, v]);
    return out;
  },
  encode(value: LinkWeighted, refParts) {
    const w = value.weights;
    const numbers: number[] = [];
    if ((w.source === 'rows' || w.source === 'columns') && w.seed !== undefined) numbers.push(w.seed);
    if (w.source === 'random-mask') numbers.push(w.seed ?? 1, w.density ?? 0.5);
    if (w.source === 'block' && w.block) numbers.push(w.block[0] + 1, w.block[1], w.block[2] + 1, w.block[3], w.block[4]);
    if (w.source === 'fisher') numbers.push(w.perRow ? 1 : 0);
    const parts = [
      `wl=${value.rank},${value.methods.join('+')},${value.init},${value.maxIter},${value.seed}`,
      `wts=${[w.source, ...numbers.map(formatNumber)].join(',')}`,
    ];
    if (value.paint && value.paint.length > 0) parts.push(`paint=${value.paint.map(([i, j, r, v]) => `${i + 1}:${j + 1}:${r}:${formatNumber(v)}`).join(';')}`);
    if (w.file) parts.push(...refParts(w.file, 'g'));
    return parts;
  },
};

const TT = new RegExp(`^(?:(${TENSOR_PRESETS.join('|')}),(\\d{1,10})|file)$`);
const SHAPE = /^\d{1,10}(x\d{1,10}){0,15}$/;
const TSHOW = new RegExp(`^(${TENSOR_DECOMPOSITIONS.join('|')})$`);

const tensorCodec: WorkspaceKeyCodec = {
  field: 'tensor',
  keys: ['tt', 'shape', 'eps', 'ranks', 'tmode', 'row', 'show', 'cp'],
  refPrefixes: ['t'],
  refPaths: { t: ['source', 'file'] },
  present: (params) => params.has('tt'),
  decode({ text, ref }) {
    const tt = text('tt', TT, `one of ${TENSOR_PRESETS.join(', ')} with a seed (tt=video,1), or file (the tensor)`);
    const shape = text('shape', SHAPE, 'sizes separated by x, like 8x8x12 (the tensor\'s shape)');
    const eps = text('eps', new RegExp(`^${NUM}$`), 'a number from 0 to 1 (the relative accuracy)');
    const ranks = text('ranks', SHAPE, 'rank caps separated by x, like 4x4, or one cap for every bond');
    const mode = text('tmode', /^(tensor|rows)$/, 'tensor or rows');
    const row = text('row', /^[1-9]\d{0,9}$/, 'a row counted from 1');
    const show = text('show', TSHOW, 'tt, tucker or cp');
    const cp = text('cp', /^[1-9]\d{0,3}$/, 'a whole number of at least 1 (the CP rank)');
    if (tt === undefined) return undefined;
    const match = TT.exec(tt)!;
    const out: Record<string, unknown> = { source: match[1] ? { preset: match[1], seed: Number(match[2]) } : { file: ref('t') } };
    if (shape) out.shape = shape.split('x').map(Number);
    if (eps) out.eps = Number(eps);
    if (ranks) out.maxRank = ranks.split('x').map(Number);
    if (mode) out.mode = mode;
    if (row) out.row = Number(row) - 1;
    if (show) out.show = show;
    if (cp) out.cpRank = Number(cp);
    return out;
  },
  encode(value: LinkTensor, refParts) {
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
};

export const WORKSPACE_KEY_CODECS: WorkspaceKeyCodec[] = [weightedCodec, tensorCodec];

/**
 * The reference prefix and field a problem's path points into (`weighted.weights.file.entry` is
 * the `g` reference's entry), or null when it is not inside a reference.
 */
export function refOfPath(path: readonly PropertyKey[]): { prefix: string; field: PropertyKey } | null {
  for (const codec of WORKSPACE_KEY_CODECS) {
    if (path[0] !== codec.field) continue;
    for (const [prefix, at] of Object.entries(codec.refPaths)) {
      if (at.every((part, i) => path[i + 1] === part)) return { prefix, field: path[at.length + 1] };
    }
  }
  return null;
}

/** Every human-form key the codecs read (so none is taken for a preset parameter). */
export function workspaceKeyNames(refKeys: readonly string[]): string[] {
  return WORKSPACE_KEY_CODECS.flatMap((codec) => [...codec.keys, ...codec.refPrefixes.flatMap((prefix) => refKeys.map((key) => `${prefix}${key}`))]);
}
