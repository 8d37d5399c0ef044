import { z } from 'zod';

import type { ContextMenuChoice } from './commands.ts';
import type {
  Annotation,
  AnnotationImportReport,
  Article,
  BackupEntry,
  DeletedAnnotation,
  DeletedArticle,
  ExportReport,
  HighlightPage,
  LibraryEntry,
  OpenedArticle,
  RestoredBackup,
  SearchResults,
  Settings,
  TagCount,
} from './model.ts';
import {
  annotationIdSchema,
  articleIdSchema,
  backupNameSchema,
  contextMenuRequestSchema,
  droppedPathsSchema,
  exportArticleIdsSchema,
  exportFormatSchema,
  externalLinkSchema,
  highlightColorSchema,
  highlightFilterSchema,
  noteSchema,
  readingPositionSchema,
  searchTextSchema,
  selectorsSchema,
  settingsPatchSchema,
  tagsSchema,
  undoTokenSchema,
  webAddressSchema,
} from './schemas.ts';

export type {
  Annotation,
  Article,
  HighlightColor,
  OpenedArticle,
  ReanchorReport,
  Selector,
  TextPositionSelector,
  TextQuoteSelector,
} from './model.ts';

/**
 * The one IPC contract. Every channel the renderer may call is declared here once: its wire name, the schema its
 * input must pass, and the type of its result. Main registers handlers from it, the preload exposes one named
 * function per entry, and the renderer's `window.marginalia` type is derived from it. The renderer may import this
 * module for types only.
 */

/** A channel's declaration. `result` is a phantom: it carries the result type and is never read at runtime. */
export interface ChannelSpec<Input extends z.ZodType, Result> {
  readonly name: string;
  readonly input: Input;
  readonly result: Result;
}

function channel<Result>() {
  return <Input extends z.ZodType>(name: string, input: Input): ChannelSpec<Input, Result> => ({
    name,
    input,
    result: undefined as Result,
  });
}

const noInput = z.undefined({ error: 'this call takes no input' });

export const contract = {
  articles: {
    /** The built-in default article, always present. */
    getDefault: channel<Article>()('articles:get-default', noInput),
    get: channel<Article>()('articles:get', z.strictObject({ id: articleIdSchema })),
    /** The article the user had open last (`markOpened`), for the app to start on; the built-in one if none. */
    getLastOpened: channel<Article>()('articles:get-last-opened', noInput),
    /** Remembers that the user has this article open now, so the app starts on it next time. */
    markOpened: channel<null>()('articles:mark-opened', z.strictObject({ id: articleIdSchema })),
    /** Every article in the library, newest first, without bodies, with highlight and note counts. */
    list: channel<LibraryEntry[]>()('articles:list', noInput),
    /**
     * Asks the user for a file (text, Markdown or HTML) and opens it: a new article, or a changed version of one
     * already in the library (same source), whose annotations are re-anchored. null when the user cancels.
     */
    openFile: channel<OpenedArticle | null>()('articles:open-file', noInput),
    /** Fetches a web page in the main process and opens it like a file (a second fetch of the same page re-imports). */
    openWebPage: channel<OpenedArticle>()('articles:open-web-page', z.strictObject({ url: webAddressSchema })),
    /**
     * Opens files dropped on the window. Only the preload calls it (see `preloadOnly`): it turns the dropped File
     * objects into paths itself (a File made by script has none), so the page can never name a file for main to read.
     */
    openDropped: channel<DroppedFiles>()('articles:open-dropped', z.strictObject({ paths: droppedPathsSchema })),
    /** Remembers where the user is in an article, so it reopens there. */
    setReading: channel<null>()(
      'articles:set-reading',
      z.strictObject({ id: articleIdSchema, reading: readingPositionSchema }),
    ),
    /** The user's note on a whole article. */
    setNote: channel<{ id: number; note: string }>()(
      'articles:set-note',
      z.strictObject({ id: articleIdSchema, note: noteSchema }),
    ),
    /** Deletes an article with its highlights and notes; `restore` with the token brings all back until the app closes. */
    delete: channel<DeletedArticle>()('articles:delete', z.strictObject({ id: articleIdSchema })),
    restore: channel<{ id: number }>()('articles:restore', z.strictObject({ undoToken: undoTokenSchema })),
  },
  annotations: {
    /** All annotations of an article, in document order of their stored position. */
    list: channel<Annotation[]>()('annotations:list', z.strictObject({ articleId: articleIdSchema })),
    create: channel<Annotation>()(
      'annotations:create',
      z.strictObject({
        /** The renderer may choose the UUID, so edits made before this call returns can already name it. */
        id: annotationIdSchema.optional(),
        articleId: articleIdSchema,
        color: highlightColorSchema,
        selectors: selectorsSchema,
        note: noteSchema.optional(),
      }),
    ),
    /** Changes colour, note and/or selectors (re-attaching an orphan); at least one of them. */
    update: channel<Annotation>()(
      'annotations:update',
      z
        .strictObject({
          id: annotationIdSchema,
          color: highlightColorSchema.optional(),
          note: noteSchema.optional(),
          selectors: selectorsSchema.optional(),
        })
        .refine((p) => p.color !== undefined || p.note !== undefined || p.selectors !== undefined, {
          message: 'nothing to update: give a colour, a note or selectors',
        }),
    ),
    /** Deletes a highlight; `restore` with the token brings it back as it was until the app closes (Undo). */
    delete: channel<DeletedAnnotation>()('annotations:delete', z.strictObject({ id: annotationIdSchema })),
    restore: channel<Annotation>()('annotations:restore', z.strictObject({ undoToken: undoTokenSchema })),
    /** Undo of a re-attach: the selectors it replaced (for an orphan, its own quote) come back. */
    undoReattach: channel<Annotation>()('annotations:undo-reattach', z.strictObject({ id: annotationIdSchema })),
    /** Replaces a highlight's tags. */
    setTags: channel<Annotation>()(
      'annotations:set-tags',
      z.strictObject({ id: annotationIdSchema, tags: tagsSchema }),
    ),
    /**
     * Asks the user for an annotation file (W3C Web Annotation JSON, Hypothesis' export, Readwise CSV) in main's own
     * dialog and imports it: each annotation into the article with its source, anchored as usual (orphans kept), none
     * twice. null when the user cancels.
     */
    importFile: channel<AnnotationImportReport | null>()('annotations:import-file', noInput),
    /** Highlights across the whole library, newest first, filtered; one page at a time. */
    listAll: channel<HighlightPage>()('annotations:list-all', highlightFilterSchema),
  },
  tags: {
    /** Every tag in use with its count, most used first (suggestions and filters). */
    list: channel<TagCount[]>()('tags:list', noInput),
  },
  links: {
    /** Opens an article's link in the system browser after the user agrees; `opened` is false when they decline. */
    open: channel<{ opened: boolean }>()('links:open', z.strictObject({ url: externalLinkSchema })),
  },
  backups: {
    /** The library's backups, newest first, each checked, with its counts (or why it is damaged). */
    list: channel<BackupEntry[]>()('backups:list', noInput),
    /**
     * Restores a listed backup after backing up the library as it is: main closes the library, puts the backup in
     * its place, opens it again and reloads the window.
     */
    restore: channel<RestoredBackup>()('backups:restore', z.strictObject({ name: backupNameSchema })),
  },
  export: {
    /**
     * Exports highlights and notes in an open format: asks the user where (a folder for Markdown, a file otherwise)
     * in main's own dialog, then writes. The articles given, or the whole library; null when the user cancels.
     */
    run: channel<ExportReport | null>()(
      'export:run',
      z.strictObject({ format: exportFormatSchema, articleIds: exportArticleIdsSchema.optional() }),
    ),
  },
  search: {
    /**
     * Finds the words the user typed across the whole library: article titles and text, highlights' quotes and
     * notes. Whatever the text (quotes, hyphens, AND), it is searched as words, never parsed as query syntax.
     */
    query: channel<SearchResults>()('search:query', z.strictObject({ text: searchTextSchema })),
  },
  settings: {
    /** How the user wants the app to look (the theme), stored with their library. */
    get: channel<Settings>()('settings:get', noInput),
    /** Changes the settings given, keeps the others; returns them all. */
    set: channel<Settings>()('settings:set', settingsPatchSchema),
  },
  menus: {
    /**
     * Shows main's native context menu for selected text or a highlight (common/commands.ts lays it out) and answers
     * with what the user chose, or null when they dismissed it.
     */
    context: channel<ContextMenuChoice | null>()('menus:context', contextMenuRequestSchema),
  },
} as const;

/**
 * The one message main sends the page unasked: an article it opened itself (a file on the command line, a second
 * launch with a file, the OS's open-file), carrying its OpenedArticle. The preload hands it to
 * `window.marginaliaEvents.onArticleOpened` listeners.
 */
export const articleOpenedEvent = 'events:article-opened';

/**
 * A `marginalia://` link the OS handed main (from an exported Markdown file, say), already checked against the
 * library: the article to show and, for a link to a highlight, the highlight to bring into view (null when the link
 * names none, or names one that is no longer there).
 */
export const linkOpenedEvent = 'events:link-opened';
export interface OpenedLink {
  articleId: number;
  annotationId: string | null;
}

/** What became of files dropped on the window: the ones opened, and each refused one with the reason. */
export interface DroppedFiles {
  opened: OpenedArticle[];
  refused: Array<{ file: string; reason: string }>;
}

type Contract = typeof contract;

/**
 * Error codes a call can fail with. `disk-full` and `storage` mean the library could not be written (the disk is
 * full; the folder is read-only, locked or failing): nothing was changed, and the message says what to do.
 */
export type ErrorCode = 'invalid-input' | 'not-found' | 'conflict' | 'forbidden' | 'disk-full' | 'storage' | 'internal';

/** What every call returns: thrown errors lose everything but their message crossing IPC, so errors are values. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: { code: ErrorCode; message: string } };

type InputOf<C> = C extends ChannelSpec<infer I, unknown> ? z.input<I> : never;
type ParsedInputOf<C> = C extends ChannelSpec<infer I, unknown> ? z.output<I> : never;
type ResultOf<C> = C extends ChannelSpec<z.ZodType, infer R> ? R : never;

/** A renderer-side function for one channel: calls with no argument when the channel takes none. */
type ApiFunction<C> =
  InputOf<C> extends undefined
    ? () => Promise<Result<ResultOf<C>>>
    : (input: InputOf<C>) => Promise<Result<ResultOf<C>>>;

/**
 * Channels the page cannot call by name. The preload calls them itself, with what only it can know: `openDropped`
 * takes paths, and a path must come from a file the user really dropped (webUtils), never from the page, which a
 * hostile document could have taken over. Main still validates their input like any other.
 */
const preloadOnly = { articles: ['openDropped'] } as const satisfies {
  [G in keyof Contract]?: ReadonlyArray<keyof Contract[G]>;
};
type PreloadOnly = typeof preloadOnly;
type PageVerbs<G extends keyof Contract> = Exclude<
  keyof Contract[G],
  G extends keyof PreloadOnly ? PreloadOnly[G][number] : never
>;

/** The shape of `window.marginalia`: one namespace per contract group, one function per channel the page may call. */
export type MarginaliaApi = {
  readonly [G in keyof Contract]: { readonly [K in PageVerbs<G>]: ApiFunction<Contract[G][K]> };
};

/** Every channel as main answers it, the preload's own included: what tests use to drive main without a page. */
export type MainApi = {
  readonly [G in keyof Contract]: { readonly [K in keyof Contract[G]]: ApiFunction<Contract[G][K]> };
};

/**
 * The main-side implementation of every channel, receiving input that already passed its schema. Data calls are
 * synchronous (better-sqlite3); a handler may return a promise when it must wait for the user (a file dialog).
 */
export type Handlers = {
  readonly [G in keyof Contract]: {
    readonly [K in keyof Contract[G]]: (
      input: ParsedInputOf<Contract[G][K]>,
    ) => ResultOf<Contract[G][K]> | Promise<ResultOf<Contract[G][K]>>;
  };
};

/** Every channel as [group, verb, spec], for the code that registers or exposes them generically. */
export function listChannels(): Array<{ group: string; verb: string; spec: ChannelSpec<z.ZodType, unknown> }> {
  return Object.entries(contract).flatMap(([group, verbs]) =>
    Object.entries(verbs).map(([verb, spec]) => ({ group, verb, spec: spec as ChannelSpec<z.ZodType, unknown> })),
  );
}

/** The wire name of every channel by group and verb, as plain data the preload and the test harness can carry. */
export function channelTable(): Record<string, Record<string, string>> {
  const table: Record<string, Record<string, string>> = {};
  for (const { group, verb, spec } of listChannels()) (table[group] ??= {})[verb] = spec.name;
  return table;
}

/** The channels of `window.marginalia`: the table without the preload's own (`preloadOnly`). */
export function pageChannelTable(): Record<string, Record<string, string>> {
  const table = channelTable();
  for (const [group, verbs] of Object.entries(preloadOnly)) {
    for (const verb of verbs) delete table[group]?.[verb];
  }
  return table;
}
