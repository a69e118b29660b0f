/** Lesson 1: the SVD as three moves, played one at a time on the unit circle and sphere. */
import type { Lesson } from '../lessonTypes';

const tex = String.raw;
const A = 'm=3,0;4,5';

export const svdRotateScaleRotate: Lesson = {
  id: 'svd-rotate-scale-rotate',
  title: 'The SVD is rotate, scale, rotate',
  summary: 'Every matrix maps the unit circle to an ellipse. The SVD A = UΣVᵀ splits that into three moves: turn, stretch, turn.',
  steps: [
    {
      title: 'A matrix turns a circle into an ellipse',
      link: A,
      caption: tex`$A=\begin{pmatrix}3&0\\4&5\end{pmatrix}$ sends the unit circle to an ellipse. The SVD says how, in three moves we will play one at a time.`,
      formulas: [tex`A = U\,\Sigma\,V^\top`],
      notes: 'Ask the room first: where do the two axes of the ellipse come from? Then play the three moves. Keys: the step controls replay any move.',
    },
    {
      title: 'Move 1: rotate by Vᵀ',
      link: `${A}&step=0`,
      caption: tex`$V^\top$ is orthogonal: it turns the circle onto itself. It lines up the right singular vectors $v_1, v_2$ with the axes.`,
      formulas: [tex`V^\top v_i = e_i`],
      animate: { param: 'step', from: 0, to: 1, seconds: 2.5 },
      notes: 'The circle looks unchanged: only the marked vectors move. That is the point: a rotation changes coordinates, not shape.',
    },
    {
      title: 'Move 2: stretch by Σ',
      link: `${A}&step=1`,
      caption: tex`$\Sigma=\operatorname{diag}(\sigma_1,\sigma_2)$ stretches axis $i$ by $\sigma_i$. Here $\sigma_1=3\sqrt5\approx6.708$ and $\sigma_2=\sqrt5\approx2.236$: an ellipse along the axes.`,
      formulas: [tex`\sigma_1 \ge \sigma_2 \ge 0`],
      animate: { param: 'step', from: 1, to: 2, seconds: 2.5 },
      notes: 'All the non-rotation of A lives here, in two numbers. Their product is |det A| = 15.',
    },
    {
      title: 'Move 3: rotate by U',
      link: `${A}&step=2`,
      caption: tex`$U$ turns the ellipse into place. Its semi-axes are $\sigma_i u_i$: rotate, scale, rotate.`,
      formulas: [tex`A v_i = \sigma_i u_i`, tex`A x = U\,\Sigma\,V^\top x`],
      animate: { param: 'step', from: 2, to: 3, seconds: 2.5 },
      notes: 'det A = 15 > 0, so both U and V can be chosen as rotations (the app flips singular pairs together so that they are).',
    },
    {
      title: 'A mirror cannot be only rotations',
      link: 'm=0.6,0.8;0.8,-0.6&step=0',
      caption: tex`This reflection has $\det A=-1$. Since $\det A=\det U\,\det\Sigma\,\det V$ and $\det\Sigma>0$, exactly one of $U$, $V$ must reflect. Both singular values are $1$: the circle maps to itself.`,
      animate: { param: 'step', from: 0, to: 3, seconds: 4 },
      notes: 'Orientation is the one thing the non-negative Σ cannot carry. The app keeps V a rotation and lets U reflect: the last move squashes through a line and out the other side.',
    },
    {
      title: 'In space: a sphere becomes an ellipsoid',
      link: 'm=2,1,0;0,1.5,0.5;0.5,0,1&step=0',
      caption: tex`The same three moves in $\mathbb R^3$: $V^\top$ turns the sphere, $\Sigma$ stretches three axes by $\sigma_1\ge\sigma_2\ge\sigma_3$, $U$ turns the ellipsoid into place.`,
      animate: { param: 'step', from: 0, to: 3, seconds: 6 },
      notes: 'Singular values of this matrix, computed with numpy: about 2.443, 1.341, 0.992 (det 3.25). Drag to turn the camera after the animation.',
    },
    {
      title: 'A zero singular value flattens',
      link: 'm=1,0,0;0,1,0;0,0,0&step=1',
      caption: tex`This projection has $\sigma=(1,1,0)$. Watch $\Sigma$ crush the third axis: the sphere becomes a disc. The direction that is lost is the null space, the next lesson.`,
      animate: { param: 'step', from: 1, to: 2, seconds: 2.5 },
    },
  ],
};
