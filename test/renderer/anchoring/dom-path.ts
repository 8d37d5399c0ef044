import type { Selector } from '../../../common/contract.ts';
import { anchorAll, describe, TextIndex } from '../../../renderer/anchoring/index.ts';
import type { AnchorPath } from '../../corpus/corpus.ts';
import type { Span } from '../../corpus/text.ts';
import type { Placement } from '../../corpus/truth.ts';
import { renderArticle } from './default-article.ts';

/**
 * The DOM anchoring path the corpus tests take (test/renderer/robustness, test/renderer/revisions): a text is rendered as the app renders
 * a plain-text article (a <p> per "\n\n"-separated paragraph, "\n\n" Text nodes between), each highlight is described
 * from a DOM Range with a TextIndex of the base's render, and all of them are re-anchored at once with `anchorAll` on
 * a fresh TextIndex of the target's render; every range is mapped back to offsets for the scorer.
 */

/** A live DOM Range over text[start, end), found by walking the Text nodes (independently of TextIndex). */
function domRange(root: HTMLElement, start: number, end: number): Range {
  const range = document.createRange();
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let offset = 0;
  let startSet = false;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const length = node.data.length;
    if (!startSet && start < offset + length) {
      range.setStart(node, start - offset);
      startSet = true;
    }
    if (startSet && end <= offset + length) {
      range.setEnd(node, end - offset);
      return range;
    }
    offset += length;
  }
  throw new Error(`no DOM position for [${start}, ${end})`);
}

/** The DOM path, and the problems of the DOM layer itself it met (text ≠ article text, a range off its offsets). */
export function domPath(): { path: AnchorPath; problems: string[] } {
  const problems: string[] = [];
  const path: AnchorPath = {
    describeAll(text: string, spans: readonly Span[]): Selector[][] {
      const root = renderArticle(text.split('\n\n'));
      try {
        const index = new TextIndex(root);
        if (index.text !== text) problems.push('TextIndex text differs from the base text');
        return spans.map((span) => {
          const selectors = describe(index, domRange(root, span.start, span.end));
          if (!selectors) throw new Error(`describe gave nothing for [${span.start}, ${span.end})`);
          return selectors;
        });
      } finally {
        root.remove();
      }
    },
    anchorAll(text: string, selectors: ReadonlyArray<readonly Selector[]>): Placement[] {
      const root = renderArticle(text.split('\n\n'));
      try {
        const index = new TextIndex(root);
        if (index.text !== text) problems.push('TextIndex text differs from the target text');
        return anchorAll(index, selectors).map((result) => {
          if (!result.range) return { status: result.status };
          const back = index.offsetsOf(result.range);
          if (back?.start !== result.start || back.end !== result.end) {
            problems.push(`range for [${result.start}, ${result.end}) maps back to ${JSON.stringify(back)}`);
          }
          return { start: result.start, end: result.end, status: result.status };
        });
      } finally {
        root.remove();
      }
    },
  };
  return { path, problems };
}
