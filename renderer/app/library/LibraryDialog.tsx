import { type FocusEvent, type KeyboardEvent, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';

import type { LibraryEntry } from '../../../common/model.ts';
import { messageOf } from '../api.ts';
import type { Notice } from '../articles/use-current-article.ts';
import { cycleTab, dialogFrameKey, keepFocusIn } from '../components/dialog-focus.ts';
import { listKeyTarget } from '../components/list-keys.ts';
import { ListboxField } from '../components/ListboxField.tsx';
import { ListMessage } from '../components/ListMessage.tsx';
import { undoKeys } from '../keyboard.ts';
import { plural } from '../text.ts';
import { ConfirmDelete } from './ConfirmDelete.tsx';
import { type LibraryOrder, orderLabels, originOf, progressLabel, visibleEntries } from './library-entries.ts';
import { type LibraryListing, type LibraryState, useLibrary } from './use-library.ts';

/** Props of the library view. */
export interface LibraryDialogProps {
  /** The `articles.list` call made when the view opened. */
  listing: LibraryListing;
  /** The article on screen, marked in the list; null while none is. */
  currentId: number | null;
  /** The user chose an article (Enter or a click). */
  onChoose(id: number): void;
  /** Escape or a click outside: close and give focus back. */
  onClose(): void;
  /** List the library again, after a failure. */
  onRetry(): void;
  /** The built-in article, which cannot be deleted; null while it is not known. */
  builtInId: number | null;
  /** Deletes an article (the user agreed); rejects with the reason it could not be. */
  onDelete(entry: LibraryEntry): Promise<void>;
  /** The window's notice when it can be undone (a deletion), shown here too: the window behind is inert. */
  undoNotice: Notice | null;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** The visible message when there is no list to show, and the sentence for the live region. */
function describe(
  state: LibraryState,
  shown: number,
  filter: string,
): { message: string | null; announcement: string } {
  if (state.kind === 'loading') return { message: 'Loading the library…', announcement: 'Loading the library…' };
  if (state.kind === 'failed') {
    const message = `Couldn’t load the library: ${state.message}`;
    return { message, announcement: message };
  }
  const total = state.entries.length;
  if (total === 0) return { message: 'The library is empty.', announcement: 'The library is empty.' };
  if (shown === 0) {
    const message = `No articles match “${filter.trim()}”`;
    return { message, announcement: message };
  }
  return {
    message: null,
    announcement: shown === total ? plural(total, 'article') : `${shown} of ${plural(total, 'article')}`,
  };
}

function Entry({ entry, current }: { entry: LibraryEntry; current: boolean }) {
  const progress = progressLabel(entry.progress);
  return (
    <>
      <span className="library-title" dir="auto">
        {entry.title}
        {current && <span className="library-current"> (open now)</span>}
      </span>
      <span className="library-details">
        <span dir="auto">{originOf(entry)}</span>
        {entry.byline.trim() !== '' && (
          <>
            {' · '}
            <span dir="auto">{entry.byline}</span>
          </>
        )}
        {' · '}
        <span>
          Added <time dateTime={entry.createdAt}>{dateFormat.format(new Date(entry.createdAt))}</time>
        </span>
        {' · '}
        <span>
          {plural(entry.highlightCount, 'highlight')}, {plural(entry.noteCount, 'note')}
        </span>
        {entry.hasNote && (
          <>
            {' · '}
            <span className="library-note-mark">
              <span aria-hidden="true">✎ </span>Article note
            </span>
          </>
        )}
      </span>
      <span className="library-progress">
        <span className="library-progress-bar" aria-hidden="true">
          <span style={{ inlineSize: `${Math.round((entry.progress ?? 0) * 100)}%` }} />
        </span>
        <span className="library-progress-text">{progress}</span>
      </span>
    </>
  );
}

/** Whether the caret sits at the end of a text field, where the Delete key has nothing of the field's to delete. */
function caretAtEnd(field: HTMLInputElement): boolean {
  return field.selectionStart === field.value.length && field.selectionEnd === field.value.length;
}

/**
 * The library (Ctrl/⌘+Shift+L): a modal dialog, like the search box, rather than a panel in place of the sidebar.
 * A modal keeps one clear place for keyboard and screen-reader users: it is announced with its name when it opens,
 * the rest of the window is inert behind it (so neither Tab nor a screen reader's virtual cursor wanders into the
 * article), Escape always leaves it, and focus goes back to where it was. A panel would have to share the window
 * with a live reader and its shortcuts.
 *
 * Inside, the filter field is an ARIA 1.2 combobox over a listbox of articles, as in search: focus stays in the
 * field while typing, ArrowUp/ArrowDown (Home/End, as in search) move the active option (aria-activedescendant),
 * Enter or a click opens it. Tab moves between the filter field, the "Sort by" menu, "Undo" after a deletion and
 * "Try again" after a failure, and never leaves the dialog.
 *
 * Deleting: each article but the built-in one has a Delete button, and the Delete key deletes the active one while
 * the caret is at the end of the filter (where the key would delete nothing of the filter's). Either asks first,
 * saying what goes with it; the article after it becomes active. The deletion can be undone ("Undo" here and in the
 * window's notice, or Ctrl/⌘+Z) until the app closes.
 */
export function LibraryDialog(props: LibraryDialogProps) {
  const { listing, currentId, onChoose, onClose, onRetry, builtInId, onDelete, undoNotice } = props;
  const state = useLibrary(listing);
  const [filter, setFilter] = useState('');
  const [order, setOrder] = useState<LibraryOrder>('recent');
  const entries = state.kind === 'done' ? visibleEntries(state.entries, filter, order) : [];
  // The active option follows its article through re-sorting and filtering; when filtered out, the first is active.
  const [activeId, setActiveId] = useState<number | null>(null);
  const found = entries.findIndex((e) => e.id === activeId);
  const active = found >= 0 ? found : entries.length > 0 ? 0 : -1;
  const dialog = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const optionId = (articleId: number) => `${id}-article-${articleId}`;
  const activeEntry = entries[active];
  const [confirming, setConfirming] = useState<LibraryEntry | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const deletable = (entry: LibraryEntry | undefined): entry is LibraryEntry =>
    entry !== undefined && builtInId !== null && entry.id !== builtInId;

  function askToDelete(entry: LibraryEntry): void {
    setActiveId(entry.id);
    setDeleteError(null);
    setConfirming(entry);
  }

  function cancelDelete(): void {
    setConfirming(null);
    setDeleteError(null);
  }

  // The question gone, focus goes back to the filter: after the render that makes the list no longer inert.
  const asked = useRef(false);
  useLayoutEffect(() => {
    if (confirming === null && asked.current) input.current?.focus({ preventScroll: true });
    asked.current = confirming !== null;
  }, [confirming]);

  async function confirmDelete(): Promise<void> {
    if (!confirming || deleting) return;
    const at = entries.findIndex((e) => e.id === confirming.id);
    const next = entries[at + 1] ?? entries[at - 1];
    setDeleting(true);
    setDeleteError(null);
    try {
      await onDelete(confirming);
      setActiveId(next?.id ?? null);
      setConfirming(null);
    } catch (reason) {
      setDeleteError(messageOf(reason));
    } finally {
      setDeleting(false);
    }
  }

  useEffect(() => {
    if (activeEntry) document.getElementById(optionId(activeEntry.id))?.scrollIntoView({ block: 'nearest' });
  });

  const { message, announcement } = describe(state, entries.length, filter);

  function onKeyDown(event: KeyboardEvent): void {
    if (confirming) {
      onConfirmKeyDown(event);
      return;
    }
    // The list's Delete buttons are not Tab stops (tabIndex -1): the Delete key deletes the active entry.
    if (dialogFrameKey(event, dialog.current, onClose)) return;
    // The list keys belong to the filter field; in the "Sort by" menu the arrows keep choosing the order.
    if (event.target !== input.current) return;
    if (event.key === 'Delete' && !event.shiftKey && input.current && caretAtEnd(input.current)) {
      if (deletable(activeEntry)) {
        event.preventDefault();
        askToDelete(activeEntry);
      }
      return;
    }
    const target = listKeyTarget(event.key, active, entries.length);
    const entry = target === undefined ? undefined : entries[target];
    if (entry) {
      event.preventDefault();
      setActiveId(entry.id);
      return;
    }
    switch (event.key) {
      case 'Enter':
        event.preventDefault();
        if (activeEntry) onChoose(activeEntry.id);
        return;
      default:
        return;
    }
  }

  /** Keys while the question is asked: Escape cancels it (not the library), Tab stays between its two buttons. */
  function onConfirmKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      cancelDelete();
    } else if (event.key === 'Tab') cycleTab(event, dialog.current);
  }

  /** Focus never leaves the dialog: a click on its background gives it back to the question, or the filter field. */
  function onBlur(event: FocusEvent): void {
    keepFocusIn(
      event,
      dialog.current,
      () => dialog.current?.querySelector<HTMLElement>('[role="alertdialog"] button') ?? input.current,
    );
  }

  return (
    <div className="search-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={dialog}
        className="search-dialog library-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-heading`}
        onKeyDown={onKeyDown}
        onBlur={onBlur}
      >
        <div className="library-body" inert={confirming !== null}>
          <h2 id={`${id}-heading`} className="library-heading">
            Library
          </h2>
          <div className="library-controls">
            <ListboxField
              inputRef={input}
              className="search-input library-filter"
              label="Filter by title or file name"
              listId={`${id}-list`}
              keysId={`${id}-keys`}
              activeId={activeEntry ? optionId(activeEntry.id) : undefined}
              expanded={entries.length > 0}
              placeholder="Filter…"
              value={filter}
              onChange={setFilter}
            />
            <label className="library-sort">
              Sort by{' '}
              <select value={order} onChange={(e) => setOrder(e.target.value as LibraryOrder)}>
                {(Object.keys(orderLabels) as LibraryOrder[]).map((key) => (
                  <option key={key} value={key}>
                    {orderLabels[key]}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {undoNotice && (
            <p className="library-undo">
              {undoNotice.lines.join(' ')}{' '}
              <button
                type="button"
                className="text-button"
                aria-keyshortcuts={undoKeys.aria}
                title={`Undo (${undoKeys.label})`}
                onClick={() => {
                  input.current?.focus({ preventScroll: true });
                  undoNotice.undo?.();
                }}
              >
                Undo
              </button>
            </p>
          )}
          {message !== null && (
            <ListMessage message={message} failed={state.kind === 'failed'} onRetry={onRetry} field={input} />
          )}
          <div id={`${id}-list`} className="search-results" role="listbox" aria-label="Articles">
            {entries.map((entry, i) => (
              <div
                key={entry.id}
                id={optionId(entry.id)}
                role="option"
                aria-selected={i === active}
                aria-current={entry.id === currentId ? 'true' : undefined}
                className="search-hit library-entry"
                onMouseDown={(e) => e.preventDefault()}
                onMouseMove={() => i !== active && setActiveId(entry.id)}
                onClick={() => onChoose(entry.id)}
              >
                <Entry entry={entry} current={entry.id === currentId} />
                {deletable(entry) && (
                  // Not a Tab stop (the list is one stop, the filter field): keyboards use the Delete key.
                  <button
                    type="button"
                    className="text-button library-delete"
                    tabIndex={-1}
                    aria-label={`Delete “${entry.title}”`}
                    onClick={(event) => {
                      event.stopPropagation();
                      askToDelete(entry);
                    }}
                  >
                    Delete…
                  </button>
                )}
              </div>
            ))}
          </div>
          <p id={`${id}-keys`} className="search-keys">
            ↑ ↓ to move, Home and End for the first and last, Enter to open, Delete to delete, Tab for the order, Esc to
            close
          </p>
          <div className="visually-hidden" role="status" aria-live="polite">
            {announcement}
          </div>
        </div>
        {confirming && (
          <ConfirmDelete
            entry={confirming}
            deleting={deleting}
            error={deleteError}
            onConfirm={() => void confirmDelete()}
            onCancel={cancelDelete}
          />
        )}
      </div>
    </div>
  );
}
