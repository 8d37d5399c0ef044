/** Props of the notice row under the header. */
export interface NoticeBarProps {
  notice: string | null;
  error: string | null;
  onDismissNotice(): void;
  onDismissError(): void;
}

/**
 * Messages about the window as a whole (what re-opening a file did, or why it failed), each dismissible. The notice
 * sits in a polite live region that is always on the page, so screen readers announce it when it appears; an
 * error is an alert.
 */
export function NoticeBar({ notice, error, onDismissNotice, onDismissError }: NoticeBarProps) {
  return (
    <div className="notice-row">
      <div className="notice-region" aria-live="polite">
        {notice && (
          <div className="notice-banner">
            <span className="notice-text">{notice}</span>
            <button type="button" className="text-button" onClick={onDismissNotice}>
              Dismiss
            </button>
          </div>
        )}
      </div>
      {error && (
        <div className="notice-banner is-error" role="alert">
          <span className="notice-text">{error}</span>
          <button type="button" className="text-button" onClick={onDismissError}>
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
