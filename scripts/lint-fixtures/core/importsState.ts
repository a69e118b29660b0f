// A deliberate violation of the layer rule: core/ must not import the store.
import { appStore } from '../../../src/state/store';

export const leak = appStore;
