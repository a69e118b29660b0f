/**
 * The start page at `/`: what the app is, the workspaces with example links that open a real
 * decomposition in one click, and the work saved in this browser.
 */
import type { ReactNode } from 'react';
import { useAppState } from '../state/store';
import { STATE_WORKSPACES } from '../state/workspaces';
import { palette } from '../theme/palette';
import { UI_WORKSPACE_LIST, UI_WORKSPACES } from './workspaces';

/** The app in one picture: the unit circle, its image under A, and the singular directions. */
function MapPicture() {
  const angle = -28;
  return (
    <svg className="start-picture" viewBox="-3.2 -2.2 6.4 4.4" role="img" aria-label="The unit circle and its image under a matrix: an ellipse whose semi-axes are sigma 1 u 1 and sigma 2 u 2">
      <defs>
        <marker id="start-arrow-in" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="4" markerHeight="4" orient="auto">
          <path d="M0,0 L10,5 L0,10 z" fill={palette.input} />
        </marker>
        <marker id="start-arrow-out" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="4" markerHeight="4" orient="auto">
          <path d="M0,0 L10,5 L0,10 z" fill={palette.output} />
        </marker>
      </defs>
      <g transform="scale(1,-1)">
        <circle r="1" fill="none" stroke={palette.input} strokeWidth="0.04" strokeDasharray="0.12 0.08" />
        <g transform={`rotate(${angle})`}>
          <ellipse rx="2.5" ry="0.9" fill={palette.imageFill} fillOpacity="0.35" stroke={palette.output} strokeWidth="0.05" />
          <line x1="0" y1="0" x2="2.4" y2="0" stroke={palette.output} strokeWidth="0.07" markerEnd="url(#start-arrow-out)" />
          <line x1="0" y1="0" x2="0" y2="0.82" stroke={palette.output} strokeWidth="0.07" markerEnd="url(#start-arrow-out)" />
        </g>
        <line x1="0" y1="0" x2="0.64" y2="0.72" stroke={palette.input} strokeWidth="0.06" markerEnd="url(#start-arrow-in)" />
      </g>
      <text x="0.55" y="-0.85" className="start-picture-label" fill={palette.input}>v₁</text>
      <text x="2.1" y="1.55" className="start-picture-label" fill={palette.output}>σ₁u₁</text>
      <text x="-0.95" y="-0.75" className="start-picture-label" fill={palette.output}>σ₂u₂</text>
    </svg>
  );
}

function RecentWork() {
  const restored = useAppState((s) => s.restored);
  // One string, so the selector's answer compares equal while nothing changed.
  const joined = useAppState((s) => restored.map((id) => STATE_WORKSPACES[id].summary(s) ?? '').join('\u0000'));
  const shown = joined === '' ? [] : joined.split('\u0000').map((summary, i) => [restored[i], summary] as const).filter(([, summary]) => summary !== '');
  if (shown.length === 0) return <p className="hint">Work you do here is saved in this browser and listed here next time.</p>;
  return (
    <ul className="recent-work">
      {shown.map(([id, summary]) => (
        <li key={id}>
          <a href={`#w=${id}`}>
            Continue in {UI_WORKSPACES[id].label}: {summary}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** `lectures`: the taxonomy map and the lessons, given by the app (the lessons layer sits above this one). */
export function StartPage({ lectures }: { lectures?: ReactNode }) {
  return (
    <main className="start-page" aria-labelledby="start-heading">
      <section className="start-intro">
        <div>
          <h2 id="start-heading">Matrix and tensor decompositions, seen as geometry</h2>
          <p>
            Every matrix is a map: Vᵀ rotates, Σ stretches, U rotates. Bring a matrix or a model's weights, and watch a decomposition act on the
            unit sphere, on the rows of an embedding table, or on an attention head; every view is a link that reopens the same numbers.
          </p>
          {lectures && (
            <p className="start-teaching">
              Teaching? The <a href="#map">subspace taxonomy map</a> and six <a href="#lessons">lessons with a presenter mode</a> are below the workspaces.
            </p>
          )}
        </div>
        <MapPicture />
      </section>
      <section aria-labelledby="workspaces-heading">
        <h2 id="workspaces-heading">Workspaces</h2>
        <ul className="workspace-cards">
          {UI_WORKSPACE_LIST.map((workspace) => (
            <li key={workspace.id} className="panel workspace-card">
              <h3>
                <a href={`#w=${workspace.id}`}>{workspace.label}</a>
              </h3>
              <p>{workspace.blurb}</p>
              <p className="examples-heading">Examples:</p>
              <ul className="examples">
                {workspace.examples.map((example) => (
                  <li key={example.hash}>
                    <a href={example.hash}>{example.label}</a>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </section>
      {lectures}
      <section aria-labelledby="recent-heading">
        <h2 id="recent-heading">Recent work</h2>
        <RecentWork />
      </section>
    </main>
  );
}
