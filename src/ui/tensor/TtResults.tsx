/**
 * What the decomposition of one tensor came to: the Tensor-Train's parameters, compression factor
 * and error beside its guaranteed bound (with a warning when TT storage exceeds the tensor), each
 * bond's spectrum with its cut, Tucker and CP of the same tensor, a slice of the original, the
 * reconstruction and the residual, the step-through of TT-SVD, and one bond's geometry and
 * heatmaps.
 */
import { createElement as h, useState } from 'react';
import { truncationError } from '../../core';
import { useAppState } from '../../state/store';
import type { TensorJobOutput } from '../../state/tensorSlice';
import { Heatmap, SeriesPlot, SpectrumPlot } from '../plots';
import { maxAbs } from '../plots/rasterize';
import { BondHeatmaps } from './BondHeatmaps';
import { TensorExport } from './TensorExport';

const fmt = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(3));
const sci = (x: number) => (x === 0 ? '0' : x < 1e-3 ? x.toExponential(2) : x.toPrecision(3));

function Summary({ r }: { r: TensorJobOutput }) {
  const tt = r.tt;
  return (
    <div className="tt-summary">
      <dl className="readouts">
        <dt>TT ranks</dt><dd data-testid="tt-ranks">({tt.ranks.join(', ')})</dd>
        <dt>Parameters</dt><dd data-testid="tt-parameters" data-value={tt.parameters}>{tt.parameters.toLocaleString('en')} of {r.elements.toLocaleString('en')}</dd>
        <dt>Compression factor</dt><dd data-testid="tt-cf" data-value={tt.compressionFactor}>{fmt(tt.compressionFactor)}</dd>
        <dt>Relative error ‖A − TT‖<sub>F</sub>/‖A‖<sub>F</sub></dt><dd data-testid="tt-error" data-value={tt.relativeError}>{sci(tt.relativeError)}</dd>
        <dt>Bound √(Σ discarded²)/‖A‖<sub>F</sub></dt><dd data-testid="tt-bound">{sci(tt.errorBound)}</dd>
      </dl>
      {tt.compressionFactor < 1 && (
        <p className="warning" role="note" data-testid="tt-warning">
          The tensor train stores {tt.parameters.toLocaleString('en')} numbers, more than the {r.elements.toLocaleString('en')} of the tensor itself: at these ranks TT does not compress. Raise ε or lower the caps.
        </p>
      )}
      <p className="hint">Cores G<sub>k</sub> of shape r<sub>k−1</sub> × n<sub>k</sub> × r<sub>k</sub>: {r.shape.map((n, k) => `${tt.ranks[k]}×${n}×${tt.ranks[k + 1]}`).join(', ')}.</p>
    </div>
  );
}

function BondSpectra({ r }: { r: TensorJobOutput }) {
  return (
    <div className="bond-spectra">
      {r.tt.singularValues.map((values, k) => (
        <div key={k} data-testid={`bond-spectrum-${k + 1}`}>
          {h(SpectrumPlot, { values, rank: r.tt.ranks[k + 1], title: `Bond ${k + 1}: singular values of the unfolding, cut at r${k + 1} = ${r.tt.ranks[k + 1]}`, width: 560, height: 260 })}
        </div>
      ))}
    </div>
  );
}

function Comparison({ r }: { r: TensorJobOutput }) {
  const rows: Array<{ name: string; detail: string; parameters?: number; cf?: number; error?: number; problem?: string }> = [
    { name: 'Tensor-Train (TT-SVD)', detail: `ranks (${r.tt.ranks.join(', ')})`, parameters: r.tt.parameters, cf: r.tt.compressionFactor, error: r.tt.relativeError },
  ];
  if ('error' in r.tucker) rows.push({ name: 'Tucker (HOSVD)', detail: '', problem: r.tucker.error });
  else rows.push({ name: 'Tucker (HOSVD)', detail: `ranks (${r.tucker.ranks.join(', ')})`, parameters: r.tucker.parameters, cf: r.tucker.compressionFactor, error: r.tucker.relativeError });
  if ('error' in r.cp) rows.push({ name: 'CP (ALS)', detail: '', problem: r.cp.error });
  else rows.push({ name: 'CP (ALS)', detail: `rank ${r.cp.rank}, ${r.cp.iterations} iterations (${r.cp.stopped})`, parameters: r.cp.parameters, cf: r.cp.compressionFactor, error: r.cp.relativeError });
  return (
    <table className="results-table" data-testid="tensor-comparison">
      <caption>The same tensor three ways: TT (a chain of 3-way cores), Tucker (a change of basis per mode around a small core), CP (a sum of rank-1 tensors)</caption>
      <thead><tr><th scope="col">Decomposition</th><th scope="col">Settings</th><th scope="col">Parameters</th><th scope="col">CF</th><th scope="col">Relative error</th></tr></thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.name}>
            <th scope="row">{row.name}</th>
            {row.problem ? <td colSpan={4}>{row.problem}</td> : (
              <>
                <td>{row.detail}</td>
                <td>{row.parameters!.toLocaleString('en')}</td>
                <td>{fmt(row.cf!)}</td>
                <td>{sci(row.error!)}</td>
              </>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Slices({ r }: { r: TensorJobOutput }) {
  const set = useAppState((s) => s.setTensorSettings);
  const slice = r.slice;
  if (!slice) return null;
  const range = maxAbs(slice.original) || 1;
  return (
    <div className="tt-slices">
      <div className="rank-row">
        <label htmlFor="tt-slice">Slice <span className="rank-value">{slice.index + 1}</span> along mode 1</label>
        <input id="tt-slice" type="range" min={0} max={slice.of - 1} value={slice.index} onChange={(e) => set({ sliceIndex: Number(e.target.value) })} />
        <span className="rank-max">of {slice.of}</span>
      </div>
      <div className="slice-row">
        {h(Heatmap, { rows: slice.rows, cols: slice.cols, data: slice.original, title: `A[${slice.index + 1}, :, :]`, symmetricRange: range, width: 360, height: 300 })}
        {h(Heatmap, { rows: slice.rows, cols: slice.cols, data: slice.tt, title: 'TT reconstruction', symmetricRange: range, width: 360, height: 300, symbol: 'TT' })}
        {h(Heatmap, { rows: slice.rows, cols: slice.cols, data: slice.residual, title: 'Residual', symmetricRange: range, width: 360, height: 300, symbol: 'R' })}
      </div>
    </div>
  );
}

function StepThrough({ r }: { r: TensorJobOutput }) {
  const steps = r.tt.steps;
  const [index, setIndex] = useState(0);
  const last = steps.length;
  const i = Math.min(index, last);
  const d = r.shape.length;
  let text: string;
  if (i < last) {
    const s = steps[i];
    text = `Step ${i + 1}: reshape C to the unfolding (r${s.bond - 1} n${s.bond}) × (rest) = ${s.unfoldingRows} × ${s.unfoldingCols}; its SVD has ${s.singularValues.length} singular values. ` +
      `Keep r${s.bond} = ${s.keptRank}: the discarded tail has norm ${sci(s.tailNorm)} ≤ δ = ${sci(s.delta)}. ` +
      `Core G${s.bond} = U reshaped to ${s.coreShape.join(' × ')}; carry S Vᵀ forward as the ${s.carriedShape.join(' × ')} matrix C.`;
  } else {
    text = `Last step: the carried C is the last core G${d}, reshaped to ${r.tt.ranks[d - 1]} × ${r.shape[d - 1]} × 1. The chain is complete: ${r.tt.parameters.toLocaleString('en')} numbers.`;
  }
  return (
    <div className="step-through" data-testid="tt-steps">
      <h3>TT-SVD step by step</h3>
      <p aria-live="polite">{text}</p>
      <div className="race-buttons">
        <button type="button" disabled={i === 0} onClick={() => setIndex(i - 1)}>Previous step</button>
        <button type="button" disabled={i >= last} onClick={() => setIndex(i + 1)}>Next step</button>
        <span className="hint">{i + 1} of {last + 1}</span>
      </div>
    </div>
  );
}

function BondGeometry({ r }: { r: TensorJobOutput }) {
  const set = useAppState((s) => s.setTensorSettings);
  const cloud = r.bondCloud;
  if (!cloud) return null;
  const x = new Float64Array(cloud.shown);
  const y = new Float64Array(cloud.shown);
  for (let i = 0; i < cloud.shown; i++) {
    x[i] = cloud.points[i * 3];
    y[i] = cloud.points[i * 3 + 1];
  }
  // Shares of ||A||_F^2 (the bond view's): a randomized SVD's spectrum holds the top values only,
  // and when the kept rank goes beyond them their share is a lower bound.
  const known = Math.min(cloud.keptRank, cloud.singularValues.length);
  const energy = truncationError({ s: cloud.singularValues }, known, r.bondView ? { frobeniusSquared: r.bondView.frobeniusSquared } : {}).energyCaptured;
  return (
    <div className="bond-geometry">
      <h3>Geometry of bond {cloud.bond}</h3>
      <label className="field">
        <span>Bond</span>
        <select value={cloud.bond} onChange={(e) => set({ bond: Number(e.target.value) })}>
          {r.shape.slice(0, -1).map((_, k) => <option key={k} value={k + 1}>bond {k + 1} (r = {r.tt.ranks[k + 1]})</option>)}
        </select>
      </label>
      <p className="hint">
        The bond is a subspace of the unfolding A<sub>(1…{cloud.bond})</sub>, {cloud.rows.toLocaleString('en')} rows long{cloud.shown < cloud.rows ? ` (every ${Math.ceil(cloud.rows / cloud.shown)}th shown)` : ''}: its rows in their top two singular coordinates. Keeping r = {cloud.keptRank} directions keeps {known < cloud.keptRank ? 'at least ' : ''}{(100 * energy).toFixed(2)} % of the energy.
      </p>
      {h(SeriesPlot, { series: [{ name: 'rows of the unfolding', x, y }], title: `Rows of the bond-${cloud.bond} unfolding, σ₁u₁ against σ₂u₂`, exportName: `bond-${cloud.bond}-cloud`, xLabel: 'σ₁ u₁', yLabel: 'σ₂ u₂', points: 'markers', width: 560, height: 360 })}
    </div>
  );
}

export function TtResults() {
  const result = useAppState((s) => s.tensor.result);
  const status = useAppState((s) => s.tensor.status);
  const error = useAppState((s) => s.tensor.error);
  const overBudget = useAppState((s) => s.tensor.overBudget);
  const decomposeAnyway = useAppState((s) => s.decomposeAnyway);
  return (
    <section className="panel tt-results" aria-labelledby="tt-results-heading" aria-busy={status === 'running'}>
      <h2 id="tt-results-heading">{result ? `${result.title}: ${result.shape.join(' × ')}` : 'The decomposition'}</h2>
      {status === 'error' && error && <p className="field-error" role="alert" data-testid="tensor-error">{error}</p>}
      {status === 'error' && overBudget && (
        <p>
          <button type="button" onClick={decomposeAnyway}>Decompose it anyway</button>
        </p>
      )}
      {result && (
        <>
          <p className="hint">{result.description}</p>
          <Summary r={result} />
          <Comparison r={result} />
          <StepThrough r={result} />
          <BondSpectra r={result} />
          <Slices r={result} />
          <BondGeometry r={result} />
          {result.bondView && <BondHeatmaps view={result.bondView} shape={result.shape} rank={result.tt.ranks[result.bondView.bond]} ttError={result.tt.relativeError} />}
          <TensorExport what="tensor" />
        </>
      )}
    </section>
  );
}
