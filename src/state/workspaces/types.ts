/**
 * What the state layer knows of a workspace: its document, its link, when a change of it deserves
 * its own history entry, and its words for screen readers. `urlSync.ts`, `selectors.ts` and the
 * persistence read workspaces only through this, so a new workspace is a new file plus one line in
 * `index.ts`.
 */
import type { WorkspaceId } from '../../ids/workspaces';
import type { LinkRef, LinkState } from '../../permalink/humanForm';
import type { AppState, AppStore } from '../store';
import type { WaitingAnalyses } from '../linkedFiles';

/** The kinds of document a workspace works on. */
export type DocumentKind = 'matrix' | 'pair of matrices' | 'tensor';

/** What a workspace keeps in the browser between visits (see persistence.ts). */
export interface SavedPart {
  /** The value to save now, or undefined to keep what was saved before. */
  of(state: AppState): unknown;
  /** When one of these changes (by identity), the workspace is saved again, a moment later. */
  inputs(state: AppState): readonly unknown[];
  /**
   * Checks a saved value like a link and applies it: 'restored', 'damaged' (it does not pass the
   * checks; the workspace starts fresh), or 'skipped' (not wanted now: a link already chose).
   */
  restore(store: AppStore, value: unknown): 'restored' | 'damaged' | 'skipped';
}

export interface StateWorkspace {
  id: WorkspaceId;
  /** How messages name it: "the matrix workspace". */
  name: string;
  document: DocumentKind;
  /**
   * The link of the workspace as far as it can be written now. `matrix` is set when the data must
   * be written out (the URL sync then chooses the human or the compact form, or a reference).
   */
  link(state: AppState): LinkState;
  /**
   * Applies the workspace's own keys of an opened link (other workspaces' keys are theirs); false,
   * after saying why, when the link cannot be opened. Called for every workspace, in order.
   */
  applyLink(store: AppStore, link: LinkState, title: string): boolean;
  /** Whether the link carries this workspace's data (then saved work does not fill it). */
  carriesData(link: LinkState): boolean;
  /** Where the link's data lives when it is too big to inline (an array of a file), if it is known. */
  dataRef?(state: AppState): LinkRef | undefined;
  /** The arrays of files the link's analyses in this workspace wait for (see linkedFiles.ts). */
  linkedFiles?(link: LinkState): Partial<WaitingAnalyses>;
  /** A title the compact form carries with the data. */
  title?(state: AppState): string;
  /** The values the link is made of: when one of them changes (by identity), the link is rewritten. */
  linkInputs(state: AppState): readonly unknown[];
  /** Whether going from `previous` to `state` is a deliberate step (its own history entry). */
  isDeliberate(state: AppState, previous: AppState): boolean;
  /** The workspace's scene or panel in words, for screen readers. */
  describe(state: AppState): string;
  /** Which content the one 3D canvas shows (a key of the scene registry), or null to hide it. */
  sceneContent(state: AppState): string | null;
  /** What it keeps between visits; absent when it keeps nothing. */
  saved?: SavedPart;
  /** A one-line summary of the saved state for the start page, or null when there is nothing to show. */
  summary(state: AppState): string | null;
}
