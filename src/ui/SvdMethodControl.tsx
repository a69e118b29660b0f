/**
 * How the SVD is computed: exactly (all min(m, n) singular triplets), or only the top k by the
 * randomized SVD (Halko-Martinsson-Tropp), which is what makes a 50257 × 768 embedding table usable
 * in seconds. The errors stay exact either way (‖A‖_F² is known); only σ_{k+1} at the last computed
 * rank is unknown, and the randomized SVD's own a posteriori bound is shown instead.
 */
import { useAppState } from '../state/store';
import { currentSvd, formatValue } from '../state/selectors';
import { RANDOMIZED_DEFAULTS, type SvdMethod } from '../state/svdSlice';

/** Matrices below this many entries always get the exact SVD: it takes well under a second. */
const RANDOMIZED_MIN_ENTRIES = 10_000;
/** Above this m n min(m, n), the exact SVD takes several seconds on a laptop; the control says so. */
const SLOW_EXACT = 2e9;

function defaultK(p: number): number {
  return Math.max(1, Math.min(100, Math.floor(p / 4)));
}

export function SvdMethodControl() {
  const method = useAppState((s) => s.svd.method);
  const setMethod = useAppState((s) => s.setSvdMethod);
  const rows = useAppState((s) => s.matrix.rows);
  const cols = useAppState((s) => s.matrix.cols);
  const result = useAppState(currentSvd);
  const p = Math.min(rows, cols);
  if (rows * cols < RANDOMIZED_MIN_ENTRIES && method.kind === 'exact') return null;
  const randomized = method.kind === 'randomized' ? method : null;
  const setRandomized = (patch: Partial<Extract<SvdMethod, { kind: 'randomized' }>>) =>
    setMethod({ kind: 'randomized', ...RANDOMIZED_DEFAULTS, k: defaultK(p), ...randomized, ...patch });
  return (
    <div className="svd-method">
      <div role="radiogroup" aria-label="SVD method" className="segmented">
        <button type="button" role="radio" aria-checked={!randomized} onClick={() => setMethod({ kind: 'exact' })}>
          Exact
        </button>
        <button type="button" role="radio" aria-checked={Boolean(randomized)} onClick={() => setRandomized({})} disabled={p < 2}>
          Top k (randomized)
        </button>
      </div>
      {randomized ? (
        <div className="fields">
          <label className="field">
            <span>k computed</span>
            <input
              type="number" min={1} max={Math.max(1, p - 1)} value={randomized.k}
              onChange={(event) => {
                const k = event.target.valueAsNumber;
                if (Number.isInteger(k) && k >= 1 && k < p) setRandomized({ k });
              }}
            />
          </label>
          <label className="field">
            <span>iterations q</span>
            <input
              type="number" min={0} max={10} value={randomized.powerIterations}
              onChange={(event) => {
                const q = event.target.valueAsNumber;
                if (Number.isInteger(q) && q >= 0 && q <= 10) setRandomized({ powerIterations: q });
              }}
            />
          </label>
          <label className="field">
            <span>seed</span>
            <input
              type="number" min={0} value={randomized.seed}
              onChange={(event) => {
                const seed = event.target.valueAsNumber;
                if (Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32) setRandomized({ seed });
              }}
            />
          </label>
        </div>
      ) : (
        rows * cols * p > SLOW_EXACT && (
          <p className="hint">The exact SVD of a matrix this size takes a while; the randomized SVD computes the top k in a fraction of the time.</p>
        )
      )}
      {result?.errorBound && (
        <p className="hint" data-testid="randomized-bound">
          Top {result.p} of {p} singular values. ‖A − U<sub>k</sub>Σ<sub>k</sub>V<sub>k</sub><sup>T</sup>‖<sub>2</sub> ≤{' '}
          {formatValue(result.errorBound.bound)}: the a posteriori bound of Halko, Martinsson and Tropp, which holds except with probability {result.errorBound.failureProbability.toExponential(0)}.
        </p>
      )}
    </div>
  );
}
