/**
 * The tensor workspace's generated tensors, each from a seed: small enough to decompose while a
 * slider moves, with a structure a decomposition can find. They are synthetic and the page says
 * so; real tensors (the lobby video, a hyperspectral scene) are opened as files.
 */
import { createRandom, tensor, type Random, type Tensor } from '../core';

export type TensorPresetId = 'low-rank' | 'sine' | 'video' | 'hyperspectral';

export interface TensorPresetInfo {
  title: string;
  description: string;
}

export const TENSOR_PRESET_INFO: Record<TensorPresetId, TensorPresetInfo> = {
  'low-rank': { title: 'Low TT-rank tensor 8 × 8 × 12', description: 'A random tensor train with ranks (1, 3, 3, 1) plus noise of relative size 0.001: TT-SVD finds the ranks as soon as ε is above the noise.' },
  sine: { title: 'sin(i + j + k), 8 × 8 × 12', description: 'Every unfolding of sin(i + j + k) has rank 2 (sin(a + b) = sin a cos b + cos a sin b): TT ranks (1, 2, 2, 1), 72 numbers for 768.' },
  video: { title: 'Synthetic video, 40 frames of 48 × 64', description: 'A still background with a bright disc moving across it (generated): the frames are nearly alike, so the time mode compresses well.' },
  hyperspectral: { title: 'Synthetic hyperspectral cube, 48 × 48 × 64 bands', description: 'Four materials with smooth spectra mixed in smooth proportions per pixel, plus 1% noise (generated): the spectral mode has rank about 4.' },
};

/** A random tensor train of the given shape and ranks, contracted to a full tensor. */
function randomTrain(shape: number[], ranks: number[], rng: Random): Float64Array {
  // Contract left to right: T (prod n_1..n_k) x r_k, times core k+1 reshaped r_k x (n_{k+1} r_{k+1}).
  let left = Float64Array.from({ length: shape[0] * ranks[1] }, () => rng.normal());
  let rows = shape[0];
  for (let k = 1; k < shape.length; k++) {
    const r0 = ranks[k];
    const n = shape[k];
    const r1 = ranks[k + 1];
    const core = Float64Array.from({ length: r0 * n * r1 }, () => rng.normal() / Math.sqrt(r0));
    const next = new Float64Array(rows * n * r1);
    for (let i = 0; i < rows; i++) {
      for (let a = 0; a < r0; a++) {
        const x = left[i * r0 + a];
        if (x === 0) continue;
        for (let j = 0; j < n * r1; j++) next[i * n * r1 + j] += x * core[a * n * r1 + j];
      }
    }
    left = next;
    rows *= n;
  }
  return left;
}

function addNoise(data: Float64Array, relative: number, rng: Random): void {
  let norm = 0;
  for (const x of data) norm += x * x;
  const scale = (relative * Math.sqrt(norm)) / Math.sqrt(data.length);
  for (let i = 0; i < data.length; i++) data[i] += scale * rng.normal();
}

function lowRank(rng: Random): Tensor {
  const data = randomTrain([8, 8, 12], [1, 3, 3, 1], rng);
  addNoise(data, 1e-3, rng);
  return tensor([8, 8, 12], data);
}

function sine(): Tensor {
  const data = new Float64Array(8 * 8 * 12);
  for (let i = 0; i < 8; i++) for (let j = 0; j < 8; j++) for (let k = 0; k < 12; k++) data[(i * 8 + j) * 12 + k] = Math.sin(i + j + k);
  return tensor([8, 8, 12], data);
}

function video(rng: Random): Tensor {
  const [frames, h, w] = [40, 48, 64];
  const data = new Float64Array(frames * h * w);
  const phase = rng.uniform() * Math.PI;
  const row0 = 12 + rng.uniform() * 24;
  for (let t = 0; t < frames; t++) {
    // The disc crosses the frame left to right, bobbing a little.
    const cx = 6 + ((w - 12) * t) / (frames - 1);
    const cy = row0 + 4 * Math.sin(phase + t / 5);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const background = 0.35 + 0.25 * Math.sin(x / 9 + phase) * Math.cos(y / 13) + 0.1 * (Math.floor(x / 8) % 2);
        const d2 = (x - cx) ** 2 + (y - cy) ** 2;
        data[(t * h + y) * w + x] = background + 0.8 * Math.exp(-d2 / 18);
      }
    }
  }
  addNoise(data, 0.01, rng);
  return tensor([frames, h, w], data);
}

function hyperspectral(rng: Random): Tensor {
  const [h, w, bands, materials] = [48, 48, 64, 4];
  const spectra = Array.from({ length: materials }, () => {
    const peak = rng.uniform() * bands;
    const width = 6 + rng.uniform() * 14;
    const slope = rng.normal() * 0.3;
    return Float64Array.from({ length: bands }, (_, b) => 0.2 + Math.exp(-((b - peak) ** 2) / (2 * width * width)) + (slope * b) / bands);
  });
  const centres = Array.from({ length: materials }, () => [rng.uniform() * h, rng.uniform() * w]);
  const data = new Float64Array(h * w * bands);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const raw = centres.map(([cy, cx]) => Math.exp(-((y - cy) ** 2 + (x - cx) ** 2) / 300) + 0.05);
      const total = raw.reduce((s, v) => s + v, 0);
      for (let b = 0; b < bands; b++) {
        let v = 0;
        for (let m = 0; m < materials; m++) v += (raw[m] / total) * spectra[m][b];
        data[(y * w + x) * bands + b] = v;
      }
    }
  }
  addNoise(data, 0.01, rng);
  return tensor([h, w, bands], data);
}

export function tensorPreset(id: TensorPresetId, seed: number): Tensor {
  const rng = createRandom(seed);
  if (id === 'low-rank') return lowRank(rng);
  if (id === 'sine') return sine();
  if (id === 'video') return video(rng);
  return hyperspectral(rng);
}

/** A seeded Gaussian table (rows x cols), the stand-in for an embedding table in benchmarks and demos. */
export function gaussianTable(rows: number, cols: number, seed: number): { rows: number; cols: number; data: Float64Array } {
  const rng = createRandom(seed);
  return { rows, cols, data: Float64Array.from({ length: rows * cols }, () => rng.normal()) };
}
