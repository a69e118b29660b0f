/**
 * The race's controls: the rank k, which methods race (EM, ALS, gradient descent) from which start
 * (SVD, FWSVD, random, zero), the iteration cap, and Pause, Resume, Cancel and Run again.
 */
import { useAppState } from '../../state/store';
import { EXACT_SVD_TIME_BUDGET_SECONDS, formatSeconds } from '../../state/svdSlice';
import { weightedRank, type WeightedInit, type WeightedMethod } from '../../state/weightedSlice';

export const METHOD_LABELS: Record<WeightedMethod, string> = { em: 'EM (Srebro–Jaakkola)', als: 'Alternating least squares', gd: 'Gradient descent' };
const INITS: Array<{ value: WeightedInit; label: string }> = [
  { value: 'svd', label: 'the SVD' },
  { value: 'fwsvd', label: 'FWSVD' },
  { value: 'random', label: 'random (seeded)' },
  { value: 'zero', label: 'zero' },
];
/** A race estimated over the budget: what it would cost, and the two ways on. */
function RaceOfferPanel() {
  const offer = useAppState((s) => s.weighted.offer);
  const status = useAppState((s) => s.weighted.status);
  const maxIter = useAppState((s) => s.weighted.settings.maxIter);
  const shape = useAppState((s) => `${s.matrix.rows} × ${s.matrix.cols}`);
  const rank = useAppState(weightedRank);
  const set = useAppState((s) => s.setWeightedSettings);
  const anyway = useAppState((s) => s.runRaceAnyway);
  if (status !== 'declined' || !offer) return null;
  return (
    <div className="svd-offer" role="region" aria-label="Race estimate" data-testid="race-offer">
      <p className="hint" style={{ margin: 0 }}>
        This race runs up to {maxIter} iterations per method: about {formatSeconds(offer.seconds)} on this device ({METHOD_LABELS[offer.slowest.method]} takes about{' '}
        {formatSeconds(offer.slowest.seconds)} per iteration on {shape} at k = {rank}), over the {EXACT_SVD_TIME_BUDGET_SECONDS} s budget, so it was not started. The
        methods often stop earlier, on the tolerance.
      </p>
      <p style={{ margin: '0.4rem 0 0', display: 'flex', gap: '0.6rem', flexWrap: 'wrap' }}>
        <button type="button" className="primary" onClick={() => set({ maxIter: offer.fitIterations })}>
          Run {offer.fitIterations} iteration{offer.fitIterations === 1 ? '' : 's'} (about {formatSeconds(EXACT_SVD_TIME_BUDGET_SECONDS)} at most)
        </button>
        <button type="button" onClick={anyway}>Run all {maxIter} anyway</button>
      </p>
    </div>
  );
}

const STATUS: Record<string, string> = { idle: 'Waiting to start.', declined: 'Not started: over the time budget.', running: 'Running…', paused: 'Paused.', cancelled: 'Cancelled: the curves stop where it was.', done: 'Done.', error: '' };

export function RacePanel() {
  const settings = useAppState((s) => s.weighted.settings);
  const status = useAppState((s) => s.weighted.status);
  const progress = useAppState((s) => s.weighted.progress);
  const error = useAppState((s) => s.weighted.error);
  const restarted = useAppState((s) => s.weighted.result?.restarted ?? false);
  const rank = useAppState(weightedRank);
  const p = useAppState((s) => Math.min(s.matrix.rows, s.matrix.cols));
  const set = useAppState((s) => s.setWeightedSettings);
  const pauseRace = useAppState((s) => s.pauseRace);
  const resumeRace = useAppState((s) => s.resumeRace);
  const cancelRace = useAppState((s) => s.cancelRace);
  const restartRace = useAppState((s) => s.restartRace);
  const toggle = (method: WeightedMethod, on: boolean) => {
    const methods = on ? [...settings.methods, method] : settings.methods.filter((m) => m !== method);
    if (methods.length > 0) set({ methods: (['em', 'als', 'gd'] as const).filter((m) => methods.includes(m)) });
  };
  return (
    <section className="panel race-panel" aria-labelledby="race-heading">
      <h2 id="race-heading">Method race</h2>
      <div className="rank-row">
        <label htmlFor="weighted-rank">Rank <span className="rank-value">k = {rank}</span></label>
        <input id="weighted-rank" type="range" min={1} max={p} step={1} value={rank} aria-valuetext={`rank ${rank} of ${p}`} onChange={(e) => set({ rank: Number(e.target.value) })} />
        <span className="rank-max">of {p}</span>
      </div>
      <fieldset className="methods">
        <legend>Methods, from the same start</legend>
        {(['em', 'als', 'gd'] as const).map((m) => (
          <label key={m} className="check">
            <input type="checkbox" checked={settings.methods.includes(m)} disabled={settings.methods.length === 1 && settings.methods[0] === m} onChange={(e) => toggle(m, e.target.checked)} /> {METHOD_LABELS[m]}
          </label>
        ))}
      </fieldset>
      <div className="fields">
        <label className="field">
          <span>Start from</span>
          <select value={settings.init} data-testid="weighted-init" onChange={(e) => set({ init: e.target.value as WeightedInit })}>
            {INITS.map((i) => <option key={i.value} value={i.value}>{i.label}</option>)}
          </select>
        </label>
        <label className="field">
          <span>Iterations at most</span>
          <input type="number" min={1} max={100000} value={settings.maxIter} onChange={(e) => Number.isInteger(e.target.valueAsNumber) && e.target.valueAsNumber >= 1 && e.target.valueAsNumber <= 100000 && set({ maxIter: e.target.valueAsNumber })} />
        </label>
        <label className="field">
          <span>Seed</span>
          <input type="number" min={0} value={settings.seed} onChange={(e) => Number.isInteger(e.target.valueAsNumber) && e.target.valueAsNumber >= 0 && set({ seed: e.target.valueAsNumber })} />
        </label>
      </div>
      <div className="race-buttons" role="group" aria-label="Race">
        {status === 'running' && <button type="button" className="primary" onClick={pauseRace}>Pause</button>}
        {status === 'paused' && <button type="button" className="primary" onClick={resumeRace}>Resume</button>}
        {(status === 'running' || status === 'paused') && <button type="button" onClick={cancelRace}>Cancel</button>}
        {(status === 'done' || status === 'cancelled' || status === 'error') && <button type="button" onClick={restartRace}>Run again</button>}
      </div>
      <RaceOfferPanel />
      <p className="race-status" role="status" data-testid="race-status" data-status={status}>
        {status === 'error' ? error : STATUS[status]}
        {status === 'running' && progress !== null ? ` ${Math.round(progress * 100)} % of the iteration budget.` : ''}
        {restarted ? ' (The paused race was lost when the worker restarted: it ran again from the start.)' : ''}
      </p>
    </section>
  );
}
