/**
 * The text side of search, without SQLite: splitting what the user typed into terms, matching those terms in the
 * real text the way the FTS5 tokenizers do (case and diacritics ignored), and cutting snippets around matches.
 * The index says which rows match; this module says where, in UTF-16 offsets of the stored text.
 */
import type { SnippetPart } from '../common/model.ts';
import { foldForSearch } from '../common/search-fold.ts';

/** The tuned numbers of search snippets, with why. */
const snippetTuning = {
  /** Words of context either side of a match: about one line of the results list each side. */
  contextWords: 12,
  /**
   * A cap in characters per side, for scripts without spaces (a Japanese paragraph is one "word") and for very long
   * words: 12 words of English average about 70 characters, so 90 keeps a Latin snippet word-bounded.
   */
  contextChars: 90,
} as const;

/**
 * The combining diacritical marks that decomposed text puts after a letter (U+0300–036F and its supplements), spelt
 * as ranges: `\p{M}` after every letter made building a term's expression take milliseconds.
 */
const combiningMark = '[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]';

/**
 * Characters taken as part of a word of the query: letters, numbers, marks and private-use. (unicode61 itself breaks
 * words at some marks of some scripts; a phrase query is tokenized by SQLite again, so the query still matches.)
 */
const tokenChar = String.raw`[\p{L}\p{N}\p{M}\p{Co}]`;
const tokenPattern = new RegExp(`${tokenChar}+`, 'gu');

/** Scripts written without spaces between words: unicode61 sees a whole run as one token, so they need trigrams. */
const noSpaceScript =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/** One word of the query, folded. */
export interface QueryTerm {
  text: string;
  /** Written in a script without spaces (CJK, Thai…): matched as a substring, never as a word. */
  noSpace: boolean;
}

/**
 * The words of what the user typed, folded; punctuation, quotes, operators' symbols and emoji separate words and are
 * never passed on. `AND`, `NEAR` and the like are words like any other.
 */
export function queryTerms(text: string): QueryTerm[] {
  const terms: QueryTerm[] = [];
  for (const [word] of text.matchAll(tokenPattern)) {
    const folded = foldForSearch(word);
    if (folded && !terms.some((term) => term.text === folded)) {
      terms.push({ text: folded, noSpace: noSpaceScript.test(folded) });
    }
  }
  return terms;
}

/** Length in code points, as the trigram tokenizer counts characters. */
export function codePointLength(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

/** `text` as an FTS5 string: the only syntax user text ever becomes, so nothing in it is an operator. */
export function ftsString(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/**
 * For each folded letter, the precomposed letters that fold to it (é, É, è… for e), so that a regular expression
 * over the unfolded text matches what `remove_diacritics` matched, at offsets of the real text.
 */
const foldVariants: ReadonlyMap<string, string> = (() => {
  const variants = new Map<string, string>();
  const ranges: [number, number][] = [
    [0x00c0, 0x024f], // Latin-1 Supplement, Latin Extended-A and -B
    [0x0370, 0x03ff], // Greek
    [0x0400, 0x04ff], // Cyrillic
    [0x1e00, 0x1fff], // Latin Extended Additional, Greek Extended
  ];
  for (const [from, to] of ranges) {
    for (let code = from; code <= to; code += 1) {
      const char = String.fromCodePoint(code);
      const folded = foldForSearch(char);
      if (folded.length === 1 && folded !== char.toLowerCase()) {
        variants.set(folded, (variants.get(folded) ?? '') + char);
      }
    }
  }
  return variants;
})();

function escapeRegExp(char: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(char) ? `\\${char}` : char;
}

/**
 * A pattern for one folded term over unfolded text: each letter in either case or its accented forms, then any
 * combining marks. Cases are spelt out rather than left to the `i` flag (with `u`, which it would need), several times slower in V8.
 */
function termPattern(term: string): string {
  let pattern = '';
  for (const char of term) {
    const forms = new Set([char, char.toUpperCase(), ...(foldVariants.get(char) ?? '')]);
    const alternatives = [...forms].filter((form) => [...form].length === 1);
    const escaped = alternatives.map(escapeRegExp);
    // No `u` flag (it made the expression slower), so a character outside the BMP cannot go in a class.
    const astral = alternatives.some((form) => form.length > 1);
    pattern +=
      escaped.length === 1 ? escapeRegExp(char) : astral ? `(?:${escaped.join('|')})` : `[${escaped.join('')}]`;
    pattern += `${combiningMark}*`;
  }
  return pattern;
}

/** How terms match: as whole words (the last one as a prefix) or as substrings anywhere (the trigram index). */
export type MatchMode = 'words' | 'substrings';

/** A match of a term in a text: UTF-16 offsets, end exclusive. */
export interface TextMatch {
  start: number;
  end: number;
}

/** Finds the query's terms in real text, at UTF-16 offsets. */
export interface TermMatcher {
  /** The first match at or after `from`, or undefined. */
  find(text: string, from: number): TextMatch | undefined;
}

const isTokenChar = new RegExp(tokenChar, 'u');

function tokenCharAt(text: string, index: number): boolean {
  const code = text.codePointAt(index);
  return code !== undefined && isTokenChar.test(String.fromCodePoint(code));
}

function tokenCharBefore(text: string, index: number): boolean {
  if (index <= 0) return false;
  const low = text.charCodeAt(index - 1);
  const pair = low >= 0xdc00 && low <= 0xdfff && index >= 2;
  return isTokenChar.test(text.slice(pair ? index - 2 : index - 1, index));
}

/**
 * A matcher for the query's terms over real text. In `words` mode a term must be a whole token, except the last
 * term when `lastIsPrefix`, which matches the start of a token and marks the whole token. Word boundaries are
 * checked in code around a plain expression of the terms' letters: Unicode classes in the expression itself made
 * building it cost milliseconds per search.
 */
export function termMatcher(terms: readonly QueryTerm[], mode: MatchMode, lastIsPrefix: boolean): TermMatcher {
  // Longer terms first, so a term that contains another is marked whole.
  const order = terms
    .map((term, index) => ({
      pattern: termPattern(term.text),
      length: term.text.length,
      whole: mode === 'words' && !term.noSpace,
      prefix: lastIsPrefix && index === terms.length - 1,
    }))
    .sort((a, b) => b.length - a.length);
  const expression = new RegExp(order.map((entry) => `(${entry.pattern})`).join('|'), 'g');
  return {
    find(text, from) {
      expression.lastIndex = from;
      for (let found = expression.exec(text); found; found = expression.exec(text)) {
        const start = found.index;
        let end = start + found[0].length;
        const entry = order[found.findIndex((group, index) => index > 0 && group !== undefined) - 1];
        if (!entry?.whole) return { start, end };
        if (!tokenCharBefore(text, start)) {
          if (entry.prefix) {
            while (end < text.length && tokenCharAt(text, end)) end += (text.codePointAt(end) ?? 0) > 0xffff ? 2 : 1;
            return { start, end };
          }
          if (!tokenCharAt(text, end)) return { start, end };
        }
        expression.lastIndex = start + 1;
      }
      return undefined;
    },
  };
}

/** The first match at or after `from`, or undefined. */
export function findMatch(matcher: TermMatcher, text: string, from: number): TextMatch | undefined {
  return matcher.find(text, from);
}

const whitespace = /\s/u;

/** Where the context before `at` starts: `contextWords` words back, cut at a word start, capped in characters. */
function contextStart(text: string, at: number): number {
  const floor = Math.max(0, at - snippetTuning.contextChars);
  let words = 0;
  let index = at;
  while (index > floor) {
    // Skip the whitespace before a word, then the word.
    while (index > floor && whitespace.test(text[index - 1] ?? '')) index -= 1;
    if (index === floor) break;
    let wordStart = index;
    while (wordStart > 0 && !whitespace.test(text[wordStart - 1] ?? '')) wordStart -= 1;
    if (wordStart < floor) break;
    index = wordStart;
    words += 1;
    if (words === snippetTuning.contextWords) return index;
  }
  if (index > floor || floor === 0) return index;
  // A word longer than the cap (or text without spaces): cut at the cap, never inside a surrogate pair.
  return isLowSurrogate(text, floor) ? floor + 1 : floor;
}

/** Where the context after `at` ends, as contextStart does backwards. */
function contextEnd(text: string, at: number): number {
  const ceiling = Math.min(text.length, at + snippetTuning.contextChars);
  let words = 0;
  let index = at;
  while (index < ceiling) {
    while (index < ceiling && whitespace.test(text[index] ?? '')) index += 1;
    if (index === ceiling) break;
    let wordEnd = index;
    while (wordEnd < text.length && !whitespace.test(text[wordEnd] ?? '')) wordEnd += 1;
    if (wordEnd > ceiling) break;
    index = wordEnd;
    words += 1;
    if (words === snippetTuning.contextWords) return index;
  }
  if (index < ceiling || ceiling === text.length) return index;
  return isLowSurrogate(text, ceiling) ? ceiling - 1 : ceiling;
}

function isLowSurrogate(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 0xdc00 && code <= 0xdfff;
}

/** A snippet around a match and where it ends in the text, so the next hit can start after it. */
export interface Snippet {
  parts: SnippetPart[];
  end: number;
}

/**
 * The snippet around `match`: its context cut at word boundaries, `…` where the text goes on, every match of the
 * query inside marked, runs of whitespace (line breaks) shown as one space. Plain text parts, never markup.
 */
export function snippetAround(text: string, match: TextMatch, matcher: TermMatcher): Snippet {
  const start = contextStart(text, match.start);
  const end = contextEnd(text, match.end);
  const parts: SnippetPart[] = [];
  const push = (part: string, isMatch: boolean) => {
    const shown = part.replace(/\s+/gu, ' ');
    if (!shown) return;
    const last = parts.at(-1);
    if (last && last.match === isMatch) last.text += shown;
    else parts.push({ text: shown, match: isMatch });
  };
  if (start > 0) push('…', false);
  let at = start;
  for (let found = findMatch(matcher, text, start); found && found.start < end; found = findMatch(matcher, text, at)) {
    if (found.end === found.start) break;
    push(text.slice(at, found.start), false);
    push(text.slice(found.start, Math.min(found.end, end)), true);
    at = Math.min(found.end, end);
  }
  push(text.slice(at, end), false);
  if (end < text.length) push('…', false);
  return { parts, end };
}
