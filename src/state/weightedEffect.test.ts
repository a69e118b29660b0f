/**
 * The weighted race from the store to the worker and back, with the real job running in-process:
 * uniform weights land on the SVD, a painted weight lowers the weighted objective below plain SVD's
 * and turns the subspace, and a race pauses (nothing more arrives), resumes where it stopped and
 * is cancelled; a change of the data starts a new race. The final result's low-rank views reproduce
 * the errors the race reports.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createAppStore, type AppStore } from './store';
import { startWeightedEffect } from './weightedEffect';
import { createComputeClient, type WorkerEndpoint } from '../worker/client';
import { createWorkerHost } from '../worker/host';
import type { FromWorker, ToWorker } from '../worker/protocol';
import { runWeightedJob } from '../worker/weightedJob';
import { weightedLowRankView } from './weightedViews';
import type { LowRankView } from '../worker/lowRankView';
import { approximationOf } from '../worker/lowRankView.testkit';

function inProcessClient() {
  return createComputeClient(() => {
    let alive = true;
    const endpoint: WorkerEndpoint = {
      onmessage: null,
      onerror: null,
      postMessage(message: ToWorker) {
        if (alive) setTimeout(() => alive && host.receive(structuredClone(message)), 0);
      },
      terminate() {
        alive = false;
      },
    };
    const host = createWorkerHost({ weightedRace: runWeightedJob }, (message: FromWorker) => {
      if (alive) setTimeout(() => alive && endpoint.onmessage?.(message), 0);
    });
    return endpoint;
  });
}

const stops: Array<() => void> = [];
afterEach(() => stops.splice(0).forEach((stop) => stop()));

function open(store: AppStore): void {
  const stop = startWeightedEffect(store, inProcessClient());
  stops.push(stop);
  store.getState().openWorkspace('weighted');
}

async function until(store: AppStore, test: (s: ReturnType<AppStore['getState']>) => boolean, ms = 10_000): Promise<void> {
  const start = Date.now();
  while (!test(store.getState())) {
    if (Date.now() - start > ms) throw new Error(`timed out; status ${store.getState().weighted.status}, error ${store.getState().weighted.error}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Σ W (A − U diag(s) V^T)² and ‖A − U diag(s) V^T‖_F of a view. */
function errorsOf(view: LowRankView, a: Float64Array, w: Float64Array): { objective: number; plain: number } {
  const approximation = approximationOf(view);
  let objective = 0;
  let plain = 0;
  for (let i = 0; i < a.length; i++) {
    const d = a[i] - approximation[i];
    objective += w[i] * d * d;
    plain += d * d;
  }
  return { objective, plain: Math.sqrt(plain) };
}

/** A smooth, full-rank rows x cols matrix of the test's own (not a link's or preset's). */
function loadWave(store: AppStore, rows: number, cols: number): Float64Array {
  const data = Float64Array.from({ length: rows * cols }, (_, k) => Math.sin(k * 0.37) + Math.cos(k * 0.011));
  store.getState().loadMatrix({ rows, cols, data }, { kind: 'preset', title: 'test' });
  return data;
}

describe('the weighted race', () => {
  it('with uniform weights, lands every method on the plain SVD (Eckart-Young tail 5)', async () => {
    const store = createAppStore();
    store.getState().setWeightedSettings({ rank: 1, methods: ['em', 'als'], weights: { ...store.getState().weighted.settings.weights, source: 'uniform' } });
    open(store);
    await until(store, (s) => s.weighted.status === 'done');
    const { baseline, curves } = store.getState().weighted;
    expect(baseline!.svd.objective).toBeCloseTo(5, 10);
    for (const curve of curves) expect(curve.objectives.at(-1)!).toBeCloseTo(5, 8);
  });

  it('a painted weight pulls the fit below plain SVD on the weighted objective and turns its subspace', async () => {
    const store = createAppStore();
    store.getState().setWeightedSettings({ rank: 1, methods: ['em'], maxIter: 500, weights: { ...store.getState().weighted.settings.weights, source: 'uniform' } });
    open(store);
    await until(store, (s) => s.weighted.status === 'done');
    store.getState().setBrush({ value: 50, radius: 0 });
    store.getState().paintWeight(0, 0);
    await until(store, (s) => s.weighted.status === 'done' && s.weighted.baseline?.weights.data[0] === 50);
    const { baseline, curves } = store.getState().weighted;
    expect(curves[0].objectives.at(-1)!).toBeLessThan(baseline!.svd.objective);
    expect(curves[0].angles[0]).toBeGreaterThan(0.05);
    // The objective of EM never increases.
    const o = curves[0].objectives;
    for (let i = 1; i < o.length; i++) expect(o[i]).toBeLessThanOrEqual(o[i - 1] * (1 + 1e-12) + 1e-12);
  });

  it("ends with each approximation's low-rank view, which reproduces the weighted and plain errors reported", async () => {
    const store = createAppStore();
    const rows = 12;
    const cols = 9;
    const data = loadWave(store, rows, cols);
    store.getState().setWeightedSettings({ rank: 3, methods: ['em', 'als'], maxIter: 300, weights: { ...store.getState().weighted.settings.weights, source: 'random-mask', density: 0.7 } });
    open(store);
    await until(store, (s) => s.weighted.status === 'done');
    const state = store.getState();
    const { baseline, curves } = state.weighted;
    const w = baseline!.weights.data;
    const reported = [
      { which: 'fwsvd' as const, objective: baseline!.fwsvd.objective, plain: baseline!.fwsvd.plainError },
      ...curves.map((c) => ({ which: c.method, objective: c.objectives.at(-1)!, plain: c.plainErrors.at(-1)! })),
    ];
    for (const r of reported) {
      const view = weightedLowRankView(state, r.which)!;
      expect([view.rows, view.cols, view.p]).toEqual([rows, cols, 3]);
      const errors = errorsOf(view, data, w);
      expect(Math.abs(errors.objective - r.objective)).toBeLessThanOrEqual(1e-9 * r.objective);
      expect(Math.abs(errors.plain - r.plain)).toBeLessThanOrEqual(1e-9 * r.plain);
    }
    // Plain SVD's view is the SVD job's, which this store does not run.
    expect(weightedLowRankView(state, 'svd')).toBeNull();
    expect(weightedLowRankView(state, 'gd')).toBeNull();
  });

  it('does not start a race estimated over the budget: it offers fewer iterations, or all of them anyway', async () => {
    const store = createAppStore();
    loadWave(store, 400, 300);
    // At the default 3 Gflop/s: EM 14.4 and GD 28.8 Mflop per iteration, 20,000 iterations: minutes.
    store.getState().setWeightedSettings({ rank: 20, methods: ['em', 'gd'], maxIter: 20_000, weights: { ...store.getState().weighted.settings.weights, source: 'uniform' } });
    open(store);
    await until(store, (s) => s.weighted.status === 'declined');
    const offer = store.getState().weighted.offer!;
    expect(offer.seconds).toBeGreaterThan(20);
    expect(offer.slowest.method).toBe('gd');
    expect(offer.fitIterations).toBeGreaterThan(0);
    expect(offer.fitIterations).toBeLessThan(20_000);
    expect(store.getState().weighted.curves).toEqual([]);
    // The cheap path: fewer iterations fit the budget and run.
    store.getState().setWeightedSettings({ maxIter: offer.fitIterations });
    await until(store, (s) => s.weighted.status === 'running' || s.weighted.status === 'done');
    expect(store.getState().weighted.offer).toBeNull();
    // All of them anyway runs the long race too.
    store.getState().setWeightedSettings({ maxIter: 20_000 });
    await until(store, (s) => s.weighted.status === 'declined');
    store.getState().runRaceAnyway();
    await until(store, (s) => s.weighted.status === 'running');
    store.getState().cancelRace();
    await until(store, (s) => s.weighted.status === 'cancelled');
  });

  it('pauses, resumes where it stopped, and cancels', async () => {
    const store = createAppStore();
    loadWave(store, 60, 40);
    store.getState().setWeightedSettings({ rank: 6, methods: ['em', 'gd'], maxIter: 100_000, init: 'random', weights: { ...store.getState().weighted.settings.weights, source: 'random-mask', density: 0.5 } });
    open(store);
    const iterations = () => store.getState().weighted.curves[0]?.objectives.length ?? 0;
    await until(store, () => iterations() > 20);
    store.getState().pauseRace();
    await new Promise((resolve) => setTimeout(resolve, 150));
    const paused = iterations();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(iterations()).toBe(paused);
    const raceId = store.getState().weighted.raceId;
    store.getState().resumeRace();
    await until(store, () => iterations() > paused + 20);
    expect(store.getState().weighted.raceId).toBe(raceId);
    store.getState().cancelRace();
    await new Promise((resolve) => setTimeout(resolve, 150));
    const stopped = iterations();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(iterations()).toBe(stopped);
    expect(store.getState().weighted.status).toBe('cancelled');
    // New data is a new race.
    store.getState().loadMatrix({ rows: 2, cols: 2, data: Float64Array.from([3, 0, 4, 5]) }, { kind: 'typed', title: 'small' });
    store.getState().setWeightedSettings({ rank: 1, maxIter: 50 });
    await until(store, (s) => s.weighted.status === 'done' && s.weighted.baseline?.rows === 2);
    expect(store.getState().weighted.raceId).toBeGreaterThan(raceId);
  });
});
