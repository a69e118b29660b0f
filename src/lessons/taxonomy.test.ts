import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { neighbourIds, nodeRelations, provenanceText, TAXONOMY_COLUMNS, TAXONOMY_EDGES, TAXONOMY_NODES, TAXONOMY_SOURCE } from './taxonomy';
import { splitCaption } from './captionParts';
import { expectLinkOpens } from './links.testkit';

/** ../shared/math.md, outside the repository: the source of every number quoted from an abstract. */
const MATH_MD = fileURLToPath(new URL('../../../shared/math.md', import.meta.url));
const hasMath = existsSync(MATH_MD);

describe('the taxonomy map', () => {
  it('has the three columns, each with nodes, and unique node ids', () => {
    expect(TAXONOMY_COLUMNS.map((c) => c.id)).toEqual(['concept', 'decomposition', 'compresses']);
    for (const column of TAXONOMY_COLUMNS) expect(TAXONOMY_NODES.some((n) => n.column === column.id), column.id).toBe(true);
    const ids = TAXONOMY_NODES.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has the nodes the issue names', () => {
    const titles = TAXONOMY_NODES.map((n) => n.title).join(' | ');
    for (const name of ['Subspace', 'projection', 'Rotation', 'Scaling', 'Change of basis', 'Principal angles', 'SVD', 'Truncated SVD', 'FWSVD', 'Tucker', 'CP', 'Tensor-Train', 'bilinear', 'Weight matrices', 'Attention heads', 'Embedding tables']) {
      expect(titles).toContain(name);
    }
  });

  it('edges name existing nodes, point the right way between columns, and are not repeated', () => {
    const column = new Map(TAXONOMY_NODES.map((n) => [n.id, n.column]));
    const seen = new Set<string>();
    for (const edge of TAXONOMY_EDGES) {
      const key = `${edge.from}>${edge.to}`;
      expect(column.has(edge.from), key).toBe(true);
      expect(column.has(edge.to), key).toBe(true);
      expect(seen.has(key), `repeated ${key}`).toBe(false);
      seen.add(key);
      expect(column.get(edge.from), key).toBe('decomposition');
      if (edge.kind === 'compresses') expect(column.get(edge.to), key).toBe('compresses');
      else expect(['concept', 'decomposition'], key).toContain(column.get(edge.to));
    }
    // Every node is on the map, not floating.
    for (const node of TAXONOMY_NODES) expect(neighbourIds(node.id).size, node.id).toBeGreaterThan(0);
  });

  it('lists relations both ways', () => {
    expect(nodeRelations('truncated-svd').buildsOn.map((n) => n.id)).toEqual(expect.arrayContaining(['svd', 'projection']));
    expect(nodeRelations('projection').usedBy.map((n) => n.id)).toContain('truncated-svd');
    expect(nodeRelations('tensor-train').compresses.map((n) => n.id)).toContain('embedding-tables');
    expect(nodeRelations('attention-heads').compressedBy.map((n) => n.id)).toContain('attention-form');
  });

  it.each(TAXONOMY_NODES.map((n) => [n.id, n] as const))('%s opens a live example that decodes', (_id, node) => {
    expectLinkOpens(node.example, `map node ${node.id}`);
  });

  it('every decomposition has a parameter count, every node a formula, a reading and a provenance', () => {
    for (const node of TAXONOMY_NODES) {
      expect(node.formula.length, node.id).toBeGreaterThan(0);
      expect(node.reading.length, node.id).toBeGreaterThan(0);
      expect(node.provenance.length, node.id).toBeGreaterThan(0);
      for (const text of [node.reading, node.detail ?? '']) {
        const plain = splitCaption(text).map((p) => (p.kind === 'text' ? p.text : '')).join('');
        expect(plain, `${node.id}: unbalanced $`).not.toContain('$');
      }
    }
  });

  it('says what is unknown where a node depends on a paper beyond its abstract', () => {
    const kinds = (id: string) => TAXONOMY_NODES.find((n) => n.id === id)!.provenance.map((p) => p.kind);
    expect(kinds('weighted')).toContain('unknown');
    expect(kinds('embedding-tables')).toEqual(expect.arrayContaining(['abstract', 'unknown']));
    expect(TAXONOMY_SOURCE.kind).toBe('unknown');
    expect(provenanceText({ kind: 'standard' })).toBe('Standard reading');
    expect(provenanceText({ kind: 'abstract', paper: 'P', quote: 'q' })).toBe('Abstract of P: “q”');
    expect(provenanceText({ kind: 'unknown', what: 'w' })).toBe('Unknown to us: w');
  });

  it.skipIf(!hasMath)('quotes from abstracts only numbers and words that ../shared/math.md gives', () => {
    const math = readFileSync(MATH_MD, 'utf8').replace(/\s+/g, ' ');
    const abstracts = TAXONOMY_NODES.flatMap((n) => n.provenance.map((p) => ({ id: n.id, p }))).filter(({ p }) => p.kind === 'abstract');
    expect(abstracts.length).toBeGreaterThan(0);
    for (const { id, p } of abstracts) {
      if (p.kind !== 'abstract') continue;
      for (const number of p.quote.match(/\d+(?:[.,]\d+)*/g) ?? []) expect(math, `${id}: ${number}`).toContain(number);
      // The quote as a whole is math.md's wording, so nothing is put in the paper's mouth.
      expect(math, id).toContain(p.quote);
      // The paper is one math.md names.
      expect(math, id).toContain(p.paper.replace(/, a later version$/, '').replace(/^TensorGPT \((.*)\)$/, '$1'));
    }
  });
});
