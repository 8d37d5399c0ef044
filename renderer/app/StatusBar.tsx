/** Props of the status area. */
export interface StatusBarProps {
  error: string | null;
  onDismissError(): void;
  /** A short polite announcement for screen readers (e.g. which highlight has focus). */
  announcement: string;
}

/** Errors the user must see (an alert with a dismiss button) and quiet announcements for assistive technology. */
export function StatusBar({ error, onDismissError, announcement }: StatusBarProps) {
  return (
    <>
      <div className="error-region" role="alert">
        {error && (
          <div className="error-banner">
            <span className="error-text">{error}</span>
            <button type="button" className="text-button" onClick={onDismissError}>
              Dismiss
            </button>
          </div>
        )}
      </div>
      <div className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </div>
    </>
  );
}
