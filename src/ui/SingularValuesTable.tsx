/**
 * The singular values with the share of the energy (squared Frobenius norm) each carries and the
 * cumulative share. Long lists are virtualised: only the rows in view are in the page, with
 * aria-rowcount and aria-rowindex telling assistive technology where they are.
 */
import { useState } from 'react';
import { useAppState } from '../state/store';
import { effectiveRank, latestSvd, formatValue } from '../state/selectors';

const ROW_HEIGHT = 30;
const VISIBLE_ROWS = 12;
const OVERSCAN = 6;

/** What the worker is doing, for SVDs long enough to report stages. */
function SvdProgress() {
  const progress = useAppState((s) => s.svd.progress);
  const stage = progress && progress.fraction > 0 && progress.fraction < 1 ? progress : null;
  return (
    <p className="hint">
      <span aria-live="polite">Computing the SVD…</span>
      {stage && (
        <>
          {' '}
          {stage.stage}, <progress max={1} value={stage.fraction} aria-label="SVD progress" /> {Math.round(100 * stage.fraction)} %
        </>
      )}
    </p>
  );
}

export function SingularValuesTable() {
  const result = useAppState(latestSvd);
  const status = useAppState((s) => s.svd.status);
  const error = useAppState((s) => s.svd.error);
  const rank = useAppState(effectiveRank);
  const [scrollTop, setScrollTop] = useState(0);
  const s = result?.s ?? new Float64Array(0);
  const count = s.length;
  let energy = 0;
  for (let i = 0; i < count; i++) energy += s[i] * s[i];
  // Only the top values of a randomized SVD: shares are of ||A||_F^2, which they do not exhaust.
  if (result && !result.complete) energy = Math.max(energy, result.frobeniusSquared);
  const virtual = count > VISIBLE_ROWS * 2;
  const first = virtual ? Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN) : 0;
  const last = virtual ? Math.min(count, first + VISIBLE_ROWS + 2 * OVERSCAN) : count;
  let cumulative = 0;
  for (let i = 0; i < first; i++) cumulative += s[i] * s[i];

  const rows = [];
  for (let i = first; i < last; i++) {
    cumulative += s[i] * s[i];
    rows.push(
      <tr key={i} aria-rowindex={i + 2} className={i >= rank ? 'dropped' : undefined} style={virtual ? { height: ROW_HEIGHT } : undefined}>
        <th scope="row">{i + 1}</th>
        <td>{formatValue(s[i])}</td>
        <td>{energy > 0 ? `${((100 * s[i] * s[i]) / energy).toFixed(2)} %` : '–'}</td>
        <td>{energy > 0 ? `${((100 * cumulative) / energy).toFixed(2)} %` : '–'}</td>
      </tr>,
    );
  }

  return (
    <section className="panel" aria-labelledby="sv-heading">
      <h2 id="sv-heading">Spectrum</h2>
      <div
        className={virtual ? 'table-scroll' : undefined}
        style={virtual ? { maxHeight: ROW_HEIGHT * (VISIBLE_ROWS + 1) } : undefined}
        onScroll={virtual ? (event) => setScrollTop(event.currentTarget.scrollTop) : undefined}
        tabIndex={virtual ? 0 : undefined}
        aria-label={virtual ? 'Singular values, scrollable' : undefined}
        role={virtual ? 'region' : undefined}
      >
        <table className="numbers" aria-busy={status === 'running'} aria-rowcount={count + 1}>
          <caption>Singular values</caption>
          <thead>
            <tr aria-rowindex={1}>
              <th scope="col">i</th>
              <th scope="col">σ<sub>i</sub></th>
              <th scope="col">σ<sub>i</sub>² / ‖A‖<sub>F</sub>²</th>
              <th scope="col">cumulative</th>
            </tr>
          </thead>
          <tbody>
            {first > 0 && <tr aria-hidden="true" style={{ height: first * ROW_HEIGHT }} />}
            {rows}
            {last < count && <tr aria-hidden="true" style={{ height: (count - last) * ROW_HEIGHT }} />}
          </tbody>
        </table>
      </div>
      {status === 'error' && error && (
        <p className="error-text" role="alert">
          The SVD could not be computed: {error}
        </p>
      )}
      {status === 'running' && <SvdProgress />}
      {result && status !== 'running' && (
        <p className="hint" data-testid="svd-summary">
          {result.rows} × {result.cols}, {result.complete ? '' : `top ${result.p} of ${Math.min(result.rows, result.cols)} by the randomized SVD, `}computed in the worker in {result.elapsedMs.toFixed(result.elapsedMs < 10 ? 2 : 0)} ms.
          {count > 0 && rank < count && ` Rows below k = ${rank} are dropped by the truncation.`}
        </p>
      )}
    </section>
  );
}
