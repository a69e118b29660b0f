/** The central heatmap view: A, A_k and A - A_k side by side on one colour scale. */
import { useEffect, useState } from 'react';
import { useAppState } from '../state/store';
import { effectiveRank, latestSvd } from '../state/selectors';
import { PooledTriptych } from './PooledTriptych';

/** How long the heatmaps may show the previous matrix before a note says so. */
const OUTDATED_NOTE_DELAY_MS = 400;

export function HeatmapView() {
  const result = useAppState(latestSvd);
  const rank = useAppState(effectiveRank);
  // A and A_k both come with the SVD, so while a newer matrix is computed (or failed) they show the
  // previous one: say so rather than let it pass for the current matrix.
  const outdated = useAppState((s) => s.svd.result !== null && s.svd.revision !== s.revision);
  const failed = useAppState((s) => s.svd.status === 'error');
  // The SVD of the current matrix was not started (over the budget) or was cancelled: it waits for the person.
  const waiting = useAppState((s) => s.svd.status === 'declined' || s.svd.status === 'cancelled');
  // Only for a computation that takes a while: typing into a small matrix must not flicker it.
  const [waitedLong, setWaitedLong] = useState(false);
  useEffect(() => {
    setWaitedLong(false);
    if (!outdated) return;
    const timer = setTimeout(() => setWaitedLong(true), OUTDATED_NOTE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [outdated, result]);
  if (!result) return <p className="scene-message">The SVD is being computed.</p>;
  return (
    <div className="heatmap-view">
      <PooledTriptych view={result} rank={rank} />
      {outdated && (failed || waiting || waitedLong) && (
        <p className="hint" data-testid="heatmaps-outdated">
          {failed
            ? 'These heatmaps show the previous matrix: the SVD of the current one failed (see the message beside).'
            : waiting
              ? "These heatmaps show the previous matrix: the current one's SVD waits for your choice (see the Spectrum panel)."
              : 'These heatmaps show the previous matrix until the SVD of the current one is ready.'}
        </p>
      )}
    </div>
  );
}
