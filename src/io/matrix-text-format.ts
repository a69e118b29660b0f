/** Writes a matrix as text for copying out: CSV, TSV, whitespace, JSON, NumPy or MATLAB. */
import type { MatrixTextFormat } from './matrix-text-cells';
import { FormatError } from './types';

/** How each form spells NaN, +Infinity and -Infinity. */
const NON_FINITE: Record<MatrixTextFormat, [string, string, string]> = {
  csv: ['NaN', 'Infinity', '-Infinity'],
  tsv: ['NaN', 'Infinity', '-Infinity'],
  whitespace: ['NaN', 'Infinity', '-Infinity'],
  // JSON has no NaN or Infinity; null is the usual stand-in (parseMatrixText refuses it).
  json: ['null', 'null', 'null'],
  numpy: ['np.nan', 'np.inf', '-np.inf'],
  matlab: ['NaN', 'Inf', '-Inf'],
};

/**
 * Formats a row-major matrix. Numbers use the shortest text that reads back to the same float64,
 * so `parseMatrixText(formatMatrixText(...))` round-trips exactly (non-finite values need
 * allowNonFinite, and JSON writes them as null).
 * @example formatMatrixText(2, 2, [1, 2, 3, 4], 'numpy') // 'np.array([[1, 2],\n          [3, 4]], dtype=np.float64)'
 */
export function formatMatrixText(rows: number, cols: number, data: ArrayLike<number>, format: MatrixTextFormat): string {
  if (!Number.isSafeInteger(rows) || !Number.isSafeInteger(cols) || rows < 0 || cols < 0 || rows * cols !== data.length) {
    throw new FormatError(format, `a ${rows} x ${cols} matrix needs ${rows * cols} values, got ${data.length}`);
  }
  const [nan, inf, minusInf] = NON_FINITE[format];
  const num = (x: number): string => {
    if (Number.isNaN(x)) return nan;
    if (x === Infinity) return inf;
    if (x === -Infinity) return minusInf;
    return Object.is(x, -0) ? '-0' : String(x); // String(-0) is "0"
  };
  const lines: string[][] = [];
  for (let r = 0; r < rows; r++) {
    const line: string[] = [];
    for (let c = 0; c < cols; c++) line.push(num(data[r * cols + c]));
    lines.push(line);
  }
  switch (format) {
    case 'csv':
      return lines.map((l) => l.join(',')).join('\n') + '\n';
    case 'tsv':
      return lines.map((l) => l.join('\t')).join('\n') + '\n';
    case 'whitespace':
      return lines.map((l) => l.join(' ')).join('\n') + '\n';
    case 'json':
      return `[${lines.map((l) => `[${l.join(', ')}]`).join(',\n ')}]`;
    case 'numpy':
      // dtype keeps integers such as 1 from making an int array.
      return `np.array([${lines.map((l) => `[${l.join(', ')}]`).join(',\n          ')}], dtype=np.float64)`;
    case 'matlab':
      return `[${lines.map((l) => l.join(' ')).join(';\n ')}]`;
  }
}
