import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';

import { type HighlightColor, highlightColors, type TagCount } from '../../../common/model.ts';
import type { Entry } from '../annotations/annotation-store.ts';
import { messageOf } from '../api.ts';
import { colorName, quoteText, shorten } from '../text.ts';
import { TagField } from './TagField.tsx';
import { useAnchoredPosition } from './use-anchored-position.ts';

/** Props of the popover for one highlight. */
export interface AnnotationPopoverProps {
  entry: Entry;
  /** Where the highlight is now. */
  anchorRect: () => DOMRect | undefined;
  /**
   * Where focus goes when it opens: the note (opened with "Add note" / N), the colour controls (a click, Enter), or
   * nowhere: a preview that follows keyboard focus moving across highlights, leaving focus in the article.
   */
  focus: 'note' | 'controls' | 'none';
  onColor(color: HighlightColor): void;
  /** Every keystroke; the caller debounces the save. */
  onNoteInput(note: string): void;
  /** Focus left the note: the caller saves what is typed now, so an Undo pressed elsewhere sees it as a change. */
  onNoteLeft(): void;
  /** The tags after the user added or removed one. */
  onTagsChange(tags: string[]): void;
  /** The tags in use in the library, for suggestions; asked once as the popover opens. */
  loadTags(): Promise<TagCount[]>;
  onDelete(): void;
  /** Starts re-attaching it to other text; offered when it could not be placed or was placed by a fuzzy match. */
  onReattach(): void;
  /** Escape, the close button or a press outside; `restoreFocus` is false when the user clicked elsewhere. */
  onClose(restoreFocus: boolean): void;
}

/** Where anchoring put this highlight, when the user should know: it was not found, or only approximately. */
function PlacementNote({ entry, onReattach }: { entry: Entry; onReattach(): void }) {
  const { status } = entry.placement;
  if (status.kind !== 'orphan' && status.kind !== 'fuzzy') return null;
  return (
    <p className="popover-placement">
      <span>
        {status.kind === 'orphan'
          ? 'Couldn’t place this: the text it marked has changed.'
          : `Closest match (${Math.round(status.score * 100)}%): the text changed since you highlighted it.`}
      </span>
      <button type="button" className="text-button" onClick={onReattach}>
        Re-attach…
      </button>
    </p>
  );
}

/** The tags in use as the popover opened, or why they could not be listed. */
type KnownTags = { tags: string[] } | { error: string };

/** Lists the tags in use once, for the tag field's suggestions; a reply after the popover closed is dropped. */
function useKnownTags(loadTags: () => Promise<TagCount[]>): KnownTags {
  const [known, setKnown] = useState<KnownTags>({ tags: [] });
  useEffect(() => {
    let live = true;
    loadTags()
      .then((counts) => live && setKnown({ tags: counts.map((count) => count.tag) }))
      .catch((error: unknown) => live && setKnown({ error: messageOf(error) }));
    return () => {
      live = false;
    };
  }, [loadTags]);
  return known;
}

/**
 * A non-modal dialog next to a highlight (or next to its sidebar card when it could not be placed): recolour it,
 * write its note (saved as you type), tag it, re-attach it, or delete it. Escape or a press outside closes it;
 * closing flushes the note.
 */
export function AnnotationPopover(props: AnnotationPopoverProps) {
  const {
    entry,
    anchorRect,
    focus,
    onColor,
    onNoteInput,
    onNoteLeft,
    onTagsChange,
    loadTags,
    onDelete,
    onReattach,
    onClose,
  } = props;
  const known = useKnownTags(loadTags);
  const ref = useRef<HTMLDivElement>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const titleId = useId();
  const noteId = useId();
  const colorsId = useId();
  const [note, setNote] = useState(entry.annotation.note);
  // The stored note changed under the open editor (Undo or Redo of a note edit): show it. Our own saves store what
  // the field already shows, so they change nothing here.
  const [shownStored, setShownStored] = useState(entry.annotation.note);
  if (entry.annotation.note !== shownStored) {
    setShownStored(entry.annotation.note);
    setNote(entry.annotation.note);
  }
  const { color } = entry.annotation;
  // An orphan has no place in the text: its editor sits to the left of its sidebar card.
  const orphan = entry.placement.status.kind === 'orphan';
  useAnchoredPosition(ref, anchorRect, orphan ? 'left' : 'below', `${entry.key}:${String(orphan)}`);

  useEffect(() => {
    if (focus === 'none') return;
    const target =
      focus === 'note' ? noteRef.current : ref.current?.querySelector<HTMLButtonElement>('[aria-pressed="true"]');
    target?.focus({ preventScroll: true });
  }, [focus]);

  const closeRef = useRef(onClose);
  useEffect(() => {
    closeRef.current = onClose;
  });
  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && ref.current?.contains(event.target)) return;
      closeRef.current(false);
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    onClose(true);
  };

  const quote = quoteText(entry.annotation.selectors);

  return (
    <div
      ref={ref}
      className="annotation-popover"
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      onKeyDown={onKeyDown}
    >
      <header className="popover-header">
        <h2 id={titleId} className="popover-title">
          {colorName(color)} highlight
        </h2>
        <button type="button" className="icon-button" aria-label="Close" onClick={() => onClose(true)}>
          <span aria-hidden="true">×</span>
        </button>
      </header>
      <p className="popover-quote" dir="auto">
        {shorten(quote, 140)}
      </p>
      <PlacementNote entry={entry} onReattach={onReattach} />
      <div className="popover-colors" role="group" aria-labelledby={colorsId}>
        <span id={colorsId} className="visually-hidden">
          Colour
        </span>
        {highlightColors.map((c) => (
          <button
            key={c}
            type="button"
            className={`swatch-button swatch-${c}`}
            aria-label={colorName(c)}
            aria-pressed={c === color}
            onClick={() => onColor(c)}
          >
            <span className="swatch-dot" aria-hidden="true" />
          </button>
        ))}
      </div>
      <label className="popover-label" htmlFor={noteId}>
        Note
      </label>
      <textarea
        ref={noteRef}
        id={noteId}
        className="popover-note"
        dir="auto"
        rows={4}
        value={note}
        placeholder="Write a note…"
        onChange={(event) => {
          setNote(event.target.value);
          onNoteInput(event.target.value);
        }}
        onBlur={onNoteLeft}
      />
      <TagField tags={entry.annotation.tags} known={'tags' in known ? known.tags : []} onChange={onTagsChange} />
      {'error' in known && <p className="popover-hint">Couldn’t list the tags in use to suggest them: {known.error}</p>}
      <footer className="popover-footer">
        <span className="popover-hint">Saved as you type</span>
        <button type="button" className="danger-button" onClick={onDelete}>
          Delete highlight
        </button>
      </footer>
    </div>
  );
}
