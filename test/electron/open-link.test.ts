import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { articleLink, highlightLink } from '../../common/marginalia-links.ts';
import { createAnnotation } from '../../db/annotations.ts';
import { insertArticle } from '../../db/articles.ts';
import { closeDatabase, openDatabase } from '../../db/connection.ts';
import { selectorsIn } from '../db/fixtures.ts';
import { makeTempDir } from '../db/temp-dir.ts';

const electron = vi.hoisted(() => ({ showErrorBox: vi.fn() }));
vi.mock('electron', () => ({ dialog: { showErrorBox: electron.showErrorBox } }));
const { openOutsideLink } = await import('../../electron/main/open-link.ts');

/**
 * marginalia:// links the OS hands main, against a real library: a good one reaches the page, checked; anything
 * else is explained in a message box and reaches nothing.
 */

let temp: ReturnType<typeof makeTempDir>;
let db: ReturnType<typeof openDatabase>;
const sent: unknown[][] = [];
const window = () =>
  ({
    isDestroyed: () => false,
    webContents: { isLoading: () => false, send: (...args: unknown[]) => sent.push(args) },
  }) as never;

beforeEach(() => {
  temp = makeTempDir();
  db = openDatabase(path.join(temp.dir, 'library.db'));
  sent.length = 0;
  electron.showErrorBox.mockClear();
});
afterEach(() => {
  closeDatabase(db, console.warn);
  temp.cleanup();
});

function library() {
  const owls = insertArticle(db, {
    title: 'Owls',
    source: 'file:///owls.txt',
    format: 'text',
    content: 'The owl hunts at dusk.',
  });
  const herons = insertArticle(db, {
    title: 'Herons',
    source: 'file:///h.txt',
    format: 'text',
    content: 'The heron waits.',
  });
  const owl = createAnnotation(db, {
    articleId: owls.id,
    color: 'yellow',
    selectors: selectorsIn(owls.content, 'owl'),
  });
  return { owls, herons, owl };
}

describe('openOutsideLink', () => {
  it('hands the page the article and its highlight, and an article alone', () => {
    const { owls, owl } = library();
    openOutsideLink({ db }, highlightLink(owls.id, owl.id), window);
    openOutsideLink({ db }, articleLink(owls.id).toUpperCase().replace('ARTICLE', 'article'), window);
    expect(sent).toEqual([
      ['events:link-opened', { articleId: owls.id, annotationId: owl.id }],
      ['events:link-opened', { articleId: owls.id, annotationId: null }],
    ]);
    expect(electron.showErrorBox).not.toHaveBeenCalled();
  });

  it('opens the article alone when the highlight is gone or belongs to another article', () => {
    const { owls, herons, owl } = library();
    openOutsideLink({ db }, highlightLink(herons.id, owl.id), window);
    openOutsideLink({ db }, highlightLink(owls.id, '0f8e7a52-4c1b-4f7e-9a0d-3b2c1d0e9f8a'), window);
    expect(sent).toEqual([
      ['events:link-opened', { articleId: herons.id, annotationId: null }],
      ['events:link-opened', { articleId: owls.id, annotationId: null }],
    ]);
  });

  it('explains a link that is not ours or whose article is gone, and hands the page nothing', () => {
    const { owl } = library();
    for (const url of [
      'marginalia://delete?article=1',
      'marginalia://open?article=1&highlight=1;DROP TABLE',
      'marginalia://open?article=-1',
      `marginalia://open?article=1&highlight=${owl.id}&then=evil`,
      `marginalia://open?article=1${'9'.repeat(300)}`,
    ]) {
      openOutsideLink({ db }, url, window);
    }
    expect(electron.showErrorBox).toHaveBeenCalledTimes(5);
    expect(electron.showErrorBox.mock.calls[0]).toEqual([
      'Marginalia cannot open this link',
      '“marginalia://delete?article=1” is not a link to an article or highlight in Marginalia.',
    ]);
    // The longest is shortened in the message.
    expect(String(electron.showErrorBox.mock.calls[4]?.[1]).length).toBeLessThan(300);
    openOutsideLink({ db }, articleLink(999), window);
    expect(electron.showErrorBox).toHaveBeenLastCalledWith(
      'The article is not in your library',
      expect.stringContaining('it may have been deleted'),
    );
    expect(sent).toEqual([]);
  });
});
