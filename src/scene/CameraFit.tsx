/** Puts the camera at a position looking at the origin whenever the position changes. */
import { useEffect } from 'react';
import { useThree } from '@react-three/fiber';

export function CameraFit({ position }: { position: [number, number, number] }) {
  const camera = useThree((state) => state.camera);
  const invalidate = useThree((state) => state.invalidate);
  const [x, y, z] = position;
  useEffect(() => {
    camera.position.set(x, y, z);
    camera.lookAt(0, 0, 0);
    camera.updateProjectionMatrix();
    invalidate();
  }, [camera, x, y, z, invalidate]);
  return null;
}
