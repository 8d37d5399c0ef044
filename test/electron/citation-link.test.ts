import { describe, expect, it } from 'vitest';

import { articleLink, highlightLink, parseMarginaliaLink } from '../../electron/core/export/links.ts';
import { marginaliaLink } from '../../renderer/app/reader/context-menu-citation.ts';

describe('the link in a copied quote', () => {
  it('is the link the Markdown export writes, which the app opens', () => {
    const id = '0f8e7a52-4c1b-4f7e-9a0d-3b2c1d0e9f8a';
    expect(marginaliaLink(12, id)).toBe(highlightLink(12, id));
    expect(marginaliaLink(12)).toBe(articleLink(12));
    expect(parseMarginaliaLink(marginaliaLink(12, id))).toEqual({ articleId: 12, annotationId: id });
  });
});
