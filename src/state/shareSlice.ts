/**
 * Sharing: the precision of matrices written into compact links, and what the current link is
 * (its form, length, and the largest entry error its precision costs), for the share panel.
 */
import type { StateCreator } from 'zustand';
import type { AppState } from './store';
import type { Precision } from '../permalink/compactForm';

export type { Precision };

export interface LinkInfo {
  form: 'human' | 'compact' | 'none';
  length: number;
  /** Largest |stored - exact| over the entries (0 when exact). */
  maxError: number;
  /** Why there is no link, when form is 'none'. */
  reason?: string;
}

export interface ShareSlice {
  linkPrecision: Precision;
  linkInfo: LinkInfo;
  setLinkPrecision(precision: Precision): void;
  setLinkInfo(info: LinkInfo): void;
}

export const createShareSlice: StateCreator<AppState, [], [], ShareSlice> = (set) => ({
  linkPrecision: 'f64',
  linkInfo: { form: 'human', length: 0, maxError: 0 },
  setLinkPrecision(linkPrecision) {
    set({ linkPrecision });
  },
  setLinkInfo(linkInfo) {
    set({ linkInfo });
  },
});
