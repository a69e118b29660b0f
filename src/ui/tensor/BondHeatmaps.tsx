/**
 * One bond's unfolding as heatmaps: A_(b) (rows n_1…n_b, columns n_{b+1}…n_d), its truncation at
 * the TT rank r_b and the residual, drawn by the shared triptych from the bond's low-rank view (the
 * SVD and weighted workspaces' heatmaps are the same code). What this shows is one cut: TT-SVD
 * truncates the other bonds too, so the train's error is at least this residual (its own unfolding at
 * bond b has rank r_b at most) and in general more.
 */
import { truncationError } from '../../core';
import type { TensorJobOutput } from '../../state/tensorSlice';
import { PooledTriptych } from '../PooledTriptych';

type BondView = NonNullable<TensorJobOutput['bondView']>;

const sci = (x: number) => (x === 0 ? '0' : x < 1e-3 ? x.toExponential(2) : x.toPrecision(3));

export function BondHeatmaps({ view, shape, rank, ttError }: { view: BondView; shape: readonly number[]; rank: number; ttError: number }) {
  const b = view.bond;
  // The view holds the leading p triplets; a kept rank beyond them is drawn at p (said below).
  const shown = Math.min(view.p, rank);
  const residual = view.s.length > 0 ? truncationError({ s: view.s }, shown, { frobeniusSquared: view.frobeniusSquared }).relativeFrobenius : 0;
  return (
    <section className="bond-heatmaps" aria-labelledby="bond-heatmaps-heading" data-testid="bond-heatmaps" data-bond={b} data-rank={shown}>
      <h3 id="bond-heatmaps-heading">Heatmaps of the bond&apos;s unfolding</h3>
      <figure className="bond-heatmap-figure">
        <PooledTriptych view={view} rank={shown} />
        <figcaption className="hint">
          Bond {b}: the {view.rows.toLocaleString('en')} × {view.cols.toLocaleString('en')} unfolding ({shape.slice(0, b).join(' · ')} × {shape.slice(b).join(' · ')}), its rank-{shown} truncation (what TT-SVD keeps at this bond, before later bonds are cut) and the residual, on one colour scale.
        </figcaption>
      </figure>
      {shown < rank && (
        <p className="hint" data-testid="bond-heatmaps-capped">
          The bond keeps r{b} = {rank}, but only the unfolding&apos;s leading {view.p} singular triplets are sent to the page: the truncation is drawn at rank {shown}.
        </p>
      )}
      <p className="hint" data-testid="bond-residual" data-value={residual}>
        This cut alone leaves ‖A<sub>({b})</sub> − its rank-{shown} truncation‖<sub>F</sub>/‖A‖<sub>F</sub> = {sci(residual)}. The whole train&apos;s error is {sci(ttError)}
        {shown === rank ? `: at least this (the train's own bond-${b} unfolding has rank at most ${rank}), and more where the other bonds cut what remains.` : '.'}
      </p>
    </section>
  );
}
