/**
 * The front door for typed or pasted matrices: detects the form (CSV, TSV, whitespace columns,
 * JSON, NumPy, MATLAB) and parses it into a row-major Float64Array.
 */
import { isJson, isNumpyCall, splitMatlab, splitNestedList, splitNumpy } from './matrix-text-brackets';
import { cellsToMatrix, type CellRows, type MatrixTextOptions, type ParsedMatrix } from './matrix-text-cells';
import { detectDelimiter, splitDelimited } from './matrix-text-delimited';
import { FormatError } from './types';

export type { MatrixTextFormat, MatrixTextOptions, ParsedMatrix } from './matrix-text-cells';

/**
 * Parses a matrix from text, detecting its form. Throws FormatError naming the row and column of
 * the first problem (ragged rows, a non-number, NaN/Inf unless allowed, empty input).
 * @example parseMatrixText('[1 2; 3 4]') // { rows: 2, cols: 2, data: [1, 2, 3, 4], format: 'matlab' }
 * @example parseMatrixText('a,b\n1,2') // { rows: 1, cols: 2, data: [1, 2], format: 'csv', columnNames: ['a', 'b'] }
 */
export function parseMatrixText(text: string, options: MatrixTextOptions = {}): ParsedMatrix {
  return cellsToMatrix(splitText(text), options);
}

function splitText(text: string): CellRows {
  // A leading "A = " (MATLAB, Python) and a trailing ';' are not part of the matrix.
  const trimmed = text
    .trim()
    .replace(/^[A-Za-z_]\w*\s*=(?!=)\s*/, '')
    .replace(/;\s*$/, '')
    .trim();
  if (trimmed === '') throw new FormatError('text', 'the input is empty; type or paste numbers, e.g. 1 2; 3 4');
  if (isNumpyCall(trimmed)) return splitNumpy(trimmed);
  if (trimmed.startsWith('[')) {
    // [[...]] is a nested list; [1, 2, 3] is JSON; [1 2; 3 4] and [1 2 3] are MATLAB.
    if (/^\[\s*\[/.test(trimmed)) return splitNestedList(trimmed);
    if (!/[;\n]/.test(trimmed) && isJson(trimmed)) return splitNestedList(trimmed);
    return splitMatlab(trimmed);
  }
  const delimiter = detectDelimiter(trimmed);
  // "1 2; 3 4" without brackets: MATLAB rows on one line.
  if (delimiter === 'whitespace' && trimmed.includes(';')) return splitMatlab(trimmed);
  return splitDelimited(trimmed, delimiter);
}
