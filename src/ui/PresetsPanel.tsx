/**
 * Matrices to start from: small classics built at once, a seeded random matrix with a chosen
 * spectrum (built by the worker: up to 100,000 rows or columns and 16.7 million entries), and real
 * word embeddings.
 */
import { useState } from 'react';
import { useAppState } from '../state/store';
import { SMALL_PRESETS, DEFAULT_RANDOM, checkRandomParams, randomMatrixSeconds, type RandomSpectrumParams, type SpectrumShape } from '../state/presets';
import { EXACT_SVD_TIME_BUDGET_SECONDS, formatBytes, formatSeconds } from '../state/svdSlice';
import { deviceFlopRate } from '../state/selectors';
import { GenerationStatus } from './GenerationStatus';

const SHAPES: Array<{ value: SpectrumShape; label: string; decayLabel: string }> = [
  { value: 'geometric', label: 'geometric', decayLabel: 'σ_min / σ_max' },
  { value: 'linear', label: 'linear', decayLabel: '(unused)' },
  { value: 'power', label: 'power law', decayLabel: 'exponent' },
];

function NumberField({ label, value, onChange, step = 1 }: { label: string; value: number; onChange(v: number): void; step?: number | 'any' }) {
  return (
    <label className="field">
      <span>{label}</span>
      <input type="number" value={Number.isFinite(value) ? value : ''} step={step} onChange={(event) => onChange(event.target.valueAsNumber)} />
    </label>
  );
}

/** What building the matrix costs here, before it starts: the time on this device and the memory. */
function GenerationCost({ params, flopRate }: { params: RandomSpectrumParams; flopRate: number }) {
  if (checkRandomParams(params).length > 0) return null;
  const seconds = randomMatrixSeconds(params, flopRate);
  const bytes = 8 * params.rows * params.cols;
  const slow = seconds > EXACT_SVD_TIME_BUDGET_SECONDS;
  return (
    <p className={slow ? 'warning' : 'hint'} data-testid="generation-cost">
      Building it takes about {formatSeconds(seconds)} on this device ({formatBytes(bytes)} of entries)
      {slow ? ', and then its SVD: a smaller size, or fewer columns, is much faster; you can cancel while it runs.' : '.'}
    </p>
  );
}

export function PresetsPanel() {
  const loadPreset = useAppState((s) => s.loadPreset);
  const requestRandom = useAppState((s) => s.requestRandomMatrix);
  const loadEmbeddings = useAppState((s) => s.requestEmbeddings);
  const generation = useAppState((s) => s.generation);
  const flopRate = useAppState(deviceFlopRate);
  const [params, setParams] = useState<RandomSpectrumParams>(DEFAULT_RANDOM);
  const shape = SHAPES.find((s) => s.value === params.shape)!;
  const update = (patch: Partial<RandomSpectrumParams>) => setParams((p) => ({ ...p, ...patch }));

  return (
    <section className="panel presets" aria-labelledby="presets-heading">
      <h2 id="presets-heading">Presets</h2>
      <ul className="preset-list">
        {SMALL_PRESETS.map((preset) => (
          <li key={preset.id}>
            <button type="button" onClick={() => loadPreset(preset.id)} aria-describedby={`preset-${preset.id}`}>
              {preset.title}
            </button>
            <span id={`preset-${preset.id}`} className="hint">{preset.line}</span>
          </li>
        ))}
        <li>
          <button type="button" onClick={() => loadEmbeddings()} aria-describedby="preset-glove">
            Word embeddings
          </button>
          <span id="preset-glove" className="hint">
            3,000 frequent English words with their 100-dimensional GloVe vectors (Stanford NLP, public domain): rows are words, so the point cloud shows meaning as geometry.
          </span>
        </li>
      </ul>
      <form
        className="random-form"
        aria-labelledby="random-heading"
        onSubmit={(event) => {
          event.preventDefault();
          requestRandom(params);
        }}
      >
        <h3 id="random-heading">Random matrix with a chosen spectrum</h3>
        <p className="hint">A = Q₁ diag(σ) Q₂ᵀ with random orthonormal Q₁, Q₂ from the seed: you choose the singular values.</p>
        <div className="fields">
          <NumberField label="Rows" value={params.rows} onChange={(rows) => update({ rows })} />
          <NumberField label="Columns" value={params.cols} onChange={(cols) => update({ cols })} />
          <label className="field">
            <span>Spectrum</span>
            <select value={params.shape} onChange={(event) => update({ shape: event.target.value as SpectrumShape })}>
              {SHAPES.map((s) => (
                <option key={s.value} value={s.value}>{s.label}</option>
              ))}
            </select>
          </label>
          <NumberField label={shape.decayLabel} value={params.decay} step="any" onChange={(decay) => update({ decay })} />
          <NumberField label="Seed" value={params.seed} onChange={(seed) => update({ seed })} />
        </div>
        <GenerationCost params={params} flopRate={flopRate} />
        <button type="submit" disabled={generation.status === 'running'}>
          {generation.status === 'running' ? 'Generating…' : 'Generate'}
        </button>
        <GenerationStatus />
      </form>
    </section>
  );
}
