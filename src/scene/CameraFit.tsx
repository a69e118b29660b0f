/**
 * Puts the camera at a position looking at the origin whenever the position changes: the position
 * the person turned it to (kept in the store, so links carry it), or the view's own framing.
 *
 * The store keeps one camera, the matrix workspace's (its link's `cam=`): only that workspace's
 * scenes (`remembered`) read and write it. The other workspaces' scenes start from their own
 * framing, so turning the tensor chain never moves the linear map, or the other way round.
 */
import { useEffect } from 'react';
import { useThree } from '@react-three/fiber';
import { appStore, useAppState } from '../state/store';

export function CameraFit({ position, remembered = false }: { position: [number, number, number]; remembered?: boolean }) {
  const camera = useThree((state) => state.camera);
  const invalidate = useThree((state) => state.invalidate);
  const chosen = useAppState((s) => (remembered ? s.camera : null));
  const [x, y, z] = chosen ?? position;
  useEffect(() => {
    camera.position.set(x, y, z);
    camera.lookAt(0, 0, 0);
    camera.updateProjectionMatrix();
    invalidate();
  }, [camera, x, y, z, invalidate]);
  return null;
}

/** OrbitControls' end-of-drag handler: keeps where the person left the camera. */
export function rememberCamera(event?: { target: unknown }): void {
  const position = (event?.target as { object?: { position?: { x: number; y: number; z: number } } } | undefined)?.object?.position;
  if (position) appStore.getState().setCamera([position.x, position.y, position.z]);
}
