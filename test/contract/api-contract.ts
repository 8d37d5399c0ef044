import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { Annotation, Article, ErrorCode, MarginaliaApi, Result, Selector } from '../../common/contract.ts';
import { defaultSettings } from '../../common/model.ts';

/**
 * One contract for every implementation of `window.marginalia`: the real dispatcher (what the preload reaches) and
 * the FakeApi the UI tests render against. Both run this suite, so the fake cannot drift from what the app does.
 */

/** One implementation under test, fresh for each case. */
export interface ContractSubject {
  readonly api: MarginaliaApi;
  /** Stores an article with this text besides the built-in one and returns it. */
  seedArticle(content: string): Promise<Article>;
  cleanup(): Promise<void>;
}

/** The API without its types, to send what a typed caller could not: malformed input must be refused at run time. */
type UntypedApi = Record<string, Record<string, (input?: unknown) => Promise<Result<unknown>>>>;

const text = [
  'The heron stood in the shallows all morning, patient as a post.',
  'By noon it had caught nothing, and flew off east toward the old mill.',
  'The ferry left at four. The heron did not come back that day.',
].join('\n\n');

/** Selectors for the `occurrence`-th appearance of `phrase` in `content`: quote with 32 characters of context, and position. */
function selectorsOf(content: string, phrase: string, occurrence = 0): Selector[] {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = content.indexOf(phrase, start + 1);
  if (start < 0) throw new Error(`"${phrase}" is not in the article`);
  const end = start + phrase.length;
  return [
    {
      type: 'TextQuoteSelector',
      exact: phrase,
      prefix: content.slice(Math.max(0, start - 32), start),
      suffix: content.slice(end, end + 32),
    },
    { type: 'TextPositionSelector', start, end },
  ];
}

const lowerUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const isoTime = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

function codeOf(result: Result<unknown>): ErrorCode | 'ok' {
  return result.ok ? 'ok' : result.error.code;
}

/** Registers the contract's cases for one implementation. */
export function runApiContract(name: string, makeSubject: () => Promise<ContractSubject>): void {
  describe(`API contract: ${name}`, () => {
    let subject: ContractSubject;
    let api: MarginaliaApi;
    let untyped: UntypedApi;
    let article: Article;

    beforeEach(async () => {
      subject = await makeSubject();
      api = subject.api;
      untyped = api as unknown as UntypedApi;
      article = await subject.seedArticle(text);
    });
    afterEach(() => subject.cleanup());

    const create = (
      phrase: string,
      extra: { id?: string; color?: Annotation['color']; note?: string; occurrence?: number } = {},
    ) =>
      api.annotations.create({
        ...(extra.id !== undefined ? { id: extra.id } : {}),
        articleId: article.id,
        color: extra.color ?? 'yellow',
        selectors: selectorsOf(text, phrase, extra.occurrence),
        ...(extra.note !== undefined ? { note: extra.note } : {}),
      });
    const listed = async () => valueOf(await api.annotations.list({ articleId: article.id }));

    describe('articles', () => {
      it('get returns a stored article; getDefault returns one that get finds by its id', async () => {
        expect(valueOf(await api.articles.get({ id: article.id }))).toEqual(article);
        const builtIn = valueOf(await api.articles.getDefault());
        expect(valueOf(await api.articles.get({ id: builtIn.id }))).toEqual(builtIn);
        expect(builtIn.id).not.toBe(article.id);
      });

      it('list shows every article newest first, without bodies, with its highlight and note counts', async () => {
        const created = valueOf(
          await api.annotations.create({
            articleId: article.id,
            color: 'green',
            selectors: selectorsOf(text, 'heron'),
            note: 'n',
          }),
        );
        valueOf(
          await api.annotations.create({ articleId: article.id, color: 'blue', selectors: selectorsOf(text, 'ferry') }),
        );
        const library = valueOf(await api.articles.list());
        const entry = library.find((e) => e.id === article.id);
        expect(entry).toMatchObject({ id: article.id, title: article.title, highlightCount: 2, noteCount: 1 });
        expect(entry).not.toHaveProperty('content');
        const times = library.map((e) => e.createdAt);
        expect(times).toEqual([...times].sort().reverse());
        valueOf(await api.annotations.delete({ id: created.id }));
        expect(valueOf(await api.articles.list()).find((e) => e.id === article.id)).toMatchObject({
          highlightCount: 1,
          noteCount: 0,
        });
      });

      it('get of an unknown article is not-found', async () => {
        expect(codeOf(await api.articles.get({ id: article.id + 1000 }))).toBe('not-found');
      });
    });

    describe('round trips', () => {
      it('create returns the stored annotation with a fresh lower-case id and an empty note; list returns it', async () => {
        const selectors = selectorsOf(text, 'patient as a post');
        const created = valueOf(await api.annotations.create({ articleId: article.id, color: 'green', selectors }));
        expect(created).toEqual({
          id: expect.stringMatching(lowerUuid),
          articleId: article.id,
          color: 'green',
          selectors,
          note: '',
          tags: [],
          createdAt: expect.stringMatching(isoTime),
          updatedAt: expect.stringMatching(isoTime),
        });
        expect(await listed()).toEqual([created]);
      });

      it('create keeps the id and the note the caller chose', async () => {
        const id = crypto.randomUUID();
        const created = valueOf(await create('the old mill', { id, note: 'Which mill?' }));
        expect(created).toMatchObject({ id, note: 'Which mill?' });
        expect(await listed()).toEqual([created]);
      });

      it('a quote without a position is stored when the article has that text', async () => {
        const quoteOnly = selectorsOf(text, 'flew off east').filter((s) => s.type === 'TextQuoteSelector');
        const created = valueOf(
          await api.annotations.create({ articleId: article.id, color: 'blue', selectors: quoteOnly }),
        );
        expect(created.selectors).toEqual(quoteOnly);
      });

      it('update changes the note and keeps the colour, then the colour and keeps the note', async () => {
        const created = valueOf(await create('patient as a post', { color: 'pink' }));
        const noted = valueOf(await api.annotations.update({ id: created.id, note: 'Stillness' }));
        expect(noted).toEqual({ ...created, note: 'Stillness', updatedAt: expect.stringMatching(isoTime) });
        expect(noted.updatedAt >= created.updatedAt).toBe(true);
        const recoloured = valueOf(await api.annotations.update({ id: created.id, color: 'purple' }));
        expect(recoloured).toEqual({
          ...created,
          note: 'Stillness',
          color: 'purple',
          updatedAt: expect.stringMatching(isoTime),
        });
        expect(await listed()).toEqual([recoloured]);
      });

      it('update with new selectors re-attaches the annotation, and an empty note clears it', async () => {
        const created = valueOf(await create('patient as a post', { note: 'Draft' }));
        const selectors = selectorsOf(text, 'The ferry left at four.');
        const moved = valueOf(await api.annotations.update({ id: created.id, selectors, note: '' }));
        expect(moved).toMatchObject({ id: created.id, selectors, note: '', color: created.color });
        expect(await listed()).toEqual([moved]);
      });

      it('delete returns its id and an undo token, the annotation is gone, and deleting it again is not-found', async () => {
        const kept = valueOf(await create('patient as a post'));
        const doomed = valueOf(await create('the old mill'));
        expect(await api.annotations.delete({ id: doomed.id })).toEqual({
          ok: true,
          value: { id: doomed.id, undoToken: expect.stringMatching(/^[0-9a-f-]{36}$/) },
        });
        expect(await listed()).toEqual([kept]);
        expect(codeOf(await api.annotations.delete({ id: doomed.id }))).toBe('not-found');
      });

      it('restore with the undo token brings a deleted highlight back exactly as it was, once', async () => {
        const doomed = valueOf(await create('the old mill', { note: 'Which mill?', color: 'green' }));
        const tagged = valueOf(await api.annotations.setTags({ id: doomed.id, tags: ['mills', 'history'] }));
        const before = await listed();
        const { undoToken } = valueOf(await api.annotations.delete({ id: doomed.id }));
        expect(valueOf(await api.annotations.restore({ undoToken }))).toEqual(tagged);
        expect(await listed()).toEqual(before);
        expect(codeOf(await api.annotations.restore({ undoToken }))).toBe('not-found');
      });

      it('undoReattach puts back the selectors the latest re-attach replaced, and only once', async () => {
        const created = valueOf(await create('patient as a post'));
        const first = selectorsOf(text, 'The ferry left at four.');
        const second = selectorsOf(text, 'the old mill');
        valueOf(await api.annotations.update({ id: created.id, selectors: first }));
        valueOf(await api.annotations.update({ id: created.id, selectors: second }));
        expect(valueOf(await api.annotations.undoReattach({ id: created.id })).selectors).toEqual(first);
        expect(valueOf(await api.annotations.undoReattach({ id: created.id })).selectors).toEqual(created.selectors);
        expect(codeOf(await api.annotations.undoReattach({ id: created.id }))).toBe('not-found');
        expect((await listed())[0]?.selectors).toEqual(created.selectors);
      });

      it("list returns only the article's own annotations", async () => {
        const builtIn = valueOf(await api.articles.getDefault());
        const before = valueOf(await api.annotations.list({ articleId: builtIn.id }));
        valueOf(await create('patient as a post'));
        expect(valueOf(await api.annotations.list({ articleId: builtIn.id }))).toEqual(before);
        expect(await listed()).toHaveLength(1);
      });
    });

    describe('order', () => {
      it('list is in document order of the stored position, annotations without a position last', async () => {
        const quoteOnly = selectorsOf(text, 'shallows').filter((s) => s.type === 'TextQuoteSelector');
        const unplaced = valueOf(
          await api.annotations.create({ articleId: article.id, color: 'blue', selectors: quoteOnly }),
        );
        const third = valueOf(await create('The ferry left at four.'));
        const first = valueOf(await create('The heron', { occurrence: 0 }));
        const fourth = valueOf(await create('The heron', { occurrence: 1 }));
        const second = valueOf(await create('the old mill'));
        expect((await listed()).map((a) => a.id)).toEqual([first, second, third, fourth, unplaced].map((a) => a.id));
      });

      it('re-attaching moves an annotation to its new place in the order', async () => {
        const early = valueOf(await create('patient as a post'));
        const late = valueOf(await create('The ferry left at four.'));
        valueOf(await api.annotations.update({ id: early.id, selectors: selectorsOf(text, 'did not come back') }));
        expect((await listed()).map((a) => a.id)).toEqual([late.id, early.id]);
      });
    });

    describe('ids', () => {
      it('a taken id is a conflict, and the first annotation is left as it was', async () => {
        const first = valueOf(await create('patient as a post', { note: 'First' }));
        const again = await create('the old mill', { id: first.id, color: 'pink', note: 'Second' });
        expect(codeOf(again)).toBe('conflict');
        expect(await listed()).toEqual([first]);
      });

      it('an upper-case id names the same annotation, and ids come back lower case', async () => {
        const upper = crypto.randomUUID().toUpperCase();
        const lower = upper.toLowerCase();
        const created = valueOf(await create('patient as a post', { id: upper }));
        expect(created.id).toBe(lower);
        expect(codeOf(await create('the old mill', { id: lower }))).toBe('conflict');
        expect(valueOf(await api.annotations.update({ id: upper, note: 'Same one' }))).toMatchObject({
          id: lower,
          note: 'Same one',
        });
        expect(valueOf(await api.annotations.delete({ id: upper })).id).toBe(lower);
        expect(await listed()).toEqual([]);
      });

      it('unknown annotations are not-found for update and delete', async () => {
        const unknown = crypto.randomUUID();
        expect(codeOf(await api.annotations.update({ id: unknown, note: 'Nobody' }))).toBe('not-found');
        expect(
          codeOf(await api.annotations.update({ id: unknown, selectors: selectorsOf(text, 'the old mill') })),
        ).toBe('not-found');
        expect(codeOf(await api.annotations.delete({ id: unknown }))).toBe('not-found');
      });

      it('unknown articles are not-found for list and create', async () => {
        const missing = article.id + 1000;
        expect(codeOf(await api.annotations.list({ articleId: missing }))).toBe('not-found');
        const selectors = selectorsOf(text, 'patient as a post');
        expect(codeOf(await api.annotations.create({ articleId: missing, color: 'yellow', selectors }))).toBe(
          'not-found',
        );
        expect(await listed()).toEqual([]);
      });
    });

    describe('tags', () => {
      it('setTags returns the highlight with its tags trimmed, each once whatever its case, sorted; list shows them', async () => {
        const created = valueOf(await create('patient as a post', { note: 'Still' }));
        const tagged = valueOf(
          await api.annotations.setTags({ id: created.id, tags: [' birds ', 'Birds', 'wading   birds', 'Alpha'] }),
        );
        expect(tagged).toEqual({
          ...created,
          tags: ['Alpha', 'birds', 'wading birds'],
          updatedAt: expect.stringMatching(isoTime),
        });
        expect(tagged.updatedAt >= created.updatedAt).toBe(true);
        expect(await listed()).toEqual([tagged]);
        const cleared = valueOf(await api.annotations.setTags({ id: created.id.toUpperCase(), tags: [] }));
        expect(cleared).toMatchObject({ id: created.id, tags: [] });
        expect((await listed())[0]?.tags).toEqual([]);
      });

      it('a tag already on another highlight keeps its first spelling; tags.list counts them, most used first, then by name', async () => {
        const first = valueOf(await create('patient as a post'));
        const second = valueOf(await create('the old mill'));
        const third = valueOf(await create('The ferry left at four.'));
        valueOf(await api.annotations.setTags({ id: first.id, tags: ['Climate', 'rivers'] }));
        expect(valueOf(await api.annotations.setTags({ id: second.id, tags: ['climate', 'Boats'] })).tags).toEqual([
          'Boats',
          'Climate',
        ]);
        expect(
          valueOf(await api.annotations.setTags({ id: third.id, tags: ['CLIMATE', 'boats', 'zebra'] })).tags,
        ).toEqual(['Boats', 'Climate', 'zebra']);
        expect(valueOf(await api.tags.list())).toEqual([
          { tag: 'Climate', count: 3 },
          { tag: 'Boats', count: 2 },
          { tag: 'rivers', count: 1 },
          { tag: 'zebra', count: 1 },
        ]);
        valueOf(await api.annotations.setTags({ id: first.id, tags: [] }));
        valueOf(await api.annotations.delete({ id: third.id }));
        expect(valueOf(await api.tags.list())).toEqual([
          { tag: 'Boats', count: 1 },
          { tag: 'Climate', count: 1 },
        ]);
      });

      it('setTags on an unknown highlight is not-found; malformed tags are invalid-input; neither changes anything', async () => {
        const stored = valueOf(await create('patient as a post'));
        const tagged = valueOf(await api.annotations.setTags({ id: stored.id, tags: ['birds'] }));
        expect(codeOf(await api.annotations.setTags({ id: crypto.randomUUID(), tags: ['birds'] }))).toBe('not-found');
        const cases: unknown[] = [
          { id: stored.id, tags: 'birds' },
          { id: stored.id, tags: [42] },
          { id: stored.id, tags: ['x'.repeat(101)] },
          { id: stored.id, tags: ['   '] },
          { id: stored.id, tags: Array.from({ length: 51 }, (_, i) => `tag ${i}`) },
          { id: stored.id, tags: ['half an emoji \ud83d'] },
          { id: 'not-a-uuid', tags: [] },
          { id: stored.id, tags: [], extra: true },
          { id: stored.id },
        ];
        for (const input of cases) {
          const result = await untyped.annotations!.setTags!(input);
          expect({ input, code: codeOf(result) }).toEqual({ input, code: 'invalid-input' });
        }
        expect(codeOf(await untyped.tags!.list!({}))).toBe('invalid-input');
        expect(await listed()).toEqual([tagged]);
        expect(valueOf(await api.tags.list())).toEqual([{ tag: 'birds', count: 1 }]);
      });
    });

    describe('all highlights', () => {
      /** The order listAll promises: newest first, then the higher id (highlights made in one millisecond tie). */
      const newestFirst = (items: readonly Annotation[]) =>
        [...items].sort((a, b) =>
          a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1,
        );

      it("listAll lists every article's highlights newest first, each as list has it with its article's title", async () => {
        const other = await subject.seedArticle('A second article, about a grey heron and a ferry.');
        const mill = valueOf(await create('the old mill', { note: 'Which mill?' }));
        const grey = valueOf(
          await api.annotations.create({
            articleId: other.id,
            color: 'green',
            selectors: selectorsOf(other.content, 'grey heron'),
          }),
        );
        valueOf(await api.annotations.setTags({ id: grey.id, tags: ['birds'] }));
        valueOf(await create('patient as a post', { color: 'blue' }));
        const page = valueOf(await api.annotations.listAll({}));
        expect(page.next).toBeNull();
        const stored = [...(await listed()), ...valueOf(await api.annotations.list({ articleId: other.id }))];
        const titles = new Map([
          [article.id, article.title],
          [other.id, other.title],
        ]);
        expect(page.items).toEqual(newestFirst(stored).map((a) => ({ ...a, articleTitle: titles.get(a.articleId) })));
        expect(page.items.find((item) => item.id === grey.id)?.tags).toEqual(['birds']);
        expect(page.items.find((item) => item.id === mill.id)?.note).toBe('Which mill?');
      });

      it('pages of `limit` lead through every highlight once, even when one is made between pages', async () => {
        const phrases = ['The heron', 'shallows', 'all morning', 'patient as a post', 'By noon'];
        for (const phrase of phrases) valueOf(await create(phrase));
        const everything = valueOf(await api.annotations.listAll({})).items;
        const first = valueOf(await api.annotations.listAll({ limit: 2 }));
        expect(first.items).toEqual(everything.slice(0, 2));
        expect(first.next).toEqual(expect.any(String));
        const added = valueOf(await create('the old mill'));
        const seen = [...first.items];
        for (let after = first.next; after !== null;) {
          const page = valueOf(await api.annotations.listAll({ limit: 2, after }));
          seen.push(...page.items);
          after = page.next;
        }
        expect(seen).toEqual(everything);
        expect(seen.map((item) => item.id)).not.toContain(added.id);
        expect(valueOf(await api.annotations.listAll({ limit: 1 })).items[0]?.id).toBe(added.id);
      });

      it('filters by any of the colours, by a tag in any case and by words in the quote or note', async () => {
        const heron = valueOf(await create('The heron', { color: 'green', note: 'A café by the river' }));
        const post = valueOf(await create('patient as a post', { color: 'blue' }));
        const mill = valueOf(await create('the old mill', { color: 'pink', note: 'Which mill?' }));
        valueOf(await api.annotations.setTags({ id: heron.id, tags: ['Birds'] }));
        valueOf(await api.annotations.setTags({ id: mill.id, tags: ['birds', 'places'] }));
        const ids = async (filter: Parameters<MarginaliaApi['annotations']['listAll']>[0]) =>
          valueOf(await api.annotations.listAll(filter)).items.map((item) => item.id);
        expect(new Set(await ids({ colors: ['green', 'blue'] }))).toEqual(new Set([heron.id, post.id]));
        expect(new Set(await ids({ tag: 'BIRDS' }))).toEqual(new Set([heron.id, mill.id]));
        expect(await ids({ tag: 'places', colors: ['green'] })).toEqual([]);
        expect(await ids({ text: 'CAFE' })).toEqual([heron.id]);
        expect(await ids({ text: 'patie' })).toEqual([post.id]);
        expect(await ids({ text: 'which mill' })).toEqual([mill.id]);
        expect(await ids({ text: 'mill heron' })).toEqual([]);
        expect(await ids({ text: '"mill" AND' })).toEqual([]);
        expect(new Set(await ids({ text: '  ' }))).toEqual(new Set([heron.id, post.id, mill.id]));
      });

      it('malformed filters are invalid-input', async () => {
        const cases: unknown[] = [
          { colors: ['red'] },
          { colors: 'green' },
          { limit: 0 },
          { limit: 501 },
          { limit: 1.5 },
          { tag: '' },
          { text: 'x'.repeat(501) },
          { after: 42 },
          { extra: true },
          undefined,
        ];
        for (const input of cases) {
          const result = await untyped.annotations!.listAll!(input);
          expect({ input, code: codeOf(result) }).toEqual({ input, code: 'invalid-input' });
        }
      });
    });

    describe('refusals', () => {
      it('malformed input is invalid-input and changes nothing', async () => {
        const stored = valueOf(await create('patient as a post'));
        const selectors = selectorsOf(text, 'the old mill');
        const [quote, position] = selectors;
        const good = { articleId: article.id, color: 'yellow', selectors };
        const cases: Array<[verb: string, input: unknown]> = [
          ['create', { ...good, color: 'red' }],
          ['create', { ...good, selectors: [] }],
          ['create', { ...good, selectors: [quote, quote] }],
          ['create', { ...good, selectors: [position] }],
          ['create', { ...good, selectors: [quote, { ...position, end: (position as { end: number }).end + 1 }] }],
          ['create', { ...good, id: 'not-a-uuid' }],
          ['create', { ...good, id: '00000000-0000-0000-0000-000000000000' }],
          ['create', { ...good, note: 'half an emoji \ud83d' }],
          ['create', { ...good, articleId: String(article.id) }],
          ['create', { ...good, extra: true }],
          ['create', undefined],
          ['list', { articleId: -1 }],
          ['list', { articleId: 1.5 }],
          ['list', {}],
          ['update', { id: stored.id }],
          ['update', { id: stored.id, color: 'red' }],
          ['update', { id: 'not-a-uuid', note: 'x' }],
          ['delete', { id: 42 }],
          ['delete', {}],
        ];
        for (const [verb, input] of cases) {
          const result = await untyped.annotations![verb]!(input);
          expect({ verb, input, code: codeOf(result) }).toEqual({ verb, input, code: 'invalid-input' });
        }
        expect(codeOf(await untyped.articles!.get!({ id: 'one' }))).toBe('invalid-input');
        expect(codeOf(await untyped.articles!.getDefault!({ id: 1 }))).toBe('invalid-input');
        expect(await listed()).toEqual([stored]);
      });

      it('selectors that do not describe the article are invalid-input, on create and on re-attach', async () => {
        const stored = valueOf(await create('patient as a post'));
        const selectors = selectorsOf(text, 'the old mill');
        const [quote, position] = selectors as [
          Extract<Selector, { type: 'TextQuoteSelector' }>,
          Extract<Selector, { type: 'TextPositionSelector' }>,
        ];
        const misfits: Selector[][] = [
          [quote, { ...position, start: text.length, end: text.length + quote.exact.length }],
          [{ ...quote, exact: 'the new mill' }, position],
          [quote, { ...position, start: position.start - 1, end: position.end - 1 }],
          [{ ...quote, prefix: 'nothing like this' }, position],
          [{ ...quote, suffix: ' and more' }, position],
          [{ type: 'TextQuoteSelector', exact: 'a phrase that is nowhere', prefix: '', suffix: '' }],
        ];
        for (const misfit of misfits) {
          const created = await api.annotations.create({ articleId: article.id, color: 'yellow', selectors: misfit });
          expect({ misfit, code: codeOf(created) }).toEqual({ misfit, code: 'invalid-input' });
          const moved = await api.annotations.update({ id: stored.id, selectors: misfit });
          expect({ misfit, code: codeOf(moved) }).toEqual({ misfit, code: 'invalid-input' });
        }
        expect(await listed()).toEqual([stored]);
      });

      it("selectors are checked against the annotation's own article", async () => {
        const builtIn = valueOf(await api.articles.getDefault());
        const selectors = selectorsOf(text, 'patient as a post');
        expect(codeOf(await api.annotations.create({ articleId: builtIn.id, color: 'yellow', selectors }))).toBe(
          'invalid-input',
        );
        const elsewhere = selectorsOf(builtIn.content, builtIn.content.slice(0, 12));
        const stored = valueOf(await create('patient as a post'));
        expect(codeOf(await api.annotations.update({ id: stored.id, selectors: elsewhere }))).toBe('invalid-input');
        expect(await listed()).toEqual([stored]);
      });
    });

    describe('menus', () => {
      it('a context menu no one chooses from answers null; one for nothing, or with nothing to copy, is refused', async () => {
        const cited = '“The heron stood”\n— A test';
        expect(valueOf(await api.menus.context({ kind: 'selection', cited }))).toBeNull();
        expect(
          valueOf(await api.menus.context({ kind: 'highlight', color: 'blue', text: 'The heron stood', cited })),
        ).toBeNull();
        expect(codeOf(await untyped['menus']!['context']!({ kind: 'page', cited }))).toBe('invalid-input');
        expect(codeOf(await untyped['menus']!['context']!({ kind: 'selection', cited: '' }))).toBe('invalid-input');
        expect(codeOf(await untyped['menus']!['context']!({ kind: 'highlight', color: 'red', text: 'a', cited }))).toBe(
          'invalid-input',
        );
      });
    });

    describe('settings', () => {
      it('start with the theme following the system, the sidebar shown and the default type; a change is kept, a wrong one refused', async () => {
        expect(valueOf(await api.settings.get())).toEqual(defaultSettings);
        expect(valueOf(await api.settings.set({ theme: 'sepia' }))).toEqual({ ...defaultSettings, theme: 'sepia' });
        const changed = { theme: 'sepia', sidebarHidden: true, fontFamily: 'mono', fontSize: 24 } as const;
        expect(valueOf(await api.settings.set({ sidebarHidden: true, fontFamily: 'mono', fontSize: 24 }))).toEqual({
          ...defaultSettings,
          ...changed,
        });
        expect(valueOf(await api.settings.set({}))).toEqual({ ...defaultSettings, ...changed });
        const untyped = api as unknown as UntypedApi;
        expect(codeOf(await untyped['settings']!['set']!({ theme: 'neon' }))).toBe('invalid-input');
        expect(codeOf(await untyped['settings']!['set']!({ sidebarHidden: 'yes' }))).toBe('invalid-input');
        expect(codeOf(await untyped['settings']!['set']!({ theme: 'dark', font: 'Comic' }))).toBe('invalid-input');
        // A refused change changes nothing, not even its valid part.
        expect(codeOf(await untyped['settings']!['set']!({ theme: 'dark', zoom: 9 }))).toBe('invalid-input');
        expect(valueOf(await api.settings.get())).toEqual({ ...defaultSettings, ...changed });
      });
    });
  });
}
