// A deliberate violation: the workspace ids are a leaf and may import no layer.
import { describeScene } from '../../../src/state/selectors';
export const describe = describeScene;
