import { lookalikeChanges, newParagraph, newSentence } from './articles.ts';
import { type Doc, duplicate, joinPieces, locate, move, type Piece, pieceOf, splice } from './document.ts';
import { chance, int, pick, type Rng, shuffled, weighted } from './random.ts';
import { isSpace, paragraphIndexAt, paragraphSpans, sentenceSpans, type Span, wordSpans } from './text.ts';

/**
 * The edits a re-imported article goes through, each aimed at one highlight (its *target*) and applied to the
 * current document with provenance kept (document.ts). Every edit returns the new document and a note saying
 * exactly what it did (for failure reports), or undefined when it does not apply to this target.
 */
export const editKinds = [
  'insert-before',
  'insert-after',
  'insert-inside',
  'delete-before',
  'delete-after',
  'delete-inside',
  'delete-quote',
  'delete-with-lookalike',
  'typo-fix',
  'duplicate-paragraph',
  'reorder-paragraphs',
  'merge-paragraphs',
  'whitespace',
  'typography',
  'mixed',
] as const;

export type EditKind = (typeof editKinds)[number];

export interface EditContext {
  /** Choices (where, which variant). */
  rng: Rng;
  /** New text (inserted sentences, lookalikes), from its own stream. */
  words: Rng;
  /** protectedMask[o] = 1: original character o is near another target; edits "far away" keep off it. */
  protectedMask: Uint8Array;
}

interface Edited {
  doc: Doc;
  note: string;
}

/**
 * The highlight an edit aims at: its span in the original text, and its id for the ground truth (truth.ts; a
 * lookalike is new text for the highlight it was built from, see delete-with-lookalike).
 */
interface Target extends Span {
  id: number;
}

type Edit = (doc: Doc, target: Target, ctx: EditContext) => Edited | undefined;

/** The current layout around a target: its span now, its paragraphs and the sentences of those. */
interface Around {
  at: Span;
  paragraphs: Span[];
  first: number;
  last: number;
}

function around(doc: Doc, target: Span): Around | undefined {
  const at = locate(doc, target.start, target.end);
  if (!at) return undefined;
  const paragraphs = paragraphSpans(doc.text);
  return {
    at,
    paragraphs,
    first: paragraphIndexAt(paragraphs, at.start),
    last: paragraphIndexAt(paragraphs, at.end - 1),
  };
}

/** The sentence holding offset `at` in its paragraph (or the nearest one after it, then before it). */
function sentenceAt(text: string, paragraph: Span, at: number): { sentences: Span[]; index: number } {
  const sentences = sentenceSpans(text, paragraph);
  let index = sentences.findIndex((s) => at < s.end);
  if (index === -1) index = sentences.length - 1;
  return { sentences, index };
}

/**
 * Whether every character of text[span] is free of other targets' neighbourhoods. A lookalike's characters are
 * none of a target's text (new text for the target they were built from), so they do not count.
 */
function isFree(doc: Doc, span: Span, ctx: EditContext): boolean {
  for (let i = span.start; i < span.end; i++) {
    const o = doc.origin[i]!;
    if (o >= 0 && doc.lookalike[i] === -1 && ctx.protectedMask[o] === 1) return false;
  }
  return true;
}

/** Paragraph indices at least `gap` paragraphs from [first, last], free of other targets. */
function farParagraphs(doc: Doc, a: Around, ctx: EditContext, gap = 2): number[] {
  return a.paragraphs
    .map((_, i) => i)
    .filter((i) => (i < a.first - gap || i > a.last + gap) && isFree(doc, a.paragraphs[i]!, ctx));
}

/** Paragraph boundaries (insert before paragraph i; i = count means at the end) far from the target and others. */
function farBoundaries(doc: Doc, a: Around, ctx: EditContext): number[] {
  const n = a.paragraphs.length;
  const out: number[] = [];
  for (let i = 0; i <= n; i++) {
    if (i >= a.first - 1 && i <= a.last + 2) continue;
    const before = i > 0 ? a.paragraphs[i - 1]! : undefined;
    const after = i < n ? a.paragraphs[i]! : undefined;
    if ((!before || isFree(doc, before, ctx)) && (!after || isFree(doc, after, ctx))) out.push(i);
  }
  return out;
}

/** Inserts a paragraph's text (a string is new text) at boundary i ("\n\n" separators are new text). */
function insertParagraph(doc: Doc, paragraphs: Span[], i: number, text: Piece | string): Doc {
  if (i < paragraphs.length) return splice(doc, paragraphs[i]!.start, paragraphs[i]!.start, joinPieces(text, '\n\n'));
  return splice(doc, doc.text.length, doc.text.length, joinPieces('\n\n', text));
}

/** Deletes paragraphs [first, last] with one separator. */
function deleteParagraphs(doc: Doc, paragraphs: Span[], first: number, last: number): Doc {
  if (last + 1 < paragraphs.length) return splice(doc, paragraphs[first]!.start, paragraphs[last + 1]!.start);
  if (first > 0) return splice(doc, paragraphs[first - 1]!.end, paragraphs[last]!.end);
  return splice(doc, 0, doc.text.length);
}

/** Deletes sentences[i..j] of a paragraph with the whitespace on one side (the paragraph stays non-empty). */
function deleteSentences(doc: Doc, sentences: Span[], i: number, j: number): Doc {
  if (j + 1 < sentences.length) return splice(doc, sentences[i]!.start, sentences[j + 1]!.start);
  if (i > 0) return splice(doc, sentences[i - 1]!.end, sentences[j]!.end);
  return splice(doc, sentences[i]!.start, sentences[j]!.end);
}

const insertBefore: Edit = (doc, target, ctx) => {
  const a = around(doc, target);
  if (!a) return undefined;
  const variant = weighted(ctx.rng, [
    [4, 'sentence'],
    [3, 'paragraph'],
    [3, 'far'],
  ] as const);
  if (variant === 'sentence') {
    const { sentences, index } = sentenceAt(doc.text, a.paragraphs[a.first]!, a.at.start);
    const sentence = sentences[index]!;
    const added = newSentence(ctx.words);
    return {
      doc: splice(doc, sentence.start, sentence.start, `${added} `),
      note: `inserted sentence "${added}" before the target's sentence`,
    };
  }
  if (variant === 'paragraph') {
    const added = newParagraph(ctx.words);
    return {
      doc: insertParagraph(doc, a.paragraphs, a.first, added),
      note: `inserted a paragraph before the target's`,
    };
  }
  const far = farBoundaries(doc, a, ctx).filter((i) => i < a.first);
  const i = far.length > 0 ? pick(ctx.rng, far) : 0;
  return {
    doc: insertParagraph(doc, a.paragraphs, i, newParagraph(ctx.words)),
    note: `inserted a paragraph at boundary ${i}, far before`,
  };
};

const insertAfter: Edit = (doc, target, ctx) => {
  const a = around(doc, target);
  if (!a) return undefined;
  const variant = weighted(ctx.rng, [
    [4, 'sentence'],
    [3, 'paragraph'],
    [3, 'far'],
  ] as const);
  if (variant === 'sentence') {
    const { sentences, index } = sentenceAt(doc.text, a.paragraphs[a.last]!, a.at.end - 1);
    const sentence = sentences[index]!;
    const at = Math.max(sentence.end, a.at.end);
    const added = newSentence(ctx.words);
    return { doc: splice(doc, at, at, ` ${added}`), note: `inserted sentence "${added}" after the target's sentence` };
  }
  if (variant === 'paragraph') {
    return {
      doc: insertParagraph(doc, a.paragraphs, a.last + 1, newParagraph(ctx.words)),
      note: 'inserted a paragraph after the target',
    };
  }
  const far = farBoundaries(doc, a, ctx).filter((i) => i > a.last + 1);
  const i = far.length > 0 ? pick(ctx.rng, far) : a.paragraphs.length;
  return {
    doc: insertParagraph(doc, a.paragraphs, i, newParagraph(ctx.words)),
    note: `inserted a paragraph at boundary ${i}, far after`,
  };
};

const insertPhrases = [
  'very',
  'reportedly',
  'in fact',
  'now',
  'also',
  'largely',
  'once again',
  'so-called',
  'still',
  'quietly',
];

const insertInside: Edit = (doc, target, ctx) => {
  const a = around(doc, target);
  if (!a) return undefined;
  const inner = wordSpans(doc.text, a.at.start, a.at.end).filter((w) => w.start > a.at.start);
  if (inner.length === 0) return undefined;
  const sentenceStarts = a.paragraphs
    .slice(a.first, a.last + 1)
    .flatMap((p) => sentenceSpans(doc.text, p))
    .map((s) => s.start)
    .filter((s) => s > a.at.start && s < a.at.end);
  if (sentenceStarts.length > 0 && chance(ctx.rng, 0.5)) {
    const at = pick(ctx.rng, sentenceStarts);
    const added = newSentence(ctx.words);
    return { doc: splice(doc, at, at, `${added} `), note: `inserted sentence "${added}" inside the target` };
  }
  const at = pick(ctx.rng, inner).start;
  const phrase = pick(ctx.words, insertPhrases);
  return { doc: splice(doc, at, at, `${phrase} `), note: `inserted "${phrase} " inside the target at ${at}` };
};

const deleteBefore: Edit = (doc, target, ctx) => {
  const a = around(doc, target);
  if (!a) return undefined;
  const variant = weighted(ctx.rng, [
    [4, 'sentence'],
    [3, 'words'],
    [2, 'far'],
  ] as const);
  const { sentences, index } = sentenceAt(doc.text, a.paragraphs[a.first]!, a.at.start);
  if (variant === 'words') {
    const words = wordSpans(doc.text, sentences[index]!.start, a.at.start).filter((w) => w.end < a.at.start);
    if (words.length > 0) {
      const k = int(ctx.rng, 1, Math.min(3, words.length));
      const from = words[words.length - k]!.start;
      const to = words[words.length - 1]!.end + (isSpace(doc.text[words[words.length - 1]!.end]) ? 1 : 0);
      return {
        doc: splice(doc, from, Math.min(to, a.at.start)),
        note: `deleted "${doc.text.slice(from, to)}" just before the target`,
      };
    }
  }
  if (variant !== 'far') {
    if (index > 0)
      return {
        doc: deleteSentences(doc, sentences, index - 1, index - 1),
        note: 'deleted the sentence before the target',
      };
    if (a.first > 0)
      return {
        doc: deleteParagraphs(doc, a.paragraphs, a.first - 1, a.first - 1),
        note: 'deleted the paragraph before the target',
      };
  }
  return deleteFar(doc, a, ctx, 'before');
};

const deleteAfter: Edit = (doc, target, ctx) => {
  const a = around(doc, target);
  if (!a) return undefined;
  const variant = weighted(ctx.rng, [
    [4, 'sentence'],
    [3, 'words'],
    [2, 'far'],
  ] as const);
  const { sentences, index } = sentenceAt(doc.text, a.paragraphs[a.last]!, a.at.end - 1);
  if (variant === 'words') {
    const words = wordSpans(doc.text, a.at.end, sentences[index]!.end).filter((w) => w.start > a.at.end);
    if (words.length > 0) {
      const k = int(ctx.rng, 1, Math.min(3, words.length));
      const from = words[0]!.start - (isSpace(doc.text[words[0]!.start - 1]) ? 1 : 0);
      const to = words[k - 1]!.end;
      return {
        doc: splice(doc, Math.max(from, a.at.end), to),
        note: `deleted "${doc.text.slice(from, to)}" just after the target`,
      };
    }
  }
  if (variant !== 'far') {
    if (index + 1 < sentences.length)
      return {
        doc: deleteSentences(doc, sentences, index + 1, index + 1),
        note: 'deleted the sentence after the target',
      };
    if (a.last + 1 < a.paragraphs.length)
      return {
        doc: deleteParagraphs(doc, a.paragraphs, a.last + 1, a.last + 1),
        note: 'deleted the paragraph after the target',
      };
  }
  return deleteFar(doc, a, ctx, 'after');
};

/** Deletes a whole paragraph or one of its sentences, far from the target on one side of it. */
function deleteFar(doc: Doc, a: Around, ctx: EditContext, side: 'before' | 'after'): Edited | undefined {
  const far = farParagraphs(doc, a, ctx).filter((i) => (side === 'before' ? i < a.first : i > a.last));
  if (far.length === 0) return undefined;
  const i = pick(ctx.rng, far);
  if (chance(ctx.rng, 0.5))
    return { doc: deleteParagraphs(doc, a.paragraphs, i, i), note: `deleted paragraph ${i}, far ${side}` };
  const farSentences = sentenceSpans(doc.text, a.paragraphs[i]!);
  const s = int(ctx.rng, 0, farSentences.length - 1);
  return { doc: deleteSentences(doc, farSentences, s, s), note: `deleted a sentence of paragraph ${i}, far ${side}` };
}

const deleteInside: Edit = (doc, target, ctx) => {
  const a = around(doc, target);
  if (!a) return undefined;
  const inner = a.paragraphs
    .slice(a.first, a.last + 1)
    .flatMap((p) => sentenceSpans(doc.text, p))
    .filter((s) => s.start > a.at.start && s.end < a.at.end);
  if (inner.length > 0 && chance(ctx.rng, 0.4)) {
    const s = pick(ctx.rng, inner);
    const to = Math.min(a.at.end, s.end + (isSpace(doc.text[s.end]) ? 1 : 0));
    return {
      doc: splice(doc, s.start, to),
      note: `deleted the sentence "${doc.text.slice(s.start, to)}" inside the target`,
    };
  }
  const words = wordSpans(doc.text, a.at.start, a.at.end);
  if (words.length < 3) return undefined;
  const k = int(ctx.rng, 1, Math.min(2, words.length - 2));
  const i = int(ctx.rng, 1, words.length - 1 - k);
  const from = words[i]!.start;
  const to = words[i + k]!.start;
  return { doc: splice(doc, from, to), note: `deleted "${doc.text.slice(from, to)}" inside the target` };
};

/**
 * Deletes the target's sentences (or paragraphs); returns the deleted text with its provenance (`removed`, from the
 * document before the deletion) and the target's place inside it.
 */
function deleteQuoteText(
  doc: Doc,
  target: Span,
  ctx: EditContext,
  paragraphChance = 0.25,
): (Edited & { removed: Piece; quoteIn: Span; wholeParagraphs: boolean }) | undefined {
  const a = around(doc, target);
  if (!a) return undefined;
  const firstSentences = sentenceSpans(doc.text, a.paragraphs[a.first]!);
  const lastSentences = a.first === a.last ? firstSentences : sentenceSpans(doc.text, a.paragraphs[a.last]!);
  const i = Math.max(
    0,
    firstSentences.findIndex((s) => a.at.start < s.end),
  );
  let j = lastSentences.findIndex((s) => a.at.end <= s.end);
  if (j === -1) j = lastSentences.length - 1;
  const wholeParagraphs =
    a.first !== a.last || (i === 0 && j === firstSentences.length - 1) || chance(ctx.rng, paragraphChance);
  if (wholeParagraphs) {
    const from = a.paragraphs[a.first]!.start;
    const to = a.paragraphs[a.last]!.end;
    return {
      doc: deleteParagraphs(doc, a.paragraphs, a.first, a.last),
      note: `deleted the target's paragraph(s) ${a.first}..${a.last}`,
      removed: pieceOf(doc, from, to),
      quoteIn: { start: a.at.start - from, end: a.at.end - from },
      wholeParagraphs,
    };
  }
  const from = firstSentences[i]!.start;
  const to = firstSentences[j]!.end;
  const removed = pieceOf(doc, from, to);
  return {
    doc: deleteSentences(doc, firstSentences, i, j),
    note: `deleted the target's sentence(s) "${removed.text}"`,
    removed,
    quoteIn: { start: a.at.start - from, end: a.at.end - from },
    wholeParagraphs,
  };
}

const deleteQuote: Edit = (doc, target, ctx) => deleteQuoteText(doc, target, ctx);

/** How far either side of the quote the lookalike rewords: the stored context's length (affixLength). */
const lookalikeContext = 32;

/**
 * The hard one: the target's sentence is deleted and a lookalike of it is inserted into an unrelated paragraph far
 * away: the same sentence with one or two words changed inside the quote and, where the quote's 32 characters of
 * context fall inside the sentence, one word changed in each such side too. Nothing of the user's text is left, so
 * only orphan is right: the lookalike is other text in other surroundings that happens to read almost the same.
 * (Had only quote words changed, with the context word for word the same, it would be observably the same as "the
 * sentence moved and the highlighted words were reworded", where following the text is defensible; so we do not
 * build that case. Lookalikes that were in the article all along are covered by delete-quote.)
 *
 * Provenance (document.ts `lookalike`, judged per highlight in truth.ts). The lookalike is a lookalike *for the
 * target*: its quote plus 32 characters of context either side (the *region*) are new text for the target, so the
 * target is destroyed (nothing of it survives) and orphan stays its only right answer. Every reworded word is new
 * text for every highlight. For every other highlight (a bystander, including one nested in or overlapping the
 * target's quote), the words the rewording left unchanged are the same words in the same order: where its own
 * characters and context came through unchanged, the lookalike is, observably, its text moved (the rule above,
 * applied to it). So those characters keep their origins under a new copy number, as duplicate-paragraph's copies
 * do (both copies are the highlighted text): landing there is correct, and orphaning a bystander that is intact
 * there is a miss. Changed words inside a bystander cost it characters, as any edit inside a quote does.
 * - Whole paragraphs deleted: the lookalike is the whole removed paragraph. Its region is marked as the target's
 *   lookalike; the rest of it is a plain duplicate's copy (a paragraph move, for everyone).
 * - Only the target's sentences deleted: the lookalike is spliced into an unrelated *host* paragraph, and every
 *   character of it is marked as the target's lookalike. For a host highlight that the lookalike lands inside, it is
 *   an inserted sentence, new text inside its quote, as insert-inside's sentences are. A plain copy there would be
 *   "foreign original text" to the truth and split the host highlight in two, judged against the larger piece
 *   alone: an anchor on all of its words (every one still in place, the inserted sentence between them) counted
 *   as wrong, imprecise (7 batch wrongs when tried, all such host highlights). The mark keeps a copy's provenance
 *   only for the highlights whose text it carries, and leaves it an insertion for all others.
 * Lookalike characters are none of a target's text, so later edits aimed "far away" may touch them (isFree); the
 * whole-paragraph lookalike's plain copy carries the target paragraph's origins, so they keep off that paragraph.
 */
const deleteWithLookalike: Edit = (doc, target, ctx) => {
  const deleted = deleteQuoteText(doc, target, ctx, 0);
  if (!deleted) return undefined;
  const copyNumber = deleted.doc.copies + 1;
  const twin = lookalikeTwin(deleted.removed, deleted.quoteIn, ctx, copyNumber, target.id, deleted.wholeParagraphs);
  if (twin.text === deleted.removed.text) return undefined;
  const paragraphs = paragraphSpans(deleted.doc.text);
  // The target is gone: aim "far" from where its paragraph was, using a neighbour that survived as the reference.
  const reference = neighbourIndex(deleted.doc, target);
  const far = farBoundaries(
    deleted.doc,
    { at: { start: 0, end: 0 }, paragraphs, first: reference, last: reference },
    ctx,
  );
  if (far.length === 0) return undefined;
  const i = pick(ctx.rng, far);
  if (deleted.wholeParagraphs) {
    const inserted = insertParagraph(deleted.doc, paragraphs, i, twin);
    return {
      doc: { ...inserted, copies: copyNumber },
      note: `${deleted.note}; inserted the lookalike paragraph "${twin.text}" at boundary ${i}`,
    };
  }
  const host = paragraphs[Math.min(i, paragraphs.length - 1)]!;
  const s = pick(ctx.rng, sentenceSpans(deleted.doc.text, host));
  const inserted = splice(deleted.doc, s.start, s.start, joinPieces(twin, ' '));
  return {
    doc: { ...inserted, copies: copyNumber },
    note: `${deleted.note}; inserted the lookalike "${twin.text}" at ${s.start}`,
  };
};

/**
 * The lookalike of the removed text, with provenance (see deleteWithLookalike): every character keeps its origin
 * under copy number `copyNumber`; those of the quote (`quoteIn`) and `lookalikeContext` characters either side, or
 * all of them when `wholeParagraphs` is false, are marked as target `id`'s lookalike; every word `lookalike`
 * changes is new text. The words change as `lookalike` would change them, in the same order from the same stream:
 * the right side first, then the quote, then the left side (each change shifts only what follows it).
 */
function lookalikeTwin(
  removed: Piece,
  quoteIn: Span,
  ctx: EditContext,
  copyNumber: number,
  id: number,
  wholeParagraphs: boolean,
): Piece {
  const length = removed.text.length;
  const region = wholeParagraphs
    ? { start: Math.max(0, quoteIn.start - lookalikeContext), end: Math.min(length, quoteIn.end + lookalikeContext) }
    : { start: 0, end: length };
  for (let i = 0; i < length; i++) {
    // The removed text is the target's own paragraph: no other target's lookalike lands there (farBoundaries).
    if (removed.lookalike[i] !== -1)
      throw new Error(`the text removed for target ${id} holds a lookalike of ${removed.lookalike[i]}`);
  }
  const lookalike = new Int32Array(length).fill(-1).fill(id, region.start, region.end);
  let twin: Piece = {
    text: removed.text,
    origin: removed.origin,
    copy: new Int32Array(length).fill(copyNumber),
    lookalike,
  };
  const reword = (count: number, from: number, to: number): void => {
    for (const c of lookalikeChanges(twin.text, ctx.words, count, from, to))
      twin = splice({ ...twin, copies: 0 }, c.start, c.end, c.replacement);
  };
  if (quoteIn.end < length) reword(1, quoteIn.end, quoteIn.end + lookalikeContext);
  reword(int(ctx.rng, 1, 2), quoteIn.start, quoteIn.end);
  if (quoteIn.start > 0) reword(1, Math.max(0, quoteIn.start - lookalikeContext), quoteIn.start);
  return twin;
}

/** Index of the current paragraph holding the original character nearest before `target` (0 if none). */
function neighbourIndex(doc: Doc, target: Span): number {
  let best = -1;
  let bestOrigin = -1;
  for (let i = 0; i < doc.origin.length; i++) {
    const o = doc.origin[i]!;
    if (o >= 0 && o < target.start && o > bestOrigin && doc.copy[i] === 0) {
      bestOrigin = o;
      best = i;
    }
  }
  return best === -1 ? 0 : paragraphIndexAt(paragraphSpans(doc.text), best);
}

const letters = 'abcdefghijklmnopqrstuvwxyz';

/** One or two typos fixed inside the quote: a letter substituted, inserted, dropped, or two letters swapped. */
const typoFix: Edit = (doc, target, ctx) => {
  const a = around(doc, target);
  if (!a) return undefined;
  let current = doc;
  const notes: string[] = [];
  const count = chance(ctx.rng, 0.6) ? 1 : 2;
  for (let n = 0; n < count; n++) {
    const at = locate(current, target.start, target.end)!;
    const positions: number[] = [];
    for (let i = at.start; i < at.end; i++) if (/\p{Ll}/u.test(current.text[i]!)) positions.push(i);
    if (positions.length === 0) break;
    const i = pick(ctx.rng, positions);
    const ch = current.text[i]!;
    const op = pick(ctx.rng, ['substitute', 'insert', 'delete', 'swap'] as const);
    if (op === 'substitute') {
      let other = pick(ctx.words, [...letters]);
      if (other === ch) other = ch === 'e' ? 'a' : 'e';
      current = splice(current, i, i + 1, other);
      notes.push(`"${ch}"→"${other}" at ${i}`);
    } else if (op === 'insert') {
      current = splice(current, i, i, ch);
      notes.push(`doubled "${ch}" at ${i}`);
    } else if (op === 'delete') {
      current = splice(current, i, i + 1);
      notes.push(`dropped "${ch}" at ${i}`);
    } else {
      const next = current.text[i + 1];
      if (next === undefined || next === ch || !/\p{L}/u.test(next) || i + 1 >= at.end) {
        current = splice(current, i, i + 1);
        notes.push(`dropped "${ch}" at ${i}`);
      } else {
        current = splice(current, i, i + 2, `${next}${ch}`);
        notes.push(`swapped "${ch}${next}" at ${i}`);
      }
    }
  }
  return notes.length > 0 ? { doc: current, note: `typo fix: ${notes.join(', ')}` } : undefined;
};

const duplicateParagraph: Edit = (doc, target, ctx) => {
  const a = around(doc, target);
  if (!a) return undefined;
  const from = a.paragraphs[a.first]!.start;
  const to = a.paragraphs[a.last]!.end;
  const variant = weighted(ctx.rng, [
    [2, 'after'],
    [1, 'before'],
    [1, 'far'],
  ] as const);
  if (variant === 'after')
    return { doc: duplicate(doc, from, to, to, '\n\n'), note: 'duplicated the target paragraph right after itself' };
  if (variant === 'before')
    return {
      doc: duplicate(doc, from, to, from, '', '\n\n'),
      note: 'duplicated the target paragraph right before itself',
    };
  const far = farBoundaries(doc, a, ctx);
  if (far.length === 0) return undefined;
  const i = pick(ctx.rng, far);
  const copied =
    i < a.paragraphs.length
      ? duplicate(doc, from, to, a.paragraphs[i]!.start, '', '\n\n')
      : duplicate(doc, from, to, doc.text.length, '\n\n');
  return { doc: copied, note: `duplicated the target paragraph at boundary ${i}` };
};

/** Moves paragraph i (with one separator) to boundary j (indices before the move). */
function moveParagraph(doc: Doc, paragraphs: Span[], i: number, j: number): Doc {
  const p = paragraphs[i]!;
  const withSeparator =
    i + 1 < paragraphs.length
      ? { start: p.start, end: paragraphs[i + 1]!.start }
      : { start: paragraphs[i - 1]!.end, end: p.end };
  if (j < paragraphs.length) {
    const to = paragraphs[j]!.start;
    if (i + 1 < paragraphs.length) return move(doc, withSeparator.start, withSeparator.end, to);
    // The last paragraph carries its separator in front; put the text first and the separator after it.
    const piece = joinPieces(pieceOf(doc, p.start, p.end), '\n\n');
    return splice(splice(doc, withSeparator.start, withSeparator.end), to, to, piece);
  }
  const piece = joinPieces('\n\n', pieceOf(doc, p.start, p.end));
  const without = splice(doc, withSeparator.start, withSeparator.end);
  return splice(without, without.text.length, without.text.length, piece);
}

const reorderParagraphs: Edit = (doc, target, ctx) => {
  const a = around(doc, target);
  if (!a || a.paragraphs.length < 4) return undefined;
  if (a.first === a.last && chance(ctx.rng, 0.5)) {
    const far = farBoundaries(doc, a, ctx);
    if (far.length > 0) {
      const j = pick(ctx.rng, far);
      return {
        doc: moveParagraph(doc, a.paragraphs, a.first, j),
        note: `moved the target paragraph ${a.first} to boundary ${j}`,
      };
    }
  }
  const far = farParagraphs(doc, a, ctx);
  if (far.length === 0) return undefined;
  const i = pick(ctx.rng, far);
  const j = chance(ctx.rng, 0.5) ? a.first : a.last + 1;
  return {
    doc: moveParagraph(doc, a.paragraphs, i, j),
    note: `moved paragraph ${i} next to the target (boundary ${j})`,
  };
};

const mergeParagraphs: Edit = (doc, target, ctx) => {
  const a = around(doc, target);
  if (!a || a.paragraphs.length < 2) return undefined;
  const withNext = a.last + 1 < a.paragraphs.length && (a.first === 0 || chance(ctx.rng, 0.6));
  const k = withNext ? a.last : a.first - 1;
  const joiner = weighted(ctx.rng, [
    [3, ' '],
    [1, ''],
    [1, '\n'],
  ] as const);
  const sep = { start: a.paragraphs[k]!.end, end: a.paragraphs[k + 1]!.start };
  return {
    doc: splice(doc, sep.start, sep.end, joiner),
    note: `merged paragraphs ${k} and ${k + 1} with ${JSON.stringify(joiner)}`,
  };
};

/** Double spaces, a space turned into a line break or a no-break space, a trailing space; or typewriter spacing. */
const whitespace: Edit = (doc, target, ctx) => {
  const a = around(doc, target);
  if (!a) return undefined;
  if (chance(ctx.rng, 0.25)) {
    const text = doc.text;
    let current = doc;
    for (let i = text.length - 2; i > 0; i--) {
      if (text[i] === ' ' && /[.!?”]/.test(text[i - 1]!) && /[\p{Lu}“]/u.test(text[i + 1]!))
        current = splice(current, i, i, ' ');
    }
    return { doc: current, note: 'two spaces after every sentence, document-wide' };
  }
  const zone = { start: Math.max(0, a.at.start - 32), end: Math.min(doc.text.length, a.at.end + 32) };
  let current = doc;
  const notes: string[] = [];
  const count = int(ctx.rng, 1, 3);
  for (let n = 0; n < count; n++) {
    const at = locate(current, target.start, target.end)!;
    const lo = Math.max(0, at.start - (a.at.start - zone.start));
    const hi = Math.min(current.text.length, at.end + (zone.end - a.at.end));
    const singles: number[] = [];
    for (let i = lo; i < hi; i++) if (current.text[i] === ' ') singles.push(i);
    if (singles.length === 0) break;
    const i = pick(ctx.rng, singles);
    const op = weighted(ctx.rng, [
      [4, '  '],
      [3, '\n'],
      [2, '\u00a0'],
      [1, ' \n'],
    ] as const);
    current = splice(current, i, i + 1, op);
    notes.push(`space at ${i} → ${JSON.stringify(op)}`);
  }
  return notes.length > 0 ? { doc: current, note: `whitespace: ${notes.join(', ')}` } : undefined;
};

const straight: Record<string, string> = { '’': "'", '‘': "'", '“': '"', '”': '"', '…': '...', '–': '-' };

/** Curly quote marks straightened and straight ones curled, around the target or document-wide. */
const typography: Edit = (doc, target, ctx) => {
  const a = around(doc, target);
  if (!a) return undefined;
  const global = chance(ctx.rng, 0.3);
  const zone = global
    ? { start: 0, end: doc.text.length }
    : { start: Math.max(0, a.at.start - 40), end: Math.min(doc.text.length, a.at.end + 40) };
  let current = doc;
  let changed = 0;
  for (let i = zone.end - 1; i >= zone.start; i--) {
    const ch = doc.text[i]!;
    let replacement = straight[ch];
    if (ch === "'") replacement = '’';
    if (ch === '"') replacement = i === 0 || isSpace(doc.text[i - 1]) ? '“' : '”';
    if (replacement === undefined) continue;
    current = splice(current, i, i + 1, replacement);
    changed++;
  }
  if (changed === 0) return undefined;
  return {
    doc: current,
    note: `typography: ${changed} marks swapped ${global ? 'document-wide' : 'around the target'}`,
  };
};

const single: Record<Exclude<EditKind, 'mixed'>, Edit> = {
  'insert-before': insertBefore,
  'insert-after': insertAfter,
  'insert-inside': insertInside,
  'delete-before': deleteBefore,
  'delete-after': deleteAfter,
  'delete-inside': deleteInside,
  'delete-quote': deleteQuote,
  'delete-with-lookalike': deleteWithLookalike,
  'typo-fix': typoFix,
  'duplicate-paragraph': duplicateParagraph,
  'reorder-paragraphs': reorderParagraphs,
  'merge-paragraphs': mergeParagraphs,
  whitespace,
  typography,
};

/** Two or three different edits on the same target, in random order (deletions of the quote last). */
const mixed: Edit = (doc, target, ctx) => {
  const kinds = shuffled(ctx.rng, Object.keys(single) as Array<keyof typeof single>).slice(0, int(ctx.rng, 2, 3));
  kinds.sort(
    (x, y) =>
      Number(x.startsWith('delete-quote') || x === 'delete-with-lookalike') -
      Number(y.startsWith('delete-quote') || y === 'delete-with-lookalike'),
  );
  let current = doc;
  const notes: string[] = [];
  for (const kind of kinds) {
    const edited = single[kind](current, target, ctx);
    if (!edited) continue;
    current = edited.doc;
    notes.push(`${kind}: ${edited.note}`);
  }
  return notes.length > 0 ? { doc: current, note: notes.join(' | ') } : undefined;
};

export const edits: Record<EditKind, Edit> = { ...single, mixed };

/** Whether a highlight can be the target of an edit kind in the original text. */
export function eligible(kind: EditKind, text: string, target: Span): boolean {
  const quote = text.slice(target.start, target.end);
  const words = quote.trim().split(/\s+/).length;
  switch (kind) {
    case 'insert-inside':
      return words >= 2;
    case 'delete-inside':
      return words >= 3;
    case 'typo-fix':
      return /\p{Ll}/u.test(quote) && quote.length >= 4;
    case 'delete-with-lookalike':
      return !quote.includes('\n\n');
    case 'typography': {
      const zone = text.slice(Math.max(0, target.start - 40), target.end + 40);
      return /[’‘“”'"…–]/.test(zone);
    }
    default:
      return true;
  }
}
