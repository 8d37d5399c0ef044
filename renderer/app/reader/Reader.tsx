import { type CSSProperties, memo, useCallback, useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';

import type { Article, HighlightColor, MarginaliaApi } from '../../../common/contract.ts';
import { defaultSettings, type SearchHit } from '../../../common/model.ts';
import { useAnnotations } from '../annotations/use-annotations.ts';
import { messageOf } from '../api.ts';
import { ArticleNote } from '../articles/ArticleNote.tsx';
import { AnnotationPopover } from '../components/AnnotationPopover.tsx';
import { ReattachBanner } from '../components/ReattachBanner.tsx';
import { SelectionToolbar } from '../components/SelectionToolbar.tsx';
import { orphanButtonId, Sidebar } from '../components/Sidebar.tsx';
import { StatusBar } from '../components/StatusBar.tsx';
import { defaultColor, type SelectionCommand } from '../keyboard.ts';
import { colorName, quoteText, shorten } from '../text.ts';
import type { UndoHistory } from '../undo/undo-history.ts';
import type { SurfaceEvents } from './article-surface.ts';
import { caretModeAnnouncement } from './caret-mode.ts';
import { CaretModeHint } from './CaretModeHint.tsx';
import { useArticleContextMenu } from './context-menu.ts';
import { createReaderStore, type ReaderAction, type ReaderStore } from './reader-state.ts';
import { type ReadingProgress, trackProgress } from './reading-progress.ts';
import { SidebarSplitter } from './SidebarSplitter.tsx';
import { type ReaderSession, useReaderSession } from './use-reader-session.ts';

/** Focuses an element if it is still on the page; returns whether it could. */
function refocus(element: Element | null): boolean {
  if (!(element instanceof HTMLElement) || !element.isConnected) return false;
  element.focus({ preventScroll: true });
  return true;
}

/** Dispatches an action; a popover that closes, or gives way to another highlight's, saves its note now. */
function dispatch(store: ReaderStore, session: ReaderSession | undefined, action: ReaderAction): void {
  const before = store.getState().popover;
  store.dispatch(action);
  if (before && before.key !== store.getState().popover?.key) session?.notes.flush(before.key);
}

/** Leaves re-attaching (once, however many handlers one Escape reaches) and gives focus back to where it was. */
function cancelReattaching(store: ReaderStore, session: ReaderSession | undefined): void {
  const { reattaching } = store.getState();
  if (reattaching === null) return;
  dispatch(store, session, { type: 'reattach-cancelled' });
  session?.surface.clearSelection();
  if (!refocus(reattaching.origin)) session?.surface.focus();
}

/**
 * A search hit (or a highlight) to show in this article, or null to just bring the article forward (focus it) where
 * the user left it; `nonce` tells one request from the next, even of the same hit.
 */
export interface RevealRequest {
  readonly hit: SearchHit | null;
  readonly nonce: number;
}

/** Props of the reader. */
export interface ReaderProps {
  api: MarginaliaApi;
  /** Where the user's changes to this article's highlights are recorded for Undo and Redo. */
  history?: UndoHistory;
  article: Article;
  /**
   * A search hit to scroll to and flash once the article (and, for a highlight, its annotations) is ready. It wins
   * over the saved reading position, which is restored otherwise.
   */
  reveal?: RevealRequest | null;
  /** The reveal with this nonce was shown (or could not be). */
  onRevealed?(nonce: number): void;
  /** Where to report how far through the article the reader is (the header shows it). */
  progress?: ReadingProgress;
  /** The sidebar put away: the text has the whole window. */
  sidebarHidden?: boolean;
  /** The sidebar's width (settings), and how to keep another one. */
  sidebarWidth?: number;
  onSidebarWidth?(width: number): void;
}

/**
 * One open article: the plain-DOM article pane plus the React chrome around it (selection toolbar, popover,
 * sidebar, re-attach hint, status). This component only wires events between them; each piece does its own job.
 * Its own state (which popover is open, re-attaching, the selection, announcements) is `readerReducer`'s: the
 * handlers dispatch actions, then do what the DOM and the store need (focus, scrolling, saving).
 *
 * Re-attaching: "Re-attach…" (on an orphan's sidebar card, or in the popover of an orphan or a fuzzy match) enters
 * a mode with a hint above the article; the next article selection gets a toolbar with "Re-attach here" (Enter)
 * instead of colours. Escape, or Cancel in the hint or the toolbar, leaves the mode and gives focus back.
 *
 * Rendered again only when its own props change: a new theme or text size is the stylesheet's work, and re-rendering
 * the sidebar's 10,000 cards for it cost about 90 ms of a theme switch (npm run bench, appearance-theme-switch-*).
 */
export const Reader = memo(ReaderView);

function ReaderView({
  api,
  article,
  history,
  reveal = null,
  onRevealed,
  progress,
  sidebarHidden = false,
  sidebarWidth = defaultSettings.sidebarWidth,
  onSidebarWidth,
}: ReaderProps) {
  const [store] = useState(createReaderStore);
  const state = useSyncExternalStore(store.subscribe, store.getState);

  const events: SurfaceEvents = {
    onSelectionChange: () => {
      act({
        type: 'selection-changed',
        active: session?.surface.selectionRect() !== undefined,
        outside: session?.surface.selectionOutsideText(),
      });
    },
    onSelectionCommand: (command: SelectionCommand) => {
      if (store.getState().reattaching !== null) {
        if (command.kind === 'confirm') confirmReattach();
        else act({ type: 'announced', text: 'Press Enter to re-attach the highlight here, or Escape to cancel.' });
        return;
      }
      if (command.kind === 'highlight') highlight(command.color, false);
      else if (command.kind === 'note') highlight(defaultColor, true);
      else if (command.kind === 'confirm' && session?.surface.current)
        act({ type: 'popover-opened', key: session.surface.current, focus: 'controls' });
    },
    onActivate: (key) => act({ type: 'popover-opened', key, focus: 'controls' }),
    onCurrentChange: (key, byKeys) => {
      act({ type: 'current-changed', key, byKeys });
      if (key === null || !session) return;
      const { placed } = session.store.getSnapshot();
      const at = placed.findIndex((e) => e.key === key);
      const entry = placed[at];
      if (!entry) return;
      const quote = shorten(quoteText(entry.annotation.selectors), 80);
      act({
        type: 'announced',
        text: `${colorName(entry.annotation.color)} highlight ${at + 1} of ${placed.length}: ${quote}. Press Enter to edit it.`,
      });
    },
    onEscape: () => {
      if (store.getState().reattaching !== null) cancelReattach();
      else act({ type: 'popover-closed' });
    },
    onCaretModeChange: (on) => {
      setCaretMode(on);
      act({ type: 'announced', text: caretModeAnnouncement(on) });
    },
    onOpenLink: (url) => {
      // Main shows the address and asks first; declining is an answer, not a failure, so only failures are shown.
      const failed = (reason: unknown) => setReadingError(`Couldn’t open the link ${url}: ${messageOf(reason)}`);
      api.links.open({ url }).then((result) => {
        if (!result.ok) failed(result.error.message);
      }, failed);
    },
  };
  const [readingError, setReadingError] = useState<string | null>(null);
  const [caretMode, setCaretMode] = useState(false);
  const { attach, session } = useReaderSession(api, article, events, setReadingError, history);
  // The pane also reports how far it is scrolled, for the header's progress.
  const attachPane = useCallback(
    (pane: HTMLElement | null) => {
      const detach = attach(pane);
      const untrack = pane && progress ? trackProgress(pane, progress) : undefined;
      return () => {
        untrack?.();
        detach?.();
      };
    },
    [attach, progress],
  );
  const annotations = useAnnotations(session?.store);

  const act = (action: ReaderAction) => dispatch(store, session, action);

  function highlight(color: HighlightColor, withNote: boolean): void {
    if (!session) return;
    const capture = session.surface.takeSelection();
    if (!capture) return;
    const key = session.store.create(color, capture.selectors, capture.placement);
    act({ type: 'highlighted', key, color, withNote });
  }

  function recolour(key: string, color: HighlightColor): void {
    void session?.store.setColor(key, color);
    act({ type: 'recoloured', color });
  }

  function deleteHighlight(key: string): void {
    if (!session) return;
    session.notes.discard(key);
    void session.store.remove(key);
    act({ type: 'deleted', key });
    session.surface.focus();
  }

  // The article's context menu (context-menu.ts) does what the toolbar and the popover do.
  useArticleContextMenu(api, session, article, {
    highlight,
    recolour,
    editNote: (key) => act({ type: 'popover-opened', key, focus: 'note' }),
    remove: deleteHighlight,
    failed: setReadingError,
  });

  function closePopover(restoreFocus: boolean): void {
    const open = store.getState().popover;
    act({ type: 'popover-closed' });
    if (!restoreFocus) return;
    // An orphan's editor sits beside its sidebar card: focus goes back there.
    if (!open || !refocus(document.getElementById(orphanButtonId(open.key)))) session?.surface.focus();
  }

  function startReattach(key: string): void {
    if (!session) return;
    act({ type: 'reattach-started', key, origin: document.activeElement });
    session.surface.setCurrent(null);
    session.surface.focus();
  }

  const cancelReattach = () => cancelReattaching(store, session);

  function confirmReattach(): void {
    const { reattaching } = store.getState();
    if (reattaching === null || !session) return;
    const capture = session.surface.takeSelection();
    if (!capture) return;
    void session.store.reattach(reattaching.key, capture.selectors, capture.placement);
    session.surface.focus();
    session.surface.reveal(reattaching.key);
    // After the reveal, whose focus-ring announcement this replaces.
    act({ type: 'reattach-confirmed' });
  }

  // Escape cancels re-attaching wherever focus is (the sidebar, the hint); the popover keeps Escape to itself.
  const reattachingKey = state.reattaching?.key ?? null;
  useEffect(() => {
    if (reattachingKey === null) return undefined;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') cancelReattaching(store, session);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [reattachingKey, store, session]);

  // Where the user left off, once per surface (StrictMode makes a second one): unless the article was opened to show
  // a search hit or a highlight, which wins. By text offset, so the same words come back at the top at any width.
  const arrived = useRef<ReaderSession | undefined>(undefined);
  useEffect(() => {
    if (!session || arrived.current === session) return;
    arrived.current = session;
    if (article.reading && !reveal?.hit) session.surface.showOffset(article.reading.offset);
  }, [session, article, reveal]);

  // A chosen search hit: a highlight's is revealed as choosing its sidebar card does (no popover); text flashes its
  // offsets; a title shows the article from the top; no hit keeps the place. Focus goes to the article either way.
  const annotationsLoading = annotations.loading;
  useEffect(() => {
    if (!reveal || !session) return;
    const { hit } = reveal;
    if (hit && 'annotationId' in hit && annotationsLoading) return;
    onRevealed?.(reveal.nonce);
    if (hit === null) {
      // Nothing to scroll to: the article stays where the user left it.
    } else if (hit.kind === 'title') session.surface.showTop();
    else if (hit.kind === 'text') session.surface.revealText(hit.start, hit.end);
    else if (session.store.get(hit.annotationId)?.placement.start === undefined) {
      // A highlight that could not be placed has only its card under "Couldn't place" to show.
      const card = document.getElementById(orphanButtonId(hit.annotationId));
      card?.scrollIntoView({ block: 'nearest' });
      if (refocus(card)) return;
    } else session.surface.reveal(hit.annotationId);
    session.surface.focus();
  }, [reveal, session, annotationsLoading, onRevealed]);

  const selectionRect = useCallback(() => session?.surface.selectionRect(), [session]);
  const open = state.popover;
  const openKey = open?.key;
  const popoverRect = useCallback(
    () =>
      openKey
        ? (session?.surface.rectOf(openKey) ??
          document.getElementById(orphanButtonId(openKey))?.closest('li')?.getBoundingClientRect())
        : undefined,
    [session, openKey],
  );
  const openEntry = openKey ? session?.store.get(openKey) : undefined;
  /** The sidebar's width while its handle is dragged; null when it is the setting's. */
  const [previewWidth, setPreviewWidth] = useState<number | null>(null);
  const sidebarId = useId();
  const reattachEntry = reattachingKey ? session?.store.get(reattachingKey) : undefined;

  return (
    <div
      className={sidebarHidden ? 'app is-sidebar-hidden' : 'app'}
      style={{ '--sidebar-width': `${previewWidth ?? sidebarWidth}px` } as CSSProperties}
    >
      <div className="reader-column">
        {reattachEntry && <ReattachBanner entry={reattachEntry} onCancel={cancelReattach} />}
        <main className="reader-pane" ref={attachPane} />
        {caretMode && (
          <CaretModeHint
            onLeave={() => {
              session?.surface.caret.setOn(false);
              session?.surface.focus();
            }}
          />
        )}
      </div>
      {/* Hidden, not removed: its state (scroll, filters) is there again when it comes back. */}
      <div className="sidebar-column" id={sidebarId} hidden={sidebarHidden}>
        <SidebarSplitter
          width={previewWidth ?? sidebarWidth}
          controls={sidebarId}
          onPreview={setPreviewWidth}
          onResize={(width) => {
            setPreviewWidth(null);
            onSidebarWidth?.(width);
          }}
        />
        <ArticleNote api={api} article={article} history={history} />
        <Sidebar
          loading={annotations.loading}
          placed={annotations.placed}
          orphans={annotations.orphans}
          current={state.current}
          reattaching={reattachEntry ? reattachingKey : null}
          onChoose={(key) => session?.surface.reveal(key)}
          onOpenOrphan={(key) => act({ type: 'popover-opened', key, focus: 'controls' })}
          onToggleReattach={(key) =>
            store.getState().reattaching?.key === key ? cancelReattach() : startReattach(key)
          }
        />
      </div>
      {state.selection.active && session && (
        <SelectionToolbar
          selectionRect={selectionRect}
          version={state.selection.version}
          reattaching={reattachEntry !== undefined}
          articleTextOnly={state.selection.outside}
          onHighlight={(color) => highlight(color, false)}
          onAddNote={() => highlight(defaultColor, true)}
          onReattach={confirmReattach}
          onCancel={() => (reattachEntry ? cancelReattach() : session.surface.clearSelection())}
        />
      )}
      {open && openEntry && session && (
        <AnnotationPopover
          key={open.key}
          entry={openEntry}
          anchorRect={popoverRect}
          focus={open.focus}
          onColor={(color) => recolour(open.key, color)}
          onNoteInput={(note) => session.notes.change(open.key, note)}
          onNoteLeft={() => session.notes.flush(open.key)}
          onTagsChange={(tags) => void session.store.setTags(open.key, tags)}
          loadTags={session.store.tagsInUse}
          onReattach={() => startReattach(open.key)}
          onDelete={() => deleteHighlight(open.key)}
          onClose={closePopover}
        />
      )}
      <StatusBar
        error={annotations.error ?? readingError}
        onDismissError={() => (annotations.error ? session?.store.dismissError() : setReadingError(null))}
        announcement={state.announcement}
      />
    </div>
  );
}
