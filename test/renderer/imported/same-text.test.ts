import { afterEach, describe, expect, inject, it } from 'vitest';

import { liveRange, TextIndex } from '../../../renderer/anchoring/index.ts';
import { renderDocument } from '../../../renderer/app/reader/document-view.ts';

/**
 * One text per article: for every test document imported by the main process's pipeline (imported-documents.setup.ts,
 * in Node), the renderer's text of the rendered tree, which highlights are painted on, is exactly the text main
 * indexes and re-anchors against, and every offset means the same character in both.
 */

const documents = inject('importedDocuments');

let root: HTMLElement | undefined;
afterEach(() => {
  root?.remove();
  root = undefined;
});

describe('main and the renderer read an imported article the same way', () => {
  it('has every test document to compare, hostile pages included', () => {
    expect(documents.length).toBeGreaterThanOrEqual(8);
    expect(documents.some((d) => d.file.startsWith('hostile'))).toBe(true);
  });

  it.each(documents.map((d) => [d.file, d] as const))('%s: the same text and the same offsets', (_file, imported) => {
    root = document.createElement('div');
    root.className = 'article-body is-document';
    root.append(renderDocument(imported.document, { imageUrl: (name) => `/images/1/${name}` }));
    document.body.append(root);
    const index = new TextIndex(root);
    expect(index.text).toBe(imported.text);
    const { text } = imported;
    // Spans of many lengths across the whole text, through the index as the painter and the selection use it.
    const step = Math.max(1, Math.floor(text.length / 40));
    for (let start = 0; start < text.length; start += step) {
      for (const length of [1, 7, 60, 400]) {
        const end = Math.min(text.length, start + length);
        const range = liveRange(index.rangeOf(start, end))!;
        expect(range.toString()).toBe(text.slice(start, end));
        expect(index.offsetsOf(range)).toEqual({ start, end });
      }
    }
  });
});
