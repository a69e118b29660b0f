/** The build plugin's choice of files for precache.json (selectPrecacheFiles in vite.config.ts). */
import { describe, expect, it } from 'vitest';
import { selectPrecacheFiles } from '../../vite.config';

const indexHtml = `<!doctype html>
<link rel="icon" href="./favicon.svg" type="image/svg+xml" />
<script type="module" crossorigin src="./assets/index-Cz-Fizcg.js"></script>
<link rel="stylesheet" crossorigin href="./assets/index-7-i4iXpw.css">`;

const bundle = [
  'index.html',
  'assets/index-Cz-Fizcg.js',
  'assets/index-Cz-Fizcg.js.map',
  'assets/compute.worker-Dbh8pZ57.js',
  'assets/compute.worker-Dbh8pZ57.js.map',
  'assets/index-7-i4iXpw.css',
  'assets/KaTeX_AMS-Regular-BQhdFMY1.woff2',
  'assets/KaTeX_AMS-Regular-DMm9YOAa.woff',
  'assets/KaTeX_AMS-Regular-DRggAlZN.ttf',
  // A hash with a dash in it.
  'assets/KaTeX_Caligraphic-Regular-Di6jR-x-.woff2',
  'assets/KaTeX_Caligraphic-Regular-CTRA-rTL.woff',
  // A font that exists only as .ttf stays.
  'assets/Other-Regular-AbCdEfGh.ttf',
  'assets/logo-12345678.png',
];

describe('selectPrecacheFiles', () => {
  const files = selectPrecacheFiles({
    bundle,
    publicFiles: ['favicon.svg', 'data/README.md', 'data/glove-subset.npy', 'data/glove-subset.words.json', '_headers', '.htaccess', 'data/.DS_Store', 'robots.txt'],
    indexHtml,
  });

  it('lists the chunks (entry and compute worker), the stylesheet, woff2 fonts and images of the bundle', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'assets/index-Cz-Fizcg.js',
        'assets/compute.worker-Dbh8pZ57.js',
        'assets/index-7-i4iXpw.css',
        'assets/KaTeX_AMS-Regular-BQhdFMY1.woff2',
        'assets/KaTeX_Caligraphic-Regular-Di6jR-x-.woff2',
        'assets/Other-Regular-AbCdEfGh.ttf',
        'assets/logo-12345678.png',
      ]),
    );
  });

  it('leaves out source maps and the older formats of a font that has a woff2', () => {
    expect(files.filter((file) => file.endsWith('.map'))).toEqual([]);
    expect(files).not.toContain('assets/KaTeX_AMS-Regular-DMm9YOAa.woff');
    expect(files).not.toContain('assets/KaTeX_AMS-Regular-DRggAlZN.ttf');
    expect(files).not.toContain('assets/KaTeX_Caligraphic-Regular-CTRA-rTL.woff');
  });

  it('takes the data files of public/ and what index.html names, never a README, a dotfile or a host configuration', () => {
    expect(files).toContain('data/glove-subset.npy');
    expect(files).toContain('data/glove-subset.words.json');
    expect(files).toContain('favicon.svg');
    for (const file of ['data/README.md', '_headers', '.htaccess', 'data/.DS_Store', 'robots.txt']) expect(files).not.toContain(file);
  });

  it('leaves out index.html, sw.js and precache.json, and is sorted and without repeats', () => {
    const again = selectPrecacheFiles({ bundle: [...bundle, 'sw.js', 'precache.json'], publicFiles: ['favicon.svg', 'favicon.svg'], indexHtml });
    for (const file of ['index.html', 'sw.js', 'precache.json']) expect(again).not.toContain(file);
    expect(again).toEqual([...new Set(again)].sort());
  });
});
