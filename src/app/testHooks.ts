/**
 * Hooks for the end-to-end tests, compiled in only when the build is made with
 * VITE_TEST_HOOKS=1 (scripts/run-e2e.mjs does; `npm start` and `npm run build` do not).
 *
 * `killWorker()` terminates the compute worker the way a crash would and reports it through the
 * same path as the worker's `error` event, so the tests see what a person sees when the worker
 * dies in the middle of a job.
 */
import type { WorkerEndpoint } from '../worker/client';

export interface TestHooks {
  killWorker(): void;
}

declare global {
  interface Window {
    subspaceExplorerTestHooks?: TestHooks;
  }
}

/** Wraps `spawn` so that the newest worker can be killed from a test. */
export function withTestHooks(spawn: () => WorkerEndpoint): () => WorkerEndpoint {
  return () => {
    const endpoint = spawn();
    window.subspaceExplorerTestHooks = {
      killWorker() {
        endpoint.terminate();
        endpoint.onerror?.('killed by a test');
      },
    };
    return endpoint;
  };
}
