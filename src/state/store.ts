/**
 * The one store of the app, made of slices. Components read it through hooks and selectors; only
 * `effects.ts` starts and cancels worker jobs in response to its changes.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { createDocumentSlice, type DocumentSlice } from './documentSlice';
import { createSvdSlice, type SvdSlice } from './svdSlice';
import { createViewSlice, type ViewSlice } from './viewSlice';
import { createNoticeSlice, type NoticeSlice } from './noticeSlice';
import { createSourceSlice, type SourceSlice } from './sourceSlice';
import { createFileSlice, type FileSlice } from './fileSlice';
import { createAttentionSlice, type AttentionSlice } from './attentionSlice';
import { createCompareSlice, type CompareSlice } from './compareSlice';
import { createShareSlice, type ShareSlice } from './shareSlice';
import { createWorkspaceSlice, type WorkspaceSlice } from './workspaceSlice';
import { createWeightedSlice, type WeightedSlice } from './weightedSlice';
import { createTensorSlice, type TensorSlice } from './tensorSlice';
import { createLectureSlice, type LectureSlice } from './lectureSlice';

export type AppState = DocumentSlice & SvdSlice & ViewSlice & NoticeSlice & SourceSlice & FileSlice & AttentionSlice & CompareSlice & ShareSlice & WorkspaceSlice & WeightedSlice & TensorSlice & LectureSlice;
export type AppStore = StoreApi<AppState>;

export function createAppStore(): AppStore {
  return createStore<AppState>()((...args) => ({
    ...createDocumentSlice(...args),
    ...createSvdSlice(...args),
    ...createViewSlice(...args),
    ...createNoticeSlice(...args),
    ...createSourceSlice(...args),
    ...createFileSlice(...args),
    ...createAttentionSlice(...args),
    ...createCompareSlice(...args),
    ...createShareSlice(...args),
    ...createWorkspaceSlice(...args),
    ...createWeightedSlice(...args),
    ...createTensorSlice(...args),
    ...createLectureSlice(...args),
  }));
}

/** The app's store; tests create their own with `createAppStore`. */
export const appStore = createAppStore();

/** React binding: `useAppState((s) => s.matrix)`. */
export function useAppState<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector);
}
