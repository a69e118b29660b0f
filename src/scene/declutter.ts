/** Keeping the scene's DOM labels from printing over each other. */

/** A label's box on screen: centre (x, y) and size. */
export interface LabelBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Moves labels whose boxes overlap apart, greedily from the top: a label that would cover one
 * already placed goes just below it. Two subspaces that nearly coincide (the SVD's and the weighted
 * one) then show both names instead of one over the other. Returns the new centres, in input order.
 */
export function declutter(boxes: readonly LabelBox[], gap = 2): { x: number; y: number }[] {
  const order = boxes.map((_, i) => i).sort((a, b) => boxes[a].y - boxes[b].y);
  const placed: LabelBox[] = [];
  const out: { x: number; y: number }[] = boxes.map((b) => ({ x: b.x, y: b.y }));
  for (const i of order) {
    const box = { ...boxes[i] };
    for (let moved = true; moved; ) {
      moved = false;
      for (const other of placed) {
        const overlapX = Math.abs(box.x - other.x) < (box.width + other.width) / 2;
        const overlapY = Math.abs(box.y - other.y) < (box.height + other.height) / 2;
        if (overlapX && overlapY) {
          box.y = other.y + (other.height + box.height) / 2 + gap;
          moved = true;
        }
      }
    }
    placed.push(box);
    out[i] = { x: box.x, y: box.y };
  }
  return out;
}
