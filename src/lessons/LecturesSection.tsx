/** The start page's lectures: the taxonomy map and the lessons, each lesson with its steps' count. */
import { BUILTIN_LESSONS } from './builtinLessons';
import { EDITOR_ADDRESS, lessonAddress, MAP_ADDRESS } from './lessonRoute';
import './lessons.css';

export function LecturesSection() {
  return (
    <section id="lessons" aria-labelledby="lectures-heading" className="lectures-section">
      <h2 id="lectures-heading">Lectures</h2>
      <p>
        <a className="button-link primary" href={MAP_ADDRESS}>The subspace taxonomy map</a> lays out how SVD, weighted low rank, Tucker, CP and tensor
        trains read as rotations, scalings and projections, and what each compresses in a language model. The lessons walk through it step by step;
        each step is a link, and <strong>Present</strong> shows it full screen, driven by the keyboard.
      </p>
      <ol className="lesson-list">
        {BUILTIN_LESSONS.map((lesson) => (
          <li key={lesson.id} className="panel lesson-card">
            <h3>
              <a href={lessonAddress({ lessonId: lesson.id, step: 0 })}>{lesson.title}</a>
            </h3>
            <p>{lesson.summary}</p>
            <p className="hint">
              {lesson.steps.length} steps ·{' '}
              <a href={lessonAddress({ lessonId: lesson.id, step: 0, presenting: true })}>present</a>
            </p>
          </li>
        ))}
      </ol>
      <p>
        <a href={EDITOR_ADDRESS}>My lesson</a>: record views of any workspace as steps (<strong>+ Lesson step</strong> in the header), caption them,
        and present or share the lesson as one link or a .json file.
      </p>
    </section>
  );
}
