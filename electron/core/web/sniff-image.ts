/** The image formats the reader stores: what an <img> in every supported Chromium shows. */
export type ImageMediaType = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp' | 'image/avif' | 'image/svg+xml';

/**
 * How far into an SVG file its root element is looked for. Editors put a comment or two and a DOCTYPE first; a file
 * whose <svg> comes later than this is not worth guessing at.
 */
const svgRootSearchBytes = 64 * 1024;

/**
 * What kind of image the bytes are, read from the bytes themselves: the magic numbers of PNG, JPEG, GIF, WebP and
 * AVIF, and for SVG an <svg> root after an optional XML declaration, comments and DOCTYPE. A server's Content-Type
 * and a file's extension are not asked: they are often wrong, and an HTML error page served as image/png is not an
 * image. Undefined for anything else.
 */
export function sniffImageType(bytes: Uint8Array): ImageMediaType | undefined {
  if (startsWith(bytes, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, 0, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWithText(bytes, 0, 'GIF87a') || startsWithText(bytes, 0, 'GIF89a')) return 'image/gif';
  if (startsWithText(bytes, 0, 'RIFF') && startsWithText(bytes, 8, 'WEBPVP8')) return 'image/webp';
  if (isAvif(bytes)) return 'image/avif';
  if (hasSvgRoot(bytes)) return 'image/svg+xml';
  return undefined;
}

function startsWith(bytes: Uint8Array, offset: number, expected: readonly number[]): boolean {
  return expected.every((byte, i) => bytes[offset + i] === byte);
}

function startsWithText(bytes: Uint8Array, offset: number, expected: string): boolean {
  return startsWith(
    bytes,
    offset,
    [...expected].map((char) => char.charCodeAt(0)),
  );
}

/**
 * AVIF is an ISO media file: a first box of type `ftyp` whose major brand or one of whose compatible brands is
 * `avif` (a still image) or `avis` (an image sequence).
 */
function isAvif(bytes: Uint8Array): boolean {
  if (bytes.length < 16 || !startsWithText(bytes, 4, 'ftyp')) return false;
  const boxSize = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0);
  const end = Math.min(boxSize, bytes.length);
  // The major brand is at 8; 12 is the minor version; the compatible brands follow, four bytes each.
  const brandOffsets = [8];
  for (let offset = 16; offset + 4 <= end; offset += 4) brandOffsets.push(offset);
  return brandOffsets.some((offset) => startsWithText(bytes, offset, 'avif') || startsWithText(bytes, offset, 'avis'));
}

/**
 * Whether the first element of the text is <svg>. What may come before it is skipped by hand (an XML declaration,
 * comments, a DOCTYPE without an internal subset), in one pass, rather than by a regular expression that could
 * backtrack for a long time over many comments. A DOCTYPE with an internal subset ("[…]") can declare entities, so
 * such a file is not taken as an SVG at all.
 */
function hasSvgRoot(bytes: Uint8Array): boolean {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, svgRootSearchBytes));
  let at = skipWhitespace(text, text.startsWith('\ufeff') ? 1 : 0);
  if (text.startsWith('<?xml', at)) {
    const end = text.indexOf('?>', at);
    if (end < 0) return false;
    at = end + 2;
  }
  for (;;) {
    at = skipWhitespace(text, at);
    if (text.startsWith('<!--', at)) {
      const end = text.indexOf('-->', at + 4);
      if (end < 0) return false;
      at = end + 3;
    } else if (text.slice(at, at + 9).toUpperCase() === '<!DOCTYPE') {
      const end = text.indexOf('>', at);
      if (end < 0 || text.slice(at, end).includes('[')) return false;
      at = end + 1;
    } else {
      return /^<svg[\s/>]/.test(text.slice(at, at + 5));
    }
  }
}

function skipWhitespace(text: string, from: number): number {
  let at = from;
  while (at < text.length && ' \t\r\n'.includes(text[at] ?? '')) at++;
  return at;
}
