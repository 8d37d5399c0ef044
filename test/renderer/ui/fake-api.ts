import type { Annotation, Article, ErrorCode, MarginaliaApi, OpenedArticle, Result } from '../../../common/contract.ts';

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
  content: [
    'Readers have always written in their books. The habit is older than print.',
    '“Marginalia,” wrote one scholar, “are the footprints of attention” — and they outlive the reader…',
    'A good reader app keeps those footprints where they were left. It never loses a note.',
    ...Array.from({ length: 14 }, (_, i) => `Filler paragraph ${i + 1} keeps the page long enough to scroll, so that choosing a highlight in the sidebar has somewhere to go.`),
    'The last paragraph holds the final sentence. It is far below the fold.',
  ].join('\n\n'),
  textHash: '0'.repeat(64),
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
};

/**
 * An in-memory `window.marginalia` for component tests: annotations live in a Map, every call returns a Result
 * envelope and is recorded, a call can be told to fail, and responses can be held back to observe optimistic UI.
 */
export class FakeApi {
  readonly annotations = new Map<string, Annotation>();
  readonly calls: Call[] = [];
  article: Article = testArticle;
  /** What the next "Open…" returns: null is a cancelled dialog. */
  opened: OpenedArticle | null = null;
  readonly #failures = new Map<string, { code: ErrorCode; message: string }>();
  #hold: Promise<void> | undefined;
  #release: (() => void) | undefined;
  #clock = Date.parse('2025-02-01T00:00:00.000Z');

  /** The next call to `channel` (e.g. "annotations.create") fails with this message. */
  failNext(channel: string, message: string, code: ErrorCode = 'internal'): void {
    this.#failures.set(channel, { code, message });
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

  /** Seeds a stored annotation. */
  seed(annotation: Partial<Annotation> & Pick<Annotation, 'selectors'>): Annotation {
    const stored: Annotation = {
      id: crypto.randomUUID(),
      articleId: this.article.id,
      color: 'yellow',
      note: '',
      createdAt: this.#now(),
      updatedAt: this.#now(),
      ...annotation,
    };
    this.annotations.set(stored.id, stored);
    return stored;
  }

  readonly api: MarginaliaApi = {
    articles: {
      getDefault: () => this.#call('articles.getDefault', undefined, () => this.article),
      get: (input) => this.#call('articles.get', input, () => this.article),
      openFile: () => this.#call('articles.openFile', undefined, () => this.opened),
    },
    annotations: {
      list: (input) =>
        this.#call('annotations.list', input, () => [...this.annotations.values()].filter((a) => a.articleId === input.articleId)),
      create: (input) =>
        this.#call('annotations.create', input, () => {
          if (input.id !== undefined && this.annotations.has(input.id)) throw new Error(`annotation ${input.id} already exists`);
          return this.seed({
            ...(input.id !== undefined ? { id: input.id } : {}),
            articleId: input.articleId,
            color: input.color,
            selectors: input.selectors,
            note: input.note ?? '',
          });
        }),
      update: (input) =>
        this.#call('annotations.update', input, () => {
          const before = this.annotations.get(input.id);
          if (!before) throw new Error(`no annotation ${input.id}`);
          const after: Annotation = {
            ...before,
            ...(input.color !== undefined ? { color: input.color } : {}),
            ...(input.note !== undefined ? { note: input.note } : {}),
            ...(input.selectors !== undefined ? { selectors: input.selectors } : {}),
            updatedAt: this.#now(),
          };
          this.annotations.set(after.id, after);
          return after;
        }),
      delete: (input) =>
        this.#call('annotations.delete', input, () => {
          if (!this.annotations.delete(input.id)) throw new Error(`no annotation ${input.id}`);
          return { id: input.id };
        }),
    },
  };

  #now(): string {
    this.#clock += 1000;
    return new Date(this.#clock).toISOString();
  }

  async #call<T>(channel: string, input: unknown, run: () => T): Promise<Result<T>> {
    this.calls.push({ channel, input: structuredClone(input) });
    const failure = this.#failures.get(channel);
    this.#failures.delete(channel);
    await this.#hold;
    if (failure) return { ok: false, error: failure };
    try {
      return { ok: true, value: run() };
    } catch (error) {
      return { ok: false, error: { code: 'not-found', message: (error as Error).message } };
    }
  }
}
