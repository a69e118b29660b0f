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
  /** Shows a notice; returns its id, to dismiss it when what it asks for has happened. */
  notify(notice: Omit<Notice, 'id'>): number;
  dismiss(id: number): void;
}

let nextNoticeId = 1;

export const createNoticeSlice: StateCreator<AppState, [], [], NoticeSlice> = (set, get) => ({
  notices: [],
  notify(notice) {
    // Keep the newest few; an endless stack helps nobody.
    const id = nextNoticeId++;
    set({ notices: [...get().notices, { ...notice, id }].slice(-3) });
    return id;
  },
  dismiss(id) {
    set({ notices: get().notices.filter((notice) => notice.id !== id) });
  },
});
