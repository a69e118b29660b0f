/**
 * The race as it runs and where it ended: each method's weighted objective per iteration (all in
 * one plot, live), the side-by-side table of SVD, FWSVD and the iterative methods (weighted and
 * plain error, compression factor), the principal angles between the SVD subspace and each
 * weighted one, and our SVD-risk indicator (docs/numerics.md).
 */
import { createElement as h } from 'react';
import { useAppState } from '../../state/store';
import type { MethodCurve } from '../../state/weightedSlice';
import { AngleBars } from '../AngleBars';
import { SeriesPlot } from '../plots';
import { METHOD_LABELS } from './RacePanel';
import { WeightedExport } from './WeightedExport';

const fmt = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? '—' : Math.abs(x) >= 1e4 || (Math.abs(x) < 1e-3 && x !== 0) ? x.toExponential(3) : x.toPrecision(5));
const degrees = (r: number) => `${((r * 180) / Math.PI).toFixed(2)}°`;

function ConvergencePlot({ curves, svd, fwsvd }: { curves: MethodCurve[]; svd: number; fwsvd: number }) {
  const series = curves.map((c) => ({ name: METHOD_LABELS[c.method], x: c.objectives.map((_, i) => i), y: c.objectives }));
  return h(SeriesPlot, {
    series,
    title: 'Weighted objective per iteration',
    exportName: 'weighted-objective',
    xLabel: 'iteration',
    yLabel: 'Σ W (A − XYᵀ)²',
    yScale: 'log',
    points: 'lines',
    references: [
      { y: svd, label: 'plain SVD' },
      { y: fwsvd, label: 'FWSVD' },
    ].filter((r) => r.y > 0),
  });
}

function RiskReadout() {
  const risk = useAppState((s) => s.weighted.result?.risk);
  if (!risk) return null;
  return (
    <div className="risk" data-testid="svd-risk" data-level={risk.level}>
      <h3>SVD-risk indicator (ours)</h3>
      <p>
        Plain SVD's weighted error is <strong>{(risk.weightedExcess * 100).toFixed(1)} %</strong> above the best weighted solution found;
        the weights' coefficient of variation is <strong>{risk.weightDispersion.toFixed(2)}</strong>: risk <strong>{risk.level}</strong>.
      </p>
      <p className="hint">Our own measure, documented in docs/numerics.md. The formula of the predictor in Hua et al. (2022) is unknown to us, so it is not shown.</p>
    </div>
  );
}

export function WeightedResults() {
  const baseline = useAppState((s) => s.weighted.baseline);
  const curves = useAppState((s) => s.weighted.curves);
  if (!baseline) return null;
  const rows = [
    { name: 'Plain SVD', objective: baseline.svd.objective, plain: baseline.svd.plainError, angles: null as Float64Array | null },
    { name: baseline.rowWeightsExact ? 'FWSVD (exact here: W is constant along rows)' : 'FWSVD (row sums of W)', objective: baseline.fwsvd.objective, plain: baseline.fwsvd.plainError, angles: baseline.fwsvd.angles },
    ...curves.map((c) => ({ name: `${METHOD_LABELS[c.method]}, ${c.objectives.length - 1} iterations${c.stopped ? ` (${c.stopped})` : ''}`, objective: c.objectives.at(-1), plain: c.plainErrors.at(-1), angles: c.angles })),
  ];
  const best = Math.min(...rows.map((r) => r.objective ?? Infinity));
  return (
    <section className="panel weighted-results" aria-labelledby="weighted-results-heading">
      <h2 id="weighted-results-heading">SVD, FWSVD and the weighted methods at rank {baseline.rank}</h2>
      <table className="results-table" data-testid="weighted-table">
        <thead>
          <tr><th scope="col">Method</th><th scope="col">Σ W (A − A<sub>k</sub>)²</th><th scope="col">‖A − A<sub>k</sub>‖<sub>F</sub></th><th scope="col">largest angle to SVD</th></tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.name} className={r.objective === best ? 'best' : undefined}>
              <th scope="row">{r.name}</th>
              <td data-value={r.objective}>{fmt(r.objective)}</td>
              <td>{fmt(r.plain)}</td>
              <td>{r.angles === null ? '0° (itself)' : r.angles.length ? degrees(r.angles[r.angles.length - 1]) : '…'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">Every row stores rank-{baseline.rank} factors: compression factor {baseline.compressionFactor.toFixed(2)} (mn / k(m + n)).</p>
      <ConvergencePlot curves={curves} svd={baseline.svd.objective} fwsvd={baseline.fwsvd.objective} />
      {curves.map((c) =>
        c.angles.length > 0 ? (
          <div key={c.method} className="angles" data-testid={`angles-${c.method}`} data-largest={c.angles[c.angles.length - 1]}>
            <h3>Principal angles: SVD subspace vs {METHOD_LABELS[c.method]}</h3>
            <AngleBars angles={c.angles} label={`Principal angles between the rank-${baseline.rank} SVD column space and the ${METHOD_LABELS[c.method]} one: largest ${degrees(c.angles[c.angles.length - 1])}`} />
          </div>
        ) : null,
      )}
      <RiskReadout />
      <WeightedExport />
      {baseline.activationAware && (
        <div className="activation-aware" data-testid="activation-aware" data-whitened={baseline.activationAware.dataError} data-plain={baseline.activationAware.svdDataError}>
          <h3>Activation-aware SVD</h3>
          <p>
            On the {baseline.activationAware.samples} input samples, ‖(A − A<sub>k</sub>)X‖<sub>F</sub> is {fmt(baseline.activationAware.dataError)} with the
            whitened SVD and {fmt(baseline.activationAware.svdDataError)} with plain SVD
            {baseline.activationAware.ridgeUsed > 0 ? ` (X Xᵀ was singular: a ridge of ${fmt(baseline.activationAware.ridgeUsed)} was added)` : ''}.
          </p>
        </div>
      )}
    </section>
  );
}
