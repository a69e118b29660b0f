/**
 * What of the lectures is open: the taxonomy map, or a lesson at one of its steps (shown beside
 * its workspace, or presented full screen). The lessons themselves are data of the lessons layer;
 * the state knows only their ids and positions, which is all an address needs.
 */
import type { StateCreator } from 'zustand';
import type { AppState } from './store';

export type LectureView =
  | { kind: 'map' }
  /** The editor of the lecturer's own lesson. */
  | { kind: 'editor' }
  | {
      kind: 'lesson';
      lessonId: string;
      /** The step shown, from 0. */
      step: number;
      presenting: boolean;
      /** The speaker-notes window (a second window that follows the presenter). */
      notes: boolean;
    };

export interface LectureSlice {
  lecture: LectureView | null;
  setLecture(lecture: LectureView | null): void;
}

export const createLectureSlice: StateCreator<AppState, [], [], LectureSlice> = (set) => ({
  lecture: null,
  setLecture(lecture) {
    set({ lecture });
  },
});
