/**
 * Messages for the person: a bad link, a failed job. Shown in an alert; dismissing one keeps the work.
 */
import type { StateCreator } from 'zustand';
import type { AppState } from './store';

export interface Notice {
  id: number;
  kind: 'error' | 'info';
  title: string;
  details: string[];
}

export interface NoticeSlice {
  notices: Notice[];
  notify(notice: Omit<Notice, 'id'>): void;
  dismiss(id: number): void;
}

let nextNoticeId = 1;

export const createNoticeSlice: StateCreator<AppState, [], [], NoticeSlice> = (set, get) => ({
  notices: [],
  notify(notice) {
    // Keep the newest few; an endless stack helps nobody.
    set({ notices: [...get().notices, { ...notice, id: nextNoticeId++ }].slice(-3) });
  },
  dismiss(id) {
    set({ notices: get().notices.filter((notice) => notice.id !== id) });
  },
});
