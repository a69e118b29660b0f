/**
 * The ordered factorizations of an integer: the reshapes a TensorGPT row of n entries can take
 * (768 = 2^8 * 3 has 1279 of them with two factors or more).
 */
import { LinalgError } from '../errors';

/** Options of {@link factorizations}. */
export interface FactorizationOptions {
  /** Fewest factors (default 2; 1 also lists [n]). */
  minFactors?: number;
  /** Most factors (default: the number of prime factors of n with multiplicity, the most possible). */
  maxFactors?: number;
  /** At most this many are returned (default 10000); factorizationCount tells how many exist. */
  limit?: number;
}

/** The default cap on the number of factorizations returned. */
export const FACTORIZATION_LIMIT = 10000;

/**
 * Every ordered factorization of n into factors > 1 with between minFactors and maxFactors
 * factors. Order: fewer factors first, then lexicographic (the first factor smallest). At most
 * `limit` (default 10000) are returned, the first ones in that order.
 *
 * @example
 * factorizations(12);
 * // [[2, 6], [3, 4], [4, 3], [6, 2], [2, 2, 3], [2, 3, 2], [3, 2, 2]]
 */
export function factorizations(n: number, options: FactorizationOptions = {}): number[][] {
  const { min, max, limit } = check('factorizations', n, options);
  const divisors = divisorsOf(n).filter((x) => x > 1);
  const out: number[][] = [];
  const current: number[] = [];
  const visit = (rest: number, left: number): void => {
    if (out.length >= limit) return;
    if (left === 1) {
      current.push(rest);
      out.push(current.slice());
      current.pop();
      return;
    }
    for (const f of divisors) {
      if (f > rest) break;
      if (rest % f !== 0 || bigOmega(rest / f) < left - 1) continue;
      current.push(f);
      visit(rest / f, left - 1);
      current.pop();
      if (out.length >= limit) return;
    }
  };
  for (let k = min; k <= max && out.length < limit; k++) if (k <= bigOmega(n)) visit(n, k);
  return out;
}

/**
 * How many ordered factorizations {@link factorizations} would list without its limit.
 *
 * @example
 * factorizationCount(768); // 1279
 */
export function factorizationCount(n: number, options: Omit<FactorizationOptions, 'limit'> = {}): number {
  const { min, max } = check('factorizationCount', n, options);
  const divisors = divisorsOf(n);
  // ways[k][i]: ordered factorizations of divisors[i] into exactly k factors > 1.
  let ways = new Map<number, number>([[1, 1]]);
  let total = 0;
  for (let k = 1; k <= max; k++) {
    const next = new Map<number, number>();
    for (const x of divisors) {
      let count = 0;
      for (const f of divisors) {
        if (f > x) break;
        if (f > 1 && x % f === 0) count += ways.get(x / f) ?? 0;
      }
      if (count > 0) next.set(x, count);
    }
    ways = next;
    if (k >= min) total += ways.get(n) ?? 0;
  }
  return total;
}

function check(fn: string, n: number, options: FactorizationOptions): { min: number; max: number; limit: number } {
  if (!Number.isSafeInteger(n) || n < 1) throw new LinalgError(`${fn}: n must be a positive integer, got ${n}`);
  const omega = bigOmega(n);
  const min = options.minFactors ?? 2;
  const max = options.maxFactors ?? Math.max(omega, min);
  const limit = options.limit ?? FACTORIZATION_LIMIT;
  for (const [name, v] of [['minFactors', min], ['maxFactors', max], ['limit', limit]] as const) {
    if (!Number.isInteger(v) || v < 1) throw new LinalgError(`${fn}: ${name} must be a positive integer, got ${v}`);
  }
  return { min, max, limit };
}

/** The divisors of n, ascending. */
function divisorsOf(n: number): number[] {
  const small: number[] = [];
  const large: number[] = [];
  for (let i = 1; i * i <= n; i++) {
    if (n % i !== 0) continue;
    small.push(i);
    if (i * i !== n) large.push(n / i);
  }
  return small.concat(large.reverse());
}

/** The number of prime factors of n counted with multiplicity (the most factors > 1 n can have). */
function bigOmega(n: number): number {
  let count = 0;
  for (let p = 2; p * p <= n; p++) {
    while (n % p === 0) {
      n /= p;
      count++;
    }
  }
  return n > 1 ? count + 1 : count;
}
