import { libraryKeys, openFileKeys, searchKeys } from '../keyboard.ts';

/** Props of the window's header bar. */
export interface AppHeaderProps {
  showingDefault: boolean;
  opening: boolean;
  onOpenFile(): void;
  onOpenDefault(): void;
  onSearch(): void;
  onLibrary(): void;
}

/**
 * The bar across the top: the app's name, "Library" (Ctrl/⌘+Shift+L), "Search" (Ctrl/⌘+K), "Open…" (Ctrl/⌘+O) and, away from it, a way back to
 * the built-in article.
 */
export function AppHeader({ showingDefault, opening, onOpenFile, onOpenDefault, onSearch, onLibrary }: AppHeaderProps) {
  return (
    <header className="app-header">
      <span className="app-name">Marginalia</span>
      <span className="app-actions">
        {!showingDefault && (
          <button type="button" className="text-button" onClick={onOpenDefault}>
            Default article
          </button>
        )}
        <button
          type="button"
          className="text-button"
          aria-keyshortcuts={libraryKeys.aria}
          aria-haspopup="dialog"
          title={`Every article in the library (${libraryKeys.label})`}
          onClick={onLibrary}
        >
          Library{' '}
          <kbd className="key-hint" aria-hidden="true">
            {libraryKeys.label}
          </kbd>
        </button>
        <button
          type="button"
          className="text-button"
          aria-keyshortcuts={searchKeys.aria}
          aria-haspopup="dialog"
          title={`Search the library (${searchKeys.label})`}
          onClick={onSearch}
        >
          Search{' '}
          <kbd className="key-hint" aria-hidden="true">
            {searchKeys.label}
          </kbd>
        </button>
        <button
          type="button"
          className="text-button"
          aria-keyshortcuts={openFileKeys.aria}
          aria-busy={opening || undefined}
          title={`Open a text file (${openFileKeys.label})`}
          onClick={onOpenFile}
        >
          Open…{' '}
          <kbd className="key-hint" aria-hidden="true">
            {openFileKeys.label}
          </kbd>
        </button>
      </span>
    </header>
  );
}
