/**
 * The colour language, shared by the scene, the plots, the formulas and the legend. Hues come from
 * the Okabe-Ito palette, which stays distinguishable with the common colour-vision deficiencies;
 * every coloured thing also carries a label, so colour is never the only cue.
 */
export const palette = {
  /** V, right singular vectors, the row space: the input side. */
  input: '#0072B2',
  /** U, left singular vectors, the column space: the output side. */
  output: '#D55E00',
  /** Sigma, the scalings. */
  scale: '#009E73',
  /** Null spaces (right and left). */
  nullSpace: '#CC79A7',
  /** Standard basis vectors and axes. */
  basis: '#5b5b66',
  /** The image ellipse/ellipsoid surface. */
  imageFill: '#E69F00',
  text: '#1b1b1f',
  background: '#f7f7fa',
} as const;
