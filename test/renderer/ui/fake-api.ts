import type { z } from 'zod';

import type { ContextMenuChoice } from '../../../common/commands.ts';
import {
  type Annotation,
  type Article,
  contract,
  type ErrorCode,
  type MarginaliaApi,
  type OpenedArticle,
  type Result,
  type Selector,
} from '../../../common/contract.ts';
import { describeIssues } from '../../../common/input-issues.ts';
import {
  type AnnotationImportReport,
  type BackupEntry,
  defaultSettings,
  type DeletedArticle,
  findQuoteSelector,
  type HighlightPage,
  type LibraryEntry,
  type LibraryHighlight,
  positionSelectorOf,
  type SearchGroup,
  type SearchHit,
  type SearchResults,
  type Settings,
  type SnippetPart,
  type TagCount,
} from '../../../common/model.ts';
import { foldForSearch } from '../../../common/search-fold.ts';
import { assertSelectorsFit as assertSelectorsFitText, SelectorMismatchError } from '../../../common/selector-fit.ts';

/** One call the renderer made, in order. */
export interface Call {
  channel: string;
  input: unknown;
}

/** A short article with typographic punctuation and enough paragraphs to scroll. */
export const testArticle: Article = {
  id: 1,
  title: 'On “Marginalia” — notes in the margin…',
  source: 'marginalia:test-article',
  format: 'text',
  document: null,
  meta: { byline: '', siteName: '', publishedAt: null, language: null, direction: null },
  note: '',
  reading: null,
  content: [
    'Readers have always written in their books. The habit is older than print.',
    '“Marginalia,” wrote one scholar, “are the footprints of attention” — and they outlive the reader…',
    'A good reader app keeps those footprints where they were left. It never loses a note.',
    ...Array.from(
      { length: 14 },
      (_, i) =>
        `Filler paragraph ${i + 1} keeps the page long enough to scroll, so that choosing a highlight in the sidebar has somewhere to go.`,
    ),
    'The last paragraph holds the final sentence. It is far below the fold.',
  ].join('\n\n'),
  textHash: '0'.repeat(64),
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
};

/** A refusal the fake answers with, as the real handlers' AppError does. */
class FakeRefusal extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/**
 * An in-memory `window.marginalia` for component tests: annotations live in a Map, every call returns a Result
 * envelope and is recorded, a call can be told to fail, and responses can be held back to observe optimistic UI.
 *
 * It answers as the real dispatcher does, and test/contract/ runs the same contract suite against both: input is
 * checked by the contract's own schemas (ids come out lower case), a taken id is a `conflict`, an unknown article or
 * annotation is `not-found`, selectors that do not describe the article are `invalid-input`, and lists come in
 * document order. Only `seed()` and `addArticle()`, which set up a test, skip those checks.
 */
export class FakeApi {
  readonly annotations = new Map<string, Annotation>();
  readonly calls: Call[] = [];
  /** The user's settings as main keeps them. */
  readonly settings: Settings = { ...defaultSettings };
  /** The built-in article (getDefault). */
  article: Article = testArticle;
  /** The article marked open last (markOpened), which the app starts on; null for none (the built-in one then). */
  lastOpened: number | null = null;
  /** What the next "Open…" returns: null is a cancelled dialog. The article it names is known from then on. */
  opened: OpenedArticle | null = null;
  /** What "Open web page…" answers, by the address as main normalises it; any other address is not found. */
  readonly webPages = new Map<string, OpenedArticle>();
  /** What dropping files answers, by path (`files` stands in for the preload's File-to-path step). */
  readonly droppedFiles = new Map<string, OpenedArticle>();
  /** What importing an annotation file answers; null is a cancelled dialog. */
  importReport: AnnotationImportReport | null = null;
  /** The library's backups, as main lists them. */
  backups: BackupEntry[] = [];
  /** Where the user says an export goes in main's dialog; null cancels it. */
  exportTo: string | null = '/home/ada/Vault';
  /** Whether the user agrees when a link asks to open in the browser; the links they agreed to, in order. */
  agreeToLinks = true;
  readonly openedLinks: string[] = [];
  /** What the user picks in the next context menus main shows, in turn; once used up, each is dismissed (null). */
  readonly contextMenuChoices: Array<ContextMenuChoice | null> = [];
  /**
   * Main's clipboard as its context menu leaves it: what a copy item wrote (a selection's Copy is the page's own
   * copy of the selection, as main's webContents.copy()).
   */
  clipboard: string | null = null;
  readonly #deleted = new Map<string, { article: Article; annotations: Annotation[] }>();
  readonly #deletedAnnotations = new Map<string, Annotation>();
  /** The selectors each re-attach replaced, latest last, as main keeps them for Undo. */
  readonly #reattached = new Map<string, Selector[][]>();
  readonly #articles = new Map<number, Article>();
  readonly #failures = new Map<string, { code: ErrorCode; message: string; every?: boolean }>();
  #hold: Promise<void> | undefined;
  #release: (() => void) | undefined;
  #clock = Date.parse('2025-02-01T00:00:00.000Z');

  /** The next call to `channel` (e.g. "annotations.create") fails with this message. */
  failNext(channel: string, message: string, code: ErrorCode = 'internal'): void {
    this.#failures.set(channel, { code, message });
  }

  /** Every call to `channel` fails with this message from now on (a library that cannot be read, say). */
  failEvery(channel: string, message: string, code: ErrorCode = 'internal'): void {
    this.#failures.set(channel, { code, message, every: true });
  }

  /** Holds every response until `release()`; calls are still recorded the moment they are made. */
  hold(): void {
    this.#hold = new Promise((resolve) => (this.#release = resolve));
  }

  /** Lets held responses through. */
  release(): void {
    this.#release?.();
    this.#hold = undefined;
  }

  /** Calls to one channel, in order. */
  callsTo(channel: string): unknown[] {
    return this.calls.filter((c) => c.channel === channel).map((c) => c.input);
  }

  /** Seeds a stored annotation as given, without checking it (an orphan's selectors need not fit). */
  seed(annotation: Partial<Annotation> & Pick<Annotation, 'selectors'>): Annotation {
    const stored: Annotation = {
      id: crypto.randomUUID(),
      articleId: this.article.id,
      color: 'yellow',
      note: '',
      tags: [],
      createdAt: this.#now(),
      updatedAt: this.#now(),
      ...annotation,
    };
    this.annotations.set(stored.id, stored);
    return stored;
  }

  /** Adds an article besides the built-in one, with the next free id unless one is given. */
  addArticle(article: Partial<Article> & Pick<Article, 'content'>): Article {
    const id = Math.max(this.article.id, ...this.#articles.keys()) + 1;
    const added: Article = {
      ...testArticle,
      id,
      title: `Article ${id}`,
      source: `marginalia:test-article-${id}`,
      ...article,
    };
    this.#articles.set(added.id, added);
    return added;
  }

  /**
   * The preload's `window.marginaliaFiles`, stood in for: a dropped file's path is its name, and opening them is one
   * recorded `articles.openDropped` call with those paths, answered from `droppedFiles`.
   */
  readonly files = {
    pathsOf: (files: File[]): string[] => files.map((file) => file.name),
    openDropped: (files: File[]) =>
      this.#call('articles', 'openDropped', { paths: files.map((file) => file.name) }, ({ paths }) => {
        const result: { opened: OpenedArticle[]; refused: Array<{ file: string; reason: string }> } = {
          opened: [],
          refused: [],
        };
        for (const path of paths) {
          const opened = this.droppedFiles.get(path);
          if (opened) {
            this.#articles.set(opened.article.id, opened.article);
            result.opened.push(opened);
          } else {
            result.refused.push({
              file: path,
              reason: `${path} cannot be opened: it is not a text, Markdown or HTML file.`,
            });
          }
        }
        return result;
      }),
  };

  readonly api: MarginaliaApi = {
    articles: {
      // A caller without types may still pass something to these no-input calls: the schema refuses it, as in main.
      getDefault: (input?: unknown) => this.#call('articles', 'getDefault', input, () => this.article),
      get: (input) => this.#call('articles', 'get', input, ({ id }) => this.#article(id)),
      getLastOpened: (input?: unknown) =>
        this.#call('articles', 'getLastOpened', input, () =>
          this.lastOpened === null ? this.article : this.#article(this.lastOpened),
        ),
      markOpened: (input) =>
        this.#call('articles', 'markOpened', input, ({ id }) => {
          this.lastOpened = this.#article(id).id;
          return null;
        }),
      list: (input?: unknown) => this.#call('articles', 'list', input, () => this.#library()),
      openFile: (input?: unknown) =>
        this.#call('articles', 'openFile', input, () => {
          if (this.opened) this.#articles.set(this.opened.article.id, this.opened.article);
          return this.opened;
        }),
      openWebPage: (input) =>
        this.#call('articles', 'openWebPage', input, ({ url }) => {
          const opened = this.webPages.get(url);
          if (!opened) throw new FakeRefusal('not-found', `${url} was not found (404).`);
          this.#articles.set(opened.article.id, opened.article);
          return opened;
        }),
      setReading: (input) =>
        this.#call('articles', 'setReading', input, ({ id, reading }) => {
          this.#replaceArticle({ ...this.#article(id), reading });
          return null;
        }),
      setNote: (input) =>
        this.#call('articles', 'setNote', input, ({ id, note }) => {
          this.#replaceArticle({ ...this.#article(id), note, updatedAt: this.#now() });
          return { id, note };
        }),
      delete: (input) =>
        this.#call('articles', 'delete', input, ({ id }): DeletedArticle => {
          const article = this.#article(id);
          if (article.source === this.article.source)
            throw new FakeRefusal('forbidden', 'The built-in article cannot be deleted.');
          const annotations = [...this.annotations.values()].filter((a) => a.articleId === id);
          annotations.forEach((a) => this.annotations.delete(a.id));
          this.#articles.delete(id);
          const undoToken = crypto.randomUUID();
          this.#deleted.set(undoToken, { article, annotations });
          return {
            id,
            highlights: annotations.length,
            notes: annotations.filter((a) => a.note !== '').length,
            undoToken,
          };
        }),
      restore: (input) =>
        this.#call('articles', 'restore', input, ({ undoToken }) => {
          const deleted = this.#deleted.get(undoToken);
          if (!deleted)
            throw new FakeRefusal(
              'not-found',
              'There is nothing to undo: the article was not deleted in this session.',
            );
          this.#deleted.delete(undoToken);
          this.#articles.set(deleted.article.id, deleted.article);
          deleted.annotations.forEach((a) => this.annotations.set(a.id, a));
          return { id: deleted.article.id };
        }),
    },
    annotations: {
      list: (input) =>
        this.#call('annotations', 'list', input, ({ articleId }) => {
          this.#article(articleId);
          return documentOrder([...this.annotations.values()].filter((a) => a.articleId === articleId));
        }),
      create: (input) =>
        this.#call('annotations', 'create', input, ({ id, articleId, color, selectors, note }) => {
          assertSelectorsFit(this.#article(articleId).content, selectors);
          if (id !== undefined && this.annotations.has(id))
            throw new FakeRefusal('conflict', `An annotation with id ${id} already exists`);
          return this.seed({ ...(id !== undefined ? { id } : {}), articleId, color, selectors, note: note ?? '' });
        }),
      update: (input) =>
        this.#call('annotations', 'update', input, ({ id, color, note, selectors }) => {
          const before = this.#annotation(id);
          if (selectors) {
            assertSelectorsFit(this.#article(before.articleId).content, selectors);
            this.#reattached.set(id, [...(this.#reattached.get(id) ?? []), before.selectors]);
          }
          const after: Annotation = {
            ...before,
            ...(color !== undefined ? { color } : {}),
            ...(note !== undefined ? { note } : {}),
            ...(selectors !== undefined ? { selectors } : {}),
            updatedAt: this.#now(),
          };
          this.annotations.set(after.id, after);
          return after;
        }),
      delete: (input) =>
        this.#call('annotations', 'delete', input, ({ id }) => {
          const annotation = this.#annotation(id);
          this.annotations.delete(id);
          const undoToken = crypto.randomUUID();
          this.#deletedAnnotations.set(undoToken, annotation);
          return { id, undoToken };
        }),
      restore: (input) =>
        this.#call('annotations', 'restore', input, ({ undoToken }) => {
          const annotation = this.#deletedAnnotations.get(undoToken);
          if (!annotation)
            throw new FakeRefusal('not-found', 'There is nothing to undo: that highlight was not deleted.');
          if (this.annotations.has(annotation.id)) throw new FakeRefusal('conflict', 'That highlight is already back.');
          this.#deletedAnnotations.delete(undoToken);
          this.annotations.set(annotation.id, annotation);
          return annotation;
        }),
      undoReattach: (input) =>
        this.#call('annotations', 'undoReattach', input, ({ id }) => {
          const last = this.#reattached.get(id)?.pop();
          if (!last)
            throw new FakeRefusal('not-found', 'There is nothing to undo: that highlight was not re-attached.');
          const after: Annotation = { ...this.#annotation(id), selectors: last, updatedAt: this.#now() };
          this.annotations.set(id, after);
          return after;
        }),
      setTags: (input) =>
        this.#call('annotations', 'setTags', input, ({ id, tags }) => {
          const before = this.#annotation(id);
          const after: Annotation = { ...before, tags: this.#normaliseTags(id, tags), updatedAt: this.#now() };
          this.annotations.set(id, after);
          return after;
        }),
      importFile: (input?: unknown) => this.#call('annotations', 'importFile', input, () => this.importReport),
      listAll: (input) =>
        this.#call('annotations', 'listAll', input, (filter): HighlightPage => this.#highlightPage(filter)),
    },
    tags: {
      list: (input?: unknown) => this.#call('tags', 'list', input, () => this.#tagCounts()),
    },
    links: {
      open: (input) =>
        this.#call('links', 'open', input, ({ url }) => {
          if (this.agreeToLinks) this.openedLinks.push(url);
          return { opened: this.agreeToLinks };
        }),
    },
    backups: {
      list: (input?: unknown) => this.#call('backups', 'list', input, () => this.backups),
      restore: (input) =>
        this.#call('backups', 'restore', input, ({ name }) => {
          const backup = this.backups.find((entry) => entry.name === name);
          if (!backup) throw new FakeRefusal('not-found', 'There is no such backup any more: list the backups again.');
          return { restored: name, safetyBackup: 'marginalia-2026-12-02T08-00-00.000Z-before-restore.db' };
        }),
    },
    export: {
      run: (input) =>
        this.#call('export', 'run', input, ({ format, articleIds }) => {
          if (this.exportTo === null) return null;
          const ids = articleIds ?? [this.article.id, ...this.#articles.keys()];
          const highlights = [...this.annotations.values()].filter((a) => ids.includes(a.articleId)).length;
          const files = format === 'markdown' ? ids.length : 1;
          return { format, articles: ids.length, highlights, files, destination: this.exportTo };
        }),
    },
    search: {
      query: (input) => this.#call('search', 'query', input, ({ text }) => this.#search(text)),
    },
    settings: {
      get: (input?: unknown) => this.#call('settings', 'get', input, () => ({ ...this.settings })),
      set: (input) =>
        this.#call('settings', 'set', input, (patch) => {
          for (const [key, value] of Object.entries(patch)) {
            if (value !== undefined) Object.assign(this.settings, { [key]: value });
          }
          return { ...this.settings };
        }),
    },
    menus: {
      context: (input) =>
        this.#call('menus', 'context', input, (request) => {
          const choice = this.contextMenuChoices.shift() ?? null;
          if (choice === 'copy-quote') this.clipboard = request.cited;
          else if (choice === 'copy' && request.kind === 'highlight') this.clipboard = request.text;
          else if (choice === 'copy') this.clipboard = globalThis.getSelection?.()?.toString() ?? '';
          return choice;
        }),
    },
  };

  #replaceArticle(article: Article): void {
    if (article.id === this.article.id) this.article = article;
    else this.#articles.set(article.id, article);
  }

  /**
   * Tags as main stores them (db/tags.ts): trimmed, inner spaces folded, blanks dropped, each once whatever its case,
   * in the spelling another highlight already uses (this one's own old tags do not count), sorted as SQLite's NOCASE.
   */
  #normaliseTags(id: string, tags: readonly string[]): string[] {
    const known = new Map<string, string>();
    for (const a of this.annotations.values()) {
      if (a.id !== id) for (const t of a.tags) if (!known.has(t.toLowerCase())) known.set(t.toLowerCase(), t);
    }
    const chosen = new Map<string, string>();
    for (const typed of tags) {
      const tag = typed.trim().replace(/\s+/g, ' ');
      if (tag === '' || chosen.has(tag.toLowerCase())) continue;
      chosen.set(tag.toLowerCase(), known.get(tag.toLowerCase()) ?? tag);
    }
    return [...chosen.values()].sort(nocaseOrder);
  }

  /** Tags in use, most used first, then by name (NOCASE). */
  #tagCounts(): TagCount[] {
    const counts = new Map<string, TagCount>();
    for (const a of this.annotations.values()) {
      for (const tag of a.tags) {
        const entry = counts.get(tag.toLowerCase()) ?? { tag, count: 0 };
        entry.count += 1;
        counts.set(tag.toLowerCase(), entry);
      }
    }
    return [...counts.values()].sort((a, b) => b.count - a.count || nocaseOrder(a.tag, b.tag));
  }

  /**
   * One page of every article's highlights, as main lists them (db/highlights.ts): newest first, then the higher id;
   * any of the colours, the tag in any case, every word of the text in the quote or note (case and accents ignored,
   * the last word a prefix). `next` is the position of the page's last highlight, and the next page starts strictly
   * after it, so highlights made or deleted between pages neither repeat nor hide one.
   */
  #highlightPage(filter: {
    colors?: string[];
    tag?: string;
    text?: string;
    after?: string;
    limit?: number;
  }): HighlightPage {
    const tag = filter.tag?.trim().replace(/\s+/g, ' ').toLowerCase() ?? '';
    const hasWords = wordFilter(filter.text ?? '');
    const after = filter.after === undefined ? undefined : positionOf(filter.after);
    const titles = new Map(this.#allArticles().map((a) => [a.id, a.title]));
    const all = [...this.annotations.values()]
      .filter((a) => titles.has(a.articleId))
      .filter((a) => !filter.colors?.length || filter.colors.includes(a.color))
      .filter((a) => tag === '' || a.tags.some((t) => t.toLowerCase() === tag))
      .filter((a) => hasWords(`${findQuoteSelector(a.selectors)?.exact ?? ''}\n\n${a.note}`))
      .sort((a, b) => newestFirst([a.createdAt, a.id], [b.createdAt, b.id]))
      .filter((a) => after === undefined || newestFirst(after, [a.createdAt, a.id]) < 0);
    const limit = filter.limit ?? 100;
    const items: LibraryHighlight[] = all
      .slice(0, limit)
      .map((a) => ({ ...a, articleTitle: titles.get(a.articleId) ?? '' }));
    const last = items.at(-1);
    return { items, next: all.length > limit && last ? JSON.stringify([last.createdAt, last.id]) : null };
  }

  /** The library as main lists it: newest first (then the higher id), with highlight and note counts. */
  #library(): LibraryEntry[] {
    return this.#allArticles()
      .map((article): LibraryEntry => {
        const own = [...this.annotations.values()].filter((a) => a.articleId === article.id);
        return {
          id: article.id,
          title: article.title,
          source: article.source,
          format: article.format,
          siteName: article.meta.siteName,
          byline: article.meta.byline,
          createdAt: article.createdAt,
          updatedAt: article.updatedAt,
          highlightCount: own.length,
          noteCount: own.filter((a) => a.note !== '').length,
          progress: article.reading?.progress ?? null,
          hasNote: article.note !== '',
        };
      })
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id);
  }

  /** Every article the fake knows, the built-in one first. */
  #allArticles(): Article[] {
    return [this.article, ...[...this.#articles.values()].filter((a) => a.id !== this.article.id)];
  }

  /**
   * A simple, honest search: every query word must prefix-match a word of the field (case and diacritics ignored);
   * title, text (the first match in each paragraph), then quotes and notes in document order. No ranking.
   */
  #search(text: string): SearchResults {
    const query = text.trim();
    const words = wordsOf(query).map((w) => w.norm);
    if (words.length === 0) return { query, groups: [] };
    const groups: SearchGroup[] = [];
    for (const article of this.#allArticles()) {
      const hits: SearchHit[] = [];
      const title = matchField(article.title, words);
      if (title) hits.push({ kind: 'title', snippet: title.snippet() });
      const body = matchField(article.content, words);
      if (body) {
        let paragraphEnd = -1;
        for (const word of body.matches) {
          if (word.start < paragraphEnd) continue;
          const next = article.content.indexOf('\n\n', word.end);
          paragraphEnd = next === -1 ? article.content.length : next;
          hits.push({ kind: 'text', start: word.start, end: word.end, snippet: body.snippet(word.start) });
        }
      }
      const annotations = documentOrder([...this.annotations.values()].filter((a) => a.articleId === article.id));
      for (const annotation of annotations) {
        const quote = matchField(findQuoteSelector(annotation.selectors)?.exact ?? '', words);
        if (quote) hits.push({ kind: 'quote', annotationId: annotation.id, snippet: quote.snippet() });
        const note = matchField(annotation.note, words);
        if (note) hits.push({ kind: 'note', annotationId: annotation.id, snippet: note.snippet() });
      }
      if (hits.length > 0) groups.push({ articleId: article.id, title: article.title, hits });
    }
    return { query, groups };
  }

  #article(id: number): Article {
    const article = id === this.article.id ? this.article : this.#articles.get(id);
    if (!article) throw new FakeRefusal('not-found', `No article with id ${id}`);
    return article;
  }

  #annotation(id: string): Annotation {
    const annotation = this.annotations.get(id);
    if (!annotation) throw new FakeRefusal('not-found', `No annotation with id ${id}`);
    return annotation;
  }

  #now(): string {
    this.#clock += 1000;
    return new Date(this.#clock).toISOString();
  }

  /** Records the call, applies a planned failure or hold, checks the input with the channel's schema, then runs. */
  async #call<G extends keyof typeof contract, V extends keyof (typeof contract)[G] & string, T>(
    group: G,
    verb: V,
    input: unknown,
    run: (parsed: z.output<ChannelInput<(typeof contract)[G][V]>>) => T,
  ): Promise<Result<T>> {
    const channel = `${group}.${verb}`;
    this.calls.push({ channel, input: structuredClone(input) });
    const failure = this.#failures.get(channel);
    if (!failure?.every) this.#failures.delete(channel);
    await this.#hold;
    if (failure) return { ok: false, error: { code: failure.code, message: failure.message } };
    const spec = contract[group][verb] as { input: z.ZodType };
    const parsed = spec.input.safeParse(input);
    if (!parsed.success) return { ok: false, error: { code: 'invalid-input', message: describeIssues(parsed.error) } };
    try {
      return { ok: true, value: run(parsed.data as z.output<ChannelInput<(typeof contract)[G][V]>>) };
    } catch (error) {
      if (error instanceof FakeRefusal) return { ok: false, error: { code: error.code, message: error.message } };
      return { ok: false, error: { code: 'internal', message: String(error) } };
    }
  }
}

/** A word of some text: where it is (UTF-16 offsets) and its folded form. */
interface Word {
  start: number;
  end: number;
  norm: string;
}

function wordsOf(text: string): Word[] {
  return [...text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    norm: foldForSearch(m[0]),
  }));
}

/** Characters of context a snippet keeps before and after the match it is cut around. */
const snippetBefore = 30;
const snippetAfter = 60;

/** The words of `text` that match, and snippets around them; undefined unless every query word matches. */
function matchField(
  text: string,
  query: readonly string[],
): { matches: Word[]; snippet(at?: number): SnippetPart[] } | undefined {
  const matches = wordsOf(text).filter((w) => query.some((q) => w.norm.startsWith(q)));
  if (!query.every((q) => matches.some((w) => w.norm.startsWith(q)))) return undefined;
  return {
    matches,
    snippet(at = matches[0]?.start ?? 0) {
      // Never past the paragraph the match is in.
      const before = text.lastIndexOf('\n\n', at);
      const after = text.indexOf('\n\n', at);
      const block = { start: before === -1 ? 0 : before + 2, end: after === -1 ? text.length : after };
      let from = Math.max(block.start, at - snippetBefore);
      let to = Math.min(block.end, at + snippetAfter);
      // Cut at spaces, so no word is shown half.
      if (from > block.start) from = text.indexOf(' ', from) + 1 || at;
      if (from > at) from = at;
      if (to < block.end) {
        const space = text.lastIndexOf(' ', to);
        if (space > at) to = space;
      }
      const parts: SnippetPart[] = [];
      const plain = (s: string) => s && parts.push({ text: s, match: false });
      if (from > block.start) plain('…');
      let cursor = from;
      for (const word of matches) {
        if (word.end <= from || word.start >= to) continue;
        plain(text.slice(cursor, word.start).replace(/\s+/g, ' '));
        parts.push({ text: text.slice(word.start, word.end), match: true });
        cursor = word.end;
      }
      plain(text.slice(cursor, to).replace(/\s+/g, ' '));
      if (to < block.end) plain('…');
      return parts;
    },
  };
}

type ChannelInput<C> = C extends { input: infer I extends z.ZodType } ? I : never;

/** The real list's order: by stored start, annotations without a position last, then by creation. */
function documentOrder(annotations: Annotation[]): Annotation[] {
  const start = (a: Annotation) => positionSelectorOf(a.selectors)?.start ?? Number.POSITIVE_INFINITY;
  return annotations.sort((a, b) => start(a) - start(b) || a.createdAt.localeCompare(b.createdAt));
}

/** The real check that selectors describe the article (common/selector-fit.ts), answering as the handlers do. */
function assertSelectorsFit(text: string, selectors: readonly Selector[]): void {
  try {
    assertSelectorsFitText(text, selectors);
  } catch (error) {
    if (error instanceof SelectorMismatchError) throw new FakeRefusal('invalid-input', error.message);
    throw error;
  }
}

/** SQLite's NOCASE order: ASCII letters folded, everything else by code unit. */
function nocaseOrder(a: string, b: string): number {
  const fold = (text: string) => text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
  const [x, y] = [fold(a), fold(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** A highlight's place in the all-highlights order: (createdAt, id), compared newest first. */
type Position = readonly [createdAt: string, id: string];

function newestFirst(a: Position, b: Position): number {
  if (a[0] !== b[0]) return a[0] > b[0] ? -1 : 1;
  return a[1] === b[1] ? 0 : a[1] > b[1] ? -1 : 1;
}

/** A cursor the fake gave out; anything else is refused as main refuses it. */
function positionOf(cursor: string): Position {
  let position: unknown;
  try {
    position = JSON.parse(cursor);
  } catch {
    position = undefined;
  }
  if (!Array.isArray(position) || position.length !== 2 || !position.every((part) => typeof part === 'string')) {
    throw new Error('this list position is not one the highlights list gave out');
  }
  return position as unknown as Position;
}

/**
 * Whether a text has every word of the filter, as main's full-text filter decides: whole words (case and accents
 * ignored), the last one a prefix of two letters or more, a one-letter last word after others dropped; a run of a
 * script without spaces (Japanese, Chinese, Thai) anywhere inside the text. No words at all: every text.
 */
function wordFilter(typed: string): (text: string) => boolean {
  const noSpace = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
  let terms = [...new Set(wordsOf(typed).map((w) => w.norm))];
  const last = terms.at(-1) ?? '';
  if (terms.length > 1 && last.length < 2 && !noSpace.test(last)) terms = terms.slice(0, -1);
  return (text) => {
    const words = wordsOf(text).map((w) => w.norm);
    const folded = foldForSearch(text);
    return terms.every((term, i) => {
      if (noSpace.test(term)) return folded.includes(term);
      const prefix = i === terms.length - 1 && term.length >= 2;
      return words.some((word) => (prefix ? word.startsWith(term) : word === term));
    });
  };
}
