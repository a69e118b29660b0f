/**
 * The human-writable link form: `#m=3,0;4,5&r=1` (rows split by `;`, entries by `,`), or a preset
 * by name and parameters: `#p=random&size=768x768&spectrum=geometric&decay=0.001&seed=42&r=64`,
 * or an array of a file by reference: `#src=https://…&entry=h.3.attn&sha256=…`.
 * Optional view keys: `r` (rank), `view` (map, cloud, heatmaps, attention), `of` (rows, columns), `step`
 * (animation step, 0 to 3), `cam` (camera position x,y,z), `att` (the attention view's head: synthetic,
 * or `att=file,…` with the query and key arrays in `q…` and `k…` keys), `cmp` (a subspace
 * comparison against A plus noise, or `cmp=row,file` against the array in the `b…` keys).
 *
 * `decodeHumanHash` never throws: links are untrusted input, so it returns the state or a list of
 * readable problems, and bounds every size before anything is allocated. The text of each key is
 * read by the schema of humanSchema.ts and the result validated by the shared schemas of
 * linkState.ts. Unknown keys are ignored, so links from newer versions still open what they can.
 */
import { decodeHumanParams } from './humanSchema';
import { WORKSPACE_KEY_CODECS } from './workspaceKeys';
import type { DecodeResult, LinkMatrix, LinkRef, LinkState } from './linkState';

export type { DecodeResult, LinkMatrix, LinkPreset, LinkRef, LinkState, LinkView } from './linkState';

/** The largest matrix the human form carries; bigger ones need the compact form. */
export const HUMAN_FORM_MAX_SIZE = 12;
/** Longer hashes are refused before any parsing. */
const MAX_HASH_LENGTH = 20_000;

function formatNumber(x: number): string {
  return Object.is(x, -0) ? '0' : String(x);
}

function matrixText({ rows, cols, data }: LinkMatrix): string {
  const lines: string[] = [];
  for (let i = 0; i < rows; i++) lines.push(Array.from(data.slice(i * cols, (i + 1) * cols), formatNumber).join(','));
  return lines.join(';');
}

/** The keys of a reference, each prefixed (`q` for the query, `k` for the key, `b` for a second matrix). */
function refParts(ref: LinkRef, prefix: string): string[] {
  const { url, file, size, entry, slice, unfold, reshape, sha256, fused, missingAsZero } = ref;
  const parts: string[] = [];
  if (url !== undefined) parts.push(`${prefix}src=${encodeURIComponent(url)}`);
  if (file !== undefined) parts.push(`${prefix}file=${encodeURIComponent(file)}`);
  if (size !== undefined) parts.push(`${prefix}size=${size}`);
  parts.push(`${prefix}entry=${encodeURIComponent(entry)}`);
  if (slice.length > 0) parts.push(`${prefix}slice=${slice.join(',')}`);
  if (unfold !== undefined) parts.push(`${prefix}unfold=${unfold + 1}`);
  if (reshape !== undefined) parts.push(`${prefix}reshape=${reshape}`);
  parts.push(`${prefix}sha256=${sha256}`);
  if (fused) parts.push(`${prefix}fused=1`);
  if (missingAsZero) parts.push(`${prefix}nan=0`);
  return parts;
}

const layoutText = (layout: 'x-times-w' | 'w-times-x') => (layout === 'x-times-w' ? 'xw' : 'wx');

/** Writes the state; numbers in the shortest text that reads back to exactly the same float64. */
export function encodeHumanHash(state: LinkState): string {
  const parts: string[] = [];
  if (state.workspace !== undefined) parts.push(`w=${state.workspace}`);
  if (state.matrix) parts.push(`m=${matrixText(state.matrix)}`);
  else if (state.preset) {
    parts.push(`p=${state.preset.id}`);
    for (const [key, value] of Object.entries(state.preset.params)) parts.push(`${key}=${value}`);
  } else if (state.ref) parts.push(...refParts(state.ref, ''));
  if (state.method !== undefined) {
    const { k, oversample, powerIterations, seed } = state.method;
    parts.push(`svd=rand,${k},${oversample},${powerIterations},${seed}`);
  }
  if (state.rank !== undefined) parts.push(`r=${state.rank}`);
  if (state.view !== undefined) parts.push(`view=${state.view}`);
  if (state.of !== undefined) parts.push(`of=${state.of}`);
  if (state.step !== undefined) parts.push(`step=${formatNumber(state.step)}`);
  if (state.axes !== undefined) parts.push(`axes=${state.axes.map((i) => i + 1).join(',')}`);
  if (state.subspaces !== undefined) parts.push(`sub=${state.subspaces ? 1 : 0}`);
  if (state.cam !== undefined) parts.push(`cam=${state.cam.map(formatNumber).join(',')}`);
  if (state.attention !== undefined) {
    const a = state.attention;
    parts.push(`att=${a.dModel},${a.seed},${a.headSize},${a.head + 1},${layoutText(a.layout)}`);
  } else if (state.attentionFiles !== undefined) {
    const a = state.attentionFiles;
    parts.push(`att=file,${a.headSize},${a.head + 1},${layoutText(a.layout)}`, ...refParts(a.query, 'q'), ...refParts(a.key, 'k'));
  }
  if (state.compare !== undefined) parts.push(`cmp=${state.compare.side},${formatNumber(state.compare.level)},${state.compare.seed}`);
  else if (state.compareFile !== undefined) parts.push(`cmp=${state.compareFile.side},file`, ...refParts(state.compareFile.second, 'b'));
  for (const codec of WORKSPACE_KEY_CODECS) {
    const value = state[codec.field];
    if (value !== undefined) parts.push(...codec.encode(value as never, refParts));
  }
  return parts.join('&');
}

/** Can this matrix be written in the human form? */
export function fitsHumanForm(matrix: { rows: number; cols: number }): boolean {
  return matrix.rows <= HUMAN_FORM_MAX_SIZE && matrix.cols <= HUMAN_FORM_MAX_SIZE;
}

/** Splits `a=1&b=2` into a map; a repeated key keeps its last value. */
function splitParams(text: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    params.set(eq < 0 ? part : part.slice(0, eq), eq < 0 ? '' : part.slice(eq + 1));
  }
  return params;
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
  return decodeHumanParams(params, HUMAN_FORM_MAX_SIZE);
}
