/**
 * Runs the weighted low-rank race while its workspace is open: a new race whenever the matrix or
 * the settings change (a brush stroke, a preset, the rank), streamed into the slice as it runs.
 * Pause cancels the job (the worker keeps the solvers), Resume runs it again with `resume`, Cancel
 * stops it for good; leaving the workspace pauses it and coming back resumes it.
 */
import { JobCancelledError, type ComputeClient, type JobHandle } from '../worker/client';
import type { MethodStanding, WeightedJobInput, WeightedJobOutput, WeightedPartial } from '../worker/weightedJob';
import { WEIGHTED_MAX_ENTRIES } from '../worker/weightedJob';
import type { AppState, AppStore } from './store';
import { fileStem, startExportJob, type SaveFile } from './exportEffect';
import { missingEntriesRef } from './linkedFiles';
import { deviceFlopRate } from './selectors';
import { EXACT_SVD_TIME_BUDGET_SECONDS } from './svdSlice';
import { exactSvdCost, weightedIterationFlops, WEIGHTED_RATE_FRACTION } from '../core';
import { weightedRank, type MethodCurve, type RaceOffer } from './weightedSlice';

/** Waits this long after the last change: a brush drag or a slider is one race, not forty. */
const SETTLE_MS = 60;

function curveOf(s: MethodStanding): MethodCurve {
  return { method: s.method, objectives: Array.from(s.objectives), plainErrors: Array.from(s.plainErrors), stopped: s.stopped, angles: s.angles, approximation: s.approximation, basis: s.basis };
}

/**
 * What the race of the current settings costs here: every method's iteration cap at its flops per
 * iteration (core/weighted/cost.ts), plus the plain SVD and FWSVD it starts with, over the
 * device's rate. Null when it fits the time budget (the exact SVD's, 20 s).
 */
export function raceOffer(state: AppState): RaceOffer | null {
  const { rows: m, cols: n } = state.matrix;
  const { settings } = state.weighted;
  const k = weightedRank(state);
  const rate = deviceFlopRate(state) * WEIGHTED_RATE_FRACTION;
  const perIteration = settings.methods.map((method) => ({ method, seconds: weightedIterationFlops(method, m, n, k) / rate }));
  const baseline = 2 * exactSvdCost(m, n, deviceFlopRate(state)).seconds;
  const iterating = perIteration.reduce((sum, p) => sum + p.seconds, 0);
  const seconds = baseline + settings.maxIter * iterating;
  if (seconds <= EXACT_SVD_TIME_BUDGET_SECONDS || iterating === 0) return null;
  const slowest = perIteration.reduce((a, b) => (b.seconds > a.seconds ? b : a));
  const fitIterations = Math.max(1, Math.floor((EXACT_SVD_TIME_BUDGET_SECONDS - baseline) / iterating));
  return { seconds, slowest, fitIterations: Math.min(fitIterations, settings.maxIter) };
}

/** The job input for the current state, or a sentence saying what is missing. */
export function weightedJobInput(state: AppState, raceId: number, resume: boolean): WeightedJobInput | string {
  const { matrix } = state;
  const { settings } = state.weighted;
  if (matrix.rows * matrix.cols > WEIGHTED_MAX_ENTRIES) {
    return `A is ${matrix.rows} × ${matrix.cols}; the weighted methods take matrices of up to 2048 × 2048 here. Choose a smaller matrix or a slice of it in the matrix workspace.`;
  }
  const w = settings.weights;
  if ((w.source === 'file' || w.source === 'fisher') && !w.file) {
    return w.source === 'file' ? 'Choose the array of weights from an opened file.' : 'Choose the matrix whose squares give the importance (for example mean squared gradients) from an opened file.';
  }
  // The mask of the missing entries comes from A's own file, read again with its NaN kept.
  const missing = w.source === 'missing' ? missingEntriesRef(state) : null;
  if (w.source === 'missing' && !missing) {
    return 'A has no missing entries here: open an array with NaN entries and choose "Open it with the missing entries as 0" (the file must still be open).';
  }
  if (settings.methods.length === 0) return 'Choose at least one method to run.';
  return {
    a: { rows: matrix.rows, cols: matrix.cols, data: matrix.data },
    weights: { source: w.source, seed: w.seed, density: w.density, block: w.block ?? undefined, perRow: w.perRow, file: missing ?? w.file ?? undefined },
    paint: settings.paint,
    rank: weightedRank(state),
    methods: settings.methods,
    init: settings.init,
    maxIter: settings.maxIter,
    seed: settings.seed,
    inputs: settings.inputs ?? undefined,
    raceId: String(raceId),
    resume,
  };
}

export function startWeightedEffect(store: AppStore, client: ComputeClient, save?: SaveFile): () => void {
  let handle: JobHandle<WeightedJobOutput> | null = null;
  let seen: { matrix: unknown; settings: unknown; files: unknown } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pausedByLeaving = false;
  const set = (patch: Parameters<AppState['setWeightedState']>[0]) => store.getState().setWeightedState(patch);

  function stopJob(): void {
    handle?.cancel();
    handle = null;
  }

  function run(raceId: number, resume: boolean): void {
    stopJob();
    const state = store.getState();
    // A race over the budget waits for the person: fewer iterations, or all of them anyway.
    const confirmed = state.weighted.confirmed;
    const anyway = confirmed !== null && confirmed.matrix === state.matrix && confirmed.settings === state.weighted.settings;
    const offer = resume || anyway ? null : raceOffer(state);
    if (offer) {
      set({ status: 'declined', raceId, offer, progress: null, error: null });
      return;
    }
    const input = weightedJobInput(state, raceId, resume);
    if (typeof input === 'string') {
      set({ status: 'error', error: input, progress: null });
      return;
    }
    const latest = () => store.getState().weighted.raceId === raceId;
    const job = client.run('weightedRace', input, {
      slot: 'weighted',
      // Weights or inputs of files live in the worker: a restart would close them.
      interruptible: !input.weights.file && !input.inputs,
      onProgress: (fraction) => latest() && set({ progress: fraction }),
      onPartial: (partial: WeightedPartial) => {
        if (!latest()) return;
        const { weighted } = store.getState();
        if (partial.baseline) {
          set({ baseline: partial.baseline, curves: partial.standings.map(curveOf) });
          return;
        }
        const curves = weighted.curves.map((curve, i) => {
          const s = partial.standings[i];
          if (!s) return curve;
          return {
            ...curve,
            objectives: curve.objectives.concat(Array.from(s.objectives)),
            plainErrors: curve.plainErrors.concat(Array.from(s.plainErrors)),
            stopped: s.stopped,
            ...(s.angles.length > 0 ? { angles: s.angles, approximation: s.approximation, basis: s.basis } : {}),
          };
        });
        set({ curves });
      },
    });
    handle = job;
    // After `handle` is set: this change runs `check` again, which must see the job running.
    set({ status: 'running', raceId, error: null, progress: 0, offer: null, ...(resume ? {} : { result: null }) });
    job.promise.then(
      (output) => {
        if (handle === job) handle = null;
        if (!latest()) return;
        set({ status: 'done', result: output, baseline: output.baseline, curves: output.standings.map(curveOf), progress: null, error: null });
      },
      (error: unknown) => {
        if (handle === job) handle = null;
        if (error instanceof JobCancelledError || !latest()) return;
        set({ status: 'error', error: error instanceof Error ? error.message : String(error), progress: null });
      },
    );
  }

  function newRace(): void {
    timer = null;
    run(store.getState().weighted.raceId + 1, false);
  }

  function check(): void {
    const state = store.getState();
    const w = state.weighted;
    if (state.workspace !== 'weighted') {
      if (handle && w.status === 'running') {
        stopJob();
        pausedByLeaving = true;
        set({ status: 'paused' });
      }
      return;
    }
    // A matrix on its way (a link's random matrix): race on it once it is here, not on the one before.
    if (state.generation.status === 'running') {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      return;
    }
    const usesFiles = Boolean(w.settings.weights.file || w.settings.inputs);
    const now = { matrix: state.matrix, settings: w.settings, files: usesFiles ? state.file.files : null };
    const changed = seen === null || now.matrix !== seen.matrix || now.settings !== seen.settings || now.files !== seen.files;
    if (changed) {
      seen = now;
      pausedByLeaving = false;
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(newRace, SETTLE_MS);
      return;
    }
    if (timer !== null) return;
    if ((w.status === 'paused' || w.status === 'cancelled') && handle) stopJob();
    if (w.status === 'paused' && pausedByLeaving) {
      pausedByLeaving = false;
      run(w.raceId, true);
    } else if (w.status === 'running' && !handle) run(w.raceId, true);
    else if (w.status === 'idle') run(w.raceId + 1, false);
  }

  check();
  const unsubscribe = store.subscribe(check);
  // The export runs in its own slot: the race goes on.
  const stopExport = save
    ? startExportJob(store, client, save, {
      kind: 'exportWeighted',
      pending: (s) => s.weighted.exportRequest,
      prepare: (state, format) => ({ input: { format: format as 'npz' | 'safetensors', dtype: 'float64' }, fileName: `${fileStem(state.source.title)}-weighted.${String(format)}` }),
      finished: (s, exportError) => s.getState().setWeightedState({ exportRequest: null, exportError }),
    })
    : () => undefined;
  return () => {
    unsubscribe();
    stopExport();
    if (timer !== null) clearTimeout(timer);
    stopJob();
  };
}
