/**
 * The workspace switch in the header: links, so that each workspace has an address, Back and
 * Forward move between them, and a middle click opens one in a new tab.
 */
import { useAppState } from '../state/store';
import { UI_WORKSPACE_LIST } from './workspaces';

export function WorkspaceNav() {
  const current = useAppState((s) => s.workspace);
  return (
    <nav className="workspace-nav" aria-label="Workspaces">
      <a href="#" aria-current={current === null ? 'page' : undefined} onClick={(event) => {
        // Setting the hash to '' would leave "/#"; the start page's address is the bare path, as a new
        // history entry (Back returns to the workspace), announced as a hash change for the URL sync.
        event.preventDefault();
        if (current === null) return;
        window.history.pushState(window.history.state, '', `${window.location.pathname}${window.location.search}`);
        window.dispatchEvent(new HashChangeEvent('hashchange'));
      }}>
        Start
      </a>
      {UI_WORKSPACE_LIST.map((workspace) => (
        <a key={workspace.id} href={`#w=${workspace.id}`} aria-current={current === workspace.id ? 'page' : undefined}>
          {workspace.label}
        </a>
      ))}
    </nav>
  );
}
