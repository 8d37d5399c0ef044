import { useSyncExternalStore } from 'react';

import { type ThemeChoice, themeChoices } from '../../../common/model.ts';
import { allHighlightsKeys, libraryKeys, openFileKeys, searchKeys, sidebarKeys, webPageKeys } from '../keyboard.ts';
import type { ReadingProgress } from '../reader/reading-progress.ts';

/** Props of the window's header bar. */
export interface AppHeaderProps {
  showingDefault: boolean;
  opening: boolean;
  onOpenFile(): void;
  onOpenWebPage(): void;
  onOpenDefault(): void;
  onSearch(): void;
  onLibrary(): void;
  onAllHighlights(): void;
  onExport(): void;
  onBackups(): void;
  /** Opens the text settings (typeface, size, spacing, column width). */
  onTextSettings(): void;
  /** The theme chosen, and how to choose another. */
  theme: ThemeChoice;
  onTheme(choice: ThemeChoice): void;
  /** The article shown (null while none is), and how far through it the reader is. */
  title: string | null;
  progress: ReadingProgress;
  /** Whether the sidebar is put away, and how to show or hide it. */
  sidebarHidden: boolean;
  onToggleSidebar(): void;
}

/** The themes as the picker names them, in its order. */
const themeNames: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark', sepia: 'Sepia' };

/**
 * The bar across the top: the app's name, "Library" (Ctrl/⌘+Shift+L), "All highlights" (Ctrl/⌘+Shift+A), "Search"
 * (Ctrl/⌘+K), "Export…", "Open web page…" (Ctrl/⌘+L), "Open…" (Ctrl/⌘+O) and, away from it, a way back to the built-in
 * article.
 */
export function AppHeader(props: AppHeaderProps) {
  const {
    showingDefault,
    opening,
    onOpenFile,
    onOpenWebPage,
    onOpenDefault,
    onSearch,
    onLibrary,
    onAllHighlights,
    onExport,
    onBackups,
    onTextSettings,
    theme,
    onTheme,
    title,
    progress,
    sidebarHidden,
    onToggleSidebar,
  } = props;
  return (
    <header className="app-header">
      <div className="app-header-row">
        <span className="app-name">Marginalia</span>
        <span className="app-actions">
          {!showingDefault && (
            <button type="button" className="text-button" onClick={onOpenDefault}>
              Default article
            </button>
          )}
          <ShortcutButton keys={libraryKeys} title="Every article in the library" opensDialog onClick={onLibrary}>
            Library
          </ShortcutButton>
          <ShortcutButton
            keys={allHighlightsKeys}
            title="Every highlight in the library"
            opensDialog
            onClick={onAllHighlights}
          >
            All highlights
          </ShortcutButton>
          <ShortcutButton keys={searchKeys} title="Search the library" opensDialog onClick={onSearch}>
            Search
          </ShortcutButton>
          <button
            type="button"
            className="text-button"
            title="Export highlights and notes to Markdown, Web Annotation JSON-LD or CSV"
            aria-haspopup="dialog"
            onClick={onExport}
          >
            Export…
          </button>
          <button
            type="button"
            className="text-button"
            title="Restore the library from one of its backups"
            aria-haspopup="dialog"
            onClick={onBackups}
          >
            Backups…
          </button>
          <ShortcutButton keys={webPageKeys} title="Open a page from the web" opensDialog onClick={onOpenWebPage}>
            Open web page…
          </ShortcutButton>
          <ShortcutButton
            keys={openFileKeys}
            title="Open a text, Markdown or HTML file"
            busy={opening}
            onClick={onOpenFile}
          >
            Open…
          </ShortcutButton>
          <button
            type="button"
            className="text-button"
            aria-pressed={!sidebarHidden}
            aria-keyshortcuts={sidebarKeys.aria}
            title={`Show or hide the article note and highlights beside the text (${sidebarKeys.label})`}
            onClick={onToggleSidebar}
          >
            Sidebar
          </button>
          <button
            type="button"
            className="text-button"
            title="Typeface, text size, line spacing and column width"
            aria-haspopup="dialog"
            onClick={onTextSettings}
          >
            Text…
          </button>
          <label className="theme-picker" title="System follows your computer's light or dark setting">
            Theme{' '}
            <select value={theme} onChange={(event) => onTheme(event.target.value as ThemeChoice)}>
              {themeChoices.map((choice) => (
                <option key={choice} value={choice}>
                  {themeNames[choice]}
                </option>
              ))}
            </select>
          </label>
        </span>
      </div>
      {title !== null && <ArticleHeading title={title} progress={progress} />}
    </header>
  );
}

/** Props of a header button that also has a keyboard shortcut. */
interface ShortcutButtonProps {
  keys: { aria: string; label: string };
  title: string;
  onClick(): void;
  /** Opens a dialog (aria-haspopup). */
  opensDialog?: boolean;
  busy?: boolean;
  children: string;
}

/** A header button with its shortcut shown beside its name, announced through aria-keyshortcuts. */
function ShortcutButton({ keys, title, onClick, opensDialog = false, busy = false, children }: ShortcutButtonProps) {
  return (
    <button
      type="button"
      className="text-button"
      aria-keyshortcuts={keys.aria}
      aria-haspopup={opensDialog ? 'dialog' : undefined}
      aria-busy={busy || undefined}
      title={`${title} (${keys.label})`}
      onClick={onClick}
    >
      {children}{' '}
      <kbd className="key-hint" aria-hidden="true">
        {keys.label}
      </kbd>
    </button>
  );
}

/**
 * The open article's title, on the header's second line (the first is full of buttons at every width), cut short
 * with an ellipsis when the window is narrow (whole in its tooltip), and a bar with how much of it is read. Only this
 * re-renders as the article scrolls.
 */
function ArticleHeading({ title, progress }: { title: string; progress: ReadingProgress }) {
  const percent = useSyncExternalStore(progress.subscribe, progress.get);
  return (
    <span className="app-article">
      <span className="app-article-title" title={title} dir="auto">
        {title}
      </span>
      {percent !== null && (
        <>
          <progress className="reading-progress" max={100} value={percent} aria-label="Read so far" />
          <span className="reading-percent" aria-hidden="true">
            {percent}%
          </span>
        </>
      )}
    </span>
  );
}
