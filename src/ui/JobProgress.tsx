/**
 * A long worker job while it runs: its stage and progress, the time since it started, an estimate
 * of the rest (from the estimate on this device, or from the progress once past it), and Cancel.
 * The SVD and the building of a random matrix show it the same way.
 */
import { useEffect, useState } from 'react';
import { formatSeconds } from '../state/svdSlice';

/** The current time, updated twice a second while `active`. */
function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

export interface JobProgressProps {
  /** What is happening, e.g. "Computing the SVD…". */
  doing: string;
  /** What the progress bar measures, for assistive technology. */
  progressLabel: string;
  progress: { fraction: number; stage: string } | null;
  startedAt: number | null;
  /** The estimate on this device, in seconds. */
  estimate: number;
  onCancel(): void;
  testId: string;
}

export function JobProgress({ doing, progressLabel, progress, startedAt, estimate, onCancel, testId }: JobProgressProps) {
  const now = useNow(true);
  const stage = progress && progress.fraction > 0 && progress.fraction < 1 ? progress : null;
  const elapsed = startedAt === null ? null : Math.max(0, (now - startedAt) / 1000);
  let left: string | null = null;
  if (elapsed !== null) {
    const byProgress = stage && stage.fraction >= 0.1 ? (elapsed * (1 - stage.fraction)) / stage.fraction : null;
    const rest = estimate - elapsed > 0 ? estimate - elapsed : byProgress;
    left = rest === null ? 'taking longer than estimated' : `about ${formatSeconds(rest)} left`;
  }
  return (
    <div className="hint" data-testid={testId}>
      <p style={{ margin: 0 }}>
        <span aria-live="polite">{doing}</span>
        {stage && (
          <>
            {' '}
            {stage.stage}, <progress max={1} value={stage.fraction} aria-label={progressLabel} /> {Math.round(100 * stage.fraction)} %
          </>
        )}
      </p>
      <p style={{ margin: '0.3rem 0 0', display: 'flex', gap: '0.6rem', alignItems: 'center', flexWrap: 'wrap' }}>
        <span data-testid={`${testId}-elapsed`}>
          {elapsed === null ? 'Waiting for the worker.' : `${formatSeconds(elapsed)} elapsed, ${left} (estimated ${formatSeconds(estimate)} on this device).`}
        </span>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </p>
    </div>
  );
}
