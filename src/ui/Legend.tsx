/** The colour language of the scene, with the label each colour carries. */
import { palette } from '../theme/palette';

const ENTRIES = [
  { color: palette.input, label: <>v<sub>i</sub>: right singular vectors (input directions, row space)</>, shape: 'arrow' },
  { color: palette.output, label: <>σ<sub>i</sub>u<sub>i</sub>: left singular vectors scaled (output, column space)</>, shape: 'arrow' },
  { color: palette.scale, label: <>σ<sub>i</sub>e<sub>i</sub>: the axes stretched by Σ</>, shape: 'arrow' },
  { color: palette.basis, label: <>e<sub>i</sub> and their images: the standard basis</>, shape: 'thin' },
  { color: palette.imageFill, label: <>the image of the unit circle/sphere</>, shape: 'fill' },
] as const;

export function Legend() {
  return (
    <ul className="legend" aria-label="Legend">
      {ENTRIES.map((entry, i) => (
        <li key={i}>
          <span className={`swatch swatch-${entry.shape}`} style={{ background: entry.color }} aria-hidden="true" />
          <span>{entry.label}</span>
        </li>
      ))}
    </ul>
  );
}
