/**
 * The page: the header with the workspace switch and the link, the notices, and the open workspace
 * (or the start page), with the lectures over it: a lesson's bar above its workspace, presenter
 * mode in place of the page, the speaker's notes window, the taxonomy map. Workspaces come from
 * the ui registry; nothing here names one.
 */
import { SceneView } from '../scene/SceneView';
import { Notices } from '../ui/Notices';
import { SharePanel } from '../ui/SharePanel';
import { WorkspaceNav } from '../ui/WorkspaceNav';
import { StartPage } from '../ui/StartPage';
import { ShortcutsDialog, openShortcutsDialog } from '../ui/ShortcutsDialog';
import { UI_WORKSPACES } from '../ui/workspaces';
import { useAppState } from '../state/store';
import { LecturesSection } from '../lessons/LecturesSection';
import { LessonBar } from '../lessons/LessonBar';
import { MapPage } from '../lessons/MapPage';
import { MyLessonPage } from '../lessons/MyLessonPage';
import { RecordStepButton } from '../lessons/RecordStepButton';
import { NotesView } from '../lessons/NotesView';
import { Presenter } from '../lessons/Presenter';
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
  const lecture = useAppState((s) => s.lecture);
  const lesson = lecture?.kind === 'lesson' ? lecture : null;
  if (lesson?.notes) {
    return (
      <ErrorBoundary what="speaker notes">
        <NotesView lecture={lesson} />
      </ErrorBoundary>
    );
  }
  const Page = workspace === null ? null : UI_WORKSPACES[workspace].Page;
  let main;
  if (lesson?.presenting) main = <Presenter lecture={lesson} scene={scene} />;
  else if (lecture?.kind === 'map') main = <MapPage />;
  else if (lecture?.kind === 'editor') main = <MyLessonPage />;
  else if (Page) main = <Page scene={scene} />;
  else main = <StartPage lectures={<LecturesSection />} />;
  const what = lesson?.presenting ? 'presenter' : lecture?.kind === 'map' ? 'taxonomy map' : lecture?.kind === 'editor' ? 'lesson editor' : workspace === null ? 'start page' : `${UI_WORKSPACES[workspace].label} workspace`;
  return (
    <div className="app">
      <header className="app-header">
        <h1>Subspace Explorer</h1>
        <WorkspaceNav />
        {workspace !== null && <SharePanel />}
        <RecordStepButton />
        <button type="button" className="shortcuts-button" onClick={openShortcutsDialog} aria-haspopup="dialog" aria-keyshortcuts="?" title="Keyboard shortcuts (?)" aria-label="Keyboard shortcuts">
          <kbd>?</kbd>
        </button>
      </header>
      <ShortcutsDialog />
      <Notices />
      {lesson && !lesson.presenting && (
        <ErrorBoundary what="lesson">
          <LessonBar lecture={lesson} />
        </ErrorBoundary>
      )}
      <ErrorBoundary key={what} what={what}>
        {main}
      </ErrorBoundary>
    </div>
  );
}
