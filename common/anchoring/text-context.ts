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

  constructor(text: string) {
    this.text = text;
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
