/** Chooses the matrix workspace's view: the linear map (up to 3 x 3), the point cloud, or the heatmaps. */
import { useAppState } from '../state/store';
import { effectiveView } from '../state/selectors';
import { MAP_MAX, type ViewMode } from '../state/viewSlice';
import { RadioGroup } from './RadioGroup';

const VIEWS: Array<{ mode: ViewMode; label: string }> = [
  { mode: 'map', label: 'Linear map' },
  { mode: 'cloud', label: 'Point cloud' },
  { mode: 'heatmaps', label: 'Heatmaps' },
];

/** The three singular directions used as the cloud's axes (1-based in the page, 0-based in the store). */
function CloudAxes() {
  const axes = useAppState((s) => s.cloudAxes);
  const p = useAppState((s) => Math.min(s.matrix.rows, s.matrix.cols));
  const setCloudAxis = useAppState((s) => s.setCloudAxis);
  const letter = useAppState((s) => (s.cloudOf === 'rows' ? 'v' : 'u'));
  return (
    <fieldset className="cloud-axes">
      <legend>Axes</legend>
      {axes.map((j, slot) => (
        <label key={slot}>
          <span className="visually-hidden">Axis {slot + 1} direction</span>
          {letter}
          <input
            type="number"
            min={1}
            max={p}
            value={j + 1}
            onChange={(event) => {
              const value = event.target.valueAsNumber;
              if (Number.isInteger(value) && value >= 1 && value <= p) setCloudAxis(slot as 0 | 1 | 2, value - 1);
            }}
          />
        </label>
      ))}
    </fieldset>
  );
}

const CLOUD_OF = [
  { value: 'rows', label: 'rows' },
  { value: 'columns', label: 'columns' },
] as const;

export function ViewSwitch() {
  const view = useAppState(effectiveView);
  const setViewMode = useAppState((s) => s.setViewMode);
  const fitsMap = useAppState((s) => s.matrix.rows <= MAP_MAX && s.matrix.cols <= MAP_MAX);
  const cloudOf = useAppState((s) => s.cloudOf);
  const setCloudOf = useAppState((s) => s.setCloudOf);
  const showSubspaces = useAppState((s) => s.showSubspaces);
  const setShowSubspaces = useAppState((s) => s.setShowSubspaces);
  return (
    <div className="view-switch">
      <RadioGroup
        label="View"
        value={view}
        onChange={setViewMode}
        options={VIEWS.map(({ mode, label }) => ({
          value: mode,
          label,
          disabled: mode === 'map' && !fitsMap,
          title: mode === 'map' && !fitsMap ? `The linear map view shows matrices up to ${MAP_MAX} × ${MAP_MAX}.` : undefined,
        }))}
      />
      {view === 'map' && (
        <label className="toggle">
          <input type="checkbox" checked={showSubspaces} onChange={(event) => setShowSubspaces(event.target.checked)} />
          Fundamental subspaces
        </label>
      )}
      {view === 'cloud' && (
        <>
          <RadioGroup label="Points are" value={cloudOf} onChange={setCloudOf} options={CLOUD_OF} />
          <CloudAxes />
        </>
      )}
    </div>
  );
}
