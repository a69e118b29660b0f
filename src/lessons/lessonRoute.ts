/**
 * The addresses of the lectures: `#map` (the taxonomy map), `#lessons` (the start page at its
 * lectures), `#my-lesson` (the editor of one's own lesson) and `#lesson=ID&step=N` (a lesson's step
 * N, from 1), with `&present=1` for presenter mode, `&notes=1` for the speaker's notes window, and
 * `&data=…` for a lesson shared by link (the lesson itself, checked like any link). Opening a step
 * applies its link (the state it shows) like any link, after marking the lesson open, so the
 * address stays the step's while the person plays with what it shows.
 */
import type { HashRoute } from '../state/hashRoutes';
import { refuseLink } from '../state/linkNotice';
import type { LectureView } from '../state/lectureSlice';
import type { AppState, AppStore } from '../state/store';
import { applyWorkspaceLink } from '../state/urlSync';
import { decodeLessonData, findLesson, openSharedLesson, sharedData } from './lessonLibrary';

export const MAP_ADDRESS = '#map';
/** The start page scrolled to its lectures. */
export const LESSONS_ADDRESS = '#lessons';
export const EDITOR_ADDRESS = '#my-lesson';

export interface StepAddress {
  lessonId: string;
  /** From 0. */
  step: number;
  presenting?: boolean;
  notes?: boolean;
}

/** The address of a lesson step (a shared lesson's carries the lesson). */
export function lessonAddress({ lessonId, step, presenting = false, notes = false }: StepAddress): string {
  const data = sharedData(lessonId);
  return `#lesson=${encodeURIComponent(lessonId)}&step=${step + 1}${presenting ? '&present=1' : ''}${notes ? '&notes=1' : ''}${data ? `&data=${data}` : ''}`;
}

/** Reads a lesson address; problems in words when it names no step of a lesson. */
export function parseLessonAddress(hash: string): { ok: true; value: StepAddress } | { ok: false; problems: string[] } {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  let lessonId = params.get('lesson') ?? '';
  const data = params.get('data');
  if (data !== null) {
    const shared = decodeLessonData(data);
    if (!shared.ok) return { ok: false, problems: shared.problems };
    lessonId = openSharedLesson(shared.lesson, data);
  }
  const lesson = findLesson(lessonId);
  if (!lesson) return { ok: false, problems: [`There is no lesson called "${lessonId.slice(0, 80)}".`] };
  const stepText = params.get('step') ?? '1';
  const step = Number(stepText);
  if (!/^\d{1,3}$/.test(stepText) || step < 1 || step > lesson.steps.length) {
    return { ok: false, problems: [`"${lesson.title}" has steps 1 to ${lesson.steps.length}; the link asks for step "${stepText.slice(0, 20)}".`] };
  }
  return { ok: true, value: { lessonId, step: step - 1, presenting: params.get('present') === '1', notes: params.get('notes') === '1' } };
}

function addressOf(lecture: LectureView | null): string | null {
  if (!lecture) return null;
  if (lecture.kind === 'map') return MAP_ADDRESS;
  if (lecture.kind === 'editor') return EDITOR_ADDRESS;
  return lessonAddress(lecture);
}

export const lessonRoute: HashRoute = {
  matches: (hash) => hash === MAP_ADDRESS || hash === LESSONS_ADDRESS || hash === EDITOR_ADDRESS || /^#lesson=/.test(hash),
  async open(store: AppStore, hash: string): Promise<boolean> {
    if (hash === LESSONS_ADDRESS) {
      store.getState().setLecture(null);
      store.getState().openWorkspace(null);
      requestAnimationFrame(() => document.getElementById('lessons')?.scrollIntoView());
      return true;
    }
    if (hash === MAP_ADDRESS || hash === EDITOR_ADDRESS) {
      store.getState().openWorkspace(null);
      store.getState().setLecture({ kind: hash === MAP_ADDRESS ? 'map' : 'editor' });
      return true;
    }
    const parsed = parseLessonAddress(hash);
    if (!parsed.ok) return refuseLink(store, parsed.problems);
    const { lessonId, step, presenting = false, notes = false } = parsed.value;
    const current = store.getState().lecture;
    // A change of mode only moves the marker (the state on screen stays); the notes window shows
    // text only, so it does not build the step's state at all.
    const sameStep = current?.kind === 'lesson' && current.lessonId === lessonId && current.step === step;
    // The step is marked open first, so the presenter stays on screen while its state is built.
    store.getState().setLecture({ kind: 'lesson', lessonId, step, presenting, notes });
    if (sameStep || notes) return true;
    const link = findLesson(lessonId)!.steps[step].link;
    if (await applyWorkspaceLink(store, `#${link}`)) return true;
    store.getState().setLecture(current);
    return false;
  },
  address: (state: AppState) => addressOf(state.lecture),
};

/** Goes to an address the way a clicked link does: a history entry, read by the URL sync. */
export function navigate(address: string): void {
  if (window.location.hash === address) return;
  window.location.hash = address;
}
