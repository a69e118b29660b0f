/**
 * A formula typeset by KaTeX. Errors in the formula show as red source text, never a crash. Formulas
 * can come from a lesson file (untrusted): KaTeX runs no HTML or links (`trust` is off), and
 * `maxSize`/`maxExpand` keep a hostile `\\rule{10000em}` or macro loop from drawing huge boxes.
 */
import { useMemo } from 'react';
import katex from 'katex';
import 'katex/dist/katex.min.css';

export function Tex({ source, display = false, label }: { source: string; display?: boolean; label?: string }) {
  const html = useMemo(() => katex.renderToString(source, { displayMode: display, throwOnError: false, output: 'htmlAndMathml', maxSize: 20, maxExpand: 200 }), [source, display]);
  return <span className="tex" aria-label={label} dangerouslySetInnerHTML={{ __html: html }} />;
}
