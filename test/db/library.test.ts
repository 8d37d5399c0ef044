import path from 'node:path';

import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { type DocumentNode, documentText } from '../../common/document.ts';
import { createAnnotation, listAnnotations } from '../../db/annotations.ts';
import { deleteArticle, restoreArticle } from '../../db/article-deletion.ts';
import { getArticleImage, replaceArticleImages } from '../../db/article-images.ts';
import {
  getArticle,
  getLastOpenedArticle,
  insertArticle,
  listLibrary,
  markArticleOpened,
  setArticleNote,
  setReadingPosition,
  updateArticleContent,
} from '../../db/articles.ts';
import { closeDatabase, openDatabase } from '../../db/connection.ts';
import { ConflictError, NotFoundError } from '../../db/errors.ts';
import { searchLibrary } from '../../db/search.ts';
import { setTags } from '../../db/tags.ts';
import { selectorsIn } from './fixtures.ts';
import { makeTempDir } from './temp-dir.ts';

let temp: ReturnType<typeof makeTempDir>;
let db: Database;

beforeEach(() => {
  temp = makeTempDir();
  db = openDatabase(path.join(temp.dir, 'library.db'));
});

afterEach(() => {
  closeDatabase(db, console.warn);
  temp.cleanup();
});

const tree: DocumentNode[] = [
  { tag: 'h2', children: ['Tides'] },
  '\n\n',
  { tag: 'p', children: ['The ', { tag: 'em', children: ['spring'] }, ' tide comes twice a month.'] },
  '\n\n',
  { tag: 'ul', children: [{ tag: 'li', children: ['Neap'] }, '\n', { tag: 'li', children: ['Spring'] }] },
];

function storeDocument(source = 'https://example.org/tides') {
  return insertArticle(db, {
    title: 'Tides',
    source,
    format: 'document',
    document: tree,
    meta: { byline: 'A. Keeper', siteName: 'Harbour News', language: 'en', direction: 'ltr' },
  });
}

describe('formatted articles', () => {
  it('store their tree, and their text is the tree’s text: what highlights anchor to and search finds', () => {
    const article = storeDocument();
    expect(article.content).toBe('Tides\n\nThe spring tide comes twice a month.\n\nNeap\nSpring');
    expect(article.content).toBe(documentText(tree));
    expect(getArticle(db, article.id)).toMatchObject({
      format: 'document',
      document: tree,
      meta: { byline: 'A. Keeper', siteName: 'Harbour News', language: 'en', direction: 'ltr', publishedAt: null },
    });
    expect(searchLibrary(db, 'twice').groups.map((g) => g.title)).toEqual(['Tides']);
    // A highlight is checked against that text, like any other article's.
    const annotation = createAnnotation(db, {
      articleId: article.id,
      color: 'blue',
      selectors: selectorsIn(article.content, 'spring tide'),
    });
    expect(annotation.selectors).toContainEqual(expect.objectContaining({ exact: 'spring tide' }));
  });

  it('refuse a tree Marginalia may not store, and store nothing', () => {
    const hostile = [
      [{ tag: 'script', children: ['alert(1)'] }],
      [{ tag: 'a', attrs: { href: 'javascript:alert(1)' }, children: ['click'] }],
      [{ tag: 'img', attrs: { src: 'https://tracker.example/pixel.gif' } }],
      [
        { tag: 'p', children: ['one'] },
        { tag: 'p', children: ['two'] },
      ],
    ] as unknown as DocumentNode[][];
    for (const document of hostile) {
      expect(() => insertArticle(db, { title: 'Bad', source: 'bad', format: 'document', document })).toThrow(
        /refusing to store a formatted article/,
      );
    }
    expect(listLibrary(db)).toEqual([]);
  });

  it('can be re-imported as plain text and back, the tree following the format', () => {
    const article = storeDocument();
    const text = updateArticleContent(db, article.id, { title: 'Tides', format: 'text', content: 'Plain now.' });
    expect(text).toMatchObject({ format: 'text', document: null, content: 'Plain now.' });
    const back = updateArticleContent(db, article.id, { title: 'Tides', format: 'document', document: tree });
    expect(back).toMatchObject({ format: 'document', document: tree });
  });

  it('keep their images, replaced as a set on re-import', () => {
    const article = storeDocument();
    replaceArticleImages(db, article.id, [{ name: '1', mediaType: 'image/png', data: new Uint8Array([1, 2, 3]) }]);
    expect(getArticleImage(db, article.id, '1')).toMatchObject({ mediaType: 'image/png' });
    replaceArticleImages(db, article.id, [{ name: '2', mediaType: 'image/gif', data: new Uint8Array([4]) }]);
    expect(getArticleImage(db, article.id, '1')).toBeUndefined();
    expect([...(getArticleImage(db, article.id, '2')?.data ?? [])]).toEqual([4]);
  });
});

describe('what the user keeps on an article', () => {
  it('remembers where they left off, and shows their progress in the library', () => {
    const article = storeDocument();
    expect(getArticle(db, article.id).reading).toBeNull();
    setReadingPosition(db, article.id, { offset: 12, progress: 0.4 });
    expect(getArticle(db, article.id)).toMatchObject({ reading: { offset: 12, progress: 0.4 } });
    // Reading is not an edit: the article's updated time stays.
    expect(getArticle(db, article.id).updatedAt).toBe(article.updatedAt);
    expect(listLibrary(db)[0]).toMatchObject({ progress: 0.4, siteName: 'Harbour News', byline: 'A. Keeper' });
    expect(() => setReadingPosition(db, 999, { offset: 0, progress: 0 })).toThrow(NotFoundError);
  });

  it('remembers which article was open last, so the app starts on it, in the order they were opened', () => {
    const first = storeDocument();
    const second = storeDocument('https://example.org/second');
    expect(getLastOpenedArticle(db)).toBeUndefined();
    // Faster than the clock ticks, as a test can be: the order still holds.
    markArticleOpened(db, first.id);
    markArticleOpened(db, second.id);
    expect(getLastOpenedArticle(db)?.id).toBe(second.id);
    markArticleOpened(db, first.id);
    expect(getLastOpenedArticle(db)).toEqual(getArticle(db, first.id));
    // A position saved as an article closes (after the next one was opened) does not make it the last one open.
    markArticleOpened(db, second.id);
    setReadingPosition(db, first.id, { offset: 2, progress: 0.5 });
    expect(getLastOpenedArticle(db)?.id).toBe(second.id);
    // Not an edit: the updated time stays. An unknown article is refused.
    expect(getArticle(db, first.id).updatedAt).toBe(first.updatedAt);
    expect(() => markArticleOpened(db, 999)).toThrow(NotFoundError);
    // Once it is deleted, the one open before it is the last.
    deleteArticle(db, second.id);
    expect(getLastOpenedArticle(db)?.id).toBe(first.id);
  });

  it('keeps a note on the whole article', () => {
    const article = storeDocument();
    expect(setArticleNote(db, article.id, 'Compare with the 1953 flood.')).toEqual({
      id: article.id,
      note: 'Compare with the 1953 flood.',
    });
    expect(getArticle(db, article.id).note).toBe('Compare with the 1953 flood.');
    expect(listLibrary(db)[0]?.hasNote).toBe(true);
    expect(() => setArticleNote(db, 999, 'x')).toThrow(NotFoundError);
  });
});

describe('deleting an article', () => {
  it('takes its highlights, notes, tags and images with it, and undo brings every one back as it was', () => {
    const article = storeDocument();
    setArticleNote(db, article.id, 'my article note');
    const first = createAnnotation(db, {
      articleId: article.id,
      color: 'green',
      selectors: selectorsIn(article.content, 'spring tide'),
      note: 'twice monthly',
    });
    createAnnotation(db, { articleId: article.id, color: 'pink', selectors: selectorsIn(article.content, 'Neap') });
    setTags(db, first.id, ['tides', 'Moon']);
    replaceArticleImages(db, article.id, [{ name: '1', mediaType: 'image/png', data: new Uint8Array([9]) }]);
    const before = { article: getArticle(db, article.id), annotations: listAnnotations(db, article.id) };

    const snapshot = deleteArticle(db, article.id);
    expect(snapshot).toMatchObject({ highlights: 2, notes: 1 });
    expect(() => getArticle(db, article.id)).toThrow(NotFoundError);
    expect(searchLibrary(db, 'monthly').groups).toEqual([]);
    expect(searchLibrary(db, 'twice').groups).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM annotation_tags').pluck().get()).toBe(0);
    expect(getArticleImage(db, article.id, '1')).toBeUndefined();

    expect(restoreArticle(db, snapshot)).toEqual({ id: article.id });
    expect(getArticle(db, article.id)).toEqual(before.article);
    expect(listAnnotations(db, article.id)).toEqual(before.annotations);
    expect(listAnnotations(db, article.id)[0]?.tags).toEqual(['Moon', 'tides']);
    expect(getArticleImage(db, article.id, '1')).toBeDefined();
    expect(searchLibrary(db, 'monthly').groups.map((g) => g.title)).toEqual(['Tides']);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('cannot be undone once the same page was opened again, and then nothing changes', () => {
    const article = storeDocument();
    const snapshot = deleteArticle(db, article.id);
    const reopened = storeDocument();
    expect(() => restoreArticle(db, snapshot)).toThrow(ConflictError);
    expect(listLibrary(db).map((entry) => entry.id)).toEqual([reopened.id]);
  });

  it('is refused for an article that is not there', () => {
    expect(() => deleteArticle(db, 999)).toThrow(NotFoundError);
  });
});
