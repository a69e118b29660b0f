/** Pieces the lesson bar, the presenter and the notes window share: a step's text and its links. */
import { Tex } from '../ui/Tex';
import { Caption } from './Caption';
import type { Lesson, LessonStep } from './lessonTypes';
import { lessonAddress } from './lessonRoute';

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
