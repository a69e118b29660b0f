/**
 * "Copy link" (also the L key, bound in keymap.ts): copies the address, which always describes the
 * current view. Shows the link's form and length, and for matrices written into compact links, the
 * precision and the largest entry error it costs. When the clipboard is not available the link is
 * shown to copy by hand.
 */
import { useState } from 'react';
import { appStore, useAppState } from '../state/store';
import { currentAddress } from '../state/urlSync';
import type { Precision } from '../state/shareSlice';
import { ariaKeyShortcuts, shortcutText, useKeymap } from './keymap';

const PRECISIONS: Array<{ value: Precision; label: string }> = [
  { value: 'f64', label: 'exact (float64)' },
  { value: 'f32', label: 'float32' },
  { value: 'q8', label: '8-bit' },
];

export function SharePanel() {
  const info = useAppState((s) => s.linkInfo);
  const precision = useAppState((s) => s.linkPrecision);
  const setPrecision = useAppState((s) => s.setLinkPrecision);
  const [status, setStatus] = useState<{ text: string; manual?: string } | null>(null);

  async function copy() {
    // The address after any pending write, so a slider moved a moment ago is in the link.
    const href = await currentAddress(window.location);
    const latest = appStore.getState().linkInfo;
    if (latest.form === 'none') {
      setStatus({ text: `No link for this matrix: ${latest.reason ?? 'it is too big.'}` });
      return;
    }
    try {
      await navigator.clipboard.writeText(href);
      setStatus({ text: `Link copied (${href.length.toLocaleString('en')} characters).` });
    } catch {
      setStatus({ text: 'The clipboard is not available here; copy the link below.', manual: href });
    }
  }

  useKeymap({ 'copy-link': () => void copy() });

  return (
    <div className="share">
      <button type="button" className="primary" onClick={() => void copy()} title={`Copy a link to this view (${shortcutText('copy-link')})`} aria-keyshortcuts={ariaKeyShortcuts('copy-link')}>
        Copy link
      </button>
      {info.form === 'compact' || (info.form === 'none' && precision !== 'q8') || precision !== 'f64' ? (
        <label className="precision">
          <span>Link precision</span>
          <select value={precision} onChange={(event) => setPrecision(event.target.value as Precision)}>
            {PRECISIONS.map((p) => (
              <option key={p.value} value={p.value}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <span className="hint" role="status" aria-live="polite">
        {status?.text ??
          (info.form === 'compact'
            ? `Compact link, ${info.length.toLocaleString('en')} characters${info.maxError > 0 ? `; entries off by up to ${info.maxError.toExponential(1)}` : ', exact'}.`
            : info.form === 'none'
              ? `No link: ${info.reason}`
              : '')}
      </span>
      {status?.manual && <input className="manual-link" readOnly value={status.manual} aria-label="Link to copy" onFocus={(event) => event.target.select()} />}
    </div>
  );
}
