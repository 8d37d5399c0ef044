import { describe, expect, it } from 'vitest';

import { checkDocument, type DocumentNode, documentText, maxDocumentDepth } from '../../../common/document.ts';
import { htmlToDocument } from '../../../electron/core/import/html-to-document.ts';
import { sanitiseHtml } from '../../../electron/core/import/sanitise-html.ts';
import { elementsOf } from './safety.ts';

const baseUrl = 'https://example.com/dir/page.html';

/** The tree the import stores for a fragment of a page (no Readability: every word of the fragment). */
function convert(html: string) {
  const converted = htmlToDocument(sanitiseHtml(html), baseUrl);
  expect(checkDocument(converted.document)).toBeUndefined();
  return converted;
}

const tree = (html: string) => convert(html).document;
const text = (html: string) => documentText(tree(html));

/** How deep a tree nests, counted as checkDocument counts. */
function depthOf(nodes: readonly DocumentNode[]): number {
  let deepest = 0;
  const stack: Array<{ nodes: readonly DocumentNode[]; depth: number }> = [{ nodes, depth: 0 }];
  while (stack.length > 0) {
    const { nodes: siblings, depth } = stack.pop()!;
    deepest = Math.max(deepest, depth);
    for (const node of siblings) {
      if (typeof node !== 'string' && node.children) stack.push({ nodes: node.children, depth: depth + 1 });
    }
  }
  return deepest;
}

describe('whitespace, as a browser shows it', () => {
  it('collapses runs of whitespace to one space and trims them at block edges', () => {
    expect(tree('<p>  The\n\t tide   <em> turns </em> now.  </p>')).toEqual([
      { tag: 'p', children: ['The tide ', { tag: 'em', children: ['turns '] }, 'now.'] },
    ]);
  });

  it('keeps no-break spaces, which a browser does not collapse', () => {
    expect(text('<p>10&nbsp;&nbsp;km</p>')).toBe('10\u00a0\u00a0km');
  });

  it('keeps pre exactly, except that a carriage return becomes a newline', () => {
    expect(tree('<pre>  a\n\n\tb  &#13;&#10;c&#13;d</pre>')).toEqual([
      { tag: 'pre', children: ['  a\n\n\tb  \nc\nd'] },
    ]);
  });

  it('puts blocks inside pre on lines of their own', () => {
    expect(text('<pre><div>one</div><div>two</div>three<p>four</p></pre>')).toBe('one\ntwo\nthree\nfour');
  });

  it('stores a line break as "\\n" and a br, drops the space before it, and drops breaks at a block’s edges', () => {
    expect(tree('<p><br>Roses <br> are red<br><br>violets<br> </p>')).toEqual([
      { tag: 'p', children: ['Roses\n', { tag: 'br' }, 'are red\n', { tag: 'br' }, '\n', { tag: 'br' }, 'violets'] },
    ]);
    expect(text('<pre>a<br>b</pre>')).toBe('a\nb');
  });
});

describe('blocks', () => {
  it('separates every block from its neighbours by one "\\n\\n"', () => {
    expect(text('<h2>Head</h2><p>One</p><ul><li>a</li><li>b</li></ul><blockquote>Q</blockquote>')).toBe(
      'Head\n\nOne\n\na\n\nb\n\nQ',
    );
    // A rule is a block without text: the separators on either side of it meet.
    expect(tree('<p>One</p><hr><p>Two</p>')).toEqual([
      { tag: 'p', children: ['One'] },
      '\n\n',
      { tag: 'hr' },
      '\n\n',
      { tag: 'p', children: ['Two'] },
    ]);
  });

  it('unwraps div and section but keeps their text apart, loose text becoming paragraphs', () => {
    expect(tree('<div>Alpha</div><section>Beta <div>Gamma</div>Delta</section>')).toEqual([
      { tag: 'p', children: ['Alpha'] },
      '\n\n',
      { tag: 'p', children: ['Beta'] },
      '\n\n',
      { tag: 'p', children: ['Gamma'] },
      '\n\n',
      { tag: 'p', children: ['Delta'] },
    ]);
  });

  it('keeps text next to a nested list in the same item, apart from it', () => {
    expect(tree('<ul><li>Fruit<ul><li>apple</li></ul>and more</li></ul>')).toEqual([
      {
        tag: 'ul',
        children: [
          {
            tag: 'li',
            children: ['Fruit\n\n', { tag: 'ul', children: [{ tag: 'li', children: ['apple'] }] }, '\n\nand more'],
          },
        ],
      },
    ]);
  });

  it('drops blocks that show nothing, but keeps empty table cells so the columns stay in line', () => {
    expect(
      tree('<p> </p><p>&nbsp;</p><h2></h2><ul><li> </li></ul><blockquote><p></p></blockquote><p>Kept</p>'),
    ).toEqual([{ tag: 'p', children: ['Kept'] }]);
    expect(tree('<table><tr><td>a</td><td></td><td>c</td></tr><tr><td> </td></tr></table>')).toEqual([
      {
        tag: 'table',
        children: [
          {
            tag: 'tbody',
            children: [
              {
                tag: 'tr',
                children: [
                  { tag: 'td', children: ['a'] },
                  '\n\n',
                  { tag: 'td' },
                  '\n\n',
                  { tag: 'td', children: ['c'] },
                ],
              },
            ],
          },
        ],
      },
    ]);
    expect(tree('<table><tr><td> </td></tr></table><p>x</p>')).toEqual([{ tag: 'p', children: ['x'] }]);
  });

  it('keeps a link around blocks, spaced out like a block', () => {
    expect(tree('<p>Before</p><a href="/card"><div>Card title</div><div>Card text</div></a>After')).toEqual([
      { tag: 'p', children: ['Before'] },
      '\n\n',
      {
        tag: 'a',
        attrs: { href: 'https://example.com/card' },
        children: [{ tag: 'p', children: ['Card title'] }, '\n\n', { tag: 'p', children: ['Card text'] }],
      },
      '\n\n',
      { tag: 'p', children: ['After'] },
    ]);
  });
});

describe('elements', () => {
  it('gives each meaning one name: b, i, strike, del, ins, tt, cite become strong, em, s, s, u, code, em', () => {
    const tags = elementsOf(
      tree('<p><b>b</b> <i>i</i> <strike>s</strike> <del>d</del> <ins>u</ins> <tt>t</tt> <cite>c</cite></p>'),
    ).map((e) => e.tag);
    expect(tags).toEqual(['p', 'strong', 'em', 's', 's', 'u', 'code', 'em']);
  });

  it('leaves out spans, fonts and marks but keeps their text, and writes q’s quotation marks', () => {
    expect(tree('<p><span>a</span><font color="red">b</font> <mark>c</mark> <q>d</q></p>')).toEqual([
      { tag: 'p', children: ['ab c “d”'] },
    ]);
  });

  it('keeps only the outer of two nested links', () => {
    // The parser closes a link when another starts, except across a table cell: the one way to nest them.
    const links = elementsOf(
      tree('<a href="/a">outer<table><tr><td><a href="/b">inner</a></td></tr></table></a>'),
    ).filter((e) => e.tag === 'a');
    expect(links.map((a) => a.attrs?.href)).toEqual(['https://example.com/a']);
    expect(text('<a href="/a">outer<table><tr><td><a href="/b">inner</a></td></tr></table></a>')).toBe(
      'outer\n\ninner',
    );
  });

  it('keeps start, colspan and rowspan only when a browser would read them, and not at their default', () => {
    const attrs = (html: string) => elementsOf(tree(html)).map((e) => e.attrs ?? null);
    expect(attrs('<ol start="-3"><li>a</li></ol><ol start="x"><li>b</li></ol><ol start="1"><li>c</li></ol>')).toEqual(
      Array(6).fill(null),
    );
    expect(attrs('<ol start="7"><li>a</li></ol>')[0]).toEqual({ start: 7 });
    const cells = attrs(
      '<table><tr><td colspan="3px" rowspan="0">a</td><td colspan="5000" rowspan="70000">b</td></tr></table>',
    );
    expect(cells.slice(3)).toEqual([{ colspan: 3 }, { colspan: 1000, rowspan: 65_534 }]);
  });

  it('names images in document order, one name per img even for the same address, and drops images it cannot fetch', () => {
    const converted = convert(
      '<p><img src="a.png" alt=" A  picture "><img src="a.png"><img src="blob:https://example.com/1"><img srcset="s.png 480w, l.png 1080w, m.png 720w"><img></p>',
    );
    expect(converted.images).toEqual([
      { name: '1', url: 'https://example.com/dir/a.png' },
      { name: '2', url: 'https://example.com/dir/a.png' },
      { name: '3', url: 'https://example.com/dir/l.png' },
    ]);
    expect(converted.document).toEqual([
      {
        tag: 'p',
        children: [
          { tag: 'img', attrs: { src: '1', alt: 'A picture' } },
          { tag: 'img', attrs: { src: '2' } },
          { tag: 'img', attrs: { src: '3' } },
        ],
      },
    ]);
  });
});

describe('deep nesting', () => {
  it(`flattens what nests deeper than ${maxDocumentDepth}, keeping every word apart`, () => {
    const levels = 80;
    const html =
      '<blockquote>'.repeat(levels) + '<p>deep</p><p>words</p>' + '</blockquote>'.repeat(levels) + '<p>after</p>';
    const nodes = tree(html);
    expect(depthOf(nodes)).toBeLessThanOrEqual(maxDocumentDepth);
    expect(documentText(nodes).split(/\s+/)).toEqual(['deep', 'words', 'after']);
  });

  it('walks a page nested 12,000 deep without running out of stack', { timeout: 60_000 }, () => {
    // A recursive walk overflows Node's stack at about 10,000 frames. (Parsing deeper pages is slow in the HTML
    // parser itself, which large-pages.test.ts measures; the walk takes milliseconds.)
    const levels = 12_000;
    const nodes = tree('<span>'.repeat(levels) + 'bottom' + '</span>'.repeat(levels) + '<p>next</p>');
    expect(nodes).toEqual([{ tag: 'p', children: ['bottom'] }, '\n\n', { tag: 'p', children: ['next'] }]);
  });
});
