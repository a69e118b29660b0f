/**
 * The speaker's window: this step's notes, what comes next, a clock, and the step controls. It
 * follows the presenter's window (and drives it) through useLessonSync; it builds no scene.
 */
import { useEffect, useState } from 'react';
import type { Lesson } from './lessonTypes';
import { Caption } from './Caption';
import { neighbours, StepLinks, withLesson, type LessonLecture } from './lessonParts';
import { useLessonSync } from './useLessonSync';
import './lessons.css';

function useClock(): string {
  const [started] = useState(() => Date.now());
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.floor((now - started) / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

function NotesViewOf({ lesson, lecture }: { lesson: Lesson; lecture: LessonLecture }) {
  const step = lesson.steps[lecture.step];
  const next = lesson.steps[lecture.step + 1];
  const around = neighbours(lesson, lecture.step, { notes: true });
  const clock = useClock();
  useLessonSync(lecture);
  return (
    <main className="notes-view" aria-labelledby="notes-heading" data-testid="speaker-notes">
      <header className="notes-top">
        <span>{lesson.title}</span>
        <span>
          step {lecture.step + 1} of {lesson.steps.length} · {clock}
        </span>
      </header>
      <h1 id="notes-heading">{step.title}</h1>
      <section aria-label="Notes">
        <p className="notes-text">{step.notes ?? 'No notes for this step.'}</p>
      </section>
      <section aria-label="Caption on screen" className="notes-caption">
        <Caption text={step.caption} className="lesson-caption" />
      </section>
      <section aria-label="Next step" className="notes-next">
        <h2>Next</h2>
        <p>{next ? next.title : 'The end of the lesson.'}</p>
      </section>
      <nav className="lesson-nav" aria-label="Lesson steps">
        <StepLinks previous={around.previous} next={around.next} />
      </nav>
    </main>
  );
}


export const NotesView = withLesson(NotesViewOf);
