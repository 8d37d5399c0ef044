import { type HighlightColor, highlightColors, type ThemeChoice, themeChoices } from './model.ts';

/**
 * The commands main's application menu sends the page, and the context menus the page asks main to show. One closed
 * vocabulary for both sides: main builds its menus from it, the preload passes on only what is in it, and the page
 * runs each command exactly as its keyboard shortcut runs it.
 */

/** The push channel main sends a menu command on (to the reader window's page). */
export const menuCommandEvent = 'events:menu-command';

/** The window's own commands, each of which the page also offers by a key or a header button. */
const windowCommands = [
  'open-file',
  'open-web-page',
  'library',
  'all-highlights',
  'export',
  'restore-backup',
  'search',
  'undo',
  'redo',
  'toggle-sidebar',
] as const;
type WindowCommand = (typeof windowCommands)[number];

/** A command of the application menu: a window command, or a theme to switch to. */
export type MenuCommand = WindowCommand | `theme:${ThemeChoice}`;

/** Every menu command, for the preload's check and the tests. */
export const menuCommands: readonly MenuCommand[] = [
  ...windowCommands,
  ...themeChoices.map((theme) => `theme:${theme}` as const),
];

/** Whether a value main pushed is one of the menu commands (the preload passes on nothing else). */
export function isMenuCommand(value: unknown): value is MenuCommand {
  return menuCommands.some((command) => command === value);
}

/**
 * What a context menu is about: selected article text, or a painted highlight of this colour; with what its copy
 * items put on the clipboard. Main writes the clipboard itself when the user picks one (the page has no clipboard
 * permission, electron/main/security.ts), so the page can put text there only through the user's own choice in
 * main's menu: `cited` for "Copy quote with citation", and a highlight's `text` for "Copy" (a selection's Copy is
 * the page's own copy of the selection, as Ctrl/⌘+C).
 */
export type ContextMenuRequest =
  { kind: 'selection'; cited: string } | { kind: 'highlight'; color: HighlightColor; text: string; cited: string };

/** What the user chose in a context menu: a colour (a new highlight, or a recolour), a note, a copy, a deletion. */
export type ContextMenuChoice = `color:${HighlightColor}` | 'note' | 'copy' | 'copy-quote' | 'delete';

/** One item of a context menu, as main's native menu shows it. */
interface ContextMenuItem {
  readonly id: ContextMenuChoice;
  readonly label: string;
  /** The key that does the same in the article, shown beside the label (1–5, N); never registered. */
  readonly key?: string;
  /** A colour item of a highlight's menu: checked when it is the highlight's colour. */
  readonly checked?: boolean;
}

/** A context menu's items in order, `separator` between groups. */
export type ContextMenuLayout = ReadonlyArray<ContextMenuItem | 'separator'>;

function colorItems(checked?: HighlightColor): ContextMenuItem[] {
  return highlightColors.map((color, index) => ({
    id: `color:${color}` as const,
    label: color.charAt(0).toUpperCase() + color.slice(1),
    key: String(index + 1),
    ...(checked ? { checked: color === checked } : {}),
  }));
}

/**
 * The items of each context menu. On a selection: the five colours (keys 1–5, as in the article), Add note (N),
 * Copy and Copy quote with citation. On a highlight: its colour among the five (checked), Edit note, Copy, Copy quote
 * with citation, Delete.
 */
export function contextMenuLayout(request: ContextMenuRequest): ContextMenuLayout {
  const copies: ContextMenuItem[] = [
    { id: 'copy', label: 'Copy' },
    { id: 'copy-quote', label: 'Copy quote with citation' },
  ];
  if (request.kind === 'selection') {
    return [...colorItems(), 'separator', { id: 'note', label: 'Add note', key: 'N' }, 'separator', ...copies];
  }
  return [
    ...colorItems(request.color),
    'separator',
    { id: 'note', label: 'Edit note' },
    'separator',
    ...copies,
    'separator',
    { id: 'delete', label: 'Delete highlight' },
  ];
}

/** The colour a context-menu choice names, if it is a colour. */
export function colorOfChoice(choice: ContextMenuChoice): HighlightColor | undefined {
  return highlightColors.find((color) => choice === `color:${color}`);
}
