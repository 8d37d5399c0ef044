import type { Notice } from '../articles/use-current-article.ts';
import { undoKeys } from '../keyboard.ts';
import { DismissibleMessage } from './DismissibleMessage.tsx';

/** Props of the notice row under the header. */
export interface NoticeBarProps {
  notice: Notice | null;
  error: string | null;
  onDismissNotice(): void;
  onDismissError(): void;
}

/**
 * Messages about the window as a whole (what opening a file or a page did, which dropped files could not be opened,
 * a deletion with its Undo, or why something failed), each dismissible. The notice sits in a polite live region that
 * is always on the page, so screen readers announce it when it appears; an error is an alert.
 */
export function NoticeBar({ notice, error, onDismissNotice, onDismissError }: NoticeBarProps) {
  return (
    <div className="notice-row">
      <div className="notice-region" aria-live="polite">
        {notice && <NoticeBanner notice={notice} onDismiss={onDismissNotice} />}
      </div>
      {error && (
        <DismissibleMessage
          text={error}
          bannerClass="notice-banner is-error"
          textClass="notice-text"
          onDismiss={onDismissError}
          role="alert"
        />
      )}
    </div>
  );
}

/** One notice: its sentences (one line each when there are several, such as files refused by a drop) and buttons. */
function NoticeBanner({ notice, onDismiss }: { notice: Notice; onDismiss(): void }) {
  const { lines, undo } = notice;
  return (
    <div className="notice-banner">
      {lines.length === 1 ? (
        <span className="notice-text">{lines[0]}</span>
      ) : (
        <ul className="notice-text notice-lines">
          {lines.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      )}
      <span className="notice-actions">
        {undo && (
          <button
            type="button"
            className="text-button"
            aria-keyshortcuts={undoKeys.aria}
            title={`Undo (${undoKeys.label})`}
            onClick={undo}
          >
            Undo
          </button>
        )}
        <button type="button" className="text-button" onClick={onDismiss}>
          Dismiss
        </button>
      </span>
    </div>
  );
}
