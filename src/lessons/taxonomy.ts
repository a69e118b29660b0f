/**
 * The subspace taxonomy map as data: geometric concepts, the decompositions built on them, and what
 * each compresses in a language model, with the edges between them. Every node opens a live example
 * (a human-form link fragment, checked by taxonomy.test.ts) and carries the provenance of its claims:
 * a standard reading, a paper's abstract quoted with the number exactly as ../shared/math.md gives
 * it, or what is unknown to us. Nothing is attributed to a paper beyond its abstract.
 */

export type TaxonomyColumn = 'concept' | 'decomposition' | 'compresses';

export type Provenance =
  | { kind: 'standard' }
  | { kind: 'abstract'; paper: string; quote: string }
  | { kind: 'unknown'; what: string };

export interface TaxonomyNode {
  id: string;
  column: TaxonomyColumn;
  title: string;
  /** One line, read geometrically; inline TeX between $…$. */
  reading: string;
  /** Display TeX: for a decomposition, its parameter count; for a concept, its defining identity. */
  formula: string;
  /** What the formula is, for screen readers and the card ("parameters", "definition"). */
  formulaLabel: string;
  /** Worked numbers (inline TeX), optional. */
  detail?: string;
  /** A human-form link fragment (no '#') that opens a live example in its workspace. */
  example: string;
  exampleLabel: string;
  /** One entry per claim: a node can be standard and still depend on a paper's unknown detail. */
  provenance: readonly Provenance[];
}

/** `from` builds on `to` (a decomposition on a concept or another decomposition), or `from` compresses `to`. */
export interface TaxonomyEdge {
  from: string;
  to: string;
  kind: 'builds-on' | 'compresses';
}

export const TAXONOMY_COLUMNS: readonly { id: TaxonomyColumn; heading: string; line: string }[] = [
  { id: 'concept', heading: 'Geometric concepts', line: 'What every decomposition is made of.' },
  { id: 'decomposition', heading: 'Decompositions', line: 'Each one a geometric transformation, with what it stores.' },
  { id: 'compresses', heading: 'What it compresses in a language model', line: 'Where the parameters are.' },
];

/** The provenance line of a claim, as the card prints it. */
export function provenanceText(p: Provenance): string {
  if (p.kind === 'standard') return 'Standard reading';
  if (p.kind === 'abstract') return `Abstract of ${p.paper}: “${p.quote}”`;
  return `Unknown to us: ${p.what}`;
}

const TENSORGPT = 'TensorGPT (Xu, Xu, Mandic, 2023)';

/** The framing of the whole map, said once above it. */
export const TAXONOMY_SOURCE: Provenance = {
  kind: 'unknown',
  what: 'the tables and gap list of the unified subspace taxonomy paper (Xu, Sharmin, Mandic, 2024): we have its abstract only, so this map and its placements are ours',
};

const standard: Provenance = { kind: 'standard' };

export const TAXONOMY_NODES: readonly TaxonomyNode[] = [
  {
    id: 'subspace', column: 'concept', title: 'Subspace',
    reading: 'A flat through the origin, spanned by a few directions: every decomposition here is a choice of subspaces.',
    formula: String.raw`\mathcal S=\operatorname{span}(q_1,\dots,q_k),\ \ \dim\mathcal S=k`, formulaLabel: 'definition',
    example: 'm=1,2,3;4,5,6;7,8,9&sub=1', exampleLabel: 'the four subspaces of a rank-2 matrix',
    provenance: [standard],
  },
  {
    id: 'projection', column: 'concept', title: 'Orthogonal projection',
    reading: 'Keeps the part of a vector inside a subspace and drops the rest; truncating a decomposition is exactly this.',
    formula: String.raw`P=QQ^\top,\quad P^2=P=P^\top`, formulaLabel: 'definition',
    example: 'm=1,0,0;0,1,0;0,0,0&sub=1', exampleLabel: 'projection of space onto a plane',
    provenance: [standard],
  },
  {
    id: 'rotation', column: 'concept', title: 'Rotation / reflection',
    reading: 'An orthogonal map keeps lengths and angles: $\\det Q=+1$ turns, $\\det Q=-1$ mirrors.',
    formula: String.raw`Q^\top Q=I,\quad \det Q=\pm1`, formulaLabel: 'definition',
    example: 'm=0.6,-0.8;0.8,0.6&step=0', exampleLabel: 'a rotation: the circle maps to itself',
    provenance: [standard],
  },
  {
    id: 'scaling', column: 'concept', title: 'Scaling',
    reading: 'Stretches each axis by its own factor; a zero factor drops a dimension.',
    formula: String.raw`\Sigma=\operatorname{diag}(\sigma_1,\dots,\sigma_p),\quad \sigma_i\ge0`, formulaLabel: 'definition',
    example: 'm=3,0;4,5&step=2', exampleLabel: 'ΣVᵀx: the circle stretched along the axes',
    provenance: [standard],
  },
  {
    id: 'change-of-basis', column: 'concept', title: 'Change of basis',
    reading: 'The same vector in other coordinates: the factors of Tucker and TT, and any invertible $M$ between $W_Q$ and $W_K$.',
    formula: String.raw`x=Bc\ \Longleftrightarrow\ c=B^{-1}x`, formulaLabel: 'definition',
    example: 'm=3,0;4,5&step=1', exampleLabel: 'Vᵀx: coordinates in the right singular basis',
    provenance: [standard],
  },
  {
    id: 'principal-angles', column: 'concept', title: 'Principal angles',
    reading: 'How far apart two subspaces are, whatever bases describe them.',
    formula: String.raw`\cos\theta_i=\sigma_i\!\left(Q_1^\top Q_2\right)`, formulaLabel: 'definition',
    example: 'p=random&size=200x120&spectrum=geometric&decay=0.001&seed=42&r=8&cmp=row,0.1,1', exampleLabel: 'the top-8 row space of A against A plus 10 % noise',
    provenance: [standard],
  },
  {
    id: 'svd', column: 'decomposition', title: 'SVD',
    reading: 'Rotate ($V^\\top$), scale ($\\Sigma$), rotate ($U$): the unit sphere becomes an ellipsoid with semi-axes $\\sigma_iu_i$.',
    formula: String.raw`p(m+n)+p,\quad p=\min(m,n)`, formulaLabel: 'numbers stored by the thin SVD (no saving by itself)',
    example: 'm=3,0;4,5&step=0', exampleLabel: 'the three moves on a 2 × 2 matrix',
    provenance: [standard],
  },
  {
    id: 'truncated-svd', column: 'decomposition', title: 'Truncated SVD',
    reading: 'Project onto the top $k$ singular directions, $A_k=U_kU_k^\\top A$; nothing of rank $\\le k$ is closer (Eckart–Young).',
    formula: String.raw`k(m+n)\ (+k),\qquad \mathrm{CF}=\frac{mn}{k(m+n)}`, formulaLabel: 'parameters of an m × n matrix at rank k, and the compression factor',
    detail: 'Error: $\\|A-A_k\\|_F^2=\\sum_{i>k}\\sigma_i^2$, $\\|A-A_k\\|_2=\\sigma_{k+1}$.',
    example: 'p=embeddings&view=heatmaps&r=8', exampleLabel: '3,000 GloVe vectors at rank 8',
    provenance: [standard],
  },
  {
    id: 'weighted', column: 'decomposition', title: 'Weighted low rank / FWSVD',
    reading: 'The best rank-$k$ fit when entries matter unequally: the subspace tilts away from the SVD’s. One weight per row (FWSVD) has a closed form.',
    formula: String.raw`k(m+n),\quad \min\ \textstyle\sum_{ij}W_{ij}\bigl(A-XY^\top\bigr)_{ij}^2`, formulaLabel: 'parameters (as for the SVD: the weights move the subspace, not the size) and the objective',
    detail: 'FWSVD: $A_k=D^{-1}(DA)_k$, $D=\\operatorname{diag}(\\sqrt{w_i})$.',
    example: 'w=weighted&m=3,0;4,5&wl=1,em+als,svd,500,1&wts=block,1,1,2,2,20', exampleLabel: 'one entry weighted 20: EM and ALS race',
    provenance: [standard, { kind: 'unknown', what: 'the exact formula of the predictor of SVD failure in Hua et al. (EMNLP 2022); the app’s SVD-risk indicator is our own' }],
  },
  {
    id: 'tucker', column: 'decomposition', title: 'Tucker / HOSVD',
    reading: 'A change of basis in every mode (an orthonormal factor each) around a small core.',
    formula: String.raw`\prod_n r_n+\sum_n n_n r_n`, formulaLabel: 'parameters of a tensor of shape (n₁, …, n_d) at multilinear ranks (r₁, …, r_d)',
    example: 'w=tensor&tt=hyperspectral,1&show=tucker', exampleLabel: 'a synthetic hyperspectral cube in Tucker form',
    provenance: [standard],
  },
  {
    id: 'cp', column: 'decomposition', title: 'CP',
    reading: 'A sum of $R$ rank-1 tensors: one direction per mode in each term, not orthogonal.',
    formula: String.raw`R\sum_k n_k`, formulaLabel: 'parameters at CP rank R',
    example: 'w=tensor&tt=sine,1&show=cp&cp=3', exampleLabel: 'sin(i + j + k) as a sum of 3 rank-1 terms',
    provenance: [standard],
  },
  {
    id: 'tensor-train', column: 'decomposition', title: 'Tensor-Train / MPS',
    reading: 'A chain of 3-way cores $(r_{k-1},n_k,r_k)$; each bond is a subspace of an unfolding.',
    formula: String.raw`\sum_k r_{k-1}\,n_k\,r_k,\quad r_0=r_d=1`, formulaLabel: 'parameters at TT ranks r',
    detail: '$\\sin(i+j+k)$ on $8\\times8\\times12$: ranks $(1,2,2,1)$, $72$ numbers for $768$.',
    example: 'w=tensor&tt=sine,1', exampleLabel: 'sin(i + j + k) as a tensor train',
    provenance: [standard],
  },
  {
    id: 'attention-form', column: 'decomposition', title: 'Attention as a low-rank bilinear form',
    reading: 'Scores $x_i^\\top W_QW_K^\\top x_j$ have rank $\\le d_{\\text{head}}$, and $(W_QM,W_KM^{-\\top})$ gives the same scores: only the subspaces matter.',
    formula: String.raw`2\,d_{\text{model}}\,d_{\text{head}}\ \text{ instead of }\ d_{\text{model}}^2`, formulaLabel: 'parameters of one head’s query–key form',
    example: 'w=attention&att=96,1,16,1,xw', exampleLabel: 'a synthetic head: spectrum, angles, invariance',
    provenance: [standard],
  },
  {
    id: 'weight-matrices', column: 'compresses', title: 'Weight matrices',
    reading: 'Projections and MLP layers, $m\\times n$ each: a rank-$r$ factorization stores $r(m+n)$ numbers.',
    formula: String.raw`\mathrm{CF}=\frac{mn}{r(m+n)},\quad r_{\text{even}}=\frac{mn}{m+n}`, formulaLabel: 'compression factor and break-even rank',
    detail: '$768\\times768$ at $r=64$: CF $6.0$ (break-even $384$); $768\\times3072$ at $r=64$: CF $9.6$.',
    example: 'p=random&size=768x768&spectrum=geometric&decay=0.001&seed=42&r=64', exampleLabel: 'a 768 × 768 matrix at rank 64',
    provenance: [standard],
  },
  {
    id: 'attention-heads', column: 'compresses', title: 'Attention heads',
    reading: 'Each head’s query–key form is a matrix of rank $\\le d_{\\text{head}}$ in model space: GPT-2 small has heads of $64$ in width $768$.',
    formula: String.raw`2\cdot768\cdot64=98{,}304\ \text{ instead of }\ 768^2=589{,}824`, formulaLabel: 'numbers of one GPT-2 small head’s W_Q and W_K against its form',
    example: 'w=attention&att=768,1,64,1,xw', exampleLabel: 'a synthetic head at GPT-2 small’s sizes',
    provenance: [standard],
  },
  {
    id: 'embedding-tables', column: 'compresses', title: 'Embedding tables',
    reading: 'One row per token: TensorGPT reshapes each row into a small tensor and stores it as a tensor train.',
    formula: String.raw`V d\ \to\ V\sum_k r_{k-1}n_kr_k`, formulaLabel: 'numbers of a V × d table, row by row in TT form',
    detail: 'GPT-2 small: $50{,}257\\times768=38{,}597{,}376$, $31.02\\%$ of its parameters; rows as $8\\times8\\times12$ at ranks $(1,4,4,1)$: $208$ each, CF $3.6923$ (computed).',
    example: 'w=tensor&tt=embeddings,1&tmode=rows&shape=4x5x5&ranks=2x2', exampleLabel: 'every GloVe row as a tensor train',
    provenance: [
      { kind: 'abstract', paper: TENSORGPT, quote: 'up to 38.40x compression of the embedding layer, and at 3.31x the compressed model beat the original GPT-2' },
      { kind: 'abstract', paper: `${TENSORGPT}, a later version`, quote: '39.38x-65.64x and about 2.0x with comparable performance' },
      { kind: 'unknown', what: 'TensorGPT’s exact reshapes, ranks and result tables' },
    ],
  },
];

export const TAXONOMY_EDGES: readonly TaxonomyEdge[] = [
  { from: 'svd', to: 'rotation', kind: 'builds-on' },
  { from: 'svd', to: 'scaling', kind: 'builds-on' },
  { from: 'svd', to: 'subspace', kind: 'builds-on' },
  { from: 'truncated-svd', to: 'svd', kind: 'builds-on' },
  { from: 'truncated-svd', to: 'projection', kind: 'builds-on' },
  { from: 'weighted', to: 'truncated-svd', kind: 'builds-on' },
  { from: 'weighted', to: 'principal-angles', kind: 'builds-on' },
  { from: 'tucker', to: 'change-of-basis', kind: 'builds-on' },
  { from: 'tucker', to: 'subspace', kind: 'builds-on' },
  { from: 'cp', to: 'scaling', kind: 'builds-on' },
  { from: 'tensor-train', to: 'truncated-svd', kind: 'builds-on' },
  { from: 'tensor-train', to: 'subspace', kind: 'builds-on' },
  { from: 'tensor-train', to: 'change-of-basis', kind: 'builds-on' },
  { from: 'attention-form', to: 'subspace', kind: 'builds-on' },
  { from: 'attention-form', to: 'change-of-basis', kind: 'builds-on' },
  { from: 'attention-form', to: 'principal-angles', kind: 'builds-on' },
  { from: 'truncated-svd', to: 'weight-matrices', kind: 'compresses' },
  { from: 'truncated-svd', to: 'embedding-tables', kind: 'compresses' },
  { from: 'weighted', to: 'weight-matrices', kind: 'compresses' },
  { from: 'tucker', to: 'weight-matrices', kind: 'compresses' },
  { from: 'cp', to: 'weight-matrices', kind: 'compresses' },
  { from: 'tensor-train', to: 'embedding-tables', kind: 'compresses' },
  { from: 'attention-form', to: 'attention-heads', kind: 'compresses' },
];

export interface NodeRelations {
  buildsOn: TaxonomyNode[];
  usedBy: TaxonomyNode[];
  compresses: TaxonomyNode[];
  compressedBy: TaxonomyNode[];
}

const byId = new Map(TAXONOMY_NODES.map((node) => [node.id, node]));

export function taxonomyNode(id: string): TaxonomyNode | undefined {
  return byId.get(id);
}

/** The node's neighbours, by the kind and direction of the edge. */
export function nodeRelations(id: string, edges: readonly TaxonomyEdge[] = TAXONOMY_EDGES): NodeRelations {
  const pick = (list: readonly TaxonomyEdge[], end: 'from' | 'to') => list.map((e) => byId.get(e[end])).filter((n): n is TaxonomyNode => n !== undefined);
  const of = (kind: TaxonomyEdge['kind']) => edges.filter((e) => e.kind === kind);
  return {
    buildsOn: pick(of('builds-on').filter((e) => e.from === id), 'to'),
    usedBy: pick(of('builds-on').filter((e) => e.to === id), 'from'),
    compresses: pick(of('compresses').filter((e) => e.from === id), 'to'),
    compressedBy: pick(of('compresses').filter((e) => e.to === id), 'from'),
  };
}

/** Every node one edge away, in either direction. */
export function neighbourIds(id: string, edges: readonly TaxonomyEdge[] = TAXONOMY_EDGES): Set<string> {
  const out = new Set<string>();
  for (const e of edges) {
    if (e.from === id) out.add(e.to);
    if (e.to === id) out.add(e.from);
  }
  return out;
}
