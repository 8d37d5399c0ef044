import { useId } from 'react';

import type { Entry, PlacedEntry } from '../annotations/annotation-store.ts';
import { colorName, firstLines, quoteText, shorten } from '../text.ts';

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
 * its highlight, then the ones that could not be placed. Counts are in the headings.
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
  return (
    <aside className="sidebar" aria-labelledby={headingId}>
      <h2 id={headingId} className="sidebar-heading">
        Highlights <span className="count">{placed.length + orphans.length}</span>
      </h2>
      {loading ? (
        <p className="sidebar-empty">Loading…</p>
      ) : placed.length === 0 && orphans.length === 0 ? (
        <p className="sidebar-empty">
          Select text in the article to highlight it. Press 1–5 for a colour, N to add a note.
        </p>
      ) : null}
      {placed.length > 0 && (
        <ol className="entry-list" aria-label="Highlights in reading order">
          {placed.map((entry) => (
            <li key={entry.key}>
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
                  <Confidence entry={entry} />
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
      {orphans.length > 0 && (
        <section className="orphans" aria-labelledby={orphansId}>
          <h3 id={orphansId} className="orphans-heading">
            Couldn’t place <span className="count">{orphans.length}</span>
          </h3>
          <p className="orphans-explainer">
            The text these were attached to has changed. They are kept here, never dropped: re-attach one by choosing
            “Re-attach…” and selecting the text where it belongs.
          </p>
          <ul className="entry-list" aria-label="Highlights that couldn’t be placed">
            {orphans.map((entry) => (
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
