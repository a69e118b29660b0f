/**
 * Reading the keys of a human-form link (see humanForm.ts) with zod: a text schema turns each key's
 * text into a value (or a readable problem naming the key), and the shared schemas of linkState.ts
 * check the values' bounds. Only the matrix grid is read by hand, because its problems are best
 * told entry by entry.
 */
import { z } from 'zod';
import { describeIssues, linkRefSchema, linkViewSchema, upgradeLegacyView, type DecodeResult, type LinkMatrix, type LinkState, type LinkViewState } from './linkState';
import { WORKSPACE_IDS } from '../ids/workspaces';
import { refOfPath, WORKSPACE_KEY_CODECS, workspaceKeyNames, type HumanKeyReader } from './workspaceKeys';

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const PRESET_ID = /^[a-z0-9-]{1,40}$/;
const PRESET_PARAM = /^[A-Za-z0-9.+\-x]{1,40}$/;
const SYNTHETIC_HEAD = /^(\d{1,5}),(\d{1,10}),(\d{1,5}),(\d{1,5}),(xw|wx)$/;
const FILE_HEAD = /^file,(\d{1,5}),(\d{1,5}),(xw|wx)$/;
const NOISE_COMPARISON = /^(row|column),([0-9.e+-]{1,20}),(\d{1,10})$/;
const FILE_COMPARISON = /^(row|column),file$/;
const RANDOMIZED = /^rand,(\d{1,5}),(\d{1,4}),(\d{1,2}),(\d{1,10})$/;
/** Prefixes of the reference keys: the matrix itself, the query, the key, a second matrix. */
const REF_PREFIXES = { ref: '', query: 'q', key: 'k', second: 'b' } as const;
const REF_KEYS = { url: 'src', file: 'file', size: 'size', entry: 'entry', slice: 'slice', unfold: 'unfold', reshape: 'reshape', sha256: 'sha256', fused: 'fused', missingAsZero: 'nan' } as const;
/** Keys that are not preset parameters: the view's, and the analyses' references (qsrc, bentry, …). */
const STATE_KEYS = new Set([
  'w', 'm', 'p', 'r', 'svd', 'view', 'of', 'step', 'axes', 'sub', 'cam', 'att', 'cmp',
  ...Object.values(REF_PREFIXES).filter((prefix) => prefix !== '').flatMap((prefix) => Object.values(REF_KEYS).map((key) => `${prefix}${key}`)),
  ...workspaceKeyNames(Object.values(REF_KEYS)),
]);
const VIEW_KEYS: Record<string, string> = { workspace: 'w', method: 'svd', axes: 'axes', subspaces: 'sub', rank: 'r', view: 'view', of: 'of', step: 'step', cam: 'cam', attention: 'att', attentionFiles: 'att', compare: 'cmp', compareFile: 'cmp', weighted: 'wl', tensor: 'tt' };

export function shorten(text: string): string {
  return text.length > 24 ? `${text.slice(0, 21)}…` : text;
}

/** A key's text, which must match `pattern`; the problem names the key and says what it must be. */
function keyText(key: string, pattern: RegExp, expected: string) {
  return z.string().regex(pattern, { error: (issue) => `"${key}=${shorten(String(issue.input))}" must be ${expected}` });
}

const WORKSPACE_TEXT = new RegExp(`^(${WORKSPACE_IDS.join('|')})$`);

const viewTextSchema = z.object({
  w: keyText('w', WORKSPACE_TEXT, `one of ${WORKSPACE_IDS.join(', ')} (the workspace)`).optional(),
  r: keyText('r', /^\d{1,6}$/, 'a whole number of at least 1 (the rank)').transform(Number).optional(),
  svd: keyText('svd', RANDOMIZED, 'rand,k,oversampling,power iterations,seed (the randomized SVD)')
    .transform((text) => {
      const [, k, oversample, powerIterations, seed] = RANDOMIZED.exec(text)!.map(Number);
      return { kind: 'randomized' as const, k, oversample, powerIterations, seed };
    })
    .optional(),
  view: keyText('view', /^(map|cloud|heatmaps|attention)$/, 'one of map, cloud, heatmaps, attention (the view)').optional(),
  of: keyText('of', /^(rows|columns)$/, 'rows or columns').optional(),
  step: keyText('step', NUMBER, 'a number from 0 to 3 (the animation step)').transform(Number).optional(),
  axes: keyText('axes', /^[1-9]\d{0,4},[1-9]\d{0,4},[1-9]\d{0,4}$/, 'three singular directions i,j,k counted from 1 (the cloud axes)')
    .transform((text) => text.split(',').map((v) => Number(v) - 1) as [number, number, number])
    .optional(),
  sub: keyText('sub', /^[01]$/, '0 or 1 (whether the fundamental subspaces are drawn)').transform((text) => text === '1').optional(),
  cam: keyText('cam', /^[^,]{1,30},[^,]{1,30},[^,]{1,30}$/, 'three numbers x,y,z (the camera)')
    .refine((text) => text.split(',').every((v) => NUMBER.test(v)), { error: (issue) => `"cam=${shorten(String(issue.input))}" must be three numbers x,y,z (the camera)` })
    .transform((text) => text.split(',').map(Number) as [number, number, number])
    .optional(),
  att: z.union([keyText('att', SYNTHETIC_HEAD, ''), keyText('att', FILE_HEAD, '')], {
    error: (issue) => `"att=${shorten(String(issue.input))}" must be d_model,seed,head size,head,xw|wx (a synthetic head) or file,head size,head,xw|wx (the attention settings)`,
  }).optional(),
  cmp: z.union([keyText('cmp', NOISE_COMPARISON, ''), keyText('cmp', FILE_COMPARISON, '')], {
    error: (issue) => `"cmp=${shorten(String(issue.input))}" must be row|column,noise level,seed or row|column,file (the comparison)`,
  }).optional(),
});

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
  let key = String(path[0] ?? '');
  const keyOf = (start: string, field: PropertyKey) => {
    const name = REF_KEYS[field as keyof typeof REF_KEYS];
    return name ? `${start}${name}` : `${start}src" or "${start}file`;
  };
  const refKey = (prefix: PropertyKey, field: PropertyKey) => keyOf(REF_PREFIXES[prefix as keyof typeof REF_PREFIXES], field);
  const inWorkspace = refOfPath(path);
  if (inWorkspace) key = keyOf(inWorkspace.prefix, inWorkspace.field);
  else if (key in REF_PREFIXES) key = refKey(key, path[1]);
  else if ((key === 'attentionFiles' || key === 'compareFile') && typeof path[1] === 'string' && path[1] in REF_PREFIXES) key = refKey(path[1], path[2]);
  else key = VIEW_KEYS[key] ?? key;
  const text = params.get(key);
  return text === undefined ? `The link's "${key}"` : `The link's "${key}=${shorten(text)}"`;
}

/**
 * The shared schema counts the cloud's axes and the attention head from 0; this form writes them
 * from 1, so their bounds are shifted to read in the link's own terms ("axes=1,1,65537" must be at
 * most 65536, not 65535).
 */
function inLinkTerms(issue: z.core.$ZodIssue): z.core.$ZodIssue {
  const [first, second] = issue.path;
  const countedFromOne = first === 'axes' || ((first === 'attention' || first === 'attentionFiles') && second === 'head') || issue.path.at(-1) === 'unfold';
  if (!countedFromOne) return issue;
  if (issue.code === 'too_big') return { ...issue, maximum: Number(issue.maximum) + 1 };
  if (issue.code === 'too_small') return { ...issue, minimum: Number(issue.minimum) + 1 };
  return issue;
}

function issuesOf(error: z.ZodError, params: Map<string, string>): string[] {
  // Text-schema problems already name their key; value problems get it from their path.
  return error.issues
    .slice(0, 5)
    .map((issue) => (issue.message.startsWith('"') ? `The link's ${issue.message}.` : describeIssues([inLinkTerms(issue)], (path) => locate(params, path))[0]));
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

/** What a workspace's key decoder reads the link through (workspaceKeys.ts). */
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

/** The view keys as raw values, for the shared schema to check. */
function viewValues(text: z.infer<typeof viewTextSchema>, params: Map<string, string>, problems: string[]): Record<string, unknown> {
  const view: Record<string, unknown> = { workspace: text.w, method: text.svd, rank: text.r, view: text.view, of: text.of, step: text.step, axes: text.axes, subspaces: text.sub, cam: text.cam };
  const layout = (t: string) => (t === 'xw' ? 'x-times-w' : 'w-times-x');
  const synthetic = text.att ? SYNTHETIC_HEAD.exec(text.att) : null;
  const fromFiles = text.att ? FILE_HEAD.exec(text.att) : null;
  if (synthetic) view.attention = { dModel: Number(synthetic[1]), seed: Number(synthetic[2]), headSize: Number(synthetic[3]), head: Number(synthetic[4]) - 1, layout: layout(synthetic[5]) };
  if (fromFiles) {
    view.attentionFiles = {
      headSize: Number(fromFiles[1]), head: Number(fromFiles[2]) - 1, layout: layout(fromFiles[3]),
      query: refValues('q', params, problems), key: refValues('k', params, problems),
    };
  }
  const noise = text.cmp ? NOISE_COMPARISON.exec(text.cmp) : null;
  const file = text.cmp ? FILE_COMPARISON.exec(text.cmp) : null;
  if (noise) view.compare = { side: noise[1], level: Number(noise[2]), seed: Number(noise[3]) };
  if (file) view.compareFile = { side: file[1], second: refValues('b', params, problems) };
  for (const codec of WORKSPACE_KEY_CODECS) {
    if (!codec.present(params)) continue;
    const value = codec.decode(humanKeyReader(params, problems));
    if (value !== undefined) view[codec.field] = value;
  }
  for (const key of Object.keys(view)) if (view[key] === undefined) delete view[key];
  return upgradeLegacyView(view);
}

/** Reads the decoded keys of a human-form link into a LinkState, or readable problems. */
export function decodeHumanParams(params: Map<string, string>, maxSize: number): DecodeResult {
  const problems: string[] = [];
  const value: LinkState = {};
  const record = Object.fromEntries(params);
  const matrixText = params.get('m');
  const presetId = params.get('p');
  if (params.has('entry') && (params.has('src') || params.has('file'))) {
    const ref = refTextSchema('').pipe(linkRefSchema).safeParse(record);
    if (ref.success) value.ref = ref.data;
    else problems.push(...issuesOf(ref.error, params));
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
  const text = viewTextSchema.safeParse(record);
  if (!text.success) problems.push(...issuesOf(text.error, params));
  else {
    const raw = viewValues(text.data, params, problems);
    const view = linkViewSchema.safeParse(raw);
    if (view.success) Object.assign(value, view.data satisfies LinkViewState);
    else if (problems.length === 0) problems.push(...issuesOf(view.error, params));
  }
  return problems.length > 0 ? { ok: false, problems: problems.slice(0, 5) } : { ok: true, value };
}
