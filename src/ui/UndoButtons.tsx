/**
 * Undo and redo of changes to the matrix (edits, presets, files, pastes): buttons, and Ctrl+Z /
 * Ctrl+Shift+Z (or Ctrl+Y, Cmd on a Mac) outside text fields, where the field's own undo applies.
 */
import { useEffect } from 'react';
import { appStore, useAppState } from '../state/store';

function inTextField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || target.tagName === 'TEXTAREA' || (target.tagName === 'INPUT' && (target as HTMLInputElement).type !== 'range' && (target as HTMLInputElement).type !== 'checkbox'));
}

export function UndoButtons() {
  const canUndo = useAppState((s) => s.past.length > 0);
  const canRedo = useAppState((s) => s.future.length > 0);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || inTextField(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) appStore.getState().undo();
      else if ((key === 'z' && event.shiftKey) || key === 'y') appStore.getState().redo();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <div className="undo-buttons">
      <button type="button" disabled={!canUndo} onClick={() => appStore.getState().undo()} title="Undo (Ctrl+Z)">
        Undo
      </button>
      <button type="button" disabled={!canRedo} onClick={() => appStore.getState().redo()} title="Redo (Ctrl+Shift+Z)">
        Redo
      </button>
    </div>
  );
}
