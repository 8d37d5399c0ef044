/**
 * An edited document that remembers where every character came from: the offset map the ground truth is read
 * from. Each character of the current text carries
 * - `origin`: its offset in the original text, or -1 if an edit wrote it (inserted text, a substituted character,
 *   a reworded word: new text is never "the same" text, however similar it looks);
 * - `copy`: 0 for the original's own characters (moved or not), n > 0 for the n-th duplicate an edit made;
 * - `lookalike`: -1, or the id of the highlight (see truth.ts) whose reworded lookalike this character belongs to
 *   (edits.ts, delete-with-lookalike). Such a character was copied unchanged (`origin`, `copy` say from where), but
 *   is new text *for that highlight*: its quote and context came back reworded, nothing of its text is left. For
 *   any other highlight it is its origin's copy where it carries that highlight's text, and otherwise an insertion
 *   like new text (never foreign text that splits a highlight). Per-character provenance alone cannot say this:
 *   the same characters are one highlight's lookalike and another's verbatim copy.
 * Edits only splice: delete a span, insert new text or a piece cut/copied from the document itself. Moving keeps
 * origins (the text is the same text, elsewhere); duplicating keeps origins under a new copy number.
 */
export interface Doc {
  readonly text: string;
  readonly origin: Int32Array;
  readonly copy: Int32Array;
  readonly lookalike: Int32Array;
  /** How many duplicates edits have made so far (the next gets copies + 1). */
  readonly copies: number;
}

/** Text with its per-character provenance, ready to be inserted. */
export interface Piece {
  readonly text: string;
  readonly origin: Int32Array;
  readonly copy: Int32Array;
  readonly lookalike: Int32Array;
}

export function originalDoc(text: string): Doc {
  const origin = new Int32Array(text.length);
  for (let i = 0; i < origin.length; i++) origin[i] = i;
  return {
    text,
    origin,
    copy: new Int32Array(text.length),
    lookalike: new Int32Array(text.length).fill(-1),
    copies: 0,
  };
}

/** Characters nobody wrote before: an edit's new text. */
function newPiece(text: string): Piece {
  const origin = new Int32Array(text.length).fill(-1);
  return { text, origin, copy: new Int32Array(text.length), lookalike: new Int32Array(text.length).fill(-1) };
}

/** doc.text[start, end) with its provenance. */
export function pieceOf(doc: Piece, start: number, end: number): Piece {
  return {
    text: doc.text.slice(start, end),
    origin: doc.origin.slice(start, end),
    copy: doc.copy.slice(start, end),
    lookalike: doc.lookalike.slice(start, end),
  };
}

/** Concatenates pieces (strings are new text). */
export function joinPieces(...parts: Array<Piece | string>): Piece {
  const pieces = parts.map((p) => (typeof p === 'string' ? newPiece(p) : p));
  const length = pieces.reduce((n, p) => n + p.text.length, 0);
  const origin = new Int32Array(length);
  const copy = new Int32Array(length);
  const lookalike = new Int32Array(length);
  let at = 0;
  for (const p of pieces) {
    origin.set(p.origin, at);
    copy.set(p.copy, at);
    lookalike.set(p.lookalike, at);
    at += p.text.length;
  }
  return { text: pieces.map((p) => p.text).join(''), origin, copy, lookalike };
}

/** Replaces doc.text[start, end) with `insert` (a string is new text). */
export function splice(doc: Doc, start: number, end: number, insert: Piece | string = ''): Doc {
  if (start < 0 || end > doc.text.length || start > end)
    throw new RangeError(`splice [${start}, ${end}) of ${doc.text.length}`);
  const piece = typeof insert === 'string' ? newPiece(insert) : insert;
  const joined = joinPieces(pieceOf(doc, 0, start), piece, pieceOf(doc, end, doc.text.length));
  return { ...joined, copies: doc.copies };
}

/** Moves doc.text[start, end) so it begins at `to` (an offset of the current text outside the span). */
export function move(doc: Doc, start: number, end: number, to: number): Doc {
  if (to > start && to < end) throw new RangeError('cannot move a span into itself');
  const piece = pieceOf(doc, start, end);
  const without = splice(doc, start, end);
  return splice(without, to >= end ? to - (end - start) : to, to >= end ? to - (end - start) : to, piece);
}

/**
 * Inserts a duplicate of doc.text[start, end) at `to`, wrapped in `before`/`after` (new text, e.g. the "\n\n" that
 * makes it a paragraph). The duplicate's characters keep their origins under a new copy number.
 */
export function duplicate(doc: Doc, start: number, end: number, to: number, before = '', after = ''): Doc {
  const copyNumber = doc.copies + 1;
  const piece = pieceOf(doc, start, end);
  const copied: Piece = { ...piece, copy: new Int32Array(piece.text.length).fill(copyNumber) };
  return { ...splice(doc, to, to, joinPieces(before, copied, after)), copies: copyNumber };
}

/**
 * Where the original span [start, end) now is, for edits that aim at it: the smallest span holding all of its
 * surviving original (copy 0) characters, or undefined if none survive.
 */
export function locate(doc: Doc, start: number, end: number): { start: number; end: number } | undefined {
  let first = -1;
  let last = -1;
  for (let i = 0; i < doc.origin.length; i++) {
    const o = doc.origin[i]!;
    if (o >= start && o < end && doc.copy[i] === 0) {
      if (first === -1) first = i;
      last = i;
    }
  }
  return first === -1 ? undefined : { start: first, end: last + 1 };
}
