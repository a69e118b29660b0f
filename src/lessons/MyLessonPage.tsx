/**
 * The editor of one's own lesson (#my-lesson): each recorded view is a step with its title,
 * caption (TeX between $…$, previewed) and notes; steps move up and down and are deleted; the
 * lesson is presented, shared as one link or a .json file, and lessons from files are opened
 * here, checked like any link.
 */
import { useState } from 'react';
import { downloadBlob } from '../ui/plots';
import { Caption } from './Caption';
import { encodeLessonData, openSharedLesson } from './lessonLibrary';
import { lessonAddress, navigate } from './lessonRoute';
import { LESSON_LIMITS, parseLesson, parseLessonText } from './lessonTypes';
import { deleteStep, draftAsLesson, MY_LESSON_ID, moveStep, setDraft, updateStep, useDraft } from './myLesson';
import './lessons.css';

function ShareControls() {
  const draft = useDraft();
  const [shared, setShared] = useState<string | null>(null);
  const checked = parseLesson(draftAsLesson(draft));
  if (draft.steps.length === 0) return null;
  if (!checked.ok) {
    return (
      <div className="my-lesson-problems" role="status" data-testid="lesson-problems">
        <p>Before it can be shared:</p>
        <ul>{checked.problems.map((p) => <li key={p}>{p}</li>)}</ul>
      </div>
    );
  }
  const lesson = checked.lesson;
  const share = async () => {
    const address = `${window.location.origin}${window.location.pathname}#lesson=${encodeURIComponent(lesson.id)}&step=1&data=${encodeLessonData(lesson)}`;
    setShared(address);
    await navigator.clipboard?.writeText(address).catch(() => undefined);
  };
  const download = () => downloadBlob(new Blob([JSON.stringify(lesson, null, 2)], { type: 'application/json' }), `${lesson.id}.json`);
  return (
    <div className="lesson-nav">
      <button type="button" className="primary" onClick={() => void share()}>Copy a link to this lesson</button>
      <button type="button" onClick={download}>Download as .json</button>
      {shared && (
        <label className="field my-lesson-link">
          <span>The lesson's link ({shared.length.toLocaleString('en')} characters; it holds the whole lesson)</span>
          <input readOnly value={shared} onFocus={(e) => e.target.select()} data-testid="lesson-link" />
        </label>
      )}
    </div>
  );
}

function OpenLessonFile() {
  const [problems, setProblems] = useState<string[]>([]);
  const open = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > LESSON_LIMITS.fileLength) {
      setProblems([`${file.name} is ${file.size.toLocaleString('en')} bytes; a lesson file is at most ${LESSON_LIMITS.fileLength.toLocaleString('en')}.`]);
      return;
    }
    const parsed = parseLessonText(await file.text());
    if (!parsed.ok) {
      setProblems(parsed.problems);
      return;
    }
    setProblems([]);
    navigate(lessonAddress({ lessonId: openSharedLesson(parsed.lesson), step: 0 }));
  };
  return (
    <div>
      <label className="field">
        <span>Open a lesson file (.json)</span>
        <input type="file" accept=".json,application/json" data-testid="lesson-file-input" onChange={(e) => void open(e.target.files?.[0])} />
      </label>
      {problems.length > 0 && (
        <div className="error-text" role="alert">
          <p>This lesson file could not be opened; nothing of yours changed.</p>
          <ul>{problems.map((p) => <li key={p}>{p}</li>)}</ul>
        </div>
      )}
    </div>
  );
}

export function MyLessonPage() {
  const draft = useDraft();
  return (
    <main className="my-lesson" aria-labelledby="my-lesson-heading">
      <p className="lesson-where">
        <a href="#lessons">Start page and lessons</a>
      </p>
      <h2 id="my-lesson-heading">My lesson</h2>
      <p>
        Open a view in any workspace and press <strong>+ Lesson step</strong> in the header: the view becomes the next step. Write each step&apos;s
        caption here (formulas between $…$), move steps up and down, then present the lesson or share it as one link or a file. It is kept in this
        browser.
      </p>
      <div className="fields">
        <label className="field">
          <span>Title</span>
          <input value={draft.title} maxLength={LESSON_LIMITS.titleLength} onChange={(e) => setDraft({ ...draft, title: e.target.value })} />
        </label>
        <label className="field">
          <span>Summary</span>
          <input value={draft.summary} maxLength={LESSON_LIMITS.summaryLength} onChange={(e) => setDraft({ ...draft, summary: e.target.value })} />
        </label>
      </div>
      {draft.steps.length === 0 ? (
        <p className="hint">No steps yet.</p>
      ) : (
        <ol className="my-lesson-steps">
          {draft.steps.map((step, i) => (
            <li key={`${i}:${step.link}`} className="panel">
              <fieldset>
                <legend>Step {i + 1}</legend>
                <label className="field">
                  <span>Title</span>
                  <input value={step.title} maxLength={LESSON_LIMITS.stepTitleLength} onChange={(e) => updateStep(i, { title: e.target.value })} />
                </label>
                <label className="field">
                  <span>Caption</span>
                  <textarea value={step.caption} maxLength={LESSON_LIMITS.captionLength} rows={3} onChange={(e) => updateStep(i, { caption: e.target.value })} />
                </label>
                {step.caption && (
                  <div className="my-lesson-preview" aria-label={`Step ${i + 1}'s caption as shown`}>
                    <Caption text={step.caption} className="lesson-caption" />
                  </div>
                )}
                <label className="field">
                  <span>Speaker notes</span>
                  <textarea value={step.notes ?? ''} maxLength={LESSON_LIMITS.notesLength} rows={2} onChange={(e) => updateStep(i, { notes: e.target.value || undefined })} />
                </label>
                <p className="hint my-lesson-link-text">
                  Opens <code>#{step.link.length > 120 ? `${step.link.slice(0, 117)}…` : step.link}</code>
                </p>
                <div className="lesson-nav">
                  <a className="button-link" href={lessonAddress({ lessonId: MY_LESSON_ID, step: i })}>Show</a>
                  <button type="button" onClick={() => moveStep(i, -1)} disabled={i === 0} aria-label={`Move step ${i + 1} up`}>↑ Up</button>
                  <button type="button" onClick={() => moveStep(i, 1)} disabled={i === draft.steps.length - 1} aria-label={`Move step ${i + 1} down`}>↓ Down</button>
                  <button type="button" onClick={() => deleteStep(i)} aria-label={`Delete step ${i + 1}`}>Delete</button>
                </div>
              </fieldset>
            </li>
          ))}
        </ol>
      )}
      {draft.steps.length > 0 && (
        <div className="lesson-nav">
          <a className="button-link primary" href={lessonAddress({ lessonId: MY_LESSON_ID, step: 0, presenting: true })}>Present</a>
          <button type="button" onClick={() => setDraft({ ...draft, steps: [] })}>Start over</button>
        </div>
      )}
      <ShareControls />
      <OpenLessonFile />
    </main>
  );
}
