/** The scene in words, for screen readers and for anyone who wants the numbers spelled out. */
import { useAppState } from '../state/store';
import { describeScene, latestSvd } from '../state/selectors';

export function SceneDescription({ id }: { id: string }) {
  const result = useAppState(latestSvd);
  return (
    <p id={id} className="scene-description">
      {describeScene(result)}
    </p>
  );
}
