import { type FileHandle, open, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { documentText } from '../../../common/document.ts';
import { limits } from '../../../common/model.ts';
import { parseTextArticle } from '../text-article.ts';
import { oneLine, quoted } from './article-title.ts';
import { type FileKind, kindsByExtension, unsupportedTypeMessage } from './article-types.ts';
import { binaryKind } from './binary-signature.ts';
import { decodeText, startsWithUtf16Mark } from './decode-text.ts';
import { importHtml } from './html-article.ts';
import { importMarkdown } from './markdown-article.ts';
import { type ImportedArticle, ImportRefusedError } from './types.ts';

/**
 * More replaced characters than this share of the text means the file is not in the encoding it was read as (a
 * legacy-encoded file read as UTF-8 has one in every few words); fewer is damage worth reading past, with a notice.
 */
const maxReplacedShare = 0.01;

/**
 * Reads a file the user chose and turns it into an article, by its extension: text (.txt, or none), Markdown or
 * HTML. `source` is its file: URL, its identity in the library. Anything that cannot become an article is refused
 * with an ImportRefusedError naming the file, before anything is stored; a file too big is refused without being read.
 */
export async function readArticleFile(filePath: string): Promise<{ source: string; imported: ImportedArticle }> {
  const name = path.basename(filePath);
  const source = pathToFileURL(filePath).href;
  const size = await checkFile(filePath, name);
  const kind = kindsByExtension[path.extname(filePath).toLowerCase()];
  if (!kind) {
    throw new ImportRefusedError(unsupportedTypeMessage(filePath));
  }
  checkSize(size, name);
  const bytes = await readAtMost(filePath, name, limits.fileMaxBytes);
  const text = decode(bytes, name, kind);
  if (!/\S/.test(text.text)) throw new ImportRefusedError(`${quoted(name)} is empty.`);
  const fallbackTitle = oneLine(path.basename(filePath, path.extname(filePath))) || name;
  const imported = importByKind(kind, text.text, source, fallbackTitle);
  imported.notices.unshift(...text.notices);
  checkLength(imported, name);
  return { source, imported };
}

/** The file's size, after refusing what is not a readable regular file. stat, not open: opening a FIFO would block. */
async function checkFile(filePath: string, name: string): Promise<number> {
  try {
    const stats = await stat(filePath);
    if (stats.isDirectory()) throw new ImportRefusedError(`${quoted(name)} is a folder; choose a file in it.`);
    if (!stats.isFile()) throw new ImportRefusedError(`${quoted(name)} is not a file Marginalia can read.`);
    return stats.size;
  } catch (error) {
    throw explainFileError(error, name);
  }
}

function checkSize(size: number, name: string): void {
  if (size > limits.fileMaxBytes) throw tooBig(size, name);
  if (size === 0) throw new ImportRefusedError(`${quoted(name)} is empty.`);
}

function tooBig(size: number, name: string): ImportRefusedError {
  return new ImportRefusedError(
    `${quoted(name)} is ${megabytes(size)}; Marginalia opens files of up to ${megabytes(limits.fileMaxBytes)}.`,
  );
}

function megabytes(bytes: number): string {
  const value = bytes / (1024 * 1024);
  return `${Number.isInteger(value) ? value : value.toFixed(1)} MB`;
}

/** The file's bytes; refused if it grew past `maxBytes` since it was measured. */
async function readAtMost(filePath: string, name: string, maxBytes: number): Promise<Buffer> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(filePath, 'r');
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(1024 * 1024);
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) throw tooBig(total, name);
      chunks.push(chunk.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks, total);
  } catch (error) {
    throw explainFileError(error, name);
  } finally {
    await handle?.close();
  }
}

/** A file-system error as a sentence for the user; errors that are not the file's fault are passed on as they are. */
function explainFileError(error: unknown, name: string): unknown {
  if (error instanceof ImportRefusedError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new ImportRefusedError(`${quoted(name)} could not be found; it may have been moved or deleted.`);
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return new ImportRefusedError(`Marginalia is not allowed to read ${quoted(name)}; check its permissions.`);
  }
  if (code === 'EISDIR') return new ImportRefusedError(`${quoted(name)} is a folder; choose a file in it.`);
  return error;
}

/** The file's text and the notices its decoding earned; refuses binary files and text in no encoding it knows. */
function decode(bytes: Buffer, name: string, kind: FileKind): { text: string; notices: string[] } {
  if (!startsWithUtf16Mark(bytes)) {
    const binary = binaryKind(bytes);
    if (binary) {
      const guess = binary.kind ? ` (${binary.kind}?)` : '';
      throw new ImportRefusedError(`${quoted(name)} looks like a binary file${guess}, not text Marginalia can open.`);
    }
  }
  const decoded = decodeText(bytes, { html: kind === 'html' });
  if (decoded.replaced === 0) return { text: decoded.text, notices: [] };
  if (decoded.replaced > decoded.text.length * maxReplacedShare) {
    throw new ImportRefusedError(`${quoted(name)} is not ${decoded.encoding} text; save it as UTF-8 and try again.`);
  }
  const characters = decoded.replaced === 1 ? '1 character was' : `${decoded.replaced} characters were`;
  return {
    text: decoded.text,
    notices: [`The file was not valid ${decoded.encoding}: ${characters} replaced by �.`],
  };
}

function importByKind(kind: FileKind, text: string, source: string, fallbackTitle: string): ImportedArticle {
  if (kind === 'markdown') return importMarkdown(text, { baseUrl: source, fallbackTitle });
  if (kind === 'html') return importHtml(text, { baseUrl: source, fallbackTitle });
  return importText(text, fallbackTitle);
}

/**
 * A text file as today (text-article.ts): the first line is the title. A file that is one line, or whose first line
 * is too long to be a title, is all text instead, under the file's name: it is read again with the name as its
 * first line, so text-article.ts stays the one place that says how text becomes paragraphs.
 */
function importText(text: string, fallbackTitle: string): ImportedArticle {
  let parsed = parseTextArticle(text);
  if (!parsed.content || parsed.title.length > limits.titleMaxLength) {
    parsed = parseTextArticle(`${fallbackTitle}\n\n${text}`);
  }
  return { title: parsed.title, body: { format: 'text', content: parsed.content }, meta: {}, images: [], notices: [] };
}

function checkLength(imported: ImportedArticle, name: string): void {
  const { body } = imported;
  const length = body.format === 'text' ? body.content.length : documentText(body.document).length;
  if (length > limits.articleMaxLength) {
    const count = (n: number) => n.toLocaleString('en');
    throw new ImportRefusedError(
      `${quoted(name)} is too long to open: its text is ${count(length)} characters, and an article may hold at most ${count(limits.articleMaxLength)}.`,
    );
  }
}
