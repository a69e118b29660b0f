/**
 * Paste a matrix as text: CSV, TSV, whitespace columns, JSON arrays, NumPy `array([[...]])` or
 * MATLAB `[1 2; 3 4]`. The worker reads it; a problem is explained and the current matrix stays.
 */
import { useState } from 'react';
import { useAppState } from '../state/store';

export function PastePanel() {
  const [text, setText] = useState('');
  const pasteMatrix = useAppState((s) => s.pasteMatrix);
  const generation = useAppState((s) => s.generation);
  const pasteError = generation.status === 'error' && generation.failed === 'paste' ? generation.error : null;
  return (
    <details className="panel paste">
      <summary>
        <h2>Paste a matrix</h2>
      </summary>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          pasteMatrix(text);
        }}
      >
        <label htmlFor="paste-text" className="hint">
          CSV, TSV, columns separated by spaces, JSON <code>[[1, 2], [3, 4]]</code>, NumPy <code>array([[1., 2.], [3., 4.]])</code> or MATLAB{' '}
          <code>[1 2; 3 4]</code>.
        </label>
        <textarea id="paste-text" rows={5} value={text} spellCheck={false} onChange={(event) => setText(event.target.value)} />
        <button type="submit" disabled={text.trim() === '' || generation.status === 'running'}>
          Use pasted matrix
        </button>
        {pasteError && (
          <p className="error-text" role="alert">
            {pasteError}
          </p>
        )}
      </form>
    </details>
  );
}
