/**
 * Play, pause and scrub the x -> V^T x -> S V^T x -> U S V^T x animation. Keyboard (bound in
 * keymap.ts, where it may fire is decided): Space plays or pauses, Left and Right move one stage.
 */
import { appStore, useAppState } from '../state/store';
import { LAST_STEP, STAGE_NAMES } from '../state/viewSlice';
import { ariaKeyShortcuts, shortcutText, useKeymap } from './keymap';

const STAGE_TEXT = [
  'The input: the unit circle or sphere.',
  'Vᵀ rotates the right singular vectors v_i onto the axes.',
  'Σ stretches each axis i by σ_i (and drops dimensions where σ_i = 0).',
  'U rotates the axes onto the left singular vectors u_i: the result is A x.',
];

export function StepControls() {
  const step = useAppState((s) => s.step);
  const playing = useAppState((s) => s.playing);
  const reflection = useAppState((s) => s.svd.result?.map?.reflection ?? false);
  const stage = Math.min(LAST_STEP, Math.floor(step + 1e-9));

  useKeymap({
    'play-pause': () => appStore.getState().togglePlay(),
    'step-back': () => appStore.getState().stepBy(-1),
    'step-forward': () => appStore.getState().stepBy(1),
  });

  const { togglePlay, stepBy, setStep } = appStore.getState();
  return (
    <section className="step-controls" aria-label="Animation">
      <button type="button" onClick={() => stepBy(-1)} aria-label="Previous stage" title={`Previous stage (${shortcutText('step-back')})`} aria-keyshortcuts={ariaKeyShortcuts('step-back')} disabled={step <= 0}>
        ◀
      </button>
      <button type="button" className="play" onClick={togglePlay} aria-label={playing ? 'Pause' : 'Play'} title={`Play or pause (${shortcutText('play-pause')})`} aria-keyshortcuts={ariaKeyShortcuts('play-pause')}>
        {playing ? '❚❚' : '▶'}
      </button>
      <button type="button" onClick={() => stepBy(1)} aria-label="Next stage" title={`Next stage (${shortcutText('step-forward')})`} aria-keyshortcuts={ariaKeyShortcuts('step-forward')} disabled={step >= LAST_STEP}>
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
