import type { DroppedFiles } from '../../../common/contract.ts';
import type { OpenedArticle } from '../../../common/model.ts';
import { describeReport } from './reanchor-report.ts';

/** What the user should know about one opened article: what re-anchoring did, then what the import said. */
export function openedLines(opened: OpenedArticle): string[] {
  const report = opened.report ? [describeReport(opened.article.title, opened.report)] : [];
  return [...report, ...opened.notices];
}

/** A file's name without its folders, for a message (either separator: the path may be a Windows one). */
function baseName(path: string): string {
  return path.split(/[\\/]/).findLast((part) => part !== '') ?? path;
}

/** Why a file was refused, as a sentence that names it (main's reasons usually do already). */
export function refusedLine({ file, reason }: { file: string; reason: string }): string {
  const name = baseName(file);
  return reason.includes(name) ? reason : `${name} cannot be opened: ${reason}`;
}

/**
 * What a drop did: for each article opened, its own lines; which of several is shown (the last); and each refused
 * file with the reason, in the order they were dropped.
 */
export function droppedLines(result: DroppedFiles): string[] {
  const lines = result.opened.flatMap(openedLines);
  const shown = result.opened.at(-1);
  if (shown && result.opened.length > 1) {
    lines.push(
      `Opened ${result.opened.length} files: “${shown.article.title}” is shown, the others are in the library.`,
    );
  }
  return [...lines, ...result.refused.map(refusedLine)];
}
