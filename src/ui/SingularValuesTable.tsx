/** The singular values, with the share of the energy (squared Frobenius norm) each one carries. */
import { useAppState } from '../state/store';
import { latestSvd, formatValue } from '../state/selectors';

export function SingularValuesTable() {
  const result = useAppState(latestSvd);
  const status = useAppState((s) => s.svd.status);
  const error = useAppState((s) => s.svd.error);
  const s = result ? Array.from(result.s) : [];
  const energy = s.reduce((sum, x) => sum + x * x, 0);
  return (
    <section className="panel" aria-labelledby="sv-heading">
      <h2 id="sv-heading">Spectrum</h2>
      <table className="numbers" aria-busy={status === 'running'}>
        <caption>Singular values</caption>
        <thead>
          <tr>
            <th scope="col">i</th>
            <th scope="col">σ<sub>i</sub></th>
            <th scope="col">σ<sub>i</sub>² / ‖A‖<sub>F</sub>²</th>
          </tr>
        </thead>
        <tbody>
          {s.map((x, i) => (
            <tr key={i}>
              <th scope="row">{i + 1}</th>
              <td>{formatValue(x)}</td>
              <td>{energy > 0 ? `${((100 * x * x) / energy).toFixed(2)} %` : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {status === 'error' && error && (
        <p className="error-text" role="alert">
          The SVD could not be computed: {error}
        </p>
      )}
      {result && <p className="hint">Computed in the worker in {result.elapsedMs.toFixed(2)} ms.</p>}
    </section>
  );
}
