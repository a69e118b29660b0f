/** The one message for a link that cannot be opened: it names the problems and keeps the work. */
import type { AppStore } from './store';

export function refuseLink(store: AppStore, problems: string[]): false {
  store.getState().notify({ kind: 'error', title: 'This link could not be opened; your work is unchanged.', details: problems });
  return false;
}
