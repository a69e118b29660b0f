/** The scene in words, for screen readers and for anyone who wants the numbers spelled out. */
import { useAppState } from '../state/store';
import { describeScene } from '../state/selectors';

export function SceneDescription({ id }: { id: string }) {
  const text = useAppState(describeScene);
  return (
    <p id={id} className="scene-description">
      {text}
    </p>
  );
}
