import { useEffect, useRef } from 'react';

import { colorOfChoice, type ContextMenuChoice, type ContextMenuRequest } from '../../../common/commands.ts';
import type { Article, HighlightColor, MarginaliaApi } from '../../../common/contract.ts';
import { TextIndex } from '../../anchoring/index.ts';
import { characterAtPoint } from '../../painting/range-hit.ts';
import type { PlacedEntry } from '../annotations/annotation-store.ts';
import { messageOf } from '../api.ts';
import { defaultColor } from '../keyboard.ts';
import { quoteText } from '../text.ts';
import { citedQuote } from './context-menu-citation.ts';
import type { ReaderSession } from './use-reader-session.ts';

/** What the reader does for a context-menu choice: the same as its toolbar, popover and keys do. */
export interface ContextMenuActions {
  /** Highlights the selection in `color`; `withNote` opens its note too (Add note). */
  highlight(color: HighlightColor, withNote: boolean): void;
  recolour(key: string, color: HighlightColor): void;
  /** Opens the highlight's popover with focus in its note. */
  editNote(key: string): void;
  remove(key: string): void;
  /** The menu could not be shown: says why. */
  failed(message: string): void;
}

/** What a context menu is for: the selected text, or one painted highlight. */
type MenuTarget = { kind: 'selection'; text: string } | { kind: 'highlight'; entry: PlacedEntry };

/**
 * The innermost (shortest) painted highlight under a viewport point. The article's text is indexed afresh for it
 * (the surface keeps its own index to itself): a right-click is rare, and indexing even a long article takes a few
 * milliseconds.
 */
function highlightAt(session: ReaderSession, x: number, y: number): PlacedEntry | undefined {
  const character = characterAtPoint(document, x, y);
  if (!character || !session.surface.body.contains(character.startContainer)) return undefined;
  const at = new TextIndex(session.surface.body).offsetsOf(character)?.start;
  if (at === undefined) return undefined;
  const length = (entry: PlacedEntry) => entry.placement.end - entry.placement.start;
  return session.store
    .getSnapshot()
    .placed.filter(({ placement }) => placement.start <= at && at < placement.end)
    .sort((a, b) => length(a) - length(b))[0];
}

/**
 * What the menu is about. A right-click (button 2) is about what is under the pointer: the selection when there is
 * one (Chromium keeps it under a right-click inside it), else the highlight there. The keyboard's ContextMenu key and
 * Shift+F10 point at nothing: they are about the selection, else the highlight under the article's focus ring.
 */
function targetOf(event: MouseEvent, session: ReaderSession): MenuTarget | undefined {
  const selected = session.surface.selectionRect() !== undefined;
  const text = window.getSelection()?.toString().trim() ?? '';
  if (selected && text !== '') return { kind: 'selection', text };
  const byPointer = event.button === 2;
  const key = byPointer ? highlightAt(session, event.clientX, event.clientY)?.key : session.surface.current;
  const entry = key ? session.store.get(key) : undefined;
  return entry?.placement.start === undefined ? undefined : { kind: 'highlight', entry: entry as PlacedEntry };
}

function requestFor(target: MenuTarget, article: Article): ContextMenuRequest {
  if (target.kind === 'selection') return { kind: 'selection', cited: citedQuote(target.text, article) };
  const { annotation } = target.entry;
  const text = quoteText(annotation.selectors);
  return { kind: 'highlight', color: annotation.color, text, cited: citedQuote(text, article, annotation.id) };
}

/** Does what the user chose. Copies are done already: main writes the clipboard as it answers. */
function run(choice: ContextMenuChoice, target: MenuTarget, actions: ContextMenuActions): void {
  const color = colorOfChoice(choice);
  if (target.kind === 'selection') {
    if (color) actions.highlight(color, false);
    else if (choice === 'note') actions.highlight(defaultColor, true);
    return;
  }
  const { key, annotation } = target.entry;
  if (color && color !== annotation.color) actions.recolour(key, color);
  else if (choice === 'note') actions.editNote(key);
  else if (choice === 'delete') actions.remove(key);
}

/**
 * The article's context menu (a right-click, the ContextMenu key, Shift+F10): on selected text, the five colours,
 * Add note and the two copies; on a highlight, its colour, Edit note, the copies and Delete. Main shows the menu
 * natively (menus.context) and answers with the choice, which runs what the toolbar or the popover would run.
 * Anywhere else in the article the page's event is left alone.
 */
export function useArticleContextMenu(
  api: MarginaliaApi,
  session: ReaderSession | undefined,
  article: Article,
  actions: ContextMenuActions,
): void {
  const latest = useRef({ article, actions });
  useEffect(() => {
    latest.current = { article, actions };
  });
  useEffect(() => {
    if (!session) return undefined;
    const element = session.surface.element;
    const onContextMenu = (event: MouseEvent) => {
      const target = targetOf(event, session);
      if (!target) return;
      event.preventDefault();
      const failed = (reason: unknown) => latest.current.actions.failed(`Couldn’t show the menu: ${messageOf(reason)}`);
      api.menus.context(requestFor(target, latest.current.article)).then((result) => {
        if (!result.ok) failed(result.error.message);
        else if (result.value !== null) run(result.value, target, latest.current.actions);
      }, failed);
    };
    element.addEventListener('contextmenu', onContextMenu);
    return () => element.removeEventListener('contextmenu', onContextMenu);
  }, [api, session]);
}
