import { type Highlight, placeHighlights } from '../corpus/highlights.ts';
import { deriveSeed, mulberry32 } from '../corpus/random.ts';

/**
 * The highlights made on each base version: the robustness corpus's kinds (test/corpus/highlights.ts: words, a few
 * words, sentences, across a sentence or paragraph break, a paragraph, a repeated phrase; one in ten with a sloppy
 * edge), as many as the base is long, from a seed per base file, so every figure is the same on every run. A base's
 * three pairs (distance 1, 5, 30) re-anchor the same highlights.
 */

const revisionsSeed = 0x5e715105;

/**
 * One highlight per 300 characters of the base, at least 20 and at most 80: about 24,600 anchorings over the 600
 * pairs (one per 400 would give 20,600; the bases are 5–70 KB, so the bounds only hold the short and the long ones).
 */
const charactersPerHighlight = 300;
const fewestHighlights = 20;
const mostHighlights = 80;

/** How many highlights a base of this length gets. */
function highlightCount(length: number): number {
  return Math.min(mostHighlights, Math.max(fewestHighlights, Math.round(length / charactersPerHighlight)));
}

/** Whitespace as test/corpus/text.ts sees it (what separates words). */
const whitespaceRuns = /[ \n\u00a0\t]+/g;

/**
 * The text without its blank paragraphs, and where each of its characters is in the text. `placeHighlights` takes
 * every "\n\n"-separated paragraph to hold a word, as generated articles do; real documents have blank ones (three or
 * more line breaks in a row, a line of spaces between blank lines, blank lines at the end) and a highlight across a
 * paragraph break into one throws. So the highlights are placed on the text with every whitespace run cut after its
 * first paragraph break (and the leading and trailing whitespace cut), then mapped back: a highlight across the cut
 * covers the blank lines, as a selection dragged across them does.
 */
function withoutBlankParagraphs(text: string): { text: string; offsets: Int32Array } {
  const kept: Array<[number, number]> = [];
  let from = 0;
  for (const run of text.matchAll(whitespaceRuns)) {
    const start = run.index;
    const end = start + run[0].length;
    const outer = start === 0 || end === text.length;
    const paragraphBreak = run[0].indexOf('\n\n');
    kept.push([from, outer ? start : paragraphBreak === -1 ? end : start + paragraphBreak + 2]);
    from = end;
  }
  kept.push([from, text.length]);
  const offsets = new Int32Array(kept.reduce((n, [a, b]) => n + b - a, 0));
  let at = 0;
  for (const [a, b] of kept) for (let o = a; o < b; o++) offsets[at++] = o;
  return { text: kept.map(([a, b]) => text.slice(a, b)).join(''), offsets };
}

/** The highlights on the base version stored in `file`, whose text is `text`. */
export function revisionHighlights(file: string, text: string, count = highlightCount(text.length)): Highlight[] {
  const cleaned = withoutBlankParagraphs(text);
  const rng = mulberry32(deriveSeed(revisionsSeed, `highlights:${file}:${count}`));
  return placeHighlights(cleaned.text, rng, count).map((h) => ({
    ...h,
    start: cleaned.offsets[h.start]!,
    end: cleaned.offsets[h.end - 1]! + 1,
  }));
}
