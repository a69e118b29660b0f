/**
 * The matrix workspace's subspace comparison: `cmp=row|column,noise level,seed` (against A plus
 * seeded noise), or `cmp=row|column,file` against an array of a file in the `b…` reference keys.
 */
import { z } from 'zod';
import { linkRefSchema } from './linkRef';
import { defineKeys, formatNumber, seedSchema } from './keyCodec';

const sideSchema = z.enum(['row', 'column']);
/** A subspace comparison against A plus seeded noise of a relative level. */
export const linkCompareSchema = z.object({ side: sideSchema, level: z.number().min(0).max(10), seed: seedSchema }).strict();
/** A subspace comparison against an array of a file. */
export const linkCompareFileSchema = z.object({ side: sideSchema, second: linkRefSchema }).strict();

const NOISE_COMPARISON = /^(row|column),([0-9.e+-]{1,30}),(\d{1,10})$/;
const FILE_COMPARISON = /^(row|column),file$/;
const COMPARISON = new RegExp(`${NOISE_COMPARISON.source}|${FILE_COMPARISON.source}`);

export const compareKeys = defineKeys({
  shape: { compare: linkCompareSchema.optional(), compareFile: linkCompareFileSchema.optional() },
  keys: { compare: 'cmp', compareFile: 'cmp' },
  refs: { b: 'compareFile.second' },
  decode({ text, ref }) {
    const cmp = text('cmp', COMPARISON, 'row|column,noise level,seed or row|column,file (the comparison)');
    if (cmp === undefined) return {};
    const noise = NOISE_COMPARISON.exec(cmp);
    if (noise) return { compare: { side: noise[1], level: Number(noise[2]), seed: Number(noise[3]) } };
    return { compareFile: { side: FILE_COMPARISON.exec(cmp)![1], second: ref('b') } };
  },
  encode({ compare, compareFile }, refParts) {
    if (compare !== undefined) return [`cmp=${compare.side},${formatNumber(compare.level)},${compare.seed}`];
    if (compareFile !== undefined) return [`cmp=${compareFile.side},file`, ...refParts(compareFile.second, 'b')];
    return [];
  },
});
