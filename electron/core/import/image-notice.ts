import { type ConvertedDocument, maxImages } from './html-to-document.ts';

/** The notice for images left out of a converted document, if any were. */
export function imagesLeftOutNotice(converted: ConvertedDocument): string[] {
  const { imagesLeftOut } = converted;
  if (imagesLeftOut === 0) return [];
  const count = (n: number) => n.toLocaleString('en');
  const images = imagesLeftOut === 1 ? 'the 1 image' : `the ${count(imagesLeftOut)} images`;
  return [`This document has more than ${count(maxImages)} images; ${images} after those were left out.`];
}
