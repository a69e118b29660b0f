/**
 * The weighted workspace's heatmaps: A, the approximation of a chosen method (plain SVD, FWSVD or a
 * raced method) and A minus it on one colour scale, drawn by the SVD workspace's heatmap code from
 * the method's low-rank view, with that approximation's singular values beside: next to plain
 * SVD's, a weighted fit's residual shows where the weights pulled it.
 */
import { createElement as h, useState } from 'react';
import { useAppState } from '../../state/store';
import { weightedRank, type RaceStatus } from '../../state/weightedSlice';
import { weightedLowRankView, type WeightedApproximation } from '../../state/weightedViews';
import { RadioGroup } from '../RadioGroup';
import { PooledTriptych } from '../PooledTriptych';
import { SpectrumPlot } from '../plots';
import { METHOD_LABELS } from './RacePanel';

const LABELS: Record<WeightedApproximation, string> = { svd: 'Plain SVD', fwsvd: 'FWSVD', ...METHOD_LABELS };

/** Why the race has no final result yet, after "appear when the race has finished". */
const RACE_STATE: Partial<Record<RaceStatus, string>> = {
  paused: '; it is paused',
  cancelled: '; it was cancelled (Run again starts it anew)',
  declined: '; it waits for your choice (see the race estimate)',
  error: '; it stopped on an error (see the method race)',
};

/** What stands in for the heatmaps until the chosen approximation has a view. */
function waitingText(which: WeightedApproximation, raceStatus: RaceStatus): string {
  if (which === 'svd') return 'The SVD of this matrix is being computed.';
  return `The heatmaps of ${LABELS[which]} appear when the race has finished${RACE_STATE[raceStatus] ?? ''}.`;
}

export function WeightedHeatmaps() {
  const methods = useAppState((s) => s.weighted.settings.methods);
  const rank = useAppState(weightedRank);
  const raceStatus = useAppState((s) => s.weighted.status);
  // Null: the first raced method, the one the race is about (plain SVD when none races).
  const [chosen, setChosen] = useState<WeightedApproximation | null>(null);
  const options: WeightedApproximation[] = ['svd', 'fwsvd', ...methods];
  const which = chosen !== null && options.includes(chosen) ? chosen : (methods[0] ?? 'svd');
  const view = useAppState((s) => weightedLowRankView(s, which));
  const label = LABELS[which];
  const shownRank = view ? Math.min(view.p, rank) : rank;
  return (
    <section className="panel weighted-heatmaps" aria-labelledby="weighted-heatmaps-heading">
      <div className="panel-heading">
        <h2 id="weighted-heatmaps-heading">Heatmaps</h2>
      </div>
      <RadioGroup<WeightedApproximation>
        label="Approximation shown"
        options={options.map((value) => ({ value, label: LABELS[value] }))}
        value={which}
        onChange={setChosen}
      />
      {view ? (
        <>
          <figure className="weighted-heatmap-figure" data-testid="weighted-heatmaps" data-method={which} data-rank={shownRank}>
            <PooledTriptych view={view} rank={rank} />
            <figcaption className="hint">
              {label} at rank {shownRank}: A, its rank-{shownRank} approximation A<sub>k</sub> and A − A<sub>k</sub>, on one colour scale.
            </figcaption>
          </figure>
          {h(SpectrumPlot, { values: view.s, rank: shownRank, title: spectrumTitle(which, shownRank), width: 560, height: 260 })}
        </>
      ) : (
        <p className="hint" data-testid="weighted-heatmaps-waiting">{waitingText(which, raceStatus)}</p>
      )}
    </section>
  );
}

/** Plain SVD's view holds all of A's singular values; the others hold their approximation's k. */
function spectrumTitle(which: WeightedApproximation, k: number): string {
  return which === 'svd' ? `Singular values of A, cut at k = ${k} (plain SVD)` : `Singular values of the ${LABELS[which]} approximation (rank ${k})`;
}
