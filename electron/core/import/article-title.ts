import { limits } from '../../../common/model.ts';

/** Text on one line: whitespace runs (newlines included) become one space, none at the ends. */
export function oneLine(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** The first candidate with text in it, on one line and cut to `limits.titleMaxLength` (with "…" when cut). */
export function articleTitle(...candidates: Array<string | null | undefined>): string {
  for (const candidate of candidates) {
    const title = oneLine(candidate);
    if (title) return shorten(title, limits.titleMaxLength);
  }
  return '';
}

/** `text` cut to at most `max` characters, ending in "…" when cut, never in half of a surrogate pair. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1).replace(/[\uD800-\uDBFF]$/, '');
  return `${cut.trimEnd()}…`;
}

/** How the user knows a document by its address, for messages: a file's name, or a web page's host. */
export function documentName(address: string): string {
  const url = new URL(address);
  if (url.protocol !== 'file:') return url.host || address;
  const last = url.pathname.split('/').filter(Boolean).pop() ?? '';
  try {
    return decodeURIComponent(last) || address;
  } catch {
    return last || address;
  }
}

/** A title for a document that gives none: its file name without the extension, or its host. */
export function titleFromAddress(address: string): string {
  const name = documentName(address);
  return new URL(address).protocol === 'file:' ? name.replace(/(?<=.)\.[^.]+$/, '') : name;
}

/** A document's name as a message quotes it. */
export function quoted(name: string): string {
  return `“${name}”`;
}
