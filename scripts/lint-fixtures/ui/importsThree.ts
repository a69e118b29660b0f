// A deliberate violation of the layer rule: ui/ must not import three or the worker.
import { Vector3 } from 'three';
import { createComputeClient } from '../../../src/worker/client';

export const leak = [Vector3, createComputeClient];
