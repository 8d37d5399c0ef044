/**
 * Text as search compares it: lower case, without diacritics ("Café" and "CAFE" both become "cafe"), the way
 * SQLite's `remove_diacritics` tokenizer sees words. The full-text search, the library's filter and the tests' fake
 * search all fold with this one function, so what one finds the others find too.
 */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
