/**
 * Splits bracketed text into cell rows: nested lists ([[1, 2], [3, 4]] as JSON, NumPy's repr
 * `array([[1., 2.]], dtype=float32)` and its print form `[[1. 2.] [3. 4.]]`) and MATLAB
 * literals (`[1 2; 3 4]`, commas optional, rows on new lines).
 */
import { FormatError } from './types';
import type { CellRows, MatrixTextFormat } from './matrix-text-cells';

/** A nested list of cell strings. */
type Nested = string | Nested[];

/** Nesting beyond this is not a matrix and only risks deep recursion. */
const MAX_DEPTH = 32;

/**
 * Parses a nested list whose items are separated by commas or whitespace (NumPy's print form
 * has no commas). Returns the tree of cell strings.
 */
function parseNested(text: string, format: MatrixTextFormat): Nested {
  let pos = 0;
  const fail = (problem: string): never => {
    throw new FormatError(format, `${problem} at character ${pos + 1} (near ${JSON.stringify(text.slice(pos, pos + 20))})`);
  };
  const skip = (): void => {
    while (pos < text.length && /[\s,]/.test(text[pos])) pos++;
  };
  const parse = (depth: number): Nested => {
    if (depth > MAX_DEPTH) fail('brackets nested too deeply');
    skip();
    if (text[pos] === '[') {
      pos++;
      const items: Nested[] = [];
      for (skip(); text[pos] !== ']'; skip()) {
        if (pos >= text.length) fail("missing ']'");
        items.push(parse(depth + 1));
      }
      pos++;
      return items;
    }
    const start = pos;
    while (pos < text.length && !/[\s,[\]]/.test(text[pos])) pos++;
    if (pos === start) fail(`unexpected ${JSON.stringify(text[pos] ?? 'end of text')}`);
    const cell = text.slice(start, pos);
    if (cell === '...') fail('NumPy printed a summary with "..." instead of all values (print with np.set_printoptions(threshold=np.inf))');
    return cell;
  };
  const tree = parse(0);
  skip();
  if (pos < text.length) fail('unexpected text after the closing bracket');
  return tree;
}

/** Shape of a regular nested list, or undefined when it is ragged in depth. */
function depthOf(tree: Nested): number {
  return typeof tree === 'string' ? 0 : 1 + (tree.length > 0 ? depthOf(tree[0]) : 0);
}

/** Turns a parsed nested list into rows: a scalar is 1x1, a flat list 1xn, a list of lists m x n. */
function nestedToRows(tree: Nested, format: MatrixTextFormat): CellRows {
  const depth = depthOf(tree);
  if (depth === 0) return { format, cells: [[tree as string]] };
  const list = tree as Nested[];
  if (depth === 1) {
    if (list.some((item) => typeof item !== 'string')) throw new FormatError(format, 'mixed numbers and lists in one row');
    return { format, cells: [list as string[]] };
  }
  if (depth > 2) throw new FormatError(format, `this is a ${depth}-d array; paste a matrix (two levels of brackets)`);
  const cells = list.map((row, r) => {
    if (typeof row === 'string' || row.some((item) => typeof item !== 'string')) {
      throw new FormatError(format, `row ${r + 1} is not a flat list of numbers`);
    }
    return row as string[];
  });
  return { format, cells };
}

const NUMPY_WRAPPER = /^(?:(?:np|numpy)\.)?(?:array|asarray|matrix)\s*\(([\s\S]*)\)$/;
const DTYPE_SUFFIX = /,\s*dtype\s*=\s*[\w.'"]+\s*$/;

/** True when the text is a NumPy call such as `np.array(...)` or `array(...)`. */
export function isNumpyCall(text: string): boolean {
  return NUMPY_WRAPPER.test(text);
}

/** Splits `array([[1., 2.], [3., 4.]], dtype=float32)` and its np./numpy. spellings. */
export function splitNumpy(text: string): CellRows {
  const inner = (NUMPY_WRAPPER.exec(text)?.[1] ?? '').replace(DTYPE_SUFFIX, '');
  return nestedToRows(parseNested(inner, 'numpy'), 'numpy');
}

/**
 * Splits a bracketed list: strict JSON when it parses as JSON (labelled 'json'), otherwise
 * NumPy's print form, e.g. `[[1. 2.] [3. 4.]]` (labelled 'numpy').
 */
export function splitNestedList(text: string): CellRows {
  const format = isJson(text) ? 'json' : 'numpy';
  return nestedToRows(parseNested(text, format), format);
}

/** True when the text parses as JSON. */
export function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Splits a MATLAB literal: rows end at ';' or a line break, values are separated by commas
 * and/or spaces. Used for `[1 2; 3 4]` and, without brackets, for `1 2; 3 4`.
 */
export function splitMatlab(text: string): CellRows {
  const body = text.replace(/^\[/, '').replace(/\]$/, '');
  if (/[[\]]/.test(body)) throw new FormatError('matlab', 'nested brackets are not a MATLAB matrix literal');
  const cells = body
    .replace(/\.\.\.[^\n]*\n/g, ' ') // "..." continues a row on the next line
    .split(/[;\n\r]+/)
    .map((row) => row.trim())
    .filter((row) => row !== '')
    .map((row) => row.split(/[\s,]+/));
  return { format: 'matlab', cells };
}
