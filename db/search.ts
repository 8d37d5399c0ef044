/**
 * Searching the library through the full-text index of migration 3. What the user typed is never parsed as FTS5
 * syntax: it is split into words (db/search-text.ts), each becomes an FTS5 string, and they are ANDed, the last one
 * as a prefix so that results come while typing. Words go to `search_words` (unicode61 without diacritics);
 * scripts without spaces, and substrings inside words when whole words find nothing, go to `search_trigrams`.
 *
 * Passes: rank the article rows (title, body) and the annotation rows (quote, note) with one bm25, merge them best
 * first, then group by article, reading each article's text only as far as its first hits (ArticleText).
 */
import type { Database } from 'better-sqlite3';

import type { SearchGroup, SearchHit, SearchResults } from '../common/model.ts';
import {
  codePointLength,
  findMatch,
  ftsString,
  type MatchMode,
  type QueryTerm,
  queryTerms,
  snippetAround,
  type TermMatcher,
  termMatcher,
  type TextMatch,
} from './search-text.ts';
import { statementCache } from './statement-cache.ts';

/** The tuned numbers of search, with why. */
export const searchTuning = {
  /**
   * bm25 column weights (title, body, quote, note): a word in a title or a highlighted quote says more about what
   * an article is about than one in its body; a note is the user's own words, a little above body text.
   */
  weights: { title: 10, body: 1, quote: 4, note: 2 },
  /** Articles in the results: more than a results list shows before the user refines the query. */
  maxGroups: 50,
  /**
   * Hits in the text of one article (the first wherever it is, the others from the text read to find it), and
   * highlights (quote and note hits) per article.
   */
  maxTextHits: 3,
  maxAnnotationHits: 5,
  /** Article rows read per search, best first: the whole bench library (1,000 articles) costs ~6 ms of bm25. */
  maxArticleRows: 1_000,
  /**
   * Annotation rows ranked by bm25 at most. bm25 reads every matching row's size: for a word in 45,000 of the
   * bench's 100,000 highlights that was 22 ms. A results list shows at most 50 articles × 5 highlights. Past this many, a word says little about
   * which highlight matters, so the newest this many are taken unranked and placed after the ranked rows.
   */
  maxRankedAnnotationRows: 500,
  /** Trigrams need three characters; shorter terms cannot use that index. */
  trigramLength: 3,
  /** A one-letter last word is not a prefix (see whileTyping): it would match most of the library. */
  minPrefixLength: 2,
  /**
   * Article text is read first this many characters, then in pieces four times larger until the first hit: reading
   * and decoding a whole 50 KB article costs ~0.2 ms, and common words are found in its first few kilobytes.
   */
  firstTextChunk: 4_096,
  /** Characters kept past a match before it is taken, so its snippet's context has been read. */
  textMargin: 256,
} as const;

/** One index row that matched: an article row (annotation_id null) or an annotation row. */
interface MatchRow {
  article_id: number;
  annotation_id: string | null;
  quote: string | null;
  note: string | null;
  /** bm25, lower is better; null for annotation rows taken unranked. */
  score: number | null;
}

type IndexTable = 'search_words' | 'search_trigrams';

const { title, body, quote, note } = searchTuning.weights;

/** The statements of one search, over either index table, exported so a test can check their plans. */
export function searchSql(table: IndexTable): { articles: string; annotations: string; unrankedAnnotations: string } {
  const bm25 = `bm25(${table}, ${title}, ${body}, ${quote}, ${note})`;
  const annotationColumns = 'n.article_id AS article_id, n.id AS annotation_id, n.quote AS quote, n.note AS note';
  return {
    articles: `SELECT rowid AS article_id, NULL AS annotation_id, NULL AS quote, NULL AS note, ${bm25} AS score
      FROM ${table} WHERE ${table} MATCH ? AND rowid > 0 ORDER BY score LIMIT ${searchTuning.maxArticleRows}`,
    annotations: `WITH matched AS (
        SELECT rowid AS rid, ${bm25} AS score FROM ${table} WHERE ${table} MATCH ? AND rowid < 0
      )
      SELECT ${annotationColumns}, matched.score AS score
      FROM matched JOIN annotations n ON n.rowid = -matched.rid ORDER BY matched.score`,
    // Annotation rowids are negated, so ascending index order is newest first.
    unrankedAnnotations: `WITH matched AS (
        SELECT rowid AS rid FROM ${table} WHERE ${table} MATCH ? AND rowid < 0
        LIMIT ${searchTuning.maxRankedAnnotationRows}
      )
      SELECT ${annotationColumns}, NULL AS score FROM matched JOIN annotations n ON n.rowid = -matched.rid`,
  };
}

function indexStatements(db: Database, table: IndexTable) {
  const sql = searchSql(table);
  return {
    articles: db.prepare<[string], MatchRow>(sql.articles),
    annotations: db.prepare<[string], MatchRow>(sql.annotations),
    unrankedAnnotations: db.prepare<[string], MatchRow>(sql.unrankedAnnotations),
    /** Whether more annotation rows match than bm25 should rank: a count that stops early. */
    manyAnnotations: db
      .prepare<[string], number>(
        `SELECT count(*) > ${searchTuning.maxRankedAnnotationRows} FROM (
           SELECT 1 FROM ${table} WHERE ${table} MATCH ? AND rowid < 0 LIMIT ${searchTuning.maxRankedAnnotationRows + 1}
         )`,
      )
      .pluck(),
  };
}

const statements = statementCache((db) => ({
  search_words: indexStatements(db, 'search_words'),
  search_trigrams: indexStatements(db, 'search_trigrams'),
  // Terms too short for trigrams in a script without spaces ("文章"): no index can serve them, so they scan.
  scanArticles: db.prepare<[string, string], MatchRow>(
    `SELECT id AS article_id, NULL AS annotation_id, NULL AS quote, NULL AS note, NULL AS score FROM articles
     WHERE instr(title, ?) > 0 OR instr(content, ?) > 0 ORDER BY id LIMIT ${searchTuning.maxArticleRows}`,
  ),
  scanAnnotations: db.prepare<[string, string], MatchRow>(
    `SELECT article_id, id AS annotation_id, quote, note, NULL AS score FROM annotations
     WHERE instr(quote, ?) > 0 OR instr(note, ?) > 0 ORDER BY rowid DESC LIMIT ${searchTuning.maxRankedAnnotationRows}`,
  ),
  title: db.prepare<[number], string>('SELECT title FROM articles WHERE id = ?').pluck(),
  // Tags are few and short: every distinct one is read from the tag index and matched in JS, then the highlights
  // of the matching ones, newest first.
  tags: db.prepare<[], string>('SELECT DISTINCT tag FROM annotation_tags').pluck(),
  taggedWith: db.prepare<[string], { article_id: number; annotation_id: string }>(
    `SELECT n.article_id, n.id AS annotation_id FROM annotation_tags t JOIN annotations n ON n.id = t.annotation_id
     WHERE t.tag = ? ORDER BY n.rowid DESC LIMIT ${searchTuning.maxRankedAnnotationRows}`,
  ),
  // substr counts characters (code points); pieces read in order concatenate to the text, so offsets stay UTF-16.
  textPiece: db
    .prepare<[number, number, number], string>('SELECT substr(content, ?, ?) FROM articles WHERE id = ?')
    .pluck(),
}));

/** Index rows best first: ranked rows of both kinds merged by score, unranked annotation rows after them. */
function rankedRows(db: Database, table: IndexTable, query: string): MatchRow[] {
  const index = statements(db)[table];
  const articles = index.articles.all(query);
  const annotations = index.manyAnnotations.get(query)
    ? index.unrankedAnnotations.all(query)
    : index.annotations.all(query);
  return [...articles, ...annotations].sort((a, b) => (a.score ?? 0) - (b.score ?? 0));
}

/** The FTS5 query for the word index: every term an FTS5 string, ANDed, the last one a prefix while typing. */
export function wordsQuery(terms: readonly QueryTerm[]): string {
  return terms
    .map((term, index) => {
      const prefix = index === terms.length - 1 && codePointLength(term.text) >= searchTuning.minPrefixLength;
      return ftsString(term.text) + (prefix ? '*' : '');
    })
    .join(' AND ');
}

/** The FTS5 query for the trigram index over the terms long enough for it, or undefined when none is. */
export function trigramsQuery(terms: readonly QueryTerm[]): string | undefined {
  const long = terms.filter((term) => codePointLength(term.text) >= searchTuning.trigramLength);
  return long.length > 0 ? long.map((term) => ftsString(term.text)).join(' AND ') : undefined;
}

/** An article's text, read from the database piece by piece as far as a search needs it. */
class ArticleText {
  text = '';
  private done = false;
  private codePoints = 0;
  private nextPiece: number = searchTuning.firstTextChunk;
  private readonly db: Database;
  private readonly articleId: number;

  constructor(db: Database, articleId: number) {
    this.db = db;
    this.articleId = articleId;
  }

  /**
   * The first match at or after `from` with its snippet's context read, or undefined. With `readOn` false only the
   * text read so far is searched (plus the context of a match found in it), so later hits cost no more reading.
   */
  find(matcher: TermMatcher, from: number, readOn: boolean): TextMatch | undefined {
    for (;;) {
      const found = findMatch(matcher, this.text, from);
      if (this.done || (found && found.end + searchTuning.textMargin <= this.text.length)) return found;
      if (!found && !readOn) return undefined;
      this.readMore();
    }
  }

  /** The whole text, for the rare check that needs it (terms too short for the index). */
  all(): string {
    while (!this.done) this.readMore();
    return this.text;
  }

  private readMore(): void {
    const count = this.nextPiece;
    const piece = statements(this.db).textPiece.get(this.codePoints + 1, count, this.articleId) ?? '';
    this.text += piece;
    this.codePoints += count;
    // Each piece reads the whole value from its overflow pages again (~40 µs for 50 KB), decoding only the piece
    // (~140 µs for all 50 KB): pieces grow fourfold, so a word deep in the text costs three or four reads.
    this.nextPiece *= 4;
    // Fewer UTF-16 units than characters asked for means fewer characters: the end of the text.
    if (piece.length < count) this.done = true;
  }
}

/** What the builder knows of one article's group. */
interface GroupEntry {
  group: SearchGroup;
  text: ArticleText;
  articleRowSeen: boolean;
  annotations: Set<string>;
}

/** A check on a row's texts for terms the index could not check; undefined when the index checked everything. */
type Accepts = ((texts: () => readonly string[]) => boolean) | undefined;

/** Collects groups, best article first, from index rows in rank order. */
class GroupBuilder {
  readonly groups: SearchGroup[] = [];
  private readonly byArticle = new Map<number, GroupEntry>();
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  get full(): boolean {
    return this.groups.length >= searchTuning.maxGroups;
  }

  /** Adds the hits of rows matched with `matcher`. */
  add(rows: readonly MatchRow[], matcher: TermMatcher, accepts: Accepts): void {
    for (const row of rows) {
      this.withEntry(row.article_id, (entry) => this.addRow(entry, row, matcher, accepts));
    }
  }

  /** One index row's hits, into its article's group. */
  private addRow(entry: GroupEntry, row: MatchRow, matcher: TermMatcher, accepts: Accepts): void {
    const { hits } = entry.group;
    if (row.annotation_id === null) {
      if (entry.articleRowSeen) return;
      if (accepts && !accepts(() => [entry.group.title, entry.text.all()])) return;
      entry.articleRowSeen = true;
      const inTitle = findMatch(matcher, entry.group.title, 0);
      // The title first; text hits last, in document order.
      if (inTitle) hits.unshift({ kind: 'title', snippet: snippetAround(entry.group.title, inTitle, matcher).parts });
      hits.push(...textHits(entry.text, matcher));
    } else {
      if (entry.annotations.has(row.annotation_id)) return;
      if (entry.annotations.size >= searchTuning.maxAnnotationHits) return;
      if (accepts && !accepts(() => [row.quote ?? '', row.note ?? ''])) return;
      entry.annotations.add(row.annotation_id);
      // Highlights after the title and before text hits: quotes are weighted above body text.
      const firstText = hits.findIndex((hit) => hit.kind === 'text');
      hits.splice(firstText < 0 ? hits.length : firstText, 0, ...annotationHits(row, matcher));
    }
  }

  /** Adds a tag hit for each highlight carrying a tag the query matched, after that article's other hits. */
  addTag(tag: string, rows: ReadonlyArray<{ article_id: number; annotation_id: string }>, matcher: TermMatcher): void {
    const found = findMatch(matcher, tag, 0);
    if (!found) return;
    const snippet = snippetAround(tag, found, matcher).parts;
    for (const row of rows) {
      this.withEntry(row.article_id, ({ group: { hits } }) => {
        if (hits.filter((hit) => hit.kind === 'tag').length >= searchTuning.maxAnnotationHits) return;
        const firstText = hits.findIndex((hit) => hit.kind === 'text');
        hits.splice(firstText < 0 ? hits.length : firstText, 0, {
          kind: 'tag',
          annotationId: row.annotation_id,
          snippet,
        });
      });
    }
  }

  /**
   * Runs `add` on an article's group, making the group if it is new and there is room; a group that gets no hit from
   * it is not kept.
   */
  private withEntry(articleId: number, add: (entry: GroupEntry) => void): void {
    const known = this.byArticle.get(articleId);
    if (!known && this.full) return;
    const entry = known ?? this.newEntry(articleId);
    if (!entry) return;
    add(entry);
    if (!known && entry.group.hits.length > 0) {
      this.byArticle.set(articleId, entry);
      this.groups.push(entry.group);
    }
  }

  private newEntry(articleId: number): GroupEntry | undefined {
    const articleTitle = statements(this.db).title.get(articleId);
    if (articleTitle === undefined) return undefined;
    return {
      group: { articleId, title: articleTitle, hits: [] },
      text: new ArticleText(this.db, articleId),
      articleRowSeen: false,
      annotations: new Set(),
    };
  }
}

/**
 * The matched words that follow `first` with only a space or punctuation between them, as one match: choosing the
 * hit for "troop buildup" then flashes both words, not "troop" alone.
 */
function phraseFrom(text: string, first: TextMatch, matcher: TermMatcher): TextMatch {
  let end = first.end;
  for (
    let next = matcher.find(text, end);
    next && wordGap.test(text.slice(end, next.start));
    next = matcher.find(text, end)
  ) {
    end = next.end;
  }
  return { start: first.start, end };
}

/** What may stand between two words of one phrase. */
const wordGap = /^[\s\p{P}]{1,3}$/u;

/** The first text hits of an article, each past the previous one's snippet. */
function textHits(text: ArticleText, matcher: TermMatcher): SearchHit[] {
  const hits: SearchHit[] = [];
  let from = 0;
  while (hits.length < searchTuning.maxTextHits) {
    // Only the first hit reads on: the next ones come from the text its search read.
    const found = text.find(matcher, from, hits.length === 0);
    if (!found || found.end === found.start) break;
    const snippet = snippetAround(text.text, found, matcher);
    const phrase = phraseFrom(text.text, found, matcher);
    hits.push({ kind: 'text', start: phrase.start, end: phrase.end, snippet: snippet.parts });
    from = Math.max(snippet.end, found.end);
  }
  return hits;
}

/** The quote and note hits of an annotation row. */
function annotationHits(row: MatchRow, matcher: TermMatcher): SearchHit[] {
  const hits: SearchHit[] = [];
  const annotationId = row.annotation_id ?? '';
  for (const kind of ['quote', 'note'] as const) {
    const text = row[kind] ?? '';
    const found = findMatch(matcher, text, 0);
    if (found) hits.push({ kind, annotationId, snippet: snippetAround(text, found, matcher).parts });
  }
  return hits;
}

/** Whether every term occurs in one of the texts (for terms the trigram index could not check). */
function containsAll(terms: readonly QueryTerm[], mode: MatchMode): Accepts {
  const matchers = terms.map((term) => termMatcher([term], mode, false));
  return (texts) => {
    const all = texts();
    return matchers.every((matcher) => all.some((text) => findMatch(matcher, text, 0) !== undefined));
  };
}

/**
 * A last word of one letter after other words is dropped ("the c" searches "the"): as a prefix it would match most
 * of the library, as a word almost nothing, and either way the results would jump while the user types on.
 */
export function whileTyping(terms: QueryTerm[]): QueryTerm[] {
  const last = terms.at(-1);
  const drop = terms.length > 1 && last && !last.noSpace && codePointLength(last.text) < searchTuning.minPrefixLength;
  return drop ? terms.slice(0, -1) : terms;
}

/** Substrings: the trigram index for terms of three characters or more, a scan when every term is shorter. */
function searchSubstrings(db: Database, builder: GroupBuilder, terms: readonly QueryTerm[]): void {
  const matcher = termMatcher(terms, 'substrings', false);
  const short = terms.filter((term) => codePointLength(term.text) < searchTuning.trigramLength);
  const accepts = short.length > 0 ? containsAll(short, 'substrings') : undefined;
  const trigrams = trigramsQuery(terms);
  if (trigrams !== undefined) {
    builder.add(rankedRows(db, 'search_trigrams', trigrams), matcher, accepts);
    return;
  }
  // Only a script without spaces reaches here with every term short (see searchLibrary); scan for the first such.
  const scanned = short.find((term) => term.noSpace)?.text;
  if (scanned === undefined) return;
  builder.add(statements(db).scanArticles.all(scanned, scanned), matcher, accepts);
  builder.add(statements(db).scanAnnotations.all(scanned, scanned), matcher, accepts);
}

/** Highlights whose tag holds every term (as words, the last one a prefix while typing). */
function searchTags(
  db: Database,
  builder: GroupBuilder,
  terms: readonly QueryTerm[],
  matcher: TermMatcher,
  prefix: boolean,
): void {
  const each = terms.map((term, index) => termMatcher([term], 'words', prefix && index === terms.length - 1));
  for (const tag of statements(db).tags.all()) {
    if (!each.every((one) => findMatch(one, tag, 0) !== undefined)) continue;
    builder.addTag(tag, statements(db).taggedWith.all(tag), matcher);
  }
}

/**
 * Finds what the user typed across the library: article titles and text, highlights' quotes and notes. Articles
 * come best first (bm25, titles and quotes weighted above body text), each with its hits and plain-text snippets;
 * text hits carry UTF-16 offsets into the article's content. Any text is a valid query; one without words finds
 * nothing.
 */
export function searchLibrary(db: Database, text: string): SearchResults {
  const query = text.trim();
  const terms = whileTyping(queryTerms(query));
  const builder = new GroupBuilder(db);
  if (terms.length === 0) return { query, groups: [] };

  // One read transaction, so the index rows and the text they point at are the same version.
  db.transaction(() => {
    if (terms.some((term) => term.noSpace)) {
      searchSubstrings(db, builder, terms);
      return;
    }
    const prefix = codePointLength(terms.at(-1)?.text ?? '') >= searchTuning.minPrefixLength;
    const matcher = termMatcher(terms, 'words', prefix);
    builder.add(rankedRows(db, 'search_words', wordsQuery(terms)), matcher, undefined);
    searchTags(db, builder, terms, matcher, prefix);
    // Substrings inside words only when whole words (and prefixes) found nothing: the trigram index is slower.
    const long = terms.every((term) => codePointLength(term.text) >= searchTuning.trigramLength);
    if (builder.groups.length === 0 && long) searchSubstrings(db, builder, terms);
  })();
  return { query, groups: builder.groups };
}
