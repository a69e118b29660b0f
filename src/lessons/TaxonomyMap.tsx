/**
 * The taxonomy map: three columns (concepts, decompositions, what they compress) of cards. Edges
 * are shown as each card's "builds on" / "used by" / "compresses" / "compressed by" lists rather
 * than drawn lines: lists stay readable at any zoom and on a projector, work with a keyboard and a
 * screen reader, and cannot go stale when the layout reflows. Hovering or focusing a card
 * highlights its neighbours; a relation's button highlights and jumps to the card it names.
 */
import { useId, useMemo, useState, type MouseEvent } from 'react';
import { Tex } from '../ui/Tex';
import { Caption } from './Caption';
import { neighbourIds, nodeRelations, provenanceText, TAXONOMY_COLUMNS, TAXONOMY_NODES, TAXONOMY_SOURCE, type TaxonomyNode } from './taxonomy';
import './lessons.css';

interface CardProps {
  node: TaxonomyNode;
  domId(id: string): string;
  state: 'active' | 'related' | 'pointed' | null;
  onActivate(id: string | null): void;
  onPoint(id: string | null): void;
  onOpen?(link: string): void;
}

function RelationList({ label, nodes, domId, onPoint }: { label: string; nodes: TaxonomyNode[]; domId(id: string): string; onPoint(id: string | null): void }) {
  if (nodes.length === 0) return null;
  const jump = (id: string) => {
    const card = document.getElementById(domId(id));
    card?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    card?.focus({ preventScroll: true });
  };
  return (
    <div className="taxonomy-relations">
      <span className="taxonomy-relations-label">{label}</span>
      <ul aria-label={label}>
        {nodes.map((n) => (
          <li key={n.id}>
            <button
              type="button"
              className="taxonomy-relation"
              onClick={() => jump(n.id)}
              onMouseEnter={() => onPoint(n.id)}
              onMouseLeave={() => onPoint(null)}
              onFocus={() => onPoint(n.id)}
              onBlur={() => onPoint(null)}
              aria-label={`${label} ${n.title}: go to its card`}
            >
              {n.title}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function NodeCard({ node, domId, state, onActivate, onPoint, onOpen }: CardProps) {
  const relations = useMemo(() => nodeRelations(node.id), [node.id]);
  const titleId = `${domId(node.id)}-title`;
  const open = (event: MouseEvent<HTMLAnchorElement>) => {
    // Let the browser handle new tabs and windows; a plain click goes through the app's router.
    if (!onOpen || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    onOpen(node.example);
  };
  return (
    <article
      id={domId(node.id)}
      className={`taxonomy-card taxonomy-${node.column}${state ? ` is-${state}` : ''}`}
      aria-labelledby={titleId}
      tabIndex={-1}
      onMouseEnter={() => onActivate(node.id)}
      onMouseLeave={() => onActivate(null)}
      onFocus={() => onActivate(node.id)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) onActivate(null);
      }}
    >
      <h4 id={titleId}>{node.title}</h4>
      <Caption text={node.reading} className="taxonomy-reading" />
      <figure className="taxonomy-formula">
        <Tex source={node.formula} display />
        <figcaption>{node.formulaLabel}</figcaption>
      </figure>
      {node.detail && <Caption text={node.detail} className="taxonomy-detail" />}
      <ul className="taxonomy-provenance" aria-label="Provenance">
        {node.provenance.map((p, k) => (
          <li key={k} className={`provenance-${p.kind}`}>{provenanceText(p)}</li>
        ))}
      </ul>
      <RelationList label="Builds on" nodes={relations.buildsOn} domId={domId} onPoint={onPoint} />
      <RelationList label="Used by" nodes={relations.usedBy} domId={domId} onPoint={onPoint} />
      <RelationList label="Compresses" nodes={relations.compresses} domId={domId} onPoint={onPoint} />
      <RelationList label="Compressed by" nodes={relations.compressedBy} domId={domId} onPoint={onPoint} />
      <a className="taxonomy-open" href={`#${node.example}`} onClick={open} aria-label={`Open example of ${node.title}: ${node.exampleLabel}`}>
        Open example <span className="taxonomy-open-what">({node.exampleLabel})</span>
      </a>
    </article>
  );
}

export function TaxonomyMap({ onOpen }: { onOpen?(link: string): void } = {}) {
  const prefix = useId();
  const domId = (id: string) => `${prefix}-node-${id}`;
  const [active, setActive] = useState<string | null>(null);
  const [pointed, setPointed] = useState<string | null>(null);
  const related = useMemo(() => (active ? neighbourIds(active) : new Set<string>()), [active]);
  const stateOf = (id: string): CardProps['state'] => (id === pointed ? 'pointed' : id === active ? 'active' : related.has(id) ? 'related' : null);
  return (
    <section className="taxonomy" aria-labelledby={`${prefix}-heading`}>
      <header className="taxonomy-header">
        <h2 id={`${prefix}-heading`}>The subspace taxonomy</h2>
        <p>
          One idea under every method here: a subspace. Each decomposition is a geometric transformation built from the concepts on the left, and each
          compresses a part of a language model on the right. Every card opens a live example.
        </p>
        <p className="taxonomy-source">{provenanceText(TAXONOMY_SOURCE)}.</p>
      </header>
      <div className="taxonomy-columns">
        {TAXONOMY_COLUMNS.map((column) => (
          <section key={column.id} className="taxonomy-column" aria-labelledby={`${prefix}-column-${column.id}`}>
            <h3 id={`${prefix}-column-${column.id}`}>{column.heading}</h3>
            <p className="taxonomy-column-line">{column.line}</p>
            <ul className="taxonomy-cards">
              {TAXONOMY_NODES.filter((node) => node.column === column.id).map((node) => (
                <li key={node.id}>
                  <NodeCard node={node} domId={domId} state={stateOf(node.id)} onActivate={setActive} onPoint={setPointed} onOpen={onOpen} />
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </section>
  );
}
