/** Pieces the lesson bar, the presenter and the notes window share: a step's text, its links, the lesson itself. */
import type { ComponentType } from 'react';
import type { LectureView } from '../state/lectureSlice';
import { Tex } from '../ui/Tex';
import { Caption } from './Caption';
import { findLesson } from './lessonLibrary';
import type { Lesson, LessonStep } from './lessonTypes';
import { lessonAddress } from './lessonRoute';
import { useDraft } from './myLesson';

export type LessonLecture = Extract<LectureView, { kind: 'lesson' }>;

export function StepText({ step, headingId }: { step: LessonStep; headingId?: string }) {
  return (
    <>
      <h2 id={headingId} className="lesson-step-title">
        {step.title}
      </h2>
      <Caption text={step.caption} className="lesson-caption" />
      {step.formulas && step.formulas.length > 0 && (
        <div className="lesson-formulas">
          {step.formulas.map((formula) => (
            <Tex key={formula} source={formula} display />
          ))}
        </div>
      )}
    </>
  );
}

/** The addresses of the steps around `index`, in the same mode. */
export function neighbours(lesson: Lesson, index: number, mode: { presenting?: boolean; notes?: boolean } = {}) {
  const at = (step: number) => lessonAddress({ lessonId: lesson.id, step, ...mode });
  return {
    previous: index > 0 ? at(index - 1) : null,
    next: index < lesson.steps.length - 1 ? at(index + 1) : null,
    first: at(0),
    last: at(lesson.steps.length - 1),
    at,
  };
}

/** Previous and Next as links (every step is an address), the missing one shown disabled. */
export function StepLinks({ previous, next }: { previous: string | null; next: string | null }) {
  return (
    <>
      {previous ? <a className="button-link" href={previous}>← Previous</a> : <span className="button-link is-disabled" aria-disabled="true">← Previous</span>}
      {next ? <a className="button-link primary" href={next}>Next →</a> : <span className="button-link is-disabled" aria-disabled="true">Next →</span>}
    </>
  );
}

/**
 * A view of one lesson step, given the lesson of its `lecture` (built-in, shared, or one's own
 * draft, followed as it is edited); nothing while no such lesson exists.
 */
export function withLesson<Extra extends object = object>(
  View: ComponentType<Extra & { lecture: LessonLecture; lesson: Lesson }>,
): ComponentType<Extra & { lecture: LessonLecture }> {
  return function LessonOf(props: Extra & { lecture: LessonLecture }) {
    useDraft();
    const lesson = findLesson(props.lecture.lessonId);
    return lesson ? <View {...props} lesson={lesson} /> : null;
  };
}
