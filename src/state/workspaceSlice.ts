/**
 * Which workspace is open: one of the registered workspaces (see `state/workspaces/`), or null for
 * the start page. Each workspace keeps its own slices, so visiting another one loses nothing.
 */
import type { StateCreator } from 'zustand';
import type { WorkspaceId } from '../ids/workspaces';
import type { AppState } from './store';

export interface WorkspaceSlice {
  /** The open workspace, or null for the start page. */
  workspace: WorkspaceId | null;
  /** The workspaces whose saved work was brought back at start (most recent first), for the start page. */
  restored: WorkspaceId[];
  openWorkspace(id: WorkspaceId | null): void;
  markRestored(id: WorkspaceId): void;
}

export const createWorkspaceSlice: StateCreator<AppState, [], [], WorkspaceSlice> = (set, get) => ({
  // The store starts in the matrix workspace (tests and links expect it); the URL sync opens the
  // start page when the address holds no link.
  workspace: 'svd',
  restored: [],
  openWorkspace(workspace) {
    if (get().workspace !== workspace) set({ workspace });
  },
  markRestored(id) {
    if (!get().restored.includes(id)) set({ restored: [...get().restored, id] });
  },
});
