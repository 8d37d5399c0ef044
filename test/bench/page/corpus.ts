/**
 * The benchmark's document, highlights and edits: all generated from a seed, so every run (and every baseline in a
 * run) sees exactly the same text and the same spans.
 */

import { mulberry32, type Rng } from '../../corpus/random.ts';

function int(rng: Rng, lo: number, hi: number): number {
  return lo + Math.floor(rng() * (hi - lo + 1));
}

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)] as T;
}

const words = (
  'the of and a to in is was that for it as with his on be at by had this not are but from or have an they which ' +
  'one you were her all she there would their we him been has when who will more no if out so said what up its ' +
  'about into than them can only other new some could time these two may then do first any my now such like our ' +
  'over man me even most made after also did many before must through back years where much your way well down ' +
  'should because each just those people how too little state good very make world still own see men work long ' +
  'get here between both life being under never day same another know while last might us great old year off ' +
  'come since against go came right used take three states himself few house use during without again place ' +
  'around however home small found thought went say part once general high upon school every does got united ' +
  'left number course war until always away something fact though water less public put think almost hand enough ' +
  'far took head yet government system better set told nothing night end why called did eyes find going look ' +
  'asked later knew point next program city business give group toward young days let room president side social ' +
  'given present several order national possible rather second face per among form important often things looked ' +
  'early white case john become large big need four within felt along children saw best church ever least power ' +
  'development light thing seemed family interest want members mind country area others done turned although ' +
  'open problem began kind public law margin reader library letter river harbour lantern quiet archive meadow ' +
  'manuscript chapter evening window garden paper ink candle orchard valley bridge station journey morning'
).split(' ');

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function sentence(rng: Rng): string {
  const n = int(rng, 8, 24);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    let w = pick(rng, words);
    if (i === 0) w = capitalize(w);
    else if (rng() < 0.04) w = capitalize(w); // a proper-noun-ish word now and then
    if (i > 2 && i < n - 2 && rng() < 0.07) w += ',';
    parts.push(w);
  }
  return parts.join(' ') + (rng() < 0.1 ? '?' : '.');
}

/** A generated article: paragraphs joined by "\n\n" (the app's anchor text for a plain-text article). */
export interface Corpus {
  text: string;
  paragraphs: string[];
  /** Start offset in `text` of each paragraph. */
  paragraphStarts: number[];
  /** Every sentence as [start, end) in `text` (end excludes the following space) and its paragraph. */
  sentences: Array<{ start: number; end: number; paragraph: number }>;
}

/** About 1 MB of English-like text in `paragraphCount` paragraphs, with stock sentences repeated verbatim. */
export function generateCorpus(seed: number, paragraphCount = 2000): Corpus {
  const rng = mulberry32(seed);
  // Stock phrases reused across the article, so the same quote occurs in many places.
  const stock = Array.from({ length: 40 }, () => sentence(rng));
  const paragraphs: string[] = [];
  for (let p = 0; p < paragraphCount; p++) {
    const count = int(rng, 3, 8);
    const parts: string[] = [];
    for (let s = 0; s < count; s++) parts.push(rng() < 0.08 ? pick(rng, stock) : sentence(rng));
    paragraphs.push(parts.join(' '));
  }
  return indexCorpus(paragraphs);
}

/** Builds the offsets of a list of paragraphs (sentences split on ". ", "? "). */
function indexCorpus(paragraphs: string[]): Corpus {
  const paragraphStarts: number[] = [];
  const sentences: Corpus['sentences'] = [];
  let offset = 0;
  paragraphs.forEach((para, p) => {
    paragraphStarts.push(offset);
    let from = 0;
    const boundary = /[.?](?= |$)/g;
    for (let m = boundary.exec(para); m; m = boundary.exec(para)) {
      sentences.push({ start: offset + from, end: offset + m.index + 1, paragraph: p });
      from = m.index + 2;
    }
    offset += para.length + 2;
  });
  return { text: paragraphs.join('\n\n'), paragraphs, paragraphStarts, sentences };
}

type Color = 'yellow' | 'green' | 'blue' | 'pink' | 'purple';
const colors: readonly Color[] = ['yellow', 'green', 'blue', 'pink', 'purple'];

/** A highlight as text offsets into the original corpus. */
export interface Span {
  id: string;
  color: Color;
  start: number;
  end: number;
}

/**
 * `count` highlights: ~55% runs of 1–3 whole sentences (a few crossing into the next paragraph), ~35% word ranges
 * of 1–12 words, ~10% deliberately overlapping an earlier highlight. Deterministic: the first n of a larger set
 * equal a set of n, so 1k ⊂ 10k ⊂ 50k.
 */
export function generateSpans(corpus: Corpus, count: number, seed: number): Span[] {
  const rng = mulberry32(seed);
  const { sentences, text } = corpus;
  const spans: Span[] = [];
  for (let i = 0; i < count; i++) {
    const roll = rng();
    let start: number;
    let end: number;
    const si = Math.floor(rng() * sentences.length);
    const first = sentences[si]!;
    if (roll < 0.55) {
      const k = int(rng, 1, 3);
      let last = first;
      for (let j = 1; j < k; j++) {
        const next = sentences[si + j];
        if (!next) break;
        if (next.paragraph !== first.paragraph && rng() > 0.1) break; // ~10% of these may cross a paragraph break
        last = next;
      }
      start = first.start;
      end = last.end;
    } else if (roll < 0.9 || spans.length === 0) {
      // Word range inside one sentence.
      const wordStarts: number[] = [first.start];
      for (let o = first.start; o < first.end; o++) if (text.charCodeAt(o) === 32) wordStarts.push(o + 1);
      const w0 = Math.floor(rng() * wordStarts.length);
      const w1 = Math.min(wordStarts.length, w0 + int(rng, 1, 12));
      start = wordStarts[w0]!;
      end = w1 < wordStarts.length ? wordStarts[w1]! - 1 : first.end;
    } else {
      // Overlaps an earlier highlight: starts inside it, ends past it.
      const other = spans[Math.floor(rng() * spans.length)]!;
      start = other.start + Math.floor(rng() * Math.max(1, other.end - other.start - 1));
      end = Math.min(text.length, other.end + int(rng, 5, 120));
    }
    // Trim trailing punctuation/spaces that would leave an empty or whitespace-only quote.
    while (end > start && /\s/.test(text.charAt(end - 1))) end--;
    while (start < end && /\s/.test(text.charAt(start))) start++;
    if (end <= start) end = Math.min(text.length, start + 1);
    spans.push({ id: `h${i}`, color: pick(rng, colors), start, end });
  }
  return spans;
}

/** One edit applied to the text: replace text[at, at + remove) with `insert`. */
interface Edit {
  at: number;
  remove: number;
  insert: string;
}

/**
 * Edits `fraction` of the paragraphs: 1–3 edits each (insert a few words, delete a few words, or fix a typo),
 * placed inside, at the start of, or just around a highlight that lies in the paragraph (random spot if none).
 */
export function editCorpus(corpus: Corpus, spans: readonly Span[], fraction: number, seed: number): Corpus {
  const rng = mulberry32(seed);
  const paragraphs = [...corpus.paragraphs];
  const target = Math.max(1, Math.round(paragraphs.length * fraction));
  const chosen = new Set<number>();
  while (chosen.size < target) chosen.add(Math.floor(rng() * paragraphs.length));

  const byParagraph = new Map<number, Span[]>();
  for (const span of spans) {
    const p = paragraphOf(corpus, span.start);
    if (!chosen.has(p)) continue;
    let list = byParagraph.get(p);
    if (!list) byParagraph.set(p, (list = []));
    list.push(span);
  }

  for (const p of [...chosen].sort((a, b) => a - b)) {
    const para = paragraphs[p]!;
    const base = corpus.paragraphStarts[p]!;
    const local = byParagraph.get(p) ?? [];
    const edits: Edit[] = [];
    const n = int(rng, 1, 3);
    for (let e = 0; e < n; e++) {
      let at: number;
      const span = local.length > 0 ? local[Math.floor(rng() * local.length)] : undefined;
      if (span) {
        const where = rng();
        const s = span.start - base;
        const t = Math.min(para.length, span.end - base);
        if (where < 0.5)
          at = s + Math.floor(rng() * Math.max(1, t - s)); // inside the quote
        else if (where < 0.75)
          at = s - int(rng, 0, 12); // at or just before its start
        else at = t + int(rng, -4, 12); // at or around its end
      } else {
        at = Math.floor(rng() * para.length);
      }
      at = Math.max(0, Math.min(para.length - 1, at));
      const kind = rng();
      if (kind < 0.35) {
        // Insert a few words at the nearest word boundary.
        const b = para.lastIndexOf(' ', at);
        const phrase = Array.from({ length: int(rng, 1, 4) }, () => pick(rng, words)).join(' ');
        edits.push({ at: b + 1, remove: 0, insert: phrase + ' ' });
      } else if (kind < 0.65) {
        // Delete one to three words.
        const b = para.lastIndexOf(' ', at) + 1;
        let c = b;
        for (let k = int(rng, 1, 3); k > 0 && c < para.length; k--) {
          const space = para.indexOf(' ', c);
          c = space === -1 ? para.length : space + 1;
        }
        if (c > b) edits.push({ at: b, remove: c - b, insert: '' });
      } else {
        // A typo fix: one letter replaced.
        const ch = para.charAt(at);
        if (/[a-z]/.test(ch)) edits.push({ at, remove: 1, insert: ch === 'e' ? 'a' : 'e' });
        else edits.push({ at, remove: 0, insert: 's' });
      }
    }
    // Apply from the end so earlier offsets stay valid; drop edits that overlap a later one.
    edits.sort((a, b) => b.at - a.at);
    let out = para;
    let limit = Infinity;
    for (const edit of edits) {
      if (edit.at + edit.remove > limit) continue;
      out = out.slice(0, edit.at) + edit.insert + out.slice(edit.at + edit.remove);
      limit = edit.at;
    }
    paragraphs[p] = out.length > 0 ? out : 'Edited.';
  }
  return indexCorpus(paragraphs);
}

/** The paragraph containing an offset (binary search on paragraph starts). */
function paragraphOf(corpus: Corpus, offset: number): number {
  const starts = corpus.paragraphStarts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Renders paragraphs the way the app does: <p> per paragraph, "\n\n" text nodes between them. */
export function renderInto(body: HTMLElement, paragraphs: readonly string[]): void {
  const frag = document.createDocumentFragment();
  paragraphs.forEach((text, i) => {
    if (i > 0) frag.append(document.createTextNode('\n\n'));
    const p = document.createElement('p');
    if (text) p.append(document.createTextNode(text));
    frag.append(p);
  });
  body.replaceChildren(frag);
}
