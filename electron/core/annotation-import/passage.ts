import { type HighlightColor, highlightColors, type TextQuoteSelector } from '../../../common/model.ts';
import { boundedQuote } from './checks.ts';
import { asList, asObject, asOffset, asString } from './json-values.ts';

/** What a target's selectors say about the passage: its quote, and its position in the whole document if given. */
export interface Passage {
  quote: TextQuoteSelector | undefined;
  position: { start: number; end: number } | undefined;
}

/**
 * The quote and position among a target's selectors, however the file gives them: one selector or a list of
 * alternatives, a Choice of them, or refinements (`refinedBy`) of another selector. A quote is taken from a
 * refinement too: it is found by its words, wherever it sits. A position only from the top: one that refines a
 * fragment or an XPath counts from the start of that part, not of the document, and would point at other words.
 * The first of each wins; other kinds (CSS, XPath, range, fragment) are left aside, the quote being what anchors.
 */
export function passageOf(selector: unknown): Passage {
  const passage: Passage = { quote: undefined, position: undefined };
  visit(selector, true, passage);
  return passage;
}

function visit(value: unknown, topLevel: boolean, passage: Passage): void {
  for (const item of asList(value)) {
    const selector = asObject(item);
    if (!selector) continue;
    const type = asString(selector['type']);
    if (type === 'TextQuoteSelector' && !passage.quote) {
      const exact = asString(selector['exact']);
      if (exact !== undefined && exact !== '') {
        passage.quote = boundedQuote(exact, asString(selector['prefix']) ?? '', asString(selector['suffix']) ?? '');
      }
    } else if (type === 'TextPositionSelector' && topLevel && !passage.position) {
      const start = asOffset(selector['start']);
      const end = asOffset(selector['end']);
      if (start !== undefined && end !== undefined && end > start) passage.position = { start, end };
    } else if (type === 'Choice') {
      visit(selector['items'], topLevel, passage);
    }
    visit(selector['refinedBy'], false, passage);
  }
}

/**
 * The colour of a highlight from its target's `styleClass`, as Marginalia's export writes it (`marginalia-pink`);
 * undefined for any other class, which names another tool's styling.
 */
export function colorOfStyleClass(styleClass: unknown): HighlightColor | undefined {
  for (const name of asList(styleClass)) {
    const color = typeof name === 'string' ? /^marginalia-(\w+)$/.exec(name)?.[1] : undefined;
    const known = highlightColors.find((candidate) => candidate === color);
    if (known) return known;
  }
  return undefined;
}
