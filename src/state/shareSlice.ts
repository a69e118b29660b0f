/**
 * Sharing: the precision of matrices written into compact links, what the current link is (its
 * form, length, and the largest entry error its precision costs), and exports of the factors.
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

export interface ExportRequest {
  format: 'npz' | 'safetensors';
  dtype: 'float32' | 'float64';
}

export interface ShareSlice {
  linkPrecision: Precision;
  linkInfo: LinkInfo;
  /** A pending export of the factors (the export effect runs it). */
  exportRequest: ExportRequest | null;
  exportError: string | null;
  exportFactors(request: ExportRequest): void;
  setExportState(patch: { exportRequest: ExportRequest | null; exportError: string | null }): void;
  setLinkPrecision(precision: Precision): void;
  setLinkInfo(info: LinkInfo): void;
}

export const createShareSlice: StateCreator<AppState, [], [], ShareSlice> = (set) => ({
  linkPrecision: 'f64',
  linkInfo: { form: 'human', length: 0, maxError: 0 },
  exportRequest: null,
  exportError: null,
  exportFactors(exportRequest) {
    set({ exportRequest: { ...exportRequest }, exportError: null });
  },
  setExportState(patch) {
    set(patch);
  },
  setLinkPrecision(linkPrecision) {
    set({ linkPrecision });
  },
  setLinkInfo(linkInfo) {
    set({ linkInfo });
  },
});
