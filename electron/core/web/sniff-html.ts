/**
 * The openings the WHATWG MIME Sniffing standard takes as the start of an HTML document. Each must be followed by a
 * space or ">", so that "<b" is the bold tag and not the start of any word at all.
 */
const htmlOpenings = [
  '<!doctype html',
  '<html',
  '<head',
  '<script',
  '<iframe',
  '<h1',
  '<div',
  '<font',
  '<table',
  '<a',
  '<style',
  '<title',
  '<b',
  '<body',
  '<br',
  '<p',
  '<!--',
];

/** How far in the opening tag is looked for: leading whitespace longer than this is not a page worth guessing at. */
const sniffBytes = 512;

/**
 * Whether bytes sent without a Content-Type look like an HTML page: after an optional UTF-8 byte order mark and
 * whitespace, one of the standard's HTML openings (`<!DOCTYPE html`, `<html`, `<p`, `<!--`, …).
 */
export function looksLikeHtml(bytes: Uint8Array): boolean {
  const start = new TextDecoder('windows-1252').decode(bytes.subarray(0, sniffBytes));
  const text = start
    .replace(/^\u00ef\u00bb\u00bf/, '')
    .replace(/^[\t\n\f\r ]+/, '')
    .toLowerCase();
  return htmlOpenings.some((opening) => text.startsWith(opening) && /^[ >]/.test(text.slice(opening.length)));
}
