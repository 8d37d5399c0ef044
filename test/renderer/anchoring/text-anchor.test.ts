import { describe, expect, it } from 'vitest';

import type { Selector, TextQuoteSelector } from '../../../common/contract.ts';
import { anchorText, describeText, minimumFuzzyScore } from '../../../renderer/anchoring/index.ts';
import { defaultArticleText } from './default-article.ts';

const article = defaultArticleText();

/** Selectors for the first occurrence of `quote` in `text` (the test fails loudly if it is not there). */
function select(text: string, quote: string, occurrence = 0): Selector[] {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(quote, at + 1);
    if (at === -1) throw new Error(`test setup: "${quote}" (occurrence ${occurrence}) is not in the text`);
  }
  return describeText(text, at, at + quote.length);
}

function quoteOf(selectors: Selector[]): TextQuoteSelector {
  return selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector')!;
}

/** What a user sees: the text the highlight now covers, and how sure anchoring was. */
function placed(text: string, selectors: Selector[]) {
  const result = anchorText(text, selectors);
  return {
    text: result.start === undefined ? undefined : text.slice(result.start, result.end),
    kind: result.status.kind,
    result,
  };
}

const sentence =
  'There were no immediate details available about the outcome of the talks, although both U.S. and Russian officials expressed little optimism ahead of time about the prospects for immediate resolution of disputes between the two superpowers.';

describe('describeText', () => {
  it('gives the quote with 32 characters of context each side and the position', () => {
    const [quote, position] = select(article, 'Ryabkov as saying');
    const start = article.indexOf('Ryabkov as saying');
    expect(quote).toEqual({
      type: 'TextQuoteSelector',
      exact: 'Ryabkov as saying',
      prefix: article.slice(start - 32, start),
      suffix: article.slice(start + 17, start + 17 + 32),
    });
    expect(position).toEqual({ type: 'TextPositionSelector', start, end: start + 17 });
  });

  it('keeps shorter context at the ends of the text', () => {
    const quote = quoteOf(describeText(article, 0, 9));
    expect(quote.prefix).toBe('');
    expect(quoteOf(describeText(article, article.length - 5, article.length)).suffix).toBe('');
  });

  it('never cuts a surrogate pair in half at a context edge', () => {
    // "😀" is two UTF-16 code units; put one exactly where the 32-unit prefix and suffix would end.
    const text = `x😀${'a'.repeat(31)}QUOTE${'b'.repeat(31)}😀y`;
    const start = text.indexOf('QUOTE');
    const quote = quoteOf(describeText(text, start, start + 5));
    expect(quote.prefix).toBe('a'.repeat(31));
    expect(quote.suffix).toBe('b'.repeat(31));
    const whole = `x😀${'a'.repeat(30)}QUOTE${'b'.repeat(30)}😀y`;
    const at = whole.indexOf('QUOTE');
    const fits = quoteOf(describeText(whole, at, at + 5));
    expect(fits.prefix).toBe(`😀${'a'.repeat(30)}`);
    expect(fits.suffix).toBe(`${'b'.repeat(30)}😀`);
  });

  it('refuses an empty or out-of-range span', () => {
    expect(() => describeText(article, 5, 5)).toThrow(RangeError);
    expect(() => describeText(article, -1, 5)).toThrow(RangeError);
    expect(() => describeText(article, 0, article.length + 1)).toThrow(RangeError);
  });
});

describe('anchorText', () => {
  it('finds an unchanged highlight exactly where it was', () => {
    const selectors = select(article, sentence);
    expect(placed(article, selectors)).toMatchObject({ text: sentence, kind: 'exact' });
  });

  it('follows a highlight when text is inserted before it', () => {
    const selectors = select(article, sentence);
    const edited = `An editor's note added at the top.\n\n${article}`;
    const { text, kind, result } = placed(edited, selectors);
    expect({ text, kind }).toEqual({ text: sentence, kind: 'moved' });
    expect(result.start).toBe(edited.indexOf(sentence));
  });

  it('tells a repeated quote apart by its context', () => {
    // "the talks" occurs twice; highlight the second ("preparing for the talks") and shift everything.
    const selectors = select(article, 'the talks', 1);
    const edited = `Preface.\n\n${article}`;
    const { result, kind } = placed(edited, selectors);
    expect(kind).toBe('moved');
    expect(edited.slice(result.start! - 14, result.end)).toBe('preparing for the talks');
  });

  it('tells a repeated quote with identical context apart by its position', () => {
    const paragraph = article.split('\n\n')[4]!;
    const doubled = `${article}\n\n${paragraph}\n\n${paragraph}\n\nThe end.`;
    const secondCopy = doubled.lastIndexOf(paragraph);
    const quote = 'negotiations with NATO in Brussels';
    const start = secondCopy + paragraph.indexOf(quote);
    const selectors = describeText(doubled, start, start + quote.length);
    const edited = `Preface.\n\n${doubled}`;
    const { result, kind } = placed(edited, selectors);
    expect(kind).toBe('moved');
    expect(result.start).toBe(start + 'Preface.\n\n'.length);
  });

  it('re-attaches a highlight whose quote had a typo that was later fixed', () => {
    const typo = sentence.replace('outcome of the talks', 'outcome of teh talks');
    const original = article.replace(sentence, typo);
    const selectors = select(original, typo);
    const { text, kind, result } = placed(article, selectors);
    expect({ text, kind }).toEqual({ text: sentence, kind: 'fuzzy' });
    expect(result.status.kind === 'fuzzy' && result.status.score).toBeGreaterThan(0.95);
  });

  it('re-attaches a highlight after curly quotes were straightened', () => {
    const quote = '“Our strong preference is a diplomatic solution, but that’s up to Russia,”';
    const selectors = select(article, quote);
    const straight = article.replace(/[“”]/g, '"').replace(/[‘’]/g, "'");
    const { text, kind } = placed(straight, selectors);
    expect({ text, kind }).toEqual({
      text: `"Our strong preference is a diplomatic solution, but that's up to Russia,"`,
      kind: 'fuzzy',
    });
  });

  it('re-attaches a highlight after whitespace changed inside and around it', () => {
    const selectors = select(article, sentence);
    const spaced = article.replace(
      sentence,
      sentence.replaceAll(', ', ',  ').replace('the two superpowers', 'the two\nsuperpowers'),
    );
    const { text, kind } = placed(spaced, selectors);
    expect(kind).toBe('fuzzy');
    expect(text).toBe(sentence.replaceAll(', ', ',  ').replace('the two superpowers', 'the two\nsuperpowers'));
  });

  it('orphans a deleted sentence rather than moving it onto a lookalike elsewhere', () => {
    const selectors = select(article, sentence);
    const lookalike = sentence
      .replace('no immediate details', 'few concrete details')
      .replace('little optimism', 'some optimism');
    const edited = article
      .replace(` ${sentence}`, '')
      .replace('The top U.S. diplomat', `${lookalike} The top U.S. diplomat`);
    expect(edited).not.toContain(sentence);
    expect(placed(edited, selectors)).toMatchObject({ text: undefined, kind: 'orphan' });
    // Even a one-word difference does not let it take over, because none of its context came along.
    const closer = article
      .replace(` ${sentence}`, '')
      .replace(
        'The top U.S. diplomat',
        `${sentence.replace('immediate details', 'further details')} The top U.S. diplomat`,
      );
    expect(placed(closer, selectors).kind).toBe('orphan');
  });

  it('orphans a short highlight whose sentence was deleted, even though its words occur elsewhere', () => {
    const selectors = select(article, 'Ryabkov was quoted');
    const edited = article.replace('Ryabkov was quoted as saying. ', '');
    expect(edited).toContain('Ryabkov');
    expect(placed(edited, selectors).kind).toBe('orphan');
  });

  it('orphans a quote that only matches with many errors, even with its context intact', () => {
    const selectors = select(article, 'after a single meeting');
    const edited = article.replace('after a single meeting', 'after one brief session');
    expect(placed(edited, selectors).kind).toBe('orphan');
  });

  it('orphans garbled or empty selectors instead of guessing', () => {
    const garbled: Selector[] = [
      { type: 'TextQuoteSelector', exact: 'qwertyuiop asdfghjkl zxcvbnm', prefix: 'lorem ipsum', suffix: 'dolor' },
    ];
    expect(placed(article, garbled).kind).toBe('orphan');
    expect(placed(article, [{ type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' }]).kind).toBe('orphan');
    expect(placed(article, [{ type: 'TextPositionSelector', start: 0, end: 10 }]).kind).toBe('orphan');
    expect(placed('', select(article, sentence)).kind).toBe('orphan');
  });

  it('trusts a stored position only when the quote is still there', () => {
    const [quote, position] = select(article, 'Ryabkov said');
    const shifted = { ...(position as Extract<Selector, { type: 'TextPositionSelector' }>), start: 3, end: 15 };
    const { text, kind } = placed(article, [quote!, shifted]);
    expect({ text, kind }).toEqual({ text: 'Ryabkov said', kind: 'moved' });
  });

  it('documents its threshold as a number between 0 and 1', () => {
    expect(minimumFuzzyScore).toBeGreaterThan(0.5);
    expect(minimumFuzzyScore).toBeLessThan(1);
  });
});

/**
 * Minimal cases from the robustness corpus (test/corpus): each failed before the locality-aware search. `at` finds a
 * quote's n-th occurrence; `edit` gives the new text; `expect` says where the highlight must land (or orphan).
 */
describe('anchorText regressions (robustness corpus)', () => {
  function selectorsFor(text: string, quote: string, occurrence = 0): Selector[] {
    return select(text, quote, occurrence);
  }

  it('A: a near-perfect edited match at the stored position beats a verbatim twin elsewhere (typo fix)', () => {
    const text =
      'The council said the fragile compromise of March would hold. Later, the union said the fragile compromise of April had failed.';
    const selectors = selectorsFor(text, 'fragile compromise');
    const edited = text.replace('compromise', 'compromize');
    const result = anchorText(edited, selectors);
    expect({ start: result.start, end: result.end, kind: result.status.kind }).toEqual({
      start: 21,
      end: 39,
      kind: 'fuzzy',
    });
  });

  it('B: a short quote whose sentence was deleted does not land on the same words in a sentence with similar context', () => {
    const text =
      'Omar Haddad’s office said the governor had rejected the plan on Friday, a claim the city council denied. Talks resume soon. Maria Okafor’s office said the mayor had approved the plan on Monday, a claim the city council denied. Nothing else.';
    const selectors = selectorsFor(text, 'the city council denied.');
    const edited = text.slice(text.indexOf('Talks'));
    expect(anchorText(edited, selectors).status.kind).toBe('orphan');
  });

  it('C: context changed on one side at the stored position; a twin with more exact agreement elsewhere does not win', () => {
    const text =
      'Officials met in Geneva on Monday. Talks are expected to resume next week. The ministry declined to comment. Officials met in Vienna on Monday. Talks are expected to resume next week. The ministry declined to comment.';
    const selectors = selectorsFor(text, 'Talks are expected to resume next week.');
    const edited = text.replace('next week.', 'next week. A new sentence was added here.');
    expect(anchorText(edited, selectors)).toEqual({ start: 35, end: 74, status: { kind: 'exact' } });
  });

  it('D: a deleted sentence does not move onto a lookalike nearby whose context is only similar', () => {
    const text =
      'Rain fell all week. Asked whether the water board would accelerate the hospital merger, Elena Petrova replied that nothing is off the table. The river rose. Prices went up in the spring and stayed high.';
    const selectors = selectorsFor(text, 'would accelerate the hospital merger, Elena Petrova replied');
    const edited =
      'Rain fell all week. The river rose. Prices went up in the spring. Asked whether the port authority would accelerate the hospital merger, Elena Petrova said that nothing is off the table. They stayed high.';
    expect(anchorText(edited, selectors).status.kind).toBe('orphan');
  });

  it('D: a quote of 32+ characters found verbatim elsewhere needs context too', () => {
    const text = `${sentence} The talks ended.\n\nLater that week the envoy was asked about it, and said: ${sentence} Nobody answered.`;
    const selectors = selectorsFor(text, sentence);
    // The first paragraph, with the highlighted sentence, is deleted; the quoted copy elsewhere has other context.
    const edited = text.slice(text.indexOf('\n\n') + 2);
    expect(anchorText(edited, selectors).status.kind).toBe('orphan');
  });

  it('F: a phrase inserted inside a quote keeps the quote’s own edges (no neighbouring text swapped in)', () => {
    const text = 'Officials said the council would block the grain export deal before Brussels voted on it.';
    const selectors = selectorsFor(text, 'the grain export deal before Brussels');
    const edited = text.replace('the grain ', 'the grain once again ');
    const { text: now, kind } = placed(edited, selectors);
    expect({ now, kind }).toEqual({ now: 'the grain once again export deal before Brussels', kind: 'fuzzy' });
  });

  it('E: whitespace and quote marks changed around and inside a quote: placed on exactly its words', () => {
    const text = 'He said “we’re not done” and left.\n\nThe talks, he added, would go on.';
    const selectors = selectorsFor(text, '“we’re not done” and left.\n\nThe talks');
    const edited = `Intro.\n\n${text.replace('“we’re', '"we\'re').replace('done”', 'done"').replace('left.\n\nThe', 'left.  The')}`;
    const { text: now, kind } = placed(edited, selectors);
    expect({ now, kind }).toEqual({ now: '"we\'re not done" and left.  The talks', kind: 'fuzzy' });
    // Only the context re-spaced: the quote itself is untouched, so it simply moved.
    const respaced = `Intro.\n\n${text.replace('He said', 'He  said')}`;
    expect(placed(respaced, selectors)).toMatchObject({
      text: '“we’re not done” and left.\n\nThe talks',
      kind: 'moved',
    });
  });

  it('a bare quote (no position, no context) goes by its words alone: verbatim, or a letter or two off in a long one', () => {
    const bare = (exact: string): Selector[] => [{ type: 'TextQuoteSelector', exact, prefix: '', suffix: '' }];
    expect(placed(article, bare('Ryabkov as saying'))).toMatchObject({ text: 'Ryabkov as saying', kind: 'moved' });
    const off = sentence.replace('immediate details', 'immediate detail');
    expect(placed(article, bare(off))).toMatchObject({ text: sentence, kind: 'fuzzy' });
    expect(placed(article, bare('Ryabkov as sayinq')).kind).toBe('orphan');
  });

  it('a highlight whose place is known by its intact context is not moved onto a copy elsewhere', () => {
    const filler = article.split('\n\n').slice(1, 3).join('\n\n');
    const text = `A first line.\n\nIt was not immediately clear whether the European Commission would suspend the deal.\n\n${filler}\n\nSeparately, it was not immediately clear whether the European Commission would postpone rents.`;
    const selectors = selectorsFor(text, 'whether the European Commission');
    const edited = text.replace('whether the European', 'whether the once again European');
    const { text: now, kind } = placed(`Preface paragraph that shifts everything.\n\n${edited}`, selectors);
    expect({ now, kind }).toEqual({ now: 'whether the once again European Commission', kind: 'fuzzy' });
  });
});

describe('anchoring speed', () => {
  /** ~1 MB of article text: the article's paragraphs over and over, each numbered so contexts differ. */
  function bigText(): string {
    const paragraphs = article.split('\n\n');
    const parts: string[] = [];
    let length = 0;
    for (let n = 0; length < 1_000_000; n++) {
      const part = `Section ${n}. ${paragraphs[n % paragraphs.length]}`;
      parts.push(part);
      length += part.length + 2;
    }
    return parts.join('\n\n');
  }

  function spans(text: string, count: number): Selector[][] {
    let seed = 42;
    const random = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    return Array.from({ length: count }, () => {
      const start = Math.floor(random() * (text.length - 300));
      return describeText(text, start, start + 5 + Math.floor(random() * 200));
    });
  }

  // Speed is measured by `npm run bench`; these tests check the outcomes at that scale.
  it('anchors all 10,000 highlights of an unchanged 1 MB text exactly where they were', () => {
    const text = bigText();
    const all = JSON.parse(JSON.stringify(spans(text, 10_000))) as Selector[][]; // as they arrive over IPC
    let exact = 0;
    for (const selectors of all) if (anchorText(text, selectors).status.kind === 'exact') exact++;
    expect(exact).toBe(10_000);
  });

  it('finds all 10,000 highlights again, as moved, after a paragraph is inserted at the top', () => {
    const text = bigText();
    const all = JSON.parse(JSON.stringify(spans(text, 10_000))) as Selector[][];
    const edited = `A new first paragraph.\n\n${text}`;
    const kinds = new Map<string, number>();
    for (const selectors of all) {
      const kind = anchorText(edited, selectors).status.kind;
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    }
    expect(Object.fromEntries(kinds)).toEqual({ moved: 10_000 });
  });
});

describe('fuzzy re-anchoring in a long article', () => {
  it('re-attaches 200 highlights after a typo fix inside each, at the same spans a full search finds', () => {
    const paragraphs = article.split('\n\n');
    const text = Array.from({ length: 2_000 }, (_, n) => `Section ${n}. ${paragraphs[n % paragraphs.length]}`).join(
      '\n\n',
    );
    const starts = Array.from({ length: 200 }, (_, i) => text.indexOf('. ', 1_000 + i * 2_000) + 2);
    const all = starts.map((start) => describeText(text, start, start + 80));
    let edited = text;
    for (const start of [...starts].reverse()) edited = `${edited.slice(0, start + 30)}#${edited.slice(start + 31)}`;
    const results = all.map((selectors) => anchorText(edited, selectors));
    results.forEach((result, i) => {
      // The quote's own copy (with the edit) or, where this section's paragraph repeats, an untouched copy with the
      // same context: either way the words the user highlighted, never something else.
      expect(result.status.kind).not.toBe('orphan');
      const placed = edited.slice(result.start, result.end);
      const original = quoteOf(all[i]!).exact;
      if (result.status.kind === 'fuzzy') expect(result.start).toBe(starts[i]);
      else expect(placed).toBe(original);
    });
  });
});
