import { describe, expect, it } from 'vitest';
import { splitCaption } from './captionParts';

const text = (t: string) => ({ kind: 'text', text: t });
const tex = (s: string) => ({ kind: 'tex', source: s });

describe('splitCaption', () => {
  it.each([
    ['plain text', 'No maths here.', [text('No maths here.')]],
    ['one formula', 'Rank $r$ here', [text('Rank '), tex('r'), text(' here')]],
    ['formula only', '$A=U\\Sigma V^\\top$', [tex('A=U\\Sigma V^\\top')]],
    ['two formulas', '$a$ and $b$', [tex('a'), text(' and '), tex('b')]],
    ['an escaped dollar is a dollar', 'costs \\$5 and \\$10', [text('costs $5 and $10')]],
    ['an escaped dollar next to TeX', '\\$$x$', [text('$'), tex('x')]],
    ['an escaped dollar inside TeX stays TeX', '$\\$5$', [tex('\\$5')]],
    ['TeX with its own escapes', '$\\{0\\}$ and $a\\\\b$', [tex('\\{0\\}'), text(' and '), tex('a\\\\b')]],
    ['an unbalanced dollar is text', 'a $x and more', [text('a $x and more')]],
    ['an unbalanced dollar after a formula', '$x$ costs $5', [tex('x'), text(' costs $5')]],
    ['an unbalanced dollar keeps escapes as dollars', 'a $x \\$ y', [text('a $x $ y')]],
    ['an empty pair is text', 'a $$ b', [text('a $$ b')]],
    ['a blank pair is text', 'a $ $ b', [text('a $ $ b')]],
    ['a trailing backslash', 'a \\', [text('a \\')]],
    ['the empty caption', '', []],
    ['script-like text stays text', '<script>alert(1)</script> $x$', [text('<script>alert(1)</script> '), tex('x')]],
  ])('%s', (_what, input, expected) => {
    expect(splitCaption(input)).toEqual(expected);
  });

  it('puts the caption back together, up to escapes', () => {
    const caption = 'A $\\sigma_1$ b \\$ c $x^2$ d';
    const joined = splitCaption(caption).map((p) => (p.kind === 'text' ? p.text.replace(/\$/g, '\\$') : `$${p.source}$`)).join('');
    expect(joined).toBe(caption);
  });
});
