import { type FocusEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';

import type { LibraryEntry } from '../../../common/model.ts';
import { listKeyTarget } from '../components/list-keys.ts';
import { ListboxField } from '../components/ListboxField.tsx';
import { plural } from '../text.ts';
import { type LibraryOrder, orderLabels, sourceLabel, visibleEntries } from './library-entries.ts';
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
  return (
    <>
      <span className="library-title" dir="auto">
        {entry.title}
        {current && <span className="library-current"> (open now)</span>}
      </span>
      <span className="library-details">
        <span dir="auto">{sourceLabel(entry.source)}</span>
        {' · '}
        <span>
          Added <time dateTime={entry.createdAt}>{dateFormat.format(new Date(entry.createdAt))}</time>
        </span>
        {' · '}
        <span>
          {plural(entry.highlightCount, 'highlight')}, {plural(entry.noteCount, 'note')}
        </span>
      </span>
    </>
  );
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
 * Enter or a click opens it. Tab moves between the filter field, the "Sort by" menu and (after a failure) "Try
 * again", and never leaves the dialog.
 */
export function LibraryDialog({ listing, currentId, onChoose, onClose, onRetry }: LibraryDialogProps) {
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

  useEffect(() => {
    if (activeEntry) document.getElementById(optionId(activeEntry.id))?.scrollIntoView({ block: 'nearest' });
  });

  const { message, announcement } = describe(state, entries.length, filter);

  function onKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      // Stops here: the reader's own Escape handlers (re-attaching, the popover) are not meant.
      event.preventDefault();
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key === 'Tab') {
      event.preventDefault();
      const stops = [...(dialog.current?.querySelectorAll<HTMLElement>('input, select, button') ?? [])];
      const at = stops.indexOf(document.activeElement as HTMLElement);
      const next = (at + (event.shiftKey ? -1 : 1) + stops.length) % stops.length;
      stops[next]?.focus();
      return;
    }
    // The list keys belong to the filter field; in the "Sort by" menu the arrows keep choosing the order.
    if (event.target !== input.current) return;
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

  /** Focus never leaves the dialog: a click on its background gives it back to the filter field. */
  function onBlur(event: FocusEvent): void {
    if (dialog.current?.contains(event.relatedTarget as Node | null)) return;
    requestAnimationFrame(() => {
      const box = dialog.current;
      if (box?.isConnected && !box.contains(document.activeElement)) input.current?.focus({ preventScroll: true });
    });
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
        {message !== null && (
          <p className={state.kind === 'failed' ? 'search-message error-text' : 'search-message'}>
            {message}
            {state.kind === 'failed' && (
              <>
                {' '}
                <button
                  type="button"
                  className="text-button"
                  onClick={() => {
                    // The button goes with the message, and a removed element's focus is not given back.
                    input.current?.focus({ preventScroll: true });
                    onRetry();
                  }}
                >
                  Try again
                </button>
              </>
            )}
          </p>
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
            </div>
          ))}
        </div>
        <p id={`${id}-keys`} className="search-keys">
          ↑ ↓ to move, Home and End for the first and last, Enter to open, Tab for the order, Esc to close
        </p>
        <div className="visually-hidden" role="status" aria-live="polite">
          {announcement}
        </div>
      </div>
    </div>
  );
}
