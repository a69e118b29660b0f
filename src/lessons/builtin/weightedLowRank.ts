/** Lesson 4: weighted low rank, where the SVD's subspace is the wrong one, and the methods that search for the right one. */
import type { Lesson } from '../lessonTypes';

const tex = String.raw;
const A = 'w=weighted&m=3,0;4,5';
const BLOCK = 'wts=block,1,1,2,2,20';
const MASKED = 'w=weighted&p=random&size=96x64&spectrum=geometric&decay=0.05&seed=3';

export const weightedLowRank: Lesson = {
  id: 'weighted-low-rank',
  title: 'Weighted low rank: when plain SVD misleads',
  summary: 'Plain SVD treats every entry as equally important; trained weights are not. With importance weights the best rank-k subspace tilts away, and there is no closed form.',
  steps: [
    {
      title: 'Equal weights: the SVD is the answer',
      link: `${A}&wl=1,em+als,svd,300,1&wts=uniform`,
      caption: tex`With every weight equal, the best rank-1 fit is the SVD's $A_1=\begin{pmatrix}1.5&1.5\\4.5&4.5\end{pmatrix}$, at error $\sqrt5$.`,
      formulas: [tex`\min_{\operatorname{rank} B\le k}\ \sum_{ij}W_{ij}\,(A_{ij}-B_{ij})^2`],
      notes: 'Uniform weights give exactly the SVD: both methods should stop at the SVD’s error at once.',
    },
    {
      title: 'One entry matters 20 times more',
      link: `${A}&wl=1,em+als,svd,500,1&${BLOCK}`,
      caption: tex`Entry $(1,2)$ of $A$ is $0$, and the SVD writes $1.5$ there. Weight it $20$: the weighted optimum keeps it near $0$, and its line tilts away from $u_1$.`,
      notes: 'Computed by hand: plain SVD’s weighted error here is 2.25·20 + 2.25 + 0.25 + 0.25 = 47.75; the weighted optimum (found numerically) is about 8.71, nearly row 1 set to zero. The principal angle between the two lines is on the page.',
    },
    {
      title: 'Race EM against ALS',
      link: `${A}&wl=1,em+als,svd,500,1&${BLOCK}`,
      caption: tex`No closed form, so we iterate. EM fills in $Z=W\circ A+(1-W)\circ X_t$ (weights scaled into $[0,1]$) and takes its SVD: the objective never increases. ALS solves small weighted least-squares problems, row by row, then column by column.`,
      formulas: [tex`X_{t+1}=\bigl[\,W\circ A+(1-W)\circ X_t\,\bigr]_k`],
      notes: 'EM is Srebro & Jaakkola (2003). Watch the objective per iteration in the plot: who gets there in fewer iterations, and who in less time?',
    },
    {
      title: 'One weight per row: FWSVD',
      link: `${A}&wl=1,em+als,fwsvd,300,1&wts=rows,1`,
      caption: tex`With one weight per row there is a closed form: scale row $i$ by $\sqrt{w_i}$, truncate the SVD, scale back. FWSVD uses Fisher information summed per row; its weighted error is never above plain SVD's.`,
      formulas: [tex`A_k=D^{-1}(DA)_k,\quad D=\operatorname{diag}(\sqrt{w_i})`],
      notes: 'FWSVD is Hsu et al., ICLR 2022. Its plain (unweighted) error may be larger than the SVD’s: that is the trade it makes on purpose.',
    },
    {
      title: 'Half the entries weighted 0',
      link: `${MASKED}&wl=8,em+als,svd,300,1&wts=random-mask,1,0.5`,
      caption: tex`A $96\times64$ matrix where about half the entries have weight $0$ (missing) and the rest weight $1$. Plain SVD fits the missing ones too; the weighted methods ignore them.`,
    },
    {
      title: 'Different starts, different answers',
      link: `${MASKED}&wl=8,em+als,random,300,7&wts=random-mask,1,0.5`,
      caption: tex`The problem is not convex: from a random start the methods can stop in another local minimum. Change the seed and compare where they end.`,
      notes: 'Starts available: svd, fwsvd, random (seeded), zero. Showing that the start matters is part of the lesson.',
    },
    {
      title: 'When does plain SVD mislead?',
      link: `${A}&wl=1,em+als,svd,500,1&${BLOCK}`,
      caption: tex`The SVD-risk indicator on this page is ours: plain SVD's weighted error against the best weighted fit found, and how uneven the weights are. Hua et al. (EMNLP 2022) propose a predictor of their own; its exact formula is unknown to us.`,
      notes: 'Do not present our indicator as the paper’s metric. A reviewer calls theirs a Fisher-information variance metric; that is all we know of it.',
    },
  ],
};
