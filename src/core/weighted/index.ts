/**
 * Weighted low-rank approximation: min sum_ij W_ij (A_ij - (X Y^T)_ij)^2 by EM, alternating least
 * squares or gradient descent (a stepper for races, or a run to the end), FWSVD's closed form for
 * row or column weights, activation-aware SVD, weight presets and our SVD-risk indicator.
 */
export type {
  WeightedMethod, WeightedInit, WeightedIteration, WeightedOptions, WeightedStop, WeightedResult, WeightedSolver,
  FactoredApproximation,
} from './types';
export { createWeightedSolver, weightedLowRank } from './solver';
export { weightedObjective } from './objective';
export { fwsvd, fwsvdColumns, rowWeightsOf } from './fwsvd';
export { weightPreset, fisherWeights, type WeightPreset, type WeightPresetOptions } from './presets';
export { activationAwareSvd, activationDataError, gramOf, type ActivationAwareResult } from './activationAware';
export { svdRisk, svdRiskThresholds, type SvdRisk } from './risk';
export { weightedIterationFlops, WEIGHTED_RATE_FRACTION, type WeightedMethodName } from './cost';
