import { z } from 'zod';

/**
 * The data model shared by the data layer and the IPC contract. Selector shapes use the W3C Web Annotation
 * names exactly, so export is a straight mapping. Inside the app, text offsets are UTF-16 code units; they are
 * converted to code points only at the export boundary.
 */

/** The five highlight colours a user can pick, in toolbar order (keys 1–5). */
export const highlightColors = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type HighlightColor = (typeof highlightColors)[number];

/** Bounds on what a user or a renderer may store; anything larger is refused with a clear message. */
export const limits = {
  /** Characters of context kept on each side of a quote. */
  affixLength: 32,
  quoteMaxLength: 20_000,
  noteMaxLength: 100_000,
  titleMaxLength: 1_000,
  sourceMaxLength: 4_096,
  articleMaxLength: 20_000_000,
} as const;

const offset = z.number().int().nonnegative().max(limits.articleMaxLength);

/** A count as a user reads it: 100,000, not 100000. */
const count = (n: number): string => n.toLocaleString('en-US');

/**
 * Text a user typed or selected, refused when it holds a lone UTF-16 surrogate (half of an emoji, say). SQLite would
 * store it as U+FFFD and the call would still say it was saved; refusing keeps the user's text exactly as typed.
 */
const wellFormedText = (what: string) =>
  z.string().refine((text) => text.isWellFormed(), { message: `${what} contains a broken character (half of an emoji or symbol)` });

export const textQuoteSelectorSchema = z
  .object({
    type: z.literal('TextQuoteSelector'),
    exact: wellFormedText('the quote')
      .min(1, 'the quote is empty')
      .max(limits.quoteMaxLength, `the quote is longer than ${count(limits.quoteMaxLength)} characters`),
    prefix: wellFormedText('the text before the quote').max(limits.affixLength, `the prefix is longer than ${limits.affixLength} characters`),
    suffix: wellFormedText('the text after the quote').max(limits.affixLength, `the suffix is longer than ${limits.affixLength} characters`),
  })
  .strict();

export const textPositionSelectorSchema = z
  .object({
    type: z.literal('TextPositionSelector'),
    start: offset,
    end: offset,
  })
  .strict()
  .refine((s) => s.end > s.start, { message: 'a position selector must end after it starts' });

export const selectorSchema = z.discriminatedUnion('type', [textQuoteSelectorSchema, textPositionSelectorSchema]);

/**
 * Where a highlight sits: exactly one quote (what it says, with context) and at most one position (where it was).
 * When both are present they must describe the same length of text.
 */
export const selectorsSchema = z
  .array(selectorSchema)
  .min(1, 'at least one selector is needed')
  .max(2, 'at most one quote and one position selector')
  .superRefine((selectors, ctx) => {
    const quotes = selectors.filter((s) => s.type === 'TextQuoteSelector');
    const positions = selectors.filter((s) => s.type === 'TextPositionSelector');
    if (quotes.length !== 1) ctx.addIssue({ code: 'custom', message: 'exactly one TextQuoteSelector is needed' });
    if (positions.length > 1) ctx.addIssue({ code: 'custom', message: 'at most one TextPositionSelector is allowed' });
    const [quote] = quotes;
    const [position] = positions;
    if (quote && position && position.end - position.start !== quote.exact.length) {
      ctx.addIssue({ code: 'custom', message: 'the position selector does not span the quoted text' });
    }
  });

export type TextQuoteSelector = z.infer<typeof textQuoteSelectorSchema>;
export type TextPositionSelector = z.infer<typeof textPositionSelectorSchema>;
export type Selector = TextQuoteSelector | TextPositionSelector;

export const highlightColorSchema = z.enum(highlightColors, {
  error: () => `the colour must be one of ${highlightColors.join(', ')}`,
});
export const noteSchema = wellFormedText('the note').max(limits.noteMaxLength, `the note is longer than ${count(limits.noteMaxLength)} characters`);
export const articleIdSchema = z.number().int('an article id is a whole number').positive('an article id is positive');

const nilUuid = '00000000-0000-0000-0000-000000000000';

/**
 * An annotation's id: a UUID, stored in lower case so that two spellings of one id are one annotation. The nil UUID
 * is refused: it is what a broken generator produces, and every renderer would share it.
 */
export const annotationIdSchema = z
  .uuid('an annotation id is a UUID')
  .transform((id) => id.toLowerCase())
  .refine((id) => id !== nilUuid, { message: 'the nil UUID cannot be an annotation id' });

/** How an article's content is stored. Only plain text exists today; html (sanitized) comes with import. */
export type ArticleFormat = 'text';

/** An article as the reader sees it. `content` is the body; its text is what annotations anchor to. */
export interface Article {
  id: number;
  title: string;
  /** Where the article came from: a file path or URL, or `marginalia:default-article` for the built-in one. */
  source: string;
  format: ArticleFormat;
  content: string;
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
  createdAt: string;
  updatedAt: string;
}

/** The quote selector of an annotation; the schema guarantees there is exactly one. */
export function quoteSelectorOf(selectors: readonly Selector[]): TextQuoteSelector {
  const quote = selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
  if (!quote) throw new Error('annotation has no TextQuoteSelector');
  return quote;
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
}
