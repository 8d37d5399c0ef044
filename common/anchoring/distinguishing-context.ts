import { limits, type TextQuoteSelector } from '../model.ts';
import { foldString, foldText } from './fold.ts';
import { prefixAgreement, suffixAgreement } from './match-quote.ts';
import { occurrencesOf } from './occurrences.ts';

/**
 * Context long enough to tell a highlight from its twins.
 *
 * A twin is another occurrence of a highlight's words with much of the same context on one side or both: a sentence
 * that documentation repeats word for word in sibling sections, after the same lines. Told apart by little or
 * nothing the 32 characters hold, a twin looks like the highlight's own text once that text is rewritten or
 * deleted, and the highlight moved onto it (real revisions, test/revisions). So when a highlight is made, its
 * context is extended past the point where every twin's text starts to differ, up to `limits.affixMaxLength`
 * characters (W3C sets no limit on prefix and suffix). When it is found again, a place whose text holds no extended side whole is a twin, not the
 * highlight: nothing but its twins needed that context.
 *
 * Only the 32 characters next to the quote are the *near* context every stage of the engine reasons with; the rest
 * is only ever this test. Old highlights, stored with 32 characters, have no extended side and are found as before.
 */

/** The near context, the one every stage of the engine reasons with. */
const near = limits.affixLength;

/**
 * Characters of context on one side that make another occurrence of the quote a *twin*: the engine takes a verbatim
 * quote with one side of its context intact, so a copy agreeing this far on either side could be taken for it.
 */
const twinAgreement = near / 2;

/**
 * How many characters of context each side of `text[start, end)` needs: 32, or more to tell it from its twins.
 * - Where each side alone can tell it from every twin, both are extended beyond 32 (each past every twin's
 *   agreement), so that an edit on one side later still leaves the other to say which copy is the highlight's.
 * - Where only one side can (a twin agrees up to the article's start or end, or beyond the cap on the other), that
 *   side alone is extended, and the other keeps 32.
 * - Where neither can, nothing is: such copies cannot be told apart by context at all.
 * `holdsDistinguishingContext` reads the mode back from the lengths: both sides longer than 32, or one.
 */
export function distinguishingLengths(text: string, start: number, end: number): { prefix: number; suffix: number } {
  const exact = text.slice(start, end);
  const cap = limits.affixMaxLength;
  let prefix = 0;
  let suffix = 0;
  for (const at of occurrencesOf(text, exact)) {
    if (at === start) continue;
    // Cheap first: most occurrences differ within a few characters on both sides.
    const nearBefore = agreeBefore(text, start, at, near);
    const nearAfter = agreeAfter(text, end, at + exact.length, near);
    if (nearBefore < twinAgreement && nearAfter < twinAgreement) continue;
    const before = nearBefore < near ? nearBefore : agreeBefore(text, start, at, cap);
    const after = nearAfter < near ? nearAfter : agreeAfter(text, end, at + exact.length, cap);
    // One character past where the twin stops agreeing tells them apart; impossible on a side where the highlight's
    // own text ends first (the article's start or end), or past the cap.
    prefix = Math.max(prefix, before < Math.min(cap, start) ? before + 1 : Infinity);
    suffix = Math.max(suffix, after < Math.min(cap, text.length - end) ? after + 1 : Infinity);
    // Neither side can tell this one apart: nothing will be extended, whatever the other copies are.
    if (prefix === Infinity && suffix === Infinity) break;
  }
  // Past 32 is what says a side was extended; a side that cannot get there (the article's edge) cannot say it.
  const canPrefix = prefix !== Infinity && start > near;
  const canSuffix = suffix !== Infinity && text.length - end > near;
  if (prefix === 0 && suffix === 0) return { prefix: near, suffix: near };
  if (canPrefix && canSuffix) return { prefix: Math.max(prefix, near + 1), suffix: Math.max(suffix, near + 1) };
  if (canPrefix && suffix === Infinity) return { prefix: Math.max(prefix, near + 1), suffix: near };
  if (canSuffix && prefix === Infinity) return { prefix: near, suffix: Math.max(suffix, near + 1) };
  // One side cannot be extended, and the other was not needed alone (the near context there tells every twin).
  if (canPrefix && suffix <= near) return { prefix: Math.max(prefix, near + 1), suffix: near };
  if (canSuffix && prefix <= near) return { prefix: near, suffix: Math.max(suffix, near + 1) };
  return { prefix: near, suffix: near };
}

/**
 * How many characters before `start` agree with those before `at`, up to `limit`, once folded: the extended sides
 * are held "word for word once folded" when the highlight is found again, so a twin whose context differs only in
 * spacing or typography ("is usually  populated" for "is usually populated") is not told apart by it (real
 * revisions: Scrapy's `Request.meta` and `Request.cache` paragraphs; the highlight on the cache one, deleted, moved
 * onto the meta one through a suffix extended to its double space).
 */
function agreeBefore(text: string, start: number, at: number, limit: number): number {
  let n = 0;
  while (n < limit && n < start && n < at && text.charCodeAt(start - 1 - n) === text.charCodeAt(at - 1 - n)) n++;
  if (n === limit || n === start || n === at || !foldable(text, start - 1 - n, at - 1 - n)) return n;
  const own = foldText(text.slice(Math.max(0, start - limit), start));
  const twin = foldString(text.slice(Math.max(0, at - 2 * limit - 8), at));
  let m = 0;
  while (m < own.text.length && m < twin.length && own.text[own.text.length - 1 - m] === twin[twin.length - 1 - m]) m++;
  return Math.max(n, Math.min(start, limit) - own.toRaw[own.text.length - m]!);
}

/** How many characters from `end` agree with those from `at`, up to `limit`, once folded (see `agreeBefore`). */
function agreeAfter(text: string, end: number, at: number, limit: number): number {
  let n = 0;
  while (n < limit && at + n < text.length && end + n < text.length) {
    if (text.charCodeAt(end + n) !== text.charCodeAt(at + n)) break;
    n++;
  }
  if (n === limit || at + n === text.length || end + n === text.length || !foldable(text, end + n, at + n)) return n;
  const own = foldText(text.slice(end, end + limit));
  const twin = foldString(text.slice(at, at + 2 * limit + 8));
  let m = 0;
  while (m < own.text.length && m < twin.length && own.text[m] === twin[m]) m++;
  return Math.max(n, own.toRaw[m]!);
}

/** Whether the first difference, text[a] against text[b], may be one that folding removes. */
function foldable(text: string, a: number, b: number): boolean {
  const changed = (c: string): boolean => /\s/.test(c) || foldString(c) !== c;
  return changed(text[a]!) || changed(text[b]!);
}

/** The extended sides of a stored quote: the whole stored context, where a side is longer than the near one. */
export interface DistinguishingContext {
  readonly exact: string;
  /** The whole stored prefix, when it is longer than the near context; else undefined. */
  readonly prefix: string | undefined;
  readonly suffix: string | undefined;
}

/**
 * A stored quote as the engine's stages use it (its near context only) and its extended sides, if any; an old or
 * unique highlight has none and comes back unchanged.
 */
export function splitContext(quote: TextQuoteSelector): {
  near: TextQuoteSelector;
  distinguishing: DistinguishingContext | undefined;
} {
  const longPrefix = quote.prefix.length > near;
  const longSuffix = quote.suffix.length > near;
  if (!longPrefix && !longSuffix) return { near: quote, distinguishing: undefined };
  return {
    near: {
      ...quote,
      prefix: longPrefix ? quote.prefix.slice(quote.prefix.length - near) : quote.prefix,
      suffix: longSuffix ? quote.suffix.slice(0, near) : quote.suffix,
    },
    distinguishing: {
      exact: quote.exact,
      prefix: longPrefix ? quote.prefix : undefined,
      suffix: longSuffix ? quote.suffix : undefined,
    },
  };
}

/**
 * Whether the text at [start, end) may be the highlight's own. With one side extended, that side must be found
 * there whole, word for word. With both extended, each alone told the highlight from every twin, so one is enough
 * (an edit on the other side is forgiven), unless another copy of the quote holds the other one: then the text has
 * moved so that a twin now borrows one side of the highlight's context, and neither copy can be told to be its
 * own, unless the neighbours say where it went (`byNeighbours`: the batch tries it where its neighbours moved). A
 * place that fails is a twin, or not known from one: never taken for the highlight.
 */
export function holdsDistinguishingContext(
  text: string,
  context: DistinguishingContext | undefined,
  start: number,
  end: number,
  byNeighbours = false,
): boolean {
  if (context === undefined) return true;
  const { prefix, suffix } = context;
  const holdsPrefix = prefix !== undefined && prefixHeld(prefix, text, start);
  const holdsSuffix = suffix !== undefined && suffixHeld(suffix, text, end);
  if (holdsPrefix && holdsSuffix) return true;
  if (!holdsPrefix && !holdsSuffix) return false;
  if (prefix === undefined || suffix === undefined || byNeighbours) return true;
  return !anotherCopyHolds(text, context, start, holdsPrefix ? 'suffix' : 'prefix');
}

/** Whether a verbatim copy of the quote other than the one at `start` holds that side of the context whole. */
function anotherCopyHolds(text: string, context: DistinguishingContext, start: number, side: 'prefix' | 'suffix') {
  const { exact, prefix = '', suffix = '' } = context;
  for (const at of occurrencesOf(text, exact)) {
    if (at === start) continue;
    if (side === 'prefix' ? prefixHeld(prefix, text, at) : suffixHeld(suffix, text, at + exact.length)) return true;
  }
  return false;
}

/**
 * Whether the text before `at` ends with `prefix`, word for word once folded (fold.ts): re-spacing a paragraph or
 * straightening its quote marks changes no word of the context. Folding only ever shortens, so twice the length
 * of raw text is plenty to compare.
 */
function prefixHeld(prefix: string, text: string, at: number): boolean {
  if (prefixAgreement(prefix, text, at) === prefix.length) return true;
  const folded = foldString(prefix);
  return foldString(text.slice(Math.max(0, at - 2 * prefix.length - 8), at)).endsWith(folded);
}

/** Whether the text from `at` begins with `suffix`, word for word once folded. */
function suffixHeld(suffix: string, text: string, at: number): boolean {
  if (suffixAgreement(suffix, text, at) === suffix.length) return true;
  const folded = foldString(suffix);
  return foldString(text.slice(at, at + 2 * suffix.length + 8)).startsWith(folded);
}
