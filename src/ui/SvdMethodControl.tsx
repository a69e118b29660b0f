/**
 * How the SVD is computed: exactly (all min(m, n) singular triplets), or only the top k by the
 * randomized SVD (Halko-Martinsson-Tropp), which is what makes a 50257 × 768 embedding table usable
 * in seconds. The errors stay exact either way (‖A‖_F² is known); only σ_{k+1} at the last computed
 * rank is unknown, and the randomized SVD's own a posteriori bound is shown instead.
 */
import { useAppState } from '../state/store';
import { currentSvd, formatValue, suggestedRandomized, svdEstimate } from '../state/selectors';
import { EXACT, formatSeconds, RANDOMIZED_DEFAULTS, RANDOMIZED_MIN_ENTRIES, type SvdMethod } from '../state/svdSlice';
import { RadioGroup } from './RadioGroup';
/** Above this estimate (seconds on this device) the control says that the exact SVD takes a while. */
const SLOW_EXACT_SECONDS = 5;

/**
 * A whole-number field that applies its value on Enter or when it loses focus, not on every key:
 * each new value starts an SVD, and typing 250 should not run k = 2 and 25 first.
 */
function CommitField({ label, value, min, max, onCommit }: { label: string; value: number; min: number; max: number; onCommit(value: number): void }) {
  const commit = (input: HTMLInputElement) => {
    const x = input.valueAsNumber;
    if (Number.isInteger(x) && x >= min && x <= max) onCommit(x);
    else input.value = String(value);
  };
  return (
    <label className="field">
      <span>{label}</span>
      <input
        key={value}
        type="number" min={min} max={max} defaultValue={value}
        onBlur={(event) => commit(event.currentTarget)}
        onKeyDown={(event) => event.key === 'Enter' && commit(event.currentTarget)}
      />
    </label>
  );
}

export function SvdMethodControl() {
  const method = useAppState((s) => s.svd.method);
  const setMethod = useAppState((s) => s.setSvdMethod);
  const rows = useAppState((s) => s.matrix.rows);
  const cols = useAppState((s) => s.matrix.cols);
  const result = useAppState(currentSvd);
  const exactSeconds = useAppState((s) => svdEstimate(s, EXACT).seconds);
  const suggestedK = useAppState((s) => suggestedRandomized(s).k);
  const p = Math.min(rows, cols);
  if (rows * cols < RANDOMIZED_MIN_ENTRIES && method.kind === 'exact') return null;
  const randomized = method.kind === 'randomized' ? method : null;
  const setRandomized = (patch: Partial<Extract<SvdMethod, { kind: 'randomized' }>>) =>
    setMethod({ kind: 'randomized', ...RANDOMIZED_DEFAULTS, k: suggestedK, ...randomized, ...patch });
  return (
    <div className="svd-method">
      <RadioGroup
        label="SVD method"
        value={randomized ? 'randomized' : 'exact'}
        onChange={(kind) => (kind === 'exact' ? setMethod({ kind: 'exact' }) : setRandomized({}))}
        options={[
          { value: 'exact', label: 'Exact' },
          { value: 'randomized', label: 'Top k (randomized)', disabled: p < 2 },
        ]}
      />
      {randomized ? (
        <div className="fields">
          <CommitField label="k computed" value={randomized.k} min={1} max={Math.max(1, p - 1)} onCommit={(k) => setRandomized({ k })} />
          <CommitField label="iterations q" value={randomized.powerIterations} min={0} max={10} onCommit={(q) => setRandomized({ powerIterations: q })} />
          <CommitField label="seed" value={randomized.seed} min={0} max={2 ** 32 - 1} onCommit={(seed) => setRandomized({ seed })} />
        </div>
      ) : (
        exactSeconds > SLOW_EXACT_SECONDS && (
          <p className="hint">
            The exact SVD of a matrix this size takes about {formatSeconds(exactSeconds)} on this device; the randomized SVD computes the top k in a fraction of the time.
          </p>
        )
      )}
      {randomized && result?.errorBound && result.method.kind === 'randomized' && (
        <p className="hint" data-testid="randomized-bound">
          Top {result.p} of {p} singular values. ‖A − U<sub>k</sub>Σ<sub>k</sub>V<sub>k</sub><sup>T</sup>‖<sub>2</sub> ≤{' '}
          {formatValue(result.errorBound.bound)}: the a posteriori bound of Halko, Martinsson and Tropp, which holds except with probability {result.errorBound.failureProbability.toExponential(0)}.
        </p>
      )}
    </div>
  );
}
