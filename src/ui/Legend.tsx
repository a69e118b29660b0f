/** The colour language of the scene in view, with the label each colour carries. */
import type { ReactNode } from 'react';
import { palette } from '../theme/palette';
import { useAppState } from '../state/store';
import { effectiveView } from '../state/selectors';

interface Entry {
  color: string;
  label: ReactNode;
  shape: 'arrow' | 'thin' | 'fill' | 'ramp';
}

const MAP_ENTRIES: Entry[] = [
  { color: palette.input, label: <>v<sub>i</sub>: right singular vectors (input directions, row space)</>, shape: 'arrow' },
  { color: palette.output, label: <>σ<sub>i</sub>u<sub>i</sub>: left singular vectors scaled (output, column space)</>, shape: 'arrow' },
  { color: palette.scale, label: <>σ<sub>i</sub>e<sub>i</sub>: the axes stretched by Σ</>, shape: 'arrow' },
  { color: palette.basis, label: <>e<sub>i</sub> and their images: the standard basis</>, shape: 'thin' },
  { color: palette.imageFill, label: <>the image of the unit circle or sphere</>, shape: 'fill' },
];

const CLOUD_ENTRIES: Entry[] = [
  { color: `linear-gradient(90deg, ${palette.input}, ${palette.output})`, label: <>points: share of each vector lost at rank k (blue 0 % → orange 100 %)</>, shape: 'ramp' },
  { color: palette.input, label: <>axes v<sub>j</sub> (rows) or u<sub>j</sub> (columns); grey axes are dropped at rank k</>, shape: 'thin' },
  { color: palette.input, label: <>frame: the part of the rank-k subspace the three axes show</>, shape: 'fill' },
];

export function Legend() {
  const view = useAppState(effectiveView);
  const entries = view === 'map' ? MAP_ENTRIES : view === 'cloud' ? CLOUD_ENTRIES : [];
  if (entries.length === 0) return null;
  return (
    <ul className="legend" aria-label="Legend">
      {entries.map((entry, i) => (
        <li key={i}>
          <span className={`swatch swatch-${entry.shape}`} style={{ background: entry.color }} aria-hidden="true" />
          <span>{entry.label}</span>
        </li>
      ))}
    </ul>
  );
}
