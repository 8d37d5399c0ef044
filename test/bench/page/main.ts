/**
 * The benchmark page. It exposes `window.__bench`, a set of steps the Node driver (test/bench/run.ts) calls one by
 * one; each step returns figures as { name, value, unit }. Everything timed is timed here, with performance.now().
 */
import { createTextQuoteSelectorMatcher } from '@apache-annotator/dom';

import type { HighlightColor, Selector, TextQuoteSelector } from '../../../common/contract.ts';
import {
  anchor,
  anchorAll,
  anchorText,
  describeText,
  TextContexts,
  TextIndex,
} from '../../../renderer/anchoring/index.ts';
import { HighlightPainter } from '../../../renderer/painting/highlight-painter.ts';
import { type Corpus, editCorpus, generateCorpus, generateSpans, renderInto, type Span } from './corpus.ts';
import { paintWithMarks, verifyMarks } from './mark-painter.ts';
import { gc, heapMB, median, nextFrame, pageMemoryMB, settle, timeFrame } from './timing.ts';

export interface Line {
  name: string;
  value: number;
  unit: string;
}

const seed = 0x5eed;
const editFraction = 0.01;

interface State {
  n: number;
  label: string;
  corpus: Corpus;
  edited: Corpus;
  spans: Span[];
  selectors: Selector[][];
  quoteOnly: Selector[][];
  shown: 'original' | 'edited' | 'marked';
  index?: TextIndex;
  heapBeforeMB: number;
  pageMemoryBeforeMB: number | undefined;
}

const body = document.getElementById('body') as HTMLElement;
// Exactly what the app uses: the painter registers only the highlights near the view (the document scrolls here).
const painter = new HighlightPainter({ viewport: { root: body } });
// As the article surface keeps its text's context: opening the same article again does not fold it again.
const contexts = new TextContexts();
let state: State | undefined;

function current(): State {
  if (!state) throw new Error('setup() has not run');
  return state;
}

const label = (n: number): string => (n % 1000 === 0 ? `${n / 1000}k` : String(n));

function show(s: State, which: 'original' | 'edited'): void {
  if (s.shown === which) return;
  painter.clear();
  s.index = undefined;
  renderInto(body, (which === 'original' ? s.corpus : s.edited).paragraphs);
  s.shown = which;
}

/** Generates the document, n highlights and their selectors (describeText on the original text), renders it. */
async function setup(n: number): Promise<Line[]> {
  const t0 = performance.now();
  const corpus = generateCorpus(seed);
  // Edits are placed around the first 10k highlights at every scale, so the edited document is the same for all.
  const edited = editCorpus(corpus, generateSpans(corpus, 10_000, seed + 1), editFraction, seed + 2);
  const spans = generateSpans(corpus, n, seed + 1);
  const t1 = performance.now();
  const selectors = spans.map((s) => describeText(corpus.text, s.start, s.end));
  const t2 = performance.now();
  const quoteOnly = selectors.map((list) => list.filter((sel) => sel.type === 'TextQuoteSelector'));
  renderInto(body, corpus.paragraphs);
  state = {
    n,
    label: label(n),
    corpus,
    edited,
    spans,
    selectors,
    quoteOnly,
    shown: 'original',
    heapBeforeMB: 0,
    pageMemoryBeforeMB: undefined,
  };
  await settle();
  const index = new TextIndex(body);
  if (index.text !== corpus.text) throw new Error('TextIndex.text differs from the generated article text');
  const distinctQuotes = new Set(selectors.map((list) => quoteOf(list).exact)).size;
  let duplicated = 0;
  for (const s of corpus.sentences)
    if (corpus.text.indexOf(corpus.text.slice(s.start, s.end)) !== s.start) duplicated++;
  state.heapBeforeMB = heapMB();
  state.pageMemoryBeforeMB = await pageMemoryMB();
  return [
    ...(await frameControls('none')),
    { name: 'doc-chars', value: corpus.text.length, unit: 'chars' },
    { name: 'doc-paragraphs', value: corpus.paragraphs.length, unit: 'count' },
    { name: 'doc-repeated-sentences', value: duplicated, unit: 'count' },
    { name: `highlights-distinct-quotes-${state.label}`, value: distinctQuotes, unit: 'count' },
    { name: `generate-${state.label}`, value: t1 - t0, unit: 'ms' },
    { name: `describe-all-${state.label}`, value: t2 - t1, unit: 'ms' },
  ];
}

function quoteOf(selectors: readonly Selector[]): TextQuoteSelector {
  const quote = selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
  if (!quote) throw new Error('no quote selector');
  return quote;
}

type Kind = 'exact' | 'moved' | 'fuzzy' | 'orphan';

interface AnchorPaintRun {
  indexMs: number;
  anchorMs: number;
  paintJsMs: number;
  totalJsMs: number;
  totalMs: number;
  counts: Record<Kind, number>;
  correct: number;
}

/** One measured open: build the index, anchor every highlight, paint them all, and render the frame. */
async function anchorPaintOnce(s: State): Promise<AnchorPaintRun> {
  painter.clear();
  s.index = undefined;
  // A freshly rendered (and laid out) article each run, as when the reader opens it: Chromium's first highlight
  // pass over new text nodes costs more than repainting the same nodes again.
  renderInto(body, (s.shown === 'edited' ? s.edited : s.corpus).paragraphs);
  await settle();
  gc();
  const counts: Record<Kind, number> = { exact: 0, moved: 0, fuzzy: 0, orphan: 0 };
  const starts = new Int32Array(s.n).fill(-1);
  const ends = new Int32Array(s.n).fill(-1);
  const phases = { indexMs: 0, anchorMs: 0, paintJsMs: 0 };
  const timing = await timeFrame(() => {
    const t0 = performance.now();
    const index = new TextIndex(body);
    const t1 = performance.now();
    const items: Array<{ id: string; color: HighlightColor; range: StaticRange }> = [];
    // As the app loads an article: every highlight in one batch.
    const anchored = anchorAll(index, s.selectors, contexts.contextFor(index.text));
    for (let i = 0; i < s.n; i++) {
      const span = s.spans[i]!;
      const placed = anchored[i]!;
      counts[placed.status.kind]++;
      if (placed.range) {
        items.push({ id: span.id, color: span.color, range: placed.range });
        starts[i] = placed.start;
        ends[i] = placed.end;
      }
    }
    const t2 = performance.now();
    painter.paintAll(items);
    const t3 = performance.now();
    phases.indexMs = t1 - t0;
    phases.anchorMs = t2 - t1;
    phases.paintJsMs = t3 - t2;
    return index;
  });
  s.index = timing.result;
  let correct = 0;
  for (let i = 0; i < s.n; i++) if (starts[i] === s.spans[i]!.start && ends[i] === s.spans[i]!.end) correct++;
  return { ...phases, totalJsMs: timing.jsMs, totalMs: timing.totalMs, counts, correct };
}

/** Anchor all + paint all, on the original or the edited document: a warm-up, then `runs` measured runs. */
async function anchorPaint(arg: { doc: 'original' | 'edited'; runs: number }): Promise<Line[]> {
  const s = current();
  show(s, arg.doc);
  await settle();
  const suffix = `${arg.doc === 'edited' ? 'edited-' : ''}${s.label}`;
  await anchorPaintOnce(s); // warm-up
  const runs: AnchorPaintRun[] = [];
  for (let r = 0; r < arg.runs; r++) runs.push(await anchorPaintOnce(s));
  const m = (f: (run: AnchorPaintRun) => number): number => median(runs.map(f));
  const last = runs[runs.length - 1]!;
  const lines: Line[] = [
    { name: `anchor-paint-${suffix}`, value: m((r) => r.totalMs), unit: 'ms' },
    { name: `anchor-paint-js-${suffix}`, value: m((r) => r.totalJsMs), unit: 'ms' },
    { name: `index-build-${suffix}`, value: m((r) => r.indexMs), unit: 'ms' },
    { name: `anchor-${suffix}`, value: m((r) => r.anchorMs), unit: 'ms' },
    { name: `paint-js-${suffix}`, value: m((r) => r.paintJsMs), unit: 'ms' },
    { name: `paint-frame-${suffix}`, value: m((r) => r.totalMs - r.totalJsMs), unit: 'ms' },
    { name: `anchor-paint-max-${suffix}`, value: Math.max(...runs.map((r) => r.totalMs)), unit: 'ms' },
  ];
  if (arg.doc === 'original') {
    lines.push({ name: `anchor-correct-${suffix}`, value: last.correct, unit: 'count' });
  }
  for (const kind of ['exact', 'moved', 'fuzzy', 'orphan'] as const) {
    lines.push({ name: `anchored-${kind}-${suffix}`, value: last.counts[kind], unit: 'count' });
  }
  lines.push({ name: `painted-${suffix}`, value: painter.size, unit: 'count' });
  lines.push({ name: `painted-ranges-${suffix}`, value: paintedRangeCount(), unit: 'count' });
  if (arg.doc === 'original') {
    const after = heapMB();
    lines.push({ name: `heap-after-paint-${s.label}`, value: after, unit: 'MB' });
    lines.push({ name: `heap-highlights-${s.label}`, value: after - s.heapBeforeMB, unit: 'MB' });
    const page = await pageMemoryMB();
    if (page !== undefined && s.pageMemoryBeforeMB !== undefined) {
      lines.push({ name: `page-memory-after-paint-${s.label}`, value: page, unit: 'MB' });
      lines.push({ name: `page-memory-highlights-${s.label}`, value: page - s.pageMemoryBeforeMB, unit: 'MB' });
    }
    lines.push(...(await frameControls(s.label)));
  }
  return lines;
}

/**
 * Controls for reading the frame figures, with whatever highlights are painted right now: a frame where nothing
 * changed; one where a tiny fixed element outside the article gets new text (a DOM mutation, as typing in a note
 * would be); one where it changes size through the CSSOM (a style change that is no DOM mutation).
 */
async function frameControls(tag: string): Promise<Line[]> {
  const probe = document.getElementById('probe') as HTMLElement;
  const rule = probeRule();
  const empty: number[] = [];
  const dom: number[] = [];
  const cssom: number[] = [];
  for (let r = 0; r < 7; r++) {
    await settle();
    empty.push((await timeFrame(() => undefined)).totalMs);
    await settle();
    dom.push((await timeFrame(() => (probe.textContent = String(r)))).totalMs);
    await settle();
    cssom.push((await timeFrame(() => rule.style.setProperty('width', `${10 + (r % 2)}px`))).totalMs);
  }
  return [
    { name: `frame-unchanged-${tag}`, value: median(empty), unit: 'ms' },
    { name: `frame-dom-change-${tag}`, value: median(dom), unit: 'ms' },
    { name: `frame-style-change-${tag}`, value: median(cssom), unit: 'ms' },
  ];
}

/** The stylesheet rule for #probe, changed through the CSSOM (a style change that is no DOM mutation). */
function probeRule(): CSSStyleRule {
  for (const sheet of document.styleSheets) {
    for (const rule of sheet.cssRules) if (rule instanceof CSSStyleRule && rule.selectorText === '#probe') return rule;
  }
  throw new Error('no #probe rule');
}

/** Ranges registered in CSS.highlights by the painter (flash and focus excluded): the ones near the view. */
function paintedRangeCount(): number {
  let total = 0;
  CSS.highlights.forEach((highlight, name) => {
    if (name !== 'marginalia-flash' && name !== 'marginalia-focus') total += highlight.size;
  });
  return total;
}

/** Time to add one highlight with all n painted: describe + anchor + paint, plus the frame that shows it. */
async function addOne(arg: { runs: number }): Promise<Line[]> {
  const s = current();
  if (s.shown !== 'original' || !s.index) await anchorPaintOnce(s);
  const index = s.index!;
  const fresh = generateSpans(s.corpus, arg.runs + 2, seed + 7);
  const totals: number[] = [];
  const js: number[] = [];
  for (let r = 0; r < fresh.length; r++) {
    const span = fresh[r]!;
    await settle();
    const timing = await timeFrame(() => {
      const selectors = describeText(index.text, span.start, span.end);
      const placed = anchor(index, selectors);
      if (!placed.range) throw new Error('a freshly described highlight did not anchor');
      painter.paint(`new-${r}`, span.color, placed.range);
    });
    if (r < 2) continue; // warm-up
    totals.push(timing.totalMs);
    js.push(timing.jsMs);
  }
  return [
    { name: `add-one-at-${s.label}`, value: median(totals), unit: 'ms' },
    { name: `add-one-js-at-${s.label}`, value: median(js), unit: 'ms' },
  ];
}

/** Scroll a highlight into view (from its range's rect) and flash it, to the end of the frame that shows it. */
async function scrollFlash(arg: { runs: number }): Promise<Line[]> {
  const s = current();
  if (s.shown !== 'original' || !s.index) await anchorPaintOnce(s);
  const scroller = document.scrollingElement!;
  const totals: number[] = [];
  const js: number[] = [];
  for (let r = 0; r < arg.runs + 2; r++) {
    // Targets spread over the document, each far from the previous scroll position.
    const span = s.spans[Math.floor(((r * 0.37 + 0.2) % 1) * s.n)]!;
    scroller.scrollTop = r % 2 ? scroller.scrollHeight : 0;
    await settle();
    const timing = await timeFrame(() => {
      const range = painter.rangeOf(span.id);
      if (!range) throw new Error(`highlight ${span.id} is not painted`);
      const live = document.createRange();
      live.setStart(range.startContainer, range.startOffset);
      live.setEnd(range.endContainer, range.endOffset);
      const rect = live.getBoundingClientRect();
      scroller.scrollTop += rect.top - window.innerHeight / 3;
      painter.flash(span.id);
    });
    if (r < 2) continue;
    totals.push(timing.totalMs);
    js.push(timing.jsMs);
  }
  scroller.scrollTop = 0;
  await settle();
  return [
    { name: 'scroll-flash', value: median(totals), unit: 'ms' },
    { name: 'scroll-flash-js', value: median(js), unit: 'ms' },
  ];
}

/**
 * Apache Annotator's text-quote matcher on the same quote selectors (prefix + exact + suffix), taking the first
 * match of each (what an annotator needs; taking only the first flatters the baseline), until `budgetMs` is spent.
 * Then our own anchoring of exactly the same highlights, twice: with the stored selectors (position + quote), and
 * with the quote selector alone.
 */
async function apache(arg: { limit: number; budgetMs: number; runs: number }): Promise<Line[]> {
  const s = current();
  show(s, 'original');
  painter.clear();
  s.index = undefined;
  await settle();
  const limit = Math.min(arg.limit, s.n);
  const firstMatch = async (i: number): Promise<Range | undefined> => {
    const matches = createTextQuoteSelectorMatcher(quoteOf(s.selectors[i]!))(body);
    for await (const match of matches) return match;
    return undefined;
  };
  for (let i = 0; i < Math.min(20, limit); i++) await firstMatch(i); // warm-up
  gc();
  const found: Array<Range | undefined> = [];
  const deadline = performance.now() + arg.budgetMs;
  const t0 = performance.now();
  for (let i = 0; i < limit; i++) {
    found.push(await firstMatch(i));
    if (performance.now() > deadline) break;
  }
  const apacheMs = performance.now() - t0;
  const done = found.length;

  const index = new TextIndex(body);
  let correct = 0;
  found.forEach((range, i) => {
    const at = range && index.offsetsOf(range);
    if (at && at.start === s.spans[i]!.start && at.end === s.spans[i]!.end) correct++;
  });

  const ours = async (selectors: Selector[][]): Promise<number> => {
    const times: number[] = [];
    for (let r = 0; r < arg.runs + 1; r++) {
      gc();
      await nextFrame();
      const t = performance.now();
      const idx = new TextIndex(body);
      anchorAll(idx, selectors.slice(0, done));
      if (r > 0) times.push(performance.now() - t);
    }
    return median(times);
  };
  const oursMs = await ours(s.selectors);
  const oursQuoteMs = await ours(s.quoteOnly);
  const tag = label(done);
  return [
    { name: 'apache-anchored', value: done, unit: 'count' },
    { name: 'apache-correct', value: correct, unit: 'count' },
    { name: `apache-anchor-${tag}`, value: apacheMs, unit: 'ms' },
    { name: `apache-per-highlight`, value: apacheMs / done, unit: 'ms' },
    { name: `ours-anchor-${tag}`, value: oursMs, unit: 'ms' },
    { name: `ours-anchor-quote-only-${tag}`, value: oursQuoteMs, unit: 'ms' },
    { name: 'vs-apache-annotator', value: apacheMs / oursMs, unit: 'x' },
    { name: 'vs-apache-annotator-quote-only', value: apacheMs / oursQuoteMs, unit: 'x' },
  ];
}

/**
 * Painting from known text offsets, both ways, on a freshly rendered (and laid out) document: ours is TextIndex +
 * rangeOf for each + paintAll; <mark> is split-and-wrap for each. Both timed to the end of the rendered frame.
 */
async function markVsOurs(arg: { runs: number; markRuns: number; budgetMs: number; verify: boolean }): Promise<Line[]> {
  const s = current();
  const fresh = async (): Promise<void> => {
    painter.clear();
    s.index = undefined;
    renderInto(body, s.corpus.paragraphs);
    s.shown = 'marked';
    await settle();
    gc();
  };
  const oursTimes: number[] = [];
  const oursJs: number[] = [];
  for (let r = 0; r < arg.runs + 1; r++) {
    await fresh();
    const timing = await timeFrame(() => {
      const index = new TextIndex(body);
      painter.paintAll(s.spans.map((sp) => ({ id: sp.id, color: sp.color, range: index.rangeOf(sp.start, sp.end) })));
    });
    if (r > 0) {
      oursTimes.push(timing.totalMs);
      oursJs.push(timing.jsMs);
    }
  }

  // Warm the <mark> code up on a few hundred highlights first.
  await fresh();
  paintWithMarks(body, s.spans.slice(0, 300));
  const markTimes: number[] = [];
  let done = 0;
  let wrong = 0;
  for (let r = 0; r < arg.markRuns; r++) {
    await fresh();
    painter.clear();
    const timing = await timeFrame(() => paintWithMarks(body, s.spans, performance.now() + arg.budgetMs));
    done = timing.result;
    markTimes.push(timing.totalMs);
    if (done < s.n) break; // capped: one run is all the budget allows
  }
  if (arg.verify && done === s.n) {
    const sample = s.spans.filter((_, i) => i % Math.max(1, Math.floor(s.n / 2000)) === 0);
    const bad = verifyMarks(body, sample, s.corpus.text);
    wrong = bad.length;
    if (bad.length) console.error(`marks wrong for ${bad.slice(0, 5).join(', ')}`);
    if (body.textContent !== s.corpus.text) {
      wrong++; // wrapping must not change the text
      console.error('marks changed the text');
    }
  }
  const marks = body.getElementsByTagName('mark').length;
  await fresh(); // leave a clean document behind
  const oursMs = median(oursTimes);
  const markMs = median(markTimes);
  const lines: Line[] = [
    { name: `paint-from-offsets-${s.label}`, value: oursMs, unit: 'ms' },
    { name: `paint-from-offsets-js-${s.label}`, value: median(oursJs), unit: 'ms' },
  ];
  if (done === s.n) {
    lines.push({ name: `mark-paint-${s.label}`, value: markMs, unit: 'ms' });
    lines.push({ name: `mark-elements-${s.label}`, value: marks, unit: 'count' });
    if (arg.verify) lines.push({ name: `mark-paint-wrong-${s.label}`, value: wrong, unit: 'count' });
    lines.push({
      name: s.n === 10_000 ? 'vs-mark-paint' : `vs-mark-paint-${s.label}`,
      value: markMs / oursMs,
      unit: 'x',
    });
  } else {
    lines.push({ name: `mark-paint-capped-${s.label}`, value: markMs, unit: 'ms' });
    lines.push({ name: `mark-paint-done-${s.label}`, value: done, unit: 'count' });
    lines.push({ name: `mark-elements-${s.label}`, value: marks, unit: 'count' });
    // Lower bound: time for the part done vs ours for everything.
    lines.push({ name: `vs-mark-paint-${s.label}-at-least`, value: markMs / oursMs, unit: 'x' });
  }
  return lines;
}

/**
 * Where anchor-all's time goes, on the original document with all n highlights: the pure text matching
 * (anchorText on index.text), the offsets → StaticRange mapping (index.rangeOf), and constructing the same
 * StaticRanges directly (the floor for any mapping). Median of `runs`.
 */
async function breakdown(arg: { runs: number }): Promise<Line[]> {
  const s = current();
  show(s, 'original');
  await settle();
  const index = new TextIndex(body);
  const bounds = s.spans.map((sp) => index.rangeOf(sp.start, sp.end));
  const time = async (work: () => void): Promise<number> => {
    const times: number[] = [];
    for (let r = 0; r < arg.runs + 1; r++) {
      gc();
      await nextFrame();
      const t = performance.now();
      work();
      if (r > 0) times.push(performance.now() - t);
    }
    return median(times);
  };
  const textMs = await time(() => {
    for (const selectors of s.selectors) anchorText(index.text, selectors);
  });
  const rangeOfMs = await time(() => {
    for (const sp of s.spans) index.rangeOf(sp.start, sp.end);
  });
  const staticMs = await time(() => {
    for (const b of bounds) {
      new StaticRange({
        startContainer: b.startContainer,
        startOffset: b.startOffset,
        endContainer: b.endContainer,
        endOffset: b.endOffset,
      });
    }
  });
  // The same mapping with node ends kept in a JS array (no DOM reads in the binary search): a reference point.
  const nodes: Text[] = [];
  const ends: number[] = [];
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  let offset = 0;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    nodes.push(node);
    offset += node.data.length;
    ends.push(offset);
  }
  const nodeAt = (at: number, strict: boolean): number => {
    let lo = 0;
    let hi = ends.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (strict ? ends[mid]! <= at : ends[mid]! < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const arrayMs = await time(() => {
    for (const sp of s.spans) {
      const a = nodeAt(sp.start, true);
      const b = nodeAt(sp.end, false);
      new StaticRange({
        startContainer: nodes[a]!,
        startOffset: sp.start - (ends[a]! - nodes[a]!.length),
        endContainer: nodes[b]!,
        endOffset: sp.end - (ends[b]! - nodes[b]!.length),
      });
    }
  });
  return [
    { name: `anchor-text-only-${s.label}`, value: textMs, unit: 'ms' },
    { name: `range-of-${s.label}`, value: rangeOfMs, unit: 'ms' },
    { name: `range-of-js-array-reference-${s.label}`, value: arrayMs, unit: 'ms' },
    { name: `new-static-range-${s.label}`, value: staticMs, unit: 'ms' },
  ];
}

/**
 * Viewport windowing, checked and timed with n painted: the document is scrolled to `positions` places spread over
 * it (the end last), each set in a task as a user's scroll would be; at the next animation frame (the browser has
 * dispatched the scroll event, and not yet painted), every painted highlight with a box in the view must be
 * registered. `scroll-frame-<n>`: a frame that scrolls one view down and brings the window up to date.
 */
async function scrollCheck(arg: { positions: number }): Promise<Line[]> {
  const s = current();
  if (s.shown !== 'original' || !s.index) await anchorPaintOnce(s);
  const scroller = document.scrollingElement!;
  let missing = 0;
  let inView = 0;
  for (let p = 1; p <= arg.positions; p++) {
    await settle();
    scroller.scrollTop = p === arg.positions ? scroller.scrollHeight : (p / arg.positions) * scroller.scrollHeight;
    await nextFrame();
    const registered = new Set<AbstractRange>();
    CSS.highlights.forEach((highlight, name) => {
      if (name.startsWith('marginalia-') && name !== 'marginalia-flash' && name !== 'marginalia-focus')
        for (const r of highlight) registered.add(r);
    });
    for (const span of s.spans) {
      const range = painter.rangeOf(span.id)!;
      const live = document.createRange();
      live.setStart(range.startContainer, range.startOffset);
      live.setEnd(range.endContainer, range.endOffset);
      const rect = live.getBoundingClientRect();
      if (rect.bottom < 0 || rect.top > window.innerHeight || rect.height === 0) continue;
      inView++;
      if (!registered.has(range)) missing++;
    }
  }
  scroller.scrollTop = 0;
  const frames: number[] = [];
  for (let r = 0; r < 9; r++) {
    await settle();
    const timing = await timeFrame(() => {
      scroller.scrollTop += window.innerHeight;
      painter.refreshViewport();
    });
    if (r > 1) frames.push(timing.totalMs);
  }
  scroller.scrollTop = 0;
  await settle();
  return [
    { name: `scroll-in-view-${s.label}`, value: inView, unit: 'count' },
    { name: `scroll-unregistered-in-view-${s.label}`, value: missing, unit: 'count' },
    { name: `scroll-frame-${s.label}`, value: median(frames), unit: 'ms' },
  ];
}

const api = { setup, anchorPaint, addOne, scrollFlash, scrollCheck, apache, markVsOurs, breakdown };
export type BenchApi = typeof api;
(window as unknown as { __bench: BenchApi }).__bench = api;
document.documentElement.dataset.ready = 'true';
