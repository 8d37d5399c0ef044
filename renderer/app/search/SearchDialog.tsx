import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';

import type { MarginaliaApi } from '../../../common/contract.ts';
import type { SearchHit, SearchResults, SnippetPart } from '../../../common/model.ts';
import { listKeyTarget } from '../components/list-keys.ts';
import { ListboxField } from '../components/ListboxField.tsx';
import { plural } from '../text.ts';
import { type SearchState, useSearch } from './use-search.ts';

/** A hit the user chose, with the article it is in. */
export interface SearchChoice {
  readonly articleId: number;
  readonly hit: SearchHit;
}

/** Props of the search box. */
export interface SearchDialogProps {
  api: MarginaliaApi;
  /** The user chose a hit (Enter or a click). */
  onChoose(choice: SearchChoice): void;
  /** Escape or a click outside: close and give focus back. */
  onClose(): void;
}

/** What each kind of hit is called in the list. */
const kindLabels: Record<SearchHit['kind'], string> = {
  title: 'Title',
  text: 'Text',
  quote: 'Highlight',
  note: 'Note',
  tag: 'Tag',
};

/** The sentence for the live region, and the visible message when there is no list to show. */
function describe(state: SearchState, hits: number): { announcement: string; message: string | null } {
  if (state.kind === 'idle') return { announcement: '', message: 'Search titles, text, highlights and notes.' };
  if (state.kind === 'failed') {
    const message = `Couldn’t search: ${state.message}`;
    return { announcement: message, message };
  }
  if (hits === 0) {
    const message = `No matches for “${state.results.query}”`;
    return { announcement: message, message };
  }
  const announcement = `${plural(hits, 'result')} in ${plural(state.results.groups.length, 'article')}`;
  return { announcement, message: null };
}

function Snippet({ parts }: { parts: readonly SnippetPart[] }) {
  return (
    <span className="search-snippet" dir="auto">
      {parts.map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </span>
  );
}

/**
 * The one search box (Ctrl/⌘+K): a modal dialog holding an ARIA 1.2 combobox. Focus stays in the text field;
 * ArrowUp/ArrowDown, Home and End move the active option of the listbox (aria-activedescendant), Enter or a click
 * chooses it. Hits are options grouped by article (role=group named by the article's title). Home and End move in
 * the list rather than the caret while there are hits (the brief's choice; ←/→ still move the caret).
 */
export function SearchDialog({ api, onChoose, onClose }: SearchDialogProps) {
  const [text, setText] = useState('');
  const state = useSearch(api, text);
  const results: SearchResults | undefined = state.kind === 'done' ? state.results : undefined;
  const choices: SearchChoice[] =
    results?.groups.flatMap((g) => g.hits.map((hit) => ({ articleId: g.articleId, hit }))) ?? [];
  // The active option belongs to the results it was picked in; new results start again at the first hit.
  const [picked, setPicked] = useState<{ results: SearchResults | undefined; index: number }>({
    results: undefined,
    index: 0,
  });
  const active = picked.results === results ? picked.index : 0;
  const setActive = (index: number) => setPicked({ results, index });
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const optionId = (i: number) => `${id}-hit-${i}`;

  useEffect(() => {
    document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' });
  });

  const { announcement, message } = describe(state, choices.length);
  const current = choices.length > 0 ? Math.min(active, choices.length - 1) : -1;

  function onKeyDown(event: KeyboardEvent): void {
    const target = listKeyTarget(event.key, current, choices.length);
    if (target !== undefined) {
      event.preventDefault();
      setActive(target);
      return;
    }
    switch (event.key) {
      case 'Enter': {
        event.preventDefault();
        const choice = choices[current];
        if (choice) onChoose(choice);
        return;
      }
      case 'Escape':
        // Stops here: the reader's own Escape handlers (re-attaching, the popover) are not meant.
        event.preventDefault();
        event.stopPropagation();
        onClose();
        return;
      case 'Tab':
        // The text field is the dialog's only stop: focus stays trapped in it.
        event.preventDefault();
        return;
      default:
        return;
    }
  }

  let index = 0;
  return (
    <div className="search-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="search-dialog" role="dialog" aria-modal="true" aria-label="Search" onKeyDown={onKeyDown}>
        <ListboxField
          inputRef={input}
          className="search-input"
          label="Search the library"
          listId={`${id}-list`}
          keysId={`${id}-keys`}
          activeId={current >= 0 ? optionId(current) : undefined}
          expanded={choices.length > 0}
          placeholder="Search…"
          value={text}
          onChange={setText}
          onBlur={() => requestAnimationFrame(() => input.current?.focus({ preventScroll: true }))}
        />
        {message !== null && (
          <p className={state.kind === 'failed' ? 'search-message error-text' : 'search-message'}>{message}</p>
        )}
        <div id={`${id}-list`} className="search-results" role="listbox" aria-label="Results">
          {results?.groups.map((group) => (
            <div key={group.articleId} role="group" aria-labelledby={`${id}-group-${group.articleId}`}>
              <div id={`${id}-group-${group.articleId}`} className="search-group-title" role="presentation" dir="auto">
                {group.title}
              </div>
              {group.hits.map((hit) => {
                const i = index++;
                return (
                  <div
                    key={i}
                    id={optionId(i)}
                    role="option"
                    aria-selected={i === current}
                    className="search-hit"
                    onMouseDown={(e) => e.preventDefault()}
                    onMouseMove={() => i !== current && setActive(i)}
                    onClick={() => onChoose({ articleId: group.articleId, hit })}
                  >
                    <span className="search-kind">{kindLabels[hit.kind]}</span> <Snippet parts={hit.snippet} />
                  </div>
                );
              })}
            </div>
          ))}
        </div>
        <p id={`${id}-keys`} className="search-keys">
          ↑ ↓ to move, Home and End for the first and last, Enter to open, Esc to close
        </p>
        <div className="visually-hidden" role="status" aria-live="polite">
          {announcement}
        </div>
      </div>
    </div>
  );
}
