/**
 * The singular values with the share of the energy (squared Frobenius norm) each carries and the
 * cumulative share. Long lists are virtualised: only the rows in view are in the page, with
 * aria-rowcount and aria-rowindex telling assistive technology where they are.
 */
import { useState } from 'react';
import { appStore, useAppState } from '../state/store';
import { effectiveRank, latestSvd, formatValue, suggestedRandomized, svdEstimate } from '../state/selectors';
import { JobProgress } from './JobProgress';
import { EXACT, EXACT_SVD_TIME_BUDGET_SECONDS, formatBytes, formatSeconds, methodFor, WORKER_MEMORY_BUDGET } from '../state/svdSlice';

const ROW_HEIGHT = 30;
const VISIBLE_ROWS = 12;
const OVERSCAN = 6;

/** The SVD while it runs: stage, elapsed, the rest, and Cancel (which keeps the last result). */
function SvdProgress() {
  const progress = useAppState((s) => s.svd.progress);
  const startedAt = useAppState((s) => s.svd.startedAt);
  const estimate = useAppState((s) => svdEstimate(s).seconds);
  const cancel = useAppState((s) => s.cancelSvd);
  return <JobProgress doing="Computing the SVD…" progressLabel="SVD progress" progress={progress} startedAt={startedAt} estimate={estimate} onCancel={cancel} testId="svd-running" />;
}

/**
 * Shown instead of starting an exact SVD estimated over the budget, and after a cancel: why (with
 * the estimate in seconds and memory), the randomized SVD of a sensible k, and the exact SVD
 * anyway (unless it would not fit the worker's memory).
 */
function SvdOfferPanel() {
  const status = useAppState((s) => s.svd.status);
  const offer = useAppState((s) => s.svd.offer);
  const cancelled = useAppState((s) => s.svd.cancelled);
  const rows = useAppState((s) => s.matrix.rows);
  const cols = useAppState((s) => s.matrix.cols);
  const exact = useAppState((s) => (s.svd.offer ? null : svdEstimate(s, EXACT).seconds));
  const k = useAppState((s) => suggestedRandomized(s).k);
  const randomizedSeconds = useAppState((s) => (s.svd.offer?.randomized ? s.svd.offer.randomized.seconds : svdEstimate(s, suggestedRandomized(s)).seconds));
  const canRandomize = methodFor({ kind: 'randomized', k, oversample: 10, powerIterations: 2, seed: 1 }, rows, cols).kind === 'randomized';
  const offersRandomized = offer ? offer.randomized !== null : canRandomize;
  const refusedForMemory = offer?.reason === 'memory';
  const useRandomized = () => {
    const state = appStore.getState();
    const method = suggestedRandomized(state);
    // After a cancel of this very method, choosing it again runs it again.
    if (JSON.stringify(method) === JSON.stringify(state.svd.method)) state.setSvd({ runRequests: state.svd.runRequests + 1 });
    else state.setSvdMethod(method);
  };
  const anyway = () => appStore.getState().computeExactAnyway();
  let text: string;
  if (status === 'declined' && offer) {
    const seconds = formatSeconds(offer.exact.seconds);
    const memory = formatBytes(offer.exact.workingBytes);
    text = refusedForMemory
      ? `The exact SVD of this ${rows} × ${cols} matrix would need about ${memory} of working memory beside the matrix's ${formatBytes(offer.exact.matrixBytes)}, over the worker's budget of ${formatBytes(offer.memoryBudget)} (and about ${seconds} here), so it was not started.${offersRandomized ? ' The randomized SVD of the top singular values fits; so would the exact SVD of a smaller slice.' : ' A smaller slice of the matrix would fit.'}`
      : `The exact SVD of this ${rows} × ${cols} matrix would take about ${seconds} on this device and ${memory} of working memory, over the ${EXACT_SVD_TIME_BUDGET_SECONDS} s budget, so it was not started.`;
  } else if (status === 'cancelled' && cancelled) {
    text = `The SVD was cancelled after ${formatSeconds(cancelled.afterMs / 1000)}; the last result and the matrix are unchanged.${exact !== null ? ` The exact SVD takes about ${formatSeconds(exact)} here.` : ''}`;
  } else {
    return null;
  }
  return (
    <div className="svd-offer" role="region" aria-label="SVD estimate" data-testid="svd-offer" style={{ margin: '0.6rem 0 0' }}>
      <p className="hint" role="status" style={{ margin: 0 }}>
        {text}
      </p>
      <p style={{ margin: '0.4rem 0 0', display: 'flex', gap: '0.6rem', flexWrap: 'wrap' }}>
        {offersRandomized && (
          <button type="button" className="primary" onClick={useRandomized}>
            Top {k} (randomized), about {formatSeconds(randomizedSeconds)}
          </button>
        )}
        {!refusedForMemory && (
          <button type="button" onClick={anyway}>
            Compute the exact SVD anyway
          </button>
        )}
      </p>
      {refusedForMemory && <p className="hint">The worker keeps each operation within {formatBytes(WORKER_MEMORY_BUDGET)}: a larger one can take the tab down.</p>}
    </div>
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
          The SVD could not be computed: {error}{' '}
          <button type="button" onClick={() => appStore.getState().runSvdAgain()}>
            Run the SVD again
          </button>
        </p>
      )}
      {status === 'running' && <SvdProgress />}
      <SvdOfferPanel />
      {result && status !== 'running' && (
        <p className="hint" data-testid="svd-summary">
          {result.rows} × {result.cols}, {result.complete ? '' : `top ${result.p} of ${Math.min(result.rows, result.cols)} by the randomized SVD, `}computed in the worker in {result.elapsedMs.toFixed(result.elapsedMs < 10 ? 2 : 0)} ms.
          {count > 0 && rank < count && ` Rows below k = ${rank} are dropped by the truncation.`}
        </p>
      )}
    </section>
  );
}
