/** A formula typeset by KaTeX. Errors in the formula show as red source text, never a crash. */
import { useMemo } from 'react';
import katex from 'katex';
import 'katex/dist/katex.min.css';

export function Tex({ source, display = false, label }: { source: string; display?: boolean; label?: string }) {
  const html = useMemo(() => katex.renderToString(source, { displayMode: display, throwOnError: false, output: 'htmlAndMathml' }), [source, display]);
  return <span className="tex" aria-label={label} dangerouslySetInnerHTML={{ __html: html }} />;
}
