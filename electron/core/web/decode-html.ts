/**
 * How far into a page a <meta> charset declaration counts. The HTML standard's prescan reads the first 1024 bytes,
 * and pages put the declaration first for that reason.
 */
const metaPrescanBytes = 1024;

/**
 * Decodes a page's bytes to text. The encoding comes from, in order: a byte order mark, the Content-Type's charset,
 * a <meta charset> or <meta http-equiv="Content-Type"> in the first 1024 bytes, and else UTF-8 (the standard's
 * last resort is a locale guess; UTF-8 is what nearly every page without a declaration is). A label the decoder does
 * not know is skipped. Bytes that are not valid in the encoding become U+FFFD rather than failing the import.
 */
export function decodeHtml(bytes: Uint8Array, declaredCharset: string | undefined): string {
  const encoding = byteOrderMarkEncoding(bytes) ?? knownEncoding(declaredCharset) ?? metaEncoding(bytes) ?? 'utf-8';
  return new TextDecoder(encoding, { fatal: false }).decode(bytes);
}

function byteOrderMarkEncoding(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return undefined;
}

/**
 * The encoding a <meta> tag near the top declares. The bytes are read as windows-1252, which maps every byte to one
 * character, so the ASCII of the markup reads the same whatever the page's real encoding is. For the same reason a
 * page whose <meta> could be read that way is not UTF-16, and the standard takes such a declaration as UTF-8.
 */
function metaEncoding(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, metaPrescanBytes));
  for (const [tag] of head.matchAll(/<meta\b[^>]*>/gi)) {
    const encoding = knownEncoding(/charset\s*=\s*["']?\s*([^\s"';>/]+)/i.exec(tag)?.[1]);
    if (encoding) return encoding.startsWith('utf-16') ? 'utf-8' : encoding;
  }
  return undefined;
}

/** The decoder's name for a label, or undefined when it knows no such encoding. */
function knownEncoding(label: string | undefined): string | undefined {
  if (!label) return undefined;
  try {
    return new TextDecoder(label).encoding;
  } catch {
    // TextDecoder's only way to say "no such encoding" is a RangeError; the next source of a charset is tried.
    return undefined;
  }
}
