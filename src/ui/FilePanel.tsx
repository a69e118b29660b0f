/**
 * Opening a file: a button named "Open file", dropping or pasting a file anywhere on the page, or a URL (a
 * .safetensors on a server with Range support is read piecewise). Files with
 * several arrays list them (name, shape, dtype, size) in the array picker; an array of more than
 * two dimensions is opened as one 2-D slice, an unfolding or a reshape, as the person chooses.
 */
import { useEffect, useRef, useState } from 'react';
import { useAppState } from '../state/store';
import { formatBytes } from '../state/fileSlice';
import { ArrayPicker, choiceOf, type ArrayChoice } from './ArrayPicker';

const ACCEPT = '.npy,.npz,.safetensors,.csv,.tsv,.txt';

/**
 * `arrays`: whether the panel lists the opened file's arrays to open as the matrix (the matrix
 * workspace) or only opens files whose arrays the workspace picks itself (attention).
 */
export function FilePanel({ arrays = true }: { arrays?: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  const openFile = useAppState((s) => s.openFile);
  const openUrl = useAppState((s) => s.openUrl);
  const [url, setUrl] = useState('');
  const loadArray = useAppState((s) => s.loadArray);
  const file = useAppState((s) => s.file);
  const [dragging, setDragging] = useState(false);
  const [choice, setChoice] = useState<ArrayChoice | null>(null);

  useEffect(() => {
    // Dropping a file anywhere on the page opens it.
    const onDragOver = (event: DragEvent) => {
      if (!event.dataTransfer?.types.includes('Files')) return;
      event.preventDefault();
      setDragging(true);
    };
    const onDragLeave = (event: DragEvent) => {
      if (event.relatedTarget === null) setDragging(false);
    };
    const onDrop = (event: DragEvent) => {
      const dropped = event.dataTransfer?.files?.[0];
      setDragging(false);
      if (!dropped) return;
      event.preventDefault();
      openFile(dropped);
    };
    // Pasting a copied file (not text) opens it too.
    const onPaste = (event: ClipboardEvent) => {
      const pasted = event.clipboardData?.files?.[0];
      if (!pasted) return;
      event.preventDefault();
      openFile(pasted);
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('dragleave', onDragLeave);
    window.addEventListener('drop', onDrop);
    window.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('paste', onPaste);
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('dragleave', onDragLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, [openFile]);

  const opened = file.opened;
  const showList = arrays && opened && (opened.entries.length > 1 || opened.entries.some((e) => e.shape.length > 2));
  return (
    <section className={`panel file-panel${dragging ? ' dragging' : ''}`} aria-labelledby="file-heading">
      <div className="panel-heading">
        <h2 id="file-heading">Your data</h2>
        <button type="button" className="primary" onClick={() => input.current?.click()}>
          Open file
        </button>
        <input
          ref={input}
          type="file"
          accept={ACCEPT}
          hidden
          data-testid="file-input"
          onChange={(event) => {
            const chosen = event.target.files?.[0];
            if (chosen) openFile(chosen);
            event.target.value = '';
          }}
        />
      </div>
      <p className="hint">
        .npy, .npz, .safetensors, CSV or TSV: open one or drop it anywhere on the page. It is read on this computer only.
      </p>
      <form
        className="url-form"
        onSubmit={(event) => {
          event.preventDefault();
          openUrl(url);
        }}
      >
        <label htmlFor="file-url" className="visually-hidden">
          URL of a file
        </label>
        <input id="file-url" type="url" placeholder="https://…/model.safetensors" value={url} onChange={(event) => setUrl(event.target.value)} />
        <button type="submit" disabled={url.trim() === ''}>
          Open from URL
        </button>
      </form>
      {file.status === 'running' && (
        <p className="hint" aria-live="polite">
          {file.progress ? `${file.progress.stage}${file.progress.fraction > 0 ? ` (${Math.round(100 * file.progress.fraction)} %)` : ''}…` : 'Reading…'}
        </p>
      )}
      {file.status === 'error' && file.error && (
        <p className="error-text" role="alert">
          {file.error} {arrays ? 'Your current matrix is unchanged.' : 'Nothing you had is lost.'}
        </p>
      )}
      {file.status === 'error' && file.missingIn && (
        <p className="hint" data-testid="missing-offer">
          <button type="button" onClick={() => { const m = file.missingIn!; loadArray(m.entry, m.slice, m.expectSha256, m.asMatrix, true); }}>
            Open it with the missing entries as 0
          </button>{' '}
          Plain SVD then sees zeros there; the weighted low-rank workspace can give them weight 0 ("Missing entries of A"), so its methods fit only the known entries.
        </p>
      )}
      {opened && showList && (
        <div className="entries">
          <p className="entries-caption" id="entries-caption">
            Arrays in {opened.name} ({opened.ranged ? 'read piecewise from the server: only the arrays you open are downloaded' : formatBytes(opened.size)})
          </p>
          <ArrayPicker
            label={`Arrays in ${opened.name}`}
            files={[opened]}
            value={choice?.fileId === opened.id ? choice : choiceOf(opened.id, opened.entries[0])}
            onChange={setChoice}
            action={{ text: 'Open', label: (entry) => `Open ${entry}`, run: (c) => loadArray(c.entry, c.slice, undefined, c.asMatrix) }}
          />
        </div>
      )}
      {opened && opened.warnings.length > 0 && (
        <ul className="hint">
          {opened.warnings.map((warning, i) => (
            <li key={i}>{warning}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
