import { useEffect, useId, useRef, useState } from 'react';

import type { Article, MarginaliaApi } from '../../../common/contract.ts';
import { limits } from '../../../common/model.ts';
import { NoteSaver } from '../annotations/note-saver.ts';
import { messageOf, unwrap } from '../api.ts';
import { firstLines } from '../text.ts';
import { type UndoHistory, undoRefusal } from '../undo/undo-history.ts';

/** Props of the article's own note. */
export interface ArticleNoteProps {
  api: MarginaliaApi;
  /** The article as it was opened: its note is where editing starts. */
  article: Article;
  /** The window's undo history: each save is a step, kept while the article is open. */
  history?: UndoHistory;
}

/** The NoteSaver key of the one note this editor saves. */
const noteKey = 'article';

/**
 * The user's note on the whole article, above the highlights in the sidebar: a disclosure ("Article note") that
 * shows the note's first lines when closed and a text box when open. It is saved as highlight notes are (NoteSaver:
 * once typing pauses, and at once when the box is closed, the article changes or the page goes away), through
 * `articles.setNote`. A save that fails says so here and keeps the text; "Try again" or the next keystroke resends it.
 */
export function ArticleNote({ api, article, history }: ArticleNoteProps) {
  const [note, setNote] = useState(article.note);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const saver = useRef<NoteSaver | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  const id = useId();

  // One saver per article, made in an effect (not during render) so StrictMode's second render leaves no listener.
  useEffect(() => {
    const { id: articleId } = article;
    const failed = (reason: unknown) => setError(`Couldn’t save the article note: ${messageOf(reason)}`);
    /** The note as main last stored it: what an undo of the next save goes back to. */
    let stored = article.note;
    /** Undo and redo of a save: main stores the other text, and the box or its preview shows it. */
    const storeAgain = (text: string) => async () => {
      try {
        unwrap(await api.articles.setNote({ id: articleId, note: text }));
      } catch (reason) {
        failed(reason);
        // Refused for good (the article is gone): dropped from the history rather than tried again and again.
        throw undoRefusal(reason);
      }
      stored = text;
      setError(null);
      setNote(text);
    };
    const save = (_key: string, text: string) => {
      // One step per save, so per pause in the typing, as with a highlight's note. Recorded as the save is sent,
      // not when main answers, so a Ctrl+Z pressed at once finds it; main gets the undo after the save, in order.
      if (history && text !== stored) {
        history.record({
          label: 'Edit article note',
          owner: created,
          undo: storeAgain(stored),
          redo: storeAgain(text),
        });
      }
      stored = text;
      api.articles.setNote({ id: articleId, note: text }).then((result) => {
        if (result.ok) setError(null);
        else failed(result.error.message);
      }, failed);
    };
    const created = new NoteSaver(save);
    saver.current = created;
    return () => {
      created.dispose();
      // Its article is closing: undoing its note later would change what the user no longer sees.
      history?.forget(created);
      if (saver.current === created) saver.current = null;
    };
  }, [api, article, history]);

  // Opened, the note takes focus with the caret at its end, to go on writing.
  useEffect(() => {
    const box = field.current;
    if (!open || !box) return;
    box.focus({ preventScroll: true });
    box.setSelectionRange(box.value.length, box.value.length);
  }, [open]);

  const toggle = () => {
    if (open) saver.current?.flush(noteKey);
    setOpen(!open);
  };

  const preview = firstLines(note, 2, 160);
  return (
    <section className="article-note" aria-labelledby={`${id}-toggle`}>
      <h2 className="article-note-heading">
        <button
          type="button"
          id={`${id}-toggle`}
          className="article-note-toggle"
          aria-expanded={open}
          aria-controls={`${id}-body`}
          onClick={toggle}
        >
          <span className="article-note-chevron" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          Article note
        </button>
      </h2>
      <div id={`${id}-body`}>
        {open ? (
          <>
            <textarea
              ref={field}
              className="popover-note article-note-field"
              aria-label="Article note"
              dir="auto"
              rows={5}
              maxLength={limits.noteMaxLength}
              placeholder="What is this article to you?"
              value={note}
              onChange={(event) => {
                setNote(event.target.value);
                saver.current?.change(noteKey, event.target.value);
              }}
              // Typing still waiting to be saved is saved when focus leaves, so an undo pressed elsewhere takes it
              // back first instead of racing it.
              onBlur={() => saver.current?.flush(noteKey)}
              onKeyDown={(event) => {
                if (event.key !== 'Escape') return;
                // Escape closes the note (saving it) and goes back to its heading, not to the reader.
                event.preventDefault();
                event.stopPropagation();
                toggle();
                document.getElementById(`${id}-toggle`)?.focus({ preventScroll: true });
              }}
            />
            {error === null && <p className="article-note-hint">Saved as you type</p>}
          </>
        ) : (
          preview !== '' && (
            <p className="article-note-preview" dir="auto">
              {preview}
            </p>
          )
        )}
        {error !== null && (
          <p className="article-note-error" role="alert">
            {error}{' '}
            <button
              type="button"
              className="text-button"
              onClick={() => {
                saver.current?.change(noteKey, note);
                saver.current?.flush(noteKey);
              }}
            >
              Try again
            </button>
          </p>
        )}
      </div>
    </section>
  );
}
