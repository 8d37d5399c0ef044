/**
 * The W3C Web Annotation Data Model (www.w3.org/TR/annotation-model) as far as Marginalia writes it: the shapes of
 * the JSON-LD export. Property names are the model's; only the parts Marginalia fills in are declared.
 */

/** The model's JSON-LD context: every annotation and collection names it. */
export const annotationContext = 'http://www.w3.org/ns/anno.jsonld';

/** A whole export: one collection whose pages hold the annotations. */
export interface WebAnnotationCollection {
  '@context': typeof annotationContext;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  /** How many annotations the collection holds, over all its pages. */
  total: number;
  /** The first page, embedded; absent when there is no annotation (the model has a page only for annotations). */
  first?: WebAnnotationPage;
  /** The last page's id. */
  last?: string;
}

/** One page of annotations. */
interface WebAnnotationPage {
  id: string;
  type: 'AnnotationPage';
  partOf: string;
  /** The position of the page's first item in the whole collection, counted from 0. */
  startIndex: number;
  items: WebAnnotation[];
}

/** One highlight as an annotation. */
export interface WebAnnotation {
  '@context': typeof annotationContext;
  /** `urn:uuid:` and the highlight's id. */
  id: string;
  type: 'Annotation';
  motivation: 'highlighting';
  created: string;
  modified: string;
  /** When this file was written. */
  generated: string;
  generator?: { type: 'Software'; name: string };
  /** The note, then the tags; absent for a highlight with neither. */
  body?: TextualBody[];
  target: SpecificResource;
  stylesheet: { type: 'CssStylesheet'; value: string };
}

/** Text carried in the annotation itself: a note (purpose `commenting`) or a tag (purpose `tagging`). */
interface TextualBody {
  type: 'TextualBody';
  value: string;
  purpose: 'commenting' | 'tagging';
  format?: 'text/plain';
}

/** The highlighted passage of the article: its source document, where in it, and how it was painted. */
interface SpecificResource {
  type: 'SpecificResource';
  source: string;
  styleClass: string;
  /** The quote, then the position when the stored one fits the text: alternatives that describe one passage. */
  selector: WebSelector[];
}

type WebSelector =
  | { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string }
  /** In code points, end exclusive, as the model counts. */
  | { type: 'TextPositionSelector'; start: number; end: number };
