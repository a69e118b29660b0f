/**
 * Opening a file: a button named "Open file", dropping or pasting a file anywhere on the page, or a URL (a
 * .safetensors on a server with Range support is read piecewise). Files with
 * several arrays list them (name, shape, dtype, size) to pick from; an array of more than two
 * dimensions is opened as one 2-D slice, chosen by its leading indices.
 */
import { useEffect, useRef, useState } from 'react';
import { useAppState } from '../state/store';
import { formatBytes, type ArrayEntryInfo } from '../state/fileSlice';

const ACCEPT = '.npy,.npz,.safetensors,.csv,.tsv,.txt';

function shapeText(shape: number[]): string {
  return shape.length === 0 ? 'scalar' : shape.join(' × ');
}

function EntryRow({ entry, onOpen }: { entry: ArrayEntryInfo; onOpen(slice: number[]): void }) {
  const lead = Math.max(0, entry.shape.length - 2);
  const [slice, setSlice] = useState<number[]>(() => Array(lead).fill(0));
  return (
    <tr>
      <th scope="row">{entry.name}</th>
      <td>{shapeText(entry.shape)}</td>
      <td>{entry.dtype}</td>
      <td>{formatBytes(entry.byteLength)}</td>
      <td className="entry-actions">
        {slice.map((index, d) => (
          <label key={d} className="slice-index">
            <span className="visually-hidden">Index along dimension {d + 1} of {entry.name}</span>[
            <input
              type="number"
              min={0}
              max={entry.shape[d] - 1}
              value={index}
              onChange={(event) => {
                const value = event.target.valueAsNumber;
                if (Number.isInteger(value)) setSlice((s) => s.map((x, k) => (k === d ? value : x)));
              }}
            />
            ]
          </label>
        ))}
        <button type="button" onClick={() => onOpen(slice)} aria-label={`Open ${entry.name}`}>
          Open
        </button>
      </td>
    </tr>
  );
}

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
      {opened && showList && (
        <div className="entries">
          <table className="numbers entries-table">
            <caption>
              Arrays in {opened.name} ({opened.ranged ? 'read piecewise from the server: only the arrays you open are downloaded' : formatBytes(opened.size)})
            </caption>
            <thead>
              <tr>
                <th scope="col">name</th>
                <th scope="col">shape</th>
                <th scope="col">dtype</th>
                <th scope="col">size</th>
                <th scope="col">
                  <span className="visually-hidden">open</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {opened.entries.map((entry) => (
                <EntryRow key={`${opened.id}-${entry.name}`} entry={entry} onOpen={(slice) => loadArray(entry.name, slice)} />
              ))}
            </tbody>
          </table>
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
