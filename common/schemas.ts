import { z } from 'zod';

import { isAllowedLink } from './document.ts';
import { excerpt } from './input-issues.ts';
import {
  exportFormats,
  fontFamilyChoices,
  highlightColors,
  limits,
  settingRanges,
  type TextPositionSelector,
  type TextQuoteSelector,
  themeChoices,
} from './model.ts';
import { normaliseTag } from './tag-text.ts';
import { parseUrl } from './url.ts';

/**
 * The zod schemas that check what a caller sends against the data model (model.ts). Messages are lower-case clauses
 * that name what is wrong ("the note is longer than …"): the dispatcher turns them into sentences for the user.
 */

const offset = z.number().int().nonnegative().max(limits.articleMaxLength);

/** A count as a user reads it: 100,000, not 100000. */
const count = (n: number): string => n.toLocaleString('en-US');

/**
 * Text a user typed or selected, refused when it holds a lone UTF-16 surrogate (half of an emoji, say). SQLite would
 * store it as U+FFFD and the call would still say it was saved; refusing keeps the user's text exactly as typed.
 */
const wellFormedText = (what: string) =>
  z.string().refine((text) => text.isWellFormed(), {
    message: `${what} contains a broken character (half of an emoji or symbol)`,
  });

const textQuoteSelectorSchema = z
  .object({
    type: z.literal('TextQuoteSelector'),
    exact: wellFormedText('the quote')
      .min(1, 'the quote is empty')
      .max(limits.quoteMaxLength, `the quote is longer than ${count(limits.quoteMaxLength)} characters`),
    prefix: wellFormedText('the text before the quote').max(
      limits.affixMaxLength,
      `the prefix is longer than ${limits.affixMaxLength} characters`,
    ),
    suffix: wellFormedText('the text after the quote').max(
      limits.affixMaxLength,
      `the suffix is longer than ${limits.affixMaxLength} characters`,
    ),
  })
  .strict();

const textPositionSelectorSchema = z
  .object({
    type: z.literal('TextPositionSelector'),
    start: offset,
    end: offset,
  })
  .strict()
  .refine((s) => s.end > s.start, { message: 'a position selector must end after it starts' });

const selectorSchema = z.discriminatedUnion('type', [textQuoteSelectorSchema, textPositionSelectorSchema]);

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

/** True when two types are the same; used below so the schemas and model.ts cannot drift apart unnoticed. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _quoteSchemaIsTheModel: Same<z.output<typeof textQuoteSelectorSchema>, TextQuoteSelector> = true;
const _positionSchemaIsTheModel: Same<z.output<typeof textPositionSelectorSchema>, TextPositionSelector> = true;

export const highlightColorSchema = z.enum(highlightColors, {
  error: () => `the colour must be one of ${highlightColors.join(', ')}`,
});
export const noteSchema = wellFormedText('the note').max(
  limits.noteMaxLength,
  `the note is longer than ${count(limits.noteMaxLength)} characters`,
);
/** What the user typed into the search box: any text at all is a valid query (it is escaped, never parsed). */
export const searchTextSchema = wellFormedText('the search').max(
  limits.searchMaxLength,
  `the search is longer than ${count(limits.searchMaxLength)} characters`,
);
export const articleIdSchema = z.number().int('an article id is a whole number').positive('an article id is positive');

/**
 * An annotation's id: a UUID in any case, stored in lower case so that two spellings of one id are one annotation.
 * The nil and max UUIDs are refused: they are what a broken generator produces, and every renderer would share them.
 */
export const annotationIdSchema = z
  .string({ error: 'an annotation id is a UUID' })
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'an annotation id is a UUID')
  .transform((id) => id.toLowerCase())
  .refine((id) => !/^(0{8}-0{4}-0{4}-0{4}-0{12}|f{8}-f{4}-f{4}-f{4}-f{12})$/.test(id), {
    message: 'the nil or max UUID cannot be an annotation id',
  });

/** A web address as the user typed it: trimmed; `example.com/page` means https. Only http and https are fetched. */
export const webAddressSchema = z
  .string({ error: 'a web address is text' })
  .trim()
  .min(1, 'the web address is empty')
  .max(limits.urlMaxLength, `the web address is longer than ${count(limits.urlMaxLength)} characters`)
  .transform((typed, ctx) => {
    const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(typed) ? typed : `https://${typed}`;
    const url = parseUrl(withScheme);
    if (url && url.protocol !== 'http:' && url.protocol !== 'https:') {
      ctx.addIssue({ code: 'custom', message: `only http and https pages can be opened, not ${url.protocol}` });
      return z.NEVER;
    }
    if (!url || url.host === '') {
      ctx.addIssue({ code: 'custom', message: `“${excerpt(typed)}” is not a web address` });
      return z.NEVER;
    }
    return url.href;
  });

/** A link from an article the user asked to open in the browser: http, https or mailto only. */
export const externalLinkSchema = z
  .string({ error: 'a link is text' })
  .max(limits.urlMaxLength, `the link is longer than ${count(limits.urlMaxLength)} characters`)
  .refine(isAllowedLink, { message: 'only http, https and mailto links can be opened' });

/** One tag as typed: not empty once normalised (common/tag-text.ts), no longer than the limit. */
const tagSchema = wellFormedText('the tag')
  .refine((tag) => normaliseTag(tag) !== '', { message: 'a tag cannot be empty' })
  .refine((tag) => normaliseTag(tag).length <= limits.tagMaxLength, {
    message: `a tag is longer than ${limits.tagMaxLength} characters`,
  });

export const tagsSchema = z
  .array(tagSchema)
  .max(limits.tagsPerAnnotation, `a highlight can have at most ${limits.tagsPerAnnotation} tags`);

/** Where the reader is in an article: a text offset and how far through it (0–1). */
export const readingPositionSchema = z.strictObject({
  offset: offset,
  progress: z.number().min(0, 'progress is between 0 and 1').max(1, 'progress is between 0 and 1'),
});

/** Files the user dropped on the window (their paths, found by the preload from the dropped File objects). */
export const droppedPathsSchema = z
  .array(z.string().min(1, 'a dropped item is not a file on this computer').max(limits.sourceMaxLength))
  .min(1, 'nothing was dropped')
  .max(20, 'drop at most 20 files at once');

/** The undo token of a deleted article. */
export const undoTokenSchema = z.string().regex(/^[0-9a-f-]{36}$/, 'this undo is not known');

/** Which highlights the "All highlights" view lists: any colours, a tag, words in the quote or note. */
export const highlightFilterSchema = z.strictObject({
  colors: z.array(highlightColorSchema).max(5).optional(),
  tag: tagSchema.optional(),
  text: searchTextSchema.optional(),
  /** From a previous page's `next`. */
  after: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(500).optional(),
});

/** A number setting within its range (a finite number: NaN and Infinity are not sizes), said in the user's units. */
function settingInRange(name: string, range: { min: number; max: number }, unit: (value: number) => string) {
  const message = `${name} goes from ${unit(range.min)} to ${unit(range.max)}.`;
  return z.number({ error: message }).min(range.min, message).max(range.max, message).optional();
}

/** A change of settings: the fields given change, the others stay. */
export const settingsPatchSchema = z.strictObject({
  theme: z
    .enum(themeChoices, { error: 'The theme is System, Light, Dark or Sepia: that is not one of them.' })
    .optional(),
  sidebarHidden: z.boolean({ error: 'the sidebar is shown or hidden (true or false)' }).optional(),
  fontFamily: z
    .enum(fontFamilyChoices, { error: 'The font is Serif, Sans-serif, System or Monospace: that is not one of them.' })
    .optional(),
  fontSize: settingInRange('The text size', settingRanges.fontSize, (px) => `${px} px`),
  lineHeight: settingInRange('The line spacing', settingRanges.lineHeight, String),
  columnWidth: settingInRange('The column width', settingRanges.columnWidth, (chars) => `${chars} characters`),
  zoom: settingInRange('The zoom', settingRanges.zoom, (factor) => `${Math.round(factor * 100)} %`),
  sidebarWidth: settingInRange('The sidebar', settingRanges.sidebarWidth, (px) => `${px} px wide`),
});

/** Which export format: one of `exportFormats`, named as the user would see it when not. */
export const exportFormatSchema = z.enum(exportFormats, {
  error: 'Export to Markdown, Web Annotation JSON or CSV: that is not one of them.',
});

/** The articles to export: at least one, each once; none given means the whole library. */
export const exportArticleIdsSchema = z
  .array(articleIdSchema)
  .min(1, 'Choose at least one article to export.')
  .max(100_000, 'That is more articles than a library holds.');

/**
 * A backup's file name, as listed (`marginalia-2026-12-02T07-15-03.123Z-quit.db`): never a path, so the page can
 * only name a backup in the backups folder, and main restores only one it lists itself.
 */
export const backupNameSchema = z
  .string({ error: 'a backup is named by its file name' })
  .max(100, 'that is not the name of a backup')
  .regex(/^marginalia-[0-9T:.Z-]+-[a-z-]+\.db$/, 'that is not the name of a backup');

/** Text a context menu's copy item puts on the clipboard: a quote with its citation, at most a whole article's. */
const copiedTextSchema = z
  .string({ error: 'the text to copy is missing' })
  .min(1, 'there is no text to copy')
  .max(limits.articleMaxLength + 20_000, 'that is more text than an article holds');

/** A context menu the page asks main to show: on selected text, or on a painted highlight of a colour. */
export const contextMenuRequestSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('selection'), cited: copiedTextSchema }),
    z.strictObject({
      kind: z.literal('highlight'),
      color: highlightColorSchema,
      text: copiedTextSchema,
      cited: copiedTextSchema,
    }),
  ],
  { error: 'A context menu is for selected text or for a highlight: that is neither.' },
);
