import { chance, int, pick, type Rng, weighted } from './random.ts';
import { paragraphSpans, sentenceSpans, type Span, trimPunctuation, wordSpans } from './text.ts';

/**
 * Where users put highlights: mostly a few words or a sentence, sometimes several sentences, a whole paragraph,
 * a selection across a paragraph break, a single word, or a phrase the article repeats elsewhere. One in ten
 * has a sloppy edge (starts or ends a few characters inside a word), as drag-selecting gives.
 */
type Shape =
  'word' | 'words' | 'sentence' | 'sentences' | 'cross-sentence' | 'cross-paragraph' | 'paragraph' | 'repeated-phrase';

export interface Highlight extends Span {
  shape: Shape;
}

interface Layout {
  paragraphs: Span[];
  sentences: Span[][];
  /** Four-word phrases that occur more than once, with every occurrence. */
  repeated: Span[][];
}

function layoutOf(text: string): Layout {
  const paragraphs = paragraphSpans(text);
  const sentences = paragraphs.map((p) => sentenceSpans(text, p));
  const grams = new Map<string, Span[]>();
  for (const p of paragraphs) {
    const words = wordSpans(text, p.start, p.end);
    for (let i = 0; i + 4 <= words.length; i++) {
      const span = { start: words[i]!.start, end: words[i + 3]!.end };
      const key = text.slice(span.start, span.end);
      const list = grams.get(key);
      if (list) list.push(span);
      else grams.set(key, [span]);
    }
  }
  return { paragraphs, sentences, repeated: [...grams.values()].filter((list) => list.length > 1) };
}

/** `count` highlights on `text`, from `rng`. Overlapping highlights are allowed, as in the app. */
export function placeHighlights(text: string, rng: Rng, count: number): Highlight[] {
  const layout = layoutOf(text);
  const out: Highlight[] = [];
  for (let guard = 0; out.length < count && guard < count * 20; guard++) {
    const shape = weighted<Shape>(rng, [
      [5, 'word'],
      [37, 'words'],
      [20, 'sentence'],
      [10, 'sentences'],
      [8, 'cross-sentence'],
      [5, 'cross-paragraph'],
      [5, 'paragraph'],
      [10, 'repeated-phrase'],
    ]);
    const span = place(text, layout, rng, shape);
    if (!span || span.end <= span.start) continue;
    const sloppy = (shape === 'words' || shape === 'sentence' || shape === 'sentences') && chance(rng, 0.1);
    if (sloppy) {
      if (chance(rng, 0.5)) span.start = Math.min(span.end - 1, span.start + int(rng, 1, 3));
      else span.end = Math.max(span.start + 1, span.end - int(rng, 1, 3));
    }
    out.push({ ...span, shape });
  }
  return out;
}

function place(text: string, layout: Layout, rng: Rng, shape: Shape): Span | undefined {
  const p = int(rng, 0, layout.paragraphs.length - 1);
  const paragraph = layout.paragraphs[p]!;
  const sentences = layout.sentences[p]!;
  if (sentences.length === 0) return undefined;
  const s = int(rng, 0, sentences.length - 1);
  const sentence = sentences[s]!;
  switch (shape) {
    case 'word': {
      const words = wordSpans(text, sentence.start, sentence.end)
        .map((w) => trimPunctuation(text, w))
        .filter((w) => w.end - w.start >= 5);
      return words.length > 0 ? { ...pick(rng, words) } : undefined;
    }
    case 'words': {
      const words = wordSpans(text, sentence.start, sentence.end);
      if (words.length < 2) return undefined;
      const n = Math.min(words.length, int(rng, 2, 6));
      const i = int(rng, 0, words.length - n);
      const span = { start: words[i]!.start, end: words[i + n - 1]!.end };
      if (chance(rng, 0.7)) {
        span.start = trimPunctuation(text, words[i]!).start;
        span.end = trimPunctuation(text, words[i + n - 1]!).end;
      }
      return span;
    }
    case 'sentence':
      return { ...sentence };
    case 'sentences': {
      if (sentences.length < 2) return undefined;
      const n = Math.min(sentences.length, int(rng, 2, 3));
      const i = int(rng, 0, sentences.length - n);
      return { start: sentences[i]!.start, end: sentences[i + n - 1]!.end };
    }
    case 'cross-sentence': {
      if (s + 1 >= sentences.length) return undefined;
      const first = wordSpans(text, sentence.start, sentence.end);
      const second = wordSpans(text, sentences[s + 1]!.start, sentences[s + 1]!.end);
      return { start: pick(rng, first).start, end: pick(rng, second).end };
    }
    case 'cross-paragraph': {
      if (p + 1 >= layout.paragraphs.length) return undefined;
      const first = wordSpans(text, paragraph.start, paragraph.end);
      const next = layout.paragraphs[p + 1]!;
      const second = wordSpans(text, next.start, next.end);
      const a = first[Math.max(0, first.length - int(rng, 2, 8))]!;
      const b = second[Math.min(second.length - 1, int(rng, 1, 7))]!;
      return { start: a.start, end: b.end };
    }
    case 'paragraph':
      return { ...paragraph };
    case 'repeated-phrase': {
      if (layout.repeated.length === 0) return undefined;
      return { ...pick(rng, pick(rng, layout.repeated)) };
    }
  }
}
