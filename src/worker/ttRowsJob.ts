/**
 * The 'ttRows' job: an embedding table compressed row by row in Tensor-Train form (TensorGPT):
 * every row reshaped to `shape` and TT-SVD'd on its own. The table is done in blocks of rows with
 * a pause for the worker's messages between blocks, so progress shows and Cancel stops it at
 * once, even for GPT-2's 50257 rows.
 *
 * Besides the compression factor and the errors (overall and per row), it answers two questions:
 * what other reshapes and ranks would give (the compression factor against the error over a
 * sample of rows: the Pareto front), and, for word embeddings, whether meaning survives (the
 * nearest neighbours of chosen words before and after, and their overlap).
 */
import { factorizations, ttCompressRows, ttParameters, type Matrix, type TtRowsResult } from '../core';
import { JobCancelled, type HandlerResult, type JobContext } from './protocol';
import { capsPerBond, loadTable, type TableSource } from './tensorSources';
import { letMessagesIn } from './letMessagesIn';

export interface TtRowsJobInput {
  table: TableSource;
  /** Each row's shape; its sizes multiply to the table's width. */
  shape: number[];
  eps?: number;
  maxRank?: number[];
  /** Words whose neighbours are compared (word tables only). */
  words: string[];
  /** Neighbours listed per word. */
  neighbours: number;
}

export interface NeighbourComparison {
  word: string;
  before: string[];
  after: string[];
  /** |before ∩ after| / neighbours. */
  overlap: number;
}

export interface ParetoPoint {
  shape: number[];
  maxRank: number;
  compressionFactor: number;
  relativeError: number;
}

export interface TtRowsJobOutput {
  title: string;
  rows: number;
  cols: number;
  shape: number[];
  parameters: number;
  compressionFactor: number;
  relativeError: number;
  rowErrors: Float64Array;
  /** The largest rank any row needed at each bond. */
  maxRanks: number[];
  /** Mean rank per bond. */
  meanRanks: number[];
  pareto: { sampleRows: number; points: ParetoPoint[] };
  neighbours: NeighbourComparison[] | null;
  /** Words of the table, for the word chooser (word tables only, first 2000). */
  vocabulary: string[] | null;
  /** SHA-256 of a file's table, for links. */
  sha256: string | null;
  /** GPT-2 ties its input embedding and output head (one matrix): say so for a 50257-row table. */
  tiedHead: boolean;
}

const BLOCK_ROWS = 2048;
const PARETO_SAMPLE = 512;
const PARETO_CAPS = [1, 2, 4, 8, 16];
const PARETO_SHAPES = 8;

/** The last table compressed: every row's ranks and cores, for the export job. */
export interface RowsCores {
  shape: number[];
  rows: number;
  ranks: Int32Array;
  coreData: Float64Array;
  offsets: Float64Array;
}
let lastCores: RowsCores | null = null;

export function lastRowsCores(): RowsCores | null {
  return lastCores;
}

function joined(blocks: TtRowsResult[], shape: number[], rows: number): RowsCores {
  const d = shape.length;
  const ranks = new Int32Array(rows * (d + 1));
  let total = 0;
  for (const b of blocks) total += b.coreData.length;
  const coreData = new Float64Array(total);
  const offsets = new Float64Array(rows + 1);
  let row = 0;
  let at = 0;
  for (const b of blocks) {
    ranks.set(b.ranks, row * (d + 1));
    coreData.set(b.coreData, at);
    for (let i = 0; i < b.rows; i++) offsets[row + i] = at + Number(b.coreOffsets[i]);
    at += b.coreData.length;
    row += b.rows;
  }
  offsets[rows] = at;
  return { shape: shape.slice(), rows, ranks, coreData, offsets };
}


function rowsOf(m: Matrix, start: number, end: number): Matrix {
  return { rows: end - start, cols: m.cols, data: m.data.subarray(start * m.cols, end * m.cols) };
}

/** Reshapes worth comparing: the chosen one first, then factorizations of 3 to 5 factors with the most balanced sizes. */
function candidateShapes(cols: number, chosen: number[]): number[][] {
  const all = factorizations(cols, { minFactors: 3, maxFactors: 5 });
  const spread = (f: number[]) => Math.max(...f) / Math.min(...f);
  const seen = new Set([chosen.join('x')]);
  const out = [chosen];
  for (const f of all.slice().sort((a, b) => spread(a) - spread(b) || a.length - b.length)) {
    if (out.length >= PARETO_SHAPES) break;
    const sorted = f.join('x');
    if (seen.has(sorted)) continue;
    seen.add(sorted);
    out.push(f);
  }
  return out;
}

function pareto(table: Matrix, chosen: number[]): TtRowsJobOutput['pareto'] {
  const step = Math.max(1, Math.floor(table.rows / PARETO_SAMPLE));
  const sampleRows = Math.min(PARETO_SAMPLE, table.rows);
  const sample: Matrix = { rows: sampleRows, cols: table.cols, data: new Float64Array(sampleRows * table.cols) };
  for (let i = 0; i < sampleRows; i++) sample.data.set(table.data.subarray(i * step * table.cols, (i * step + 1) * table.cols), i * table.cols);
  const points: ParetoPoint[] = [];
  for (const shape of candidateShapes(table.cols, chosen)) {
    for (const cap of PARETO_CAPS) {
      const r = ttCompressRows(sample, shape, { maxRank: cap });
      points.push({ shape, maxRank: cap, compressionFactor: r.compressionFactor, relativeError: r.relativeError });
    }
  }
  return { sampleRows, points };
}

function normalisedRows(m: Matrix): Float64Array {
  const out = new Float64Array(m.data.length);
  for (let i = 0; i < m.rows; i++) {
    let norm = 0;
    for (let j = 0; j < m.cols; j++) norm += m.data[i * m.cols + j] ** 2;
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let j = 0; j < m.cols; j++) out[i * m.cols + j] = m.data[i * m.cols + j] * scale;
  }
  return out;
}

/** The `count` rows most similar (cosine) to row `of`, the row itself left out. */
function nearest(unit: Float64Array, rows: number, cols: number, of: number, count: number): number[] {
  const scores: Array<[number, number]> = [];
  for (let i = 0; i < rows; i++) {
    if (i === of) continue;
    let dot = 0;
    for (let j = 0; j < cols; j++) dot += unit[i * cols + j] * unit[of * cols + j];
    scores.push([dot, i]);
  }
  scores.sort((a, b) => b[0] - a[0]);
  return scores.slice(0, count).map(([, i]) => i);
}

function compareNeighbours(table: Matrix, approx: Matrix, words: string[], chosen: string[], count: number): NeighbourComparison[] {
  const before = normalisedRows(table);
  const after = normalisedRows(approx);
  const index = new Map(words.map((w, i) => [w, i]));
  return chosen
    .filter((w) => index.has(w))
    .map((word) => {
      const i = index.get(word)!;
      const b = nearest(before, table.rows, table.cols, i, count);
      const a = nearest(after, table.rows, table.cols, i, count);
      const shared = a.filter((x) => b.includes(x)).length;
      return { word, before: b.map((x) => words[x]), after: a.map((x) => words[x]), overlap: shared / count };
    });
}

export async function runTtRowsJob(input: TtRowsJobInput, context: JobContext): Promise<HandlerResult<TtRowsJobOutput>> {
  context.progress(0, 'reading the table');
  const table = await loadTable(input.table, context);
  const e = table.matrix;
  const product = input.shape.reduce((a, b) => a * b, 1);
  if (product !== e.cols) throw new Error(`Each row has ${e.cols} entries; the shape ${input.shape.join(' × ')} holds ${product}. Choose a factorization of ${e.cols}.`);
  if (input.shape.length < 2) throw new Error('Reshape each row into at least two modes: a vector has no bond to cut.');
  const d = input.shape.length;
  const options = { eps: input.eps, maxRank: capsPerBond(input.maxRank, d - 1) };
  const rowErrors = new Float64Array(e.rows);
  const approx: Matrix = { rows: e.rows, cols: e.cols, data: new Float64Array(e.rows * e.cols) };
  const maxRanks = new Array<number>(d + 1).fill(1);
  const rankSums = new Array<number>(d + 1).fill(0);
  let parameters = 0;
  let residualSquared = 0;
  let normSquared = 0;
  const blocks: TtRowsResult[] = [];
  lastCores = null;
  for (let start = 0; start < e.rows; start += BLOCK_ROWS) {
    const end = Math.min(e.rows, start + BLOCK_ROWS);
    const block: TtRowsResult = ttCompressRows(rowsOf(e, start, end), input.shape, options);
    blocks.push(block);
    rowErrors.set(block.rowErrors, start);
    approx.data.set(block.reconstruction.data, start * e.cols);
    for (let i = 0; i < block.rows; i++) {
      const ranks = Array.from(block.ranks.subarray(i * (d + 1), (i + 1) * (d + 1)));
      ranks.forEach((r, k) => {
        maxRanks[k] = Math.max(maxRanks[k], r);
        rankSums[k] += r;
      });
      parameters += ttParameters(input.shape, ranks);
      for (let j = 0; j < e.cols; j++) {
        const x = e.data[(start + i) * e.cols + j];
        normSquared += x * x;
        residualSquared += (x - block.reconstruction.data[i * e.cols + j]) ** 2;
      }
    }
    context.progress(end / e.rows, `row ${end.toLocaleString('en-US')} of ${e.rows.toLocaleString('en-US')}`);
    await letMessagesIn();
    if (context.isCancelled()) throw new JobCancelled();
  }
  lastCores = joined(blocks, input.shape, e.rows);
  context.progress(1, 'other reshapes and ranks (a sample of rows)');
  const front = pareto(e, input.shape);
  const neighbours = table.words && input.words.length > 0 ? compareNeighbours(e, approx, table.words, input.words, input.neighbours) : null;
  const output: TtRowsJobOutput = {
    title: table.title,
    rows: e.rows,
    cols: e.cols,
    shape: input.shape.slice(),
    parameters,
    compressionFactor: (e.rows * e.cols) / parameters,
    relativeError: normSquared > 0 ? Math.sqrt(residualSquared / normSquared) : 0,
    rowErrors,
    maxRanks,
    meanRanks: rankSums.map((s) => s / e.rows),
    pareto: front,
    neighbours,
    vocabulary: table.words ? table.words.slice(0, 2000) : null,
    sha256: table.sha256,
    tiedHead: e.rows === 50257,
  };
  return { output, transfer: [rowErrors.buffer as ArrayBuffer] };
}
