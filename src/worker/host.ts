/**
 * The worker side of the protocol, independent of the Worker global so tests can run it
 * in-process. Jobs run one at a time in arrival order; a job cancelled before it starts is
 * dropped, and a running job sees `isCancelled()` turn true at its next check.
 */
import { CodedJobError, JobCancelled, type FromWorker, type HandlerResult, type JobContext, type ToWorker } from './protocol';

export type Post = (message: FromWorker, transfer?: ArrayBuffer[]) => void;

export interface WorkerHost {
  receive(message: ToWorker): void;
}

/** Turns anything thrown into one readable line. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

/** Any table of handlers; the real one is `HandlerTable`, tests pass their own. */
export type AnyHandlers = Record<string, (input: never, context: JobContext) => HandlerResult<unknown> | Promise<HandlerResult<unknown>>>;

export function createWorkerHost(handlers: AnyHandlers, post: Post): WorkerHost {
  const queue: Array<{ id: number; kind: string; input: unknown }> = [];
  const cancelled = new Set<number>();
  let running = false;

  async function runNext(): Promise<void> {
    if (running) return;
    const job = queue.shift();
    if (!job) return;
    running = true;
    try {
      if (cancelled.delete(job.id)) {
        post({ type: 'cancelled', id: job.id });
        return;
      }
      post({ type: 'started', id: job.id });
      const handler = handlers[job.kind] as (input: unknown, context: JobContext) => HandlerResult<unknown> | Promise<HandlerResult<unknown>>;
      const context: JobContext = {
        progress: (fraction: number, stage: string) => post({ type: 'progress', id: job.id, fraction, stage }),
        // A superseded job's intermediate results are of no use: only the running one streams.
        partial: (value: unknown, transfer: ArrayBuffer[] = []) => {
          if (!cancelled.has(job.id)) post({ type: 'partial', id: job.id, value }, transfer);
        },
        isCancelled: () => cancelled.has(job.id),
      };
      const { output, transfer } = await handler(job.input, context);
      if (cancelled.delete(job.id)) post({ type: 'cancelled', id: job.id });
      else post({ type: 'result', id: job.id, output }, transfer);
    } catch (error) {
      cancelled.delete(job.id);
      if (error instanceof JobCancelled) post({ type: 'cancelled', id: job.id });
      else post({ type: 'error', id: job.id, message: describeError(error), ...(error instanceof CodedJobError ? { code: error.code } : {}) });
    } finally {
      running = false;
      // A macrotask between jobs lets pending 'cancel' messages arrive before the next job starts.
      setTimeout(() => void runNext(), 0);
    }
  }

  return {
    receive(message) {
      if (message.type === 'cancel') {
        cancelled.add(message.id);
        return;
      }
      if (!Object.hasOwn(handlers, message.kind)) {
        post({ type: 'error', id: message.id, message: `unknown job kind "${String(message.kind)}"` });
        return;
      }
      queue.push({ id: message.id, kind: message.kind, input: message.input });
      setTimeout(() => void runNext(), 0);
    },
  };
}
