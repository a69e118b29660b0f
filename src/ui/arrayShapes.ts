/**
 * The ways an array can be read as a matrix, with the m x n each one gives, for the array picker:
 * a matrix as it is; an array of more dimensions as one 2-D slice (by its leading indices), as a
 * mode-n unfolding (TensorLy's convention), or as a C-order reshape at a split of its dimensions.
 */
import { reshapeOptions, unfoldedShape } from '../core';
import type { AsMatrix } from '../state/fileSlice';

export interface MatrixShape {
  /** A stable key for the option ('matrix', 'slice', 'unfold-0', 'reshape-2'). */
  key: string;
  label: string;
  rows: number;
  cols: number;
  /** Absent for the array itself or a slice. */
  asMatrix?: AsMatrix;
}


/** The options for `shape`; `current` (a link's reshape to rows no split gives) is offered too. */
export function matrixShapesOf(shape: number[], current?: AsMatrix): MatrixShape[] {
  if (shape.length <= 2) {
    const [rows, cols] = shape.length === 0 ? [1, 1] : shape.length === 1 ? [1, shape[0]] : shape;
    return [{ key: 'matrix', label: 'as it is', rows, cols }];
  }
  const d = shape.length;
  const lead = shape.slice(0, d - 2).map(() => 'i');
  const shapes: MatrixShape[] = [{ key: 'slice', label: `one 2-D slice [${[...lead, ':', ':'].join(', ')}]`, rows: shape[d - 2], cols: shape[d - 1] }];
  for (let mode = 0; mode < d; mode++) {
    const [rows, cols] = unfoldedShape(shape, mode);
    shapes.push({ key: `unfold-${mode}`, label: `mode-${mode + 1} unfolding`, rows, cols, asMatrix: { kind: 'unfold', mode } });
  }
  // Splitting after the first dimension is the mode-1 unfolding already.
  for (const option of reshapeOptions(shape)) {
    if (option.split < 2) continue;
    const left = shape.slice(0, option.split).join('·');
    const right = shape.slice(option.split).join('·');
    shapes.push({ key: `reshape-${option.split}`, label: `reshape to (${left}) × (${right})`, rows: option.rows, cols: option.cols, asMatrix: { kind: 'reshape', rows: option.rows } });
  }
  if (current?.kind === 'reshape' && current.rows !== shape[0] && !shapes.some((s) => s.asMatrix?.kind === 'reshape' && s.rows === current.rows)) {
    const count = shape.reduce((a, b) => a * b, 1);
    shapes.push({ key: `reshape-rows-${current.rows}`, label: `reshape to ${current.rows} rows (from the link)`, rows: current.rows, cols: count / current.rows, asMatrix: current });
  }
  return shapes;
}

/** The option that a choice's `asMatrix` stands for. */
export function shapeKeyOf(shape: number[], asMatrix: AsMatrix | undefined): string {
  if (shape.length <= 2) return 'matrix';
  if (!asMatrix) return 'slice';
  if (asMatrix.kind === 'unfold') return `unfold-${asMatrix.mode}`;
  // Reshaping to shape[0] rows is the mode-1 unfolding.
  if (asMatrix.rows === shape[0]) return 'unfold-0';
  const option = matrixShapesOf(shape, asMatrix).find((s) => s.asMatrix?.kind === 'reshape' && s.rows === asMatrix.rows);
  return option?.key ?? 'slice';
}

