/**
 * Segmenting article text into paragraphs, sentences and words, the way the edits and highlight placement see it.
 * Offsets are UTF-16 code units, like the anchoring layer's. Heuristic (an abbreviation such as "U.S." followed by a
 * capital may end a "sentence" early), which only changes which span an edit picks, never the ground truth: truth is
 * tracked per character (see document.ts).
 */

/** A half-open span [start, end) of the text. */
export interface Span {
  start: number;
  end: number;
}

/** Paragraphs are separated by "\n\n" (the anchor text of a plain-text article); spans exclude the separators. */
export function paragraphSpans(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (;;) {
    const at = text.indexOf('\n\n', start);
    if (at === -1) {
      spans.push({ start, end: text.length });
      return spans;
    }
    spans.push({ start, end: at });
    start = at + 2;
  }
}

/** Index of the paragraph holding offset `at` (a separator counts as the paragraph before it). */
export function paragraphIndexAt(paragraphs: readonly Span[], at: number): number {
  let lo = 0;
  let hi = paragraphs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (paragraphs[mid]!.start <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const closers = new Set(['”', '’', '"', "'", ')', ']']);
const openers = new Set(['“', '‘', '"', "'", '(', '[']);
const spaces = new Set([' ', '\n', '\u00a0', '\t']);

export function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && spaces.has(ch);
}

/**
 * Sentences of text[para.start, para.end): each span runs from the sentence's first character to its closing
 * punctuation (and closing quote marks); the whitespace between sentences belongs to neither.
 */
export function sentenceSpans(text: string, para: Span): Span[] {
  const spans: Span[] = [];
  let start = para.start;
  while (start < para.end && isSpace(text[start])) start++;
  for (let i = start; i < para.end; i++) {
    const ch = text[i]!;
    if (ch !== '.' && ch !== '!' && ch !== '?' && ch !== '…') continue;
    let j = i + 1;
    while (j < para.end && closers.has(text[j]!)) j++;
    let k = j;
    while (k < para.end && isSpace(text[k])) k++;
    const atEnd = k >= para.end;
    if (!atEnd && (k === j || !startsSentence(text[k]!))) continue;
    spans.push({ start, end: j });
    start = k;
    i = k - 1;
  }
  if (start < para.end) {
    let end = para.end;
    while (end > start && isSpace(text[end - 1])) end--;
    if (end > start) spans.push({ start, end });
  }
  return spans;
}

function startsSentence(ch: string): boolean {
  return openers.has(ch) || /[\p{Lu}\p{N}]/u.test(ch);
}

/** Words (maximal runs of non-whitespace) inside text[from, to). */
export function wordSpans(text: string, from: number, to: number): Span[] {
  const spans: Span[] = [];
  let i = from;
  while (i < to) {
    while (i < to && isSpace(text[i])) i++;
    if (i >= to) break;
    const start = i;
    while (i < to && !isSpace(text[i])) i++;
    spans.push({ start, end: i });
  }
  return spans;
}

/** The letters of a word, without the punctuation and quote marks around it. */
export function trimPunctuation(text: string, word: Span): Span {
  let { start, end } = word;
  while (start < end && !/[\p{L}\p{N}]/u.test(text[start]!)) start++;
  while (end > start && !/[\p{L}\p{N}]/u.test(text[end - 1]!)) end--;
  return { start, end };
}
