/**
 * The editable matrix grid. Each cell keeps what was typed; an invalid entry shows its message
 * beside the grid and the last valid matrix stays in use. Tab moves between cells in reading order.
 */
import { useAppState } from '../state/store';
import { EDITOR_SIZES, type EditorSize } from '../state/documentSlice';

export function MatrixEditor() {
  const cells = useAppState((s) => s.cells);
  const cellErrors = useAppState((s) => s.cellErrors);
  const rows = useAppState((s) => s.matrix.rows);
  const setCell = useAppState((s) => s.setCell);
  const setEditorSize = useAppState((s) => s.setEditorSize);
  const errors = Object.entries(cellErrors);

  return (
    <section className="panel matrix-editor" aria-labelledby="matrix-heading">
      <div className="panel-heading">
        <h2 id="matrix-heading">Matrix A</h2>
        <div role="radiogroup" aria-label="Matrix size" className="segmented">
          {EDITOR_SIZES.map((size: EditorSize) => (
            <button
              key={size}
              type="button"
              role="radio"
              aria-checked={rows === size}
              onClick={() => setEditorSize(size)}
            >
              {size} × {size}
            </button>
          ))}
        </div>
      </div>
      <div className="matrix-grid" style={{ gridTemplateColumns: `repeat(${cells[0]?.length ?? 1}, minmax(4.5rem, 1fr))` }}>
        {cells.map((line, i) =>
          line.map((text, j) => {
            const key = `${i},${j}`;
            const error = cellErrors[key];
            return (
              <input
                key={key}
                className={error ? 'cell invalid' : 'cell'}
                inputMode="decimal"
                spellCheck={false}
                autoComplete="off"
                aria-label={`Entry row ${i + 1}, column ${j + 1}`}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `cell-error-${i}-${j}` : undefined}
                value={text}
                onChange={(event) => setCell(i, j, event.target.value)}
              />
            );
          }),
        )}
      </div>
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
