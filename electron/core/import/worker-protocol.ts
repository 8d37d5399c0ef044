import type { ImportedArticle } from './types.ts';

/** What the main process asks the import worker: a file to read, or a fetched page's HTML to import. */
export type ImportJob =
  { id: number; kind: 'file'; path: string } | { id: number; kind: 'html'; html: string; baseUrl: string };

/** What the worker answers: the article, a refusal in the user's words, or an unexpected failure (for the log). */
export type ImportOutcome =
  | { id: number; ok: true; source: string; imported: ImportedArticle }
  | { id: number; ok: false; refused: string }
  | { id: number; ok: false; failed: string };
