/**
 * Every keyboard shortcut of the app, as data: which key, which action, where it may fire, in
 * which scope. The dispatcher and the scopes are in keymap.ts, which re-exports KEYMAP; the
 * shortcuts dialog lists these, so a binding added here is documented there too.
 */
import type { KeyBinding, KeyEventLike, TargetKind } from './keymap';

export const ALL_KINDS: readonly TargetKind[] = ['text', 'select', 'slider', 'toggle', 'button', 'composite', 'other'];
const NOT_TEXT = ALL_KINDS.filter((kind) => kind !== 'text');

/** A key pressed with no Ctrl, Alt or Meta (Shift is allowed: Shift+L still copies the link). */
function plain(event: KeyEventLike): boolean {
  return !event.ctrlKey && !event.altKey && !event.metaKey;
}
/** Ctrl, or Cmd on a Mac. */
function command(event: KeyEventLike): boolean {
  return event.ctrlKey || event.metaKey;
}
function letter(event: KeyEventLike, name: string): boolean {
  return event.key.toLowerCase() === name;
}

/** Every shortcut of the app. The order within a scope is the precedence. */
export const KEYMAP: readonly KeyBinding[] = [
  {
    id: 'play-pause',
    action: 'play-pause',
    keys: ['Space'],
    matches: (e) => e.key === ' ' && plain(e),
    description: 'Play or pause the animation (Linear map view)',
    group: 'Animation',
    // Not on buttons, toggles or radios, which Space presses; on the scrubber it does play.
    allowIn: ['other', 'slider'],
  },
  {
    id: 'step-back',
    action: 'step-back',
    keys: ['←'],
    matches: (e) => e.key === 'ArrowLeft' && plain(e),
    description: 'Previous stage of the animation',
    group: 'Animation',
    // Not in any input, select or radio group: they move with the arrows themselves.
    allowIn: ['other', 'button'],
  },
  {
    id: 'step-forward',
    action: 'step-forward',
    keys: ['→'],
    matches: (e) => e.key === 'ArrowRight' && plain(e),
    description: 'Next stage of the animation',
    group: 'Animation',
    allowIn: ['other', 'button'],
  },
  {
    id: 'undo',
    action: 'undo',
    keys: ['Ctrl', 'Z'],
    matches: (e) => command(e) && letter(e, 'z') && !e.shiftKey,
    description: 'Undo the last change to the matrix (⌘Z on a Mac)',
    group: 'Editing',
    // In a text field the field's own undo applies.
    allowIn: NOT_TEXT,
  },
  {
    id: 'redo',
    action: 'redo',
    keys: ['Ctrl', 'Shift', 'Z'],
    matches: (e) => command(e) && letter(e, 'z') && e.shiftKey,
    description: 'Redo (⌘⇧Z on a Mac)',
    group: 'Editing',
    allowIn: NOT_TEXT,
  },
  {
    id: 'redo-y',
    action: 'redo',
    keys: ['Ctrl', 'Y'],
    matches: (e) => command(e) && letter(e, 'y'),
    description: 'Redo',
    group: 'Editing',
    allowIn: NOT_TEXT,
  },
  {
    id: 'copy-link',
    action: 'copy-link',
    keys: ['L'],
    // Not Ctrl+L or Cmd+L, the browser's address bar.
    matches: (e) => letter(e, 'l') && plain(e),
    description: 'Copy a link to this view',
    group: 'Sharing',
    allowIn: ['other', 'button', 'composite'],
  },
  {
    id: 'show-shortcuts',
    action: 'show-shortcuts',
    keys: ['?'],
    // Whatever the layout needs to type "?" (Shift+/ on US keyboards).
    matches: (e) => e.key === '?' && plain(e),
    description: 'Show these keyboard shortcuts',
    group: 'Help',
  },
  {
    id: 'next-step-right',
    action: 'next-step',
    keys: ['→'],
    matches: (e) => (e.key === 'ArrowRight' || e.key === 'PageDown') && plain(e),
    description: 'Next step of the lesson (also Page Down, a presentation clicker)',
    group: 'Presenter',
    scope: 'presenter',
    allowIn: NOT_TEXT,
  },
  {
    id: 'next-step-space',
    action: 'next-step',
    keys: ['Space'],
    matches: (e) => e.key === ' ' && plain(e),
    description: 'Next step of the lesson',
    group: 'Presenter',
    scope: 'presenter',
    allowIn: NOT_TEXT,
  },
  {
    id: 'previous-step',
    action: 'previous-step',
    keys: ['←'],
    matches: (e) => (e.key === 'ArrowLeft' || e.key === 'PageUp') && plain(e),
    description: 'Previous step (also Page Up)',
    group: 'Presenter',
    scope: 'presenter',
    allowIn: NOT_TEXT,
  },
  {
    id: 'first-step',
    action: 'first-step',
    keys: ['Home'],
    matches: (e) => e.key === 'Home' && plain(e),
    description: 'First step',
    group: 'Presenter',
    scope: 'presenter',
    allowIn: NOT_TEXT,
  },
  {
    id: 'last-step',
    action: 'last-step',
    keys: ['End'],
    matches: (e) => e.key === 'End' && plain(e),
    description: 'Last step',
    group: 'Presenter',
    scope: 'presenter',
    allowIn: NOT_TEXT,
  },
  {
    id: 'type-step-digit',
    action: 'type-step-digit',
    keys: ['0–9'],
    matches: (e) => /^[0-9]$/.test(e.key) && plain(e),
    description: 'Type a step number (then Enter to go there)',
    group: 'Presenter',
    scope: 'presenter',
    allowIn: NOT_TEXT,
  },
  {
    id: 'jump-to-step',
    action: 'jump-to-step',
    keys: ['Enter'],
    matches: (e) => e.key === 'Enter' && plain(e),
    description: 'Go to the step typed',
    group: 'Presenter',
    scope: 'presenter',
    // Enter presses a focused button: only after digits, which the handler checks.
    allowIn: ['other', 'button'],
  },
  {
    id: 'toggle-fullscreen',
    action: 'toggle-fullscreen',
    keys: ['F'],
    matches: (e) => letter(e, 'f') && plain(e),
    description: 'Full screen on or off',
    group: 'Presenter',
    scope: 'presenter',
    allowIn: NOT_TEXT,
  },
  {
    id: 'leave-presenter',
    action: 'leave-presenter',
    keys: ['Esc'],
    matches: (e) => e.key === 'Escape' && plain(e),
    description: 'Leave presenter mode',
    group: 'Presenter',
    scope: 'presenter',
    allowIn: ALL_KINDS,
  },
  {
    id: 'close-dialog',
    action: 'close-dialog',
    keys: ['Esc'],
    matches: (e) => e.key === 'Escape' && plain(e),
    description: 'Close this dialog',
    group: 'Help',
    scope: 'dialog',
    allowIn: ALL_KINDS,
  },
];
