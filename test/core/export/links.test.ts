import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { articleLink, highlightLink } from '../../../common/marginalia-links.ts';
import { parseMarginaliaLink } from '../../../electron/core/export/links.ts';

const id = '0f8e7a52-4c1b-4f7e-9a0d-3b2c1d0e9f8a';

describe('marginalia:// links', () => {
  it('name an article, or an article at a highlight', () => {
    expect(articleLink(12)).toBe('marginalia://open?article=12');
    expect(highlightLink(12, id)).toBe(`marginalia://open?article=12&highlight=${id}`);
  });

  it('read back to what they name, for any article id and highlight id', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), fc.uuid({ version: 4 }), (articleId, uuid) => {
        expect(parseMarginaliaLink(articleLink(articleId))).toEqual({ articleId });
        expect(parseMarginaliaLink(highlightLink(articleId, uuid))).toEqual({ articleId, annotationId: uuid });
      }),
    );
  });

  it('are read with the slash some systems add, the scheme in any case, and an upper-case id (read as lower case)', () => {
    expect(parseMarginaliaLink('marginalia://open/?article=3')).toEqual({ articleId: 3 });
    expect(parseMarginaliaLink('MARGINALIA://Open?article=3')).toEqual({ articleId: 3 });
    expect(parseMarginaliaLink(`marginalia://open?article=3&highlight=${id.toUpperCase()}`)).toEqual({
      articleId: 3,
      annotationId: id,
    });
  });

  it.each([
    '',
    'marginalia://open',
    'marginalia://open?',
    'marginalia://open?article=',
    'marginalia://open?article=0',
    'marginalia://open?article=-1',
    'marginalia://open?article=012',
    'marginalia://open?article=1.5',
    'marginalia://open?article=1e3',
    'marginalia://open?article=9007199254740993',
    'marginalia://open?article=12345678901234567',
    'marginalia://open?article=%31',
    'marginalia://open?article=1&',
    'marginalia://open?article=1&article=2',
    'marginalia://open?Article=1',
    'marginalia://open?highlight=' + id,
    `marginalia://open?highlight=${id}&article=1`,
    'marginalia://open?article=1&highlight=',
    'marginalia://open?article=1&highlight=not-a-uuid',
    'marginalia://open?article=1&highlight=00000000-0000-0000-0000-000000000000',
    'marginalia://open?article=1&highlight=ffffffff-ffff-ffff-ffff-ffffffffffff',
    `marginalia://open?article=1&highlight=${id}x`,
    `marginalia://open?article=1&highlight=${id}#x`,
    'marginalia://open?article=1&delete=1',
    'marginalia://open?article=1 ',
    ' marginalia://open?article=1',
    'marginalia://open?article=1\n',
    'marginalia://delete?article=1',
    'marginalia://open/x?article=1',
    'marginalia://user@open?article=1',
    'marginalia:open?article=1',
    'marginalia:///open?article=1',
    'https://open?article=1',
    'marginalia://open?article=1' + '0'.repeat(200),
  ])('refuse %j', (url) => {
    expect(parseMarginaliaLink(url)).toBeUndefined();
  });
});
