import { DismissibleMessage } from './DismissibleMessage.tsx';

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
          <DismissibleMessage
            text={error}
            bannerClass="error-banner"
            textClass="error-text"
            onDismiss={onDismissError}
          />
        )}
      </div>
      <div className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </div>
    </>
  );
}
