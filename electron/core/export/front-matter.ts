import { yamlString } from './yaml-scalar.ts';

/**
 * The YAML front matter of an exported file: the properties Obsidian and Logseq show and search. Marginalia owns the
 * keys it writes (`ownedKeys`); a re-export rewrites those and keeps every other property the user added.
 */

/** The properties of one exported article, in the order they are written. */
export interface ArticleProperties {
  'marginalia-id': number;
  title: string;
  author: string;
  source: string;
  tags: string[];
  highlights: number;
  updated: string;
  exported: string;
}

const ownedKeys = new Set<string>([
  'marginalia-id',
  'title',
  'author',
  'source',
  'tags',
  'highlights',
  'updated',
  'exported',
] satisfies (keyof ArticleProperties)[]);

/** The front matter as written, `---` lines included, ending with a line break. */
export function frontMatter(properties: ArticleProperties): string {
  return `---\n${Object.entries(properties)
    .map(([key, value]) => entry(key, value))
    .join('')}---\n`;
}

/** One `key: value` entry (a list as an indented block sequence, each item on its line), ending with a line break. */
function entry(key: string, value: string | number | string[]): string {
  if (typeof value === 'number') return `${key}: ${value}\n`;
  if (typeof value === 'string') return `${key}: ${yamlString(value)}\n`;
  if (value.length === 0) return `${key}: []\n`;
  return `${key}:\n${value.map((item) => `  - ${yamlString(item)}\n`).join('')}`;
}

/** A file split at its front matter: the `---` lines and the entries between them, and the rest, byte for byte. */
export interface SplitFile {
  /** Undefined when the file does not open with front matter. */
  frontMatter: { open: string; entries: string[]; close: string } | undefined;
  rest: string;
}

/**
 * Splits a file at its front matter: a first line `---` (after a byte order mark, if any) and the next line that is
 * `---` or `...`. A file that opens with `---` and never closes it has no front matter; its `---` is the user's.
 */
export function splitFrontMatter(text: string): SplitFile {
  const lines = linesOf(text);
  if (lines.length === 0 || !/^\ufeff?---[ \t]*\r?\n$/.test(lines[0]!)) return { frontMatter: undefined, rest: text };
  const closeIndex = lines.findIndex((line, index) => index > 0 && /^(---|\.\.\.)[ \t]*(\r?\n)?$/.test(line));
  if (closeIndex === -1) return { frontMatter: undefined, rest: text };
  return {
    frontMatter: { open: lines[0]!, entries: entriesOf(lines.slice(1, closeIndex)), close: lines[closeIndex]! },
    rest: lines.slice(closeIndex + 1).join(''),
  };
}

/**
 * The existing front matter with Marginalia's entries replaced by the fresh ones, at the place of the first of them
 * (at the end when it had none), every other entry kept as it was, in its order.
 */
export function mergeFrontMatter(existing: string[], fresh: string[]): string[] {
  const merged: string[] = [];
  let inserted = false;
  for (const item of existing) {
    if (!isOwned(item)) {
      merged.push(item);
    } else if (!inserted) {
      merged.push(...fresh);
      inserted = true;
    }
  }
  return inserted ? merged : [...merged, ...fresh];
}

/**
 * The entries of a front matter, each with its line breaks: a line at the start of a top-level `key:` begins one,
 * and the lines that continue a value (indented, or `- ` items of a block sequence) belong to it. A comment, a
 * blank line or anything else is an entry of its own, so it is kept wherever Marginalia's entries are rewritten.
 */
function entriesOf(lines: string[]): string[] {
  const entries: string[] = [];
  for (const line of lines) {
    const continues = /^[ \t]+\S/.test(line) || /^-([ \t]|\r?\n|$)/.test(line);
    if (continues && entries.length > 0) entries[entries.length - 1] += line;
    else entries.push(line);
  }
  return entries;
}

function isOwned(item: string): boolean {
  const key = /^(?:"([^"]*)"|'([^']*)'|([^\s#'"][^:]*?))[ \t]*:(?:[ \t]|\r?\n|$)/.exec(item);
  return key !== null && ownedKeys.has(key[1] ?? key[2] ?? key[3] ?? '');
}

/** The lines of a text, each with its line break (LF or CRLF); the last without one if the text ends without. */
export function linesOf(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}
