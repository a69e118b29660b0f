/**
 * Which tensor: a generated one (low TT-rank, sin(i + j + k), a synthetic video or hyperspectral
 * cube), an embedding table (one row as a tensor, or all rows compressed one by one), or an array
 * of an opened file (of any number of dimensions).
 */
import { useAppState } from '../../state/store';
import type { TensorSourceSettings } from '../../state/tensorSlice';
import type { ArrayEntryInfo } from '../../state/fileSlice';
import { ArrayPicker } from '../ArrayPicker';
import { RadioGroup } from '../RadioGroup';

const CHOICES: Array<{ value: string; label: string; source: TensorSourceSettings }> = [
  { value: 'sine', label: 'sin(i + j + k), 8 × 8 × 12', source: { kind: 'preset', preset: 'sine', seed: 1 } },
  { value: 'low-rank', label: 'Low TT-rank 8 × 8 × 12 plus noise', source: { kind: 'preset', preset: 'low-rank', seed: 1 } },
  { value: 'video', label: 'Synthetic video, 40 × 48 × 64', source: { kind: 'preset', preset: 'video', seed: 1 } },
  { value: 'hyperspectral', label: 'Synthetic hyperspectral cube, 48 × 48 × 64', source: { kind: 'preset', preset: 'hyperspectral', seed: 1 } },
  { value: 'embeddings', label: 'GloVe word vectors (100-d), shipped', source: { kind: 'table', table: 'embeddings', seed: 1 } },
  { value: 'gaussian', label: 'Seeded Gaussian table 50257 × 768 (GPT-2\'s size)', source: { kind: 'table', table: 'gaussian', seed: 1 } },
];

function choiceValue(source: TensorSourceSettings): string {
  if (source.kind === 'preset') return source.preset;
  if (source.kind === 'table') return source.table;
  return 'file';
}

const anyArray = (entry: ArrayEntryInfo) => entry.shape.length >= 1 && entry.shape.every((n) => n > 0);

export function TensorSourcePanel() {
  const settings = useAppState((s) => s.tensor.settings);
  const set = useAppState((s) => s.setTensorSettings);
  const files = useAppState((s) => s.file.files);
  const waiting = useAppState((s) => s.tensor.waitingFile);
  const source = settings.source;
  const isTable = source.kind === 'table' || (source.kind === 'file' && source.shape.length === 2);
  return (
    <section className="panel tensor-source" aria-labelledby="tensor-source-heading">
      <h2 id="tensor-source-heading">The tensor</h2>
      <label className="field">
        <span>Generated or shipped</span>
        <select
          value={choiceValue(source)}
          data-testid="tensor-source"
          onChange={(e) => {
            const choice = CHOICES.find((c) => c.value === e.target.value);
            if (!choice) return;
            const table = choice.source.kind === 'table';
            set({ source: choice.source, shape: null, maxRank: null, row: 0, mode: table && choice.value === 'gaussian' ? 'rows' : table ? settings.mode : 'tensor', sliceIndex: 0, bond: 1 });
          }}
        >
          {CHOICES.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
          {source.kind === 'file' && <option value="file">{source.ref.entry} (opened file)</option>}
        </select>
      </label>
      {source.kind === 'preset' && (
        <label className="field">
          <span>Seed</span>
          <input type="number" min={0} value={source.seed} onChange={(e) => Number.isInteger(e.target.valueAsNumber) && e.target.valueAsNumber >= 0 && set({ source: { ...source, seed: e.target.valueAsNumber } })} />
        </label>
      )}
      <p className="hint">The generated tensors are synthetic (made from the seed); real ones, such as a video or an MRI volume, open from a file.</p>
      {waiting && source.kind !== 'file' && <p className="hint">The link's tensor is in {waiting.file ?? waiting.url}, entry {waiting.entry}: open that file.</p>}
      {files.some((f) => f.entries.some(anyArray)) && (
        <ArrayPicker
          label="Arrays of the opened files"
          files={files}
          value={source.kind === 'file' ? { fileId: source.ref.fileId, entry: source.ref.entry, slice: [] } : null}
          accept={anyArray}
          onChange={(choice) => {
            const entry = files.find((f) => f.id === choice.fileId)?.entries.find((e) => e.name === choice.entry);
            if (!entry) return;
            set({ source: { kind: 'file', ref: { fileId: choice.fileId, entry: choice.entry }, shape: entry.shape }, shape: null, maxRank: null, row: 0, mode: 'tensor', sliceIndex: 0, bond: 1 });
          }}
        />
      )}
      {isTable && (
        <RadioGroup<'tensor' | 'rows'>
          label="What to compress"
          value={settings.mode}
          onChange={(mode) => set({ mode, shape: null, maxRank: null })}
          options={[
            { value: 'tensor', label: source.kind === 'table' ? 'One row' : 'The array' },
            { value: 'rows', label: 'Every row' },
          ]}
        />
      )}
      {source.kind === 'table' && settings.mode === 'tensor' && (
        <label className="field">
          <span>Row (from 1)</span>
          <input type="number" min={1} value={settings.row + 1} onChange={(e) => Number.isInteger(e.target.valueAsNumber) && e.target.valueAsNumber >= 1 && set({ row: e.target.valueAsNumber - 1 })} />
        </label>
      )}
    </section>
  );
}
