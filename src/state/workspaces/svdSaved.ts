/**
 * The matrix workspace's saved work: the matrix, where it came from, the SVD method and the view.
 * Read back like a link: checked by schema, and damaged work is ignored.
 */
import { z } from 'zod';
import { linkMethodSchema } from '../../permalink/svdKeys';
import type { AppState, AppStore } from '../store';
import type { DocMatrix, MatrixSource } from '../documentSlice';
import type { ViewAfterLoad } from '../viewSlice';
import { EXACT, type SvdMethod } from '../svdSlice';
import type { SavedPart } from './types';

/** Matrices bigger than this (64 MB as float64) are not saved; the person still has their file. */
export const MAX_SAVED_ENTRIES = 8_000_000;

export interface SavedMatrixWork {
  matrix: DocMatrix;
  source: MatrixSource;
  view: ViewAfterLoad;
  /** How the SVD is computed (absent in work saved before the randomized method existed: exact). */
  method?: SvdMethod;
}

const viewSchema = z.object({
  rank: z.number().int().min(1).nullable(),
  // 'attention' in work saved before workspaces: the matrix page's fourth view then.
  view: z.enum(['map', 'cloud', 'heatmaps', 'attention']).transform((view) => (view === 'attention' ? 'map' : view)),
  of: z.enum(['rows', 'columns']),
  step: z.number().min(0).max(3),
  axes: z.tuple([z.number().int().min(0), z.number().int().min(0), z.number().int().min(0)]).optional(),
  subspaces: z.boolean().optional(),
});
const asMatrixSchema = z.union([
  z.object({ kind: z.literal('unfold'), mode: z.number().int().min(0).max(31) }).strict(),
  z.object({ kind: z.literal('reshape'), rows: z.number().int().min(1) }).strict(),
]);
/** Every field of a source is read back somewhere (links, titles, labels): each is checked. */
const sourceSchema = z
  .object({
    kind: z.enum(['typed', 'link', 'preset', 'paste', 'file']),
    title: z.string().max(10_000),
    description: z.string().max(10_000).optional(),
    rowLabels: z.array(z.string().max(1000)).max(10_000_000).optional(),
    preset: z.object({ id: z.string().max(100), params: z.record(z.string().max(100), z.union([z.string().max(1000), z.number()])) }).strict().optional(),
    ref: z
      .object({
        url: z.string().max(2000).optional(),
        fileName: z.string().max(1000),
        fileSize: z.number().int().min(0).nullable(),
        entry: z.string().max(1000),
        slice: z.array(z.number().int().min(0)).max(8),
        asMatrix: asMatrixSchema.optional(),
        missingAsZero: z.literal(true).optional(),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
      })
      .strict()
      .optional(),
    heldKey: z.string().max(10_000).optional(),
  })
  .strict();

function validMatrix(matrix: unknown): matrix is DocMatrix {
  const m = matrix as DocMatrix | null;
  return (
    !!m && Number.isInteger(m.rows) && Number.isInteger(m.cols) && m.rows > 0 && m.cols > 0 &&
    m.data instanceof Float64Array && m.data.length === m.rows * m.cols && m.data.every(Number.isFinite)
  );
}

/** The saved work as it is read back, or null when it is damaged. */
export function readMatrixWork(value: unknown): SavedMatrixWork | null {
  if (!value || typeof value !== 'object') return null;
  const work = value as Record<string, unknown>;
  if (!validMatrix(work.matrix)) return null;
  const view = viewSchema.safeParse(work.view);
  const source = sourceSchema.safeParse(work.source);
  if (!view.success || !source.success) return null;
  // A damaged method falls back to the exact SVD.
  const method = linkMethodSchema.safeParse(work.method);
  return { matrix: work.matrix, source: source.data as MatrixSource, view: view.data, method: method.success ? method.data : EXACT };
}

export const svdSaved: SavedPart = {
  of(state: AppState) {
    // Too big to keep: say so in place of the matrix, so a reload does not bring back an older one.
    if (state.matrix.data.length > MAX_SAVED_ENTRIES) return { tooBig: { rows: state.matrix.rows, cols: state.matrix.cols } };
    const work: SavedMatrixWork = {
      matrix: state.matrix,
      source: state.source,
      method: state.svd.method,
      view: { rank: state.rank, view: state.viewMode, of: state.cloudOf, step: state.step, axes: state.cloudAxes, subspaces: state.showSubspaces },
    };
    return work;
  },
  inputs: (s) => [s.matrix, s.source, s.rank, s.viewMode, s.cloudOf, s.cloudAxes, s.svd.method, s.showSubspaces],
  restore(store: AppStore, value: unknown) {
    if (value && typeof value === 'object' && 'tooBig' in value) return 'skipped';
    const work = readMatrixWork(value);
    if (!work) return 'damaged';
    // Only if the person has not started on something else meanwhile (a link's matrix, an edit).
    const { revision, source } = store.getState();
    if (revision > 1 || source.kind === 'link') return 'skipped';
    store.getState().setSvdMethod(work.method ?? EXACT);
    store.getState().loadMatrix(work.matrix, work.source);
    store.getState().applyView(work.view);
    return 'restored';
  },
};
