import { useCallback, useEffect, useRef, useState } from 'react';

import type { Article, HighlightColor, MarginaliaApi } from '../../../common/contract.ts';
import { useAnnotations } from '../annotations/use-annotations.ts';
import { AnnotationPopover } from '../components/AnnotationPopover.tsx';
import { ReattachBanner } from '../components/ReattachBanner.tsx';
import { SelectionToolbar } from '../components/SelectionToolbar.tsx';
import { orphanButtonId, Sidebar } from '../components/Sidebar.tsx';
import { StatusBar } from '../components/StatusBar.tsx';
import { defaultColor, type SelectionCommand } from '../keyboard.ts';
import { colorName, quoteText, shorten } from '../text.ts';
import type { SurfaceEvents } from './article-surface.ts';
import { useReaderSession } from './use-reader-session.ts';

interface OpenPopover {
  key: string;
  focus: 'note' | 'controls' | 'none';
}

/** Focuses an element if it is still on the page; returns whether it could. */
function refocus(element: Element | null): boolean {
  if (!(element instanceof HTMLElement) || !element.isConnected) return false;
  element.focus({ preventScroll: true });
  return true;
}

/**
 * One open article: the plain-DOM article pane plus the React chrome around it (selection toolbar, popover,
 * sidebar, re-attach hint, status). This component only wires events between them; each piece does its own job.
 *
 * Re-attaching: "Re-attach…" (on an orphan's sidebar card, or in the popover of an orphan or a fuzzy match) enters
 * a mode with a hint above the article; the next article selection gets a toolbar with "Re-attach here" (Enter)
 * instead of colours. Escape, or Cancel in the hint or the toolbar, leaves the mode and gives focus back.
 */
export function Reader({ api, article }: { api: MarginaliaApi; article: Article }) {
  const [selection, setSelection] = useState<{ active: boolean; version: number; outside: string | undefined }>({
    active: false,
    version: 0,
    outside: undefined,
  });
  const [open, setOpen] = useState<OpenPopover | null>(null);
  const [current, setCurrent] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [reattaching, setReattaching] = useState<string | null>(null);
  /** Mirrors `reattaching` for handlers that may run twice for one key press (Escape reaches several of them). */
  const reattachingRef = useRef<string | null>(null);
  /** Where focus was when re-attaching started, to return it on cancel. */
  const reattachOrigin = useRef<Element | null>(null);

  const events: SurfaceEvents = {
    onSelectionChange: () => {
      const active = session?.surface.selectionRect() !== undefined;
      const outside = session?.surface.selectionOutsideText();
      setSelection((s) => ({ active, version: s.version + 1, outside }));
    },
    onSelectionCommand: (command: SelectionCommand) => {
      if (reattachingRef.current !== null) {
        if (command.kind === 'confirm') confirmReattach();
        else setAnnouncement('Press Enter to re-attach the highlight here, or Escape to cancel.');
        return;
      }
      if (command.kind === 'highlight') highlight(command.color, false);
      else if (command.kind === 'note') highlight(defaultColor, true);
      else if (command.kind === 'confirm' && session?.surface.current) openPopover({ key: session.surface.current, focus: 'controls' });
    },
    onActivate: (key) => openPopover({ key, focus: 'controls' }),
    onCurrentChange: (key, byKeys) => {
      setCurrent(key);
      // Keyboard focus on a highlight opens its popover as a preview that follows the focus (Enter goes into it);
      // focus leaving every highlight closes a preview, but never a popover the user is working in. Choosing a
      // sidebar card or re-attaching only scrolls to and flashes the highlight: no preview covers the text.
      if (key === null) {
        if (open?.focus === 'none') setOpen(null);
        return;
      }
      if (byKeys && reattachingRef.current === null && open?.key !== key) openPopover({ key, focus: 'none' });
      if (!session) return;
      const { placed } = session.store.getSnapshot();
      const at = placed.findIndex((e) => e.key === key);
      const entry = placed[at];
      if (entry) setAnnouncement(`${colorName(entry.annotation.color)} highlight ${at + 1} of ${placed.length}: ${shorten(quoteText(entry.annotation.selectors), 80)}. Press Enter to edit it.`);
    },
    onEscape: () => {
      if (reattachingRef.current !== null) cancelReattach();
      else setOpen(null);
    },
  };
  const { attach, session } = useReaderSession(api, article, events);
  const state = useAnnotations(session?.store);

  function highlight(color: HighlightColor, withNote: boolean): void {
    if (!session) return;
    const capture = session.surface.takeSelection();
    if (!capture) return;
    const key = session.store.create(color, capture.selectors, capture.placement);
    setAnnouncement(`Highlighted in ${color}.`);
    if (withNote) openPopover({ key, focus: 'note' });
  }

  /** Switching straight from one highlight's popover to another's saves the first one's note now. */
  function openPopover(next: OpenPopover): void {
    if (open && open.key !== next.key) session?.notes.flush(open.key);
    setOpen(next);
  }

  function closePopover(restoreFocus: boolean): void {
    if (open) session?.notes.flush(open.key);
    setOpen(null);
    if (!restoreFocus) return;
    // An orphan's editor sits beside its sidebar card: focus goes back there.
    if (!open || !refocus(document.getElementById(orphanButtonId(open.key)))) session?.surface.focus();
  }

  function startReattach(key: string): void {
    if (!session) return;
    if (open) session.notes.flush(open.key);
    setOpen(null);
    reattachOrigin.current = document.activeElement;
    reattachingRef.current = key;
    setReattaching(key);
    session.surface.setCurrent(null);
    session.surface.focus();
    setAnnouncement('Re-attaching. Select the text where the highlight belongs, then press Enter. Escape cancels.');
  }

  function cancelReattach(): void {
    if (reattachingRef.current === null) return;
    reattachingRef.current = null;
    setReattaching(null);
    session?.surface.clearSelection();
    if (!refocus(reattachOrigin.current)) session?.surface.focus();
    reattachOrigin.current = null;
    setAnnouncement('Re-attaching cancelled.');
  }

  function confirmReattach(): void {
    const key = reattachingRef.current;
    if (key === null || !session) return;
    const capture = session.surface.takeSelection();
    if (!capture) return;
    reattachingRef.current = null;
    reattachOrigin.current = null;
    setReattaching(null);
    void session.store.reattach(key, capture.selectors, capture.placement);
    session.surface.focus();
    session.surface.reveal(key);
    setAnnouncement('Re-attached. The highlight is now in the list in reading order.');
  }

  // Escape cancels re-attaching wherever focus is (the sidebar, the hint); the popover keeps Escape to itself.
  useEffect(() => {
    if (reattaching === null) return undefined;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') cancelReattach();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  });

  const selectionRect = useCallback(() => session?.surface.selectionRect(), [session]);
  const openKey = open?.key;
  const popoverRect = useCallback(
    () => (openKey ? (session?.surface.rectOf(openKey) ?? document.getElementById(orphanButtonId(openKey))?.closest('li')?.getBoundingClientRect()) : undefined),
    [session, openKey],
  );
  const openEntry = openKey ? session?.store.get(openKey) : undefined;
  const reattachEntry = reattaching ? session?.store.get(reattaching) : undefined;

  return (
    <div className="app">
      <div className="reader-column">
        {reattachEntry && <ReattachBanner entry={reattachEntry} onCancel={cancelReattach} />}
        <main className="reader-pane" ref={attach} />
      </div>
      <Sidebar
        loading={state.loading}
        placed={state.placed}
        orphans={state.orphans}
        current={current}
        reattaching={reattachEntry ? reattaching : null}
        onChoose={(key) => session?.surface.reveal(key)}
        onOpenOrphan={(key) => openPopover({ key, focus: 'controls' })}
        onToggleReattach={(key) => (reattaching === key ? cancelReattach() : startReattach(key))}
      />
      {selection.active && session && (
        <SelectionToolbar
          selectionRect={selectionRect}
          version={selection.version}
          reattaching={reattachEntry !== undefined}
          articleTextOnly={selection.outside}
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
          onColor={(color) => {
            void session.store.setColor(open.key, color);
            setAnnouncement(`Changed to ${color}.`);
          }}
          onNoteInput={(note) => session.notes.change(open.key, note)}
          onReattach={() => startReattach(open.key)}
          onDelete={() => {
            if (reattachingRef.current === open.key) {
              reattachingRef.current = null;
              setReattaching(null);
            }
            session.notes.discard(open.key);
            void session.store.remove(open.key);
            setOpen(null);
            session.surface.focus();
            setAnnouncement('Highlight deleted.');
          }}
          onClose={closePopover}
        />
      )}
      <StatusBar error={state.error} onDismissError={() => session?.store.dismissError()} announcement={announcement} />
    </div>
  );
}
