/**
 * The 'parseText' job: a pasted or typed matrix in any of the text forms the io layer reads (CSV,
 * TSV, whitespace columns, JSON, NumPy, MATLAB). Parsing runs here so a pasted megabyte never
 * blocks the page.
 */
import { parseMatrixText } from '../io/matrix-text';
import type { HandlerResult, JobContext } from './protocol';
import type { MatrixJobOutput } from './randomSpectrumJob';

export interface ParseTextJobInput {
  text: string;
}

export interface ParsedTextOutput extends MatrixJobOutput {
  /** Which form was recognised, for the message ("read as CSV"). */
  format: string;
}

export function runParseTextJob(input: ParseTextJobInput, context: JobContext): HandlerResult<ParsedTextOutput> {
  context.progress(0, 'reading the text');
  const parsed = parseMatrixText(input.text);
  return {
    output: { rows: parsed.rows, cols: parsed.cols, data: parsed.data, format: parsed.format },
    transfer: [parsed.data.buffer as ArrayBuffer],
  };
}
