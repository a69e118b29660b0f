/**
 * The page: the header with the workspace switch and the link, the notices, and the open workspace
 * (or the start page). Workspaces come from the ui registry; nothing here names one.
 */
import { SceneView } from '../scene/SceneView';
import { Notices } from '../ui/Notices';
import { SharePanel } from '../ui/SharePanel';
import { WorkspaceNav } from '../ui/WorkspaceNav';
import { StartPage } from '../ui/StartPage';
import { ShortcutsDialog, openShortcutsDialog } from '../ui/ShortcutsDialog';
import { UI_WORKSPACES } from '../ui/workspaces';
import { useAppState } from '../state/store';
import { ErrorBoundary } from './ErrorBoundary';

function scene(describedBy: string) {
  return (
    <ErrorBoundary what="3D scene">
      <SceneView describedBy={describedBy} />
    </ErrorBoundary>
  );
}

export function App() {
  const workspace = useAppState((s) => s.workspace);
  const Page = workspace === null ? null : UI_WORKSPACES[workspace].Page;
  return (
    <div className="app">
      <header className="app-header">
        <h1>Subspace Explorer</h1>
        <WorkspaceNav />
        {workspace !== null && <SharePanel />}
        <button type="button" className="shortcuts-button" onClick={openShortcutsDialog} aria-haspopup="dialog" aria-keyshortcuts="?" title="Keyboard shortcuts (?)">
          Shortcuts <kbd>?</kbd>
        </button>
      </header>
      <ShortcutsDialog />
      <Notices />
      <ErrorBoundary key={workspace ?? "start"} what={workspace === null ? 'start page' : `${UI_WORKSPACES[workspace].label} workspace`}>
        {Page ? <Page scene={scene} /> : <StartPage />}
      </ErrorBoundary>
    </div>
  );
}
