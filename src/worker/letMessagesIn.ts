/**
 * A pause for the worker's event loop: a long job awaits this between iterations or blocks, so a
 * cancel message arrives and the job sees `isCancelled()` at once (the host handles messages only
 * between tasks).
 */
export function letMessagesIn(): Promise<void> {
  return new Promise<void>((resolve) => setTimeout(resolve, 0));
}
