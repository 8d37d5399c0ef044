/**
 * The "All highlights" view: highlights across the whole library, newest first, filtered by colour, tag and words,
 * one page at a time.
 *
 * Pages are keyset pages: a page's cursor is the (created_at, id) of its last highlight, and the next page is what
 * comes strictly after it in the order. Unlike an offset, that stays right while the user highlights in another
 * window: a new highlight goes to the top and never pushes one already shown onto the next page again. The walk
 * follows `annotations_by_created` backwards and stops after one page; each filter is a check on the rows it meets,
 * answered from an index (the tag index, the full-text index) rather than by reading text.
 */
import type { Database, Statement } from 'better-sqlite3';

import type { HighlightColor, HighlightPage, LibraryHighlight } from '../common/model.ts';
import { type AnnotationRow, rowToAnnotation } from './annotations.ts';
import { searchTuning, trigramsQuery, whileTyping, wordsQuery } from './search.ts';
import { codePointLength, queryTerms } from './search-text.ts';
import { statementCache } from './statement-cache.ts';
import { normaliseTag, storedSpelling, tagsOf } from './tags.ts';

/** Which highlights the "All highlights" view asks for (common/schemas.ts `highlightFilterSchema`). */
export interface HighlightFilter {
  colors?: HighlightColor[] | undefined;
  tag?: string | undefined;
  text?: string | undefined;
  after?: string | undefined;
  limit?: number | undefined;
}

/** The tuned numbers of the highlights list, with why. */
export const highlightTuning = {
  /** Highlights per page when the caller does not say: more than a window shows, few enough to list at once. */
  defaultPageSize: 100,
  /**
   * Colours, a tag or words found on at most this many highlights are listed from their own index and sorted; more, and the
   * walk down `annotations_by_created` reaches a page sooner. On the bench library (100,000 highlights, `node
   * test/bench/highlights.ts`) listing from the tag index cost ~9 µs a highlight (51 ms for a tag on 5,709), while
   * the walk took 8–12 ms for a tag on 21 (it passes the whole list) and 1–2 ms for one on 1,500 or more; the two
   * met between 500 and 800 highlights.
   */
  driveMax: 500,
} as const;

/** A cursor the caller sent that no page of this list gave out. */
export class InvalidCursorError extends Error {
  constructor() {
    super('this list position is not one the highlights list gave out');
    this.name = 'InvalidCursorError';
  }
}

/** Where a page ends in the newest-first order. */
interface Position {
  createdAt: string;
  id: string;
}

/** The cursor of a position: opaque to the renderer, which only hands it back. */
function encodeCursor(position: Position): string {
  return Buffer.from(JSON.stringify([position.createdAt, position.id])).toString('base64url');
}

function decodeCursor(cursor: string): Position {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  if (!Array.isArray(decoded) || decoded.length !== 2) throw new InvalidCursorError();
  const [createdAt, id] = decoded as unknown[];
  if (typeof createdAt !== 'string' || typeof id !== 'string') throw new InvalidCursorError();
  return { createdAt, id };
}

/** An `annotations` row with its article's title. */
type ListedRow = AnnotationRow & { article_title: string };

type Params = Record<string, string | number>;

/**
 * Where a page's rows come from: a walk down `annotations_by_created` that checks each row against the filter and
 * stops after one page, or every highlight of the tag (or with the words) from that index, sorted. The walk is
 * quick when many highlights qualify; listing from the index when few do, as the walk would pass most of the list.
 */
export type PageSource = 'created' | 'tag' | 'words' | 'colors';

/** What a filter asks, parsed once: the parameters its conditions use and which conditions it has. */
interface ParsedFilter {
  params: Params;
  limit: number;
  after: boolean;
  colors: number;
  tag: boolean;
  words: boolean;
  trigrams: boolean;
  short: number;
}

/**
 * Parses a filter. The words the user typed are split by the index that can answer them: whole words and prefixes
 * go to the word index (as in search: every word an FTS5 string, never syntax), words of scripts without spaces to
 * the trigram index when they have three characters or more, and shorter ones of those are looked for in the text.
 * `spelling` gives the stored spelling of the tag (its case may differ beyond what NOCASE folds).
 */
function parseFilter(filter: HighlightFilter, spelling: (tag: string) => string = (tag) => tag): ParsedFilter {
  const limit = filter.limit ?? highlightTuning.defaultPageSize;
  // One row more than a page tells whether another page follows.
  const params: Params = { limit: limit + 1 };
  if (filter.after !== undefined) {
    const after = decodeCursor(filter.after);
    params['afterCreated'] = after.createdAt;
    params['afterId'] = after.id;
  }
  const colors = [...new Set(filter.colors ?? [])];
  colors.forEach((color, i) => (params[`color${i}`] = color));
  const tag = filter.tag === undefined ? '' : spelling(normaliseTag(filter.tag));
  if (tag !== '') params['tag'] = tag;
  const terms = whileTyping(queryTerms(filter.text?.trim() ?? ''));
  const words = terms.filter((term) => !term.noSpace);
  const noSpace = terms.filter((term) => term.noSpace);
  if (words.length > 0) params['words'] = wordsQuery(words);
  const trigrams = trigramsQuery(noSpace);
  if (trigrams !== undefined) params['trigrams'] = trigrams;
  const short = noSpace.filter((term) => codePointLength(term.text) < searchTuning.trigramLength);
  short.forEach((term, i) => (params[`short${i}`] = term.text));
  return {
    params,
    limit,
    after: filter.after !== undefined,
    colors: colors.length,
    tag: tag !== '',
    words: words.length > 0,
    trigrams: trigrams !== undefined,
    short: short.length,
  };
}

/** The statement of one page of a parsed filter, its rows read from `source`. */
function pageSql(parsed: ParsedFilter, source: PageSource): string {
  const conditions: string[] = [];
  if (parsed.after) conditions.push('(n.created_at, n.id) < (@afterCreated, @afterId)');
  if (parsed.colors > 0) {
    conditions.push(`n.color IN (${Array.from({ length: parsed.colors }, (_, i) => `@color${i}`).join(', ')})`);
  }
  // The tag column is NOCASE, so a tag matches in any case.
  if (parsed.tag && source !== 'tag') {
    conditions.push('n.id IN (SELECT annotation_id FROM annotation_tags WHERE tag = @tag)');
  }
  // Annotation rows of both full-text tables have the negated annotations.rowid (migration 3).
  if (parsed.words && source !== 'words') {
    conditions.push('-n.rowid IN (SELECT rowid FROM search_words WHERE search_words MATCH @words AND rowid < 0)');
  }
  if (parsed.trigrams) {
    conditions.push(
      '-n.rowid IN (SELECT rowid FROM search_trigrams WHERE search_trigrams MATCH @trigrams AND rowid < 0)',
    );
  }
  for (let i = 0; i < parsed.short; i += 1) {
    conditions.push(`(instr(n.quote, @short${i}) > 0 OR instr(n.note, @short${i}) > 0)`);
  }
  // CROSS JOIN keeps the chosen source as the outer loop: the planner cannot tell a rare tag from a common one.
  const from = {
    created: 'annotations n INDEXED BY annotations_by_created',
    colors: 'annotations n INDEXED BY annotations_by_color',
    tag: 'annotation_tags t CROSS JOIN annotations n ON n.id = t.annotation_id AND t.tag = @tag',
    words: `(SELECT rowid AS rid FROM search_words WHERE search_words MATCH @words AND rowid < 0) m
      CROSS JOIN annotations n ON n.rowid = -m.rid`,
  }[source];
  return `SELECT n.*, a.title AS article_title FROM ${from} JOIN articles a ON a.id = n.article_id
    ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''}
    ORDER BY n.created_at DESC, n.id DESC LIMIT @limit`;
}

/** The statement and parameters of one page under `filter` from `source`, exported so a test can check plans. */
export function highlightPageQuery(filter: HighlightFilter, source: PageSource): { sql: string; params: Params } {
  const parsed = parseFilter(filter);
  return { sql: pageSql(parsed, source), params: parsed.params };
}

const statements = statementCache((db) => ({
  /** How many highlights have the words, up to `driveMax` + 1. */
  withWords: db
    .prepare<[string], number>(
      `SELECT count(*) FROM (
         SELECT 1 FROM search_words WHERE search_words MATCH ? AND rowid < 0 LIMIT ${highlightTuning.driveMax + 1}
       )`,
    )
    .pluck(),
  /** How many highlights have the colour, up to `driveMax` + 1. */
  withColor: db
    .prepare<[string], number>(
      `SELECT count(*) FROM (
         SELECT 1 FROM annotations INDEXED BY annotations_by_color WHERE color = ? LIMIT ${highlightTuning.driveMax + 1}
       )`,
    )
    .pluck(),
  /** How many highlights carry the tag, up to `driveMax` + 1. */
  withTag: db
    .prepare<[string], number>(
      `SELECT count(*) FROM (SELECT 1 FROM annotation_tags WHERE tag = ? LIMIT ${highlightTuning.driveMax + 1})`,
    )
    .pluck(),
}));

/**
 * The quickest source for a filter: the rarest of its colours, its tag and its words when few highlights have it,
 * else the walk.
 */
function chooseSource(db: Database, parsed: ParsedFilter): PageSource {
  const s = statements(db);
  const candidates: Array<{ source: PageSource; count: number }> = [];
  if (parsed.colors > 0) {
    let count = 0;
    for (let i = 0; i < parsed.colors; i += 1) count += s.withColor.get(String(parsed.params[`color${i}`])) ?? 0;
    candidates.push({ source: 'colors', count });
  }
  if (parsed.tag) candidates.push({ source: 'tag', count: s.withTag.get(String(parsed.params['tag'])) ?? 0 });
  if (parsed.words) candidates.push({ source: 'words', count: s.withWords.get(String(parsed.params['words'])) ?? 0 });
  const rarest = candidates.sort((a, b) => a.count - b.count)[0];
  return rarest && rarest.count <= highlightTuning.driveMax ? rarest.source : 'created';
}

/** Which index a filter's page is read from, as listAllHighlights chooses it: exported so a test can check it. */
export function chosenPageSource(db: Database, filter: HighlightFilter): PageSource {
  return chooseSource(
    db,
    parseFilter(filter, (tag) => storedSpelling(db, tag)),
  );
}

/** Prepared page statements by their SQL: a filter has a few dozen shapes at most. */
const pageStatements = statementCache(() => new Map<string, Statement<[Params], ListedRow>>());

function pageStatement(db: Database, sql: string): Statement<[Params], ListedRow> {
  const cache = pageStatements(db);
  let statement = cache.get(sql);
  if (!statement) {
    statement = db.prepare<[Params], ListedRow>(sql);
    cache.set(sql, statement);
  }
  return statement;
}

/**
 * Highlights across the library, newest first (then the higher id), each with its article's title and its tags:
 * any of `colors`, carrying `tag` (in any case), with every word of `text` in its quote or note (the last word a
 * prefix, as in search). `after` is a previous page's `next`; InvalidCursorError when it is not one.
 */
export function listAllHighlights(db: Database, filter: HighlightFilter): HighlightPage {
  // One read transaction, so the counts, the rows and their tags are the same version.
  return db.transaction((): HighlightPage => {
    const parsed = parseFilter(filter, (tag) => storedSpelling(db, tag));
    const rows = pageStatement(db, pageSql(parsed, chooseSource(db, parsed))).all(parsed.params);
    const items = rows.slice(0, parsed.limit).map(({ article_title, ...row }): LibraryHighlight => ({
      ...rowToAnnotation(row, tagsOf(db, row.id)),
      articleTitle: article_title,
    }));
    const last = items.at(-1);
    const next = rows.length > parsed.limit && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null;
    return { items, next };
  })();
}
