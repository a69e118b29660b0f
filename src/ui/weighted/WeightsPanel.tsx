/**
 * Where the weights come from: a preset (uniform, per row, per column, a block, a random mask),
 * a Fisher-like importance from a second matrix of an opened file (its entry-wise squares, per
 * entry or summed per row as FWSVD uses them), or a weight array of a file; and the brush that
 * paints weights on top.
 */
import { useAppState } from '../../state/store';
import type { WeightSourceKind, WeightsSettings } from '../../state/weightedSlice';
import type { ArrayEntryInfo } from '../../state/fileSlice';
import { ArrayPicker, choiceOf } from '../ArrayPicker';

const SOURCES: Array<{ value: WeightSourceKind; label: string; hint: string }> = [
  { value: 'uniform', label: 'Uniform', hint: 'Every entry weighs 1: the weighted optimum is the plain SVD.' },
  { value: 'rows', label: 'Per row', hint: 'A smooth importance per row (seeded): FWSVD solves this exactly.' },
  { value: 'columns', label: 'Per column', hint: 'A smooth importance per column (seeded): FWSVD of the transpose solves it.' },
  { value: 'block', label: 'A block', hint: 'One block of entries weighs more (or less) than the rest.' },
  { value: 'random-mask', label: 'Random mask', hint: 'Entries observed (1) or missing (0) at random: matrix completion.' },
  { value: 'missing', label: 'Missing entries of A', hint: 'Weight 0 where A\'s file has NaN (read as 0 in A), 1 elsewhere: the methods fit only the known entries, while plain SVD sees the zeros.' },
  { value: 'fisher', label: 'Fisher-like, from a file', hint: 'The squares of a second matrix you open, e.g. gradients saved from PyTorch.' },
  { value: 'file', label: 'Weights from a file', hint: 'A non-negative array of A\'s shape, e.g. a Fisher estimate.' },
];

const isMatrixLike = (entry: ArrayEntryInfo) => entry.shape.length >= 2;

function PresetFields({ weights }: { weights: WeightsSettings }) {
  const set = useAppState((s) => s.setWeights);
  const { rows, cols } = useAppState((s) => s.matrix);
  const block = weights.block ?? [0, Math.max(1, Math.ceil(rows / 2)), 0, Math.max(1, Math.ceil(cols / 2)), 10];
  const setBlock = (i: number, value: number) => {
    if (!Number.isFinite(value)) return;
    const next = block.slice() as typeof block;
    next[i] = value;
    set({ block: next });
  };
  if (weights.source === 'rows' || weights.source === 'columns' || weights.source === 'random-mask') {
    return (
      <div className="fields">
        <label className="field">
          <span>Seed</span>
          <input type="number" min={0} value={weights.seed} onChange={(e) => Number.isInteger(e.target.valueAsNumber) && e.target.valueAsNumber >= 0 && set({ seed: e.target.valueAsNumber })} />
        </label>
        {weights.source === 'random-mask' && (
          <label className="field">
            <span>Observed fraction</span>
            <input type="number" min={0.05} max={1} step={0.05} value={weights.density} onChange={(e) => e.target.valueAsNumber > 0 && e.target.valueAsNumber <= 1 && set({ density: e.target.valueAsNumber })} />
          </label>
        )}
      </div>
    );
  }
  if (weights.source === 'block') {
    // Shown from 1 and inclusive, as a person counts rows; kept 0-based and half-open.
    return (
      <div className="fields block-fields">
        <label className="field"><span>First row</span><input type="number" min={1} max={rows} value={block[0] + 1} onChange={(e) => setBlock(0, e.target.valueAsNumber - 1)} /></label>
        <label className="field"><span>Last row</span><input type="number" min={1} max={rows} value={block[1]} onChange={(e) => setBlock(1, e.target.valueAsNumber)} /></label>
        <label className="field"><span>First column</span><input type="number" min={1} max={cols} value={block[2] + 1} onChange={(e) => setBlock(2, e.target.valueAsNumber - 1)} /></label>
        <label className="field"><span>Last column</span><input type="number" min={1} max={cols} value={block[3]} onChange={(e) => setBlock(3, e.target.valueAsNumber)} /></label>
        <label className="field"><span>Its weight</span><input type="number" min={0} step="any" value={block[4]} onChange={(e) => e.target.valueAsNumber >= 0 && setBlock(4, e.target.valueAsNumber)} /></label>
      </div>
    );
  }
  return null;
}

function FileFields({ weights }: { weights: WeightsSettings }) {
  const set = useAppState((s) => s.setWeights);
  const files = useAppState((s) => s.file.files);
  const waiting = useAppState((s) => s.weighted.waitingFile);
  const any = files.some((file) => file.entries.some(isMatrixLike));
  return (
    <div className="weight-file">
      {waiting && !weights.file && <p className="hint">The link's weights are in {waiting.file ?? waiting.url}, entry {waiting.entry}: open that file.</p>}
      {!any && <p className="hint">Open a file (.npy, .npz, .safetensors) with an array of A's shape first, in the file panel.</p>}
      {any && (
        <ArrayPicker
          label={weights.source === 'fisher' ? 'Importance matrix G (weights are G²)' : 'Weight array W'}
          files={files}
          value={weights.file}
          accept={isMatrixLike}
          onChange={(ref) => set({ file: ref })}
        />
      )}
      {weights.source === 'fisher' && (
        <label className="check">
          <input type="checkbox" checked={weights.perRow} onChange={(e) => set({ perRow: e.target.checked })} /> Sum the squares per row (FWSVD's row importance)
        </label>
      )}
    </div>
  );
}

export function WeightsPanel() {
  const weights = useAppState((s) => s.weighted.settings.weights);
  const set = useAppState((s) => s.setWeights);
  const files = useAppState((s) => s.file.files);
  const firstArray = files.flatMap((file) => file.entries.filter(isMatrixLike).map((entry) => choiceOf(file.id, entry)))[0];
  const hint = SOURCES.find((s) => s.value === weights.source)?.hint;
  // Offered when A has missing entries (read as 0 from its file), or when a link chose it.
  const hasMissing = useAppState((s) => Boolean(s.source.ref?.missingAsZero));
  const sources = SOURCES.filter((s) => s.value !== 'missing' || hasMissing || weights.source === 'missing');
  return (
    <section className="panel weights-panel" aria-labelledby="weights-heading">
      <h2 id="weights-heading">Weights W</h2>
      <label className="field">
        <span>Where the weights come from</span>
        <select
          value={weights.source}
          data-testid="weight-source"
          onChange={(e) => {
            const source = e.target.value as WeightSourceKind;
            set({ source, file: source === 'file' || source === 'fisher' ? weights.file ?? firstArray ?? null : weights.file });
          }}
        >
          {sources.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
        </select>
      </label>
      {hint && <p className="hint">{hint}</p>}
      <PresetFields weights={weights} />
      {(weights.source === 'fisher' || weights.source === 'file') && <FileFields weights={weights} />}
    </section>
  );
}
