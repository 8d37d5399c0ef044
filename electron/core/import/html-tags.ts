import { blockTags, type DocumentTag, inlineTags } from '../../../common/document.ts';

/**
 * What becomes of each HTML element the sanitiser lets through. One table for both halves of the import, so the
 * sanitiser cannot let an element through that the converter does not know, nor the converter expect one that the
 * sanitiser removed.
 *
 * - `keep`: stored as the tree element `tag` (b becomes strong, i becomes em, …: the tree has one name per meaning).
 * - `wrapper`: a block-level box with no meaning of its own (div, section, …). It is left out but still ends a block,
 *   as a browser shows it: its loose text becomes paragraphs, so words on either side of it never run together.
 * - `unwrap`: an inline element with no meaning the reader shows (span, abbr, …): left out, its text kept.
 * - `quote`: q, whose quotation marks a browser draws itself; they are written into the text so they are not lost.
 */
export type TagRole = { kind: 'keep'; tag: DocumentTag } | { kind: 'wrapper' } | { kind: 'unwrap' } | { kind: 'quote' };

const renamed: Record<string, DocumentTag> = {
  b: 'strong',
  i: 'em',
  cite: 'em',
  dfn: 'em',
  var: 'em',
  del: 's',
  strike: 's',
  ins: 'u',
  tt: 'code',
  samp: 'code',
  // Old names for a list.
  menu: 'ul',
  dir: 'ul',
};

/**
 * Boxes that only group content. `body` is here because the sanitiser hands over the page's body; `picture` because
 * it only wraps the img the converter keeps (its `source` elements are not allowed, so nothing else is in it).
 */
const wrappers = [
  'body',
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'aside',
  'address',
  'center',
  'hgroup',
  'details',
  'summary',
  'search',
  'fieldset',
  'legend',
  'picture',
];

/** Inline elements whose text is worth keeping but whose look the reader does not reproduce. */
const unwrapped = [
  'span',
  'abbr',
  'acronym',
  'time',
  'data',
  'font',
  'big',
  'mark',
  'bdi',
  'bdo',
  'label',
  'nobr',
  'wbr',
  'ruby',
  'rb',
  'rt',
  'rp',
  'rtc',
];

const roles: ReadonlyMap<string, TagRole> = new Map<string, TagRole>([
  ...[...blockTags, ...inlineTags].map((tag): [string, TagRole] => [tag, { kind: 'keep', tag }]),
  ...Object.entries(renamed).map(([html, tag]): [string, TagRole] => [html, { kind: 'keep', tag }]),
  ...wrappers.map((tag): [string, TagRole] => [tag, { kind: 'wrapper' }]),
  ...unwrapped.map((tag): [string, TagRole] => [tag, { kind: 'unwrap' }]),
  ['q', { kind: 'quote' }],
]);

/** Every element the sanitiser lets through (lower case); everything else is removed, its text kept or not. */
export const allowedHtmlTags: readonly string[] = [...roles.keys()];

/** What the converter does with an element (by its lower-case name); an element not in the table is left out. */
export function tagRole(name: string): TagRole {
  return roles.get(name) ?? { kind: 'unwrap' };
}
