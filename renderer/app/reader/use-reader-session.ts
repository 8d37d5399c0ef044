import { useCallback, useEffect, useRef, useState } from 'react';

import type { Article, MarginaliaApi } from '../../../common/contract.ts';
import { AnnotationStore } from '../annotations/annotation-store.ts';
import { NoteSaver } from '../annotations/note-saver.ts';
import { takePrefetched } from '../annotations/prefetched-annotations.ts';
import { messageOf } from '../api.ts';
import { ReadingSaver } from '../articles/reading-saver.ts';
import type { UndoHistory } from '../undo/undo-history.ts';
import { ArticleSurface, type SurfaceEvents } from './article-surface.ts';
import { PlaceKeeper } from './place-keeper.ts';

/** The imperative parts of one open article, alive while its pane is mounted. */
export interface ReaderSession {
  readonly surface: ArticleSurface;
  readonly store: AnnotationStore;
  readonly notes: NoteSaver;
}

/**
 * Creates the article surface, the annotation store, the note saver and the reading-position saver when the article
 * pane mounts, wires the store to the painter (synchronously, so optimistic highlights appear at once) and tears all
 * of it down on unmount. Returns a callback ref for the pane, which is both the surface's container and its
 * scroller. A reading position that could not be saved is reported through `onReadingError`.
 */
export function useReaderSession(
  api: MarginaliaApi,
  article: Article,
  events: SurfaceEvents,
  onReadingError: (message: string) => void,
  history?: UndoHistory,
): { attach: (pane: HTMLElement | null) => (() => void) | undefined; session: ReaderSession | undefined } {
  const [session, setSession] = useState<ReaderSession>();
  const eventsRef = useRef(events);
  const readingErrorRef = useRef(onReadingError);
  useEffect(() => {
    eventsRef.current = events;
    readingErrorRef.current = onReadingError;
  });

  const attach = useCallback(
    (pane: HTMLElement | null) => {
      if (!pane) return undefined;
      const relay: SurfaceEvents = {
        onSelectionChange: () => eventsRef.current.onSelectionChange(),
        onSelectionCommand: (command) => eventsRef.current.onSelectionCommand(command),
        onActivate: (key, via) => eventsRef.current.onActivate(key, via),
        onCurrentChange: (key, byKeys) => eventsRef.current.onCurrentChange(key, byKeys),
        onEscape: () => eventsRef.current.onEscape(),
        onOpenLink: (url) => eventsRef.current.onOpenLink(url),
        onCaretModeChange: (on) => eventsRef.current.onCaretModeChange(on),
      };
      const surface = new ArticleSurface(pane, article, pane, relay);
      const store = new AnnotationStore(api, article.id, surface.placeAll, history);
      const notes = new NoteSaver((key, note) => store.setNote(key, note));
      const unsubscribe = store.subscribe(() => surface.sync(store.getSnapshot().placed));
      const failed = (reason: unknown) =>
        readingErrorRef.current(`Couldn’t remember where you are in this article: ${messageOf(reason)}`);
      const reading = new ReadingSaver(
        pane,
        () => {
          if (surface.holdingPosition) return undefined;
          const { offset, progress } = surface.readingPosition();
          // To a tenth of a percent: finer steps are invisible and would make a save of every scroll.
          return { offset, progress: Math.round(progress * 1000) / 1000 };
        },
        (position) => {
          api.articles.setReading({ id: article.id, reading: position }).then((result) => {
            if (!result.ok) failed(result.error.message);
          }, failed);
        },
        article.reading,
      );
      const place = new PlaceKeeper(pane, surface);
      void store.load(takePrefetched(article));
      setSession({ surface, store, notes });
      return () => {
        reading.dispose();
        place.dispose();
        notes.dispose();
        // Its steps go with it: undoing them would change an article the user no longer sees.
        history?.forget(store);
        unsubscribe();
        surface.destroy();
        setSession(undefined);
      };
    },
    [api, article, history],
  );

  return { attach, session };
}
