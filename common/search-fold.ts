/**
 * Text as search compares it: lower case, and Latin letters without their accents ("Café" and "CAFE" both become
 * "cafe"), the way SQLite's `unicode61 remove_diacritics 2` tokenizer sees words. The full-text search, the library's
 * filter and the tests' fake search all fold with this one function, so what one finds the others find too.
 *
 * Only what SQLite removes is removed: the accents of Latin letters (its table covers Latin alone) and combining
 * accents (U+0300–U+036F) wherever they stand. Everything else keeps its marks and its composed form, because there
 * they make another letter, not an accented one: Japanese が is not か (the voicing mark changes the word), Korean
 * syllables must stay whole (decomposing 한 into its jamo would match nothing in the index), and Greek ά, Cyrillic й,
 * Arabic أ or Hindi क़ are kept as SQLite keeps them. Checked against SQLite's own tokenizer for every letter of ten
 * scripts (Latin, Greek, Cyrillic, Hebrew, Arabic, Devanagari, kana, CJK, Hangul) in test/db/search-fold.test.ts.
 * Where it still differs (about 480 of 132,000 letters: scripts whose case SQLite's older tables do not know, such
 * as Cherokee or Osage; a few Latin letters with two marks, such as ǡ; marks SQLite takes for word breaks), a search
 * in those letters can miss.
 */
export function foldForSearch(text: string): string {
  return text
    .replace(latinLetter, (letter) => letter.normalize('NFD'))
    .replace(combiningAccents, '')
    .toLowerCase()
    .replace(lowerFormVariant, (letter) => caseFolds[letter] ?? letter);
}

const latinLetter = /\p{Script=Latin}/gu;
const combiningAccents = /[\u0300-\u036f]/g;

/**
 * Letters that are already lower case but fold further, as SQLite folds them (Unicode's case folding, which
 * JavaScript does not offer): the micro sign, Greek final sigma and the Greek symbol forms, and the long s.
 */
const caseFolds: Readonly<Record<string, string>> = {
  µ: 'μ',
  ς: 'σ',
  ſ: 's',
  ϐ: 'β',
  ϑ: 'θ',
  ϕ: 'φ',
  ϖ: 'π',
  ϰ: 'κ',
  ϱ: 'ρ',
  ϵ: 'ε',
};
const lowerFormVariant = /[µςſϐϑϕϖϰϱϵ]/g;
