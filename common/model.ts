/**
 * The data model every process shares: types and constants only, so the renderer can import it without zod (the
 * schemas that check input against it are in schemas.ts). Selector shapes use the W3C Web Annotation
 * names exactly, so export is a straight mapping. Inside the app, text offsets are UTF-16 code units; they are
 * converted to code points only at the export boundary.
 */

import type { DocumentNode } from './document.ts';

/** The five highlight colours a user can pick, in toolbar order (keys 1–5). */
export const highlightColors = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type HighlightColor = (typeof highlightColors)[number];

/** Bounds on what a user or a renderer may store; anything larger is refused with a clear message. */
export const limits = {
  /**
   * Undo steps the window keeps (older ones are dropped first); main keeps what it needs to undo that many deletions
   * and re-attaches, and no more, so a long session's deleted highlights do not pile up in its memory.
   */
  undoSteps: 500,
  /** Deleted articles main keeps for Undo: fewer, since each holds the article's whole text (up to 50 MB). */
  undoArticles: 50,
  /** Characters of context kept on each side of a quote, unless more are needed to tell it from a twin. */
  affixLength: 32,
  /**
   * The most context kept on one side of a quote, to tell it apart from other occurrences of the same words with the
   * same 32 characters around them (common/anchoring/distinguishing-context.ts says how the cap was measured).
   */
  affixMaxLength: 512,
  quoteMaxLength: 20_000,
  noteMaxLength: 100_000,
  titleMaxLength: 1_000,
  sourceMaxLength: 4_096,
  articleMaxLength: 20_000_000,
  searchMaxLength: 500,
  /** A file bigger than this is refused before it is read: no article is that long, and reading it would stall. */
  fileMaxBytes: 50 * 1024 * 1024,
  /** A web page bigger than this is refused while it downloads. */
  pageMaxBytes: 20 * 1024 * 1024,
  urlMaxLength: 4_096,
  tagMaxLength: 100,
  tagsPerAnnotation: 50,
} as const;

/**
 * What a highlight says, with `limits.affixLength` characters of context on each side, or more (up to
 * `limits.affixMaxLength`) where that is what tells it from another occurrence of its words (W3C sets no limit).
 */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** Where a highlight was: UTF-16 offsets into the article's text, end exclusive (W3C, but code units inside the app). */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export type Selector = TextQuoteSelector | TextPositionSelector;

/**
 * How an article is shown. `text`: paragraphs of plain text separated by blank lines. `document`: a formatted page
 * (HTML, Markdown) kept as a sanitised tree (common/document.ts) whose text is `content`.
 */
export type ArticleFormat = 'text' | 'document';

/** What an imported page says about itself (Readability's metadata); empty or null when it says nothing. */
export interface ArticleMeta {
  byline: string;
  siteName: string;
  /** As the page gave it (ISO 8601 when it could be read as a date). */
  publishedAt: string | null;
  /** BCP 47 language tag, e.g. `en`, `fr-CA`. */
  language: string | null;
  direction: 'ltr' | 'rtl' | null;
}

/** Where the reader left an article: the text offset at the top of the view, and how far through it was (0–1). */
export interface ReadingPosition {
  offset: number;
  progress: number;
}

/** An article as the reader sees it. `content` is its text: what annotations anchor to and search indexes. */
export interface Article {
  id: number;
  title: string;
  /** Where the article came from: a file path or URL, or `marginalia:default-article` for the built-in one. */
  source: string;
  format: ArticleFormat;
  content: string;
  /** The formatted tree for `document` articles (its `documentText()` is `content`); null for plain text. */
  document: DocumentNode[] | null;
  meta: ArticleMeta;
  /** The user's note on the whole article. */
  note: string;
  /** Where the user left it; null until they scroll it. */
  reading: ReadingPosition | null;
  /** SHA-256 of the content, hex: tells a changed re-import from an unchanged one. */
  textHash: string;
  createdAt: string;
  updatedAt: string;
}

/** A highlight with its optional note. Timestamps are ISO 8601 in UTC. */
export interface Annotation {
  id: string;
  articleId: number;
  color: HighlightColor;
  selectors: Selector[];
  note: string;
  /** The user's tags, sorted, each once (compared without case). */
  tags: string[];
  createdAt: string;
  updatedAt: string;
}

/** The quote selector of an annotation; the schema guarantees there is exactly one. */
export function quoteSelectorOf(selectors: readonly Selector[]): TextQuoteSelector {
  const quote = findQuoteSelector(selectors);
  if (!quote) throw new Error('annotation has no TextQuoteSelector');
  return quote;
}

/** The (first) quote selector of a list not checked by the schema, if it has one: anchoring takes any list. */
export function findQuoteSelector(selectors: readonly Selector[]): TextQuoteSelector | undefined {
  return selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
}

/** The position selector of an annotation, if it has one. */
export function positionSelectorOf(selectors: readonly Selector[]): TextPositionSelector | undefined {
  return selectors.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector');
}

/** What became of an article's annotations when a changed version of it was opened. */
export interface ReanchorReport {
  /** Found where they were, with the same text. */
  kept: number;
  /** Found with the same text somewhere else. */
  moved: number;
  /** Found by approximate match (the text changed a little). */
  fuzzy: number;
  /** Not found: kept unchanged with their old quote, shown apart so the user can re-attach them. */
  orphaned: number;
}

/** The outcome of opening an article file: the article, whether it is new, and the re-anchoring report if changed. */
export interface OpenedArticle {
  article: Article;
  created: boolean;
  /** null when the article is new or its text is unchanged. */
  report: ReanchorReport | null;
  /** What the user should know about the import, in sentences ("2 images could not be loaded and were left out."). */
  notices: string[];
}

/** One piece of a search snippet, in order: `match` marks the words that matched the query. */
export interface SnippetPart {
  text: string;
  match: boolean;
}

/**
 * Where a search found its words in one article: the title, the article's text (with the UTF-16 offsets of the match,
 * so the reader can scroll there and flash it), or a highlight's quote, note or one of its tags.
 */
export type SearchHit =
  | { kind: 'title'; snippet: SnippetPart[] }
  | { kind: 'text'; start: number; end: number; snippet: SnippetPart[] }
  | { kind: 'quote' | 'note' | 'tag'; annotationId: string; snippet: SnippetPart[] };

/** The hits of one article, best first. */
export interface SearchGroup {
  articleId: number;
  title: string;
  hits: SearchHit[];
}

/** What a search found across the library: articles best first, each with its hits. */
export interface SearchResults {
  /** The query as it was searched (trimmed). */
  query: string;
  groups: SearchGroup[];
}

/** An article as the library lists it: without its body, with how many highlights and notes it holds. */
export interface LibraryEntry {
  id: number;
  title: string;
  /** Where it came from: a file URL, a web address, or `marginalia:default-article`. */
  source: string;
  format: ArticleFormat;
  createdAt: string;
  updatedAt: string;
  /** The page's site name, or '' (the library then shows the file name or host from `source`). */
  siteName: string;
  byline: string;
  highlightCount: number;
  /** Highlights whose note is not empty. */
  noteCount: number;
  /** How far the user read (0–1), or null when never scrolled. */
  progress: number | null;
  /** Whether the article has a note of its own. */
  hasNote: boolean;
}

/** A highlight as the "All highlights" view lists it: with its article's title. */
export interface LibraryHighlight extends Annotation {
  articleTitle: string;
}

/** One page of the "All highlights" view, newest first; `next` continues after its last item, null at the end. */
export interface HighlightPage {
  items: LibraryHighlight[];
  next: string | null;
}

/** A tag in use, and on how many highlights. */
export interface TagCount {
  tag: string;
  count: number;
}

/** The reader's themes: `system` follows the OS's light or dark setting, the others stay as chosen. */
export const themeChoices = ['system', 'light', 'dark', 'sepia'] as const;
export type ThemeChoice = (typeof themeChoices)[number];

/**
 * The user's preferences for how the app looks, kept in the library with the rest of their data (db/settings.ts).
 * Every field has a default, so a library from before a setting existed reads as if it had been left alone.
 */
export interface Settings {
  theme: ThemeChoice;
  /** The sidebar (article note and highlights) put away, for the text to have the whole window. */
  sidebarHidden: boolean;
  /** The sidebar's width beside the text, in CSS pixels before zoom (a narrow window may show it narrower). */
  sidebarWidth: number;
  /** The typeface of the article's text (the app's own controls keep the system's). */
  fontFamily: FontFamilyChoice;
  /** The article's text size, in CSS pixels before zoom. */
  fontSize: number;
  /** The space between the article's lines, as a multiple of its text size. */
  lineHeight: number;
  /** The text column's widest measure, in characters (the column narrows with the window below it). */
  columnWidth: number;
  /** The whole window's zoom factor (Ctrl/⌘ +, − and 0), as a browser's page zoom: 1 is 100 %. */
  zoom: number;
}

/** The article typefaces offered: a book serif, a sans-serif, the system's own interface font, and a monospace. */
export const fontFamilyChoices = ['serif', 'sans', 'system', 'mono'] as const;
type FontFamilyChoice = (typeof fontFamilyChoices)[number];

/**
 * The range of each number setting, and its default: wide enough for low vision and for a dense reader, narrow
 * enough that no value leaves the article unreadable (a 4 px text, a 10-character column).
 */
export const settingRanges = {
  fontSize: { min: 12, max: 36, default: 19 },
  lineHeight: { min: 1.2, max: 2.4, default: 1.65 },
  columnWidth: { min: 40, max: 110, default: 68 },
  zoom: { min: 0.5, max: 3, default: 1 },
  sidebarWidth: { min: 240, max: 640, default: 340 },
} as const satisfies Record<string, { min: number; max: number; default: number }>;

/** What every setting is until the user changes it. */
export const defaultSettings: Settings = {
  theme: 'system',
  sidebarHidden: false,
  sidebarWidth: settingRanges.sidebarWidth.default,
  fontFamily: 'serif',
  fontSize: settingRanges.fontSize.default,
  lineHeight: settingRanges.lineHeight.default,
  columnWidth: settingRanges.columnWidth.default,
  zoom: settingRanges.zoom.default,
};

/**
 * The open formats highlights export to: Markdown files for a notes vault (Obsidian, Logseq), the W3C Web Annotation
 * JSON-LD, and CSV with Readwise's columns.
 */
export const exportFormats = ['markdown', 'web-annotation', 'csv'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** What an export wrote: how many articles and highlights, in how many files, and where. */
export interface ExportReport {
  format: ExportFormat;
  articles: number;
  highlights: number;
  files: number;
  /** The folder (Markdown) or the file (the others) the user chose. */
  destination: string;
}

/** What importing an annotation file did, for the user (electron/core/annotation-import/). */
export interface AnnotationImportReport {
  /** Annotations stored, found in their article's text or not. */
  imported: number;
  /** Of those, the ones whose quote was not found in the article's text: stored as orphans, shown apart. */
  orphaned: number;
  /** Annotations of the file already in the library (imported before): left as they are, never overwritten. */
  alreadyThere: number;
  /** Annotations whose document is not in the library, and those documents' sources as the file names them. */
  articlesMissing: { count: number; sources: string[] };
  /** What the file held that could not be imported, and why. */
  notImported: Array<{ reason: string; count: number }>;
}

/** Why a backup was made. */
export type BackupReason = 'quit' | 'hourly' | 'before-restore' | 'manual';

/** A backup of the library as "Restore backup…" lists it: whole with its counts, or damaged with the reason. */
export type BackupEntry = {
  /** Its file name in the backups folder, which is how the page names it to restore it. */
  name: string;
  createdAt: string;
  reason: BackupReason;
  bytes: number;
} & ({ good: true; articles: number; highlights: number } | { good: false; damaged: string });

/** What a restore did: the backup now in place, and the backup made of the library as it was just before. */
export interface RestoredBackup {
  restored: string;
  safetyBackup: string | null;
}

/** What deleting an article took with it, and the token that brings it back (until the app closes). */
/** A highlight just deleted: `undoToken` brings it back (`annotations:restore`). */
export interface DeletedAnnotation {
  id: string;
  undoToken: string;
}

export interface DeletedArticle {
  id: number;
  highlights: number;
  notes: number;
  undoToken: string;
}
