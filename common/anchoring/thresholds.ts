import { limits } from '../model.ts';

/**
 * Every tuned number of the anchoring engine, with the reason for its value and, where one exists, the figure that
 * justified it. The terms (in place, verbatim, folded, near, window, frame, landmark, arrived, claims, …) are those
 * of docs/anchoring.md. Corpus figures are those of `node test/bench/robustness.ts` at the commit named.
 *
 * Similarities are 1 − errors / length (1 identical, 0 nothing in common); lengths and distances count UTF-16 code
 * units of the text (folded, in stage 3).
 */

// ─── Scoring a candidate (stage 3) ────────────────────────────────────────────────────────────────────────────────

/**
 * Weights of the evidence in a fuzzy score, as in Hypothesis' match-quote: the quote itself counts most, each side
 * of context a little less than half of it, and the distance from the stored position only breaks near-ties.
 */
export const scoreWeights = { quote: 50, prefix: 20, suffix: 20, position: 2 } as const;

/**
 * Below this score a candidate is not the highlight, whatever else speaks for it.
 *
 * score = (50·quote + 20·prefix + 20·suffix + 2·position) / 92, each similarity in 0..1 (position: 1 at the stored
 * position, 0 a text length away). Reference points:
 * - a real edit keeps its context: a typo fixed gives quote ≈ 0.95–0.99 and context ≈ 1 → score ≥ 0.95;
 * - a quote edited a little (0.9) whose context changed on one side (≈ 0.3 for unrelated text) ≈ 0.79;
 * - a lookalike sentence elsewhere (quote 0.85–0.95) with unrelated context on both sides ≈ 0.60–0.70; even a
 *   verbatim copy with unrelated context cannot pass 0.70 ((50 + 2·20·0.3 + 2) / 92).
 * 0.75 sits between the last two. The score alone does not decide: a lookalike with *similar* context (a word
 * changed on each side) clears 0.75, so acceptance also asks for context that is intact (`intactSide`), not merely
 * similar. `minimumQuoteSimilarity` separately stops a quote that only matches with many errors from riding in on
 * good context.
 */
export const minimumFuzzyScore = 0.75;

/**
 * A candidate's quote must be at least this similar (at most 1 edit in 5 characters), however well its context
 * agrees: context alone cannot make different words the highlighted ones. Also the error budget of the search near
 * an expected position.
 */
export const minimumQuoteSimilarity = 0.8;

/**
 * The context similarity of a side whose stored affix is empty (the quote touched that end of the text) at a
 * candidate that is not at the same end: "no evidence either way" (text may have been added there), rather than the
 * 1 that would let a lookalike borrow a free side of context.
 */
export const absentAffixSimilarity = 0.5;

// ─── Accepting a candidate (stage 3, `acceptable`) ────────────────────────────────────────────────────────────────

/** A side of context at least this alike is essentially intact (≤ 3 edits in 32 characters). */
export const intactSide = 0.9;

/**
 * A far approximate candidate needs its quote this alike and both sides at least `farSideSimilarity`; also the
 * error budget of the whole-text search, which is what makes that search cheap. Since the locality-aware search of
 * 6989e64 (with `farSideSimilarity`, `intactSide`, `nearLoneSideQuote`): corpus wrong 439 → 106.
 */
export const farQuoteSimilarity = 0.9;

/**
 * Both sides of context at least this alike: what a far approximate candidate, or a verbatim one with no side
 * intact, must bring (a lookalike elsewhere brings context ≈ 0.3 on an unrelated side).
 */
export const farSideSimilarity = 0.8;

/** A near approximate candidate with only one side intact needs its quote this alike (a typo, not a reworded clause). */
export const nearLoneSideQuote = 0.95;

/**
 * A bare quote's candidate (no position, no context: a quote-only selector) must be this alike: a letter or two in a
 * sentence, as quote-only selectors were placed before the batch existed (d29b478).
 */
export const bareQuoteSimilarity = 0.95;

/**
 * Quotes shorter than this recur by chance ("Russia", "the talks", "whether"): verbatim with one side intact is not
 * enough for them, they need both sides (899564f), and a bare one must be verbatim. Unless the quote is near and
 * occurs once in the text: no other copy for chance to have chosen (real revisions: misses d1/d5/d30 34/136/865 →
 * 28/129/842, wrong anchors unchanged); in a batch, once in the neighbours' window (misses d30 771 → 764, wrong
 * anchors unchanged).
 */
export const shortQuote = 12;

/**
 * A verbatim quote at least this long, whole paragraphs, that occurs once is accepted without context (a moved
 * paragraph keeps none): that much text repeated word for word is deliberate, not chance. Two affixes' worth; it
 * replaced "any unique quote of 64+ characters" in 899564f, which also took quotations inside other paragraphs.
 */
export const uniqueQuoteLength = 2 * limits.affixLength;

/**
 * In a batch, a verbatim quote at least this long inside the neighbours' window, the only copy of it in the text, is
 * taken whatever its context, unless a side of its stored context is still in the text (`onlyCopyInWindow`): one
 * affix's worth, a sentence rather than a stock phrase. Inside the window but far from the estimates too: misses
 * d5/d30 120/784 → 118/771, no wrong anchor. Near only (when chosen), real revisions: misses d1/d5/d30 28/126/823 → 27/121/785, wrong anchors unchanged; with 16, 4 more wrong
 * anchors ("to deploy a Scrapy", "with the encoding of": phrases said again nearby); with 24, the robustness corpus's
 * repeated phrases ("exercises in central and", its paragraph deleted) are taken (batch and single path 1 wrong
 * each). Without the test of the stored context, 3 more wrong anchors on real revisions (a sentence said twice, one
 * of them deleted).
 */
export const onlyCopyQuote = limits.affixLength;

/**
 * Between its intact context (a frame), the text must still be at least this alike to be the highlight: a little
 * more than half of it left. Candidates inside the frame kept in the running: corpus wrong 105 → 103, imprecise 0
 * (2177192). At 0.5, frames that were mostly text written next to the quote were placed whole (a type appended to
 * an entry, a heading's underline redrawn); 0.5 → 0.53, real revisions: wrong anchors d1/d5/d30 1/13/47 → 1/12/45,
 * placed-of-surviving d30 5406 → 5405, robustness unchanged. Higher trades more: 0.56 gives 1/12/42 for 1 fewer
 * placed at d5 and at d30 and 2 fewer on the robustness corpus; 0.6 gives 1/10/39 for 5 and 3 fewer.
 */
export const framedQuoteSimilarity = 0.53;

/**
 * A framed candidate less than `minimumQuoteSimilarity` alike is the highlight only if it still holds this share of
 * the quote's characters in their order (`keptInOrder`), or holds nothing but the quote's characters (words deleted
 * from it). Text written into the quote or next to it keeps them all, however long it is; a rewrite drops the ones it
 * replaced ("--deep -fs" as "-s … -f", "String" as "`Object`", "for url" as "for href"), and with less than this
 * share left the frame's text shown as the highlight covers words the user did not choose. The share at which the
 * corpora's ground truth calls a highlight's text intact. Real revisions: wrong anchors d1/d5/d30 1/10/39 → 0/8/36,
 * misses unchanged, 15 correct placements on damaged text (50–80 % left) become orphans; robustness: wrong 0,
 * misses unchanged, 1 damaged typo-fix highlight orphaned per path. Without the deletion case: 0/7/35, but 31 and
 * about 110 placements on damaged text lost (a deletion inside the quote).
 */
export const framedKeptShare = 0.8;

/**
 * A frame's text is placed on the part of it the quote aligns with when text was written next to the quote, inside
 * its context, and the quote's own first (last) this many characters are there word for word at that edge (`framed`).
 * Real revisions: wrong anchors d5/d30 12/41 → 10/39, placed-of-surviving d5 7619 → 7620 (d30 one gained, one
 * lost); robustness unchanged. 4 does the same, 16 misses one (d30 40). Moving an edge whenever the quote aligns
 * better: 9 wrong anchors fixed but 11 new (an inserted word's tail taken for the quote's start, "nableblinkfeatures`"
 * for "### `blinkfeatures`").
 */
export const quoteEdge = 8;

/**
 * At the start of a frame's text, the quote's first character may be one the edit wrote over (a list's "*" become
 * "-", where text was also written before the quote): the edge moves in on the quote's next `quoteEdge` characters,
 * found where the alignment starts or this many characters further in. Real revisions: wrong anchors d30 36 → 34,
 * misses unchanged, robustness unchanged; 2 the same; 4 makes 2 wrong anchors on the robustness corpus. Without
 * the test that the alignment starts inside the frame, a correct placement is lost ("* `image`" cut to "`image`").
 */
export const quoteEdgeSlack = 1;

/**
 * How much farther candidates are discounted when ranking them (per text length of distance): enough that a copy
 * across the article whose context happens to agree a little better does not beat the highlight's own text a few
 * paragraphs from where it was, too little to matter between candidates of clearly different evidence.
 */
export const distancePenalty = 0.2;

// ─── Near, the window ─────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Within this many characters (or `nearQuoteLengths` times the quote's length) of an expected position, a candidate
 * is near: a paragraph or two, where edits next to a highlight leave its text.
 */
export const nearDistance = 256;

/** A long quote is near within this many of its own lengths of an expected position (its edges may have moved). */
export const nearQuoteLengths = 2;

/**
 * A window between the neighbours at most this wide counts as near all over: inside it the neighbours pin the place
 * down better than any one estimate. Corpus batch misses 293 → 278, wrong still 0 (424a181).
 */
export const narrowWindow = 4 * nearDistance;

/**
 * Inside the neighbours' window but far from their estimates, a verbatim quote with one side of its context intact
 * is the highlight's when it is the only copy there and at least this long (a clause, not a word that recurs by
 * chance). Real revisions: misses d1/d5/d30 28/129/842 → 28/126/823, wrong anchors unchanged; with 12 (`shortQuote`)
 * one more wrong anchor ("see if it has", its line rewritten), with 24 six fewer found at d30. Also how long the
 * only copy of a quote in the text must be to be taken, with one side intact, in text that arrived outside the
 * window (misses d5/d30 118/764 → 117/755, no wrong anchor; with 12 the same wrong anchor).
 */
export const aloneInWindowQuote = 16;

/**
 * A candidate starting this little outside the neighbours' window still counts as inside: the window's edge is a
 * landmark's edge, and an edit there moves the highlight's start by a character or a word. With the window, arrival
 * and claims: corpus batch wrong 82 → 0 (058d7d2).
 */
export const windowSlack = 8;

// ─── In place and verbatim (stages 1 and 2) ───────────────────────────────────────────────────────────────────────

/**
 * Characters of context next to the quote that stage 1 needs to agree on one side (a word or two): an edit right
 * next to a highlight changes one side, and the quote still at its place with a word of the other side is no
 * coincidence.
 */
export const inPlaceAgreement = 8;

/**
 * Stage 2 looks for the quote verbatim in bands around the stored position, starting this wide on each side: text
 * that only shifted a little is found after a few hundred characters instead of listing every occurrence of a
 * common phrase in a long article.
 */
export const firstVerbatimBand = 256;

/** Each band of stage 2 is this many times as wide as the last, so a whole text takes a handful of bands. */
export const verbatimBandGrowth = 4;

// ─── Approximate candidates (stage 3c) ────────────────────────────────────────────────────────────────────────────

/** The fuzzy search allows at most this many errors whatever the quote length (as Hypothesis does). */
export const maxSearchErrors = 256;

/** Of a run of equally good match ends, at most this many are scored (the run is an edge character or two). */
export const maxTiedEnds = 4;

/** At most this many approximate occurrences are scored per highlight (best quote similarity first). */
export const maxFuzzyCandidates = 100;

/** At most this many approximate candidates per search get their boundaries aligned and are judged. */
export const maxRefined = 4;

/**
 * A coarse candidate scoring this far below `minimumFuzzyScore` is not refined: aligning its boundaries moves its
 * score by a few hundredths, never this much.
 */
export const refineScoreMargin = 0.1;

/** Aligning an edge looks this many characters (beyond the candidate's errors) past where the coarse match put it. */
export const alignSlack = 8;

/**
 * How many characters of the quote take part in aligning each of its edges: enough to see a word inserted near the
 * edge, and the table stays small (about (32 + 64) × (64 + 32 + 2·slack) cells) whatever the quote's length.
 */
export const edgeLength = 64;

// ─── The frame (stage 3b) ─────────────────────────────────────────────────────────────────────────────────────────

/**
 * Each side of context must have at least this many characters to frame a highlight's place anywhere; a shorter one
 * is the stored text's edge and frames only a place at the same edge of the text now (899564f).
 */
export const minimumFrameAffix = 16;

/** Both sides of context together must have at least this many characters to frame a place (a sentence's worth). */
export const minimumFrameContext = 40;

/** A frame holds at most this many times the quote's length (plus `minimumFrameAffix`): about twice the quote. */
export const frameQuoteLengths = 2;

// ─── The batch: arrived, claims ───────────────────────────────────────────────────────────────────────────────────

/**
 * How much of a paragraph's length the gap around it must have grown by (or the gap around the stored position
 * shrunk by) for it to have arrived (moved or copied there); less than all of it, because the paragraph may have
 * been edited too. With the window and claims: corpus batch wrong 82 → 0 (058d7d2).
 */
export const arrivedShare = 0.8;

/**
 * A candidate is on claimed text only when its shift differs from the claim's by more than its length differs from
 * the quote's plus this much: a character or two of an edit at the quote's edge.
 */
export const claimShiftSlack = 2;

// ─── The matcher's filters (speed only: the same matches as a full scan) ──────────────────────────────────────────

/**
 * Below this piece length the pigeonhole filter would hit everywhere; the trigram filter (or a plain scan) is
 * cheaper then (1261b36).
 */
export const minimumPieceLength = 12;

/**
 * Buckets of the trigram counting filter (a power of two); more buckets, fewer collisions, a looser filter never.
 * The filter made the whole-text search ~2–3× faster with the same matches (e084a67).
 */
export const trigramBuckets = 1 << 16;

/**
 * How far past an affix's own length its similarity looks, as a share of that length: text inserted inside the
 * affix (a word in 32 characters) still lets it be measured whole.
 */
export const affixReach = 1 / 4;
