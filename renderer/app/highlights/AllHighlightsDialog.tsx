import '../../styles/tags-and-filters.css';

import { type KeyboardEvent, type UIEvent, useEffect, useId, useRef, useState } from 'react';

import type { MarginaliaApi } from '../../../common/contract.ts';
import type { LibraryHighlight } from '../../../common/model.ts';
import { messageOf, unwrap } from '../api.ts';
import { dialogFrameKey, keepFocusIn } from '../components/dialog-focus.ts';
import { ColorFilter, TagPicker } from '../components/HighlightFilters.tsx';
import { listKeyTarget } from '../components/list-keys.ts';
import { ListboxField } from '../components/ListboxField.tsx';
import { ListMessage } from '../components/ListMessage.tsx';
import { TagLabels } from '../components/TagLabels.tsx';
import type { SearchChoice } from '../search/SearchDialog.tsx';
import { colorName, firstLines, plural, quoteText, shorten } from '../text.ts';
import { type HighlightListFilter, isFiltering, noFilter, toggleColor } from './highlight-filter.ts';
import { type PagesState, useHighlightPages } from './use-highlight-pages.ts';

/** Props of the "All highlights" view. */
export interface AllHighlightsDialogProps {
  api: MarginaliaApi;
  /** The user chose a highlight (Enter or a click): open its article there. */
  onChoose(choice: SearchChoice): void;
  /** Escape or a click outside: close and give focus back. */
  onClose(): void;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** How close to the end of the list (in highlights, or pixels of scrolling) the next page is asked for. */
const nearEnd = { options: 5, pixels: 400 };

/** The tags in use for the tag menu, most used first; [] until they arrive, or with why they could not be listed. */
function useTagsInUse(api: MarginaliaApi): { tags: string[]; error: string | null } {
  const [known, setKnown] = useState<{ tags: string[]; error: string | null }>({ tags: [], error: null });
  useEffect(() => {
    let live = true;
    api.tags
      .list()
      .then((result) => live && setKnown({ tags: unwrap(result).map((count) => count.tag), error: null }))
      .catch((reason: unknown) => live && setKnown({ tags: [], error: messageOf(reason) }));
    return () => {
      live = false;
    };
  }, [api]);
  return known;
}

/** The visible message when there is no list to show, and the sentence for the live region. */
function describe(state: PagesState, filtered: boolean): { message: string | null; announcement: string } {
  if (state.kind === 'loading') return { message: 'Loading highlights…', announcement: 'Loading highlights…' };
  if (state.kind === 'failed') {
    const message = `Couldn’t list the highlights: ${state.message}`;
    return { message, announcement: message };
  }
  if (state.items.length === 0) {
    const message = filtered ? 'No highlights match these filters.' : 'No highlights yet: select text in an article.';
    return { message, announcement: message };
  }
  const shown = plural(state.items.length, 'highlight');
  return { message: null, announcement: state.next === null ? shown : `${shown} shown, more below` };
}

function Highlight({ item }: { item: LibraryHighlight }) {
  return (
    <>
      <span
        className={`swatch-dot swatch-${item.color}`}
        role="img"
        aria-label={`${colorName(item.color)} highlight`}
      />
      <span className="entry-text">
        <q className="entry-quote" dir="auto">
          {shorten(quoteText(item.selectors), 240)}
        </q>
        {item.note && (
          <span className="entry-note" dir="auto">
            {firstLines(item.note, 3)}
          </span>
        )}
        <TagLabels tags={item.tags} />
        <span className="library-details">
          <span dir="auto">{item.articleTitle}</span>
          {' · '}
          <time dateTime={item.createdAt}>{dateFormat.format(new Date(item.createdAt))}</time>
        </span>
      </span>
    </>
  );
}

/**
 * Every highlight in the library, newest first (Ctrl/⌘+Shift+A): a modal dialog like the library and the search
 * box, with their combobox field over a listbox (focus stays in the field, ArrowUp/ArrowDown, Home and End move the
 * active highlight, Enter or a click opens its article there). The field filters by words in the quote or note as
 * you type; colour toggles and a tag menu narrow the list too, and Tab moves between them. More highlights load as
 * the list nears its end (scrolling, or the arrows), or with "Show more".
 */
export function AllHighlightsDialog({ api, onChoose, onClose }: AllHighlightsDialogProps) {
  const [text, setText] = useState('');
  const [filter, setFilter] = useState<HighlightListFilter>(noFilter);
  const { state, loadMore, retry } = useHighlightPages(api, { ...filter, text });
  const known = useTagsInUse(api);
  const items = state.kind === 'done' ? state.items : [];
  const [activeId, setActiveId] = useState<string | null>(null);
  const found = items.findIndex((item) => item.id === activeId);
  const active = found >= 0 ? found : items.length > 0 ? 0 : -1;
  const activeItem = items[active];
  const dialog = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const optionId = (annotationId: string) => `${id}-highlight-${annotationId}`;
  const filtered = isFiltering(filter) || text.trim() !== '';
  const { message, announcement } = describe(state, filtered);
  const more = state.kind === 'done' && state.next !== null;

  useEffect(() => {
    if (activeItem) document.getElementById(optionId(activeItem.id))?.scrollIntoView({ block: 'nearest' });
  });

  const choose = (item: LibraryHighlight) =>
    onChoose({ articleId: item.articleId, hit: { kind: 'quote', annotationId: item.id, snippet: [] } });

  function onKeyDown(event: KeyboardEvent): void {
    if (dialogFrameKey(event, dialog.current, onClose)) return;
    // The list keys belong to the words field; in the tag menu the arrows keep choosing the tag.
    if (event.target !== input.current) return;
    const target = listKeyTarget(event.key, active, items.length);
    const item = target === undefined ? undefined : items[target];
    if (item && target !== undefined) {
      event.preventDefault();
      setActiveId(item.id);
      if (target >= items.length - nearEnd.options) loadMore();
      return;
    }
    if (event.key === 'Enter') {
      event.preventDefault();
      if (activeItem) choose(activeItem);
    }
  }

  function onScroll(event: UIEvent<HTMLElement>): void {
    const list = event.currentTarget;
    if (list.scrollTop + list.clientHeight >= list.scrollHeight - nearEnd.pixels) loadMore();
  }

  const clearFilters = () => {
    setFilter(noFilter);
    setText('');
    input.current?.focus();
  };

  return (
    <div className="search-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={dialog}
        className="search-dialog library-dialog highlights-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-heading`}
        onKeyDown={onKeyDown}
        onBlur={(event) => keepFocusIn(event, dialog.current, input.current)}
      >
        <h2 id={`${id}-heading`} className="library-heading">
          All highlights
        </h2>
        <ListboxField
          inputRef={input}
          className="search-input"
          label="Filter by words in the quote or note"
          listId={`${id}-list`}
          keysId={`${id}-keys`}
          activeId={activeItem ? optionId(activeItem.id) : undefined}
          expanded={items.length > 0}
          placeholder="Filter by words…"
          value={text}
          onChange={setText}
        />
        <div className="filters highlights-filters">
          <ColorFilter selected={filter.colors} onToggle={(color) => setFilter((f) => toggleColor(f, color))} />
          {(known.tags.length > 0 || filter.tag !== null) && (
            <TagPicker tags={known.tags} value={filter.tag} onChange={(tag) => setFilter((f) => ({ ...f, tag }))} />
          )}
          {filtered && (
            <button type="button" className="text-button" onClick={clearFilters}>
              Clear filters
            </button>
          )}
        </div>
        {known.error !== null && (
          <p className="search-message error-text">Couldn’t list the tags to filter by: {known.error}</p>
        )}
        {message !== null && (
          <ListMessage message={message} failed={state.kind === 'failed'} onRetry={retry} field={input} />
        )}
        <div
          id={`${id}-list`}
          className="search-results"
          role="listbox"
          aria-label="Highlights, newest first"
          onScroll={onScroll}
        >
          {items.map((item, i) => (
            <div
              key={item.id}
              id={optionId(item.id)}
              role="option"
              aria-selected={i === active}
              className="search-hit highlight-entry"
              onMouseDown={(e) => e.preventDefault()}
              onMouseMove={() => i !== active && setActiveId(item.id)}
              onClick={() => choose(item)}
            >
              <Highlight item={item} />
            </div>
          ))}
        </div>
        {state.kind === 'done' && state.more.kind === 'failed' && (
          <p className="search-message error-text">Couldn’t load more highlights: {state.more.message}</p>
        )}
        {more && (
          <p className="show-more">
            <button
              type="button"
              className="text-button"
              aria-busy={state.more.kind === 'loading' || undefined}
              onClick={loadMore}
            >
              {state.more.kind === 'loading' ? 'Loading…' : 'Show more'}
            </button>
          </p>
        )}
        <p id={`${id}-keys`} className="search-keys">
          ↑ ↓ to move, Home and End for the first and last, Enter to open, Tab for the filters, Esc to close
        </p>
        <div className="visually-hidden" role="status" aria-live="polite">
          {announcement}
        </div>
      </div>
    </div>
  );
}
