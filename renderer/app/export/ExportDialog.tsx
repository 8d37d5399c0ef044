import { type FormEvent, useId, useState } from 'react';

import type { MarginaliaApi, Result } from '../../../common/contract.ts';
import type { AnnotationImportReport, ExportFormat, ExportReport } from '../../../common/model.ts';
import { messageOf, unwrap } from '../api.ts';
import { SmallDialog, useStillShown } from '../components/SmallDialog.tsx';

/** Props of the "Export…" dialog. */
export interface ExportDialogProps {
  api: MarginaliaApi;
  /** The article shown, which "This article" exports; null when none is. */
  article: { id: number; title: string } | null;
  /** The export is written: close, and say what was written where. */
  onExported(report: ExportReport): void;
  /** An annotation file was imported: close, and say what came of it. */
  onImported(report: AnnotationImportReport): void;
  /** Escape, Cancel or a click outside: close and give focus back. */
  onClose(): void;
}

const formats: ReadonlyArray<{ value: ExportFormat; label: string; hint: string }> = [
  {
    value: 'markdown',
    label: 'Markdown files',
    hint: 'One file per article, for a notes vault (Obsidian, Logseq). Exporting again into the same folder keeps what you wrote around Marginalia’s part.',
  },
  {
    value: 'web-annotation',
    label: 'Web Annotation JSON-LD',
    hint: 'The W3C standard: every highlight, note, tag and colour, for other annotation tools.',
  },
  { value: 'csv', label: 'CSV for Readwise', hint: 'Readwise’s import columns first, then colour, tags and ids.' },
];

/**
 * "Export…": what to export (the article shown, or the whole library) and in which open format. Main asks where the
 * export goes in its own dialog (a folder for Markdown, a file otherwise), so this dialog never names a path; while
 * main writes it says "Exporting…", and a failure is shown here in main's words with the choices kept.
 */
export function ExportDialog({ api, article, onExported, onImported, onClose }: ExportDialogProps) {
  const [format, setFormat] = useState<ExportFormat>('markdown');
  const [scope, setScope] = useState<'article' | 'library'>(article ? 'article' : 'library');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const live = useStillShown();
  const id = useId();

  /**
   * Asks main for one thing (it shows its own file dialog first): the answer goes to `done`; a cancelled dialog
   * (null) keeps the choices, for another try or Cancel; a failure is shown here in main's words.
   */
  async function ask<T>(call: () => Promise<Result<T | null>>, done: (answer: T) => void): Promise<void> {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const answer = unwrap(await call());
      if (!live.current) return;
      if (answer) done(answer);
      else setBusy(false);
    } catch (reason) {
      if (!live.current) return;
      setError(messageOf(reason));
      setBusy(false);
    }
  }

  const importFile = () => ask(() => api.annotations.importFile(), onImported);

  function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    const articleIds = scope === 'article' && article ? [article.id] : undefined;
    return ask(() => api.export.run(articleIds ? { format, articleIds } : { format }), onExported);
  }

  return (
    <SmallDialog title="Export or import highlights" busy={busy} onClose={onClose}>
      <form className="web-form" onSubmit={(event) => void submit(event)}>
        <fieldset className="export-choices" disabled={busy}>
          <legend className="web-label">What</legend>
          {article && (
            <label className="export-choice">
              <input
                type="radio"
                name={`${id}-scope`}
                checked={scope === 'article'}
                onChange={() => setScope('article')}
                autoFocus
              />
              This article, “{article.title}”
            </label>
          )}
          <label className="export-choice">
            <input
              type="radio"
              name={`${id}-scope`}
              checked={scope === 'library'}
              onChange={() => setScope('library')}
              autoFocus={!article}
            />
            The whole library
          </label>
        </fieldset>
        <fieldset className="export-choices" disabled={busy}>
          <legend className="web-label">Format</legend>
          {formats.map((choice) => (
            <label key={choice.value} className="export-choice">
              <input
                type="radio"
                name={`${id}-format`}
                value={choice.value}
                checked={format === choice.value}
                onChange={() => setFormat(choice.value)}
                aria-describedby={`${id}-${choice.value}`}
              />
              {choice.label}
              <span id={`${id}-${choice.value}`} className="export-hint">
                {choice.hint}
              </span>
            </label>
          ))}
        </fieldset>
        {error !== null ? (
          <p className="search-message error-text" role="alert">
            {error}
          </p>
        ) : (
          <p className="search-message" role="status">
            {busy
              ? 'Exporting…'
              : format === 'markdown'
                ? 'Next, choose the folder to export into.'
                : 'Next, choose where to save the file.'}
          </p>
        )}
        <div className="dialog-buttons">
          <button
            type="button"
            className="text-button"
            title="Import a Web Annotation, Hypothesis or Readwise export into the articles it belongs to"
            aria-disabled={busy || undefined}
            onClick={() => void importFile()}
          >
            Import annotations…
          </button>
          <button type="button" className="text-button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary-button" aria-disabled={busy || undefined}>
            {busy ? 'Working…' : 'Export…'}
          </button>
        </div>
      </form>
    </SmallDialog>
  );
}

/** What an export wrote, as the notice says it: "Exported 12 highlights of 3 articles to …". */
export function exportedLine(report: ExportReport): string {
  const highlights = report.highlights === 1 ? '1 highlight' : `${report.highlights} highlights`;
  const articles = report.articles === 1 ? '1 article' : `${report.articles} articles`;
  const files = report.format === 'markdown' ? ` (${report.files === 1 ? '1 file' : `${report.files} files`})` : '';
  return `Exported ${highlights} of ${articles} to ${report.destination}${files}.`;
}

/** What an import did, as the notice says it, one line a fact. */
export function importedLines(report: AnnotationImportReport): string[] {
  const lines: string[] = [];
  const some = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n.toLocaleString()} ${many}`);
  const orphans =
    report.orphaned > 0
      ? ` (${some(report.orphaned, 'was', 'were')} not found in its article’s text and ${report.orphaned === 1 ? 'is' : 'are'} listed under “Couldn’t place”)`
      : '';
  lines.push(`Imported ${some(report.imported, 'annotation', 'annotations')}${orphans}.`);
  if (report.alreadyThere > 0) {
    lines.push(
      `${some(report.alreadyThere, 'was', 'were')} already in your library and left as ${report.alreadyThere === 1 ? 'it was' : 'they were'}.`,
    );
  }
  if (report.articlesMissing.count > 0) {
    const sources = report.articlesMissing.sources.slice(0, 3).join(', ');
    const more =
      report.articlesMissing.sources.length > 3 ? `, and ${report.articlesMissing.sources.length - 3} more` : '';
    lines.push(
      `${some(report.articlesMissing.count, 'belongs', 'belong')} to articles not in your library (${sources}${more}): open them, then import again.`,
    );
  }
  for (const { reason, count } of report.notImported) lines.push(`${count.toLocaleString()} not imported: ${reason}.`);
  return lines;
}
