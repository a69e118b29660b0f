/**
 * The frame every plot sits in: a heading and two buttons that save the plot's <svg> as
 * `<exportName>.svg` or `<exportName>.png`. Plots stay pure presentational components; the frame
 * finds the <svg> among its children when a button is pressed.
 */
import { createElement as h, useId, useRef, useState, type ReactNode } from 'react';
import { downloadBlob, exportPng, exportSvg } from './exportPlot';

/** Props of {@link PlotFrame}. */
export interface PlotFrameProps {
  /** The visible heading, e.g. "Singular value spectrum". */
  title: string;
  /** The file name without extension, e.g. "spectrum" gives spectrum.svg and spectrum.png. */
  exportName: string;
  /** What the buttons export, in their tooltip: "Export the <subject> as SVG". Defaults to the title. */
  subject?: string;
  children?: ReactNode;
}

const buttonStyle = { font: 'inherit', padding: '0.2rem 0.6rem' } as const;

/**
 * A plot with its heading and "Export SVG" / "Export PNG" buttons.
 * @example h(PlotFrame, { title: 'Spectrum', exportName: 'spectrum' }, h('svg', { ... }))
 */
export function PlotFrame({ title, exportName, subject, children }: PlotFrameProps) {
  const headingId = useId();
  const content = useRef<HTMLDivElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const what = subject ?? title;

  const findSvg = (): SVGSVGElement | null => content.current?.querySelector('svg') ?? null;
  const saveSvg = () => {
    const svg = findSvg();
    if (!svg) return;
    setProblem(null);
    downloadBlob(new Blob([exportSvg(svg)], { type: 'image/svg+xml' }), `${exportName}.svg`);
  };
  const savePng = () => {
    const svg = findSvg();
    if (!svg) return;
    setProblem(null);
    exportPng(svg).then(
      (blob) => downloadBlob(blob, `${exportName}.png`),
      (error: unknown) => setProblem(`The PNG could not be made: ${error instanceof Error ? error.message : String(error)}`),
    );
  };

  return h(
    'section',
    { 'aria-labelledby': headingId, style: { display: 'flex', flexDirection: 'column', gap: '0.4rem' } },
    h(
      'div',
      { style: { display: 'flex', alignItems: 'baseline', gap: '0.5rem', flexWrap: 'wrap' } },
      h('h3', { id: headingId, style: { margin: 0, fontSize: '1rem', flex: '1 1 auto' } }, title),
      h('button', { type: 'button', onClick: saveSvg, title: `Export the ${what} as SVG`, style: buttonStyle }, 'Export SVG'),
      h('button', { type: 'button', onClick: savePng, title: `Export the ${what} as PNG`, style: buttonStyle }, 'Export PNG'),
    ),
    h('div', { ref: content, style: { maxWidth: '100%', overflowX: 'auto' } }, children),
    problem && h('p', { role: 'alert', style: { margin: 0 } }, problem),
  );
}
