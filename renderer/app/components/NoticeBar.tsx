import { DismissibleMessage } from './DismissibleMessage.tsx';

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
          <DismissibleMessage
            text={notice}
            bannerClass="notice-banner"
            textClass="notice-text"
            onDismiss={onDismissNotice}
          />
        )}
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
