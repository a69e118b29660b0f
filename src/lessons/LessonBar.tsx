/**
 * A lesson beside its workspace: where it is (lesson, step n of N), the step's caption and
 * formulas, and the way on: previous, next, present full screen, the speaker notes, leave. The
 * workspace below is live: what the step shows can be dragged and edited.
 */
import { useAppState } from '../state/store';
import type { Lesson } from './lessonTypes';
import { lessonAddress } from './lessonRoute';
import { neighbours, StepLinks, StepText, withLesson, type LessonLecture } from './lessonParts';
import { useLessonSync } from './useLessonSync';
import { useStepAnimation } from './useStepAnimation';
import './lessons.css';

function LessonBarOf({ lesson, lecture }: { lesson: Lesson; lecture: LessonLecture }) {
  const workspace = useAppState((s) => s.workspace);
  const step = lesson.steps[lecture.step];
  const around = neighbours(lesson, lecture.step);
  useStepAnimation(step, `${lesson.id}:${lecture.step}`);
  useLessonSync(lecture);
  return (
    <aside className="lesson-bar" aria-labelledby="lesson-step-heading">
      <p className="lesson-where">
        <a href="#lessons">Lessons</a> › <strong>{lesson.title}</strong> · step {lecture.step + 1} of {lesson.steps.length}
      </p>
      <div className="lesson-bar-text">
        <StepText step={step} headingId="lesson-step-heading" />
      </div>
      <nav className="lesson-nav" aria-label="Lesson steps">
        <StepLinks previous={around.previous} next={around.next} />
        <a className="button-link" href={lessonAddress({ ...lecture, presenting: true })}>Present (full screen)</a>
        <a className="button-link" href={lessonAddress({ ...lecture, notes: true })} target="_blank" rel="noopener">Speaker notes (new window)</a>
        <a className="button-link" href={workspace ? `#w=${workspace}` : '#'}>Leave the lesson</a>
      </nav>
    </aside>
  );
}


export const LessonBar = withLesson(LessonBarOf);
