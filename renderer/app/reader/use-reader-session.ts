import { useCallback, useEffect, useRef, useState } from 'react';

import type { Article, MarginaliaApi } from '../../../common/contract.ts';
import { AnnotationStore } from '../annotations/annotation-store.ts';
import { NoteSaver } from '../annotations/note-saver.ts';
import { ArticleSurface, type SurfaceEvents } from './article-surface.ts';

/** The imperative parts of one open article, alive while its pane is mounted. */
export interface ReaderSession {
  readonly surface: ArticleSurface;
  readonly store: AnnotationStore;
  readonly notes: NoteSaver;
}

/**
 * Creates the article surface, the annotation store and the note saver when the article pane mounts, wires the
 * store to the painter (synchronously, so optimistic highlights appear at once) and tears all of it down on unmount.
 * Returns a callback ref for the pane, which is both the surface's container and its scroller.
 */
export function useReaderSession(
  api: MarginaliaApi,
  article: Article,
  events: SurfaceEvents,
): { attach: (pane: HTMLElement | null) => (() => void) | undefined; session: ReaderSession | undefined } {
  const [session, setSession] = useState<ReaderSession>();
  const eventsRef = useRef(events);
  useEffect(() => {
    eventsRef.current = events;
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
      };
      const surface = new ArticleSurface(pane, article, pane, relay);
      const store = new AnnotationStore(api, article.id, surface.placeAll);
      const notes = new NoteSaver((key, note) => store.setNote(key, note));
      const unsubscribe = store.subscribe(() => surface.sync(store.getSnapshot().placed));
      void store.load();
      setSession({ surface, store, notes });
      return () => {
        notes.dispose();
        unsubscribe();
        surface.destroy();
        setSession(undefined);
      };
    },
    [api, article],
  );

  return { attach, session };
}
