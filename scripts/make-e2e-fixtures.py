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

# Files for "Open file": a small .npy and a .safetensors with a matrix and a 3-D tensor.
import os
import struct

small = np.array([[2.0, 0.0, 1.0], [0.0, 3.0, 0.0]], dtype=np.float32)
np.save("e2e/fixtures/small.npy", small)

stack = np.arange(2 * 3 * 2, dtype=np.float32).reshape(2, 3, 2) / 10.0
weight = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], dtype=np.float64)
tensors = {"layers.stack": stack, "proj.weight": weight}
header, offset, blobs = {}, 0, []
for name, array in tensors.items():
    raw = np.ascontiguousarray(array).astype(array.dtype.newbyteorder("<")).tobytes()
    header[name] = {"dtype": {"float32": "F32", "float64": "F64"}[array.dtype.name], "shape": list(array.shape), "data_offsets": [offset, offset + len(raw)]}
    offset += len(raw)
    blobs.append(raw)
header_bytes = json.dumps(header).encode()
with open("e2e/fixtures/model.safetensors", "wb") as f:
    f.write(struct.pack("<Q", len(header_bytes)) + header_bytes + b"".join(blobs))

files = {
    "small.npy": np.linalg.svd(small.astype(np.float64), compute_uv=False).tolist(),
    "proj.weight": np.linalg.svd(weight, compute_uv=False).tolist(),
    "layers.stack[1]": np.linalg.svd(stack[1].astype(np.float64), compute_uv=False).tolist(),
}
gpt2 = "../shared/data/gpt2-small/attn_Wq_layers_0_5_11.npy"
if os.path.exists(gpt2):
    wq = np.load(gpt2)[1].astype(np.float64)
    files["attn_Wq[1]"] = np.linalg.svd(wq, compute_uv=False)[:5].tolist()
with open("e2e/fixtures/files.json", "w") as f:
    json.dump(files, f, indent=2)
print("wrote e2e/fixtures/small.npy, model.safetensors, files.json")

# A local array too big to inline in a link (60 x 50 float64): links refer to it by name and hash.
wide = np.array([[np.sin(0.3 * i + 0.7 * j) + 0.01 * i for j in range(50)] for i in range(60)])
np.save("e2e/fixtures/wide.npy", wide)
print("wrote e2e/fixtures/wide.npy")

# A 3-D array (8 x 10 x 12) opened as a matrix by its mode-3 unfolding (TensorLy's convention:
# mode n's fibres are the columns, np.moveaxis(t, n, 0).reshape(t.shape[n], -1)); 960 entries, too
# many to inline in a link, so links name the file, the unfolding and the hash.
rng = np.random.default_rng(11)
cube = rng.standard_normal((8, 10, 12)) * np.linspace(1.0, 3.0, 12)
np.save("e2e/fixtures/cube.npy", cube)
unfolded = np.moveaxis(cube, 2, 0).reshape(12, -1)
with open("e2e/fixtures/files.json") as f:
    files = json.load(f)
files["cube mode-3 unfolding"] = np.linalg.svd(unfolded, compute_uv=False).tolist()
with open("e2e/fixtures/files.json", "w") as f:
    json.dump(files, f, indent=2)
print("wrote e2e/fixtures/cube.npy")
