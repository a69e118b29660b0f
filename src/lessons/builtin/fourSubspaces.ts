/** Lesson 2: the four fundamental subspaces read off the SVD of rank-deficient matrices. */
import type { Lesson } from '../lessonTypes';

const tex = String.raw;
const A = 'm=1,2,3;4,5,6;7,8,9&sub=1';

export const fourSubspaces: Lesson = {
  id: 'four-fundamental-subspaces',
  title: 'The four fundamental subspaces and rank',
  summary: 'A rank-deficient matrix in the map view: column space, null space, row space and left null space, all from one SVD.',
  steps: [
    {
      title: 'Dependent rows: rank 2',
      link: A,
      caption: tex`Row 1 $-\,2\cdot$ row 2 $+$ row 3 $=0$: only two rows are independent, so the rank is $r=2$. The SVD sees it as $\sigma_3=0$, up to rounding.`,
      formulas: [tex`r = \#\{\,i : \sigma_i > \max(m,n)\,\sigma_1\,\varepsilon\,\}`],
      notes: 'Numerically σ₃ is about 1e-16, not 0: the rank is decided by a tolerance, max(m, n)·σ₁·ε, shown next to the singular values.',
    },
    {
      title: 'Column space: where every output lands',
      link: A,
      caption: tex`Every $Ax$ lies in $\operatorname{col}(A)=\operatorname{span}(u_1,u_2)$. The sphere lands on a flat ellipse inside that plane.`,
      formulas: [tex`\operatorname{col}(A)=\operatorname{span}(u_1,\dots,u_r)`],
      notes: 'Turn the camera edge-on to the plane: the image has no thickness at all.',
    },
    {
      title: 'Null space: what the map forgets',
      link: `${A}&step=1`,
      caption: tex`$v_3\propto(1,-2,1)$ solves $Av_3=0$. Watch $\Sigma$ squash that direction to nothing: inputs that differ by a multiple of $v_3$ give the same output.`,
      formulas: [tex`N(A)=\operatorname{span}(v_{r+1},\dots,v_n)`],
      animate: { param: 'step', from: 1, to: 2, seconds: 3 },
    },
    {
      title: 'Row space and left null space',
      link: A,
      caption: tex`The other two: $\operatorname{row}(A)=\operatorname{span}(v_1,v_2)$, orthogonal to the null space, and the left null space $\operatorname{span}(u_3)$, orthogonal to the column space. Here $u_3\propto(1,-2,1)$ as well.`,
      formulas: [tex`\operatorname{row}(A)\perp N(A)`, tex`\operatorname{col}(A)\perp N(A^\top)`],
      notes: 'u₃ ∝ (1, −2, 1) because the same combination of rows vanishes: (1, −2, 1) A = 0.',
    },
    {
      title: 'Counting dimensions: rank 1',
      link: 'm=1,2,2;2,4,4;0.5,1,1&sub=1',
      caption: tex`Every row is a multiple of $(1,2,2)$: rank $1$. The column space is a line, the null space a plane, and $1+2=3$.`,
      formulas: [tex`\dim\operatorname{row}(A)+\dim N(A)=r+(n-r)=n`, tex`\dim\operatorname{col}(A)+\dim N(A^\top)=r+(m-r)=m`],
    },
    {
      title: 'Not square: a 3 × 2 map',
      link: 'm=1,0.5;0.2,1;0.8,-0.6&sub=1',
      caption: tex`From the plane into space, rank $2$: the null space is only $\{0\}$, the circle becomes an ellipse tilted in 3D, and the left null space is the line orthogonal to its plane.`,
    },
  ],
};
