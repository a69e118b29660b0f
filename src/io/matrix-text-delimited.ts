/** Splits delimited text (CSV, TSV, whitespace columns) into cell rows, finding a header row. */
import { parseNumberCell, type CellRows } from './matrix-text-cells';

type Delimited = 'csv' | 'tsv' | 'whitespace';

/** Lines that hold data: not blank, not a comment (# from np.savetxt, % from MATLAB/Octave). */
function dataLines(text: string): { line: string; number: number }[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line, i) => ({ line: line.trim(), number: i + 1 }))
    .filter(({ line }) => line !== '' && !line.startsWith('#') && !line.startsWith('%'));
}

/** Chooses the delimiter: any tab means TSV, else any comma means CSV, else whitespace. */
export function detectDelimiter(text: string): Delimited {
  if (text.includes('\t')) return 'tsv';
  if (text.includes(',')) return 'csv';
  return 'whitespace';
}

/** Splits one CSV line, honouring double quotes ("a, b" and "" for a quote inside). */
function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(cell.trim());
      cell = '';
    } else cell += ch;
  }
  cells.push(cell.trim());
  return cells;
}

function splitLine(line: string, format: Delimited): string[] {
  if (format === 'csv') return splitCsvLine(line);
  if (format === 'tsv') return line.split('\t').map((cell) => cell.trim());
  return line.split(/\s+/);
}

/**
 * Splits delimited text into rows. A first row with any non-numeric cell is a header: its cells
 * become column names (surrounding quotes removed).
 */
export function splitDelimited(text: string, format: Delimited): CellRows {
  const lines = dataLines(text);
  const cells = lines.map(({ line }) => splitLine(line, format));
  const result: CellRows = { format, cells, lines: lines.map((l) => l.number) };
  if (cells.length > 0 && cells[0].some((cell) => cell !== '' && parseNumberCell(cell) === undefined)) {
    result.columnNames = cells[0].map((name) => name.replace(/^"(.*)"$/, '$1'));
    result.cells = cells.slice(1);
    result.lines = result.lines?.slice(1);
  }
  return result;
}
