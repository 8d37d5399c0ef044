/** Turning a file's bytes into text: which encoding, and how many characters could not be read. */

/** Text decoded from bytes, and what the user should know about it. */
export interface DecodedText {
  text: string;
  /** The encoding as a user knows it: "UTF-8", "UTF-16", "windows-1252", … */
  encoding: string;
  /** Characters that were not valid in that encoding, each replaced by U+FFFD. */
  replaced: number;
}

/**
 * Decodes a file's bytes. A byte-order mark decides (UTF-8, UTF-16 LE or BE) and is not part of the text; without
 * one, an HTML page's own <meta charset> (or XML declaration) decides; otherwise UTF-8. Invalid bytes become
 * U+FFFD and are counted, so the caller can tell the user, or refuse a file that is mostly not text.
 */
export function decodeText(bytes: Uint8Array, options: { html: boolean }): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeWith('utf-8', bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeWith('utf-16le', bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeWith('utf-16be', bytes.subarray(2));
  return decodeWith((options.html && declaredEncoding(bytes)) || 'utf-8', bytes);
}

/** Whether bytes start with a UTF-16 byte-order mark (and so hold NUL bytes that are text, not binary). */
export function startsWithUtf16Mark(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

function decodeWith(label: string, bytes: Uint8Array): DecodedText {
  // ignoreBOM: the mark was taken off above; a second one would be a character of the text.
  const decoder = new TextDecoder(label, { ignoreBOM: true });
  const text = decoder.decode(bytes);
  const found = countReplacementCharacters(text);
  return {
    text,
    encoding: displayName(decoder.encoding),
    replaced: found - genuineReplacementCharacters(bytes, decoder.encoding),
  };
}

function countReplacementCharacters(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) count += 1;
  return count;
}

/**
 * U+FFFD characters the file really holds (encoded, not produced by bad bytes), so they are not counted as damage.
 * In UTF-8 the sequence EF BF BD always decodes to one of them (EF cannot continue another sequence); in UTF-16 it
 * is the code unit FFFD. Legacy encodings cannot encode it.
 */
function genuineReplacementCharacters(bytes: Uint8Array, encoding: string): number {
  let count = 0;
  if (encoding === 'utf-8') {
    for (let i = bytes.indexOf(0xef); i !== -1 && i + 2 < bytes.length; i = bytes.indexOf(0xef, i + 1)) {
      if (bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) count += 1;
    }
  } else if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    const [high, low] = encoding === 'utf-16le' ? [1, 0] : [0, 1];
    for (let i = 0; i + 1 < bytes.length; i += 2) if (bytes[i + high] === 0xff && bytes[i + low] === 0xfd) count += 1;
  }
  return count;
}

function displayName(encoding: string): string {
  if (encoding === 'utf-8') return 'UTF-8';
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return 'UTF-16';
  return encoding;
}

/**
 * The encoding an HTML page declares in its first 1024 bytes (where the HTML standard's prescan looks), if
 * TextDecoder knows it. A page declaring UTF-16 without a byte-order mark is read as UTF-8, as browsers do.
 */
function declaredEncoding(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024)).toString('latin1');
  const label =
    /<meta[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1] ??
    /^<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1];
  if (!label) return undefined;
  try {
    const encoding = new TextDecoder(label).encoding;
    return encoding.startsWith('utf-16') ? 'utf-8' : encoding;
  } catch {
    return undefined;
  }
}
