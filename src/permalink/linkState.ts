/**
 * What a link carries, as types and as the zod schemas both link forms validate with. The human
 * form (`#m=3,0;4,5&r=1`) and the compact form (`#v1.…`) decode to the same LinkState; every part
 * that is not the matrix itself is checked by these schemas, so the bounds live in one place.
 */
import { z } from 'zod';

// Zod runs without code generation under the app's Content-Security-Policy: see zodSetup.ts.
import './zodSetup';
import { WORKSPACE_IDS } from '../ids/workspaces';
import type { LinkRef } from './linkRef';
import { workspaceLinkShape } from './workspaceKeys';

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

/** The view: the workspace and every workspace's keys (workspaceKeys.ts). */
export const linkViewSchema = z.object({
  /** The workspace the link opens; absent for the matrix (SVD) workspace. */
  workspace: z.enum(WORKSPACE_IDS).optional(),
  ...workspaceLinkShape,
});
export type LinkViewState = z.infer<typeof linkViewSchema>;

/** What a link carries: the matrix workspace's document (at most one of the three) and the view. */
export type LinkState = LinkViewState & {
  matrix?: LinkMatrix;
  preset?: LinkPreset;
  ref?: LinkRef;
};

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
