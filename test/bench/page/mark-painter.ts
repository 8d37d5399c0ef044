/**
 * The classic baseline: paint highlights by wrapping text in <mark> elements (as Hypothesis' highlighter and most
 * web annotators do). For each highlight, in order: find the text nodes it covers, split the first and last at the
 * highlight's edges, and wrap every covered text-node segment in its own <mark>. Overlaps nest marks; ranges that
 * cross paragraphs wrap a segment in each paragraph; the whitespace-only "\n\n" text nodes between paragraphs are
 * skipped (a <mark> there would be invalid and invisible anyway).
 *
 * Made reasonably fast, so the comparison is not against a straw man: the offsets of the body's top-level children
 * never change (wrapping only happens inside them), so a binary search finds the first child, and a TreeWalker only
 * walks that paragraph's text nodes up to the highlight.
 */

export interface MarkSpan {
  id: string;
  color: string;
  start: number;
  end: number;
}

/** Wraps spans in order until done or `deadline` (a performance.now() time) passes; returns how many it wrapped. */
export function paintWithMarks(body: HTMLElement, spans: readonly MarkSpan[], deadline = Infinity): number {
  const children = Array.from(body.childNodes);
  const starts: number[] = new Array<number>(children.length);
  let offset = 0;
  for (let i = 0; i < children.length; i++) {
    starts[i] = offset;
    offset += children[i]!.textContent?.length ?? 0;
  }
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  const doc = body.ownerDocument;
  for (let i = 0; i < spans.length; i++) {
    if ((i & 127) === 0 && performance.now() > deadline) return i;
    const span = spans[i]!;
    wrap(doc, walker, children, starts, span);
  }
  return spans.length;
}

function wrap(
  doc: Document,
  walker: TreeWalker,
  children: readonly ChildNode[],
  starts: readonly number[],
  span: MarkSpan,
): void {
  const { start, end } = span;
  // Last top-level child starting at or before `start`.
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= start) lo = mid;
    else hi = mid - 1;
  }
  const child = children[lo]!;
  let offset = starts[lo]!;
  walker.currentNode = child;
  let node: Node | null = child.nodeType === Node.TEXT_NODE ? child : walker.nextNode();
  const segments: Text[] = [];
  while (node && offset < end) {
    const text = node as Text;
    const nodeStart = offset;
    const length = text.length;
    offset += length;
    const next = walker.nextNode(); // before any split: a split-off tail lies past `end` anyway
    if (nodeStart + length > start && !(text.parentNode === walker.root && isBlank(text.data))) {
      let target = text;
      const a = start - nodeStart;
      const b = end - nodeStart;
      if (b < length) target.splitText(b);
      if (a > 0) target = target.splitText(a);
      segments.push(target);
    }
    node = next;
  }
  for (const segment of segments) {
    const mark = doc.createElement('mark');
    mark.className = span.color;
    mark.dataset.h = span.id;
    segment.parentNode!.insertBefore(mark, segment);
    mark.appendChild(segment);
  }
}

function isBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 10 && c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}

/** Checks (untimed) that the marks of each sampled span hold exactly its text; returns the ids that do not. */
export function verifyMarks(body: HTMLElement, spans: readonly MarkSpan[], text: string): string[] {
  const wrong: string[] = [];
  const byId = new Map<string, string[]>();
  for (const mark of body.querySelectorAll<HTMLElement>('mark')) {
    const id = mark.dataset.h!;
    let parts = byId.get(id);
    if (!parts) byId.set(id, (parts = []));
    parts.push(mark.textContent ?? '');
  }
  for (const span of spans) {
    const expected = text.slice(span.start, span.end).replace(/\n\n/g, '');
    if ((byId.get(span.id) ?? []).join('') !== expected) wrong.push(span.id);
  }
  return wrong;
}
