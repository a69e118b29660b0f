/**
 * Registers the service worker (src/offline/serviceWorker.ts, built to `sw.js` next to index.html)
 * that keeps the app working offline once it has loaded. Production builds only (the dev server has
 * no sw.js), only where the browser offers service workers (a secure context: https, or localhost),
 * and only after the `load` event, so it never competes with the first paint. A failure changes
 * nothing for the page: the app simply keeps needing the network, and the console says why.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD) return;
  if (typeof window === 'undefined' || !('serviceWorker' in navigator)) return;
  if (!window.isSecureContext && !isLocalhost(window.location.hostname)) return;
  const register = () => {
    const scope = new URL('./', document.baseURI).href;
    navigator.serviceWorker.register(new URL('sw.js', scope).href, { scope }).catch((error: unknown) => {
      console.info('Subspace Explorer works online only here: its service worker could not be registered.', error);
    });
  };
  if (document.readyState === 'complete') setTimeout(register, 0);
  else window.addEventListener('load', register, { once: true });
}

function isLocalhost(hostname: string): boolean {
  return hostname === 'localhost' || hostname.endsWith('.localhost') || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}
