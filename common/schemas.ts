import { z } from 'zod';

import { highlightColors, limits, type TextPositionSelector, type TextQuoteSelector } from './model.ts';

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
      limits.affixLength,
      `the prefix is longer than ${limits.affixLength} characters`,
    ),
    suffix: wellFormedText('the text after the quote').max(
      limits.affixLength,
      `the suffix is longer than ${limits.affixLength} characters`,
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
