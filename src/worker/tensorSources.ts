/**
 * Where the tensor workspace's data comes from: a generated tensor, an array of an open file, or
 * an embedding table (a seeded Gaussian one, the shipped GloVe words, an array of a file), whole
 * or one row of it. The last few are kept by key, so moving a rank slider does not read the file
 * or fetch the table again.
 */
import { tensor, type Matrix, type Tensor } from '../core';
import { loadEmbeddingTable, type EmbeddingsJobInput } from './embeddingsJob';
import { checkedWeight, fileTensor, type WeightRefLike } from './fileJobs';
import type { JobContext } from './protocol';
import { gaussianTable, tensorPreset, TENSOR_PRESET_INFO, type TensorPresetId } from './tensorPresets';

export type TableSource =
  | { kind: 'gaussian'; rows: number; cols: number; seed: number }
  | { kind: 'embeddings'; urls: EmbeddingsJobInput }
  | { kind: 'file'; ref: WeightRefLike };

export type TensorSource =
  | { kind: 'preset'; preset: TensorPresetId; seed: number }
  | { kind: 'file'; ref: { fileId: number; entry: string; sha256?: string } }
  /** One row of a table, as a vector to reshape. */
  | { kind: 'table-row'; table: TableSource; row: number };

export interface LoadedTable {
  matrix: Matrix;
  words: string[] | null;
  title: string;
  sha256: string | null;
}

export interface LoadedTensor {
  tensor: Tensor;
  title: string;
  description: string;
  sha256: string | null;
}

const KEEP = 3;
const tables = new Map<string, LoadedTable>();
const tensors = new Map<string, LoadedTensor>();

function remember<T>(cache: Map<string, T>, key: string, value: T): T {
  cache.delete(key);
  cache.set(key, value);
  while (cache.size > KEEP) cache.delete(cache.keys().next().value!);
  return value;
}

export async function loadTable(source: TableSource, context: JobContext): Promise<LoadedTable> {
  const key = JSON.stringify(source);
  const known = tables.get(key);
  if (known) return known;
  if (source.kind === 'gaussian') {
    return remember(tables, key, { matrix: gaussianTable(source.rows, source.cols, source.seed), words: null, title: `Seeded Gaussian table ${source.rows} × ${source.cols} (seed ${source.seed})`, sha256: null });
  }
  if (source.kind === 'embeddings') {
    const { rows, cols, data, words } = await loadEmbeddingTable(source.urls, context);
    return remember(tables, key, { matrix: { rows, cols, data }, words, title: `GloVe word vectors, ${rows} words × ${cols}`, sha256: null });
  }
  const { matrix, sha256 } = await checkedWeight(source.ref, 'embedding table');
  return remember(tables, key, { matrix, words: null, title: `${source.ref.entry} (${matrix.rows} × ${matrix.cols})`, sha256 });
}

export async function loadTensor(source: TensorSource, context: JobContext): Promise<LoadedTensor> {
  const key = JSON.stringify(source);
  const known = tensors.get(key);
  if (known) return known;
  if (source.kind === 'preset') {
    const info = TENSOR_PRESET_INFO[source.preset];
    if (!info) throw new Error(`There is no tensor preset "${String(source.preset)}".`);
    return remember(tensors, key, { tensor: tensorPreset(source.preset, source.seed), title: info.title, description: `${info.description} Seed ${source.seed}.`, sha256: null });
  }
  if (source.kind === 'file') {
    const { tensor: t, sha256 } = await fileTensor(source.ref);
    return remember(tensors, key, { tensor: t, title: `${source.ref.entry} [${t.shape.join(' × ')}]`, description: 'An array of an opened file.', sha256 });
  }
  const table = await loadTable(source.table, context);
  const { rows, cols, data } = table.matrix;
  if (!Number.isInteger(source.row) || source.row < 0 || source.row >= rows) throw new Error(`The table has rows 1 to ${rows}; there is no row ${source.row + 1}.`);
  const label = table.words ? `"${table.words[source.row]}"` : `row ${source.row + 1}`;
  return remember(tensors, key, {
    tensor: tensor([cols], data.slice(source.row * cols, (source.row + 1) * cols)),
    title: `${label} of ${table.title}`,
    description: `One ${cols}-vector of the table, to be reshaped into a small tensor.`,
    sha256: table.sha256,
  });
}

/** The tensor reshaped (C order) to `shape`, or as it is; the message says what the sizes must multiply to. */
export function reshaped(t: Tensor, shape: readonly number[] | undefined): Tensor {
  if (!shape || shape.join() === t.shape.join()) return t;
  const count = t.shape.reduce((a, b) => a * b, 1);
  const product = shape.reduce((a, b) => a * b, 1);
  if (product !== count) {
    throw new Error(`The shape ${shape.join(' × ')} holds ${product.toLocaleString('en-US')} entries; the tensor has ${count.toLocaleString('en-US')} (${t.shape.join(' × ')}), so the sizes must multiply to that.`);
  }
  return tensor(shape, t.data);
}

/**
 * The rank caps of a request, one per bond: a link may give fewer (`ranks=2` caps every bond at 2),
 * the last repeating, as the page's rank sliders read them; the core takes exactly one per bond.
 */
export function capsPerBond(maxRank: readonly number[] | undefined, bonds: number): number[] | undefined {
  if (!maxRank || maxRank.length === 0 || bonds < 1) return undefined;
  return Array.from({ length: bonds }, (_, k) => maxRank[Math.min(k, maxRank.length - 1)]);
}
