/** Lesson 6: an attention head's scores as a low-rank bilinear form, and why only its subspaces matter. */
import type { Lesson } from '../lessonTypes';

const tex = String.raw;
const HEAD = 'w=attention&att=96,1,16,1,xw';

export const attentionSubspaces: Lesson = {
  id: 'attention-low-rank-bilinear',
  title: 'Attention heads as low-rank bilinear forms',
  summary: 'A head scores token pairs with xᵢᵀ W_Q W_Kᵀ xⱼ: a bilinear form of rank at most the head size, unchanged by any change of basis inside the head.',
  steps: [
    {
      title: 'A head scores pairs of tokens',
      link: HEAD,
      caption: tex`A head scores token $j$ for token $i$ by $x_i^\top W_QW_K^\top x_j$: a bilinear form on the model's space, here $\mathbb R^{96}$ with head size $16$ (synthetic, seeded weights).`,
      formulas: [tex`s_{ij}=x_i^\top\,W_Q W_K^\top\,x_j,\qquad W_Q,W_K\in\mathbb R^{d_{\text{model}}\times d_{\text{head}}}`],
    },
    {
      title: 'Rank at most the head size',
      link: HEAD,
      caption: tex`$W_QW_K^\top$ is $96\times96$, but it passes through $16$ dimensions: its rank is at most $16$. The spectrum drops to zero after $16$ values.`,
      formulas: [tex`\operatorname{rank}(W_QW_K^\top)\le d_{\text{head}}`],
    },
    {
      title: 'Smaller head, lower rank',
      link: 'w=attention&att=96,1,8,1,xw',
      caption: tex`Head size $8$: the spectrum stops after $8$ values. A head is a low-rank bilinear form by construction, not by training.`,
    },
    {
      title: 'Change the bases, keep every score',
      link: HEAD,
      caption: tex`For any invertible $M$, the pair $(W_QM,\ W_KM^{-\top})$ gives exactly the same scores. The page tries a random $M$: the query basis moves, no score does.`,
      formulas: [tex`(W_QM)(W_KM^{-\top})^\top=W_Q\,MM^{-1}\,W_K^\top=W_QW_K^\top`],
      notes: 'So the individual columns of W_Q and W_K mean nothing on their own; any compression or interpretation that depends on them is choosing a basis.',
    },
    {
      title: 'Only the subspaces matter',
      link: HEAD,
      caption: tex`What every $M$ leaves alone: the query subspace $\operatorname{col}(W_Q)$ and the key subspace $\operatorname{col}(W_K)$ in $\mathbb R^{d_{\text{model}}}$. Their principal angles compare them without any basis.`,
      formulas: [tex`\operatorname{col}(W_QM)=\operatorname{col}(W_Q)`, tex`\cos\theta_i=\sigma_i(Q_1^\top Q_2)`],
    },
    {
      title: 'Another head, other subspaces',
      link: 'w=attention&att=96,1,16,2,xw',
      caption: tex`Head $2$ of the same layer: a different pair of $16$-dimensional subspaces, and different angles between them.`,
    },
    {
      title: 'At GPT-2 small’s size',
      link: 'w=attention&att=768,1,64,1,xw',
      caption: tex`Width $768$, $12$ heads of $64$: each head's form has rank $\le64$ inside a $768\times768$ matrix. Its two factors hold $2\cdot768\cdot64=98{,}304$ numbers instead of $768^2=589{,}824$, a factor $6$.`,
      notes: 'Synthetic weights at GPT-2’s sizes. For a real head, open GPT-2’s c_attn weights (a fused query-key-value projection) in the attention workspace.',
    },
  ],
};
