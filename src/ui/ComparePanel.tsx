/**
 * Principal angles between the rank-k singular subspace of A and that of a second matrix: A plus
 * noise (how far a perturbation turns the subspace), or an array from an opened file (two layers).
 */
import { useAppState } from '../state/store';
import { currentComparison } from '../state/compareEffect';
import type { CompareSettings } from '../state/compareSlice';
import { AngleBars } from './AngleBars';
import { RadioGroup } from './RadioGroup';
import { ArrayPicker, choiceOf } from './ArrayPicker';
import type { ArrayEntryInfo } from '../state/fileSlice';

const degrees = (radians: number) => `${((radians * 180) / Math.PI).toFixed(2)}°`;

const SECOND_KINDS = [
  { value: 'noise', label: 'A plus noise' },
  { value: 'file', label: 'An array of a file' },
] as const;

const isMatrixLike = (entry: ArrayEntryInfo) => entry.shape.length >= 2;

function SecondMatrixFields({ settings }: { settings: CompareSettings }) {
  const set = useAppState((s) => s.setCompareSettings);
  const files = useAppState((s) => s.file.files);
  const second = settings.second;
  const firstArray = files.flatMap((file) => file.entries.filter(isMatrixLike).map((entry) => choiceOf(file.id, entry)))[0];
  return (
    <div className="second-matrix">
      <RadioGroup
        label="Second matrix B"
        value={second.kind}
        onChange={(kind) => {
          if (kind === 'noise') set({ second: { kind: 'noise', level: 0.1, seed: 1 } });
          else if (firstArray) set({ second: { kind: 'file', ref: firstArray } });
        }}
        options={SECOND_KINDS.map((option) => ({
          ...option,
          disabled: option.value === 'file' && !firstArray,
          title: option.value === 'file' && !firstArray ? 'Open a file with a matrix first ("Open file").' : undefined,
        }))}
      />
      {second.kind === 'noise' ? (
        <div className="fields">
          <label className="field">
            <span>Noise ‖N‖_F / ‖A‖_F</span>
            <input type="number" min={0} max={10} step="any" value={second.level} onChange={(event) => Number.isFinite(event.target.valueAsNumber) && set({ second: { ...second, level: event.target.valueAsNumber } })} />
          </label>
          <label className="field">
            <span>Seed</span>
            <input type="number" min={0} value={second.seed} onChange={(event) => Number.isInteger(event.target.valueAsNumber) && set({ second: { ...second, seed: event.target.valueAsNumber } })} />
          </label>
        </div>
      ) : (
        // Another array is other data: a link's hash no longer applies to it.
        <ArrayPicker label="Second matrix B" files={files} value={second.ref} accept={isMatrixLike} onChange={(ref) => set({ second: { kind: 'file', ref } })} />
      )}
    </div>
  );
}

export function ComparePanel() {
  const compare = useAppState((s) => s.compare);
  const set = useAppState((s) => s.setCompareSettings);
  const waiting = useAppState((s) => s.file.waiting?.compareFile);
  const { settings, result, status, error, k } = compare;
  // A result of other settings (or of the previous A or rank) is shown as such until the new one comes.
  const current = useAppState(currentComparison);
  const space = settings.side === 'row' ? 'row space (right singular vectors)' : 'column space (left singular vectors)';
  return (
    <section className="panel compare" aria-labelledby="compare-heading">
      <h2 id="compare-heading">Compare subspaces</h2>
      <label className="toggle">
        <input type="checkbox" checked={settings.enabled} onChange={(event) => set({ enabled: event.target.checked })} />
        Principal angles between the rank-k subspaces of A and of a second matrix
      </label>
      {waiting && (
        <p className="hint" data-testid="compare-waiting">
          This link compares A with "{waiting.second.entry}" of {waiting.second.file ?? waiting.second.url}; the comparison appears once that file is open.
        </p>
      )}
      {settings.enabled && !waiting && (
        <>
          <RadioGroup
            label="Subspace"
            value={settings.side}
            onChange={(side) => set({ side })}
            options={[
              { value: 'row' as const, label: 'row space' },
              { value: 'column' as const, label: 'column space' },
            ]}
          />
          <SecondMatrixFields settings={settings} />
          {status === 'running' && <p className="hint" aria-live="polite">Computing…</p>}
          {status === 'error' && error && (
            <p className="error-text" role="alert">
              {error}
            </p>
          )}
          {result && status !== 'error' && (
            <>
              <p className={current ? 'hint' : 'hint stale'} data-testid={current ? 'compare-summary' : 'compare-summary-previous'}>
                {!current && 'The previous comparison, while this one is computed: '}
                The top-{k} {space} of A and of B (‖B − A‖<sub>F</sub> = {(100 * result.relativeDifference).toFixed(1)} % of ‖A‖<sub>F</sub>) meet at
                angles from {degrees(result.angles[0])} to {degrees(result.angles[result.angles.length - 1])}. B's gap σ<sub>k</sub> − σ<sub>k+1</sub> ={' '}
                {result.gap.toPrecision(3)}: the smaller the gap, the further a perturbation can turn the subspace.
              </p>
              <table className="numbers">
                <caption>Principal angles</caption>
                <tbody>
                  {Array.from(result.angles.subarray(0, 8), (a, i) => (
                    <tr key={i}>
                      <th scope="row">θ{i + 1}</th>
                      <td>{degrees(a)}</td>
                    </tr>
                  ))}
                  {result.angles.length > 8 && (
                    <tr>
                      <th scope="row">θ{result.angles.length}</th>
                      <td>{degrees(result.angles[result.angles.length - 1])}</td>
                    </tr>
                  )}
                </tbody>
              </table>
              <AngleBars angles={result.angles} label="Principal angles between the subspaces of A and B" />
            </>
          )}
        </>
      )}
    </section>
  );
}
