/**
 * The weight editor: A and its weights W side by side as heatmaps, W painted with a brush (press
 * and drag on it; the brush's size and value are set beside it), or one entry at a time from the
 * keyboard. Strokes are kept as a list on top of the chosen weights, so a link carries them.
 */
import { createElement as h, useState } from 'react';
import { useAppState } from '../../state/store';
import { MAX_PAINT_STROKES } from '../../state/weightedSlice';
import { ColorBar } from '../plots/ColorBar';
import { entryReadout, HeatmapPanel, heatmapLayout, type Cell } from '../plots/HeatmapPanel';
import { PlotSvg } from '../plots/PlotSvg';
import { maxAbs } from '../plots/rasterize';
import { Readout } from '../plots/Heatmap';

const WIDTH = 300;
const BAR = 80;

function Panel({ rows, cols, data, title, symbol, onPress }: { rows: number; cols: number; data: ArrayLike<number>; title: string; symbol: string; onPress?: (cell: Cell) => void }) {
  const [cell, setCell] = useState<Cell | null>(null);
  const range = maxAbs(data) || 1;
  const layout = heatmapLayout(rows, cols, WIDTH - 16, 300);
  const description = onPress
    ? `Heatmap of the ${rows} by ${cols} weights, white for 0 up to vermillion for ${range.toPrecision(3)}. Press and drag to paint weights with the brush.`
    : `Heatmap of the ${rows} by ${cols} matrix A.`;
  return h(
    'div',
    { className: 'weight-panel', 'data-testid': onPress ? 'weights-heatmap' : 'data-heatmap' },
    h(
      PlotSvg,
      { width: WIDTH + BAR, height: layout.svgHeight, label: title, description },
      h(HeatmapPanel, { rows, cols, data, range, title, x: 8, y: 4, width: WIDTH - 16, height: layout.svgHeight - 8, onHover: setCell, onPress }),
      h(ColorBar, { x: WIDTH + 4, y: layout.imageTop, length: layout.barLength, range }),
    ),
    h(Readout, { text: cell ? entryReadout(symbol, cell, data[cell.i * cols + cell.j]) : null }),
  );
}

function KeyboardPaint() {
  const { rows, cols } = useAppState((s) => s.matrix);
  const paint = useAppState((s) => s.paintWeight);
  const [row, setRow] = useState(1);
  const [col, setCol] = useState(1);
  return (
    <form
      className="keyboard-paint fields"
      onSubmit={(e) => {
        e.preventDefault();
        if (row >= 1 && row <= rows && col >= 1 && col <= cols) paint(row - 1, col - 1);
      }}
    >
      <label className="field"><span>Row</span><input type="number" min={1} max={rows} value={row} onChange={(e) => setRow(e.target.valueAsNumber)} /></label>
      <label className="field"><span>Column</span><input type="number" min={1} max={cols} value={col} onChange={(e) => setCol(e.target.valueAsNumber)} /></label>
      <button type="submit">Paint this entry</button>
    </form>
  );
}

export function WeightEditor() {
  const matrix = useAppState((s) => s.matrix);
  const baseline = useAppState((s) => s.weighted.baseline);
  const brush = useAppState((s) => s.weighted.brush);
  const strokes = useAppState((s) => s.weighted.settings.paint.length);
  const setBrush = useAppState((s) => s.setBrush);
  const paint = useAppState((s) => s.paintWeight);
  const clear = useAppState((s) => s.clearPaint);
  const weights = baseline && baseline.rows === matrix.rows && baseline.cols === matrix.cols ? baseline.weights : null;
  // Block means of a tall W stand for several rows each: a stroke lands on the first of them.
  const scale = weights && weights.rows !== matrix.rows ? matrix.rows / weights.rows : 1;
  return (
    <section className="panel weight-editor" aria-labelledby="weight-editor-heading">
      <div className="panel-heading">
        <h2 id="weight-editor-heading">A and its weights</h2>
        <span className="hint">{weights ? `W from ${weights.min.toPrecision(3)} to ${weights.max.toPrecision(3)}, mean ${weights.mean.toPrecision(3)}${weights.zeros ? `, ${weights.zeros} zero (missing)` : ''}` : 'W is being built'}</span>
      </div>
      <div className="weight-heatmaps">
        <Panel rows={matrix.rows} cols={matrix.cols} data={matrix.data} title="A" symbol="A" />
        {weights && (
          <Panel
            rows={weights.rows}
            cols={weights.cols}
            data={weights.data}
            title={weights.exact ? 'W (paint on it)' : 'W, row-block means (paint on it)'}
            symbol="W"
            onPress={(cell) => paint(Math.floor(cell.i * scale), cell.j)}
          />
        )}
      </div>
      <div className="brush fields">
        <label className="field">
          <span>Brush value</span>
          <input type="number" min={0} step="any" value={brush.value} data-testid="brush-value" onChange={(e) => e.target.valueAsNumber >= 0 && setBrush({ value: e.target.valueAsNumber })} />
        </label>
        <label className="field">
          <span>Brush radius (entries)</span>
          <input type="number" min={0} max={64} value={brush.radius} onChange={(e) => Number.isInteger(e.target.valueAsNumber) && e.target.valueAsNumber >= 0 && setBrush({ radius: e.target.valueAsNumber })} />
        </label>
        <button type="button" onClick={clear} disabled={strokes === 0}>Clear {strokes} stroke{strokes === 1 ? '' : 's'}</button>
      </div>
      {strokes >= MAX_PAINT_STROKES && <p className="hint">The last {MAX_PAINT_STROKES} strokes are kept (a link carries that many).</p>}
      <KeyboardPaint />
    </section>
  );
}
