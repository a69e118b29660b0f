/**
 * What a link carries, as types and as the zod schemas both link forms validate with. The human
 * form (`#m=3,0;4,5&r=1`) and the compact form (`#v1.…`) decode to the same LinkState; every part
 * that is not the matrix itself is checked by these schemas, so the bounds live in one place.
 */
import { z } from 'zod';

// Zod runs without code generation under the app's Content-Security-Policy: see zodSetup.ts.
import './zodSetup';
import { WORKSPACE_IDS } from '../ids/workspaces';
import { linkRefSchema, SEED_MAX, type LinkRef } from './linkRef';
import { workspaceLinkShape, type WorkspaceLinkFields } from './workspaceKeys';

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

export const LINK_VIEWS = ['map', 'cloud', 'heatmaps'] as const;
export type LinkView = (typeof LINK_VIEWS)[number];

/**
 * Links made before workspaces existed opened the attention analysis as a fourth view of the matrix
 * page (`view=attention`); it is a workspace of its own now. Both decoders pass the raw values
 * through this before the schema, so those links open the attention workspace as they always did.
 */
export function upgradeLegacyView(raw: Record<string, unknown>): Record<string, unknown> {
  if (raw.view !== 'attention') return raw;
  const { view: _view, ...rest } = raw;
  return { ...rest, workspace: rest.workspace ?? 'attention' };
}

export { linkRefSchema, SEED_MAX, type LinkRef } from './linkRef';

const layoutSchema = z.enum(['x-times-w', 'w-times-x']);
const headSchema = {
  headSize: z.number().int().min(1).max(4096),
  /** 0-based. */
  head: z.number().int().min(0).max(4096),
  layout: layoutSchema,
};

/** The attention view's synthetic head: model width, seed, head size, head, layout. */
export const linkAttentionSchema = z.object({ dModel: z.number().int().min(2).max(4096), seed: z.number().int().min(0).max(SEED_MAX), ...headSchema }).strict();
/** The attention view on weights of files: the query and key projections by reference. */
export const linkAttentionFilesSchema = z.object({ ...headSchema, query: linkRefSchema, key: linkRefSchema }).strict();

const sideSchema = z.enum(['row', 'column']);
/** A subspace comparison against A plus seeded noise of a relative level. */
export const linkCompareSchema = z.object({ side: sideSchema, level: z.number().min(0).max(10), seed: z.number().int().min(0).max(SEED_MAX) }).strict();
/** A subspace comparison against an array of a file. */
export const linkCompareFileSchema = z.object({ side: sideSchema, second: linkRefSchema }).strict();

/** The randomized SVD's parameters (absent: the exact SVD). */
export const linkMethodSchema = z
  .object({
    kind: z.literal('randomized'),
    k: z.number().int().min(1).max(65535),
    oversample: z.number().int().min(0).max(1000),
    powerIterations: z.number().int().min(0).max(10),
    seed: z.number().int().min(0).max(SEED_MAX),
  })
  .strict();

/** The view: rank, view, rows or columns, animation step, camera, and the analyses on top. */
export const linkViewSchema = z.object({
  /** The workspace the link opens; absent for the matrix (SVD) workspace. */
  workspace: z.enum(WORKSPACE_IDS).optional(),
  rank: z.number().int().min(1).max(999_999).optional(),
  method: linkMethodSchema.optional(),
  view: z.enum(LINK_VIEWS).optional(),
  of: z.enum(['rows', 'columns']).optional(),
  step: z.number().min(0).max(3).optional(),
  /** The point cloud's axes: three singular directions, 0-based. */
  axes: z.tuple([z.number().int().min(0).max(65535), z.number().int().min(0).max(65535), z.number().int().min(0).max(65535)]).optional(),
  /** False when the map view hides the four fundamental subspaces. */
  subspaces: z.boolean().optional(),
  cam: z.tuple([z.number().finite().min(-1e6).max(1e6), z.number().finite().min(-1e6).max(1e6), z.number().finite().min(-1e6).max(1e6)]).optional(),
  attention: linkAttentionSchema.optional(),
  attentionFiles: linkAttentionFilesSchema.optional(),
  compare: linkCompareSchema.optional(),
  compareFile: linkCompareFileSchema.optional(),
  ...workspaceLinkShape,
});
export type LinkViewState = z.infer<typeof linkViewSchema>;

export interface LinkState extends LinkViewState, WorkspaceLinkFields {
  matrix?: LinkMatrix;
  preset?: LinkPreset;
  ref?: LinkRef;
}

export type DecodeResult = { ok: true; value: LinkState } | { ok: false; problems: string[] };

/** What is wrong, as the end of a sentence ("must be at most 3"), for the issues a link can raise. */
function phrase(issue: z.core.$ZodIssue): string {
  // A message the schema wrote itself is already a phrase; zod's defaults start with a capital word.
  if (!/^(Too (big|small)|Invalid|Unrecognized)/.test(issue.message)) return issue.message.replace(/\.$/, '');
  if (issue.code === 'too_big') return `must be at most ${String(issue.maximum)}`;
  if (issue.code === 'too_small') return `must be at least ${String(issue.minimum)}`;
  if (issue.code === 'invalid_type') return `must be ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}`;
  if (issue.code === 'unrecognized_keys') return `has unknown keys ${issue.keys.join(', ')}`;
  if (issue.code === 'invalid_value') return `must be one of ${issue.values.map(String).join(', ')}`;
  return issue.message.replace(/\.$/, '');
}

/** Readable problems from a schema's issues, naming where in the link each one is. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], where: (path: PropertyKey[]) => string): string[] {
  return issues.slice(0, 5).map((issue) => `${where(issue.path)} ${phrase(issue)}.`);
}
