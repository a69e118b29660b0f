/** The spectrum and the cumulative energy of the current matrix, with the rank cut marked. */
import { createElement as h } from 'react';
import { useAppState } from '../state/store';
import { effectiveRank, latestSvd } from '../state/selectors';
import { breakEvenRank } from '../core';
import { EnergyPlot, SpectrumPlot } from './plots';

export function PlotsPanel() {
  const result = useAppState(latestSvd);
  const rank = useAppState(effectiveRank);
  if (!result || result.p < 2) return null;
  return (
    <section className="panel plots" aria-label="Plots">
      {h(SpectrumPlot, { values: result.s, rank, breakEvenRank: breakEvenRank(result.rows, result.cols) })}
      {h(EnergyPlot, { values: result.s, rank, totalSquared: result.complete ? undefined : result.frobeniusSquared })}
    </section>
  );
}
