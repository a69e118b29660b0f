/**
 * The shared back half of pasted-text parsing: every text form (CSV, TSV, JSON, NumPy, MATLAB)
 * is first split into rows of string cells, then this module turns the cells into numbers with
 * the same checks and messages for all forms.
 */
import { FormatError, fmtInt } from './types';

/** The text forms parseMatrixText recognises. */
export type MatrixTextFormat = 'csv' | 'tsv' | 'whitespace' | 'json' | 'numpy' | 'matlab';

/** Rows of cells as a form's splitter found them. */
export interface CellRows {
  format: MatrixTextFormat;
  cells: string[][];
  /** 1-based source line of each row, for messages; absent for bracket forms on one line. */
  lines?: number[];
  columnNames?: string[];
}

/** Options for parseMatrixText. */
export interface MatrixTextOptions {
  /** Accept NaN and +-Infinity (nan, inf, Infinity, np.nan, ...). Default false: they are refused. */
  allowNonFinite?: boolean;
  /** Refuse more cells than this. Default 2^24 (16.7 million). */
  maxElements?: number;
}

/** A parsed matrix, row-major. */
export interface ParsedMatrix {
  rows: number;
  cols: number;
  data: Float64Array;
  format: MatrixTextFormat;
  /** Names from a header row (CSV, TSV or whitespace forms only). */
  columnNames?: string[];
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const NON_FINITE = /^([+-]?)(?:(?:np|numpy)\.)?(nan|inf|infinity)$/i;

/**
 * Reads one cell as a number: decimal and scientific forms; NaN/Inf spellings of Python, NumPy,
 * MATLAB, JavaScript and R. Returns undefined for anything else.
 */
export function parseNumberCell(cell: string): number | undefined {
  if (NUMBER.test(cell)) return Number(cell);
  const special = NON_FINITE.exec(cell);
  if (!special) return undefined;
  if (special[2].toLowerCase() === 'nan') return NaN;
  return special[1] === '-' ? -Infinity : Infinity;
}

/** Converts cell rows into a matrix, naming the row and column of the first problem. */
export function cellsToMatrix(rows: CellRows, options: MatrixTextOptions = {}): ParsedMatrix {
  const { format, cells } = rows;
  const fail = (message: string): never => {
    throw new FormatError(format, message);
  };
  const where = (r: number): string => (rows.lines ? `row ${r + 1} (line ${rows.lines[r]})` : `row ${r + 1}`);
  if (cells.length === 0 || cells[0].length === 0) {
    fail(rows.columnNames ? 'there is a header row but no numbers below it' : 'no numbers found');
  }
  const cols = cells[0].length;
  if (rows.columnNames && rows.columnNames.length !== cols) {
    fail(`the header row has ${rows.columnNames.length} names but ${where(0)} has ${cols} values`);
  }
  const max = options.maxElements ?? 2 ** 24;
  if (cells.length * cols > max) fail(`${fmtInt(cells.length)} x ${fmtInt(cols)} values are more than the limit of ${fmtInt(max)}`);
  const data = new Float64Array(cells.length * cols);
  for (let r = 0; r < cells.length; r++) {
    const row = cells[r];
    if (row.length !== cols) {
      fail(`${where(r)} has ${row.length} value${row.length === 1 ? '' : 's'}, expected ${cols} like row 1`);
    }
    for (let c = 0; c < cols; c++) {
      const value = parseNumberCell(row[c]);
      if (value === undefined) {
        fail(row[c] === '' ? `${where(r)}, column ${c + 1} is empty` : `${where(r)}, column ${c + 1}: ${JSON.stringify(row[c].slice(0, 40))} is not a number`);
      } else if (!Number.isFinite(value) && !options.allowNonFinite) {
        fail(`${where(r)}, column ${c + 1} is ${value}; NaN and Infinity are refused unless allowNonFinite is set`);
      } else {
        data[r * cols + c] = value;
      }
    }
  }
  const result: ParsedMatrix = { rows: cells.length, cols, data, format };
  if (rows.columnNames) result.columnNames = rows.columnNames;
  return result;
}
