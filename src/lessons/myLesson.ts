/**
 * The lecturer's own lesson, being written: steps recorded from the views they open, captions they
 * type, reordered and deleted, kept in this browser (localStorage) so a reload keeps the work. It is
 * a lesson like any other (id MY_LESSON_ID) for the bar and the presenter, and it is checked with
 * the lesson schema before it is shared.
 */
import { useSyncExternalStore } from 'react';
import { LESSON_LIMITS, type Lesson, type LessonStep } from './lessonTypes';

export const MY_LESSON_ID = 'my-lesson';
const STORAGE_KEY = 'subspace-explorer:my-lesson';

export interface Draft {
  title: string;
  summary: string;
  steps: LessonStep[];
}

const EMPTY: Draft = { title: 'My lesson', summary: 'Steps recorded in Subspace Explorer.', steps: [] };
const listeners = new Set<() => void>();
let cached: Draft | null = null;

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage blocked by the browser's settings: the draft lives for this visit only
  }
}

/** A stored draft, read leniently: anything malformed starts an empty one. */
function read(): Draft {
  const raw = storage()?.getItem(STORAGE_KEY);
  if (!raw || raw.length > LESSON_LIMITS.fileLength) return EMPTY;
  try {
    const value = JSON.parse(raw) as Partial<Draft>;
    if (typeof value.title !== 'string' || typeof value.summary !== 'string' || !Array.isArray(value.steps)) return EMPTY;
    const steps = value.steps.filter((s): s is LessonStep => typeof s === 'object' && s !== null && typeof s.title === 'string' && typeof s.link === 'string' && typeof s.caption === 'string');
    return { title: value.title, summary: value.summary, steps };
  } catch {
    return EMPTY;
  }
}

export function getDraft(): Draft {
  cached ??= read();
  return cached;
}

export function setDraft(draft: Draft): void {
  cached = draft;
  try {
    storage()?.setItem(STORAGE_KEY, JSON.stringify(draft));
  } catch {
    // A full storage keeps the draft in memory; the editor still works for this visit.
  }
  for (const listener of listeners) listener();
}

export function useDraft(): Draft {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getDraft,
    getDraft,
  );
}

/** The draft as a lesson (for the bar and the presenter), or null while it has no step. */
export function draftLesson(): Lesson | null {
  const draft = getDraft();
  if (draft.steps.length === 0) return null;
  return { id: MY_LESSON_ID, title: draft.title || 'My lesson', summary: draft.summary || 'My lesson', steps: draft.steps };
}

/** Adds a step that opens `link`, at the end. */
export function recordStep(link: string, title: string): void {
  const draft = getDraft();
  if (draft.steps.length >= LESSON_LIMITS.steps) return;
  setDraft({ ...draft, steps: [...draft.steps, { title: title.slice(0, LESSON_LIMITS.stepTitleLength), link, caption: '' }] });
}

export function updateStep(index: number, patch: Partial<LessonStep>): void {
  const draft = getDraft();
  setDraft({ ...draft, steps: draft.steps.map((s, i) => (i === index ? { ...s, ...patch } : s)) });
}

export function moveStep(index: number, by: -1 | 1): void {
  const draft = getDraft();
  const to = index + by;
  if (to < 0 || to >= draft.steps.length) return;
  const steps = [...draft.steps];
  [steps[index], steps[to]] = [steps[to], steps[index]];
  setDraft({ ...draft, steps });
}

export function deleteStep(index: number): void {
  const draft = getDraft();
  setDraft({ ...draft, steps: draft.steps.filter((_, i) => i !== index) });
}

/** The draft as a lesson file's content (a kebab-case id from its title). */
export function draftAsLesson(draft: Draft = getDraft()): Lesson {
  const id = draft.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'my-lesson';
  return { id, title: draft.title, summary: draft.summary, steps: draft.steps };
}

/** For tests: forget the cached draft so the next read comes from storage. */
export function resetDraftCache(): void {
  cached = null;
}
