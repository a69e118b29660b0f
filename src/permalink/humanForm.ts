/**
 * The human-writable link form: `#m=3,0;4,5&r=1` (rows split by `;`, entries by `,`), or a preset
 * by name and parameters: `#p=random&size=768x768&spectrum=geometric&decay=0.001&seed=42&r=64`,
 * or an array of a file by reference: `#src=https://…&entry=h.3.attn&sha256=…`. That is the matrix
 * workspace's document; `w=` names the workspace, and each workspace's keys follow, written by its
 * entry of workspaceKeys.ts (`r`, `view`, `att`, `cmp`, `wl`, `tt`, …; a reference of an analysis
 * has the same keys as the document's after a prefix: `qsrc`, `bentry`, …).
 *
 * `decodeHumanHash` never throws: links are untrusted input, so it returns the state or a list of
 * readable problems, and bounds every size before anything is allocated. The text of each key is
 * read by humanSchema.ts and the result validated by the shared schemas of linkState.ts. Unknown
 * keys are ignored, so links from newer versions still open what they can.
 */
import { decodeHumanParams } from './humanSchema';
import { formatNumber } from './keyCodec';
import { WORKSPACE_KEY_CODECS } from './workspaceKeys';
import type { DecodeResult, LinkMatrix, LinkRef, LinkState } from './linkState';

export type { DecodeResult, LinkMatrix, LinkPreset, LinkRef, LinkState } from './linkState';
export type { LinkView } from './svdKeys';

/** The largest matrix the human form carries; bigger ones need the compact form. */
export const HUMAN_FORM_MAX_SIZE = 12;
/** Longer hashes are refused before any parsing. */
const MAX_HASH_LENGTH = 20_000;

function matrixText({ rows, cols, data }: LinkMatrix): string {
  const lines: string[] = [];
  for (let i = 0; i < rows; i++) lines.push(Array.from(data.slice(i * cols, (i + 1) * cols), formatNumber).join(','));
  return lines.join(';');
}

/** The keys of a reference, each after a prefix (none for the document's; an entry's own: `q`, `b`, `g`, …). */
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

/** Writes the state; numbers in the shortest text that reads back to exactly the same float64. */
export function encodeHumanHash(state: LinkState): string {
  const parts: string[] = [];
  if (state.workspace !== undefined) parts.push(`w=${state.workspace}`);
  if (state.matrix) parts.push(`m=${matrixText(state.matrix)}`);
  else if (state.preset) {
    parts.push(`p=${state.preset.id}`);
    for (const [key, value] of Object.entries(state.preset.params)) parts.push(`${key}=${value}`);
  } else if (state.ref) parts.push(...refParts(state.ref, ''));
  for (const codec of WORKSPACE_KEY_CODECS) parts.push(...codec.encode(state, refParts));
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
