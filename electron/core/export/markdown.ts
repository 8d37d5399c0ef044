import { articleLink, highlightLink } from '../../../common/marginalia-links.ts';
import { frontMatter, linesOf, mergeFrontMatter, splitFrontMatter } from './front-matter.ts';
import { blockQuote, literalInline, literalLines } from './markdown-text.ts';
import { obsidianTags } from './obsidian-tags.ts';
import { inDocumentOrder, type PlacedAnnotation } from './placed-annotations.ts';
import type { ExportedArticle } from './types.ts';

export { markdownFileName } from './markdown-file-name.ts';

/**
 * The markers around what Marginalia writes below the front matter. HTML comments, so Obsidian and Logseq do not
 * show them; the start marker says in words what they are for, to the user who opens the file in an editor.
 */
const startMarker =
  '<!-- marginalia:start · Marginalia rewrites everything from here to marginalia:end when you export again; write your own notes above or below -->';
const endMarker = '<!-- marginalia:end -->';
const isStartMarker = (line: string) => /^<!--[ \t]*marginalia:start\b.*-->[ \t]*(\r?\n)?$/.test(line);
const isEndMarker = (line: string) => /^<!--[ \t]*marginalia:end\b.*-->[ \t]*(\r?\n)?$/.test(line);

/**
 * One article as a Markdown file for a notes vault (Obsidian, Logseq): front matter with its properties, then,
 * between Marginalia's markers, its title, a link that opens it in Marginalia, its note, and its highlights in
 * document order, each a block quote with an Obsidian block id (`^mg-` and the highlight's id), its colour and tags
 * as tags, a link that opens it in Marginalia, and its note. Orphans (highlights whose words are no longer in the
 * text) follow under a heading of their own. Every text the user wrote or highlighted shows as it reads in the app.
 */
export function articleMarkdown(entry: ExportedArticle, options: { exportedAt: string }): string {
  const { article } = entry;
  const highlights = inDocumentOrder(entry);
  const properties = frontMatter({
    'marginalia-id': article.id,
    title: article.title,
    author: article.meta.byline,
    source: article.source,
    tags: obsidianTags(entry.annotations.flatMap((annotation) => annotation.tags)).sort(byFoldedText),
    highlights: highlights.length,
    updated: lastChange(entry),
    exported: options.exportedAt,
  });
  const placed = highlights.filter((highlight) => highlight.place);
  const orphans = highlights.filter((highlight) => !highlight.place);
  const blocks = [
    startMarker,
    `# ${literalInline(article.title) || 'Untitled'}`,
    `[Open in Marginalia](${articleLink(article.id)})`,
    ...(article.note.trim() === '' ? [] : [literalLines(article.note).join('\n')]),
    ...(placed.length > 0
      ? ['## Highlights', ...placed.flatMap((highlight) => highlightBlocks(article.id, highlight))]
      : []),
    ...(orphans.length > 0
      ? [
          '## Not found in the current text',
          'The text of the article changed and these words are no longer in it; Marginalia keeps them as they were.',
          ...orphans.flatMap((highlight) => highlightBlocks(article.id, highlight)),
        ]
      : []),
    endMarker,
  ];
  return `${properties}${blocks.join('\n\n')}\n`;
}

/**
 * One highlight's Markdown blocks. The block id stands on a line of its own after the quote: Obsidian takes an id
 * at the end of a paragraph as that paragraph's, and for a block quote it must follow it, apart.
 */
function highlightBlocks(articleId: number, { annotation, quote }: PlacedAnnotation): string[] {
  const tags = [`#hl/${annotation.color}`, ...obsidianTags(annotation.tags).map((tag) => `#${tag}`)];
  return [
    blockQuote(quote.exact),
    `^mg-${annotation.id}`,
    `${tags.join(' ')} · [Open in Marginalia](${highlightLink(articleId, annotation.id)})`,
    ...(annotation.note.trim() === '' ? [] : [literalLines(annotation.note).join('\n')]),
  ];
}

/** Alphabetical without case, in code unit order: the same on every machine, whatever order the highlights came in. */
function byFoldedText(a: string, b: string): number {
  const [foldedA, foldedB] = [a.toLowerCase(), b.toLowerCase()];
  return foldedA < foldedB ? -1 : foldedA > foldedB ? 1 : 0;
}

/** When the article or any of its highlights last changed: the `updated` property. */
function lastChange({ article, annotations }: ExportedArticle): string {
  return annotations.reduce(
    (latest, annotation) => (Date.parse(annotation.updatedAt) > Date.parse(latest) ? annotation.updatedAt : latest),
    article.updatedAt,
  );
}

/**
 * A fresh export merged into the file already there. Only Marginalia's part is rewritten: the block between its
 * markers (the last start marker whose next marker is an end marker) and, in the front matter at the file's top, the
 * keys it writes; all else the file holds stays byte for byte, in its place. A file whose markers are gone or broken
 * keeps all its text and gets the fresh block at its end. Merging the same export again changes nothing. The file's
 * line breaks (LF or CRLF) are kept, and the fresh text written with them. `fresh` is what `articleMarkdown` wrote:
 * a text without its front matter or markers is a caller's mistake, and throws rather than write a file Marginalia
 * could not merge again.
 */
export function mergeMarkdown(existing: string, fresh: string): string {
  const lineBreak = existing.includes('\r\n') ? '\r\n' : '\n';
  const freshParts = splitFrontMatter(fresh.replaceAll('\n', lineBreak));
  const freshBlock = markedBlock(linesOf(freshParts.rest));
  if (!freshParts.frontMatter || !freshBlock) throw new Error('the fresh export has no front matter or no markers');
  const freshText = freshBlock.lines.join('').replace(/\r?\n$/, '');
  if (existing === '') return fresh;
  const { frontMatter: existingFrontMatter, rest: body } = splitFrontMatter(existing);

  // A file without front matter at its top gets none: the user removed it, or wrote above it (Obsidian then shows it
  // as text), and Marginalia rewrites only what is still its own.
  let properties = '';
  if (existingFrontMatter) {
    const entries = mergeFrontMatter(existingFrontMatter.entries, freshParts.frontMatter.entries);
    // A file that ends right after its front matter gets a line break there, for the block to start on a line.
    const close = existingFrontMatter.close.endsWith('\n')
      ? existingFrontMatter.close
      : existingFrontMatter.close + lineBreak;
    properties = existingFrontMatter.open + entries.join('') + close;
  }

  const lines = linesOf(body);
  const block = markedBlock(lines);
  if (!block) {
    const gap = body === '' ? '' : body.endsWith('\n') ? lineBreak : lineBreak + lineBreak;
    return `${properties}${body}${gap}${freshText}${lineBreak}`;
  }
  const ending = /\r?\n$/.exec(block.lines.at(-1)!)?.[0] ?? '';
  const before = lines.slice(0, block.start).join('');
  const after = lines.slice(block.start + block.lines.length).join('');
  return `${properties}${before}${freshText}${ending}${after}`;
}

/** The last start marker whose next marker line is an end marker, with the lines from one to the other. */
function markedBlock(lines: string[]): { start: number; lines: string[] } | undefined {
  let found: { start: number; lines: string[] } | undefined;
  let openAt: number | undefined;
  lines.forEach((line, index) => {
    if (isStartMarker(line)) {
      openAt = index;
    } else if (isEndMarker(line)) {
      if (openAt !== undefined) found = { start: openAt, lines: lines.slice(openAt, index + 1) };
      openAt = undefined;
    }
  });
  return found;
}
