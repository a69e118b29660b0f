// What ui/ may import: the store and the palette. The rule must stay quiet here.
import { appStore } from '../../../src/state/store';
import { palette } from '../../../src/theme/palette';

export const fine = [appStore, palette];
