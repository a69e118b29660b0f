/**
 * "Add this view to my lesson" in the header: the view on screen becomes the next step of the
 * lecturer's own lesson (its link, and a title from the workspace and the data), to be captioned in
 * the lesson editor (#my-lesson).
 */
import { appStore, useAppState } from '../state/store';
import { currentAddress } from '../state/urlSync';
import { STATE_WORKSPACES } from '../state/workspaces';
import { UI_WORKSPACES } from '../ui/workspaces';
import { findLesson } from './lessonLibrary';
import { decodeStepLink, LESSON_LIMITS } from './lessonTypes';
import { getDraft, recordStep } from './myLesson';

/** The link of the view on screen as a lesson step can hold it, or why it cannot. */
async function viewLink(): Promise<{ ok: true; link: string } | { ok: false; why: string }> {
  const { lecture } = appStore.getState();
  if (lecture?.kind === 'lesson') {
    const step = findLesson(lecture.lessonId)?.steps[lecture.step];
    if (step) return { ok: true, link: step.link };
  }
  const hash = new URL(await currentAddress(window.location)).hash.replace(/^#/, '');
  if (hash === '') return { ok: false, why: 'This view has no link (its data is too big to write into one), so it cannot be a step. A preset or an array of a file can.' };
  // As written: the decoder unescapes each value itself, and unescaping the whole hash here would
  // split a file URL's own `%26` into two keys.
  const link = hash;
  if (link.startsWith('v1.')) return { ok: false, why: 'This view is written as a compact link (a typed or pasted matrix above 12 × 12); lesson steps hold links in the readable form: use a preset, a smaller matrix or an array of a file.' };
  if (link.length > LESSON_LIMITS.linkLength) return { ok: false, why: `This view's link has ${link.length} characters; a step holds at most ${LESSON_LIMITS.linkLength}.` };
  const decoded = decodeStepLink(link);
  return decoded.ok ? { ok: true, link } : { ok: false, why: `This view's link ${decoded.problems.join(' ')}` };
}

export function RecordStepButton() {
  const workspace = useAppState((s) => s.workspace);
  if (workspace === null) return null;
  const record = async () => {
    const found = await viewLink();
    const { notify } = appStore.getState();
    if (!found.ok) {
      notify({ kind: 'error', title: 'This view cannot be added to your lesson.', details: [found.why] });
      return;
    }
    if (getDraft().steps.length >= LESSON_LIMITS.steps) {
      notify({ kind: 'error', title: `Your lesson has ${LESSON_LIMITS.steps} steps, the most a lesson holds.`, details: [] });
      return;
    }
    // Titled by what the workspace shows (its own summary, as the start page's recent work).
    const state = appStore.getState();
    recordStep(found.link, `${UI_WORKSPACES[workspace].label}: ${STATE_WORKSPACES[workspace].summary(state) ?? state.source.title}`);
    notify({ kind: 'info', title: `Added as step ${getDraft().steps.length} of your lesson.`, details: ['Write its caption in "My lesson" (on the start page, or #my-lesson).'] });
  };
  return (
    <button type="button" className="record-step-button" onClick={() => void record()} title="Add this view to my lesson, as its next step">
      + Lesson step
    </button>
  );
}
