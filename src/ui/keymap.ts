/**
 * The app's keyboard shortcuts: every binding is declared as data (`KEYMAP`, in keyBindings.ts), with
 * where it may fire and which binding wins. Components do not listen to keys themselves; they
 * register the *actions* they own with `useKeymap({ 'copy-link': copy })`, and one window keydown
 * listener (added with the first registration, removed with the last) calls `handleKey`, the
 * dispatcher, which is pure and unit tested in node.
 *
 * How a key is dispatched:
 * - An event some element already handled (`defaultPrevented`, e.g. a radio group moving with the
 *   arrows) is left alone.
 * - The focused element is classified (`classifyTarget`): text entry, select, slider, toggle,
 *   button, composite widget (radio, tab, menu... which use the arrows themselves) or other. Each
 *   binding says in which of these it may fire (`allowIn`); e.g. the arrows never fire in an input
 *   or a radio group, Space never on a button (it presses the button), nothing but undo in a select.
 * - Scopes form a stack. The app's shortcuts live in the 'app' scope; others are pushed by whoever
 *   registers handlers for them, and an active scope is one with at least one registration. The
 *   top-most active scope wins: scopes are tried by `SCOPES[scope].priority`, highest first (ties:
 *   the latest registration first), and within a scope the bindings in declaration order. The first
 *   binding that matches the key, may fire on the focused element, passes its `when(context)` and
 *   has a handler gets it; the event's default is then prevented. A handler may return `false` to
 *   pass the key on down the stack. A `modal` scope (the shortcuts dialog) ends the search: keys it
 *   does not bind reach nothing below it.
 * - Presenter mode (lessons) is meant to take over the arrow keys like this: declare bindings with
 *   `scope: 'presenter'` here (e.g. ArrowRight -> 'next-slide', group 'Presenter'), and while a
 *   lesson is presented, `useKeymap({ 'next-slide': next, ... }, { scope: 'presenter' })`. Being
 *   above 'app', it gets the arrows first; Space, Ctrl+Z, L and ? still reach the app, and a handler
 *   that returns false (say, past the last slide) hands the arrow back to the animation.
 *
 * The shortcuts dialog (`ShortcutsDialog.tsx`) lists `KEYMAP` grouped with `keymapGroups`, so a
 * binding added here is documented there too; buttons take their title hints from `shortcutText`.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import { ALL_KINDS, KEYMAP } from './keyBindings';

export { KEYMAP };

/** Everything a shortcut can do; the implementations are registered by the components that own them. */
export type ActionId =
  | 'play-pause'
  | 'step-back'
  | 'step-forward'
  | 'undo'
  | 'redo'
  | 'copy-link'
  | 'show-shortcuts'
  | 'close-dialog'
  | 'next-step'
  | 'previous-step'
  | 'first-step'
  | 'last-step'
  | 'type-step-digit'
  | 'jump-to-step'
  | 'toggle-fullscreen'
  | 'leave-presenter';

export type KeyGroup = 'Animation' | 'Editing' | 'Sharing' | 'Presenter' | 'Help';

/** The order in which the groups are listed. */
export const GROUPS: readonly KeyGroup[] = ['Animation', 'Editing', 'Sharing', 'Presenter', 'Help'];

/** The scope stack: a higher priority is above; a modal scope hides everything below it. */
export const SCOPES = {
  /** The app's own shortcuts. */
  app: { priority: 0, modal: false },
  /** A lesson's presenter mode, which takes over the arrow keys, Space, Home, End and digits. */
  presenter: { priority: 10, modal: false },
  /** A modal dialog: only its own keys work while it is open. */
  dialog: { priority: 100, modal: true },
} as const satisfies Record<string, { priority: number; modal: boolean }>;

export type Scope = keyof typeof SCOPES;

/** What kind of element has the focus, as far as the shortcuts care. */
export type TargetKind =
  /** Typing goes there: text-like inputs, textarea, contenteditable, textbox/combobox roles. */
  | 'text'
  | 'select'
  /** Uses the arrows itself: input type=range, role slider/spinbutton/scrollbar. */
  | 'slider'
  /** Space toggles it: checkbox, role checkbox/switch. */
  | 'toggle'
  /** Space or Enter presses it: button, summary, input type button/submit/reset/file/color, role button. */
  | 'button'
  /** A widget that moves with the arrows: radios (native or role), tabs, menus, listboxes, grids, toolbars. */
  | 'composite'
  /** The page itself, a link, a heading... */
  | 'other';

/** The parts of a KeyboardEvent the keymap reads (plain objects of this shape work in tests). */
export interface KeyEventLike {
  key: string;
  ctrlKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  defaultPrevented?: boolean;
  target?: unknown;
  preventDefault?(): void;
}

/** What `when` sees. */
export interface KeyContext {
  target: TargetKind;
  /** The active scopes, top-most first. */
  scopes: readonly Scope[];
}

export interface KeyBinding<A extends string = ActionId> {
  /** Unique; several bindings may share an action (Ctrl+Shift+Z and Ctrl+Y both redo). */
  id: string;
  action: A;
  /** Display form, one entry per key: ['Ctrl', 'Shift', 'Z']. */
  keys: readonly string[];
  matches(event: KeyEventLike): boolean;
  description: string;
  group: string;
  /** Default 'app'. */
  scope?: Scope;
  /** The kinds of focused element it may fire on; default everywhere but text entry and selects. */
  allowIn?: readonly TargetKind[];
  /** An extra condition on the moment. */
  when?(context: KeyContext): boolean;
}

/** What a handler returns: `false` passes the key on (nothing is prevented), anything else takes it. */
export type KeyHandler = (event: KeyEventLike) => boolean | void;
export type KeyHandlers<A extends string = ActionId> = Partial<Record<A, KeyHandler>>;

/** Where a binding may fire when it does not say: everywhere but text entry and selects. */
const DEFAULT_ALLOW = ALL_KINDS.filter((kind) => kind !== 'text' && kind !== 'select');

const INPUT_KINDS: Record<string, TargetKind> = {
  range: 'slider',
  checkbox: 'toggle',
  radio: 'composite',
  button: 'button',
  submit: 'button',
  reset: 'button',
  image: 'button',
  file: 'button',
  color: 'button',
};

const ROLE_KINDS: Record<string, TargetKind> = {
  textbox: 'text',
  searchbox: 'text',
  combobox: 'text',
  slider: 'slider',
  spinbutton: 'slider',
  scrollbar: 'slider',
  checkbox: 'toggle',
  switch: 'toggle',
  button: 'button',
  radio: 'composite',
  radiogroup: 'composite',
  tab: 'composite',
  tablist: 'composite',
  menu: 'composite',
  menubar: 'composite',
  menuitem: 'composite',
  menuitemcheckbox: 'composite',
  menuitemradio: 'composite',
  option: 'composite',
  listbox: 'composite',
  tree: 'composite',
  treeitem: 'composite',
  treegrid: 'composite',
  grid: 'composite',
  gridcell: 'composite',
  row: 'composite',
  toolbar: 'composite',
};

/** Classifies an event target by duck typing, so plain objects work in tests (no DOM in node). */
export function classifyTarget(target: unknown): TargetKind {
  if (typeof target !== 'object' || target === null) return 'other';
  const element = target as { tagName?: unknown; type?: unknown; isContentEditable?: unknown; getAttribute?: unknown };
  if (element.isContentEditable === true) return 'text';
  const tag = typeof element.tagName === 'string' ? element.tagName.toUpperCase() : '';
  if (tag === 'TEXTAREA') return 'text';
  if (tag === 'SELECT') return 'select';
  if (tag === 'INPUT') return INPUT_KINDS[String(element.type ?? 'text').toLowerCase()] ?? 'text';
  const role =
    typeof element.getAttribute === 'function' ? (element as { getAttribute(name: string): string | null }).getAttribute('role') : null;
  const kind = role ? ROLE_KINDS[role.trim().split(/\s+/)[0].toLowerCase()] : undefined;
  if (kind) return kind;
  if (tag === 'BUTTON' || tag === 'SUMMARY') return 'button';
  return 'other';
}

/** One registration on the stack: a scope and the handlers it offers now. */
export interface ActiveScope<A extends string = ActionId> {
  scope: Scope;
  handlers: KeyHandlers<A>;
}

export interface DispatchContext<A extends string = ActionId> {
  /** The registrations, in the order they were made (later ones above earlier ones of the same priority). */
  scopes: readonly ActiveScope<A>[];
  /** Default `KEYMAP`. */
  bindings?: readonly KeyBinding<A>[];
}

/** The active scopes, top-most first: by priority, then the latest registration. */
function stackOrder<A extends string>(scopes: readonly ActiveScope<A>[]): Scope[] {
  const latest = new Map<Scope, number>();
  scopes.forEach((entry, index) => latest.set(entry.scope, index));
  return [...latest.keys()].sort((a, b) => SCOPES[b].priority - SCOPES[a].priority || latest.get(b)! - latest.get(a)!);
}

/**
 * Dispatches one keydown: runs the handler of the winning binding, prevents the event's default and
 * returns the binding; returns null (and leaves the event alone) when no binding takes the key.
 */
export function handleKey<A extends string = ActionId>(event: KeyEventLike, context: DispatchContext<A>): KeyBinding<A> | null {
  if (event.defaultPrevented) return null;
  const bindings = context.bindings ?? (KEYMAP as unknown as readonly KeyBinding<A>[]);
  const order = stackOrder(context.scopes);
  const keyContext: KeyContext = { target: classifyTarget(event.target), scopes: order };
  for (const scope of order) {
    const registrations = context.scopes.filter((entry) => entry.scope === scope).reverse();
    for (const binding of bindings) {
      if ((binding.scope ?? 'app') !== scope || !binding.matches(event)) continue;
      if (!(binding.allowIn ?? DEFAULT_ALLOW).includes(keyContext.target)) continue;
      if (binding.when && !binding.when(keyContext)) continue;
      for (const { handlers } of registrations) {
        const handler = handlers[binding.action];
        if (handler && handler(event) !== false) {
          event.preventDefault?.();
          return binding;
        }
      }
    }
    if (SCOPES[scope].modal) return null;
  }
  return null;
}

// The registry behind the one window listener.

interface Registration {
  scope: Scope;
  handlers: () => KeyHandlers;
}
const registrations: Registration[] = [];

function onWindowKeyDown(event: KeyboardEvent): void {
  handleKey(event, { scopes: registrations.map((entry) => ({ scope: entry.scope, handlers: entry.handlers() })) });
}

/**
 * Pushes handlers for a scope (read at each key press, so they may change); returns the function
 * that removes them. The window listener exists while at least one registration does.
 */
export function registerKeymap(scope: Scope, handlers: () => KeyHandlers): () => void {
  const entry: Registration = { scope, handlers };
  registrations.push(entry);
  if (registrations.length === 1 && typeof window !== 'undefined') window.addEventListener('keydown', onWindowKeyDown);
  return () => {
    const index = registrations.indexOf(entry);
    if (index < 0) return;
    registrations.splice(index, 1);
    if (registrations.length === 0 && typeof window !== 'undefined') window.removeEventListener('keydown', onWindowKeyDown);
  };
}

/**
 * Registers the actions a component owns while it is mounted (and `enabled`): the latest handlers
 * are used, so they may close over props and state.
 */
export function useKeymap(handlers: KeyHandlers, options: { scope?: Scope; enabled?: boolean } = {}): void {
  const { scope = 'app', enabled = true } = options;
  const latest = useRef(handlers);
  useLayoutEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => (enabled ? registerKeymap(scope, () => latest.current) : undefined), [scope, enabled]);
}

/** One row of the shortcuts list: an action with every key combination bound to it. */
export interface KeymapRow {
  action: string;
  description: string;
  keys: readonly (readonly string[])[];
}

/** The bindings grouped for display, groups in `GROUPS` order (unknown groups after), rows merged by action. */
export function keymapGroups(bindings: readonly KeyBinding<string>[] = KEYMAP): Array<{ group: string; rows: KeymapRow[] }> {
  const groups = new Map<string, KeymapRow[]>();
  for (const group of GROUPS) groups.set(group, []);
  for (const binding of bindings) {
    const rows = groups.get(binding.group) ?? [];
    groups.set(binding.group, rows);
    const row = rows.find((r) => r.action === binding.action);
    if (row) row.keys = [...row.keys, binding.keys];
    else rows.push({ action: binding.action, description: binding.description, keys: [binding.keys] });
  }
  return [...groups].filter(([, rows]) => rows.length > 0).map(([group, rows]) => ({ group, rows }));
}

/** The first key combination of an action as text, for titles: "Ctrl+Shift+Z", "←". */
export function shortcutText(action: ActionId): string {
  return KEYMAP.find((binding) => binding.action === action)?.keys.join('+') ?? '';
}

const ARIA_KEYS: Record<string, string> = { Ctrl: 'Control', '←': 'ArrowLeft', '→': 'ArrowRight', Esc: 'Escape' };

/** Every key combination of an action in the form of the aria-keyshortcuts attribute: "Control+Shift+Z Control+Y". */
export function ariaKeyShortcuts(action: ActionId): string {
  return KEYMAP.filter((binding) => binding.action === action)
    .map((binding) => binding.keys.map((key) => ARIA_KEYS[key] ?? key).join('+'))
    .join(' ');
}
