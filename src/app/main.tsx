/** Starts the app: the store's effects (worker jobs, animation, URL) and the React tree. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { appStore } from '../state/store';
import { startSvdEffect } from '../state/effects';
import { startAnimationDriver } from '../state/animation';
import { hashCarriesNoData, startUrlSync } from '../state/urlSync';
import { startSourceEffect } from '../state/sourceEffect';
import { startFileEffect } from '../state/fileEffect';
import { startLinkedFilesEffect } from '../state/linkedFiles';
import { startAttentionEffect } from '../state/attentionEffect';
import { startCompareEffect } from '../state/compareEffect';
import { startExportEffect } from '../state/exportEffect';
import { startWeightedEffect } from '../state/weightedEffect';
import { startTensorEffect } from '../state/tensorEffect';
import { indexedDbStorage, startPersistence } from '../state/persistence';
import { downloadBlob } from '../ui/plots';
import { createComputeClient, spawnBrowserWorker } from '../worker/client';
import { registerHashRoute } from '../state/hashRoutes';
import { lessonRoute } from '../lessons/lessonRoute';
import { App } from './App';
import { withTestHooks } from './testHooks';
import './styles.css';
import { registerServiceWorker } from './registerServiceWorker'; registerServiceWorker(); // offline once loaded (production builds)

const client = createComputeClient(import.meta.env.VITE_TEST_HOOKS === '1' ? withTestHooks(spawnBrowserWorker) : spawnBrowserWorker);
// The effects listen before anything asks for work, so requests made while a link is read are seen.
startFileEffect(appStore, client);
startLinkedFilesEffect(appStore);
startAttentionEffect(appStore, client);
startCompareEffect(appStore, client);
startExportEffect(appStore, client, downloadBlob);
const embeddings = {
  vectorsUrl: new URL('data/glove-subset.npy', document.baseURI).href,
  wordsUrl: new URL('data/glove-subset.words.json', document.baseURI).href,
};
startSourceEffect(appStore, client, embeddings);
startWeightedEffect(appStore, client, downloadBlob);
startTensorEffect(appStore, client, embeddings, downloadBlob);
// Saved work comes back only when the address holds no link's data (the start page, `#w=svd`); a link wins.
startPersistence(appStore, window.indexedDB ? indexedDbStorage(window.indexedDB) : undefined, hashCarriesNoData(window.location.hash));
// Lesson steps and the taxonomy map have addresses of their own, read before any workspace link.
registerHashRoute(lessonRoute);
// The link is read before the first SVD, so a link's matrix is the first thing computed.
startUrlSync(appStore, window.location, window.history, window);
startSvdEffect(appStore, client);
startAnimationDriver(appStore);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
