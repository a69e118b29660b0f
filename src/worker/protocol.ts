/**
 * The typed message protocol between the store (through `ComputeClient`) and the compute worker.
 *
 * Every job has an id (unique per client), a slot (jobs in the same slot supersede each other:
 * latest wins) and a kind. The kinds and their payload/result types are listed once in `JobMap`;
 * adding a decomposition means adding an entry there and a handler in `handlers.ts`.
 */
import type { SvdJobInput, SvdJobOutput } from './svdJob';
import type { MatrixJobOutput, RandomSpectrumJobInput } from './randomSpectrumJob';
import type { ParsedTextOutput, ParseTextJobInput } from './parseTextJob';
import type { EmbeddingsJobInput } from './embeddingsJob';
import type { LoadArrayJobInput, LoadArrayJobOutput, OpenFileJobInput, OpenFileJobOutput, OpenUrlJobInput } from './fileJobs';
import type { AttentionJobInput, AttentionJobOutput } from './attentionJob';
import type { CompareJobInput, CompareJobOutput } from './compareJob';
import type { ExportJobInput, ExportJobOutput } from './exportJob';
import type { HoldMatrixPartInput, HoldMatrixPartOutput } from './heldMatrices';
import type { WeightedJobInput, WeightedJobOutput, WeightedPartial } from './weightedJob';
import type { TensorJobInput, TensorJobOutput } from './tensorJob';
import type { TtRowsJobInput, TtRowsJobOutput } from './ttRowsJob';
import type { TtExportJobInput, TtExportJobOutput } from './ttExportJob';
import type { WeightedExportJobInput } from './weightedExportJob';

/** Every job kind with its input and output. */
export interface JobMap {
  svd: { input: SvdJobInput; output: SvdJobOutput };
  randomSpectrum: { input: RandomSpectrumJobInput; output: MatrixJobOutput };
  parseText: { input: ParseTextJobInput; output: ParsedTextOutput };
  loadEmbeddings: { input: EmbeddingsJobInput; output: MatrixJobOutput };
  openFile: { input: OpenFileJobInput; output: OpenFileJobOutput };
  openUrl: { input: OpenUrlJobInput; output: OpenFileJobOutput };
  loadArray: { input: LoadArrayJobInput; output: LoadArrayJobOutput };
  attentionHead: { input: AttentionJobInput; output: AttentionJobOutput };
  compareSubspaces: { input: CompareJobInput; output: CompareJobOutput };
  exportFactors: { input: ExportJobInput; output: ExportJobOutput };
  holdMatrixPart: { input: HoldMatrixPartInput; output: HoldMatrixPartOutput };
  weightedRace: { input: WeightedJobInput; output: WeightedJobOutput; partial: WeightedPartial };
  tensorDecompose: { input: TensorJobInput; output: TensorJobOutput };
  ttRows: { input: TtRowsJobInput; output: TtRowsJobOutput };
  exportTensorTrain: { input: TtExportJobInput; output: TtExportJobOutput };
  exportWeighted: { input: WeightedExportJobInput; output: { bytes: Uint8Array } };
}

export type JobKind = keyof JobMap;
export type JobInput<K extends JobKind> = JobMap[K]['input'];
export type JobOutput<K extends JobKind> = JobMap[K]['output'];
/**
 * What a job streams while it runs (an iterative method's objective so far and its factors), for
 * kinds whose entry in JobMap has a `partial`; `never` for the rest.
 */
export type JobPartial<K extends JobKind> = JobMap[K] extends { partial: infer P } ? P : never;

/** Messages from the client to the worker. */
export type ToWorker =
  | { type: 'run'; id: number; kind: JobKind; input: unknown }
  | { type: 'cancel'; id: number };

/** Messages from the worker to the client. */
export type FromWorker =
  | { type: 'started'; id: number }
  | { type: 'progress'; id: number; fraction: number; stage: string }
  | { type: 'partial'; id: number; value: unknown }
  | { type: 'result'; id: number; output: unknown }
  | { type: 'error'; id: number; message: string; code?: JobErrorCode }
  | { type: 'cancelled'; id: number };

/**
 * Failures the page reacts to (rather than only showing them), by code instead of by their English
 * text: the worker no longer holds a matrix it was asked for by key (the page sends it back), no
 * longer has a file open (the page reopens it), or an array has NaN entries (the page offers to read
 * them as missing values), or a job's estimate is over the time budget (the page offers to run it anyway).
 */
export type JobErrorCode = 'matrix-not-held' | 'file-not-open' | 'has-missing' | 'over-budget';

/** An error a handler throws with a code the page can act on. */
export class CodedJobError extends Error {
  constructor(readonly code: JobErrorCode, message: string) {
    super(message);
    this.name = 'CodedJobError';
  }
}

/** What a handler may report while it runs, and how it learns it should stop. */
export interface JobContext<P = unknown> {
  progress(fraction: number, stage: string): void;
  /** Streams an intermediate result (moving `transfer`'s buffers); the page gets it in `onPartial`. */
  partial(value: P, transfer?: ArrayBuffer[]): void;
  /** True once the client has cancelled this job (checked between stages). */
  isCancelled(): boolean;
}

/** A context that reports nothing and is never cancelled: for running handlers outside the worker (tests, bench). */
export const QUIET_CONTEXT: JobContext<never> = {
  progress() {},
  partial() {},
  isCancelled: () => false,
};

/** A handler returns its output and the buffers to move (not copy) to the client. */
export interface HandlerResult<O> {
  output: O;
  transfer: ArrayBuffer[];
}

export type Handler<K extends JobKind> = (
  input: JobInput<K>,
  context: JobContext<JobPartial<K>>,
) => HandlerResult<JobOutput<K>> | Promise<HandlerResult<JobOutput<K>>>;

export type HandlerTable = { [K in JobKind]: Handler<K> };

/** Raised inside a handler when it notices cancellation; the host reports it as 'cancelled'. */
export class JobCancelled extends Error {
  constructor() {
    super('job cancelled');
    this.name = 'JobCancelled';
  }
}
