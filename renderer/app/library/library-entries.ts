import type { LibraryEntry } from '../../../common/model.ts';
import { foldForSearch } from '../../../common/search-fold.ts';
import { plural } from '../text.ts';

/** The orders the library can be listed in. */
export type LibraryOrder = 'recent' | 'title' | 'highlights';

/** What each order is called in the "Sort by" menu, in the menu's order. */
export const orderLabels: Record<LibraryOrder, string> = {
  recent: 'Recently added',
  title: 'Title',
  highlights: 'Most highlighted',
};

/**
 * Where an article came from, as the user knows it: the file's name for a file URL (or a bare path), the host for a
 * web address, "Built in" for the app's own `marginalia:` articles (the default article), and the source itself
 * otherwise.
 */
function sourceLabel(source: string): string {
  if (source.startsWith('marginalia:')) return 'Built in';
  let url: URL;
  try {
    url = new URL(source);
  } catch {
    // A path (`/home/ada/notes.txt`, `C:\Users\ada\notes.txt`): its last part.
    return /^(?:\/|[A-Za-z]:[\\/])/.test(source) ? (source.split(/[\\/]/).findLast(Boolean) ?? source) : source;
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

/** What the library names an article's origin with: the page's site name, else the file name or host. */
export function originOf(entry: LibraryEntry): string {
  return entry.siteName.trim() || sourceLabel(entry.source);
}

const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 });

/** How far the user has read, in words ("40% read"), or "Not started" when they never scrolled it. */
export function progressLabel(progress: number | null): string {
  if (progress === null) return 'Not started';
  // Down, so the end is 100% only at the end.
  return `${percent.format(Math.floor(progress * 100) / 100)} read`;
}

/** What deleting an article takes with it, for the question asked first: its highlights and notes, the article's own. */
export function deleteQuestion(entry: LibraryEntry): { question: string; detail: string } {
  const question = `Delete “${entry.title}”?`;
  const notes = entry.noteCount + (entry.hasNote ? 1 : 0);
  const parts = [
    ...(entry.highlightCount > 0 ? [plural(entry.highlightCount, 'highlight')] : []),
    ...(notes > 0 ? [plural(notes, 'note')] : []),
  ];
  if (parts.length === 0) return { question, detail: 'It has no highlights or notes.' };
  return { question, detail: `Its ${parts.join(' and ')} will be deleted too.` };
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
    const source = foldForSearch(originOf(entry));
    return words.every((word) => title.includes(word) || source.includes(word));
  });
  if (order === 'title') {
    const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
    return shown.sort((a, b) => collator.compare(a.title, b.title) || byRecent(a, b));
  }
  if (order === 'highlights') return shown.sort((a, b) => b.highlightCount - a.highlightCount || byRecent(a, b));
  return shown.sort(byRecent);
}
