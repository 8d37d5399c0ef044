import type { Selector } from '../../common/contract.ts';
import { type Article, corpusArticles } from './articles.ts';
import { type Doc, originalDoc } from './document.ts';
import { type EditContext, type EditKind, editKinds, edits, eligible } from './edits.ts';
import { type Highlight, placeHighlights } from './highlights.ts';
import { deriveSeed, mulberry32, shuffled } from './random.ts';
import { paragraphIndexAt, paragraphSpans, type Span } from './text.ts';
import { judge, type Placement, type Truth, TruthIndex, type Verdict } from './truth.ts';

/**
 * The robustness corpus: articles, hundreds of highlights on each, and cases: one edited version of an article in
 * which several highlights (the case's *targets*, far enough apart not to disturb each other) each had an edit of
 * the case's kind aimed at them. Every other highlight of the article rides along as a *bystander* (its text only
 * moved, or was touched by a document-wide edit). Everything comes from `corpusSeed`: same corpus, same figures.
 *
 * The anchoring paths plug in as an `AnchorPath`: the pure text paths for the bench (text-path.ts: batch
 * anchorAllText, the one the app re-anchors with, and single anchorText) and the DOM path in Chromium (TextIndex,
 * describe, anchorAll).
 */

const corpusSeed = 0x0c0ffee5;

interface CorpusArticle {
  article: Article;
  highlights: Highlight[];
  /**
   * ids[i]: highlight i's id for the ground truth and the edits (truth.ts, document.ts `lookalike`): the index of the
   * first highlight on the same span, since highlights on the same text have the same selectors and nothing tells
   * them apart.
   */
  ids: number[];
}

interface CorpusCase {
  /** "<article>/<kind>/<n>". */
  id: string;
  article: number;
  kind: EditKind;
  edited: Doc;
  /** Target highlight index → what the edits did to it. */
  targets: Map<number, string>;
}

export interface Corpus {
  articles: CorpusArticle[];
  cases: CorpusCase[];
}

export interface CorpusOptions {
  /** The default article's raw seed file; without it the corpus has only generated articles. */
  defaultArticleRaw?: string;
  /** Highlights per generated article (the short default article gets a fifth of that). */
  highlights?: number;
  /** Cases per edit kind per article. */
  casesPerKind?: number;
  /** Targets per case at most. */
  targets?: number;
}

export function buildCorpus(options: CorpusOptions = {}): Corpus {
  const { highlights = 200, casesPerKind = 2, targets = 8 } = options;
  const articles = corpusArticles(options.defaultArticleRaw).map((article) => {
    const rng = mulberry32(deriveSeed(corpusSeed, `highlights:${article.name}`));
    const count = article.text.length < 10_000 ? Math.round(highlights / 5) : highlights;
    const placed = placeHighlights(article.text, rng, count);
    return {
      article,
      highlights: placed,
      ids: placed.map((h) => placed.findIndex((g) => g.start === h.start && g.end === h.end)),
    };
  });
  const cases: CorpusCase[] = [];
  articles.forEach((entry, a) => {
    for (const kind of editKinds) {
      for (let n = 0; n < casesPerKind; n++) {
        const id = `${entry.article.name}/${kind}/${n}`;
        cases.push(buildCase(id, a, entry, kind, targets));
      }
    }
  });
  return { articles, cases };
}

function buildCase(id: string, article: number, entry: CorpusArticle, kind: EditKind, maxTargets: number): CorpusCase {
  const rng = mulberry32(deriveSeed(corpusSeed, `case:${id}`));
  const words = mulberry32(deriveSeed(corpusSeed, `words:${id}`));
  const { text } = entry.article;
  const paragraphs = paragraphSpans(text);
  // Targets: eligible highlights whose paragraphs, one either side included, overlap no other target's.
  const taken = new Set<number>();
  const chosen: number[] = [];
  for (const i of shuffled(
    rng,
    entry.highlights.map((_, i) => i),
  )) {
    if (chosen.length >= maxTargets) break;
    const h = entry.highlights[i]!;
    if (!eligible(kind, text, h)) continue;
    const first = paragraphIndexAt(paragraphs, h.start) - 1;
    const last = paragraphIndexAt(paragraphs, h.end - 1) + 1;
    let free = true;
    for (let p = first; p <= last; p++) if (taken.has(p)) free = false;
    if (!free) continue;
    for (let p = first; p <= last; p++) taken.add(p);
    chosen.push(i);
  }
  // Edits aimed "far away" keep off every target's own paragraphs.
  const protectedMask = new Uint8Array(text.length);
  for (const i of chosen) {
    const h = entry.highlights[i]!;
    const from = paragraphs[paragraphIndexAt(paragraphs, h.start)]!.start;
    const to = paragraphs[paragraphIndexAt(paragraphs, h.end - 1)]!.end;
    protectedMask.fill(1, from, to);
  }
  const ctx: EditContext = { rng, words, protectedMask };
  let doc = originalDoc(text);
  const targets = new Map<number, string>();
  for (const i of chosen) {
    const edited = edits[kind](doc, { ...entry.highlights[i]!, id: entry.ids[i]! }, ctx);
    if (!edited) continue;
    doc = edited.doc;
    targets.set(i, edited.note);
  }
  if (kind === 'delete-with-lookalike') {
    // The kind's premise: nothing of a target's text is left (its lookalike is new text for it), so only orphan is
    // right for it. A corpus where that fails would score its targets against the wrong question.
    const truth = new TruthIndex(doc, text.length);
    for (const i of targets.keys()) {
      const h = entry.highlights[i]!;
      const state = truth.truth(h.start, h.end, entry.ids[i]).state;
      if (state !== 'destroyed')
        throw new Error(`${id}: delete-with-lookalike target #${i} is ${state}, not destroyed`);
    }
  }
  return { id, article, kind, edited: doc, targets };
}

/** One way of describing and anchoring: pure text, or through the DOM. Batched per text (one render each). */
export interface AnchorPath {
  describeAll(text: string, spans: readonly Span[]): Selector[][];
  anchorAll(text: string, selectors: ReadonlyArray<readonly Selector[]>): Placement[];
}

export type Bucket = EditKind | 'bystander';

export interface Tally {
  highlights: number;
  exact: number;
  moved: number;
  fuzzy: number;
  /** Correct, on a duplicate's copy of the text (counted in exact/moved/fuzzy too). */
  onCopy: number;
  wrong: number;
  wrongElsewhere: number;
  wrongImprecise: number;
  wrongDestroyed: number;
  orphan: number;
  orphanDestroyed: number;
  orphanDamaged: number;
  /** Orphans whose text was intact: misses. */
  orphanIntact: number;
  intact: number;
  damaged: number;
  destroyed: number;
  /** Intact highlights placed correctly. */
  placedIntact: number;
  /**
   * Intact highlights *lightly edited*: new text inside the true span plus characters lost come to at most 10% of
   * the quote. A quote-similarity matcher has every reason to place these (its bar is 80%).
   */
  light: number;
  placedLight: number;
}

function emptyTally(): Tally {
  return {
    highlights: 0,
    exact: 0,
    moved: 0,
    fuzzy: 0,
    onCopy: 0,
    wrong: 0,
    wrongElsewhere: 0,
    wrongImprecise: 0,
    wrongDestroyed: 0,
    orphan: 0,
    orphanDestroyed: 0,
    orphanDamaged: 0,
    orphanIntact: 0,
    intact: 0,
    damaged: 0,
    destroyed: 0,
    placedIntact: 0,
    light: 0,
    placedLight: 0,
  };
}

/** A wrong anchor or a miss, with everything needed to reproduce it. */
export interface Finding {
  caseId: string;
  bucket: Bucket;
  highlight: number;
  shape: string;
  span: Span;
  quote: string;
  selectors: readonly Selector[];
  placement: Placement;
  placedText?: string;
  verdict: Verdict;
  truth: { state: Truth['state']; kept: number; spans: Array<Span & { copy: number; text: string }> };
  note: string;
  original: string;
  edited: string;
}

export interface Outcome {
  cases: number;
  tallies: Map<Bucket, Tally>;
  overall: Tally;
  wrong: Finding[];
  misses: Finding[];
}

export function runCorpus(corpus: Corpus, path: AnchorPath): Outcome {
  const tallies = new Map<Bucket, Tally>();
  const overall = emptyTally();
  const wrong: Finding[] = [];
  const misses: Finding[] = [];
  const described = corpus.articles.map((entry) => path.describeAll(entry.article.text, entry.highlights));
  for (const c of corpus.cases) {
    const entry = corpus.articles[c.article]!;
    const selectors = described[c.article]!;
    const placements = path.anchorAll(c.edited.text, selectors);
    const truthIndex = new TruthIndex(c.edited, entry.article.text.length);
    entry.highlights.forEach((h, i) => {
      const bucket: Bucket = c.targets.has(i) ? c.kind : 'bystander';
      let tally = tallies.get(bucket);
      if (!tally) tallies.set(bucket, (tally = emptyTally()));
      const truth = truthIndex.truth(h.start, h.end, entry.ids[i]);
      const placement = placements[i]!;
      const verdict = judge(truth, placement);
      for (const t of [tally, overall]) count(t, truth, verdict);
      const isMiss = verdict.outcome === 'orphan' && verdict.state === 'intact';
      if (verdict.outcome === 'wrong' || isMiss) {
        const finding: Finding = {
          caseId: c.id,
          bucket,
          highlight: i,
          shape: h.shape,
          span: { start: h.start, end: h.end },
          quote: entry.article.text.slice(h.start, h.end),
          selectors: selectors[i]!,
          placement,
          placedText: placement.start === undefined ? undefined : c.edited.text.slice(placement.start, placement.end),
          verdict,
          truth: {
            state: truth.state,
            kept: truth.kept,
            spans: truth.candidates.map((k) => ({
              start: k.start,
              end: k.end,
              copy: k.copy,
              text: c.edited.text.slice(k.start, k.end),
            })),
          },
          note: c.targets.get(i) ?? '(bystander)',
          original: entry.article.text,
          edited: c.edited.text,
        };
        (isMiss ? misses : wrong).push(finding);
      }
    });
  }
  return { cases: corpus.cases.length, tallies, overall, wrong, misses };
}

/** Whether an intact highlight was only lightly edited (see Tally.light). */
function isLight(truth: Truth): boolean {
  if (truth.state !== 'intact') return false;
  return truth.candidates.some((c) => {
    const kept = c.positions.length;
    return c.end - c.start - kept + (truth.length - kept) <= 0.1 * truth.length;
  });
}

function count(t: Tally, truth: Truth, verdict: Verdict): void {
  const light = isLight(truth);
  t.highlights++;
  t[truth.state]++;
  if (light) t.light++;
  switch (verdict.outcome) {
    case 'exact':
    case 'moved':
    case 'fuzzy':
      t[verdict.outcome]++;
      if (verdict.onCopy) t.onCopy++;
      if (truth.state === 'intact') t.placedIntact++;
      if (light) t.placedLight++;
      break;
    case 'wrong':
      t.wrong++;
      if (verdict.why === 'elsewhere') t.wrongElsewhere++;
      else if (verdict.why === 'imprecise') t.wrongImprecise++;
      else t.wrongDestroyed++;
      break;
    case 'orphan':
      t.orphan++;
      if (verdict.state === 'destroyed') t.orphanDestroyed++;
      else if (verdict.state === 'damaged') t.orphanDamaged++;
      else t.orphanIntact++;
      break;
  }
}

export interface BenchLine {
  name: string;
  value: number;
  unit: '%' | 'count';
}

/** A percentage; NaN when there is nothing to divide (such lines are left out). */
const percent = (part: number, whole: number): number => (whole === 0 ? Number.NaN : (100 * part) / whole);

function linesOf(prefix: string, t: Tally): BenchLine[] {
  return [
    { name: `${prefix}highlights`, value: t.highlights, unit: 'count' },
    { name: `${prefix}exact`, value: percent(t.exact, t.highlights), unit: '%' },
    { name: `${prefix}moved-correct`, value: percent(t.moved, t.highlights), unit: '%' },
    { name: `${prefix}fuzzy-correct`, value: percent(t.fuzzy, t.highlights), unit: '%' },
    { name: `${prefix}wrong`, value: t.wrong, unit: 'count' },
    { name: `${prefix}wrong-elsewhere`, value: t.wrongElsewhere + t.wrongDestroyed, unit: 'count' },
    { name: `${prefix}wrong-imprecise`, value: t.wrongImprecise, unit: 'count' },
    { name: `${prefix}orphan-rate`, value: percent(t.orphan, t.highlights), unit: '%' },
    { name: `${prefix}orphan-survivable`, value: t.orphanIntact, unit: 'count' },
    { name: `${prefix}placed-survivable`, value: percent(t.placedIntact, t.intact), unit: '%' },
    { name: `${prefix}placed-lightly-edited`, value: percent(t.placedLight, t.light), unit: '%' },
    { name: `${prefix}destroyed-orphaned`, value: percent(t.orphanDestroyed, t.destroyed), unit: '%' },
  ];
}

/**
 * The figures as BENCH lines: overall first (`robustness-wrong`, …), then per bucket (`robustness-<kind>-…`).
 * For the path the app re-anchors with (batch; see README.md).
 */
export function benchLines(outcome: Outcome): BenchLine[] {
  const lines: BenchLine[] = [
    { name: 'robustness-cases', value: outcome.cases, unit: 'count' },
    ...linesOf('robustness-', outcome.overall),
  ];
  lines.push({
    name: 'robustness-wrong-rate',
    value: percent(outcome.overall.wrong, outcome.overall.highlights),
    unit: '%',
  });
  lines.push({ name: 'robustness-on-duplicate', value: outcome.overall.onCopy, unit: 'count' });
  for (const bucket of [...editKinds, 'bystander'] as const) {
    const t = outcome.tallies.get(bucket);
    if (t) lines.push(...linesOf(`robustness-${bucket}-`, t));
  }
  return lines.filter((line) => Number.isFinite(line.value));
}

/**
 * A second path's overall figures, under their own prefix (`robustness-single-wrong`, …): every overall metric of
 * `benchLines`, without the per-bucket lines (the table has those).
 */
export function overallBenchLines(outcome: Outcome, prefix: string): BenchLine[] {
  const lines = linesOf(`${prefix}-`, outcome.overall);
  lines.push({
    name: `${prefix}-wrong-rate`,
    value: percent(outcome.overall.wrong, outcome.overall.highlights),
    unit: '%',
  });
  lines.push({ name: `${prefix}-on-duplicate`, value: outcome.overall.onCopy, unit: 'count' });
  return lines.filter((line) => Number.isFinite(line.value));
}

export function formatBench(line: BenchLine): string {
  const value = line.unit === 'count' ? String(Math.round(line.value)) : line.value.toFixed(line.value < 10 ? 2 : 1);
  return `BENCH ${line.name} ${value} ${line.unit}`;
}

/** A table of the tallies, for humans. */
export function formatTable(outcome: Outcome): string {
  const head = [
    'bucket',
    'n',
    'exact',
    'moved',
    'fuzzy',
    'wrong',
    'elsewhere',
    'imprecise',
    'orphan',
    'miss',
    'intact',
    'damaged',
    'destroyed',
    'placed/intact',
    'placed/light',
  ];
  const rows = [...editKinds, 'bystander' as const]
    .map((b) => [b, outcome.tallies.get(b)] as const)
    .filter((entry): entry is readonly [Bucket, Tally] => entry[1] !== undefined)
    .map(([b, t]) => row(b, t));
  rows.push(row('overall', outcome.overall));
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  return [head, ...rows]
    .map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '))
    .join('\n');
}

function rate(part: number, whole: number): string {
  return whole === 0 ? '-' : `${percent(part, whole).toFixed(1)}%`;
}

function row(name: string, t: Tally): string[] {
  return [
    name,
    String(t.highlights),
    String(t.exact),
    String(t.moved),
    String(t.fuzzy),
    String(t.wrong),
    String(t.wrongElsewhere + t.wrongDestroyed),
    String(t.wrongImprecise),
    String(t.orphan),
    String(t.orphanIntact),
    String(t.intact),
    String(t.damaged),
    String(t.destroyed),
    rate(t.placedIntact, t.intact),
    rate(t.placedLight, t.light),
  ];
}

/** A finding, short enough to read: the case, the quote, where it went, where it should be. */
export function formatFinding(f: Finding): string {
  const where =
    f.placement.start === undefined
      ? 'orphan'
      : `[${f.placement.start}, ${f.placement.end}) ${f.placement.status.kind}`;
  return [
    `${f.caseId} #${f.highlight} (${f.shape}, ${f.bucket}): ${JSON.stringify(f.verdict)}`,
    `  quote    ${JSON.stringify(f.quote)} at [${f.span.start}, ${f.span.end})`,
    `  placed   ${where} ${f.placedText === undefined ? '' : JSON.stringify(f.placedText)}`,
    `  truth    ${f.truth.state} (kept ${(100 * f.truth.kept).toFixed(0)}%) ${f.truth.spans.map((s) => `[${s.start}, ${s.end}) copy ${s.copy}`).join(', ')}`,
    `  edit     ${f.note}`,
  ].join('\n');
}
