/**
 * The workspaces of the app, by id: one union that every layer's registry is keyed by (state,
 * permalink, scene, ui). A leaf: it imports nothing, so each layer can name workspaces without
 * importing another layer. Adding a workspace starts by adding its id here.
 */
export const WORKSPACE_IDS = ['svd', 'weighted', 'tensor', 'attention'] as const;
export type WorkspaceId = (typeof WORKSPACE_IDS)[number];

/** The workspace a link without a `w=` key opens: every link made before workspaces existed. */
export const DEFAULT_WORKSPACE: WorkspaceId = 'svd';

export function isWorkspaceId(value: unknown): value is WorkspaceId {
  return typeof value === 'string' && (WORKSPACE_IDS as readonly string[]).includes(value);
}
