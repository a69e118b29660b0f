/**
 * The ui layer's workspace registry: each workspace's label, the line the start page says of it,
 * and its page. `App` and the workspace switch read only this.
 */
import type { ReactNode } from 'react';
import type { WorkspaceId } from '../../ids/workspaces';
import { SvdWorkspacePage } from './SvdWorkspacePage';
import { AttentionWorkspacePage } from './AttentionWorkspacePage';
import { WeightedWorkspacePage } from './WeightedWorkspacePage';
import { TensorWorkspacePage } from './TensorWorkspacePage';

export interface UiWorkspace {
  id: WorkspaceId;
  label: string;
  /** What a person does there, in one sentence (the start page's card). */
  blurb: string;
  /** An example link that opens a real decomposition in one click, with its caption. */
  examples: Array<{ hash: string; label: string }>;
  /** The page; `scene` renders the app's one 3D canvas where the page wants it. */
  Page(props: { scene(describedBy: string): ReactNode }): ReactNode;
}

export const UI_WORKSPACES: Record<WorkspaceId, UiWorkspace> = {
  svd: {
    id: 'svd',
    label: 'Matrix / SVD',
    blurb: 'Type, paste or open a matrix and watch its singular value decomposition rotate, stretch and rotate the unit sphere; truncate it and read what the rank costs.',
    examples: [
      { hash: '#m=1.2,0.4,0.3;0.5,1.6,-0.2;0.1,0.4,0.7&step=1.5', label: 'A 3 × 3 map, halfway through x → Vᵀx → ΣVᵀx' },
      { hash: '#p=embeddings&r=3&view=cloud', label: 'GloVe word vectors as a point cloud, truncated to rank 3' },
      { hash: '#p=random&size=768x768&spectrum=geometric&decay=0.001&seed=42&r=64&view=heatmaps', label: 'A 768 × 768 matrix with a geometric spectrum, rank 64, as heatmaps' },
    ],
    Page: SvdWorkspacePage,
  },
  weighted: {
    id: 'weighted',
    label: 'Weighted low rank',
    blurb: 'Give entries importance weights (paint them, pick a preset, open a Fisher estimate) and watch EM, ALS and gradient descent pull the best rank-k fit away from the SVD subspace.',
    examples: [
      { hash: '#w=weighted&m=3,0;4,5&wl=1,em+als,svd,500,1&wts=block,1,1,2,2,20', label: 'A 2 × 2 matrix whose zero entry (1, 2) weighs 20: the fit tilts 17° off the SVD' },
      { hash: '#w=weighted&p=random&size=96x64&spectrum=geometric&decay=0.05&seed=3&wl=8,em+als+gd,svd,300,1&wts=random-mask,1,0.5', label: 'A 96 × 64 matrix, half its entries missing: three methods race' },
    ],
    Page: WeightedWorkspacePage,
  },
  tensor: {
    id: 'tensor',
    label: 'Tensors',
    blurb: 'Reshape a vector or open a tensor, cut its Tensor-Train ranks bond by bond and watch the chain, the error bound and the compression; compare Tucker and CP, and compress an embedding table row by row.',
    examples: [
      { hash: '#w=tensor&tt=sine,1', label: 'sin(i + j + k) on 8 × 8 × 12: TT ranks (1, 2, 2, 1)' },
      { hash: '#w=tensor&tt=video,1&eps=0.1', label: 'A synthetic video at ε = 0.1, with Tucker and CP beside it' },
      { hash: '#w=tensor&tt=embeddings,1&tmode=rows&shape=4x5x5&ranks=2x2', label: 'GloVe word vectors row by row: do the neighbours survive?' },
    ],
    Page: TensorWorkspacePage,
  },
  attention: {
    id: 'attention',
    label: 'Attention',
    blurb: 'Read one attention head of a query and a key projection as subspaces: the rank of W_Q W_Kᵀ, the principal angles between them, and why only the subspaces matter.',
    examples: [{ hash: '#w=attention&att=96,1,16,1,xw', label: 'A synthetic head: d_model 96, head size 16' }],
    Page: AttentionWorkspacePage,
  },
};

export const UI_WORKSPACE_LIST: UiWorkspace[] = Object.values(UI_WORKSPACES);
