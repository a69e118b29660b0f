/**
 * Where an end-to-end test writes a picture that the README and docs show. By default into
 * test-results/screenshots/ (git-ignored), so a test run leaves the tracked docs/images/*.png alone;
 * into docs/images/ only when UPDATE_DOC_IMAGES=1, to refresh the pictures on purpose.
 */
export function docImagePath(name: string): string {
  const folder = process.env.UPDATE_DOC_IMAGES === '1' ? 'docs/images' : 'test-results/screenshots';
  return `${folder}/${name}.png`;
}
