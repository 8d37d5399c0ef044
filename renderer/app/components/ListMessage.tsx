import type { RefObject } from 'react';

/** Props of a list dialog's message line. */
interface ListMessageProps {
  message: string;
  /** A failure: the message is shown as an error, with Try again. */
  failed: boolean;
  onRetry(): void;
  /** The dialog's field, which keeps focus when Try again (and the message with it) goes away. */
  field: RefObject<HTMLInputElement | null>;
}

/** The line under a list dialog's field: what the list shows or why it is empty, and Try again after a failure. */
export function ListMessage({ message, failed, onRetry, field }: ListMessageProps) {
  return (
    <p className={failed ? 'search-message error-text' : 'search-message'}>
      {message}
      {failed && (
        <>
          {' '}
          <button
            type="button"
            className="text-button"
            onClick={() => {
              // The button goes with the message, and a removed element's focus is not given back.
              field.current?.focus({ preventScroll: true });
              onRetry();
            }}
          >
            Try again
          </button>
        </>
      )}
    </p>
  );
}
