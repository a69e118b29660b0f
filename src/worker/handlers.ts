/** The table of job handlers the worker runs: one entry per job kind of `JobMap`. */
import type { HandlerTable } from './protocol';
import { runSvdJob } from './svdJob';

export const handlers: HandlerTable = {
  svd: runSvdJob,
};
