/**
 * The 'loadEmbeddings' job: fetches a word-embedding table shipped with the app (a float32 .npy of
 * vectors, one row per word, and a JSON file listing the words) and returns it as a labelled matrix.
 */
import { readNpy } from '../io/npy-read';
import { FormatError } from '../io/types';
import type { HandlerResult, JobContext } from './protocol';
import type { MatrixJobOutput } from './randomSpectrumJob';

export interface EmbeddingsJobInput {
  vectorsUrl: string;
  wordsUrl: string;
}

async function fetchOk(url: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Could not load ${url}: the server answered ${response.status} ${response.statusText}.`);
  return response;
}

/** The shipped table: its vectors as float64 rows and its words (the tensor workspace compresses it too). */
export async function loadEmbeddingTable(input: EmbeddingsJobInput, context: JobContext): Promise<{ rows: number; cols: number; data: Float64Array; words: string[] }> {
  context.progress(0, 'downloading the embeddings');
  const [vectorsResponse, wordsResponse] = await Promise.all([fetchOk(input.vectorsUrl), fetchOk(input.wordsUrl)]);
  const bytes = new Uint8Array(await vectorsResponse.arrayBuffer());
  const wordFile: unknown = await wordsResponse.json();
  // The word file is { source, selection, rows, dimensions, words }; a bare list is accepted too.
  const words = Array.isArray(wordFile) ? wordFile : (wordFile as { words?: unknown })?.words;
  context.progress(0.8, 'reading the embeddings');
  const array = readNpy(bytes);
  if (array.shape.length !== 2) throw new FormatError('npy', `the embeddings must be a matrix, got shape [${array.shape.join(', ')}]`);
  const [rows, cols] = array.shape;
  if (!Array.isArray(words) || words.length !== rows || !words.every((w) => typeof w === 'string')) {
    throw new Error(`The word list does not match the ${rows} embedding rows.`);
  }
  return { rows, cols, data: Float64Array.from(array.data), words: words as string[] };
}

export async function runEmbeddingsJob(input: EmbeddingsJobInput, context: JobContext): Promise<HandlerResult<MatrixJobOutput>> {
  const { rows, cols, data, words } = await loadEmbeddingTable(input, context);
  return { output: { rows, cols, data, rowLabels: words }, transfer: [data.buffer as ArrayBuffer] };
}
