/** The taxonomy map as a page of its own (`#map`), with the way back to the start page. */
import { TaxonomyMap } from './TaxonomyMap';
import './lessons.css';

export function MapPage() {
  return (
    <main className="map-page" aria-label="The subspace taxonomy map">
      <p className="lesson-where">
        <a href="#lessons">Start page and lessons</a>
      </p>
      <TaxonomyMap />
    </main>
  );
}
