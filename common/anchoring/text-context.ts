import { type Folded, foldText } from './fold.ts';
import { textTrigrams } from './match-quote.ts';

/**
 * What anchoring computes once per text and reuses for every highlight placed on it: the folded view (fold.ts) and
 * the trigram buckets of the folded text (the whole-text search's filter, match-quote.ts), each made the first time
 * a search needs it. The caller makes one per text (`anchorAllText` one per batch) and drops it with the text, so
 * nothing outlives the searches that used it and no module keeps state (docs/anchoring.md, "The text context").
 */
export class TextContext {
  /** The text highlights are anchored in (raw offsets count its UTF-16 code units). */
  readonly text: string;
  private foldedView: Folded | undefined;
  private foldedBuckets: Uint16Array | undefined;

  /** `folded` reuses the folded view of an earlier context on the same text (see TextContexts). */
  constructor(text: string, folded?: Folded) {
    this.text = text;
    this.foldedView = folded;
  }

  /** Whether the folded view has been made (by a search that needed it). */
  get hasFolded(): boolean {
    return this.foldedView !== undefined;
  }

  /** The folded view of the text, folded on first use. */
  get folded(): Folded {
    return (this.foldedView ??= foldText(this.text));
  }

  /** The trigram bucket at every offset of the folded text, computed on first use (2 bytes per character). */
  foldedTrigrams(): Uint16Array {
    return (this.foldedBuckets ??= textTrigrams(this.folded.text));
  }
}

/**
 * The contexts of the text a reader shows, kept by that reader (the article surface holds one): anchoring the same
 * text again (re-opening the article, re-anchoring it) reuses its folded view instead of folding it again, as the
 * fold cache inside fold.ts did before contexts were explicit. Only the latest context is kept, with what it computed.
 */
export class TextContexts {
  private latest: TextContext | undefined;

  /** A context for `text`, sharing the folded view of the previous one when it was made for the same text. */
  contextFor(text: string): TextContext {
    const folded = this.latest?.text === text && this.latest.hasFolded ? this.latest.folded : undefined;
    this.latest = new TextContext(text, folded);
    return this.latest;
  }
}
