#!/usr/bin/env python3
"""numpy side of the weighted benchmark (bench/weighted.ts): the same EM iteration as
src/core/weighted/em.ts, timed per iteration on the same matrix, weights and start.

Usage: python3 bench/numpy_weighted.py SPEC_JSON DATA_DIR
SPEC_JSON is {rows, cols, k, iterations}; DATA_DIR holds a.f64, w.f64 (row-major float64) and
x0.f64, y0.f64 (the start factors, rows x k and cols x k). Prints one JSON line: the median and all
per-iteration times in milliseconds, and the objectives reached. The caller sets
OPENBLAS_NUM_THREADS=1 so numpy uses one thread, like node.
"""
import json
import pathlib
import sys
import time

import numpy as np


def evaluate(a, w, wn, p):
    """The fused pass of evaluate.ts: objective, plain error and EM's fill-in Z = P + (W / max W) o (A - P)."""
    r = a - p
    wr = w * r
    return float(np.sum(wr * r)), float(np.sqrt(np.sum(r * r))), p + wn * r


def em_step(z, basis):
    """Q = orth(Z V); B = Z^T Q; P = Q B^T; V = orth(B)."""
    q, _ = np.linalg.qr(z @ basis)
    b = z.T @ q
    p = q @ b.T
    basis, _ = np.linalg.qr(b)
    return p, basis


def main():
    spec = json.loads(sys.argv[1])
    data = pathlib.Path(sys.argv[2])
    m, n, k = spec["rows"], spec["cols"], spec["k"]
    a = np.fromfile(data / "a.f64").reshape(m, n)
    w = np.fromfile(data / "w.f64").reshape(m, n)
    x0 = np.fromfile(data / "x0.f64").reshape(m, k)
    y0 = np.fromfile(data / "y0.f64").reshape(n, k)
    wn = w / np.max(w)
    p = x0 @ y0.T
    basis, _ = np.linalg.qr(y0)
    objective, _, z = evaluate(a, w, wn, p)
    objectives = [objective]
    times = []
    for _ in range(spec["iterations"]):
        t0 = time.perf_counter()
        p, basis = em_step(z, basis)
        objective, _, z = evaluate(a, w, wn, p)
        times.append((time.perf_counter() - t0) * 1000)
        objectives.append(objective)
    print(json.dumps({"median": float(np.median(times)), "times": times, "objectives": objectives}), flush=True)


if __name__ == "__main__":
    main()
