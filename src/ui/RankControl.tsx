/**
 * The rank k of the truncation, with what it costs and saves, updated live from the cached SVD:
 * Eckart-Young errors, energy captured, and the storage of the rank-k factors against the matrix.
 */
import { useAppState } from '../state/store';
import { effectiveRank, latestSvd, truncationReadout, formatValue } from '../state/selectors';
import { SvdMethodControl } from './SvdMethodControl';

function percent(x: number): string {
  return `${(100 * x).toFixed(2)} %`;
}

export function RankControl() {
  const result = useAppState(latestSvd);
  const rank = useAppState(effectiveRank);
  const setRank = useAppState((s) => s.setRank);
  const readout = useAppState(truncationReadout);
  if (!result || !readout) {
    // Before the first SVD of a big matrix there is nothing to truncate yet, but the method can
    // already be switched to the randomized SVD instead of waiting for the exact one.
    return (
      <section className="panel rank-control" aria-labelledby="rank-heading">
        <h2 id="rank-heading">Rank truncation</h2>
        <SvdMethodControl />
      </section>
    );
  }
  const p = result.p;
  // While another method's SVD runs, the rank in use may exceed what the shown result holds.
  const shown = Math.min(rank, p);
  // The spectral error of randomized factors is known only from below (sigma_{k+1} of the sketch),
  // and not at all at the last computed rank.
  const spectralText = (x: number, format: (x: number) => string) => (Number.isNaN(x) ? 'not computed' : `${result.complete ? '' : '≥ '}${format(x)}`);
  return (
    <section className="panel rank-control" aria-labelledby="rank-heading">
      <h2 id="rank-heading">Rank truncation</h2>
      <div className="rank-row">
        <label htmlFor="rank-slider">
          Rank <span className="rank-value">k = {shown}</span>
        </label>
        <input
          id="rank-slider"
          type="range"
          min={1}
          max={p}
          step={1}
          value={shown}
          aria-valuetext={`rank ${shown} of ${p}`}
          onChange={(event) => setRank(Number(event.target.value) === p ? null : Number(event.target.value))}
        />
        <span className="rank-max">of {p}</span>
      </div>
      <SvdMethodControl />
      <dl className="readouts">
        <dt>‖A − A<sub>k</sub>‖<sub>F</sub></dt>
        <dd data-testid="error-frobenius" data-value={readout.frobenius}>{formatValue(readout.frobenius)}</dd>
        <dt>‖A − A<sub>k</sub>‖<sub>2</sub> = σ<sub>k+1</sub></dt>
        <dd
          data-testid="error-spectral"
          data-value={readout.spectral}
          title={Number.isNaN(readout.spectral) ? 'σ_{k+1} was not computed: raise k of the randomized SVD' : result.complete ? undefined : 'σ_{k+1} of the sketch: a lower bound on the error of the randomized factors'}
        >
          {spectralText(readout.spectral, formatValue)}
        </dd>
        <dt>relative, Frobenius</dt>
        <dd data-testid="relative-frobenius" data-value={readout.relativeFrobenius}>{percent(readout.relativeFrobenius)}</dd>
        <dt>relative, spectral</dt>
        <dd data-testid="relative-spectral" data-value={readout.relativeSpectral}>
          {spectralText(readout.relativeSpectral, percent)}
        </dd>
        <dt>energy captured</dt>
        <dd data-testid="energy" data-value={readout.energyCaptured}>{percent(readout.energyCaptured)}</dd>
        <dt>compression mn / k(m+n)</dt>
        <dd data-testid="compression" data-value={readout.compression}>
          {readout.compression.toFixed(2)}×{readout.compression < 1 && <span className="warn"> (bigger than A)</span>}
        </dd>
        <dt>break-even rank mn / (m+n)</dt>
        <dd data-testid="break-even" data-value={readout.breakEven}>{formatValue(readout.breakEven, 2)}</dd>
      </dl>
    </section>
  );
}
