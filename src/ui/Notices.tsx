/** Messages such as "this link could not be opened", in an alert that can be dismissed. */
import { useAppState } from '../state/store';

export function Notices() {
  const notices = useAppState((s) => s.notices);
  const dismiss = useAppState((s) => s.dismiss);
  if (notices.length === 0) return null;
  return (
    <div className="notices">
      {notices.map((notice) => (
        <div key={notice.id} role="alert" className={`notice notice-${notice.kind}`}>
          <strong>{notice.title}</strong>
          {notice.details.length > 0 && (
            <ul>
              {notice.details.map((detail, i) => (
                <li key={i}>{detail}</li>
              ))}
            </ul>
          )}
          <button type="button" onClick={() => dismiss(notice.id)} aria-label="Dismiss message">
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
