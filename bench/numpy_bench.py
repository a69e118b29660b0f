#!/usr/bin/env python3
"""numpy side of `npm run bench`: times the same matrices the TypeScript side factors.

Usage (run by bench/run.ts): python3 bench/numpy_bench.py CASES_JSON DATA_DIR
CASES_JSON is a list of {id, kind, rows, cols, k, reps, oversample, powerIterations}; DATA_DIR holds
<id>.f64 (row-major float64). Prints one JSON line per case with the median in milliseconds.
The orchestrator sets OPENBLAS_NUM_THREADS=1 so numpy uses one thread, like node.
"""
import json
import pathlib
import sys
import time

import numpy as np


WARM_UP_S = 0.5  # the same warm-up rule as bench/measure.ts (WARM_UP_MS)


def median_ms(fn, reps):
    warm = time.perf_counter()
    fn()  # warm-up: at least one run, then until WARM_UP_S is spent
    while time.perf_counter() - warm < WARM_UP_S:
        fn()
    samples = []
    start = time.perf_counter()
    for _ in range(max(reps, 1)):
        t0 = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t0) * 1000)
        if time.perf_counter() - start > 60:
            break
    return float(np.median(samples)), len(samples)


def randomized(a, k, oversample, q, rng):
    """Halko-Martinsson-Tropp with QR re-orthonormalisation, as src/core/svd/randomizedSvd.ts does."""
    m, n = a.shape
    l = min(k + oversample, m, n)
    basis, _ = np.linalg.qr(a @ rng.standard_normal((n, l)))
    for _ in range(q):
        z, _ = np.linalg.qr(a.T @ basis)
        basis, _ = np.linalg.qr(a @ z)
    ub, s, vt = np.linalg.svd(basis.T @ a, full_matrices=False)
    return basis @ ub[:, :k], s[:k], vt[:k]


def main():
    cases = json.loads(sys.argv[1])
    data = pathlib.Path(sys.argv[2])
    for c in cases:
        a = np.fromfile(data / f"{c['id']}.f64").reshape(c["rows"], c["cols"])
        if c["kind"] == "svd":
            med, runs = median_ms(lambda: np.linalg.svd(a, full_matrices=False), c["reps"])
        else:
            rng = np.random.default_rng(7)
            med, runs = median_ms(lambda: randomized(a, c["k"], c["oversample"], c["powerIterations"], rng), c["reps"])
        print(json.dumps({"id": c["id"], "median": {"median": med, "runs": runs, "capped": False}}), flush=True)


if __name__ == "__main__":
    main()
