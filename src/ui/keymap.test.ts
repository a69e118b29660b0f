import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  KEYMAP,
  ariaKeyShortcuts,
  classifyTarget,
  handleKey,
  keymapGroups,
  registerKeymap,
  shortcutText,
  type ActionId,
  type ActiveScope,
  type KeyBinding,
  type KeyContext,
  type KeyEventLike,
  type KeyHandlers,
} from './keymap';

/** Targets shaped like DOM elements, as far as `classifyTarget` looks. */
const body = { tagName: 'BODY' };
const button = { tagName: 'BUTTON', type: 'submit' };
const radioButton = { tagName: 'BUTTON', getAttribute: (name: string) => (name === 'role' ? 'radio' : null) };
const textInput = { tagName: 'INPUT', type: 'text' };
const numberInput = { tagName: 'INPUT', type: 'number' };
const range = { tagName: 'INPUT', type: 'range' };
const checkbox = { tagName: 'INPUT', type: 'checkbox' };
const textarea = { tagName: 'TEXTAREA' };
const select = { tagName: 'SELECT' };
const editable = { tagName: 'DIV', isContentEditable: true };

function press(key: string, init: Partial<Omit<KeyEventLike, 'key' | 'preventDefault'>> = {}): KeyEventLike & { prevented: boolean } {
  const event = {
    key,
    ctrlKey: init.ctrlKey ?? false,
    shiftKey: init.shiftKey ?? false,
    altKey: init.altKey ?? false,
    metaKey: init.metaKey ?? false,
    defaultPrevented: init.defaultPrevented ?? false,
    target: 'target' in init ? init.target : body,
    prevented: false,
    preventDefault() {
      event.prevented = true;
      event.defaultPrevented = true;
    },
  };
  return event;
}

/** Every app action registered, recording which ran. */
function appScope(calls: string[]): ActiveScope {
  const actions: ActionId[] = ['play-pause', 'step-back', 'step-forward', 'undo', 'redo', 'copy-link', 'show-shortcuts', 'close-dialog'];
  const handlers: KeyHandlers = {};
  for (const action of actions) handlers[action] = () => void calls.push(action);
  return { scope: 'app', handlers };
}

function dispatch(event: KeyEventLike): string | null {
  const calls: string[] = [];
  const binding = handleKey(event, { scopes: [appScope(calls)] });
  expect(calls).toEqual(binding ? [binding.action] : []);
  return binding?.id ?? null;
}

function binding(id: string): KeyBinding {
  const found = KEYMAP.find((b) => b.id === id);
  if (!found) throw new Error(`no binding ${id}`);
  return found;
}

describe('bindings', () => {
  it.each([
    ['play-pause', press(' ')],
    ['play-pause', press(' ', { shiftKey: true })],
    ['step-back', press('ArrowLeft')],
    ['step-forward', press('ArrowRight')],
    ['undo', press('z', { ctrlKey: true })],
    ['undo', press('z', { metaKey: true })],
    ['redo', press('Z', { ctrlKey: true, shiftKey: true })],
    ['redo', press('z', { metaKey: true, shiftKey: true })],
    ['redo-y', press('y', { ctrlKey: true })],
    ['copy-link', press('l')],
    ['copy-link', press('L', { shiftKey: true })],
    ['show-shortcuts', press('?', { shiftKey: true })],
  ])('%s is the one app binding matching its keys', (id, event) => {
    expect(KEYMAP.filter((b) => (b.scope ?? 'app') === 'app' && b.matches(event)).map((b) => b.id)).toEqual([id]);
    expect(dispatch(event)).toBe(id);
  });

  it('gives the presenter the arrows, Space, Home, End, digits, Enter, F and Escape while a lesson is presented', () => {
    const calls: string[] = [];
    const presenterActions: ActionId[] = ['next-step', 'previous-step', 'first-step', 'last-step', 'type-step-digit', 'jump-to-step', 'toggle-fullscreen', 'leave-presenter'];
    const handlers: KeyHandlers = {};
    for (const action of presenterActions) handlers[action] = () => void calls.push(action);
    const scopes: ActiveScope[] = [{ scope: 'presenter', handlers }, appScope(calls)];
    const keys = ['ArrowRight', ' ', 'PageDown', 'ArrowLeft', 'PageUp', 'Home', 'End', '7', 'Enter', 'f', 'Escape'];
    for (const key of keys) handleKey(press(key), { scopes });
    expect(calls).toEqual(['next-step', 'next-step', 'next-step', 'previous-step', 'previous-step', 'first-step', 'last-step', 'type-step-digit', 'jump-to-step', 'toggle-fullscreen', 'leave-presenter']);
    // Undo and the link still reach the app beneath.
    calls.length = 0;
    handleKey(press('z', { ctrlKey: true }), { scopes });
    handleKey(press('l'), { scopes });
    expect(calls).toEqual(['undo', 'copy-link']);
  });

  it.each([
    ['Ctrl+Space', press(' ', { ctrlKey: true })],
    ['Alt+Left', press('ArrowLeft', { altKey: true })],
    ['Cmd+Right', press('ArrowRight', { metaKey: true })],
    ['z alone', press('z')],
    ['Shift+Z alone', press('Z', { shiftKey: true })],
    ['y alone', press('y')],
    ['Ctrl+L', press('l', { ctrlKey: true })],
    ['Ctrl+Shift+L', press('L', { ctrlKey: true, shiftKey: true })],
    ['Cmd+L', press('l', { metaKey: true })],
    ['Alt+L', press('l', { altKey: true })],
    ['/ without Shift', press('/')],
    ['Ctrl+?', press('?', { ctrlKey: true, shiftKey: true })],
    ['Up', press('ArrowUp')],
    ['Escape outside a dialog', press('Escape')],
  ])('%s does nothing', (_name, event) => {
    expect(dispatch(event)).toBeNull();
    expect(event.prevented).toBe(false);
  });

  it('tells Ctrl+Z from Ctrl+Shift+Z', () => {
    expect(binding('undo').matches(press('z', { ctrlKey: true }))).toBe(true);
    expect(binding('undo').matches(press('Z', { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(binding('redo').matches(press('z', { ctrlKey: true }))).toBe(false);
    expect(binding('redo').matches(press('Z', { ctrlKey: true, shiftKey: true }))).toBe(true);
  });

  it('prevents the default of a key it handles', () => {
    const event = press(' ');
    dispatch(event);
    expect(event.prevented).toBe(true);
  });

  it('has unique ids, and keys to show for each', () => {
    expect(new Set(KEYMAP.map((b) => b.id)).size).toBe(KEYMAP.length);
    for (const b of KEYMAP) expect(b.keys.length).toBeGreaterThan(0);
  });
});

describe('where shortcuts may fire', () => {
  it('classifies focused elements', () => {
    expect(classifyTarget(null)).toBe('other');
    expect(classifyTarget({})).toBe('other'); // window or document
    expect(classifyTarget(body)).toBe('other');
    expect(classifyTarget(textInput)).toBe('text');
    expect(classifyTarget({ tagName: 'INPUT' })).toBe('text');
    expect(classifyTarget(numberInput)).toBe('text');
    expect(classifyTarget(textarea)).toBe('text');
    expect(classifyTarget(editable)).toBe('text');
    expect(classifyTarget(select)).toBe('select');
    expect(classifyTarget(range)).toBe('slider');
    expect(classifyTarget(checkbox)).toBe('toggle');
    expect(classifyTarget({ tagName: 'INPUT', type: 'radio' })).toBe('composite');
    expect(classifyTarget(button)).toBe('button');
    expect(classifyTarget({ tagName: 'SUMMARY' })).toBe('button');
    expect(classifyTarget(radioButton)).toBe('composite');
    expect(classifyTarget({ tagName: 'DIV', getAttribute: () => 'slider' })).toBe('slider');
  });

  it.each([textInput, numberInput, textarea, editable])('nothing fires while typing in %j', (target) => {
    for (const event of [
      press(' ', { target }),
      press('ArrowLeft', { target }),
      press('ArrowRight', { target }),
      press('z', { ctrlKey: true, target }),
      press('Z', { ctrlKey: true, shiftKey: true, target }),
      press('y', { ctrlKey: true, target }),
      press('l', { target }),
      press('?', { shiftKey: true, target }),
    ]) {
      expect(dispatch(event)).toBeNull();
      expect(event.prevented).toBe(false);
    }
  });

  it('leaves Space to a focused button or radio, but steps with the arrows from a button', () => {
    expect(dispatch(press(' ', { target: button }))).toBeNull();
    expect(dispatch(press(' ', { target: radioButton }))).toBeNull();
    expect(dispatch(press(' ', { target: checkbox }))).toBeNull();
    expect(dispatch(press('ArrowRight', { target: button }))).toBe('step-forward');
  });

  it('plays from the scrubber, but leaves the arrows to sliders, radio groups and selects', () => {
    expect(dispatch(press(' ', { target: range }))).toBe('play-pause');
    for (const target of [range, radioButton, select, checkbox, { tagName: 'INPUT', type: 'radio' }]) {
      expect(dispatch(press('ArrowLeft', { target }))).toBeNull();
      expect(dispatch(press('ArrowRight', { target }))).toBeNull();
    }
  });

  it('undoes outside text fields (a slider, a checkbox, a select) but not inside them', () => {
    for (const target of [body, button, range, checkbox, select]) expect(dispatch(press('z', { ctrlKey: true, target }))).toBe('undo');
    expect(dispatch(press('z', { ctrlKey: true, target: textInput }))).toBeNull();
  });

  it('copies the link from a button or radio, not from any input or select', () => {
    expect(dispatch(press('l', { target: button }))).toBe('copy-link');
    expect(dispatch(press('l', { target: radioButton }))).toBe('copy-link');
    for (const target of [range, checkbox, select, textInput]) expect(dispatch(press('l', { target }))).toBeNull();
  });

  it('leaves alone a key some element already handled', () => {
    const event = press('ArrowRight', { defaultPrevented: true });
    expect(dispatch(event)).toBeNull();
  });

  it('fires nothing, and prevents nothing, for an action no one registered', () => {
    const event = press(' ');
    expect(handleKey(event, { scopes: [{ scope: 'app', handlers: { undo: () => {} } }] })).toBeNull();
    expect(event.prevented).toBe(false);
  });
});

describe('scopes', () => {
  type Action = 'step-forward' | 'next-slide' | 'play-pause' | 'close';
  const bindings: KeyBinding<Action>[] = [
    { id: 'step', action: 'step-forward', keys: ['→'], matches: (e) => e.key === 'ArrowRight', description: '', group: 'Animation' },
    { id: 'play', action: 'play-pause', keys: ['Space'], matches: (e) => e.key === ' ', description: '', group: 'Animation' },
    {
      id: 'next',
      action: 'next-slide',
      keys: ['→'],
      matches: (e) => e.key === 'ArrowRight',
      description: '',
      group: 'Presenter',
      scope: 'presenter',
    },
    { id: 'close', action: 'close', keys: ['Esc'], matches: (e) => e.key === 'Escape', description: '', group: 'Help', scope: 'dialog' },
  ];

  function recorder() {
    const calls: string[] = [];
    const on =
      (name: string, result?: boolean) =>
      (): boolean | void => {
        calls.push(name);
        return result;
      };
    return { calls, on };
  }

  it('gives the arrows to the presenter above the app, whatever the registration order', () => {
    const { calls, on } = recorder();
    const presenter: ActiveScope<Action> = { scope: 'presenter', handlers: { 'next-slide': on('next') } };
    const app: ActiveScope<Action> = { scope: 'app', handlers: { 'step-forward': on('step'), 'play-pause': on('play') } };
    expect(handleKey(press('ArrowRight'), { bindings, scopes: [app, presenter] })?.id).toBe('next');
    expect(handleKey(press('ArrowRight'), { bindings, scopes: [presenter, app] })?.id).toBe('next');
    // Keys the presenter does not bind still reach the app.
    expect(handleKey(press(' '), { bindings, scopes: [presenter, app] })?.id).toBe('play');
    expect(calls).toEqual(['next', 'next', 'play']);
  });

  it('passes a key down when a handler declines it', () => {
    const { calls, on } = recorder();
    const scopes: ActiveScope<Action>[] = [
      { scope: 'app', handlers: { 'step-forward': on('step') } },
      { scope: 'presenter', handlers: { 'next-slide': on('next', false) } },
    ];
    expect(handleKey(press('ArrowRight'), { bindings, scopes })?.id).toBe('step');
    expect(calls).toEqual(['next', 'step']);
  });

  it('tries the latest registration of a scope first, and runs one handler only', () => {
    const { calls, on } = recorder();
    const scopes: ActiveScope<Action>[] = [
      { scope: 'app', handlers: { 'step-forward': on('first') } },
      { scope: 'app', handlers: { 'step-forward': on('second') } },
    ];
    handleKey(press('ArrowRight'), { bindings, scopes });
    expect(calls).toEqual(['second']);
  });

  it('a modal scope keeps every key from the scopes below', () => {
    const { calls, on } = recorder();
    const scopes: ActiveScope<Action>[] = [
      { scope: 'app', handlers: { 'step-forward': on('step'), 'play-pause': on('play') } },
      { scope: 'presenter', handlers: { 'next-slide': on('next') } },
      { scope: 'dialog', handlers: { close: on('close') } },
    ];
    const space = press(' ');
    expect(handleKey(space, { bindings, scopes })).toBeNull();
    expect(space.prevented).toBe(false);
    expect(handleKey(press('ArrowRight'), { bindings, scopes })).toBeNull();
    expect(handleKey(press('Escape'), { bindings, scopes })?.id).toBe('close');
    expect(calls).toEqual(['close']);
  });

  it('closes the shortcuts dialog with Escape, even from its Close button, and nothing else runs meanwhile', () => {
    const calls: string[] = [];
    const scopes: ActiveScope[] = [appScope(calls), { scope: 'dialog', handlers: { 'close-dialog': () => void calls.push('close') } }];
    expect(handleKey(press('Escape', { target: button }), { scopes })?.id).toBe('close-dialog');
    expect(handleKey(press('l'), { scopes })).toBeNull();
    expect(handleKey(press('?', { shiftKey: true }), { scopes })).toBeNull();
    expect(calls).toEqual(['close']);
  });

  it('asks a binding whether it applies now', () => {
    const when = vi.fn((_context: KeyContext) => false);
    const guarded: KeyBinding<Action>[] = [{ ...bindings[0], when }];
    expect(handleKey(press('ArrowRight'), { bindings: guarded, scopes: [{ scope: 'app', handlers: { 'step-forward': () => {} } }] })).toBeNull();
    expect(when).toHaveBeenCalledWith({ target: 'other', scopes: ['app'] });
  });
});

describe('the window listener', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('is one for all registrations, and goes with the last', () => {
    const listeners = new Set<(event: KeyEventLike) => void>();
    vi.stubGlobal('window', {
      addEventListener: (_type: string, listener: (event: KeyEventLike) => void) => listeners.add(listener),
      removeEventListener: (_type: string, listener: (event: KeyEventLike) => void) => listeners.delete(listener),
    });
    const calls: string[] = [];
    const offUndo = registerKeymap('app', () => ({ undo: () => void calls.push('undo') }));
    const offCopy = registerKeymap('app', () => ({ 'copy-link': () => void calls.push('copy') }));
    expect(listeners.size).toBe(1);
    const [listener] = listeners;
    listener(press('z', { ctrlKey: true }));
    listener(press('l'));
    expect(calls).toEqual(['undo', 'copy']);
    offUndo();
    offUndo(); // twice is harmless
    expect(listeners.size).toBe(1);
    listener(press('z', { ctrlKey: true }));
    expect(calls).toEqual(['undo', 'copy']);
    offCopy();
    expect(listeners.size).toBe(0);
  });
});

describe('the list of shortcuts', () => {
  it('groups every binding, Animation first, merging the keys of one action', () => {
    const groups = keymapGroups();
    expect(groups.map((g) => g.group)).toEqual(['Animation', 'Editing', 'Sharing', 'Presenter', 'Help']);
    const rows = groups.flatMap((g) => g.rows);
    expect(rows.map((r) => r.action).sort()).toEqual([...new Set(KEYMAP.map((b) => b.action))].sort());
    expect(rows.find((r) => r.action === 'redo')?.keys).toEqual([
      ['Ctrl', 'Shift', 'Z'],
      ['Ctrl', 'Y'],
    ]);
    expect(rows.find((r) => r.action === 'show-shortcuts')?.keys).toEqual([['?']]);
  });

  it('gives buttons their hints', () => {
    expect(shortcutText('redo')).toBe('Ctrl+Shift+Z');
    expect(shortcutText('step-back')).toBe('←');
    expect(ariaKeyShortcuts('redo')).toBe('Control+Shift+Z Control+Y');
    expect(ariaKeyShortcuts('step-forward')).toBe('ArrowRight');
    expect(ariaKeyShortcuts('play-pause')).toBe('Space');
  });
});
