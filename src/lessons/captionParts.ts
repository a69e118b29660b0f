/**
 * Splitting a caption into text and inline TeX: pure, so that node tests (tsconfig.node.json has no
 * JSX) can check it without the component.
 */
export type CaptionPart = { kind: 'text'; text: string } | { kind: 'tex'; source: string };

/**
 * Splits a caption into text and inline TeX. `\$` outside TeX is a dollar sign (inside it stays
 * `\$`, TeX's own dollar). An empty or blank pair (`$$`, `$ $`) and an unbalanced `$` are shown as
 * the text they are: a stray dollar must not swallow the rest of the caption into a formula.
 *
 * @example
 * splitCaption('Rank $r$ costs \\$5')
 * // [{ kind: 'text', text: 'Rank ' }, { kind: 'tex', source: 'r' }, { kind: 'text', text: ' costs $5' }]
 */
export function splitCaption(text: string): CaptionPart[] {
  const parts: CaptionPart[] = [];
  const pushText = (t: string) => {
    if (t === '') return;
    const last = parts.at(-1);
    if (last?.kind === 'text') last.text += t;
    else parts.push({ kind: 'text', text: t });
  };
  const unescape = (t: string) => t.replace(/\\\$/g, '$');
  let plain = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\' && text[i + 1] === '$') {
      plain += '$';
      i += 2;
      continue;
    }
    if (c !== '$') {
      plain += c;
      i += 1;
      continue;
    }
    // An opening dollar: find its closing one, skipping escaped dollars inside the TeX.
    let j = i + 1;
    while (j < text.length && text[j] !== '$') j += text[j] === '\\' ? 2 : 1;
    if (j >= text.length) {
      // Unbalanced: the dollar and everything after it are text.
      plain += unescape(text.slice(i));
      break;
    }
    const source = text.slice(i + 1, j);
    if (source.trim() === '') {
      plain += text.slice(i, j + 1);
    } else {
      pushText(plain);
      plain = '';
      parts.push({ kind: 'tex', source });
    }
    i = j + 1;
  }
  pushText(plain);
  return parts;
}
