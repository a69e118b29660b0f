/**
 * Reading the keys of a human-form link (see humanForm.ts): `w=`, the matrix workspace's document
 * (`m=`, `p=` with the preset's parameters, or a reference), then each entry of the list of link
 * keys (workspaceKeys.ts) through a reader that turns each key's text into a value or a readable
 * problem naming the key; the shared schemas of linkState.ts check the values' bounds. The matrix
 * grid is read by hand, because its problems are best told entry by entry.
 */
import { z } from 'zod';
import { describeIssues, linkRefSchema, linkViewSchema, upgradeLegacyView, type DecodeResult, type LinkMatrix, type LinkState, type LinkViewState } from './linkState';
import { WORKSPACE_IDS } from '../ids/workspaces';
import { NUMBER, type HumanKeyReader } from './keyCodec';
import { countedFromOne, keyOfPath, refOfPath, WORKSPACE_KEY_CODECS, workspaceKeyNames } from './workspaceKeys';

const PRESET_ID = /^[a-z0-9-]{1,40}$/;
const PRESET_PARAM = /^[A-Za-z0-9.+\-x]{1,40}$/;
const WORKSPACE_TEXT = new RegExp(`^(${WORKSPACE_IDS.join('|')})$`);
/** A reference's key for each of its fields, written after its prefix (none for the document's, `q` for the attention query, …). */
const REF_KEYS = { url: 'src', file: 'file', size: 'size', entry: 'entry', slice: 'slice', unfold: 'unfold', reshape: 'reshape', sha256: 'sha256', fused: 'fused', missingAsZero: 'nan' } as const;
export const REFERENCE_KEYS: readonly string[] = Object.values(REF_KEYS);
/** Where the document's reference (no key prefix) sits in problems' paths. */
const DOCUMENT_REF = 'ref';
/** Keys that are not preset parameters: the workspace, the document's, and every entry's (qsrc, bentry, …). */
const STATE_KEYS = new Set(['w', 'm', 'p', ...workspaceKeyNames(REFERENCE_KEYS)]);

export function shorten(text: string): string {
  return text.length > 24 ? `${text.slice(0, 21)}…` : text;
}

/** A key's text, which must match `pattern`; the problem names the key and says what it must be. */
function keyText(key: string, pattern: RegExp, expected: string) {
  return z.string().regex(pattern, { error: (issue) => `"${key}=${shorten(String(issue.input))}" must be ${expected}` });
}

/** The text of a reference's keys (`src`, `file`, `size`, `entry`, `slice`, `sha256`, `fused`) with a prefix. */
function refTextSchema(prefix: string) {
  return z
    .object({
      [`${prefix}src`]: z.string().optional(),
      [`${prefix}file`]: z.string().optional(),
      [`${prefix}size`]: keyText(`${prefix}size`, /^\d{1,15}$/, 'a whole number of bytes (the file size)').transform(Number).optional(),
      [`${prefix}entry`]: z.string().default(''),
      [`${prefix}slice`]: keyText(`${prefix}slice`, /^\d{1,9}(,\d{1,9}){0,7}$/, 'indices separated by commas (the slice)').transform((t) => t.split(',').map(Number)).optional(),
      [`${prefix}unfold`]: keyText(`${prefix}unfold`, /^[1-9]\d?$/, 'a mode counted from 1 (the unfolding)').transform((t) => Number(t) - 1).optional(),
      [`${prefix}reshape`]: keyText(`${prefix}reshape`, /^\d{1,10}$/, 'a whole number of rows (the reshape)').transform(Number).optional(),
      [`${prefix}sha256`]: z.string().default(''),
      [`${prefix}fused`]: keyText(`${prefix}fused`, /^1$/, '1 (a fused query-key-value projection)').optional(),
      [`${prefix}nan`]: keyText(`${prefix}nan`, /^0$/, '0 (missing values read as 0)').optional(),
    })
    .transform((t) => {
      const value = (key: keyof typeof REF_KEYS) => t[`${prefix}${REF_KEYS[key]}`];
      const ref: Record<string, unknown> = { entry: value('entry'), slice: value('slice') ?? [], sha256: value('sha256') };
      for (const key of ['url', 'file', 'size', 'unfold', 'reshape'] as const) if (value(key) !== undefined) ref[key] = value(key);
      if (value('fused') !== undefined) ref.fused = true;
      if (value('missingAsZero') !== undefined) ref.missingAsZero = true;
      return ref;
    });
}

/** Where a problem is, in the link's own words: `The link's "r=0"`. */
function locate(params: Map<string, string>, path: PropertyKey[]): string {
  const ref = path[0] === DOCUMENT_REF ? { prefix: '', field: path[1] } : refOfPath(path);
  const refKey = (prefix: string, field: PropertyKey) => {
    const name = REF_KEYS[field as keyof typeof REF_KEYS];
    return name ? `${prefix}${name}` : `${prefix}src" or "${prefix}file`;
  };
  const key = ref ? refKey(ref.prefix, ref.field) : path[0] === 'workspace' ? 'w' : (keyOfPath(path) ?? String(path[0] ?? ''));
  const text = params.get(key);
  return text === undefined ? `The link's "${key}"` : `The link's "${key}=${shorten(text)}"`;
}

/**
 * The shared schema counts from 0 what this form writes from 1 (the cloud's axes, the attention
 * head, a reference's unfolding: see `countedFromOne` in the entries), so those bounds are shifted
 * to read in the link's own terms ("axes=1,1,65537" must be at most 65536, not 65535).
 */
function inLinkTerms(issue: z.core.$ZodIssue): z.core.$ZodIssue {
  if (!countedFromOne(issue.path) && issue.path.at(-1) !== 'unfold') return issue;
  if (issue.code === 'too_big') return { ...issue, maximum: Number(issue.maximum) + 1 };
  if (issue.code === 'too_small') return { ...issue, minimum: Number(issue.minimum) + 1 };
  return issue;
}

/** Readable problems of a schema's issues; `at` is where in the link state the value checked sits. */
function issuesOf(error: z.ZodError, params: Map<string, string>, at: PropertyKey[] = []): string[] {
  // Text-schema problems already name their key; value problems get it from their path.
  return error.issues
    .slice(0, 5)
    .map((issue) => (issue.message.startsWith('"') ? `The link's ${issue.message}.` : describeIssues([inLinkTerms({ ...issue, path: [...at, ...issue.path] })], (path) => locate(params, path))[0]));
}

function decodeMatrix(text: string, maxSize: number): { matrix?: LinkMatrix; problems: string[] } {
  if (text.trim() === '') return { problems: ['The link has "m=" but no matrix after it.'] };
  const lines = text.split(';');
  if (lines.length > maxSize) return { problems: [`The link's matrix has ${lines.length} rows; links of this form carry at most ${maxSize}.`] };
  const rowsOfText = lines.map((line) => line.split(','));
  const cols = rowsOfText[0].length;
  if (cols > maxSize) return { problems: [`The link's matrix has ${cols} columns; links of this form carry at most ${maxSize}.`] };
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

function decodePreset(params: Map<string, string>, id: string, problems: string[]): LinkState['preset'] {
  if (!PRESET_ID.test(id)) problems.push(`"${shorten(id)}" is not a preset name.`);
  const presetParams: Record<string, string> = {};
  for (const [key, text] of params) {
    if (STATE_KEYS.has(key)) continue;
    if (!PRESET_ID.test(key) || !PRESET_PARAM.test(text)) problems.push(`The preset parameter "${shorten(key)}=${shorten(text)}" is not valid.`);
    else presetParams[key] = text;
  }
  return { id, params: presetParams };
}

/** The reference with a key prefix as raw values, or the problems of its text (which name their keys). */
function refValues(prefix: string, params: Map<string, string>, problems: string[]): Record<string, unknown> | undefined {
  const parsed = refTextSchema(prefix).safeParse(Object.fromEntries(params));
  if (parsed.success) return parsed.data;
  problems.push(...issuesOf(parsed.error, params));
  return undefined;
}

/** What an entry's decoder reads the link through (keyCodec.ts). */
function humanKeyReader(params: Map<string, string>, problems: string[]): HumanKeyReader {
  return {
    params,
    problems,
    ref: (prefix) => refValues(prefix, params, problems),
    text(key, pattern, expected) {
      const value = params.get(key);
      if (value === undefined) return undefined;
      if (pattern.test(value)) return value;
      problems.push(`The link's "${key}=${shorten(value)}" must be ${expected}.`);
      return undefined;
    },
  };
}

/** The workspace and every entry's keys as raw values, for the shared schema to check. */
function viewValues(params: Map<string, string>, problems: string[]): Record<string, unknown> {
  const reader = humanKeyReader(params, problems);
  const view: Record<string, unknown> = { workspace: reader.text('w', WORKSPACE_TEXT, `one of ${WORKSPACE_IDS.join(', ')} (the workspace)`) };
  for (const codec of WORKSPACE_KEY_CODECS) Object.assign(view, codec.decode(reader));
  for (const key of Object.keys(view)) if (view[key] === undefined) delete view[key];
  return upgradeLegacyView(view);
}

/** Reads the decoded keys of a human-form link into a LinkState, or readable problems. */
export function decodeHumanParams(params: Map<string, string>, maxSize: number): DecodeResult {
  const problems: string[] = [];
  const value: LinkState = {};
  const matrixText = params.get('m');
  const presetId = params.get('p');
  if (params.has('entry') && (params.has('src') || params.has('file'))) {
    const ref = refTextSchema('').pipe(linkRefSchema).safeParse(Object.fromEntries(params));
    if (ref.success) value.ref = ref.data;
    else problems.push(...issuesOf(ref.error, params, [DOCUMENT_REF]));
  } else if (matrixText !== undefined) {
    const decoded = decodeMatrix(matrixText, maxSize);
    if (decoded.matrix) value.matrix = decoded.matrix;
    problems.push(...decoded.problems);
  } else if (presetId !== undefined) {
    value.preset = decodePreset(params, presetId, problems);
  } else if (params.has('w')) {
    // A workspace link without data (`#w=attention&att=…`): the workspace's own keys say the rest,
    // and the matrix workspace keeps the document it has.
  } else {
    return { ok: false, problems: [`The link "#${shorten([...params].map(([k, v]) => `${k}=${v}`).join('&'))}" has no matrix (expected something like #m=3,0;4,5).`] };
  }
  const view = linkViewSchema.safeParse(viewValues(params, problems));
  if (view.success) Object.assign(value, view.data satisfies LinkViewState);
  else if (problems.length === 0) problems.push(...issuesOf(view.error, params));
  return problems.length > 0 ? { ok: false, problems: problems.slice(0, 5) } : { ok: true, value };
}
