/**
 * The weighted low-rank workspace's keys: `wl=rank,methods,start,iterations,seed`, `wts=` (the
 * weights' source and its numbers), `paint=` (brush strokes on the weights), and the weights' file
 * in the `g…` reference keys. Rows and columns are counted from 1 in the link. Its matrix is the
 * matrix workspace's document, so its link carries that too.
 */
import { z } from 'zod';
import { linkRefSchema } from './linkRef';
import { countSchema as count, defineKeys, formatNumber, NUM, seedSchema as seed } from './keyCodec';

export const WEIGHTED_METHODS = ['em', 'als', 'gd'] as const;
export const WEIGHT_SOURCES = ['uniform', 'rows', 'columns', 'block', 'random-mask', 'missing', 'fisher', 'file'] as const;
export const WEIGHTED_INITS = ['svd', 'fwsvd', 'random', 'zero'] as const;

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

const num = (text: string) => Number(text);

const WL = new RegExp(`^(\\d{1,5}),((?:em|als|gd)(?:\\+(?:em|als|gd)){0,2}),(svd|fwsvd|random|zero),(\\d{1,6}),(\\d{1,10})$`);
const WTS = new RegExp(`^(${WEIGHT_SOURCES.join('|')})((?:,${NUM}){0,5})$`);
const PAINT = new RegExp(`^\\d{1,7}:\\d{1,7}:\\d{1,4}:${NUM}(;\\d{1,7}:\\d{1,7}:\\d{1,4}:${NUM}){0,399}$`);

export const weightedKeys = defineKeys({
  shape: { weighted: linkWeightedSchema.optional() },
  keys: { weighted: 'wl', 'weighted.weights': 'wts', 'weighted.paint': 'paint' },
  refs: { g: 'weighted.weights.file' },
  decode({ params, text, ref, problems }) {
    if (!params.has('wl')) return {};
    const wl = text('wl', WL, 'rank,methods (em+als+gd),start (svd, fwsvd, random or zero),iterations,seed (the weighted low-rank settings)');
    const wts = text('wts', WTS, `one of ${WEIGHT_SOURCES.join(', ')} followed by its numbers (the weights)`) ?? 'uniform';
    const paintText = text('paint', PAINT, 'strokes row:column:radius:value separated by ; (rows and columns from 1)');
    if (wl === undefined) return {};
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
        return {};
      }
      weights.block = [values[0] - 1, values[1], values[2] - 1, values[3], values[4]];
    }
    if (source === 'fisher') weights.perRow = values[0] === 1;
    if (source === 'fisher' || source === 'file') weights.file = ref('g');
    const out: Record<string, unknown> = { rank: Number(rank), methods: methods.split('+'), init, maxIter: Number(maxIter), seed: Number(seedText), weights };
    if (paintText) out.paint = paintText.split(';').map((s) => s.split(':').map(num)).map(([i, j, r, v]) => [i - 1, j - 1, r, v]);
    return { weighted: out };
  },
  encode({ weighted: value }, refParts) {
    if (value === undefined) return [];
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
});
