import path from 'node:path';

import { quoted } from './article-title.ts';

/**
 * The file types Marginalia opens, and the checks on a path that need nothing else: kept apart from the readers
 * (read-article-file.ts and the HTML and Markdown importers, which bring jsdom and DOMPurify) so that the main
 * process, which only ever checks paths and hands the reading to the import worker, starts without loading them.
 */
export type FileKind = 'text' | 'markdown' | 'html';

/** The file types Marginalia opens, by extension (lower case); a file without one is read as text. */
export const kindsByExtension: Record<string, FileKind> = {
  '': 'text',
  '.txt': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
};

/**
 * Whether a path names a file of a type Marginalia opens, by a real extension. Dropped files must have one: a drop
 * is the one way in where main gets a path from the page, and this keeps files such as ~/.ssh/id_ed25519 or
 * ~/.netrc (no extension, read as text when chosen in the Open dialog) out of reach of a page gone wrong.
 */
export function hasArticleExtension(filePath: string): boolean {
  const extension = path.extname(filePath).toLowerCase();
  return extension !== '' && extension in kindsByExtension;
}

/** The refusal of a file whose type Marginalia does not open, naming it. */
export function unsupportedTypeMessage(filePath: string): string {
  return `${quoted(path.basename(filePath))} is not a type of file Marginalia can open: choose ${supportedTypes}.`;
}

const supportedTypes = 'a text file (.txt), Markdown (.md, .markdown) or a web page (.html, .htm, .xhtml)';
