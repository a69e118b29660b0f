import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseMatrixText } from './matrix-text';
import { formatMatrixText } from './matrix-text-format';
import { FormatError } from './types';

const square = [1, 2, 3, 4];

describe('parseMatrixText detects and parses', () => {
  it.each([
    ['CSV', '1,2\n3,4', 'csv'],
    ['CSV with spaces and CRLF', ' 1 , 2 \r\n 3 , 4 \r\n', 'csv'],
    ['TSV', '1\t2\n3\t4', 'tsv'],
    ['whitespace', '1   2\n  3 4\n\n', 'whitespace'],
    ['np.savetxt output with a comment', '# made by numpy\n1.000000000000000000e+00 2.000000000000000000e+00\n3.000000000000000000e+00 4.000000000000000000e+00\n', 'whitespace'],
    ['JSON', '[[1,2],[3,4]]', 'json'],
    ['JSON over lines', '[\n  [1, 2],\n  [3, 4]\n]', 'json'],
    ['NumPy repr', 'array([[1., 2.],\n       [3., 4.]])', 'numpy'],
    ['NumPy repr with dtype', 'array([[1., 2.],\n       [3., 4.]], dtype=float32)', 'numpy'],
    ['np.array call', 'np.array([[1, 2], [3, 4]])', 'numpy'],
    ['numpy.array with assignment', 'A = numpy.array([[1, 2], [3, 4]], dtype=np.float64)', 'numpy'],
    ['NumPy print form', '[[1. 2.]\n [3. 4.]]', 'numpy'],
    ['MATLAB', '[1 2; 3 4]', 'matlab'],
    ['MATLAB with commas', '[1, 2; 3, 4]', 'matlab'],
    ['MATLAB over lines', '[1 2\n 3 4]', 'matlab'],
    ['MATLAB assignment', 'A = [1 2; 3 4];', 'matlab'],
    ['MATLAB without brackets', '1 2; 3 4', 'matlab'],
  ])('%s', (_what, text, format) => {
    const parsed = parseMatrixText(text);
    expect(parsed).toEqual({ rows: 2, cols: 2, data: new Float64Array(square), format });
  });

  it('reads a flat JSON list as 1 x n and a column as n x 1', () => {
    expect(parseMatrixText('[1, 2, 3]')).toMatchObject({ rows: 1, cols: 3, format: 'json' });
    expect(parseMatrixText('[[1], [2]]')).toMatchObject({ rows: 2, cols: 1 });
    expect(parseMatrixText('array([1, 2, 3])')).toMatchObject({ rows: 1, cols: 3, format: 'numpy' });
    expect(parseMatrixText('array(5.)')).toMatchObject({ rows: 1, cols: 1, data: new Float64Array([5]) });
    expect(parseMatrixText('7')).toMatchObject({ rows: 1, cols: 1, format: 'whitespace' });
  });

  it('accepts scientific notation and signs', () => {
    expect(Array.from(parseMatrixText('1e3, -2.5E-2, +.5, 6.').data)).toEqual([1000, -0.025, 0.5, 6]);
  });

  it('returns a CSV header row as column names', () => {
    const parsed = parseMatrixText('"sepal length",width\n5.1,3.5\n4.9,3.0');
    expect(parsed.columnNames).toEqual(['sepal length', 'width']);
    expect(parsed).toMatchObject({ rows: 2, cols: 2, format: 'csv' });
    expect(parseMatrixText('x\ty\n1\t2').columnNames).toEqual(['x', 'y']);
  });

  it('accepts NaN and Infinity only when allowed', () => {
    expect(() => parseMatrixText('1,2\n3,nan')).toThrow('csv: row 2 (line 2), column 2 is NaN; NaN and Infinity are refused unless allowNonFinite is set');
    expect(() => parseMatrixText('[1 -Inf]')).toThrow(/row 1, column 2 is -Infinity/);
    const parsed = parseMatrixText('array([nan, inf, -inf])', { allowNonFinite: true });
    expect(Array.from(parsed.data)).toEqual([NaN, Infinity, -Infinity]);
  });
});

describe('parseMatrixText refuses with a message', () => {
  it.each([
    ['', /the input is empty/],
    ['  \n\t ', /the input is empty/],
    ['1,2,3\n4,5', /csv: row 2 \(line 2\) has 2 values, expected 3 like row 1/],
    ['[[1, 2], [3]]', /json: row 2 has 1 value, expected 2/],
    ['[1 2; 3]', /matlab: row 2 has 1 value, expected 2/],
    ['1,2\n3,abc', /row 2 \(line 2\), column 2: "abc" is not a number/],
    ['1,,3', /row 1 \(line 1\), column 2 is empty/],
    ['a,b\n', /header row but no numbers/],
    ['a,b,c\n1,2', /header row has 3 names but row 1 \(line 2\) has 2 values/],
    ['[[[1]], [[2]]]', /3-d array/],
    ['[[1, 2]', /missing '\]'/],
    ['array([1, 2, ..., 9])', /summary with "..."/],
    ['[[1, [2]], [3, 4]]', /row 1 is not a flat list/],
    ['[]', /no numbers found/],
    ['[[1, 2], [3, 4]] extra', /unexpected text after the closing bracket/],
  ])('%j', (text, message) => {
    expect(() => parseMatrixText(text)).toThrow(message);
  });

  it('bounds the number of cells', () => {
    expect(() => parseMatrixText('1 2 3\n4 5 6', { maxElements: 5 })).toThrow(/more than the limit of 5/);
  });

  it('throws only FormatError on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        try {
          parseMatrixText(text);
        } catch (error) {
          if (!(error instanceof FormatError)) throw error;
        }
      }),
      { seed: 20261123, numRuns: 500 },
    );
  });
});

describe('formatMatrixText', () => {
  const values = [0.1, -2, 1e-300, 12345678.9, 0, 1 / 3];

  it.each(['csv', 'tsv', 'whitespace', 'json', 'numpy', 'matlab'] as const)('round-trips through %s exactly', (format) => {
    const text = formatMatrixText(2, 3, values, format);
    expect(parseMatrixText(text)).toEqual({ rows: 2, cols: 3, data: new Float64Array(values), format });
  });

  it('writes NumPy and MATLAB forms people recognise', () => {
    expect(formatMatrixText(2, 2, square, 'numpy')).toBe('np.array([[1, 2],\n          [3, 4]], dtype=np.float64)');
    expect(formatMatrixText(2, 2, square, 'matlab')).toBe('[1 2;\n 3 4]');
    expect(formatMatrixText(1, 3, [NaN, Infinity, -Infinity], 'numpy')).toBe('np.array([[np.nan, np.inf, -np.inf]], dtype=np.float64)');
  });

  it('round-trips random matrices through CSV', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((rows) =>
          fc.integer({ min: 1, max: 5 }).chain((cols) =>
            fc.tuple(fc.constant(rows), fc.constant(cols), fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: rows * cols, maxLength: rows * cols })),
          ),
        ),
        ([rows, cols, data]) => {
          const parsed = parseMatrixText(formatMatrixText(rows, cols, data, 'csv'));
          expect(Array.from(parsed.data)).toEqual(data);
        },
      ),
      { seed: 7, numRuns: 200 },
    );
  });

  it('refuses a length that disagrees with the shape', () => {
    expect(() => formatMatrixText(2, 2, [1, 2, 3], 'csv')).toThrow(/needs 4 values, got 3/);
  });
});
