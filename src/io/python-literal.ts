/**
 * A small strict parser for the Python literal a .npy header holds, e.g.
 * `{'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }`. It accepts dicts, tuples, lists,
 * strings, integers, True/False/None, nothing else: the header is untrusted, so it is never
 * evaluated.
 */
import { FormatError } from './types';

/** A parsed Python literal. Tuples and lists both become arrays; `tuple` tells them apart. */
export type PyValue =
  | string
  | number
  | boolean
  | null
  | PyValue[]
  | { [key: string]: PyValue };

/** Deep nesting is never legitimate in a header; the bound keeps recursion shallow. */
const MAX_DEPTH = 16;

/**
 * Parses a Python literal; throws FormatError (format `format`) naming the position and the
 * character that broke the parse.
 * @example parsePythonLiteral("{'shape': (2,)}", 'npy') // { shape: [2] }
 */
export function parsePythonLiteral(text: string, format: string): PyValue {
  let pos = 0;

  const fail = (problem: string): never => {
    const near = JSON.stringify(text.slice(pos, pos + 20));
    throw new FormatError(format, `header is not a valid Python literal: ${problem} at character ${pos} (near ${near})`);
  };

  const skipSpace = (): void => {
    while (pos < text.length && /\s/.test(text[pos])) pos++;
  };

  const parseString = (): string => {
    const quote = text[pos++];
    let out = '';
    while (pos < text.length && text[pos] !== quote) {
      if (text[pos] === '\\') {
        const next = text[pos + 1];
        if (next === undefined) fail('unfinished escape');
        out += next === 'n' ? '\n' : next === 't' ? '\t' : next;
        pos += 2;
      } else {
        out += text[pos++];
      }
    }
    if (pos >= text.length) fail('unterminated string');
    pos++;
    return out;
  };

  const parseNumber = (): number => {
    const match = /^[+-]?\d+L?/.exec(text.slice(pos, pos + 40));
    if (!match) return fail('expected a value');
    pos += match[0].length;
    // Python 2 wrote long integers with an L suffix, e.g. (3L, 4L).
    const value = Number(match[0].replace('L', ''));
    if (!Number.isSafeInteger(value)) fail(`integer ${match[0]} is too large`);
    return value;
  };

  const parseSequence = (close: string, depth: number): PyValue[] => {
    const items: PyValue[] = [];
    for (;;) {
      skipSpace();
      if (text[pos] === close) {
        pos++;
        return items;
      }
      items.push(parseValue(depth + 1));
      skipSpace();
      if (text[pos] === ',') pos++;
      else if (text[pos] !== close) fail(`expected ',' or '${close}'`);
    }
  };

  const parseDict = (depth: number): { [key: string]: PyValue } => {
    const dict: { [key: string]: PyValue } = Object.create(null);
    for (;;) {
      skipSpace();
      if (text[pos] === '}') {
        pos++;
        return dict;
      }
      if (text[pos] !== "'" && text[pos] !== '"') fail('expected a string key');
      const key = parseString();
      skipSpace();
      if (text[pos] !== ':') fail("expected ':'");
      pos++;
      dict[key] = parseValue(depth + 1);
      skipSpace();
      if (text[pos] === ',') pos++;
      else if (text[pos] !== '}') fail("expected ',' or '}'");
    }
  };

  const parseValue = (depth: number): PyValue => {
    if (depth > MAX_DEPTH) fail('nested too deeply');
    skipSpace();
    const c = text[pos];
    if (c === undefined) return fail('unexpected end');
    if (c === '{') {
      pos++;
      return parseDict(depth);
    }
    if (c === '(' || c === '[') {
      pos++;
      return parseSequence(c === '(' ? ')' : ']', depth);
    }
    if (c === "'" || c === '"') return parseString();
    for (const [word, value] of [['True', true], ['False', false], ['None', null]] as const) {
      if (text.startsWith(word, pos)) {
        pos += word.length;
        return value;
      }
    }
    return parseNumber();
  };

  const value = parseValue(0);
  skipSpace();
  if (pos !== text.length) fail('unexpected text after the literal');
  return value;
}
