#!/usr/bin/env python3
"""numpy side of the tensor benchmark (bench/tensors.ts): the same TT-SVD, per row or whole, with
np.linalg.svd at every bond (TensorLy's algorithm), timed on the same data in the same run.

Usage: python3 bench/numpy_tensors.py CASES_JSON
CASES_JSON is a list of {id, kind: "rows" | "tensor", path, dtype, shape, rowShape?, maxRank?, eps?,
reps}: the input is read from path (raw little-endian float64 or a .npy file). Prints one JSON line
per case: the median time in milliseconds of the TT-SVD, and for "rows" also of the TT-SVD plus
the reconstruction of every row, with the parameters and relative error reached (to check that
both sides computed the same thing). The caller sets OPENBLAS_NUM_THREADS=1, like node's one thread.
"""
import json
import sys
import time

import numpy as np


def tt_svd(x, shape, cap, eps):
    """Cores of one tensor; the same rules as src/core/tensors (eps tail budget, caps, numerical zeros)."""
    d = len(shape)
    delta = None if eps is None else eps / np.sqrt(d - 1) * np.linalg.norm(x)
    c = x
    r = 1
    cores = []
    tail = 0.0
    for k in range(d - 1):
        c = c.reshape(r * shape[k], -1)
        u, s, vt = np.linalg.svd(c, full_matrices=False)
        rk = len(s)
        if delta is not None:
            budget = delta * delta
            acc = 0.0
            while rk > 1 and acc + s[rk - 1] ** 2 <= budget:
                acc += s[rk - 1] ** 2
                rk -= 1
        else:
            tol = max(c.shape) * np.finfo(float).eps * s[0]
            while rk > 1 and s[rk - 1] <= tol:
                rk -= 1
        if cap is not None:
            rk = min(rk, cap)
        tail += float(np.sum(s[rk:] ** 2))
        cores.append(u[:, :rk].reshape(r, shape[k], rk))
        c = s[:rk, None] * vt[:rk]
        r = rk
    cores.append(c.reshape(r, shape[-1], 1))
    return cores, tail


def tt_full(cores):
    out = cores[0].reshape(-1, cores[0].shape[-1])
    for g in cores[1:]:
        out = (out @ g.reshape(g.shape[0], -1)).reshape(-1, g.shape[-1])
    return out.ravel()


def per_row(e, shape, cap, eps, reconstruct):
    params = 0
    tail = 0.0
    out = np.empty_like(e) if reconstruct else None
    for i in range(e.shape[0]):
        cores, t = tt_svd(e[i], shape, cap, eps)
        params += sum(g.size for g in cores)
        tail += t
        if reconstruct:
            out[i] = tt_full(cores)
    return params, tail


def timed(fn, reps):
    samples = []
    result = None
    for _ in range(max(reps, 1)):
        t0 = time.perf_counter()
        result = fn()
        samples.append((time.perf_counter() - t0) * 1000)
    return float(np.median(samples)), result


def load(case):
    if case["path"].endswith(".npy"):
        return np.load(case["path"]).astype(np.float64)
    return np.fromfile(case["path"], dtype="<f8").reshape(case["shape"])


def main():
    for case in json.loads(sys.argv[1]):
        a = load(case)
        cap = case.get("maxRank")
        eps = case.get("eps")
        reps = case.get("reps", 1)
        if case["kind"] == "rows":
            shape = case["rowShape"]
            e = a.reshape(a.shape[0], -1)
            per_row(e[: min(200, e.shape[0])], shape, cap, eps, True)  # warm-up
            ms, (params, tail) = timed(lambda: per_row(e, shape, cap, eps, False), reps)
            ms_full, _ = timed(lambda: per_row(e, shape, cap, eps, True), reps)
            err = float(np.sqrt(tail) / np.linalg.norm(e))
            print(json.dumps({"id": case["id"], "median": ms, "medianWithReconstruction": ms_full, "parameters": int(params), "relativeError": err}), flush=True)
        else:
            tt_svd(a, a.shape, cap, eps)  # warm-up
            ms, (cores, tail) = timed(lambda: tt_svd(a, a.shape, cap, eps), reps)
            ranks = [1] + [g.shape[2] for g in cores]
            err = float(np.sqrt(tail) / np.linalg.norm(a))
            print(json.dumps({"id": case["id"], "median": ms, "ranks": ranks, "relativeError": err}), flush=True)


if __name__ == "__main__":
    main()
