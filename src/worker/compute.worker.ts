/// <reference lib="webworker" />
/** The compute worker: wires the protocol host to the worker's global scope. */
import { createWorkerHost } from './host';
import { handlers } from './handlers';
import type { ToWorker } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const host = createWorkerHost(handlers, (message, transfer = []) => scope.postMessage(message, transfer));
scope.onmessage = (event: MessageEvent<ToWorker>) => host.receive(event.data);
