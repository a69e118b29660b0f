/** Where a series plot's reference-line labels go, so that close lines keep readable labels. */

/** Rough width in px of `text` at `size` px, for laying out the legend and the labels. */
export function textWidth(text: string, size: number): number {
  return text.length * size * 0.56;
}

/**
 * Where each reference line's label goes: above its line at the right edge (below it near the top),
 * and, when two lines are closer than a label's height, the later label moves left of the earlier
 * one on the same baseline, so "plain SVD" and "FWSVD" never print over each other.
 */
export function referenceLabelSpots(lines: readonly { y: number; label: string }[], right: number, top: number, size: number): { x: number; y: number }[] {
  const spots: { x: number; y: number }[] = [];
  lines.forEach((line, i) => {
    let y = line.y - 6 < top + 12 ? line.y + 18 : line.y - 6;
    let x = right - 4;
    for (let j = 0; j < i; j++) {
      if (Math.abs(spots[j].y - y) < size + 2) {
        y = spots[j].y;
        x = Math.min(x, spots[j].x - textWidth(lines[j].label, size) - 12);
      }
    }
    spots.push({ x, y });
  });
  return spots;
}
