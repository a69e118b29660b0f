/**
 * The human-writable link form: `#m=3,0;4,5&r=1` (rows split by `;`, entries by `,`), or a preset
 * by name and parameters: `#p=random&size=768x768&spectrum=geometric&decay=0.001&seed=42&r=64`.
 * Optional view keys: `r` (rank), `view` (map, cloud, heatmaps, attention), `of` (rows, columns), `step`
 * (animation step, 0 to 3), `cam` (camera position x,y,z), `att` (the attention view's synthetic head),
 * `cmp` (a subspace comparison against A plus noise).
 *
 * `decodeHumanHash` never throws: links are untrusted input, so it returns the state or a list of
 * readable problems, and bounds every size before anything is allocated. Unknown keys are ignored,
 * so links from newer versions still open what they can. The compact versioned form (`#v1.…`) comes
 * with the permalink format.
 */

export interface LinkMatrix {
  rows: number;
  cols: number;
  /** Row-major entries, all finite (a plain array from the human form, a Float64Array from the compact one). */
  data: number[] | Float64Array;
}

export interface LinkPreset {
  id: string;
  /** The preset's own parameters, as text; the state layer checks them. */
  params: Record<string, string>;
}

export type LinkView = 'map' | 'cloud' | 'heatmaps' | 'attention';

/** Data too big to inline: an array of a file at a URL, or of a local file the person must open. */
export interface LinkRef {
  url?: string;
  file?: string;
  size?: number;
  entry: string;
  slice: number[];
  sha256: string;
}

export interface LinkState {
  matrix?: LinkMatrix;
  preset?: LinkPreset;
  ref?: LinkRef;
  rank?: number;
  view?: LinkView;
  of?: 'rows' | 'columns';
  step?: number;
  /** Camera position (looking at the origin). */
  cam?: [number, number, number];
  /** The attention view's synthetic head: width, seed, head size, head (0-based), layout. */
  attention?: { dModel: number; seed: number; headSize: number; head: number; layout: 'x-times-w' | 'w-times-x' };
  /** The subspace comparison against A plus noise. */
  compare?: { side: 'row' | 'column'; level: number; seed: number };
}

export type DecodeResult = { ok: true; value: LinkState } | { ok: false; problems: string[] };

/** The largest matrix the human form carries; bigger ones need the compact form. */
export const HUMAN_FORM_MAX_SIZE = 12;
/** Longer hashes are refused before any parsing. */
const MAX_HASH_LENGTH = 20_000;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const PRESET_ID = /^[a-z0-9-]{1,40}$/;
const PRESET_PARAM = /^[A-Za-z0-9.+\-x]{1,40}$/;
/** Keys that are not preset parameters. */
const STATE_KEYS = new Set(['m', 'p', 'r', 'view', 'of', 'step', 'cam', 'att', 'cmp']);
const SHA256 = /^[0-9a-f]{64}$/;
const VIEWS: readonly LinkView[] = ['map', 'cloud', 'heatmaps', 'attention'];

function formatNumber(x: number): string {
  return Object.is(x, -0) ? '0' : String(x);
}

/** Writes the state; numbers in the shortest text that reads back to exactly the same float64. */
export function encodeHumanHash(state: LinkState): string {
  const parts: string[] = [];
  if (state.matrix) {
    const { rows, cols, data } = state.matrix;
    const lines: string[] = [];
    for (let i = 0; i < rows; i++) lines.push(Array.from(data.slice(i * cols, (i + 1) * cols), formatNumber).join(','));
    parts.push(`m=${lines.join(';')}`);
  } else if (state.preset) {
    parts.push(`p=${state.preset.id}`);
    for (const [key, value] of Object.entries(state.preset.params)) parts.push(`${key}=${value}`);
  } else if (state.ref) {
    const { url, file, size, entry, slice, sha256 } = state.ref;
    if (url !== undefined) parts.push(`src=${encodeURIComponent(url)}`);
    if (file !== undefined) parts.push(`file=${encodeURIComponent(file)}`);
    if (size !== undefined) parts.push(`size=${size}`);
    parts.push(`entry=${encodeURIComponent(entry)}`);
    if (slice.length > 0) parts.push(`slice=${slice.join(',')}`);
    parts.push(`sha256=${sha256}`);
  }
  if (state.rank !== undefined) parts.push(`r=${state.rank}`);
  if (state.view !== undefined) parts.push(`view=${state.view}`);
  if (state.of !== undefined) parts.push(`of=${state.of}`);
  if (state.step !== undefined) parts.push(`step=${formatNumber(state.step)}`);
  if (state.cam !== undefined) parts.push(`cam=${state.cam.map(formatNumber).join(',')}`);
  if (state.attention !== undefined) {
    const a = state.attention;
    parts.push(`att=${a.dModel},${a.seed},${a.headSize},${a.head + 1},${a.layout === 'x-times-w' ? 'xw' : 'wx'}`);
  }
  if (state.compare !== undefined) parts.push(`cmp=${state.compare.side},${formatNumber(state.compare.level)},${state.compare.seed}`);
  return parts.join('&');
}

/** Can this matrix be written in the human form? */
export function fitsHumanForm(matrix: { rows: number; cols: number }): boolean {
  return matrix.rows <= HUMAN_FORM_MAX_SIZE && matrix.cols <= HUMAN_FORM_MAX_SIZE;
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

/** Splits `a=1&b=2` into a map; a repeated key keeps its last value, as URLSearchParams.get does not. */
function splitParams(text: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    params.set(eq < 0 ? part : part.slice(0, eq), eq < 0 ? '' : part.slice(eq + 1));
  }
  return params;
}

function decodeViewKeys(params: Map<string, string>, value: LinkState, problems: string[]): void {
  const rank = params.get('r');
  if (rank !== undefined) {
    if (/^\d{1,6}$/.test(rank) && Number(rank) >= 1) value.rank = Number(rank);
    else problems.push(`The rank "r=${shorten(rank)}" must be a whole number of at least 1.`);
  }
  const view = params.get('view');
  if (view !== undefined) {
    if ((VIEWS as readonly string[]).includes(view)) value.view = view as LinkView;
    else problems.push(`The view "${shorten(view)}" is not one of ${VIEWS.join(', ')}.`);
  }
  const of = params.get('of');
  if (of !== undefined) {
    if (of === 'rows' || of === 'columns') value.of = of;
    else problems.push(`"of=${shorten(of)}" must be rows or columns.`);
  }
  const cam = params.get('cam');
  if (cam !== undefined) {
    const values = cam.split(',');
    if (values.length === 3 && values.every((v) => NUMBER.test(v) && Math.abs(Number(v)) < 1e6)) value.cam = values.map(Number) as [number, number, number];
    else problems.push(`The camera "cam=${shorten(cam)}" must be three numbers x,y,z.`);
  }
  const att = params.get('att');
  if (att !== undefined) {
    const m = /^(\d{1,5}),(\d{1,10}),(\d{1,5}),(\d{1,5}),(xw|wx)$/.exec(att);
    if (m && Number(m[1]) >= 2 && Number(m[1]) <= 4096 && Number(m[3]) >= 1 && Number(m[4]) >= 1) {
      value.attention = { dModel: Number(m[1]), seed: Number(m[2]), headSize: Number(m[3]), head: Number(m[4]) - 1, layout: m[5] === 'xw' ? 'x-times-w' : 'w-times-x' };
    } else problems.push(`The attention settings "att=${shorten(att)}" must be d_model,seed,head size,head,xw|wx (d_model 2 to 4096).`);
  }
  const cmp = params.get('cmp');
  if (cmp !== undefined) {
    const m = /^(row|column),([0-9.e+-]{1,20}),(\d{1,10})$/.exec(cmp);
    const level = m ? Number(m[2]) : NaN;
    if (m && level >= 0 && level <= 10) value.compare = { side: m[1] as 'row' | 'column', level, seed: Number(m[3]) };
    else problems.push(`The comparison "cmp=${shorten(cmp)}" must be row|column,noise level (0 to 10),seed.`);
  }
  const step = params.get('step');
  if (step !== undefined) {
    const x = Number(step);
    if (NUMBER.test(step) && x >= 0 && x <= 3) value.step = x;
    else problems.push(`The animation step "${shorten(step)}" must be a number from 0 to 3.`);
  }
}

function decodeRef(params: Map<string, string>, entry: string, problems: string[]): LinkRef | null {
  const ref: LinkRef = { entry, slice: [], sha256: params.get('sha256') ?? '' };
  const url = params.get('src');
  if (url !== undefined) {
    if (!/^https?:\/\/\S{1,2000}$/i.test(url)) problems.push(`"${shorten(url)}" is not an http or https URL.`);
    else ref.url = url;
  }
  const file = params.get('file');
  if (file !== undefined) {
    if (file.length === 0 || file.length > 255 || /[\\/]/.test(file)) problems.push(`"${shorten(file)}" is not a file name.`);
    else ref.file = file;
  }
  const size = params.get('size');
  if (size !== undefined) {
    if (/^\d{1,15}$/.test(size)) ref.size = Number(size);
    else problems.push(`The file size "${shorten(size)}" is not a whole number.`);
  }
  if (entry.length === 0 || entry.length > 300) problems.push('The link names no array of the file.');
  const slice = params.get('slice');
  if (slice !== undefined) {
    if (/^\d{1,9}(,\d{1,9}){0,7}$/.test(slice)) ref.slice = slice.split(',').map(Number);
    else problems.push(`The slice "${shorten(slice)}" must be indices separated by commas.`);
  }
  if (!SHA256.test(ref.sha256)) problems.push('The link has no valid SHA-256 of its data (64 hexadecimal digits).');
  return problems.length > 0 ? null : ref;
}

/** Reads a location hash (with or without the leading `#`). An empty hash is "no link". */
export function decodeHumanHash(hash: string): DecodeResult | null {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (text === '') return null;
  if (text.length > MAX_HASH_LENGTH) {
    return { ok: false, problems: [`The link is ${text.length} characters long; at most ${MAX_HASH_LENGTH} are read.`] };
  }
  let params: Map<string, string>;
  try {
    // Split first, then unescape each value: a URL inside the link may itself hold & and =.
    params = new Map([...splitParams(text)].map(([key, value]) => [decodeURIComponent(key), decodeURIComponent(value)]));
  } catch {
    return { ok: false, problems: ['The link contains a broken %-escape.'] };
  }
  const problems: string[] = [];
  const value: LinkState = {};
  const matrixText = params.get('m');
  const presetId = params.get('p');
  const entry = params.get('entry');
  if (entry !== undefined && (params.has('src') || params.has('file'))) {
    const ref = decodeRef(params, entry, problems);
    if (ref) value.ref = ref;
  } else if (matrixText !== undefined) {
    const decoded = decodeMatrix(matrixText);
    if (decoded.matrix) value.matrix = decoded.matrix;
    problems.push(...decoded.problems);
  } else if (presetId !== undefined) {
    if (!PRESET_ID.test(presetId)) problems.push(`"${shorten(presetId)}" is not a preset name.`);
    const presetParams: Record<string, string> = {};
    for (const [key, text] of params) {
      if (STATE_KEYS.has(key)) continue;
      if (!PRESET_ID.test(key) || !PRESET_PARAM.test(text)) problems.push(`The preset parameter "${shorten(key)}=${shorten(text)}" is not valid.`);
      else presetParams[key] = text;
    }
    value.preset = { id: presetId, params: presetParams };
  } else {
    return { ok: false, problems: [`The link "#${shorten(text)}" has no matrix (expected something like #m=3,0;4,5).`] };
  }
  decodeViewKeys(params, value, problems);
  return problems.length > 0 ? { ok: false, problems: problems.slice(0, 5) } : { ok: true, value };
}
