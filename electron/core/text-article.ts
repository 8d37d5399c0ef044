/**
 * Turns a plain-text file into an article.
 *
 * Invariant the rest of the app relies on: the renderer shows each paragraph of `content` as a <p> and puts a
 * "\n\n" text node between consecutive paragraphs, so the DOM text under the article root is exactly `content`
 * (the title is rendered outside that root). Annotation offsets are offsets into that text, so this function must
 * produce paragraphs joined by exactly "\n\n" with no other newlines, and must not rewrite characters: curly
 * quotes, dashes and ellipses stay as they are (no Unicode normalisation), or stored quotes would stop matching.
 */
export function parseTextArticle(raw: string): { title: string; content: string } {
  // A byte-order mark is an encoding artefact, not text the reader can see or select.
  const lines = raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  const titleIndex = lines.findIndex((line) => line.trim() !== '');
  if (titleIndex === -1) return { title: '', content: '' };
  const title = lines[titleIndex]?.trim() ?? '';
  const body = lines.slice(titleIndex + 1);
  // Scraped pages end with a "Check Also" teaser for another story; that line and all after it are not the article.
  const teaser = body.findIndex((line) => line.trim().toLowerCase() === 'check also');
  const bodyLines = teaser === -1 ? body : body.slice(0, teaser);

  const paragraphs: string[] = [];
  let current: string[] = [];
  for (const line of [...bodyLines, '']) {
    const trimmed = line.trim();
    if (trimmed !== '') {
      current.push(trimmed);
    } else if (current.length > 0) {
      paragraphs.push(current.join(' '));
      current = [];
    }
  }
  return { title, content: paragraphs.join('\n\n') };
}
