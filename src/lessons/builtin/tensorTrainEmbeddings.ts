/**
 * Lesson 5: an embedding row as a Tensor-Train (matrix product state), and what compressing every
 * row this way buys. TensorGPT's numbers are its abstract's, exactly as ../shared/math.md gives
 * them; its reshapes and ranks are unknown to us, and the lesson says so.
 */
import type { Lesson } from '../lessonTypes';

const tex = String.raw;
const ROW = 'w=tensor&tt=embeddings,1&row=1&shape=4x5x5';
// One row of the table as a tensor: the chain of its cores is what the scene draws.
const GPT2 = 'w=tensor&tt=gaussian-table,1&row=1';

export const tensorTrainEmbeddings: Lesson = {
  id: 'tensor-train-embeddings',
  title: 'Tensor-Train: an embedding row as a chain of cores',
  summary: 'Fold a word vector into a small tensor, store it as a chain of 3-way cores, and count what compressing a whole embedding table this way saves.',
  steps: [
    {
      title: 'A word vector, folded into a tensor',
      link: ROW,
      caption: tex`Row 1 of the GloVe table (the word "the", $100$ numbers) read as a $4\times5\times5$ tensor. Nothing is lost yet: only the indexing changed.`,
      formulas: [tex`x_{25(i_1-1)+5(i_2-1)+i_3}=\mathcal X(i_1,i_2,i_3)`],
      notes: 'C order: the last index runs fastest. 100 = 4·5·5 is one choice among several; the reshape is a real modelling decision.',
    },
    {
      title: 'A chain of cores',
      link: ROW,
      caption: tex`TT-SVD splits the tensor into cores $G_k$ of shape $(r_{k-1},n_k,r_k)$, with $r_0=r_d=1$. One entry is a product of small matrices, one per index: a matrix product state.`,
      formulas: [tex`\mathcal X(i_1,\dots,i_d)=G_1[i_1]\,G_2[i_2]\cdots G_d[i_d]`],
      notes: 'Untruncated, the ranks can reach (1, 4, 5, 1): 16 + 100 + 25 = 141 numbers for 100. A chain only pays once bonds are cut.',
    },
    {
      title: 'Cut the bonds',
      link: `${ROW}&ranks=2x2`,
      caption: tex`Each bond is the subspace of an unfolding, and capping $r_k$ is a truncated SVD of that unfolding. Ranks $(1,2,2,1)$: $8+20+10=38$ numbers instead of $100$.`,
      formulas: [tex`\#\text{params}=\sum_{k=1}^{d} r_{k-1}\,n_k\,r_k`],
    },
    {
      title: 'Every row on its own',
      link: 'w=tensor&tt=embeddings,1&tmode=rows&shape=4x5x5&ranks=2x2',
      caption: tex`TensorGPT's idea: compress the table token by token. All 3,000 rows at $38$ numbers each, a factor $100/38\approx2.63$. The page reports the error, and which neighbours of a word survive.`,
    },
    {
      title: 'At GPT-2’s size',
      link: `${GPT2}&shape=4x8x4x6&ranks=4x4x4`,
      caption: tex`GPT-2 small stores $768$ numbers per token. As $4\times8\times4\times6$ with every rank capped at $4$: $16+128+64+24=232$ numbers, a factor $3.31$. Capped at $2$: $68$ numbers, $11.29$.`,
      formulas: [tex`\mathrm{CF}=\frac{768}{\sum_k r_{k-1}n_kr_k}`],
      notes: 'This table is a seeded Gaussian stand-in of GPT-2’s size (50257 × 768), not GPT-2’s weights: it has no structure, so its error is a worst case; the counts are what matter here. The scene shows token 1’s chain; in the workspace, “Every row” then “Compress all 50,257 rows” does the whole table.',
    },
    {
      title: 'What TensorGPT’s abstract reports',
      link: `${GPT2}&shape=2x4x4x4x6&ranks=1`,
      caption: tex`The abstract of TensorGPT (Xu, Xu, Mandic, 2023): up to $38.40\times$ compression of the embedding layer, and at $3.31\times$ the compressed model beat the original GPT-2. Its exact reshapes, ranks and result tables are unknown to us.`,
      notes: 'Our consistency check, not the paper’s configuration: 3.31 matches (4, 8, 4, 6) capped at 4 (232 numbers); 38.40 = 768/20 fits rank-1 chains of five factors summing to 20, such as this (2, 4, 4, 4, 6). A later version of the paper reports 39.38x-65.64x and about 2.0x with comparable performance (also from its abstract).',
    },
    {
      title: 'What it saves in the whole model',
      link: `${GPT2}&shape=8x8x12&ranks=4x4`,
      caption: tex`The embedding table is $38{,}597{,}376$ numbers, $31.02\%$ of GPT-2 small's $124{,}439{,}808$. At $8\times8\times12$ with ranks $(1,4,4,1)$ a token takes $208$ numbers: $28{,}143{,}920$ saved, $22.62\%$ of the model.`,
      formulas: [tex`32+128+48=208,\quad 768/208\approx3.6923`],
      notes: 'These counts are computed (math.md), not the paper’s. GPT-2 ties its input embedding and its output head, so compressing the table changes both.',
    },
  ],
};
