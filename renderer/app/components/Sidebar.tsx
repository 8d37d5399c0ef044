import { useId, useRef, useState } from 'react';

import type { Entry, PlacedEntry } from '../annotations/annotation-store.ts';
import {
  type HighlightListFilter,
  isFiltering,
  noFilter,
  passes,
  toggleColor,
} from '../highlights/highlight-filter.ts';
import { withTags } from '../highlights/tag-text.ts';
import { colorName, firstLines, plural, quoteText, shorten } from '../text.ts';
import { ColorFilter, TagPicker } from './HighlightFilters.tsx';
import { TagLabels } from './TagLabels.tsx';

/**
 * How many highlight cards are laid out, or skipped, together. Cards off screen are skipped (content-visibility:
 * auto, styles/app.css), but Chromium's cost of each skipped element grows with how many there are on the page: with
 * one per card, switching the theme with 10,000 highlights took about 1.7 s, almost all of it rebuilding the layout
 * tree; in chunks of 50 it took about 50 ms (npm run bench, appearance-theme-switch-*). A chunk on screen lays out 50
 * cards, a few milliseconds.
 */
const cardsPerChunk = 50;

/** A card's height with the gap under it, before it is measured: a quote of two lines (styles/app.css). */
const cardHeightGuess = 82;

/** `items` in runs of `size`, in order. */
function chunksOf<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

/** Props of the annotation sidebar. */
export interface SidebarProps {
  loading: boolean;
  placed: readonly PlacedEntry[];
  orphans: readonly Entry[];
  current: string | null;
  /** The highlight being re-attached, if any. */
  reattaching: string | null;
  onChoose(key: string): void;
  /** Opens an orphan's editor (note, colour, delete) next to its card. */
  onOpenOrphan(key: string): void;
  /** Starts re-attaching a highlight, or cancels it when it is the one being re-attached. */
  onToggleReattach(key: string): void;
}

/** The id of an orphan's card button, so its editor can sit beside it and focus can return to it. */
export function orphanButtonId(key: string): string {
  return `orphan-${key}`;
}

function quoteOf(entry: Entry): string {
  return quoteText(entry.annotation.selectors);
}

function Swatch({ entry }: { entry: Entry }) {
  return (
    <span
      className={`swatch-dot swatch-${entry.annotation.color}`}
      role="img"
      aria-label={`${colorName(entry.annotation.color)} highlight`}
    />
  );
}

function Note({ text }: { text: string }) {
  return text ? (
    <span className="entry-note" dir="auto">
      {firstLines(text, 3)}
    </span>
  ) : null;
}

/** A filter in words, after the count: "yellow or green, tagged “birds”". */
function filterWords(filter: HighlightListFilter): string {
  const parts: string[] = [];
  if (filter.colors.length > 0) parts.push(filter.colors.join(' or '));
  if (filter.tag !== null) parts.push(`tagged “${filter.tag}”`);
  return parts.join(', ');
}

/** Says when a highlight was placed by a fuzzy match, so the user can check it still marks the right words. */
function Confidence({ entry }: { entry: PlacedEntry }) {
  const { status } = entry.placement;
  if (status.kind !== 'fuzzy') return null;
  return (
    <span className="entry-badge" title="The text changed since this was highlighted; this is the closest match.">
      Closest match ({Math.round(status.score * 100)}%)
    </span>
  );
}

/** One annotation that could not be placed: its quote and note open its editor; "Re-attach…" moves it to new text. */
function OrphanCard({
  entry,
  reattaching,
  onOpen,
  onToggleReattach,
}: {
  entry: Entry;
  reattaching: boolean;
  onOpen(): void;
  onToggleReattach(): void;
}) {
  const quoteId = useId();
  return (
    <li className={`entry is-orphan${reattaching ? ' is-reattaching' : ''}`}>
      <button
        type="button"
        id={orphanButtonId(entry.key)}
        className="entry-open"
        aria-haspopup="dialog"
        onClick={onOpen}
      >
        <Swatch entry={entry} />
        <span className="entry-text">
          <q id={quoteId} className="entry-quote" dir="auto">
            {shorten(quoteOf(entry), 240)}
          </q>
          <Note text={entry.annotation.note} />
          <TagLabels tags={entry.annotation.tags} />
        </span>
      </button>
      <span className="entry-actions">
        {reattaching && <span className="entry-hint">Select the text where it belongs in the article.</span>}
        <button type="button" className="text-button" aria-describedby={quoteId} onClick={onToggleReattach}>
          {reattaching ? 'Cancel re-attach' : 'Re-attach…'}
        </button>
      </span>
    </li>
  );
}

/**
 * The right-hand list of the article's annotations in document order, each a button that scrolls to and flashes
 * its highlight, then the ones that could not be placed. Counts are in the headings. Colour toggles and a tag menu
 * narrow the list (only the list: the article keeps every highlight painted); while they do, the count says how
 * many of how many are shown, and "Clear filters" shows them all again.
 */
export function Sidebar({
  loading,
  placed,
  orphans,
  current,
  reattaching,
  onChoose,
  onOpenOrphan,
  onToggleReattach,
}: SidebarProps) {
  const headingId = useId();
  const orphansId = useId();
  const statusId = useId();
  const filters = useRef<HTMLDivElement>(null);
  const [filter, setFilter] = useState<HighlightListFilter>(noFilter);
  const filtering = isFiltering(filter);
  const shownPlaced = placed.filter((entry) => passes(entry.annotation, filter));
  const shownOrphans = orphans.filter((entry) => passes(entry.annotation, filter));
  const total = placed.length + orphans.length;
  const shown = shownPlaced.length + shownOrphans.length;
  const articleTags = withTags(
    [],
    [...placed, ...orphans].flatMap((entry) => entry.annotation.tags),
  );

  const clearFilters = () => {
    setFilter(noFilter);
    // The button goes with the filters it cleared: focus stays with the filters.
    filters.current?.querySelector('button')?.focus();
  };

  return (
    <aside className="sidebar" aria-labelledby={headingId}>
      <h2 id={headingId} className="sidebar-heading">
        Highlights <span className="count">{filtering ? `${shown} of ${total}` : total}</span>
      </h2>
      {loading ? (
        <p className="sidebar-empty">Loading…</p>
      ) : total === 0 ? (
        <p className="sidebar-empty">
          Select text in the article to highlight it. Press 1–5 for a colour, N to add a note.
        </p>
      ) : null}
      {total > 0 && (
        <div ref={filters} className="filters">
          <ColorFilter selected={filter.colors} onToggle={(color) => setFilter((f) => toggleColor(f, color))} />
          {(articleTags.length > 0 || filter.tag !== null) && (
            <TagPicker tags={articleTags} value={filter.tag} onChange={(tag) => setFilter((f) => ({ ...f, tag }))} />
          )}
        </div>
      )}
      <div className="filter-status" hidden={!filtering}>
        <span id={statusId} role="status">
          {filtering ? `${shown} of ${plural(total, 'highlight')}: ${filterWords(filter)}` : ''}
        </span>
        {filtering && (
          <button type="button" className="text-button" onClick={clearFilters}>
            Clear filters
          </button>
        )}
      </div>
      {filtering && shown === 0 && <p className="sidebar-empty">No highlights match these filters.</p>}
      {shownPlaced.length > 0 && (
        // A list by its role, not <ol>: its items sit in chunks (see cardsPerChunk), which an <ol> may not hold.
        <div
          className="entry-list"
          role="list"
          aria-label="Highlights in reading order"
          aria-describedby={filtering ? statusId : undefined}
        >
          {chunksOf(shownPlaced, cardsPerChunk).map((chunk, index) => (
            // By place, not by its first card: a highlight made near the top then moves one card per chunk into the
            // next chunk, instead of remaking every chunk after it.
            <div
              key={index}
              className="entry-chunk"
              // Stands in, until first laid out, at about its cards' height: a last chunk of a few cards must not
              // leave thousands of pixels of blank sidebar under it.
              style={{ containIntrinsicSize: `auto ${chunk.length * cardHeightGuess}px` }}
            >
              {chunk.map((entry, inChunk) => (
                // Its place in the whole list said outright: Chromium leaves the items of a skipped chunk out of the
                // accessibility tree, and a screen reader would otherwise count only the chunks on screen.
                <div
                  key={entry.key}
                  role="listitem"
                  aria-setsize={shownPlaced.length}
                  aria-posinset={index * cardsPerChunk + inChunk + 1}
                >
                  <button
                    type="button"
                    className="entry"
                    aria-current={entry.key === current ? 'true' : undefined}
                    onClick={() => onChoose(entry.key)}
                  >
                    <Swatch entry={entry} />
                    <span className="entry-text">
                      <q className="entry-quote" dir="auto">
                        {shorten(quoteOf(entry), 100)}
                      </q>
                      <Note text={entry.annotation.note} />
                      <TagLabels tags={entry.annotation.tags} />
                      <Confidence entry={entry} />
                    </span>
                  </button>
                </div>
              ))}
            </div>
          ))}
        </div>
      )}
      {shownOrphans.length > 0 && (
        <section className="orphans" aria-labelledby={orphansId}>
          <h3 id={orphansId} className="orphans-heading">
            Couldn’t place <span className="count">{shownOrphans.length}</span>
          </h3>
          <p className="orphans-explainer">
            The text these were attached to has changed. They are kept here, never dropped: re-attach one by choosing
            “Re-attach…” and selecting the text where it belongs.
          </p>
          <ul className="entry-list" aria-label="Highlights that couldn’t be placed">
            {shownOrphans.map((entry) => (
              <OrphanCard
                key={entry.key}
                entry={entry}
                reattaching={entry.key === reattaching}
                onOpen={() => onOpenOrphan(entry.key)}
                onToggleReattach={() => onToggleReattach(entry.key)}
              />
            ))}
          </ul>
        </section>
      )}
    </aside>
  );
}
