/**
 * "Keyboard shortcuts": a modal dialog listing every binding of keymap.ts, grouped, opened with ?
 * (or `openShortcutsDialog()`, e.g. from a header button) and closed with Escape or Close. Focus
 * moves into it when it opens and back to where it was when it closes. While it is open its modal
 * keymap scope keeps the app's shortcuts from firing behind it.
 */
import { Fragment, useEffect, useRef } from 'react';
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { keymapGroups, useKeymap } from './keymap';

const dialogStore = createStore<{ open: boolean }>(() => ({ open: false }));

export function openShortcutsDialog(): void {
  dialogStore.setState({ open: true });
}

export function closeShortcutsDialog(): void {
  dialogStore.setState({ open: false });
}

/** For a button that opens the dialog: `const { open, show } = useShortcutsDialog()`. */
export function useShortcutsDialog(): { open: boolean; show: () => void; hide: () => void } {
  const open = useStore(dialogStore, (s) => s.open);
  return { open, show: openShortcutsDialog, hide: closeShortcutsDialog };
}

/** What a screen reader should say for keys drawn as symbols. */
const SPOKEN: Record<string, string> = { '←': 'Left arrow', '→': 'Right arrow', '?': 'Question mark' };

function Key({ name }: { name: string }) {
  const spoken = SPOKEN[name];
  return spoken ? (
    <kbd>
      <span aria-hidden="true">{name}</span>
      <span className="visually-hidden">{spoken}</span>
    </kbd>
  ) : (
    <kbd>{name}</kbd>
  );
}

function Combination({ keys }: { keys: readonly string[] }) {
  return (
    <kbd className="combination">
      {keys.map((key, i) => (
        <Fragment key={i}>
          {i > 0 && '+'}
          <Key name={key} />
        </Fragment>
      ))}
    </kbd>
  );
}

export function ShortcutsDialog() {
  const open = useStore(dialogStore, (s) => s.open);
  const dialog = useRef<HTMLDialogElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);

  useKeymap({ 'show-shortcuts': openShortcutsDialog });
  useKeymap({ 'close-dialog': closeShortcutsDialog }, { scope: 'dialog', enabled: open });

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      const active = document.activeElement;
      returnFocus.current = active instanceof HTMLElement && active !== document.body ? active : null;
      if (typeof element.showModal === 'function') element.showModal();
      else element.setAttribute('open', '');
      closeButton.current?.focus();
    } else if (!open) {
      if (element.open) element.close();
      const back = returnFocus.current;
      returnFocus.current = null;
      if (back?.isConnected) back.focus();
    }
  }, [open]);

  return (
    <dialog
      ref={dialog}
      className="shortcuts-dialog"
      aria-labelledby="shortcuts-title"
      // Escape is the keymap's; this catches any other close request and a close() from outside.
      onCancel={(event) => {
        event.preventDefault();
        closeShortcutsDialog();
      }}
      onClose={closeShortcutsDialog}
    >
      <div className="shortcuts-heading">
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <button type="button" ref={closeButton} onClick={closeShortcutsDialog}>
          Close
        </button>
      </div>
      {keymapGroups().map(({ group, rows }) => (
        <section key={group} aria-labelledby={`shortcuts-${group}`}>
          <h3 id={`shortcuts-${group}`}>{group}</h3>
          <dl>
            {rows.map((row) => (
              <div key={row.action} className="shortcut">
                <dt>
                  {row.keys.map((keys, i) => (
                    <Fragment key={i}>
                      {i > 0 && <span className="or"> or </span>}
                      <Combination keys={keys} />
                    </Fragment>
                  ))}
                </dt>
                <dd>{row.description}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <p className="hint">
        Shortcuts wait while you type in a field; the arrow keys belong to sliders and switches while they have the focus.
      </p>
    </dialog>
  );
}
