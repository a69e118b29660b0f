/**
 * The human-writable link form for small matrices: `#m=3,0;4,5` (rows split by `;`, entries by `,`).
 * `decodeHumanHash` never throws: links are untrusted input, so it returns the matrix or a list of
 * readable problems. The compact versioned form (`#v1.…`) comes with the permalink format.
 */

export interface LinkMatrix {
  rows: number;
  cols: number;
  /** Row-major entries, all finite. */
  data: number[];
}

export interface LinkState {
  matrix: LinkMatrix;
}

export type DecodeResult = { ok: true; value: LinkState } | { ok: false; problems: string[] };

/** The largest matrix the human form carries; bigger ones need the compact form. */
export const HUMAN_FORM_MAX_SIZE = 12;
/** Longer hashes are refused before any parsing. */
const MAX_HASH_LENGTH = 20_000;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** Writes the shortest text that reads back to exactly the same float64 numbers. */
export function encodeHumanHash(state: LinkState): string {
  const { rows, cols, data } = state.matrix;
  const lines: string[] = [];
  for (let i = 0; i < rows; i++) {
    lines.push(data.slice(i * cols, (i + 1) * cols).map((x) => (Object.is(x, -0) ? '0' : String(x))).join(','));
  }
  return `m=${lines.join(';')}`;
}

/** Can this state be written in the human form? */
export function fitsHumanForm(state: LinkState): boolean {
  return state.matrix.rows <= HUMAN_FORM_MAX_SIZE && state.matrix.cols <= HUMAN_FORM_MAX_SIZE;
}

function shorten(text: string): string {
  return text.length > 24 ? `${text.slice(0, 21)}…` : text;
}

function decodeMatrix(text: string): { matrix?: LinkMatrix; problems: string[] } {
  if (text.trim() === '') return { problems: ['The link has "m=" but no matrix after it.'] };
  const lines = text.split(';');
  if (lines.length > HUMAN_FORM_MAX_SIZE) {
    return { problems: [`The link's matrix has ${lines.length} rows; links of this form carry at most ${HUMAN_FORM_MAX_SIZE}.`] };
  }
  const rowsOfText = lines.map((line) => line.split(','));
  const cols = rowsOfText[0].length;
  if (cols > HUMAN_FORM_MAX_SIZE) {
    return { problems: [`The link's matrix has ${cols} columns; links of this form carry at most ${HUMAN_FORM_MAX_SIZE}.`] };
  }
  const problems: string[] = [];
  const data: number[] = [];
  rowsOfText.forEach((entries, i) => {
    if (entries.length !== cols) {
      problems.push(`Row ${i + 1} of the link's matrix has ${entries.length} entries, but row 1 has ${cols}.`);
      return;
    }
    entries.forEach((entry, j) => {
      const trimmed = entry.trim();
      const value = Number(trimmed);
      if (!NUMBER.test(trimmed)) problems.push(`Entry (${i + 1}, ${j + 1}) of the link's matrix, "${shorten(trimmed)}", is not a number.`);
      else if (!Number.isFinite(value)) problems.push(`Entry (${i + 1}, ${j + 1}) of the link's matrix is too large.`);
      else data.push(value);
    });
  });
  if (problems.length > 0) return { problems: problems.slice(0, 5) };
  return { matrix: { rows: rowsOfText.length, cols, data }, problems: [] };
}

/** Reads a location hash (with or without the leading `#`). An empty hash is "no link". */
export function decodeHumanHash(hash: string): DecodeResult | null {
  let text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (text === '') return null;
  if (text.length > MAX_HASH_LENGTH) {
    return { ok: false, problems: [`The link is ${text.length} characters long; at most ${MAX_HASH_LENGTH} are read.`] };
  }
  try {
    text = decodeURIComponent(text);
  } catch {
    return { ok: false, problems: ['The link contains a broken %-escape.'] };
  }
  const params = new Map<string, string>();
  for (const part of text.split('&')) {
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    params.set(key, eq < 0 ? '' : part.slice(eq + 1));
  }
  const matrixText = params.get('m');
  if (matrixText === undefined) {
    return { ok: false, problems: [`The link "#${shorten(text)}" has no matrix (expected something like #m=3,0;4,5).`] };
  }
  const { matrix, problems } = decodeMatrix(matrixText);
  if (!matrix) return { ok: false, problems };
  return { ok: true, value: { matrix } };
}
