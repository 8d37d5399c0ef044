import { afterEach, describe, expect, it } from 'vitest';

import type { Selector, TextQuoteSelector } from '../../../common/contract.ts';
import {
  anchor,
  anchorAll,
  anchorAllText,
  type AnchorResult,
  anchorText,
  describeText,
  TextIndex,
} from '../../../renderer/anchoring/index.ts';
import { defaultArticleText, renderArticle } from './default-article.ts';

const article = defaultArticleText();
const paragraphs = article.split('\n\n');

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 32;
  };
}

/** A long article: the default article's paragraphs over and over, numbered so most contexts differ. */
function longText(sections: number): string {
  return Array.from({ length: sections }, (_, n) => `Section ${n}. ${paragraphs[n % paragraphs.length]}`).join('\n\n');
}

/** Text that does not repeat itself: the article's words in a random order, in sentences and paragraphs. */
function shuffledText(seed: number, words: number): string {
  const random = seeded(seed);
  const vocabulary = article.split(/\s+/);
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    out.push(vocabulary[Math.floor(random() * vocabulary.length)]!);
    if (i % 80 === 79) out.push('\n\n');
    else if (i % 16 === 15) out.push('. ');
    else out.push(' ');
  }
  return out.join('');
}

function quoteOf(selectors: readonly Selector[]): TextQuoteSelector {
  return selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector')!;
}

interface Edit {
  at: number;
  remove: number;
  insert: string;
}

/** Applies edits (positions in the original text, non-overlapping) from the end backwards. */
function applyEdits(text: string, edits: Edit[]): string {
  let out = text;
  for (const { at, remove, insert } of [...edits].sort((a, b) => b.at - a.at))
    out = out.slice(0, at) + insert + out.slice(at + remove);
  return out;
}

/**
 * A randomized re-import of a text that does not repeat itself: highlights of 3–220 characters, then edits aimed at a third of them (a typo inside,
 * a word deleted or inserted inside, the text just before or after rewritten, the whole highlight deleted) and a
 * few unrelated insertions and deletions of whole paragraphs, which shift everything after them.
 */
function editedCorpus(seed: number): {
  text: string;
  edited: string;
  selectors: Selector[][];
  truth: Array<{ start: number; end: number } | undefined>;
} {
  const random = seeded(seed);
  const text = shuffledText(seed + 100, 15_000);
  const spans: Array<{ start: number; end: number }> = [];
  for (let i = 0; i < 600; i++) {
    const start = Math.floor(random() * (text.length - 400));
    spans.push({ start, end: start + 3 + Math.floor(random() * 218) });
  }
  const selectors = spans.map((s) => describeText(text, s.start, s.end));
  const edits: Edit[] = [];
  let lastEnd = text.length;
  // Walk the highlights from the end so edits never overlap.
  const order = spans.map((_, i) => i).sort((a, b) => spans[b]!.start - spans[a]!.start);
  for (const i of order) {
    const { start, end } = spans[i]!;
    if (end + 40 >= lastEnd || random() > 0.33) continue;
    const kind = Math.floor(random() * 6);
    const inside = start + Math.floor(random() * (end - start));
    if (kind === 0) edits.push({ at: inside, remove: 1, insert: '#' });
    else if (kind === 1) edits.push({ at: inside, remove: Math.min(6, end - inside), insert: '' });
    else if (kind === 2) edits.push({ at: inside, remove: 0, insert: ' indeed ' });
    else if (kind === 3) edits.push({ at: Math.max(0, start - 20), remove: 18, insert: 'a rewritten phrase' });
    else if (kind === 4) edits.push({ at: end + 2, remove: 20, insert: 'other words here' });
    else edits.push({ at: start, remove: end - start, insert: '' });
    lastEnd = Math.max(0, start - 25);
  }
  // Whole paragraphs inserted and deleted between the highlights: large shifts for everything after them.
  for (let p = 0; p < 4; p++) {
    const at = text.indexOf('\n\nSection ', Math.floor(random() * text.length));
    if (at === -1) continue;
    const clash = edits.some((e) => Math.abs(e.at - at) < 300);
    if (!clash)
      edits.push({
        at,
        remove: 0,
        insert: `\n\nAn inserted paragraph ${p}. ${paragraphs[(p * 7) % paragraphs.length]}`,
      });
  }
  // Where each highlight's own text is now: its ends moved by every edit before them; gone when an edit removed
  // the whole of it.
  const moved = (offset: number) =>
    offset + edits.reduce((sum, e) => sum + (e.at + e.remove <= offset ? e.insert.length - e.remove : 0), 0);
  const truth = spans.map(({ start, end }) => {
    const erased = edits.some((e) => e.at <= start && e.at + e.remove >= end);
    return erased ? undefined : { start: moved(start), end: moved(end) };
  });
  return { text, edited: applyEdits(text, edits), selectors, truth };
}

describe('anchorAllText', () => {
  it('gives the same result as anchorText on randomized re-imports (or its own text where anchorText took a lookalike)', () => {
    let fuzzy = 0;
    let orphans = 0;
    let better = 0;
    let elsewhere = 0;
    for (const seed of [1, 2, 3]) {
      const { edited, selectors, truth } = editedCorpus(seed);
      const batch = anchorAllText(edited, selectors);
      expect(batch).toHaveLength(selectors.length);
      selectors.forEach((list, i) => {
        const single = anchorText(edited, list);
        const together = batch[i]!;
        if (single.status.kind === 'fuzzy') fuzzy++;
        if (single.status.kind === 'orphan') orphans++;
        if (JSON.stringify(together) === JSON.stringify(single)) return;
        // They may differ only where anchorText did not find the highlight's own text: far from its stored position
        // (everything before it shifted) an edited quote needs more evidence than near it, and the batch, which
        // expects it where its neighbours say the text went, may find the highlight's own edited text instead.
        const own = truth[i];
        const where = `highlight ${i} (seed ${seed}): batch ${JSON.stringify(together)}, single ${JSON.stringify(single)}, own text at ${JSON.stringify(own)}`;
        const overlapsOwn = (r: AnchorResult) =>
          own !== undefined && r.start !== undefined && r.start < own.end && r.end > own.start;
        expect(own === undefined && single.status.kind === 'orphan', where).toBe(false);
        expect(overlapsOwn(single), where).toBe(false);
        expect(together.status.kind, where).not.toBe('orphan');
        if (overlapsOwn(together)) better++;
        else elsewhere++;
      });
    }
    // The corpus exercises the fuzzy stage and orphans, not only the cheap stages; differences are rare.
    expect(fuzzy).toBeGreaterThan(40);
    expect(orphans).toBeGreaterThan(15);
    // Where they differ, the batch is never the one on a lookalike. It does find more: far from its stored position
    // an edited highlight needs more evidence than near it, and after whole paragraphs were inserted above it only
    // the batch (whose neighbours moved too) still expects it where it is. Less than a tenth of 1,800 here.
    expect(elsewhere).toBe(0);
    expect(better).toBeGreaterThan(0);
    expect(better).toBeLessThan(180);
  });

  it('finds edited highlights locally after everything before them shifted far beyond the nearby search', () => {
    const text = shuffledText(7, 40_000);
    const random = seeded(7);
    const step = Math.floor((text.length - 2_000) / 60);
    const starts = Array.from(
      { length: 60 },
      (_, i) => text.indexOf('. ', 1_000 + i * step + Math.floor(random() * 500)) + 2,
    );
    const selectors = starts.map((start) => describeText(text, start, start + 90));
    // Neighbours that stay intact, so the batch sees the shift around each edited highlight.
    for (const start of starts)
      selectors.push(describeText(text, start - 400, start - 360), describeText(text, start + 500, start + 540));
    // 15,000 characters added at the top, and a typo fixed inside each of the 60.
    let edited = text;
    for (const start of [...starts].reverse()) edited = `${edited.slice(0, start + 40)}#${edited.slice(start + 41)}`;
    const shift = 15_000;
    edited = `${shuffledText(99, 5_000).slice(0, shift - 2)}\n\n${edited}`;
    const batch = anchorAllText(edited, selectors);
    starts.forEach((start, i) => {
      const result = batch[i]!;
      expect(result.status.kind).toBe('fuzzy');
      expect(result.start).toBe(start + shift);
      expect(result.end).toBe(start + shift + 90);
      expect(result).toEqual(anchorText(edited, selectors[i]!));
    });
  });

  it('orphans a deleted short highlight instead of taking a lookalike near its neighbours', () => {
    const text = longText(20);
    const quote = 'Russia';
    const at = text.indexOf(`${quote} `, 3_000);
    const sentenceStart = text.lastIndexOf('. ', at) + 2;
    const sentenceEnd = text.indexOf('. ', at) + 2;
    const selectors = [
      describeText(text, at, at + quote.length),
      describeText(text, sentenceStart - 200, sentenceStart - 150),
    ];
    const edited = text.slice(0, sentenceStart) + text.slice(sentenceEnd);
    const [deleted, neighbour] = anchorAllText(edited, selectors);
    expect(deleted).toEqual(anchorText(edited, selectors[0]!));
    expect(deleted!.status.kind).toBe('orphan');
    expect(neighbour!.status.kind).toBe('exact');
  });

  it('handles quote-only selectors, garbled selectors and an empty list like anchorText', () => {
    const text = longText(10);
    const start = text.indexOf('Diplomats');
    const quoteOnly = describeText(text, start, start + 40).filter((s) => s.type === 'TextQuoteSelector');
    const garbled: Selector[] = [{ type: 'TextPositionSelector', start: 5, end: 10 }];
    const lists = [quoteOnly, garbled, []];
    expect(anchorAllText(text, lists)).toEqual(lists.map((list) => anchorText(text, list)));
    expect(anchorAllText(text, [])).toEqual([]);
  });
});

describe('anchorAll', () => {
  let root: HTMLElement | undefined;
  afterEach(() => {
    root?.remove();
    root = undefined;
  });

  it('places every highlight in the DOM as anchor() does, in input order', () => {
    root = renderArticle();
    const index = new TextIndex(root);
    const text = index.text;
    const selectors = ['Diplomats', 'Geneva', 'troop buildup', 'Ryabkov as saying'].map((quote) => {
      const at = text.indexOf(quote);
      return describeText(text, at, at + quote.length);
    });
    selectors.push([{ type: 'TextQuoteSelector', exact: 'not in the article at all', prefix: '', suffix: '' }]);
    const all = anchorAll(index, selectors);
    all.forEach((placed, i) => {
      const one = anchor(index, selectors[i]!);
      expect(placed.status).toEqual(one.status);
      if (placed.range === undefined || one.range === undefined) {
        expect(placed.range).toBe(one.range);
        return;
      }
      expect([placed.start, placed.end]).toEqual([one.start, one.end]);
      const live = document.createRange();
      live.setStart(placed.range.startContainer, placed.range.startOffset);
      live.setEnd(placed.range.endContainer, placed.range.endOffset);
      expect(live.toString()).toBe(quoteOf(selectors[i]!).exact);
    });
    expect(all[4]!.status.kind).toBe('orphan');
  });
});

describe('anchorAllText: the neighbours tell a twin from the highlight (robustness corpus)', () => {
  /** Paragraphs of text that does not repeat itself, with `planted` sentences appended to some of them. */
  function article(planted: Record<number, string>, count = 12): string {
    const paragraphs = shuffledText(41, 80 * count)
      .split('\n\n')
      .slice(0, count);
    for (const [i, sentence] of Object.entries(planted)) paragraphs[Number(i)] += ` ${sentence}`;
    return paragraphs.join('\n\n');
  }

  /** Neighbours: a short highlight every ~150 characters, none within `margin` of the spans to keep clear. */
  function neighbours(text: string, clear: Array<[number, number]>, margin = 40): Selector[][] {
    const out: Selector[][] = [];
    for (let at = 20; at + 30 < text.length; at += 150) {
      const start = text.indexOf(' ', at) + 1;
      const end = start + 20;
      if (clear.some(([a, b]) => end + margin > a && start - margin < b) || text.slice(start, end).includes('\n'))
        continue;
      out.push(describeText(text, start, end));
    }
    return out;
  }

  it('orphans a deleted short quote whose twin, with the same side of context, sits far from where its neighbours went', () => {
    const lead = 'The ministry declined to comment.';
    const text = article({
      2: `${lead} It was not immediately clear whether the talks would resume.`,
      9: `${lead} It was not immediately clear why the envoy left early.`,
    });
    const at = text.indexOf('It was not immediately clear');
    const deleted = ' It was not immediately clear whether the talks would resume.';
    const from = text.indexOf(deleted);
    const selectors = [
      describeText(text, at, at + 'It was not immediately clear'.length),
      ...neighbours(text, [[from, from + deleted.length]]),
    ];
    const edited = text.slice(0, from) + text.slice(from + deleted.length);
    const [target, ...rest] = anchorAllText(edited, selectors);
    // Alone, the highlight tells too: it was described with context reaching past where the twin differs (its
    // words and 32 characters before them recur), and the twin lacks it. (With 32 characters it could not: its
    // prefix, intact, and its words verbatim are what a one-sided move looks like.)
    expect(anchorText(edited, selectors[0]!).status.kind).toBe('orphan');
    expect(target!.status.kind).toBe('orphan');
    for (const r of rest) expect(r.status.kind).not.toBe('orphan');
  });

  it('follows a highlight whose text moved with its neighbours, not a twin with the same prefix near its stale stored position', () => {
    const sentence = 'Officials met in Geneva. Talks are expected to resume next week.';
    const gap = shuffledText(5, 200).replace(/\n\n/g, ' ').slice(0, 480);
    const base = article({});
    const middle = base.indexOf('\n\n', 3_000);
    // The twin's suffix even agrees better than what the edit leaves after the highlight.
    const text = `${base.slice(0, middle)}\n\n${sentence} Then the meeting was adjourned. ${gap} ${sentence} Then the meeting ended.${base.slice(middle)}`;
    const at = text.lastIndexOf('to resume next week.');
    const twin = text.indexOf('to resume next week.');
    // Neighbours all around, between the twin and the highlight too.
    const selectors = [
      describeText(text, at, at + 'to resume next week.'.length),
      ...neighbours(text, [
        [twin - 50, twin + 60],
        [at - 50, at + 60],
      ]),
    ];
    // 600 characters inserted at the top shift everything; a character deleted a little before the highlight (outside
    // its context) puts it off its neighbours' shifts; a sentence inserted right after the quote changes its suffix.
    const top = `${shuffledText(77, 200).replace(/\n\n/g, ' ').slice(0, 598)}\n\n`;
    const after = at + 'to resume next week.'.length;
    const edited = `${top}${text.slice(0, at - 50)}${text.slice(at - 49, after)} A statement followed late on Friday.${text.slice(after)}`;
    // Where the stored position now points, a copy with the same prefix as far as the paragraph break before it
    // sits 54 characters away. Alone, it was taken while a break against a space told a twin apart; compared folded,
    // the prefix reaches to where the words differ, and the twin fails it.
    expect(Math.abs(twin + 600 - at)).toBeLessThan(60);
    expect(anchorText(edited, selectors[0]!).start).not.toBe(twin + 600);
    const [target] = anchorAllText(edited, selectors);
    expect(target).toEqual({ start: at + 599, end: after + 599, status: { kind: 'moved' } });
  });

  it('orphans a deleted sentence’s short quote left in place by the next sentence, which begins with the same words', () => {
    const first = 'Asked whether the coalition would expand the tariffs, the minister said no.';
    const second = 'Asked whether the rail operator would reject the plan, she said yes.';
    const text = article({ 4: `${first} ${second}` });
    const at = text.indexOf('whether the coalition');
    const next = text.indexOf(second);
    const selectors = [
      describeText(text, at, at + 'whether'.length),
      describeText(text, next, next + 'Asked whether the rail operator'.length),
      ...neighbours(text, [[text.indexOf(first), next + second.length]]),
    ];
    const edited = text.replace(`${first} `, '');
    // In place, word for word, with its whole prefix but none of its suffix: a short quote is not taken in place on
    // one side of context alone (it was, before).
    expect(anchorText(edited, selectors[0]!).status.kind).toBe('orphan');
    const [target, neighbour] = anchorAllText(edited, selectors);
    expect(target!.status.kind).toBe('orphan');
    expect(neighbour).toEqual({
      start: next - first.length - 1,
      end: next - first.length - 1 + 'Asked whether the rail operator'.length,
      status: { kind: 'moved' },
    });
  });

  it('follows a moved paragraph whose highlight lost the side the move cut, and orphans a deleted one whose twin stayed put', () => {
    const closing = 'The decline follows a fragile agreement, where 58 households were affected on Wednesday.';
    const twinSentence = 'A similar dispute broke out in Lyon, where 58 households were affected on Wednesday.';
    const text = article({ 3: closing, 8: `${twinSentence} Nobody was hurt.` });
    const quote = '58 households were affected on Wednesday';
    const at = text.indexOf(quote);
    const paragraphs = text.split('\n\n');
    const selectors = [describeText(text, at, at + quote.length), ...neighbours(text, [[at, at + quote.length]])];
    // The paragraph moves to the top: its highlight keeps its prefix; its suffix was ".\n\n" and the next paragraph.
    const moved = [paragraphs[3], ...paragraphs.slice(0, 3), ...paragraphs.slice(4)].join('\n\n');
    const [placed] = anchorAllText(moved, selectors);
    const now = moved.indexOf(quote);
    expect(placed).toEqual({ start: now, end: now + quote.length, status: { kind: 'moved' } });
    // The paragraph is deleted: the twin in paragraph 8 keeps the same prefix words but is other text.
    const deleted = [...paragraphs.slice(0, 3), ...paragraphs.slice(4)].join('\n\n');
    expect(anchorAllText(deleted, selectors)[0]!.status.kind).toBe('orphan');
  });
});
