import type { LibraryEntry } from '../../../common/model.ts';
import { foldForSearch } from '../../../common/search-fold.ts';

/** The orders the library can be listed in. */
export type LibraryOrder = 'recent' | 'title' | 'highlights';

/** What each order is called in the "Sort by" menu, in the menu's order. */
export const orderLabels: Record<LibraryOrder, string> = {
  recent: 'Recently added',
  title: 'Title',
  highlights: 'Most highlighted',
};

/**
 * Where an article came from, as the user knows it: the file's name for a file URL, the site for a web address,
 * "Built in" for the app's own `marginalia:` articles (the default article), and the source itself otherwise.
 */
export function sourceLabel(source: string): string {
  if (source.startsWith('marginalia:')) return 'Built in';
  let url: URL;
  try {
    url = new URL(source);
  } catch {
    return source;
  }
  if (url.protocol === 'file:') {
    const name = url.pathname.split('/').findLast((part) => part !== '') ?? source;
    try {
      return decodeURIComponent(name);
    } catch {
      return name;
    }
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') return url.hostname.replace(/^www\./, '');
  return source;
}

/** Newest first, then the higher id: the order `articles.list` answers in, restated so every order can fall back on it. */
function byRecent(a: LibraryEntry, b: LibraryEntry): number {
  return b.createdAt.localeCompare(a.createdAt) || b.id - a.id;
}

/**
 * The entries to show: those whose title or source label contains every word of `filter` (case and diacritics
 * ignored), in `order`. Titles compare as the user's locale does, ignoring case and accents, with numbers by value
 * ("Part 2" before "Part 10"); ties in any order fall back on newest first.
 */
export function visibleEntries(entries: readonly LibraryEntry[], filter: string, order: LibraryOrder): LibraryEntry[] {
  const words = foldForSearch(filter).split(/\s+/).filter(Boolean);
  const shown = entries.filter((entry) => {
    const title = foldForSearch(entry.title);
    const source = foldForSearch(sourceLabel(entry.source));
    return words.every((word) => title.includes(word) || source.includes(word));
  });
  if (order === 'title') {
    const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
    return shown.sort((a, b) => collator.compare(a.title, b.title) || byRecent(a, b));
  }
  if (order === 'highlights') return shown.sort((a, b) => b.highlightCount - a.highlightCount || byRecent(a, b));
  return shown.sort(byRecent);
}
