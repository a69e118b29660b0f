/**
 * Undo and redo of changes to the matrix (edits, presets, files, pastes): buttons, and the actions
 * behind Ctrl+Z / Ctrl+Shift+Z (or Ctrl+Y, Cmd on a Mac), bound in keymap.ts outside text fields,
 * where the field's own undo applies.
 */
import { appStore, useAppState } from '../state/store';
import { ariaKeyShortcuts, shortcutText, useKeymap } from './keymap';

export function UndoButtons() {
  const canUndo = useAppState((s) => s.past.length > 0);
  const canRedo = useAppState((s) => s.future.length > 0);
  useKeymap({
    undo: () => appStore.getState().undo(),
    redo: () => appStore.getState().redo(),
  });
  return (
    <div className="undo-buttons">
      <button type="button" disabled={!canUndo} onClick={() => appStore.getState().undo()} title={`Undo (${shortcutText('undo')})`} aria-keyshortcuts={ariaKeyShortcuts('undo')}>
        Undo
      </button>
      <button type="button" disabled={!canRedo} onClick={() => appStore.getState().redo()} title={`Redo (${shortcutText('redo')})`} aria-keyshortcuts={ariaKeyShortcuts('redo')}>
        Redo
      </button>
    </div>
  );
}
