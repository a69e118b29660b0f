/** The state layer's workspace registry: one line per workspace. */
import type { WorkspaceId } from '../../ids/workspaces';
import type { AppState } from '../store';
import type { StateWorkspace } from './types';
import { svdWorkspace } from './svdWorkspace';
import { attentionWorkspace } from './attentionWorkspace';
import { weightedWorkspace } from './weightedWorkspace';
import { tensorWorkspace } from './tensorWorkspace';

export type { StateWorkspace, DocumentKind, SavedPart } from './types';

export const STATE_WORKSPACES: Record<WorkspaceId, StateWorkspace> = {
  svd: svdWorkspace,
  weighted: weightedWorkspace,
  tensor: tensorWorkspace,
  attention: attentionWorkspace,
};

/** Every workspace, in the registry's order (the order links apply their keys in). */
export const WORKSPACE_LIST: StateWorkspace[] = Object.values(STATE_WORKSPACES);

/** The open workspace's entry, or null on the start page. */
export function openWorkspaceOf(state: AppState): StateWorkspace | null {
  return state.workspace === null ? null : STATE_WORKSPACES[state.workspace];
}
