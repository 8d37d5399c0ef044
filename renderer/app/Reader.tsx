import { useCallback, useState } from 'react';

import type { Article, HighlightColor, MarginaliaApi } from '../../electron/ipc/contract.ts';
import { AnnotationPopover } from './AnnotationPopover.tsx';
import type { SurfaceEvents } from './article-surface.ts';
import { defaultColor, type SelectionCommand } from './keyboard.ts';
import { SelectionToolbar } from './SelectionToolbar.tsx';
import { Sidebar } from './Sidebar.tsx';
import { StatusBar } from './StatusBar.tsx';
import { colorName, quoteText, shorten } from './text.ts';
import { useAnnotations } from './use-annotations.ts';
import { useReaderSession } from './use-reader-session.ts';

interface OpenPopover {
  key: string;
  focusNote: boolean;
}

/**
 * One open article: the plain-DOM article pane plus the React chrome around it (selection toolbar, popover,
 * sidebar, status). This component only wires events between them; each piece does its own job.
 */
export function Reader({ api, article }: { api: MarginaliaApi; article: Article }) {
  const [selection, setSelection] = useState({ active: false, version: 0 });
  const [open, setOpen] = useState<OpenPopover | null>(null);
  const [current, setCurrent] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');

  const events: SurfaceEvents = {
    onSelectionChange: () => {
      const active = session?.surface.selectionRect() !== undefined;
      setSelection((s) => ({ active, version: s.version + 1 }));
    },
    onSelectionCommand: (command: SelectionCommand) => {
      if (command.kind === 'highlight') highlight(command.color, false);
      else if (command.kind === 'note') highlight(defaultColor, true);
      else session?.surface.clearSelection();
    },
    onActivate: (key) => openPopover({ key, focusNote: false }),
    onCurrentChange: (key) => {
      setCurrent(key);
      if (key === null || !session) return;
      const { placed } = session.store.getSnapshot();
      const at = placed.findIndex((e) => e.key === key);
      const entry = placed[at];
      if (entry) setAnnouncement(`${colorName(entry.annotation.color)} highlight ${at + 1} of ${placed.length}: ${shorten(quoteText(entry.annotation.selectors), 80)}. Press Enter to open.`);
    },
    onEscape: () => setOpen(null),
  };
  const { attach, session } = useReaderSession(api, article, events);
  const state = useAnnotations(session?.store);

  function highlight(color: HighlightColor, withNote: boolean): void {
    if (!session) return;
    const capture = session.surface.takeSelection();
    if (!capture) return;
    const key = session.store.create(color, capture.selectors, capture.placement);
    setAnnouncement(`Highlighted in ${color}.`);
    if (withNote) openPopover({ key, focusNote: true });
  }

  /** Switching straight from one highlight's popover to another's saves the first one's note now. */
  function openPopover(next: OpenPopover): void {
    if (open && open.key !== next.key) session?.notes.flush(open.key);
    setOpen(next);
  }

  function closePopover(restoreFocus: boolean): void {
    if (open) session?.notes.flush(open.key);
    setOpen(null);
    if (restoreFocus) session?.surface.focus();
  }

  const selectionRect = useCallback(() => session?.surface.selectionRect(), [session]);
  const openKey = open?.key;
  const popoverRect = useCallback(() => (openKey ? session?.surface.rectOf(openKey) : undefined), [session, openKey]);
  const openEntry = openKey ? session?.store.get(openKey) : undefined;

  return (
    <div className="app">
      <main className="reader-pane" ref={attach} />
      <Sidebar
        loading={state.loading}
        placed={state.placed}
        orphans={state.orphans}
        current={current}
        onChoose={(key) => session?.surface.reveal(key)}
      />
      {selection.active && session && (
        <SelectionToolbar
          selectionRect={selectionRect}
          version={selection.version}
          onHighlight={(color) => highlight(color, false)}
          onAddNote={() => highlight(defaultColor, true)}
          onCancel={() => session.surface.clearSelection()}
        />
      )}
      {open && openEntry && session && (
        <AnnotationPopover
          key={open.key}
          entry={openEntry}
          anchorRect={popoverRect}
          focusNote={open.focusNote}
          onColor={(color) => {
            void session.store.setColor(open.key, color);
            setAnnouncement(`Changed to ${color}.`);
          }}
          onNoteInput={(note) => session.notes.change(open.key, note)}
          onDelete={() => {
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
