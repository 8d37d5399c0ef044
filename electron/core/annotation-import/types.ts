import type { HighlightColor, TextQuoteSelector } from '../../../common/model.ts';

/**
 * One annotation read from another tool's file (or from Marginalia's own export), before it meets the library: the
 * shape every reader produces and the storing step takes, whatever the file's format.
 */
export interface ReadAnnotation {
  /** The document it was made on, as the file names it (a URL); the storing step finds the article by it. */
  source: string;
  /** What it says, with the context the file gives (prefix and suffix cut to what the app keeps). */
  quote: TextQuoteSelector;
  /**
   * Where it was, in Unicode code points, end exclusive, as the W3C model counts: the UTF-16 offsets the app stores
   * are only known against the article's text, so the storing step converts them there. Only a hint: the file's
   * text may not be the article's, and the quote decides.
   */
  position?: { start: number; end: number } | undefined;
  note: string;
  tags: string[];
  /** Absent when the file does not say (the storing step paints it yellow, the app's first colour). */
  color?: HighlightColor | undefined;
  /** ISO 8601 in UTC, as the app stores times; absent when the file does not say. */
  createdAt?: string | undefined;
  updatedAt?: string | undefined;
  /** The file's own id for it (an IRI, a Hypothesis id, a UUID), from which its stable id in the library comes. */
  originalId?: string | undefined;
}

/** The formats Marginalia reads, each the name of the tool the ids come from. */
export type AnnotationFileFormat = 'web-annotation' | 'hypothesis' | 'readwise-csv';

/** Entries of the file left out, and why, in words for the user ("page notes, on a whole page, not a passage"). */
export interface NotImported {
  reason: string;
  count: number;
}

/** What a reader made of a file: the annotations it can import, and what it had to leave out. */
export interface ReadAnnotations {
  format: AnnotationFileFormat;
  annotations: ReadAnnotation[];
  notImported: NotImported[];
}

/** A file that cannot be read as annotations at all; the message says why, for the user. */
export class AnnotationFileError extends Error {
  override name = 'AnnotationFileError';
}
