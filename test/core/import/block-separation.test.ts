import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { checkDocument, documentText } from '../../../common/document.ts';
import { htmlToDocument } from '../../../electron/core/import/html-to-document.ts';
import { sanitiseHtml } from '../../../electron/core/import/sanitise-html.ts';

/**
 * Random pages of nested blocks, written the way that tempts a converter to glue words: blocks are written with no
 * whitespace between them ("<div>a</div><div>b</div>"), inline siblings with a space (a browser glues
 * "<em>a</em><em>b</em>" itself, so that is not the converter's to separate).
 */
type Inline =
  | { kind: 'word'; before: string; after: string }
  | { kind: 'inline'; tag: string; children: Inline[] }
  | { kind: 'br' };
type Block =
  | { kind: 'text-block'; tag: string; children: Inline[] }
  | { kind: 'container'; tag: string; children: Array<Block | Inline> }
  | { kind: 'deep'; levels: number; tag: string; child: Block }
  | { kind: 'hr' };

const space = fc.constantFrom('', ' ', '\n', '\t', '  \n ', '\u00a0 ');

const { block } = fc.letrec<{ inline: Inline; block: Block; node: Block | Inline }>((tie) => ({
  inline: fc.oneof(
    { depthSize: 'small' },
    fc.record({ kind: fc.constant('word' as const), before: space, after: space }),
    fc.record({
      kind: fc.constant('inline' as const),
      tag: fc.constantFrom('em', 'strong', 'span', 'code', 'a', 'b', 'i', 'sub', 'mark', 'q'),
      children: fc.array(tie('inline'), { maxLength: 3 }),
    }),
    fc.constant({ kind: 'br' as const }),
  ),
  block: fc.oneof(
    { depthSize: 'small' },
    fc.record({
      kind: fc.constant('text-block' as const),
      tag: fc.constantFrom('p', 'h2', 'h5', 'pre', 'figcaption', 'caption-less-td'),
      children: fc.array(tie('inline'), { maxLength: 4 }),
    }),
    fc.record({
      kind: fc.constant('container' as const),
      tag: fc.constantFrom('div', 'section', 'blockquote', 'li', 'td', 'dd', 'figure', 'aside', 'article', 'a-block'),
      children: fc.array(tie('node'), { maxLength: 4 }),
    }),
    fc.record({
      kind: fc.constant('deep' as const),
      levels: fc.integer({ min: 10, max: 70 }),
      tag: fc.constantFrom('div', 'blockquote', 'li'),
      child: tie('block'),
    }),
    fc.constant({ kind: 'hr' as const }),
  ),
  node: fc.oneof(tie('block'), tie('inline')),
}));

/** Writes a generated page as HTML, numbering its words in document order. */
class PageWriter {
  words: string[] = [];

  private word(): string {
    const word = `w${this.words.length}`;
    this.words.push(word);
    return word;
  }

  inline(node: Inline, inLink: boolean): string {
    if (node.kind === 'word') return `${node.before}${this.word()}${node.after}`;
    if (node.kind === 'br') return '<br>';
    // A link in a link is not HTML the parser keeps; write a span instead.
    const tag = node.tag === 'a' && inLink ? 'span' : node.tag;
    const attrs = tag === 'a' ? ` href="https://example.com/${this.words.length}"` : '';
    const inner = node.children.map((child) => this.inline(child, inLink || tag === 'a')).join(' ');
    return `<${tag}${attrs}>${inner}</${tag}>`;
  }

  block(node: Block, inLink: boolean): string {
    if (node.kind === 'hr') return '<hr>';
    if (node.kind === 'deep') {
      const [open, close] = this.wrapping(node.tag, inLink);
      return open.repeat(node.levels) + this.block(node.child, inLink) + close.repeat(node.levels);
    }
    if (node.kind === 'text-block') {
      const inner = node.children.map((child) => this.inline(child, inLink)).join(' ');
      if (node.tag === 'caption-less-td') return `<table><tr><td>${inner}</td></tr></table>`;
      return `<${node.tag}>${inner}</${node.tag}>`;
    }
    const [open, close] = this.wrapping(node.tag, inLink);
    let inner = '';
    node.children.forEach((child, i) => {
      const previous = node.children[i - 1];
      // Blocks touch their neighbours; inline siblings get a space.
      if (previous && isInline(previous) && isInline(child)) inner += ' ';
      const linked = inLink || node.tag === 'a-block';
      inner += isInline(child) ? this.inline(child, linked) : this.block(child, linked);
    });
    return open + inner + close;
  }

  private wrapping(tag: string, inLink: boolean): [string, string] {
    if (tag === 'li') return ['<ul><li>', '</li></ul>'];
    if (tag === 'td') return ['<table><tr><td>', '</td></tr></table>'];
    if (tag === 'dd') return ['<dl><dd>', '</dd></dl>'];
    if (tag === 'a-block') return inLink ? ['<div>', '</div>'] : ['<a href="https://example.com/card">', '</a>'];
    return [`<${tag}>`, `</${tag}>`];
  }
}

function isInline(node: Block | Inline): node is Inline {
  return node.kind === 'word' || node.kind === 'inline' || node.kind === 'br';
}

describe('words of neighbouring blocks', () => {
  it('are never glued together, lost or reordered, and every tree passes checkDocument', () => {
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 5 }), (blocks) => {
        const writer = new PageWriter();
        const html = blocks.map((b) => writer.block(b, false)).join('');
        const { document } = htmlToDocument(sanitiseHtml(html), 'https://example.com/');
        expect(checkDocument(document)).toBeUndefined();
        // The text's words, split at whitespace (no-break spaces included), are exactly the page's words in order;
        // q's quotation marks are the converter's own and are set aside.
        const words = documentText(document)
          .replace(/[“”]/g, ' ')
          .split(/\s+/)
          .filter((w) => w !== '');
        expect(words).toEqual(writer.words);
      }),
      { numRuns: 300 },
    );
  });
});
