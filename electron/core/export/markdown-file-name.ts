import type { Article } from '../../../common/model.ts';

/**
 * The most UTF-8 bytes the title part of a file name may take. File systems allow 255 bytes (ext4, APFS) or 255
 * UTF-16 units (NTFS) per name; 120 leaves room for the id and extension, and for the vault's path under Windows'
 * 260-character limit, while a Latin title keeps about 120 characters and a CJK one 40.
 */
const titleMaxBytes = 120;

/** Names Windows reserves for devices, whatever the extension after them: a file cannot be called `CON.md`. */
const windowsDeviceName = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/**
 * The file name of an article's Markdown export: its title made safe, and its id, e.g.
 * `On the Origin of Species (Marginalia 12).md`. The id keeps two articles with one title apart (also on file
 * systems that ignore case) and makes the name the same on every export while the title stays. Safe on Windows,
 * macOS and Linux, and for Obsidian's links: no `< > : " / \ | ? * # ^ [ ]`, no control or bidirectional
 * formatting characters, no leading or trailing dot or space, no device name, at most `titleMaxBytes` of title.
 */
export function markdownFileName(article: Article): string {
  let title = article.title
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Zl}\p{Zp}\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/gu, ' ')
    .replace(/[<>:"/\\|?*#^[\]]/g, ' ')
    .replace(/\s+/gu, ' ')
    .replace(/^[\s.]+|[\s.]+$/gu, '');
  title = cutToBytes(title, titleMaxBytes).replace(/[\s.]+$/u, '');
  if (title === '') title = 'Untitled';
  // Windows reads the part before the first dot, spaces trimmed, as the device name.
  if (windowsDeviceName.test(title.split('.')[0]!.trim())) title = `_${title}`;
  return `${title} (Marginalia ${article.id}).md`;
}

/** The longest start of `text` within `maxBytes` of UTF-8 that ends between two user-perceived characters. */
function cutToBytes(text: string, maxBytes: number): string {
  const encoder = new TextEncoder();
  if (encoder.encode(text).length <= maxBytes) return text;
  let cut = '';
  let bytes = 0;
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)) {
    bytes += encoder.encode(segment).length;
    if (bytes > maxBytes) break;
    cut += segment;
  }
  return cut;
}
