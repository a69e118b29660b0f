import { describe, expect, it } from 'vitest';
import { declutter } from './declutter';

describe('declutter', () => {
  it('leaves labels that do not overlap where they are', () => {
    const boxes = [{ x: 100, y: 100, width: 80, height: 20 }, { x: 300, y: 105, width: 80, height: 20 }];
    expect(declutter(boxes)).toEqual([{ x: 100, y: 100 }, { x: 300, y: 105 }]);
  });

  it('moves the lower of two overlapping labels just below the upper one', () => {
    const boxes = [{ x: 104, y: 108, width: 120, height: 20 }, { x: 100, y: 100, width: 140, height: 20 }];
    expect(declutter(boxes)).toEqual([{ x: 104, y: 122 }, { x: 100, y: 100 }]);
  });

  it('stacks three labels on one point without any two overlapping', () => {
    const boxes = [0, 1, 2].map(() => ({ x: 50, y: 50, width: 60, height: 16 }));
    const spots = declutter(boxes);
    const ys = spots.map((s) => s.y).sort((a, b) => a - b);
    expect(ys).toEqual([50, 68, 86]);
  });
});
