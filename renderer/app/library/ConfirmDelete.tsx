import { useId } from 'react';

import type { LibraryEntry } from '../../../common/model.ts';
import { deleteQuestion } from './library-entries.ts';

/** Props of the question asked before an article is deleted. */
export interface ConfirmDeleteProps {
  entry: LibraryEntry;
  /** True while main deletes it. */
  deleting: boolean;
  /** Why the last try failed, if it did. */
  error: string | null;
  onConfirm(): void;
  onCancel(): void;
}

/**
 * "Delete “Field notes”? Its 12 highlights and 3 notes will be deleted too." An alert dialog inside the library
 * (whose list is inert behind it) with Cancel focused first, so Enter or Space straight after the Delete key
 * deletes nothing; Escape cancels (the library dialog routes it here).
 */
export function ConfirmDelete({ entry, deleting, error, onConfirm, onCancel }: ConfirmDeleteProps) {
  const id = useId();
  const { question, detail } = deleteQuestion(entry);
  return (
    <div
      className="confirm-delete"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={`${id}-question`}
      aria-describedby={`${id}-detail`}
    >
      <p id={`${id}-question`} className="confirm-question" dir="auto">
        {question}
      </p>
      <p id={`${id}-detail`} className="confirm-detail">
        {detail}
      </p>
      {error !== null && (
        <p className="confirm-detail error-text" role="alert">
          Couldn’t delete it: {error}
        </p>
      )}
      <div className="dialog-buttons">
        <button type="button" className="text-button" autoFocus onClick={onCancel}>
          Cancel
        </button>
        <button
          type="button"
          className="danger-button is-filled"
          aria-disabled={deleting || undefined}
          onClick={() => !deleting && onConfirm()}
        >
          {deleting ? 'Deleting…' : 'Delete'}
        </button>
      </div>
    </div>
  );
}
