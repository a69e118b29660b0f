#!/usr/bin/env python3
"""Writes the small golden files the src/io tests read: .npy and .npz made by NumPy itself, and
.safetensors files assembled byte by byte (the safetensors package may be absent).

Run from the repository root:  python3 scripts/make-io-fixtures.py
Also writes src/io/__fixtures__/expected.json: for every array, its shape, dtype and values in
C order (NaN/Infinity as strings), so the tests need no python.
"""
import json
import os
import struct

import numpy as np

OUT = os.path.join(os.path.dirname(__file__), '..', 'src', 'io', '__fixtures__')
expected = {}


def values(a):
    out = []
    for v in np.asarray(a, dtype=np.float64).ravel(order='C').tolist():
        out.append('NaN' if v != v else ('Infinity' if v == float('inf') else ('-Infinity' if v == float('-inf') else v)))
    return out


def record(key, a, dtype_name):
    expected[key] = {'shape': list(a.shape), 'dtype': dtype_name, 'values': values(a)}


def save_npy(name, a, dtype_name, version=None):
    path = os.path.join(OUT, name + '.npy')
    with open(path, 'wb') as f:
        np.lib.format.write_array(f, a, version=version)
    record(name + '.npy', a, dtype_name)


ramp = np.arange(-6, 6).reshape(3, 4)
half_specials = np.array([0.0, -0.0, 1.0, -2.5, 65504.0, 6.0e-8, 6.1e-5, np.inf, -np.inf, np.nan, 1e-3, 3.140625],
                         dtype=np.float16)
save_npy('f16', half_specials.reshape(3, 4), 'float16')
save_npy('f32', (ramp / 7).astype('<f4'), 'float32')
save_npy('f64', (ramp / 7).astype('<f8'), 'float64')
for bits in (8, 16, 32, 64):
    save_npy(f'i{bits}', ramp.astype(f'<i{bits // 8}'), f'int{bits}')
    save_npy(f'u{bits}', (ramp + 6).astype(f'<u{bits // 8}'), f'uint{bits}')
save_npy('bool', np.array([[True, False, True], [False, False, True]]), 'bool')
save_npy('f64_big_endian', (ramp / 3).astype('>f8'), 'float64')
save_npy('i32_big_endian', ramp.astype('>i4'), 'int32')
save_npy('f16_big_endian', half_specials.astype('>f2'), 'float16')
save_npy('fortran_2d', np.asfortranarray(ramp.astype('<f8')), 'float64')
save_npy('fortran_3d', np.asfortranarray(np.arange(24, dtype='<f4').reshape(2, 3, 4)), 'float32')
save_npy('scalar_0d', np.array(3.5), 'float64')
save_npy('vector_1d', np.linspace(0, 1, 5), 'float64')
save_npy('tensor_3d', np.arange(24, dtype='<i2').reshape(2, 3, 4), 'int16')
save_npy('empty_0x3', np.zeros((0, 3), dtype='<f4'), 'float32')
save_npy('i64_large', np.array([2**53, 2**53 + 1, -(2**62), 7], dtype='<i8'), 'int64')
save_npy('u64_large', np.array([2**64 - 1, 1], dtype='<u8'), 'uint64')
save_npy('version2', (ramp * 1.5).astype('<f8'), 'float64', version=(2, 0))
save_npy('version3', (ramp * 0.5).astype('<f4'), 'float32', version=(3, 0))

# Arrays NumPy can save but the reader must refuse with a message.
np.save(os.path.join(OUT, 'reject_complex.npy'), np.array([1 + 2j]))
np.save(os.path.join(OUT, 'reject_structured.npy'), np.zeros(2, dtype=[('a', '<f4'), ('b', '<i4')]))
np.save(os.path.join(OUT, 'reject_object.npy'), np.array([{'a': 1}], dtype=object), allow_pickle=True)

# .npz: stored and deflated members.
members = {'weights': (ramp / 4).astype('<f4'), 'bias': np.arange(3, dtype='<f8'), 'mask': ramp > 0}
np.savez(os.path.join(OUT, 'stored.npz'), **members)
np.savez_compressed(os.path.join(OUT, 'deflated.npz'), **members)
for k, a in members.items():
    record(f'npz:{k}', a, {'float32': 'float32', 'float64': 'float64', 'bool': 'bool'}[str(a.dtype)])


# .safetensors, following https://github.com/huggingface/safetensors#format
ST_DTYPES = {
    'F16': ('<f2', 'float16'), 'F32': ('<f4', 'float32'), 'F64': ('<f8', 'float64'),
    'I8': ('<i1', 'int8'), 'I16': ('<i2', 'int16'), 'I32': ('<i4', 'int32'), 'I64': ('<i8', 'int64'),
    'U8': ('<u1', 'uint8'), 'U16': ('<u2', 'uint16'), 'U32': ('<u4', 'uint32'), 'U64': ('<u8', 'uint64'),
    'BOOL': ('|b1', 'bool'),
}


def safetensors_bytes(tensors, metadata=None):
    """tensors: list of (name, st_dtype, shape, raw bytes)."""
    header = {}
    if metadata is not None:
        header['__metadata__'] = metadata
    offset = 0
    for name, st_dtype, shape, raw in tensors:
        header[name] = {'dtype': st_dtype, 'shape': list(shape), 'data_offsets': [offset, offset + len(raw)]}
        offset += len(raw)
    text = json.dumps(header, separators=(',', ':')).encode('utf-8')
    text += b' ' * ((8 - len(text) % 8) % 8)  # the reference writer pads the header to 8 bytes
    return struct.pack('<Q', len(text)) + text + b''.join(t[3] for t in tensors)


tensors = []
for st_dtype, (np_dtype, name) in ST_DTYPES.items():
    src = ramp + 6 if name.startswith('uint') else ramp
    a = (src > 0) if name == 'bool' else (src / 4 if name.startswith('float') else src).astype(np_dtype)
    tensors.append((f't_{st_dtype.lower()}', st_dtype, a.shape, a.tobytes(order='C')))
    record(f'st:t_{st_dtype.lower()}', a, name)
# bfloat16: the top 16 bits of float32 values that bfloat16 holds exactly.
bf = np.array([1.0, -2.0, 0.5, 3.140625, 1e30, -np.inf, np.nan, 0.0], dtype='<f4')
bf = (bf.view('<u4') >> 16 << 16).view('<f4')
tensors.append(('t_bf16', 'BF16', (2, 4), (bf.view('<u4') >> 16).astype('<u2').tobytes()))
record('st:t_bf16', bf.reshape(2, 4), 'bfloat16')
tensors.append(('t_scalar', 'F64', (), np.array(2.25, dtype='<f8').tobytes()))
record('st:t_scalar', np.array(2.25), 'float64')
tensors.append(('t_3d', 'F32', (2, 3, 4), np.arange(24, dtype='<f4').tobytes()))
record('st:t_3d', np.arange(24, dtype='<f4').reshape(2, 3, 4), 'float32')
with open(os.path.join(OUT, 'all_dtypes.safetensors'), 'wb') as f:
    f.write(safetensors_bytes(tensors, {'format': 'pt', 'source': 'make-io-fixtures.py'}))

with open(os.path.join(OUT, 'expected.json'), 'w') as f:
    json.dump(expected, f, indent=None, separators=(',', ':'))
    f.write('\n')
print(f'wrote {len(expected)} arrays to {os.path.normpath(OUT)}')
