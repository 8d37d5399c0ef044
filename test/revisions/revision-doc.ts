import type { Doc } from '../corpus/document.ts';
import { characterDiff, deleted, inserted } from './character-diff.ts';
import { type CommonRun, maximalCommonRuns, type Piece } from './common-runs.ts';

/**
 * The ground truth of a real revision: for each character of the target, the base offset it came from, or -1 for
 * text the revision wrote. The result is the robustness corpus's offset map (test/corpus/document.ts `Doc`), so its
 * scorer (test/corpus/truth.ts) judges real revisions as it judges generated edits. Named passes, in order:
 *
 * 1. **diff**: the character diff (character-diff.ts) says which text is equal, in order. Equal text it reports in
 *    pieces that continue each other is one run: diffed by lines, then by characters inside a changed block, a line
 *    edited at its end comes out as a line block and a character block, equal and adjacent. As pieces, each weighed
 *    alone in pass 2, a line repeated in every section (Scrapy's exporters: ":param file: the file-like object to use
 *    for exporting the data." in each, each with a sentence appended) lost to another section's copy sharing a few
 *    more characters with it (figures: wrong anchors 98 → 91, none new; d1 destroyed-orphaned 95.8 → 97.2 %).
 * 2. **verbatim**: a diff only says what was deleted and what was inserted, so a paragraph that moved is a deletion
 *    at its old place and an insertion at its new one; and in a heavily rewritten passage it aligns whatever
 *    characters keep the order (a word of a rewritten sentence with the same word in another one). Every maximal
 *    run of at least `minimumShared` characters the base and the target share verbatim is evidence too. All the
 *    evidence is taken longest first, each base and each target character once: the diff's equal runs (any length,
 *    first on a tie), and the shared runs (only where at least `minimumShared` of their characters are still free).
 *    A shared run the diff did not align is text that **moved**; the rest stays **equal**.
 *    A shared run that would swap two copies the diff aligned in place, for a few characters more, is no evidence
 *    (`swapsDiffRuns`).
 * 3. **copied**: target text still unexplained that repeats at least `minimumShared` characters of the base verbatim
 *    is a copy of them (copy > 0, as document.ts numbers a duplicate). Real revisions copy text: Electron's dialog
 *    page split each method into a sync and an async one with the same paragraphs, and nothing on the page says
 *    which is "the" original; the scorer accepts either, as it accepts a generated duplicate.
 * 4. **grown**: each run grows over unexplained target characters beside it that match the base characters beside
 *    its source. Where a section "### Event: 'x'" moved and a new "### Event: 'y'" took its place, the runs stop at
 *    "x'…": "### Event: '" is taken by the new heading in place. Grown, the moved section has its heading again
 *    (over base characters already placed, a copy). A run of whitespace for another (a paragraph rewrapped, a list
 *    re-indented) does not stop it when the words beyond both match: the words are the base's, the new whitespace
 *    new text; nor does the rest of a run of whitespace both had, longer on one side ("\n  * " as "\n    * ").
 *    Between a rewrapped paragraph's new line breaks, or a re-indented list's items, the shared runs are often under
 *    `minimumShared`, so its words were lost (Scrapy's "are assigned to the Loader\n    context" as "are\n
 *    assigned to the Loader context", destroyed) or given to another sentence sharing a few of them (figures: d30
 *    wrong anchors 53 → 47; with the rest of a run of whitespace, 45 → 41).
 *
 * No lookalikes (`lookalike` -1): those only generated edits make.
 */

/**
 * Why 24 characters: long enough that two unrelated passages of these documents do not share it by chance, short
 * enough that a moved sentence with a word changed still comes back in the pieces between its edits. API reference
 * pages repeat stock phrases in every section: "Returns `Promise<void>`" is 23 characters, "* `options` Object" 18,
 * ":param request: the" 19; they fall under 24, a clause of four or five words does not. Measured on the 600 pairs
 * (wrong anchors by this truth, batch path, at the time of writing): 12 → 150, 16 → 141, 24 → 101, 32 → 99,
 * 48 → 111. Shorter, stock phrases pull text to the wrong section (imprecise 72 at 12, 40 at 24); longer, moved
 * text edited in places is lost and counted destroyed (2,086 at 24, 2,250 at 48), so anchors on it count as wrong.
 */
const minimumShared = 24;

type RunKind = 'equal' | 'moved' | 'copied';

/** A run of target text that came from the base: target[targetStart, +length) = base[baseStart, +length). */
interface Run {
  readonly targetStart: number;
  readonly baseStart: number;
  readonly length: number;
  readonly kind: RunKind;
  /** 0 for the base's own characters (equal or moved), n > 0 for the n-th copy of them. */
  readonly copy: number;
}

export interface RevisionTruth {
  readonly doc: Doc;
  /** Every run of target text that came from the base, in target order. */
  readonly runs: readonly Run[];
}

type Unnumbered = Omit<Run, 'copy'>;

/** What the passes share: the runs so far, and which characters they explain. */
class Explained {
  readonly base: string;
  readonly target: string;
  readonly runs: Unnumbered[] = [];
  /** Per target character: its base offset, or -1 while unexplained. */
  readonly origin: Int32Array;
  /** Per base character: 1 once the base's own text there (copy 0) is placed. */
  readonly placed: Uint8Array;
  /** Per target character: the index in `runs` of the run explaining it, or -1. */
  private readonly runAt: Int32Array;

  constructor(base: string, target: string) {
    this.base = base;
    this.target = target;
    this.origin = new Int32Array(target.length).fill(-1);
    this.placed = new Uint8Array(base.length);
    this.runAt = new Int32Array(target.length).fill(-1);
  }

  add(run: Unnumbered): void {
    if (run.length === 0) return;
    this.runAt.fill(this.runs.length, run.targetStart, run.targetStart + run.length);
    this.runs.push(run);
    for (let k = 0; k < run.length; k++) this.origin[run.targetStart + k] = run.baseStart + k;
    if (run.kind !== 'copied') this.placed.fill(1, run.baseStart, run.baseStart + run.length);
  }

  /** The first run met going from target offset `t` towards `side` over unexplained characters, if any. */
  runAcrossGap(t: number, side: -1 | 1): Unnumbered | undefined {
    while (t >= 0 && t < this.target.length && this.runAt[t] === -1) t += side;
    const index = t >= 0 && t < this.target.length ? this.runAt[t]! : -1;
    return index === -1 ? undefined : this.runs[index];
  }

  /** The unexplained stretches of the target, as pieces. */
  unexplained(): Piece[] {
    const pieces: Piece[] = [];
    for (let t = 0; t < this.target.length;) {
      if (this.origin[t] !== -1) {
        t++;
        continue;
      }
      const start = t;
      while (t < this.target.length && this.origin[t] === -1) t++;
      pieces.push({ start, text: this.target.slice(start, t) });
    }
    return pieces;
  }
}

/** Pass 1: the diff's equal runs, pieces that continue each other joined (see the module comment). */
function equalRuns(base: string, target: string): CommonRun[] {
  const runs: CommonRun[] = [];
  let atBase = 0;
  let atTarget = 0;
  for (const [op, text] of characterDiff(base, target)) {
    const last = runs.at(-1);
    if (op !== inserted && op !== deleted) {
      // Equal text the diff reports in two pieces (the lines, then the characters of the changed block after them) is
      // one run, weighed at its whole length.
      if (last && last.from + last.length === atBase && last.to + last.length === atTarget) {
        runs[runs.length - 1] = { ...last, length: last.length + text.length };
      } else runs.push({ from: atBase, to: atTarget, length: text.length });
    }
    if (op !== inserted) atBase += text.length;
    if (op !== deleted) atTarget += text.length;
  }
  return runs;
}

/** A run of evidence for pass 2, with what it takes to weigh it. */
interface Evidence extends CommonRun {
  fromDiff: boolean;
}

/**
 * Whether a shared run lies along one of the diff's equal runs: then it only says what the diff says, and where it
 * reaches further, it is the diff that chose the edge (its semantic clean-up puts an inserted section before the
 * next heading, "\n\n" | "### `app.dock.downloadFinished…\n\n" | "### `app.dock.setBadge", where the run would take
 * "### `app.dock." from the old heading for the new one).
 */
function onDiffDiagonal(diffOrigin: Int32Array, run: CommonRun): boolean {
  for (let k = 0; k < run.length; k++) if (diffOrigin[run.to + k] === run.from + k) return true;
  return false;
}

/**
 * Pass 2: the evidence longest first (see the module comment), each target and each base character once. A run cut
 * by longer ones keeps its free stretches: any length for the diff's, at least `minimum` for a shared run.
 */
function verbatimPass(into: Explained, diff: CommonRun[], minimum: number): void {
  const diffOrigin = new Int32Array(into.target.length).fill(-1);
  for (const run of diff) for (let k = 0; k < run.length; k++) diffOrigin[run.to + k] = run.from + k;
  const evidence: Evidence[] = [
    ...diff.map((run) => ({ ...run, fromDiff: true })),
    ...maximalCommonRuns(into.base, [{ start: 0, text: into.target }], minimum)
      .filter((run) => !onDiffDiagonal(diffOrigin, run))
      .filter((run) => !swapsDiffRuns(diff, run, minimum))
      .map((run) => ({ ...run, fromDiff: false })),
  ];
  // Longest first, the diff's first on a tie, then in text order: the result does not depend on the sort.
  evidence.sort(
    (a, b) => b.length - a.length || Number(b.fromDiff) - Number(a.fromDiff) || a.to - b.to || a.from - b.from,
  );
  const free = (run: CommonRun, k: number): boolean => into.origin[run.to + k] === -1 && !into.placed[run.from + k];
  for (const run of evidence) {
    const shortest = run.fromDiff ? 1 : minimum;
    let from = 0;
    for (let k = 0; k <= run.length; k++) {
      if (k < run.length && free(run, k)) continue;
      if (k - from >= shortest)
        takeVerbatim(into, diffOrigin, { from: run.from + from, to: run.to + from, length: k - from });
      from = k + 1;
    }
  }
}

/**
 * Whether a shared run would swap two copies the diff aligned each in its own place: its target text holds one of the
 * diff's equal runs of at least `minimum` characters, its base text holds another, and it is longer than either by
 * less than `minimum`. Those few characters are where the diff put an edit's edge (its semantic clean-up), not
 * evidence that the text moved. Electron's dialog page has the same `properties` list in `showOpenDialogSync` and
 * `showOpenDialog`; a line added after each list left the diff's equal runs two characters short of the shared runs
 * that cross them, which took each list to the other section (figures: wrong anchors 91 → 87, none new).
 */
function swapsDiffRuns(diff: readonly CommonRun[], run: CommonRun, minimum: number): boolean {
  return holdsDiffRun(diff, run, minimum, 'to') && holdsDiffRun(diff, run, minimum, 'from');
}

/** Whether run's text on one side (`to`: the target, `from`: the base) holds a diff run it outgrows by < minimum. */
function holdsDiffRun(diff: readonly CommonRun[], run: CommonRun, minimum: number, side: 'to' | 'from'): boolean {
  // The diff's runs are in order on both sides: the first starting at or after the run's start, by bisection.
  let lo = 0;
  let hi = diff.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (diff[mid]![side] < run[side]) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < diff.length && diff[i]![side] + diff[i]!.length <= run[side] + run.length; i++) {
    if (diff[i]!.length >= minimum && run.length - diff[i]!.length < minimum) return true;
  }
  return false;
}

/** Adds a stretch of pass 2, split where the diff's alignment starts or stops agreeing with it. */
function takeVerbatim(into: Explained, diffOrigin: Int32Array, run: CommonRun): void {
  const kindAt = (k: number): RunKind => (diffOrigin[run.to + k] === run.from + k ? 'equal' : 'moved');
  let from = 0;
  for (let k = 1; k <= run.length; k++) {
    if (k < run.length && kindAt(k) === kindAt(from)) continue;
    into.add({ targetStart: run.to + from, baseStart: run.from + from, length: k - from, kind: kindAt(from) });
    from = k;
  }
}

/** Pass 3: copies, longest first, each target character once (base characters may be copied many times). */
function copiedPass(into: Explained, minimum: number): void {
  const runs = maximalCommonRuns(into.base, into.unexplained(), minimum);
  runs.sort((a, b) => b.length - a.length || a.to - b.to || a.from - b.from);
  for (const run of runs) {
    let from = 0;
    for (let k = 0; k <= run.length; k++) {
      if (k < run.length && into.origin[run.to + k] === -1) continue;
      if (k - from >= minimum) {
        into.add({ targetStart: run.to + from, baseStart: run.from + from, length: k - from, kind: 'copied' });
      }
      from = k + 1;
    }
  }
}

/**
 * Pass 4: grows `run` by the matching characters on one side (see the module comment). Over base characters nothing
 * has placed yet the growth is the run's own kind; over placed ones, a copy. It stops at the base text of the run
 * across the gap: "###" → "####" is a "#" inserted after "###", not a copy of the heading's last "#".
 */
function grow(into: Explained, run: Unnumbered, side: -1 | 1): void {
  const { base, target, origin, placed } = into;
  let t = side < 0 ? run.targetStart - 1 : run.targetStart + run.length;
  let b = side < 0 ? run.baseStart - 1 : run.baseStart + run.length;
  const across = into.runAcrossGap(t, side);
  const fromAcross = (offset: number): boolean =>
    across !== undefined && offset >= across.baseStart && offset < across.baseStart + across.length;
  const grown: Array<{ t: number; b: number }> = [];
  const inside = (at: number, length: number): boolean => at >= 0 && at < length;
  for (;;) {
    if (!inside(t, target.length) || !inside(b, base.length) || origin[t] !== -1 || fromAcross(b)) break;
    if (target[t] === base[b]) {
      grown.push({ t, b });
      t += side;
      b += side;
      continue;
    }
    // Rewrapped or re-indented: a run of whitespace for another. Its words go on beyond it, in order; the new
    // whitespace stays unexplained (new text inside a highlight does not split it).
    const gapT = whitespaceRun(target, t, side);
    const gapB = whitespaceRun(base, b, side);
    // Inside a run of whitespace both had (the run so far ends in it), one side's rest may be longer: "\n  * " as
    // "\n    * ".
    const within = /\s/.test(target[t - side] ?? '') && /\s/.test(base[b - side] ?? '');
    if (gapT + gapB === 0 || ((gapT === 0 || gapB === 0) && !within)) break;
    const nextT = t + side * gapT;
    const nextB = b + side * gapB;
    let free = true;
    for (let k = t; k !== nextT; k += side) if (origin[k] !== -1) free = false;
    // The base's whitespace must be free too: skipping another run's text would put this one out of base order.
    for (let k = b; k !== nextB; k += side) if (fromAcross(k) || placed[k]) free = false;
    if (!free || !inside(nextT, target.length) || !inside(nextB, base.length) || target[nextT] !== base[nextB]) break;
    t = nextT;
    b = nextB;
  }
  if (side < 0) grown.reverse();
  // One run per stretch of the same kind, contiguous on both sides.
  const kindAt = (k: number): RunKind => (run.kind !== 'copied' && !placed[grown[k]!.b] ? run.kind : 'copied');
  const continues = (k: number): boolean => grown[k]!.t === grown[k - 1]!.t + 1 && grown[k]!.b === grown[k - 1]!.b + 1;
  let from = 0;
  for (let k = 1; k <= grown.length; k++) {
    if (k < grown.length && kindAt(k) === kindAt(from) && continues(k)) continue;
    into.add({ targetStart: grown[from]!.t, baseStart: grown[from]!.b, length: k - from, kind: kindAt(from) });
    from = k;
  }
}

/** How many whitespace characters `text` has from `at` going towards `side`. */
function whitespaceRun(text: string, at: number, side: -1 | 1): number {
  let n = 0;
  while (at + side * n >= 0 && at + side * n < text.length && /\s/.test(text[at + side * n]!)) n++;
  return n;
}

/**
 * How good a place for a seam between two runs target offset `at` is, as diff-match-patch scores an edit's edge
 * (`diff_cleanupSemanticScore_`): a blank line 5, a line break 4, a sentence end 3, a space 2, other punctuation 1.
 */
function seamScore(text: string, at: number): number {
  const before = text[at - 1];
  const after = text[at];
  if (before === undefined || after === undefined) return 6;
  if (text.startsWith('\n\n', at - 2) || text.startsWith('\n\n', at)) return 5;
  if (before === '\n' || after === '\n') return 4;
  if (/[.!?]/.test(before) && /\s/.test(after)) return 3;
  if (/\s/.test(before) || /\s/.test(after)) return 2;
  if (/[^\p{L}\p{N}]/u.test(before) || /[^\p{L}\p{N}]/u.test(after)) return 1;
  return 0;
}

/**
 * Pass 5: where two runs meet in the target and the characters at the seam match both runs' sources, the seam goes
 * where the text breaks best (seamScore). A section that moved next to another section it shares a heading's start
 * with ("### `process.get") otherwise loses that start to the run before it: the diff and the longest-first choice
 * both give it to the longer run, which ends there by chance.
 */
function slidSeams(base: string, target: string, sorted: Unnumbered[]): Unnumbered[] {
  const runs = sorted.map((run) => ({ ...run }));
  // Per base character: the run whose own (copy 0) text it is, or -1.
  const owner = new Int32Array(base.length).fill(-1);
  runs.forEach((run, index) => {
    if (run.kind !== 'copied') owner.fill(index, run.baseStart, run.baseStart + run.length);
  });
  const takes = (index: number, b: number, from: number): boolean =>
    b >= 0 && b < base.length && (runs[index]!.kind === 'copied' || owner[b] === -1 || owner[b] === from);
  for (let i = 0; i + 1 < runs.length; i++) {
    const a = runs[i]!;
    const b = runs[i + 1]!;
    const seam = a.targetStart + a.length;
    if (seam !== b.targetStart || a.baseStart + a.length === b.baseStart) continue;
    let left = 0;
    while (
      left < a.length &&
      target[seam - left - 1] === base[b.baseStart - left - 1] &&
      takes(i + 1, b.baseStart - left - 1, i)
    )
      left++;
    let right = 0;
    while (
      right < b.length &&
      target[seam + right] === base[a.baseStart + a.length + right] &&
      takes(i, a.baseStart + a.length + right, i + 1)
    )
      right++;
    let best = 0;
    for (let shift = -left; shift <= right; shift++) {
      if (seamScore(target, seam + shift) > seamScore(target, seam + best)) best = shift;
    }
    if (best === 0) continue;
    const moved = Math.abs(best);
    const [giver, taker] = best < 0 ? [i, i + 1] : [i + 1, i];
    const given = runs[giver]!;
    const taken = runs[taker]!;
    // Release the giver's characters at the seam, then let the taker own them.
    const releasedFrom = best < 0 ? given.baseStart + given.length - moved : given.baseStart;
    if (given.kind !== 'copied') owner.fill(-1, releasedFrom, releasedFrom + moved);
    if (best < 0) {
      runs[giver] = { ...given, length: given.length - moved };
      runs[taker] = {
        ...taken,
        targetStart: taken.targetStart - moved,
        baseStart: taken.baseStart - moved,
        length: taken.length + moved,
      };
      if (taken.kind !== 'copied') owner.fill(taker, taken.baseStart - moved, taken.baseStart);
    } else {
      runs[giver] = {
        ...given,
        targetStart: given.targetStart + moved,
        baseStart: given.baseStart + moved,
        length: given.length - moved,
      };
      runs[taker] = { ...taken, length: taken.length + moved };
      if (taken.kind !== 'copied')
        owner.fill(taker, taken.baseStart + taken.length, taken.baseStart + taken.length + moved);
    }
  }
  return runs.filter((run) => run.length > 0);
}

/** Copy numbers: the base's own text is copy 0; each copied run takes the first copy whose base characters are free. */
function numberCopies(base: string, runs: readonly Unnumbered[]): { runs: Run[]; copies: number } {
  const layers: Uint8Array[] = [];
  const numbered = runs.map((run): Run => {
    if (run.kind !== 'copied') return { ...run, copy: 0 };
    let n = layers.findIndex((layer) => !layer.subarray(run.baseStart, run.baseStart + run.length).includes(1));
    if (n === -1) n = layers.push(new Uint8Array(base.length)) - 1;
    layers[n]!.fill(1, run.baseStart, run.baseStart + run.length);
    return { ...run, copy: n + 1 };
  });
  return { runs: numbered, copies: layers.length };
}

/** The offset map of `target` as a revision of `base`. */
export function revisionDoc(base: string, target: string, minimum = minimumShared): RevisionTruth {
  const into = new Explained(base, target);
  verbatimPass(into, equalRuns(base, target), minimum);
  copiedPass(into, minimum);
  for (const run of [...into.runs].sort((a, b) => a.targetStart - b.targetStart)) {
    grow(into, run, -1);
    grow(into, run, 1);
  }
  const slid = slidSeams(
    base,
    target,
    into.runs.sort((a, b) => a.targetStart - b.targetStart),
  );
  const { runs, copies } = numberCopies(base, slid);
  const origin = new Int32Array(target.length).fill(-1);
  const copy = new Int32Array(target.length);
  for (const run of runs) {
    for (let k = 0; k < run.length; k++) origin[run.targetStart + k] = run.baseStart + k;
    copy.fill(run.copy, run.targetStart, run.targetStart + run.length);
  }
  return {
    doc: { text: target, origin, copy, lookalike: new Int32Array(target.length).fill(-1), copies },
    runs,
  };
}
