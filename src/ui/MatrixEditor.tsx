/**
 * The editable matrix grid (up to 12 x 12). Each cell keeps what was typed; an invalid entry shows
 * its message beside the grid and the last valid matrix stays in use. Tab moves between cells in
 * reading order. Bigger matrices are not edited by cell: they show as a heatmap elsewhere.
 */
import { useAppState } from '../state/store';
import { EDITOR_SIZES, GRID_MAX } from '../state/documentSlice';
import { UndoButtons } from './UndoButtons';
import { RadioGroup } from './RadioGroup';

const DIMENSIONS = Array.from({ length: GRID_MAX }, (_, i) => i + 1);

function DimensionSelect({ label, value, onChange }: { label: string; value: number; onChange(value: number): void }) {
  return (
    <label className="dimension">
      <span>{label}</span>
      <select value={value} onChange={(event) => onChange(Number(event.target.value))}>
        {DIMENSIONS.map((d) => (
          <option key={d} value={d}>
            {d}
          </option>
        ))}
      </select>
    </label>
  );
}

export function MatrixEditor() {
  const cells = useAppState((s) => s.cells);
  const cellErrors = useAppState((s) => s.cellErrors);
  const rows = useAppState((s) => s.matrix.rows);
  const cols = useAppState((s) => s.matrix.cols);
  const setCell = useAppState((s) => s.setCell);
  const resize = useAppState((s) => s.resize);
  const pasteMatrix = useAppState((s) => s.pasteMatrix);
  const errors = Object.entries(cellErrors);

  return (
    <section className="panel matrix-editor" aria-labelledby="matrix-heading">
      <div className="panel-heading">
        <h2 id="matrix-heading">
          Matrix A <span className="shape">{rows} × {cols}</span>
        </h2>
        <RadioGroup
          label="Matrix size"
          value={rows === cols ? rows : null}
          onChange={(size) => resize(size, size)}
          options={EDITOR_SIZES.map((size) => ({ value: size, label: `${size} × ${size}` }))}
        />
      </div>
      {cells ? (
        <>
          <div className="dimensions">
            <DimensionSelect label="Rows" value={rows} onChange={(r) => resize(r, cols)} />
            <DimensionSelect label="Columns" value={cols} onChange={(c) => resize(rows, c)} />
            <UndoButtons />
          </div>
          <div className="matrix-grid" style={{ gridTemplateColumns: `repeat(${cols}, minmax(${cols > 6 ? 3 : 4.5}rem, 1fr))` }}>
            {cells.map((line, i) =>
              line.map((text, j) => {
                const key = `${i},${j}`;
                const error = cellErrors[key];
                return (
                  <input
                    key={key}
                    className={`${error ? 'cell invalid' : 'cell'}${cols > 6 ? ' cell-small' : ''}`}
                    inputMode="decimal"
                    spellCheck={false}
                    autoComplete="off"
                    aria-label={`Entry row ${i + 1}, column ${j + 1}`}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `cell-error-${i}-${j}` : undefined}
                    value={text}
                    onChange={(event) => setCell(i, j, event.target.value)}
                    onPaste={(event) => {
                      // A whole matrix pasted into one cell replaces the matrix; one number is a normal edit.
                      const pasted = event.clipboardData.getData('text');
                      if (/[\n\t;,[]|\S\s+\S/.test(pasted.trim())) {
                        event.preventDefault();
                        pasteMatrix(pasted);
                      }
                    }}
                  />
                );
              }),
            )}
          </div>
        </>
      ) : (
        <>
          <p className="hint">
            This matrix is too big to edit cell by cell ({GRID_MAX} × {GRID_MAX} at most); see it in the Heatmaps view.
          </p>
          <UndoButtons />
        </>
      )}
      {errors.length > 0 && (
        <ul className="cell-errors" aria-live="polite">
          {errors.map(([key, message]) => {
            const [i, j] = key.split(',').map(Number);
            return (
              <li key={key} id={`cell-error-${i}-${j}`} className="cell-error">
                Row {i + 1}, column {j + 1}: {message} The last valid matrix is still in use.
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
