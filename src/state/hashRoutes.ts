/**
 * Addresses that are not a workspace's link: the taxonomy map (`#map`) and lesson steps
 * (`#lesson=…&step=…`). A layer above the state registers a route for them (the lessons know
 * which link each step opens); `urlSync.ts` asks the routes first, both when it reads an address
 * and when it writes one, so the address of a lesson step stays that step's while it is open.
 */
import type { AppState, AppStore } from './store';

export interface HashRoute {
  /** Whether this route reads `hash` (with its leading '#'). */
  matches(hash: string): boolean;
  /** Opens what `hash` names; false when it could not (after telling the person). */
  open(store: AppStore, hash: string): Promise<boolean>;
  /** The address of the state when this route owns it, else null (the workspace's link is written). */
  address(state: AppState): string | null;
}

const routes: HashRoute[] = [];

/** Adds a route; returns its removal (for tests). */
export function registerHashRoute(route: HashRoute): () => void {
  routes.push(route);
  return () => {
    const at = routes.indexOf(route);
    if (at >= 0) routes.splice(at, 1);
  };
}

export function routeFor(hash: string): HashRoute | undefined {
  return routes.find((route) => route.matches(hash));
}

/** The address a route gives the state, or null when no route owns it. */
export function routedAddress(state: AppState): string | null {
  for (const route of routes) {
    const address = route.address(state);
    if (address !== null) return address;
  }
  return null;
}
