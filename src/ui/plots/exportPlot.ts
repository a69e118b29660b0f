/**
 * Saving a plot as a file. The plots draw with SVG attributes only (no CSS classes), so serialising
 * the live <svg> gives a file that looks like the screen; these helpers add what a standalone file
 * needs (namespaces, an XML declaration, an opaque white background) and turn it into a download.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';

/** The background of exported files: white, as on paper and slides (the page itself is off-white). */
export const EXPORT_BACKGROUND = '#ffffff';

/**
 * Makes serialised SVG markup stand alone: adds the SVG (and, if used, xlink) namespace, a white
 * background rectangle behind everything, and an XML declaration. Pure, so it is tested on the
 * output of renderToStaticMarkup.
 */
export function standaloneSvgMarkup(markup: string): string {
  const body = markup.trim().replace(/^<\?xml[^>]*>\s*/, '');
  const open = /^<svg\b[^>]*>/.exec(body);
  if (!open) throw new Error('expected markup that starts with an <svg> element');
  let tag = open[0];
  const selfClosing = tag.endsWith('/>');
  // Each is inserted right after "<svg", so the one added last comes first.
  if (body.includes('xlink:') && !/\sxmlns:xlink=/.test(tag)) tag = tag.replace(/^<svg\b/, `<svg xmlns:xlink="${XLINK_NS}"`);
  if (!/\sxmlns=/.test(tag)) tag = tag.replace(/^<svg\b/, `<svg xmlns="${SVG_NS}"`);
  const background = `<rect width="100%" height="100%" fill="${EXPORT_BACKGROUND}"/>`;
  const rest = body.slice(open[0].length);
  const content = selfClosing ? `${tag.replace(/\/>$/, '>')}${background}</svg>` : `${tag}${background}${rest}`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${content}`;
}

/**
 * The standalone SVG file for a plot on screen (browser only: uses XMLSerializer).
 * @example downloadBlob(new Blob([exportSvg(svg)], { type: 'image/svg+xml' }), 'spectrum.svg')
 */
export function exportSvg(svgElement: SVGSVGElement): string {
  return standaloneSvgMarkup(new XMLSerializer().serializeToString(svgElement));
}

/** The drawing size of an <svg> in CSS px: its viewBox, else its width and height attributes. */
function svgSize(svgElement: SVGSVGElement): { width: number; height: number } {
  const box = svgElement.viewBox?.baseVal;
  if (box && box.width > 0 && box.height > 0) return { width: box.width, height: box.height };
  const rect = svgElement.getBoundingClientRect();
  return { width: rect.width || 300, height: rect.height || 150 };
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('the browser could not draw the plot as an image'));
    image.src = url;
  });
}

/**
 * The plot as a PNG, `scale` times its drawing size (2 by default, sharp on slides). Browser only:
 * draws the standalone SVG into a canvas through an Image. The heatmap raster is a data URL inside
 * the SVG, so the canvas is not tainted.
 */
export async function exportPng(svgElement: SVGSVGElement, scale = 2): Promise<Blob> {
  const { width, height } = svgSize(svgElement);
  const url = URL.createObjectURL(new Blob([exportSvg(svgElement)], { type: 'image/svg+xml' }));
  try {
    const image = await loadImage(url);
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(width * scale));
    canvas.height = Math.max(1, Math.round(height * scale));
    const context = canvas.getContext('2d');
    if (!context) throw new Error('this browser has no 2D canvas');
    context.fillStyle = EXPORT_BACKGROUND;
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the canvas could not be encoded as PNG'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Saves a blob under `fileName` through a temporary <a download> (browser only). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke on the next task: some browsers start the download asynchronously after click().
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
