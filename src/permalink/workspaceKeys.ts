/**
 * The link keys of every workspace, one entry each in one list: its fields of LinkState with the
 * zod schemas that bound them, and its human-form keys with their decoder and encoder (see
 * keyCodec.ts). The schema of linkState.ts, the human form and the compact form loop over the list
 * in its order, which is the order keys are written in; a new workspace adds its entry here and
 * nowhere else. The matrix workspace's document (`m=`, `p=`, a reference) is not an entry: see
 * svdKeys.ts.
 */
import { attentionKeys } from './attentionKeys';
import { compareKeys } from './compareKeys';
import { svdKeys } from './svdKeys';
import { tensorKeys } from './tensorKeys';
import { weightedKeys } from './weightedKeys';
import type { WorkspaceKeyCodec } from './keyCodec';

const ENTRIES = [svdKeys, attentionKeys, compareKeys, weightedKeys, tensorKeys] as const;

export const WORKSPACE_KEY_CODECS: readonly WorkspaceKeyCodec[] = ENTRIES;

type Intersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** The fields the entries add to the link's view state, each entry's in its order. */
export const workspaceLinkShape = Object.assign({}, ...ENTRIES.map((codec) => codec.shape)) as Intersection<(typeof ENTRIES)[number]['shape']>;

const byLength = <T extends { at: string[] }>(entries: T[]) => entries.sort((a, b) => b.at.length - a.at.length);
const KEY_PATHS = byLength(WORKSPACE_KEY_CODECS.flatMap((codec) => Object.entries(codec.keys).map(([path, key]) => ({ at: path.split('.'), key }))));
const REF_PATHS = byLength(WORKSPACE_KEY_CODECS.flatMap((codec) => Object.entries(codec.refs ?? {}).map(([prefix, path]) => ({ at: path.split('.'), prefix }))));
const COUNTED_FROM_ONE = WORKSPACE_KEY_CODECS.flatMap((codec) => (codec.countedFromOne ?? []).map((path) => path.split('.')));

const startsWith = (path: readonly PropertyKey[], at: readonly string[]) => at.every((part, i) => path[i] === part);

/** The human-form key a problem's path (`tensor.eps`) was read from, or undefined when no entry holds it. */
export function keyOfPath(path: readonly PropertyKey[]): string | undefined {
  return KEY_PATHS.find(({ at }) => startsWith(path, at))?.key;
}

/**
 * The reference prefix and field a problem's path points into (`weighted.weights.file.entry` is
 * the `g` reference's entry), or null when it is not inside a reference.
 */
export function refOfPath(path: readonly PropertyKey[]): { prefix: string; field: PropertyKey } | null {
  const ref = REF_PATHS.find(({ at }) => startsWith(path, at));
  return ref ? { prefix: ref.prefix, field: path[ref.at.length] } : null;
}

/** Whether the link counts the value at a path from 1 (an entry's `countedFromOne`). */
export function countedFromOne(path: readonly PropertyKey[]): boolean {
  return COUNTED_FROM_ONE.some((at) => startsWith(path, at));
}

/** Every human-form key the entries read (so none is taken for a preset parameter). */
export function workspaceKeyNames(refKeys: readonly string[]): string[] {
  return WORKSPACE_KEY_CODECS.flatMap((codec) => [...Object.values(codec.keys), ...Object.keys(codec.refs ?? {}).flatMap((prefix) => refKeys.map((key) => `${prefix}${key}`))]);
}
