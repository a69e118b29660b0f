/**
 * One attention head as subspaces. Scores x_i^T W_Q,h W_K,h^T x_j form a bilinear map of rank at
 * most the head size; the query and key subspaces meet at principal angles; and replacing
 * (W_Q, W_K) by (W_Q R, W_K R^-T) changes the bases but not one score.
 */
import { createElement as h } from 'react';
import { useAppState } from '../state/store';
import type { AttentionSettings, WeightRef } from '../state/attentionSlice';
import type { ArrayEntryInfo, OpenedFile } from '../state/fileSlice';
import { ArrayPicker } from './ArrayPicker';
import { formatValue } from '../state/selectors';
import { SpectrumPlot } from './plots';
import { AngleBars } from './AngleBars';
import { RadioGroup } from './RadioGroup';

const isMatrixLike = (entry: ArrayEntryInfo) => entry.shape.length >= 2;

function WeightPicker({ label, files, value, onChange }: { label: string; files: OpenedFile[]; value: WeightRef | null; onChange(ref: WeightRef | null): void }) {
  return (
    <fieldset className="weight-picker">
      <legend>{label}</legend>
      {/* The picker's choices name no hash: another array, slice or unfolding is other data. */}
      <ArrayPicker label={label} files={files} value={value} accept={isMatrixLike} onChange={(choice) => onChange({ ...choice, fused: value?.fused ?? false })} />
      {value && (
        <label className="toggle">
          <input type="checkbox" checked={value.fused ?? false} onChange={(event) => onChange({ ...value, fused: event.target.checked })} />
          fused Q, K, V (like GPT-2's c_attn)
        </label>
      )}
    </fieldset>
  );
}

function SettingsForm({ settings, files }: { settings: AttentionSettings; files: OpenedFile[] }) {
  const set = useAppState((s) => s.setAttentionSettings);
  const number = (label: string, value: number, onChange: (v: number) => void, min = 1) => (
    <label className="field">
      <span>{label}</span>
      <input type="number" min={min} value={value} onChange={(event) => Number.isInteger(event.target.valueAsNumber) && onChange(event.target.valueAsNumber)} />
    </label>
  );
  return (
    <div className="attention-settings">
      <RadioGroup
        label="Weights"
        value={settings.source}
        onChange={(source) => set({ source })}
        options={[
          { value: 'synthetic' as const, label: 'Synthetic (seeded)' },
          { value: 'file' as const, label: 'From opened files' },
        ]}
      />
      {settings.source === 'file' ? (
        files.length === 0 ? (
          <p className="hint">Open the model's weights first ("Open file"): for GPT-2, the query and key projections of a layer.</p>
        ) : (
          <div className="pickers">
            <WeightPicker label="Query W_Q" files={files} value={settings.query} onChange={(query) => set({ query })} />
            <WeightPicker label="Key W_K" files={files} value={settings.key} onChange={(key) => set({ key })} />
          </div>
        )
      ) : (
        <div className="fields">
          {number('d_model', settings.dModel, (dModel) => set({ dModel }), 2)}
          {number('Seed', settings.seed, (seed) => set({ seed }), 0)}
        </div>
      )}
      <div className="fields">
        <label className="field">
          <span>Layout</span>
          <select value={settings.layout} onChange={(event) => set({ layout: event.target.value as AttentionSettings['layout'] })}>
            <option value="x-times-w">q = x W (GPT-2: heads are column blocks)</option>
            <option value="w-times-x">q = W x (PyTorch Linear, llama: heads are row blocks)</option>
          </select>
        </label>
        {number('Head size d_head', settings.headSize, (headSize) => set({ headSize, head: 0 }))}
        {number('Head', settings.head + 1, (head) => set({ head: head - 1 }))}
      </div>
    </div>
  );
}

/** Where a link's array comes from, in words: its file name or URL and entry. */
function fileOf(ref: { url?: string; file?: string; entry: string }): string {
  return `"${ref.entry}" of ${ref.file ?? ref.url}`;
}

export function AttentionView() {
  const attention = useAppState((s) => s.attention);
  const files = useAppState((s) => s.file.files);
  const waiting = useAppState((s) => s.file.waiting?.attentionFiles);
  const { settings, result, status, error } = attention;
  const fresh = status !== 'error' ? result : null;
  if (waiting) {
    // A link's head on weights of files: show nothing else (a synthetic head would pass for it).
    return (
      <div className="attention-view">
        <p className="hint" data-testid="attention-waiting">
          This link's head (size {waiting.headSize}, head {waiting.head + 1}) reads W_Q from {fileOf(waiting.query)} and W_K from {fileOf(waiting.key)}; it
          appears once they are open.
        </p>
      </div>
    );
  }
  return (
    <div className="attention-view">
      <SettingsForm settings={settings} files={files} />
      {settings.source === 'synthetic' && (
        <p className="hint">Synthetic weights: Gaussian W_Q and W_K with seed {settings.seed}, not a trained model. Open real weights to read a real head.</p>
      )}
      {status === 'running' && <p className="hint" aria-live="polite">Computing…</p>}
      {status === 'error' && error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {fresh && (
        <>
          <p className="attention-summary" data-testid="attention-rank">
            Head {settings.head + 1} of {fresh.heads}: W<sub>Q,h</sub>W<sub>K,h</sub>ᵀ is {fresh.dModel} × {fresh.dModel} but has rank{' '}
            <strong>{fresh.rank}</strong> (head size {settings.headSize}); σ<sub>{settings.headSize + 1}</sub> ={' '}
            {formatValue(fresh.spectrum[settings.headSize] ?? 0)} against σ<sub>1</sub> = {formatValue(fresh.spectrum[0])}.
          </p>
          {h(SpectrumPlot, { values: fresh.spectrum, rank: settings.headSize, title: 'Spectrum of W_Q,h W_K,hᵀ' })}
          <p className="attention-summary" data-testid="attention-invariance">
            Replacing (W<sub>Q</sub>, W<sub>K</sub>) by (W<sub>Q</sub>R, W<sub>K</sub>R⁻ᵀ) with a random invertible R (condition{' '}
            {fresh.invariance.conditionOfR.toFixed(1)}) moved the query basis by {(100 * fresh.invariance.basisChange).toFixed(0)} %, yet no score
            over {fresh.invariance.tokens} random tokens changed by more than {fresh.invariance.maxScoreChange.toExponential(1)} (largest score{' '}
            {formatValue(fresh.invariance.maxScore)}): only the subspaces matter, not their bases.
          </p>
          <h3>Principal angles between the query and key subspaces</h3>
          <p className="hint">
            Smallest {((fresh.angles[0] * 180) / Math.PI).toFixed(2)}°, median {((fresh.angles[Math.floor(fresh.angles.length / 2)] * 180) / Math.PI).toFixed(2)}°,
            largest {((fresh.angles[fresh.angles.length - 1] * 180) / Math.PI).toFixed(2)}°. Random {settings.headSize}-dimensional subspaces of ℝ
            <sup>{fresh.dModel}</sup> would sit near 90°.
          </p>
          <AngleBars angles={fresh.angles} label="Principal angles between the query and key subspaces" />
        </>
      )}
    </div>
  );
}
