import { describe, expect, it } from 'vitest';
import { matrixShapesOf, shapeKeyOf } from './arrayShapes';

describe('matrix shapes of an array', () => {
  it('a matrix, a vector and a scalar are read as they are', () => {
    expect(matrixShapesOf([4, 5])).toEqual([{ key: 'matrix', label: 'as it is', rows: 4, cols: 5 }]);
    expect(matrixShapesOf([7])[0]).toMatchObject({ rows: 1, cols: 7 });
    expect(matrixShapesOf([])[0]).toMatchObject({ rows: 1, cols: 1 });
  });

  it('a 3-way array offers a slice, its three unfoldings and no reshape that repeats the first', () => {
    const shapes = matrixShapesOf([90, 128, 160]);
    expect(shapes.map((s) => [s.key, s.rows, s.cols])).toEqual([
      ['slice', 128, 160],
      ['unfold-0', 90, 20480],
      ['unfold-1', 128, 14400],
      ['unfold-2', 160, 11520],
      ['reshape-2', 11520, 160],
    ]);
    expect(shapes[4].label).toBe('reshape to (90·128) × (160)');
    expect(shapes[0].label).toBe('one 2-D slice [i, :, :]');
  });

  it('a 4-way array offers reshapes at every split after the first', () => {
    const shapes = matrixShapesOf([13, 4, 12, 8]);
    expect(shapes.filter((s) => s.asMatrix?.kind === 'reshape').map((s) => [s.rows, s.cols])).toEqual([
      [52, 96],
      [624, 8],
    ]);
    expect(shapes.every((s) => s.rows * s.cols === (s.key === 'slice' ? 96 : 4992))).toBe(true);
  });

  it('finds the option of a choice again', () => {
    expect(shapeKeyOf([90, 128, 160], undefined)).toBe('slice');
    expect(shapeKeyOf([90, 128, 160], { kind: 'unfold', mode: 2 })).toBe('unfold-2');
    expect(shapeKeyOf([90, 128, 160], { kind: 'reshape', rows: 11520 })).toBe('reshape-2');
    expect(shapeKeyOf([4, 5], { kind: 'unfold', mode: 1 })).toBe('matrix');
  });

  it('a link\'s reshape to rows no split gives is offered as it is, and one to the first dimension is the mode-1 unfolding', () => {
    expect(shapeKeyOf([90, 128, 160], { kind: 'reshape', rows: 90 })).toBe('unfold-0');
    expect(shapeKeyOf([90, 128, 160], { kind: 'reshape', rows: 45 })).toBe('reshape-rows-45');
    expect(matrixShapesOf([90, 128, 160], { kind: 'reshape', rows: 45 }).at(-1)).toMatchObject({ rows: 45, cols: 40960, label: 'reshape to 45 rows (from the link)' });
  });
});
