import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';

import { foldForSearch } from '../../common/search-fold.ts';

/**
 * How SQLite's own tokenizer (the one the word index uses: migration 3) folds each letter, read back through
 * fts5vocab: every letter is indexed between two q's, so the term says what became of it.
 */
function sqliteFolds(letters: readonly string[]): Map<string, string> {
  const db = new Database(':memory:');
  try {
    db.exec(`CREATE VIRTUAL TABLE words USING fts5(body, tokenize = 'unicode61 remove_diacritics 2');
             CREATE VIRTUAL TABLE terms USING fts5vocab(words, 'instance');`);
    const insert = db.prepare<[number, string]>('INSERT INTO words (rowid, body) VALUES (?, ?)');
    db.transaction(() => letters.forEach((letter, index) => insert.run(index + 1, `q${letter}q`)))();
    const folds = new Map<string, string>();
    for (const { term, doc } of db.prepare<[], { term: string; doc: number }>('SELECT term, doc FROM terms').all()) {
      folds.set(letters[doc - 1]!, term.slice(1, -1));
    }
    return folds;
  } finally {
    db.close();
  }
}

/** Every letter in these ranges. */
function lettersIn(...ranges: Array<[number, number]>): string[] {
  return ranges.flatMap(([from, to]) =>
    Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i)).filter((c) => /\p{L}/u.test(c)),
  );
}

describe('foldForSearch', () => {
  it('folds every letter of these scripts exactly as SQLite’s tokenizer does', () => {
    const letters = lettersIn(
      [0x0041, 0x017f], // Basic Latin, Latin-1 Supplement, Latin Extended-A
      [0x0370, 0x03ff], // Greek
      [0x0400, 0x04ff], // Cyrillic
      [0x0590, 0x05ff], // Hebrew
      [0x0600, 0x06ff], // Arabic
      [0x0900, 0x097f], // Devanagari
      [0x3040, 0x30ff], // Hiragana, Katakana
      [0x4e00, 0x4fff], // CJK ideographs (a part)
      [0xf900, 0xfaff], // CJK compatibility ideographs
      [0xac00, 0xd7a3], // Hangul syllables
      // Ϳ (U+037F) came in Unicode 7, after SQLite's tables: SQLite leaves it upper case, JavaScript does not.
    ).filter((letter) => letter !== '\u037f');
    const sqlite = sqliteFolds(letters);
    const differing = letters.filter((letter) => sqlite.get(letter) !== foldForSearch(letter));
    expect(differing).toEqual([]);
    expect(letters.length).toBeGreaterThan(13_000);
  });

  it('removes the accents of Latin letters, precomposed or not, and nothing that makes another letter', () => {
    expect(foldForSearch('Café CAFE\u0301 Ångström Łódź')).toBe('cafe cafe angstrom łodz');
    expect(foldForSearch('かぎ ガス ぱん')).toBe('かぎ ガス ぱん');
    expect(foldForSearch('한국어')).toBe('한국어'.normalize('NFC'));
    expect(foldForSearch('Αθήνα Йод')).toBe('αθήνα йод');
    expect(foldForSearch('ΟΔΟΣ οδός µm Straſse')).toBe('οδοσ οδόσ μm strasse');
  });
});
