/**
 * The matrix the worker is building (a random matrix with a chosen spectrum, the embeddings): its
 * progress with Cancel while it runs, or why it failed. Shown where that matrix is awaited: the
 * presets panel and the weighted workspace's data panel (a link opened there builds it too).
 */
import { useAppState } from '../state/store';
import { deviceFlopRate } from '../state/selectors';
import { randomMatrixSeconds } from '../state/presets';
import { JobProgress } from './JobProgress';

export function GenerationStatus() {
  const generation = useAppState((s) => s.generation);
  const flopRate = useAppState(deviceFlopRate);
  const cancel = useAppState((s) => s.cancelGeneration);
  if (generation.status === 'error' && generation.failed !== 'paste') {
    return <p className="error-text" role="alert">{generation.error}</p>;
  }
  if (generation.status !== 'running' || generation.request?.kind !== 'random') return null;
  return (
    <JobProgress
      doing="Building the matrix in the worker…"
      progressLabel="Matrix generation progress"
      progress={generation.progress}
      startedAt={generation.startedAt}
      estimate={randomMatrixSeconds(generation.request.params, flopRate)}
      onCancel={cancel}
      testId="generation-running"
    />
  );
}
