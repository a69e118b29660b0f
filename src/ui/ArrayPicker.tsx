/**
 * The one array picker, wherever an array of an opened file is chosen (the matrix to open, W_Q and
 * W_K, a comparison's second matrix). Every array is a row of a listbox: the whole row selects it,
 * the arrow keys, Home and End move through the rows, Enter (or a double click) does the picker's
 * action. Names from files are shown as text only, wrapped at their dots, and shortened in the
 * middle when very long, with the full name on hover. Checkpoints with many arrays get a filter.
 * An array of more than two dimensions is read as a 2-D slice, an unfolding or a reshape, and the
 * m x n it gives is shown before anything is opened.
 */
import { Fragment, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { formatBytes, type ArrayEntryInfo, type AsMatrix, type OpenedFile } from '../state/fileSlice';
import { matrixShapesOf, shapeKeyOf } from './arrayShapes';

export interface ArrayChoice {
  fileId: number;
  entry: string;
  /** Leading indices of a 2-D slice (empty for matrices, unfoldings and reshapes). */
  slice: number[];
  asMatrix?: AsMatrix;
}

interface Row {
  key: string;
  file: OpenedFile;
  entry: ArrayEntryInfo;
}

/** Names this long are shortened in the middle; the full name is on hover and read to screen readers. */
const LONG_NAME = 64;
/** More arrays than this get a filter box. */
const FILTER_FROM = 8;

function shortName(name: string): string {
  return name.length <= LONG_NAME ? name : `${name.slice(0, 30)}…${name.slice(-30)}`;
}

/** The name with break opportunities after dots, slashes and underscores, so it wraps between its parts. */
function Breakable({ text }: { text: string }) {
  const parts = text.split(/(?<=[./_])/);
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {part}
          {i < parts.length - 1 && <wbr />}
        </Fragment>
      ))}
    </>
  );
}

export function shapeText(shape: number[]): string {
  return shape.length === 0 ? 'scalar' : shape.join(' × ');
}

/** A fresh choice of an entry: its first slice, or the array itself. */
export function choiceOf(fileId: number, entry: ArrayEntryInfo): ArrayChoice {
  return { fileId, entry: entry.name, slice: Array(Math.max(0, entry.shape.length - 2)).fill(0) };
}

/**
 * How the chosen array becomes a matrix. Every change makes a fresh choice of only what it names
 * (file, entry, slice, shaping): a link's hash, kept on the choice it opened, belongs to the old data.
 */
function Shaping({ label, entry, choice, onChange }: { label: string; entry: ArrayEntryInfo; choice: ArrayChoice; onChange(choice: ArrayChoice): void }) {
  const shapes = useMemo(() => matrixShapesOf(entry.shape, choice.asMatrix), [entry.shape, choice.asMatrix]);
  const key = shapeKeyOf(entry.shape, choice.asMatrix);
  const shape = shapes.find((s) => s.key === key) ?? shapes[0];
  const lead = Math.max(0, entry.shape.length - 2);
  return (
    <div className="array-shaping">
      {shapes.length > 1 && (
        <label className="field">
          <span>As a matrix</span>
          <span className="visually-hidden"> ({label})</span>
          <select
            value={key}
            onChange={(event) => {
              const chosen = shapes.find((s) => s.key === event.target.value);
              if (!chosen) return;
              onChange({ fileId: choice.fileId, entry: choice.entry, slice: chosen.asMatrix ? [] : Array(lead).fill(0), asMatrix: chosen.asMatrix });
            }}
          >
            {shapes.map((s) => (
              <option key={s.key} value={s.key}>
                {s.label}: {s.rows} × {s.cols}
              </option>
            ))}
          </select>
        </label>
      )}
      {!choice.asMatrix && lead > 0 && (
        <div className="slice-indices">
          {Array.from({ length: lead }, (_, d) => (
            <label key={d} className="slice-index">
              <span className="visually-hidden">
                Index along dimension {d + 1} of {entry.name} ({label})
              </span>
              <span aria-hidden="true">i{d + 1} =</span>
              <input
                type="number"
                min={0}
                max={entry.shape[d] - 1}
                value={choice.slice[d] ?? 0}
                onChange={(event) => {
                  const value = event.target.valueAsNumber;
                  if (Number.isInteger(value) && value >= 0 && value < entry.shape[d]) onChange({ fileId: choice.fileId, entry: choice.entry, slice: choice.slice.map((x, k) => (k === d ? value : x)) });
                }}
              />
              <span className="hint-inline">of 0–{entry.shape[d] - 1}</span>
            </label>
          ))}
        </div>
      )}
      <p className="matrix-shape" data-testid="picked-shape">
        → a {shape.rows.toLocaleString('en')} × {shape.cols.toLocaleString('en')} matrix
      </p>
    </div>
  );
}

export function ArrayPicker({
  label,
  files,
  value,
  onChange,
  action,
  accept = () => true,
}: {
  /** The listbox's accessible name, e.g. "Arrays in model.safetensors" or "Query W_Q". */
  label: string;
  files: OpenedFile[];
  value: ArrayChoice | null;
  onChange(choice: ArrayChoice): void;
  /** What Enter, a double click and the button do with the choice, e.g. open it as the matrix. */
  action?: { label(entry: string): string; text: string; run(choice: ArrayChoice): void };
  accept?(entry: ArrayEntryInfo): boolean;
}) {
  const id = useId();
  const [filter, setFilter] = useState('');
  const list = useRef<HTMLDivElement>(null);
  const all: Row[] = useMemo(
    () => files.flatMap((file) => file.entries.filter(accept).map((entry) => ({ key: `${file.id}|${entry.name}`, file, entry }))),
    [files, accept],
  );
  const needle = filter.trim().toLowerCase();
  const rows = needle === '' ? all : all.filter((row) => row.entry.name.toLowerCase().includes(needle));
  const selectedKey = value ? `${value.fileId}|${value.entry}` : null;
  // A selection the filter hides is not offered: the button would open an array no longer in view.
  const selected = rows.find((row) => row.key === selectedKey) ?? null;
  const manyFiles = files.length > 1;

  function select(row: Row, focus = false) {
    if (row.key !== selectedKey) onChange(choiceOf(row.file.id, row.entry));
    if (focus) list.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(row.key)}"]`)?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (rows.length === 0) return;
    const at = rows.findIndex((row) => row.key === selectedKey);
    const move = (index: number) => {
      event.preventDefault();
      select(rows[Math.max(0, Math.min(rows.length - 1, index))], true);
    };
    if (event.key === 'ArrowDown') move(at + 1);
    else if (event.key === 'ArrowUp') move(at < 0 ? 0 : at - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(rows.length - 1);
    else if (event.key === 'Enter' && value && action) {
      event.preventDefault();
      action.run(value);
    }
  }

  // The selected row (or the first) is the list's one tab stop.
  const tabStop = rows.some((row) => row.key === selectedKey) ? selectedKey : rows[0]?.key;
  return (
    <div className="array-picker">
      {all.length > FILTER_FROM && (
        <input
          type="search"
          className="array-filter"
          placeholder={`Filter ${all.length} arrays by name`}
          aria-label={`Filter ${label} by name`}
          value={filter}
          onChange={(event) => {
            const text = event.target.value;
            setFilter(text);
            const visible = all.filter((row) => row.entry.name.toLowerCase().includes(text.trim().toLowerCase()));
            if (visible.length > 0 && !visible.some((row) => row.key === selectedKey)) onChange(choiceOf(visible[0].file.id, visible[0].entry));
          }}
        />
      )}
      <div role="listbox" aria-label={label} className="array-list" ref={list} onKeyDown={onKeyDown}>
        {rows.map((row) => {
          const isSelected = row.key === selectedKey;
          return (
            <div
              key={row.key}
              id={`${id}-${row.key}`}
              data-key={row.key}
              role="option"
              aria-selected={isSelected}
              tabIndex={row.key === tabStop ? 0 : -1}
              className="array-row"
              title={row.entry.name}
              onClick={() => select(row)}
              onDoubleClick={() => action?.run(value && isSelected ? value : choiceOf(row.file.id, row.entry))}
            >
              <span className="array-name">
                <Breakable text={shortName(row.entry.name)} />
                {row.entry.name.length > LONG_NAME && <span className="visually-hidden"> (full name: {row.entry.name})</span>}
              </span>
              <span className="array-meta">
                {shapeText(row.entry.shape)} · {row.entry.dtype} · {formatBytes(row.entry.byteLength)}
                {manyFiles && <> · {row.file.name}</>}
              </span>
            </div>
          );
        })}
        {rows.length === 0 && <p className="hint array-none">{all.length === 0 ? 'No array of the open files fits here.' : `No array name contains "${filter}".`}</p>}
      </div>
      {selected && value && (
        <div className="array-chosen">
          <Shaping label={label} entry={selected.entry} choice={value} onChange={onChange} />
          {action && (
            <button type="button" className="primary" aria-label={action.label(selected.entry.name)} onClick={() => action.run(value)}>
              {action.text}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
