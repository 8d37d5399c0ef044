import { limits, type TextQuoteSelector } from '../../../common/model.ts';
import { noteSchema, selectorsSchema, tagsSchema } from '../../../common/schemas.ts';
import { normaliseTag } from '../../../common/tag-text.ts';
import type { ReadAnnotation } from './types.ts';

/**
 * The checks the app makes of a highlight it is asked to store (the IPC contract's schemas), made of an imported
 * one: the first thing wrong with it, as the schemas word it ("the note is longer than 100,000 characters"), or
 * undefined when it can be stored. What the app would refuse from the reader it refuses from a file.
 */
export function problemWith(annotation: ReadAnnotation): string | undefined {
  const checks = [
    selectorsSchema.safeParse([annotation.quote]).error,
    noteSchema.safeParse(annotation.note).error,
    tagsSchema.safeParse(annotation.tags).error,
  ];
  for (const error of checks) if (error) return error.issues[0]?.message ?? 'it is not valid';
  if (annotation.source.length > limits.sourceMaxLength) {
    return `the document's address is longer than ${limits.sourceMaxLength.toLocaleString('en-US')} characters`;
  }
  return undefined;
}

/**
 * A quote with its context cut to what the app keeps (`limits.affixMaxLength` on each side, the part nearest the
 * quote): another tool may keep more, and context is only there to tell twins apart, so cutting it loses nothing
 * the user wrote. A cut never splits a character beyond U+FFFF in half.
 */
export function boundedQuote(exact: string, prefix: string, suffix: string): TextQuoteSelector {
  const max = limits.affixMaxLength;
  let prefixStart = Math.max(0, prefix.length - max);
  if (isLowSurrogate(prefix, prefixStart)) prefixStart += 1;
  let suffixEnd = Math.min(suffix.length, max);
  if (isLowSurrogate(suffix, suffixEnd)) suffixEnd -= 1;
  return { type: 'TextQuoteSelector', exact, prefix: prefix.slice(prefixStart), suffix: suffix.slice(0, suffixEnd) };
}

function isLowSurrogate(text: string, index: number): boolean {
  const unit = text.charCodeAt(index);
  return unit >= 0xdc00 && unit <= 0xdfff && index > 0;
}

/** Tags as a file gives them, normalised as a typed tag is, blank ones left out (the app stores no blank tag). */
export function cleanTags(tags: readonly string[]): string[] {
  return tags.map(normaliseTag).filter((tag) => tag !== '');
}
