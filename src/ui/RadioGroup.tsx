/**
 * A segmented row of buttons that behaves as a WAI-ARIA radio group: one tab stop (the checked
 * option, or the first enabled one when none is), arrow keys move to the previous or next enabled
 * option and select it, Home and End jump to the ends. The arrow keys are consumed here, so the
 * animation's global left/right stepping does not also fire.
 */
import { useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface RadioOption<T> {
  value: T;
  label: ReactNode;
  disabled?: boolean;
  title?: string;
}

interface RadioGroupProps<T> {
  /** The group's accessible name. */
  label: string;
  options: readonly RadioOption<T>[];
  /** The checked value, or null when no option matches (e.g. a matrix size not in the list). */
  value: T | null;
  onChange: (value: T) => void;
}

const STEP: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

export function RadioGroup<T>({ label, options, value, onChange }: RadioGroupProps<T>) {
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const enabled = options.map((option, i) => (option.disabled ? -1 : i)).filter((i) => i >= 0);
  const checked = options.findIndex((option) => option.value === value);
  const tabStop = checked >= 0 && !options[checked].disabled ? checked : enabled[0];

  function select(index: number) {
    if (options[index].disabled) return;
    buttons.current[index]?.focus();
    if (index !== checked) onChange(options[index].value);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.altKey || event.ctrlKey || event.metaKey || enabled.length === 0) return;
    const from = buttons.current.findIndex((button) => button === event.target);
    const n = options.length;
    let to: number;
    if (event.key in STEP) {
      // The next enabled option that way, wrapping around (from a disabled one too).
      to = from < 0 ? enabled[0] : from;
      do to = (to + STEP[event.key] + n) % n;
      while (options[to].disabled);
    } else if (event.key === 'Home') to = enabled[0];
    else if (event.key === 'End') to = enabled[enabled.length - 1];
    else return;
    event.preventDefault();
    select(to);
  }

  return (
    <div role="radiogroup" aria-label={label} className="segmented" onKeyDown={onKeyDown}>
      {options.map((option, i) => (
        <button
          key={String(option.value)}
          ref={(button) => {
            buttons.current[i] = button;
          }}
          type="button"
          role="radio"
          aria-checked={i === checked}
          tabIndex={i === tabStop ? 0 : -1}
          // aria-disabled rather than disabled: a focused option that becomes unavailable keeps the
          // focus (a disabled button would drop it to the page) and stays announced.
          aria-disabled={option.disabled || undefined}
          title={option.title}
          onClick={() => select(i)}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
