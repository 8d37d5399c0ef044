import { afterEach, describe, expect, it } from 'vitest';

import type { Selector } from '../../../common/contract.ts';
import { anchor, anchorText, minimumFuzzyScore, TextIndex } from '../../../renderer/anchoring/index.ts';
import { renderArticle } from './default-article.ts';

interface Fixture {
  description: string;
  text: string;
  annotations: Array<{
    id: string;
    note: string;
    selectors: Selector[];
    expected: { status: 'exact' | 'moved' | 'fuzzy'; start: number; end: number; text: string } | { status: 'orphan' };
  }>;
}

const fixtures = import.meta.glob<Fixture>('../../fixtures/anchoring/*.json', { eager: true, import: 'default' });

let root: HTMLElement | undefined;
afterEach(() => {
  root?.remove();
  root = undefined;
});

it('has golden fixtures to check', () => {
  expect(Object.keys(fixtures).length).toBeGreaterThanOrEqual(4);
});

for (const [path, fixture] of Object.entries(fixtures)) {
  describe(`golden: ${path.split('/').pop()}`, () => {
    for (const annotation of fixture.annotations) {
      it(`${annotation.id}: ${annotation.note}`, () => {
        const result = anchorText(fixture.text, annotation.selectors);
        const { expected } = annotation;
        expect(result.status.kind).toBe(expected.status);
        if (expected.status === 'orphan') return;
        expect({ start: result.start, end: result.end }).toEqual({ start: expected.start, end: expected.end });
        expect(fixture.text.slice(result.start, result.end)).toBe(expected.text);
        if (result.status.kind === 'fuzzy') expect(result.status.score).toBeGreaterThanOrEqual(minimumFuzzyScore);
      });
    }

    it('anchors the same way through the rendered DOM', () => {
      root = renderArticle(fixture.text.split('\n\n'));
      const index = new TextIndex(root);
      expect(index.text).toBe(fixture.text);
      for (const annotation of fixture.annotations) {
        const placed = anchor(index, annotation.selectors);
        expect(placed.status.kind, annotation.id).toBe(annotation.expected.status);
        if (placed.range) {
          const live = document.createRange();
          live.setStart(placed.range.startContainer, placed.range.startOffset);
          live.setEnd(placed.range.endContainer, placed.range.endOffset);
          expect(live.toString(), annotation.id).toBe(
            'text' in annotation.expected ? annotation.expected.text : undefined,
          );
        }
      }
    });
  });
}
