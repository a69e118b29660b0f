/**
 * Principal angles as bars from 0° to 90°, one per pair of principal vectors, in the colours of the
 * two subspaces' sides. Plain SVG, readable on a projector.
 */
import { palette } from '../theme/palette';

const WIDTH = 640;
const ROW = 14;
const LEFT = 56;

export function AngleBars({ angles, label }: { angles: ArrayLike<number>; label: string }) {
  const count = angles.length;
  const height = 40 + count * ROW;
  const x = (degrees: number) => LEFT + ((WIDTH - LEFT - 16) * degrees) / 90;
  return (
    <svg viewBox={`0 0 ${WIDTH} ${height}`} width={WIDTH} height={height} role="img" aria-label={label} className="angle-bars">
      <title>{label}</title>
      {[0, 30, 60, 90].map((d) => (
        <g key={d}>
          <line x1={x(d)} x2={x(d)} y1={18} y2={height - 8} stroke="#d5d5df" />
          <text x={x(d)} y={13} textAnchor="middle" fontSize={13} fill={palette.text}>{d}°</text>
        </g>
      ))}
      {Array.from(angles, (a, i) => {
        const degrees = (a * 180) / Math.PI;
        return (
          <g key={i}>
            <text x={LEFT - 6} y={30 + i * ROW + ROW / 2} textAnchor="end" fontSize={11} fill={palette.text}>θ{i + 1}</text>
            <rect x={x(0)} y={22 + i * ROW} width={Math.max(1, x(degrees) - x(0))} height={ROW - 3} fill={palette.scale} opacity={0.85}>
              <title>{`θ${i + 1} = ${degrees.toFixed(3)}°`}</title>
            </rect>
          </g>
        );
      })}
    </svg>
  );
}
