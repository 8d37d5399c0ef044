/**
 * The generated library the library benches share: 1,000 articles of ~50 KB of made-up words (~50 MB), and 100,000
 * highlights, 30% with notes, from a fixed seed. Written straight into the tables as a schema-2 database (before the
 * full-text index existed), so that opening it runs the later migrations as a user's upgrade would.
 * BENCH_SEARCH_ARTICLES scales it while working on a bench.
 */
import type { DocumentNode } from '../../common/document.ts';
import { openDatabase } from '../../db/connection.ts';
import { allMigrations } from '../../db/migrations/index.ts';
import { deriveSeed, int, mulberry32, pick, type Rng } from '../corpus/random.ts';

export const articleCount = Number(process.env['BENCH_SEARCH_ARTICLES'] ?? 1_000);
const articleChars = 50_000;
export const annotationCount = articleCount * 100;
export const librarySeed = 20_260_801;
const seed = librarySeed;

/** What was written: every article's text (id = index + 1), and the raw text's size in bytes. */
export interface Library {
  texts: string[];
  rawBytes: number;
  /** The vocabulary the texts are made of, for benches that need more text like it. */
  words: string[];
}

/** A vocabulary of made-up words from syllables, some with diacritics, and a Zipf-like choice among them. */
export function vocabulary(rng: Rng): string[] {
  const onsets = ['b', 'c', 'd', 'f', 'g', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'st', 'tr', 'pl', 'ch', 'br'];
  const vowels = ['a', 'e', 'i', 'o', 'u', 'ou', 'ea', 'é', 'ü', 'ai'];
  const codas = ['', '', 'n', 'r', 's', 'l', 'nt', 'st', 'x'];
  const words = new Set<string>();
  while (words.size < 30_000) {
    let word = '';
    for (let syllable = int(rng, 1, 4); syllable > 0; syllable -= 1) {
      word += pick(rng, onsets) + pick(rng, vowels) + pick(rng, codas);
    }
    words.add(word);
  }
  return [...words];
}

export function zipfWord(rng: Rng, words: readonly string[]): string {
  return words[Math.floor(Math.exp(rng() * Math.log(words.length))) - 1] ?? 'the';
}

function articleText(rng: Rng, words: readonly string[]): string {
  const paragraphs: string[] = [];
  let length = 0;
  while (length < articleChars) {
    const sentences: string[] = [];
    for (let s = int(rng, 2, 6); s > 0; s -= 1) {
      const sentence: string[] = [];
      for (let w = int(rng, 6, 20); w > 0; w -= 1) sentence.push(zipfWord(rng, words));
      const text = sentence.join(' ');
      sentences.push(text.charAt(0).toUpperCase() + text.slice(1) + '.');
    }
    const paragraph = sentences.join(' ');
    paragraphs.push(paragraph);
    length += paragraph.length + 2;
  }
  return paragraphs.join('\n\n');
}

/** Writes the library as schema 2 (no index yet), in one transaction, straight into the tables. */
export function writeLibrary(file: string): Library {
  const db = openDatabase(file, { migrations: allMigrations.slice(0, 2) });
  const rng = mulberry32(deriveSeed(seed, 'library'));
  const words = vocabulary(rng);
  const texts: string[] = [];
  let rawBytes = 0;
  const insertArticle = db.prepare(
    `INSERT INTO articles (id, title, source, format, content, text_hash, created_at, updated_at)
     VALUES (?, ?, ?, 'text', ?, ?, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
  );
  const insertAnnotation = db.prepare(
    `INSERT INTO annotations (id, article_id, color, selectors, quote, start_offset, note, created_at, updated_at)
     VALUES (?, ?, 'yellow', ?, ?, ?, ?, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
  );
  db.transaction(() => {
    for (let id = 1; id <= articleCount; id += 1) {
      const title = Array.from({ length: int(rng, 2, 7) }, () => zipfWord(rng, words)).join(' ');
      const content = articleText(rng, words);
      texts.push(content);
      rawBytes += Buffer.byteLength(title) + Buffer.byteLength(content);
      insertArticle.run(id, title, `bench:${id}`, content, '0'.repeat(64));
    }
    for (let n = 0; n < annotationCount; n += 1) {
      const articleId = int(rng, 1, articleCount);
      const text = texts[articleId - 1] ?? '';
      const start = text.indexOf(' ', int(rng, 0, text.length - 200)) + 1;
      const end = start + int(rng, 10, 120);
      const quote = text.slice(start, end);
      const note = rng() < 0.3 ? Array.from({ length: int(rng, 2, 15) }, () => zipfWord(rng, words)).join(' ') : '';
      rawBytes += Buffer.byteLength(quote) + Buffer.byteLength(note);
      const selectors = JSON.stringify([
        { type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' },
        { type: 'TextPositionSelector', start, end },
      ]);
      const id = `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
      insertAnnotation.run(id, articleId, selectors, quote, start, note);
    }
  })();
  db.close();
  return { texts, rawBytes, words };
}

/** A formatted page of about `chars` characters: sections of a heading, paragraphs and now and then a list. */
export function formattedPage(rng: Rng, words: readonly string[], chars: number): DocumentNode[] {
  const sentence = () => {
    const text = Array.from({ length: int(rng, 8, 20) }, () => zipfWord(rng, words)).join(' ');
    return text.charAt(0).toUpperCase() + text.slice(1) + '.';
  };
  const blocks: DocumentNode[] = [];
  let length = 0;
  while (length < chars) {
    let block: DocumentNode;
    const kind = int(rng, 0, 7);
    if (kind === 0) block = { tag: 'h2', children: [sentence()] };
    else if (kind === 1)
      block = {
        tag: 'ul',
        children: Array.from({ length: int(rng, 2, 5) }, sentence).flatMap((item, i) => [
          ...(i > 0 ? ['\n'] : []),
          { tag: 'li' as const, children: [item] },
        ]),
      };
    else {
      const [a, b, c] = [sentence(), sentence(), sentence()];
      block = { tag: 'p', children: [`${a} `, { tag: 'em', children: [b] }, ` ${c}`] };
    }
    if (blocks.length > 0) blocks.push('\n\n');
    blocks.push(block);
    length += JSON.stringify(block).length;
  }
  return blocks;
}
