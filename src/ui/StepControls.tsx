/**
 * Play, pause and scrub the x -> V^T x -> S V^T x -> U S V^T x animation. Keyboard: Space plays or
 * pauses, Left and Right move one stage, anywhere on the page except while typing in a field.
 */
import { useEffect } from 'react';
import { appStore, useAppState } from '../state/store';
import { LAST_STEP, STAGE_NAMES } from '../state/viewSlice';

const STAGE_TEXT = [
  'The input: the unit circle or sphere.',
  'Vᵀ rotates the right singular vectors v_i onto the axes.',
  'Σ stretches each axis i by σ_i (and drops dimensions where σ_i = 0).',
  'U rotates the axes onto the left singular vectors u_i: the result is A x.',
];

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLInputElement) return target.type !== 'range' && target.type !== 'button';
  return target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

export function StepControls() {
  const step = useAppState((s) => s.step);
  const playing = useAppState((s) => s.playing);
  const reflection = useAppState((s) => s.svd.result?.map?.reflection ?? false);
  const stage = Math.min(LAST_STEP, Math.floor(step + 1e-9));

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      const { togglePlay, stepBy } = appStore.getState();
      if (event.key === ' ' && !(event.target instanceof HTMLButtonElement)) {
        event.preventDefault();
        togglePlay();
      } else if (event.key === 'ArrowRight' && !(event.target instanceof HTMLInputElement)) {
        event.preventDefault();
        stepBy(1);
      } else if (event.key === 'ArrowLeft' && !(event.target instanceof HTMLInputElement)) {
        event.preventDefault();
        stepBy(-1);
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const { togglePlay, stepBy, setStep } = appStore.getState();
  return (
    <section className="step-controls" aria-label="Animation">
      <button type="button" onClick={() => stepBy(-1)} aria-label="Previous stage" title="Previous stage (Left)" disabled={step <= 0}>
        ◀
      </button>
      <button type="button" className="play" onClick={togglePlay} aria-label={playing ? 'Pause' : 'Play'} title="Play or pause (Space)">
        {playing ? '❚❚' : '▶'}
      </button>
      <button type="button" onClick={() => stepBy(1)} aria-label="Next stage" title="Next stage (Right)" disabled={step >= LAST_STEP}>
        ▶▶
      </button>
      <label className="scrub">
        <span className="visually-hidden">Animation step</span>
        <input
          type="range"
          min={0}
          max={LAST_STEP}
          step={0.01}
          value={step}
          aria-valuetext={`${step.toFixed(2)} of ${LAST_STEP}: ${STAGE_NAMES[stage]}`}
          onChange={(event) => setStep(Number(event.target.value))}
        />
      </label>
      <output className="stage-name" aria-live="polite" data-testid="stage-name">
        {STAGE_NAMES[Math.round(step)]}
      </output>
      <p className="stage-text">
        {STAGE_TEXT[Math.round(step)]}
        {reflection && Math.round(step) === 3 && ' U includes a reflection: det A < 0, so no choice of signs makes both U and V rotations.'}
      </p>
    </section>
  );
}
