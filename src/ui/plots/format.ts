/**
 * Number formatting for plot labels. Labels are read from the back of a lecture hall, so they stay
 * short: four significant digits, exponent form only for very large or very small magnitudes.
 */

const SUPERSCRIPT_DIGITS: Record<string, string> = {
  '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '-': '⁻',
};

/**
 * A value for a label or readout: `0`, `1.235`, `-0.0042`, `1.2e-7`, `3.5e+12`; `NaN` and `∞` as such.
 * @example formatNumber(1234.5678) // '1235'
 */
export function formatNumber(x: number, digits = 4): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  if (x === 0) return '0';
  const magnitude = Math.abs(x);
  const text = magnitude >= 1e5 || magnitude < 1e-3 ? x.toExponential(digits - 1) : String(Number(x.toPrecision(digits)));
  // Drop trailing zeros of the mantissa ("1.000e-7" -> "1e-7") so labels stay short.
  return text.replace(/\.?0+e/, 'e');
}

/**
 * A power of ten written with a superscript exponent, as log axes label their decades.
 * @example formatDecade(-3) // '10⁻³'
 */
export function formatDecade(exponent: number): string {
  const digits = String(exponent).split('').map((c) => SUPERSCRIPT_DIGITS[c] ?? c).join('');
  return `10${digits}`;
}

/**
 * A fraction in [0, 1] as a percentage with one decimal: `0.9341` -> `93.4 %`.
 * Values a hair below 1 are not rounded up to a misleading `100.0 %`.
 */
export function formatPercent(fraction: number): string {
  if (!Number.isFinite(fraction)) return '–';
  const tenths = Math.round(fraction * 1000);
  const shown = tenths === 1000 && fraction < 1 ? 999 : tenths;
  return `${(shown / 10).toFixed(1)} %`;
}

/** A rank or break-even rank: integers as such, fractions with one decimal (`614.4`). */
export function formatRank(rank: number): string {
  return Number.isInteger(rank) ? String(rank) : rank.toFixed(1);
}
