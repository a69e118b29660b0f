"""Reference numbers for the end-to-end tests, computed with numpy.

Run: python3 scripts/make-e2e-fixtures.py  (writes e2e/fixtures/truncation.json)
"""
import json
import numpy as np

def truncation(a, k):
    s = np.linalg.svd(a, compute_uv=False)
    frob = float(np.sqrt(np.sum(s[k:] ** 2)))
    spectral = float(s[k]) if k < len(s) else 0.0
    total = float(np.sqrt(np.sum(s ** 2)))
    u, sv, vt = np.linalg.svd(a)
    ak = (u[:, :k] * sv[:k]) @ vt[:k]
    return {
        "k": k,
        "singular_values": s.tolist(),
        "frobenius": frob,
        "frobenius_direct": float(np.linalg.norm(a - ak)),
        "spectral": spectral,
        "spectral_direct": float(np.linalg.norm(a - ak, 2)),
        "relative_frobenius": frob / total,
        "energy": float(np.sum(s[:k] ** 2) / np.sum(s ** 2)),
    }

hilbert = np.array([[1.0 / (i + j + 1) for j in range(8)] for i in range(8)])
cases = {
    "hilbert8_k3": {"link": "#m=" + ";".join(",".join(repr(float(x)) for x in row) for row in hilbert) + "&r=3", **truncation(hilbert, 3)},
    "a2x2_k1": {"link": "#m=3,0;4,5&r=1", **truncation(np.array([[3.0, 0.0], [4.0, 5.0]]), 1)},
}
with open("e2e/fixtures/truncation.json", "w") as f:
    json.dump(cases, f, indent=2)
print("wrote e2e/fixtures/truncation.json")
