import { lowerBound, partitionPoint } from '../../common/anchoring/lower-bound.ts';
import {
  anchorAllText,
  type AnchorResult,
  anchorText,
  describeText,
  type TextContext,
} from '../../common/anchoring/text-anchor.ts';
import type { Selector } from '../../common/contract.ts';

/**
 * Maps between DOM positions under a root and offsets into the root's anchor text: the concatenation of every
 * Text node under the root in document order (root.textContent). Built once per article render; rebuild after
 * the article's DOM changes (painting never changes it: highlights are drawn with CSS, not wrapper elements).
 */
export class TextIndex {
  /** The anchor text: every Text node under the root, concatenated in document order. */
  readonly text: string;
  /** The Text nodes under the root, in document order. */
  private readonly nodes: Text[] = [];
  /**
   * starts[i] / ends[i]: the anchor-text offsets where nodes[i] begins and ends. Kept in typed arrays rather than
   * read back from the DOM (Text.data.length crosses into Blink on every read), so mapping offsets is pure JS;
   * Float64Array because that is what `lowerBound` searches.
   */
  private readonly starts: Float64Array;
  private readonly ends: Float64Array;
  private readonly indexOfNode = new Map<Node, number>();
  readonly root: Element;

  constructor(root: Element) {
    this.root = root;
    const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const chunks: string[] = [];
    const lengths: number[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const textNode = node as Text;
      const data = textNode.data;
      this.indexOfNode.set(textNode, this.nodes.length);
      this.nodes.push(textNode);
      chunks.push(data);
      lengths.push(data.length);
    }
    this.text = chunks.join('');
    this.starts = new Float64Array(lengths.length);
    this.ends = new Float64Array(lengths.length);
    let offset = 0;
    for (let i = 0; i < lengths.length; i++) {
      this.starts[i] = offset;
      offset += lengths[i]!;
      this.ends[i] = offset;
    }
  }

  /** The anchor-text offsets a DOM range covers, clamped to the root; undefined when it covers no root text. */
  offsetsOf(range: AbstractRange): { start: number; end: number } | undefined {
    if (!this.sameTree(range.startContainer) || !this.sameTree(range.endContainer)) return undefined;
    const start = this.offsetOfPoint(range.startContainer, range.startOffset);
    const end = this.offsetOfPoint(range.endContainer, range.endOffset);
    return start < end ? { start, end } : undefined;
  }

  /** A StaticRange over text[start, end) (static ranges keep later DOM mutations fast). */
  rangeOf(start: number, end: number): StaticRange {
    const from = clamp(Math.min(start, end), 0, this.text.length);
    const to = clamp(Math.max(start, end), 0, this.text.length);
    if (this.nodes.length === 0) {
      return new StaticRange({ startContainer: this.root, startOffset: 0, endContainer: this.root, endOffset: 0 });
    }
    // A start on the seam between two nodes goes at the beginning of the later one and an end at the close of the
    // earlier one, so the range holds no empty edges (and no whole node it does not need).
    const startNode = this.nodeAt(from, 'start');
    const endNode = from === to ? startNode : this.nodeAt(to, 'end');
    return new StaticRange({
      startContainer: this.nodes[startNode]!,
      startOffset: from - this.starts[startNode]!,
      endContainer: this.nodes[endNode]!,
      endOffset: to - this.starts[endNode]!,
    });
  }

  private sameTree(node: Node): boolean {
    return node.getRootNode() === this.root.getRootNode();
  }

  /** The anchor-text offset of a DOM boundary point; points before the root give 0, after it the text length. */
  private offsetOfPoint(container: Node, offset: number): number {
    const known = this.indexOfNode.get(container);
    if (known !== undefined && this.root.contains(container)) {
      return this.starts[known]! + clamp(offset, 0, this.ends[known]! - this.starts[known]!);
    }
    // An element (or a node we do not index) as container: the point sits before child[offset]. Its offset is the
    // start of the first indexed Text node at or after the point, found by binary search in document order.
    const point = this.root.ownerDocument.createRange();
    point.setStart(container, clamp(offset, 0, nodeLength(container)));
    const at = partitionPoint(this.nodes.length, (i) => point.comparePoint(this.nodes[i]!, 0) < 0);
    return at < this.nodes.length ? this.starts[at]! : this.text.length;
  }

  /** Index of the node holding `offset`: for a start the node it begins in, for an end the node it closes in. */
  private nodeAt(offset: number, side: 'start' | 'end'): number {
    // First node whose end is past the offset (start) / at or past it (end), skipping empty nodes. Offsets are
    // whole numbers, so "past the offset" is "at or past offset + 1": lowerBound serves both sides.
    const at = lowerBound(this.ends, side === 'start' ? offset + 1 : offset);
    return Math.min(at, this.ends.length - 1);
  }
}

/** Selectors describing a DOM range under the index's root; undefined if the range holds no article text. */
export function describe(index: TextIndex, range: AbstractRange): Selector[] | undefined {
  const offsets = index.offsetsOf(range);
  return offsets && describeText(index.text, offsets.start, offsets.end);
}

/**
 * Where selectors landed in the DOM: the engine's `AnchorResult`, plus the DOM range of a placed one. The chrome
 * keeps plain `AnchorResult`s (offsets are enough to paint); this adds the range for callers that want it at once.
 */
export type DomAnchor =
  | (Extract<AnchorResult, { start: number }> & { range: StaticRange })
  | (Extract<AnchorResult, { start?: undefined }> & { range?: undefined });

/** Places selectors in the DOM: the range and how sure it is, or orphan with no range. */
export function anchor(index: TextIndex, selectors: readonly Selector[]): DomAnchor {
  return toDom(index, anchorText(index.text, selectors));
}

/** Places every highlight of an article at once (`anchorAllText`, see there); results in input order. */
export function anchorAll(
  index: TextIndex,
  selectorsList: ReadonlyArray<readonly Selector[]>,
  context?: TextContext,
): DomAnchor[] {
  return anchorAllText(index.text, selectorsList, context).map((placed) => toDom(index, placed));
}

function toDom(index: TextIndex, placed: AnchorResult): DomAnchor {
  if (placed.start === undefined) return { status: placed.status };
  return {
    range: index.rangeOf(placed.start, placed.end),
    start: placed.start,
    end: placed.end,
    status: placed.status,
  };
}

/**
 * A live Range with the same boundaries as `range`, for geometry and comparisons (a StaticRange has neither), or
 * undefined when the DOM has changed under it. A StaticRange is not kept valid by the DOM: one whose nodes were
 * removed or shortened since it was made cannot be measured, and is reported rather than clamped into a wrong box.
 */
export function liveRange(range: AbstractRange): Range | undefined {
  const { startContainer, startOffset, endContainer, endOffset } = range;
  if (startOffset > nodeLength(startContainer) || endOffset > nodeLength(endContainer)) return undefined;
  if (!startContainer.isConnected || !endContainer.isConnected) return undefined;
  const live = (startContainer.ownerDocument ?? (startContainer as Document)).createRange();
  live.setStart(startContainer, startOffset);
  live.setEnd(endContainer, endOffset);
  return live;
}

/** How many boundary offsets a node has: characters for text (and comments), children for the rest. */
function nodeLength(node: Node): number {
  if (node.nodeType === Node.DOCUMENT_TYPE_NODE) return 0;
  if (node instanceof CharacterData) return node.data.length;
  return node.childNodes.length;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
