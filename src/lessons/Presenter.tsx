/**
 * Presenter mode: the scene and the caption only, in large type and high contrast, driven by the
 * keyboard (Right/Space/Page Down next, Left/Page Up back, Home, End, a number then Enter, F for
 * full screen, Escape to leave). Every step is its own address, so Back works too.
 */
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { sceneContent } from '../state/selectors';
import { useAppState } from '../state/store';
import { useKeymap } from '../ui/keymap';
import { UI_WORKSPACES } from '../ui/workspaces';
import type { Lesson } from './lessonTypes';
import { lessonAddress, navigate } from './lessonRoute';
import { neighbours, StepText, withLesson, type LessonLecture } from './lessonParts';
import { useLessonSync } from './useLessonSync';
import { useStepAnimation } from './useStepAnimation';
import './lessons.css';

function toggleFullscreen(): void {
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
  else void document.documentElement.requestFullscreen?.().catch(() => {});
}

function PresenterOf({ lesson, lecture, scene }: { lesson: Lesson; lecture: LessonLecture; scene: (describedBy: string) => ReactNode }) {
  const step = lesson.steps[lecture.step];
  const around = neighbours(lesson, lecture.step, { presenting: true });
  const hasScene = useAppState((s) => sceneContent(s) !== null);
  const workspace = useAppState((s) => s.workspace);
  // A workspace without a 3D scene (attention, the tensor table's rows) is shown whole instead.
  const Page = !hasScene && workspace !== null ? UI_WORKSPACES[workspace].Page : null;
  const [typed, setTyped] = useState('');
  const typedRef = useRef('');
  typedRef.current = typed;
  useStepAnimation(step, `${lesson.id}:${lecture.step}`);
  useLessonSync(lecture);

  const go = useCallback((address: string | null) => {
    setTyped('');
    if (address === null) return false;
    navigate(address);
  }, []);
  useKeymap(
    {
      'next-step': () => go(around.next),
      'previous-step': () => go(around.previous),
      'first-step': () => go(around.first),
      'last-step': () => go(around.last),
      'type-step-digit': (event) => setTyped((t) => (t + event.key).slice(-3)),
      'jump-to-step': () => {
        const n = Number(typedRef.current);
        if (typedRef.current === '') return false;
        setTyped('');
        if (n >= 1 && n <= lesson.steps.length) navigate(around.at(n - 1));
      },
      'toggle-fullscreen': () => toggleFullscreen(),
      'leave-presenter': () => {
        if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
        navigate(lessonAddress({ ...lecture, presenting: false }));
      },
    },
    { scope: 'presenter' },
  );

  return (
    <main className="presenter" aria-labelledby="presenter-step-heading" data-testid="presenter">
      <header className="presenter-top">
        <span className="presenter-lesson">{lesson.title}</span>
        <span className="presenter-count" aria-label={`Step ${lecture.step + 1} of ${lesson.steps.length}`}>
          {lecture.step + 1} / {lesson.steps.length}
        </span>
      </header>
      {Page ? (
        <div className="presenter-page">
          <Page scene={scene} />
        </div>
      ) : (
        <div className="presenter-scene">{scene('presenter-caption')}</div>
      )}
      <section id="presenter-caption" className="presenter-caption">
        <StepText step={step} headingId="presenter-step-heading" />
      </section>
      <p className="presenter-typed" aria-live="polite">
        {typed !== '' ? `Go to step ${typed}: press Enter` : ''}
      </p>
      <p className="presenter-hint">→ next · ← back · F full screen · Esc leave</p>
    </main>
  );
}


export const Presenter = withLesson<{ scene: (describedBy: string) => ReactNode }>(PresenterOf);
