/**
 * The matrix (SVD) workspace's view keys: `svd` (the randomized SVD), `r` (rank), `view` (map,
 * cloud, heatmaps), `of` (rows, columns), `step` (animation step, 0 to 3), `axes` (the cloud's
 * axes, from 1), `sub` (whether the fundamental subspaces are drawn) and `cam` (camera x,y,z). Its
 * document (`m=`, or `p=` with the preset's parameters, or a reference) is not an entry: the
 * weighted workspace's link carries it too, so humanSchema.ts and humanForm.ts read and write it.
 */
import { z } from 'zod';
import { countSchema, defineKeys, formatNumber, NUM, NUMBER, seedSchema } from './keyCodec';

export const LINK_VIEWS = ['map', 'cloud', 'heatmaps'] as const;
export type LinkView = (typeof LINK_VIEWS)[number];

/** The randomized SVD's parameters (absent: the exact SVD). */
export const linkMethodSchema = z
  .object({
    kind: z.literal('randomized'),
    k: countSchema(65535),
    oversample: z.number().int().min(0).max(1000),
    powerIterations: z.number().int().min(0).max(10),
    seed: seedSchema,
  })
  .strict();

const direction = z.number().int().min(0).max(65535);
const coordinate = z.number().finite().min(-1e6).max(1e6);

const RANDOMIZED = /^rand,(\d{1,5}),(\d{1,4}),(\d{1,2}),(\d{1,10})$/;
const AXES = /^[1-9]\d{0,4},[1-9]\d{0,4},[1-9]\d{0,4}$/;
/** Three numbers of at most 30 characters each. */
const CAM = new RegExp(`^(?=[^,]{1,30},[^,]{1,30},[^,]{1,30}$)${NUM},${NUM},${NUM}$`, 'i');

export const svdKeys = defineKeys({
  shape: {
    rank: countSchema(999_999).optional(),
    method: linkMethodSchema.optional(),
    view: z.enum(LINK_VIEWS).optional(),
    of: z.enum(['rows', 'columns']).optional(),
    step: z.number().min(0).max(3).optional(),
    cam: z.tuple([coordinate, coordinate, coordinate]).optional(),
    /** The point cloud's axes: three singular directions, 0-based. */
    axes: z.tuple([direction, direction, direction]).optional(),
    /** False when the map view hides the four fundamental subspaces. */
    subspaces: z.boolean().optional(),
  },
  keys: { method: 'svd', rank: 'r', view: 'view', of: 'of', step: 'step', axes: 'axes', subspaces: 'sub', cam: 'cam' },
  countedFromOne: ['axes'],
  decode({ text }) {
    const rank = text('r', /^\d{1,6}$/, 'a whole number of at least 1 (the rank)');
    const method = text('svd', RANDOMIZED, 'rand,k,oversampling,power iterations,seed (the randomized SVD)');
    // `view=attention` is a link made before workspaces: linkState.ts's upgradeLegacyView reads it.
    const view = text('view', /^(map|cloud|heatmaps|attention)$/, 'one of map, cloud, heatmaps, attention (the view)');
    const of = text('of', /^(rows|columns)$/, 'rows or columns');
    const step = text('step', NUMBER, 'a number from 0 to 3 (the animation step)');
    const axes = text('axes', AXES, 'three singular directions i,j,k counted from 1 (the cloud axes)');
    const sub = text('sub', /^[01]$/, '0 or 1 (whether the fundamental subspaces are drawn)');
    const cam = text('cam', CAM, 'three numbers x,y,z (the camera)');
    const numbers = (list: string) => list.split(',').map(Number);
    const randomized = method === undefined ? undefined : RANDOMIZED.exec(method)!.map(Number);
    return {
      rank: rank === undefined ? undefined : Number(rank),
      method: randomized && { kind: 'randomized', k: randomized[1], oversample: randomized[2], powerIterations: randomized[3], seed: randomized[4] },
      view,
      of,
      step: step === undefined ? undefined : Number(step),
      cam: cam === undefined ? undefined : numbers(cam),
      axes: axes === undefined ? undefined : numbers(axes).map((i) => i - 1),
      subspaces: sub === undefined ? undefined : sub === '1',
    };
  },
  encode(value) {
    const parts: string[] = [];
    if (value.method !== undefined) {
      const { k, oversample, powerIterations, seed } = value.method;
      parts.push(`svd=rand,${k},${oversample},${powerIterations},${seed}`);
    }
    if (value.rank !== undefined) parts.push(`r=${value.rank}`);
    if (value.view !== undefined) parts.push(`view=${value.view}`);
    if (value.of !== undefined) parts.push(`of=${value.of}`);
    if (value.step !== undefined) parts.push(`step=${formatNumber(value.step)}`);
    if (value.axes !== undefined) parts.push(`axes=${value.axes.map((i) => i + 1).join(',')}`);
    if (value.subspaces !== undefined) parts.push(`sub=${value.subspaces ? 1 : 0}`);
    if (value.cam !== undefined) parts.push(`cam=${value.cam.map(formatNumber).join(',')}`);
    return parts;
  },
});
