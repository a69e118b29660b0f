/**
 * Embedding mode (TensorGPT): the whole table compressed row by row, with its compression factor
 * and error, the errors of single rows as a histogram, what other reshapes and ranks would give
 * (compression against error, the Pareto front), and for word vectors the nearest neighbours of
 * chosen words before and after, so a person sees whether meaning survives.
 */
import { createElement as h, useState } from 'react';
import { useAppState } from '../../state/store';
import { AUTO_ROWS } from '../../state/tensorSlice';
import { rowsSeconds, tableRows, tableWidth } from '../../state/tensorEffect';
import { deviceFlopRate } from '../../state/selectors';
import { formatSeconds } from '../../state/svdSlice';
import { HistogramPlot, SeriesPlot } from '../plots';
import { TensorExport } from './TensorExport';

const fmt = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(2) : x.toFixed(3));

function Progress() {
  const rows = useAppState((s) => s.tensor.rows);
  const cancel = useAppState((s) => s.cancelRows);
  if (rows.status !== 'running') return null;
  const fraction = rows.progress?.fraction ?? 0;
  return (
    <div className="progress" role="status" data-testid="rows-progress">
      <progress max={1} value={fraction} aria-label="Compression progress" /> {Math.round(fraction * 100)} % — {rows.progress?.stage ?? 'starting'}
      <button type="button" onClick={cancel}>Cancel</button>
    </div>
  );
}

function Words() {
  const words = useAppState((s) => s.tensor.settings.words);
  const set = useAppState((s) => s.setTensorSettings);
  const [text, setText] = useState(words.join(', '));
  return (
    <form className="fields" onSubmit={(e) => { e.preventDefault(); set({ words: text.split(/[,\s]+/).map((w) => w.trim().toLowerCase()).filter(Boolean).slice(0, 12) }); }}>
      <label className="field"><span>Words to compare (up to 12)</span><input value={text} onChange={(e) => setText(e.target.value)} /></label>
      <button type="submit">Compare</button>
    </form>
  );
}

export function RowsPanel() {
  const rows = useAppState((s) => s.tensor.rows);
  const settings = useAppState((s) => s.tensor.settings);
  const compress = useAppState((s) => s.compressRows);
  const known = tableRows(settings);
  const width = tableWidth(settings);
  const flopRate = useAppState(deviceFlopRate);
  const r = rows.result;
  const big = known === null ? settings.source.kind !== 'table' : known > AUTO_ROWS;
  return (
    <section className="panel rows-panel" aria-labelledby="rows-heading">
      <h2 id="rows-heading">Every row as a tensor train (TensorGPT)</h2>
      <p className="hint">
        Each row (a token's embedding) is reshaped to {(settings.shape ?? []).join(' × ') || 'the chosen shape'} and stored as its own small tensor train. The paper's exact reshapes, ranks and results are unknown to us; what you see here is computed on this table.
      </p>
      {big && rows.status !== 'running' && (
        <button type="button" className="primary" onClick={compress} data-testid="compress-rows">
          Compress {known ? `all ${known.toLocaleString('en')} rows` : 'the table'}
          {known && width ? ` (about ${formatSeconds(rowsSeconds(known, width, flopRate))} here)` : ''}
        </button>
      )}
      <Progress />
      {rows.status === 'cancelled' && <p role="status">Cancelled. {r ? 'The numbers below are of the last finished compression.' : ''}</p>}
      {rows.status === 'error' && rows.error && <p className="field-error" role="alert" data-testid="rows-error">{rows.error}</p>}
      {r && (
        <>
          <dl className="readouts">
            <dt>Table</dt><dd>{r.title}</dd>
            <dt>Row shape</dt><dd>{r.shape.join(' × ')}</dd>
            <dt>Largest ranks per bond</dt><dd>({r.maxRanks.join(', ')})</dd>
            <dt>Parameters</dt><dd>{r.parameters.toLocaleString('en')} of {(r.rows * r.cols).toLocaleString('en')}</dd>
            <dt>Compression factor</dt><dd data-testid="rows-cf" data-value={r.compressionFactor}>{fmt(r.compressionFactor)}</dd>
            <dt>Relative error</dt><dd data-testid="rows-error-value" data-value={r.relativeError}>{(r.relativeError * 100).toFixed(2)} %</dd>
          </dl>
          {r.tiedHead && <p className="note">GPT-2 ties its input embedding and its output head (the same 50257 × 768 matrix): compressing one changes both.</p>}
          {h(HistogramPlot, { values: r.rowErrors, title: 'Relative error of each row', exportName: 'row-errors', xLabel: 'relative error of a row', markers: settings.eps > 0 ? [{ x: settings.eps, label: `ε = ${settings.eps}` }] : [] })}
          {h(SeriesPlot, {
            series: [{ name: `reshapes × rank caps, on ${r.pareto.sampleRows} sample rows`, x: r.pareto.points.map((p) => p.relativeError), y: r.pareto.points.map((p) => p.compressionFactor) }],
            title: 'Compression factor against relative error',
            exportName: 'pareto',
            xLabel: 'relative error',
            yLabel: 'compression factor',
            yScale: 'log',
            points: 'markers',
          })}
          <details>
            <summary>The {r.pareto.points.length} settings of the plot</summary>
            <table className="results-table">
              <thead><tr><th scope="col">Row shape</th><th scope="col">Rank cap</th><th scope="col">CF</th><th scope="col">Relative error</th></tr></thead>
              <tbody>{r.pareto.points.map((p) => <tr key={`${p.shape.join('x')}-${p.maxRank}`}><td>{p.shape.join(' × ')}</td><td>{p.maxRank}</td><td>{fmt(p.compressionFactor)}</td><td>{(p.relativeError * 100).toFixed(2)} %</td></tr>)}</tbody>
            </table>
          </details>
          {r.vocabulary && <Words />}
          {r.neighbours && (
            <table className="results-table neighbours" data-testid="neighbours">
              <caption>Nearest neighbours (cosine) before and after compression</caption>
              <thead><tr><th scope="col">Word</th><th scope="col">Before</th><th scope="col">After</th><th scope="col">Overlap</th></tr></thead>
              <tbody>
                {r.neighbours.map((n) => (
                  <tr key={n.word}><th scope="row">{n.word}</th><td>{n.before.join(', ')}</td><td>{n.after.join(', ')}</td><td>{Math.round(n.overlap * 100)} %</td></tr>
                ))}
              </tbody>
            </table>
          )}
          <TensorExport what="rows" />
        </>
      )}
    </section>
  );
}
