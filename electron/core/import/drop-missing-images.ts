import type { DocumentNode } from '../../../common/document.ts';

/**
 * The tree without the images that could not be had at import (a 404, not an image, too large): an article shows
 * no broken image, and names only images that are stored with it. Images hold no text, so the article's text, and
 * every highlight's offsets, stay exactly as they were.
 */
export function dropMissingImages(nodes: readonly DocumentNode[], stored: ReadonlySet<string>): DocumentNode[] {
  const keep = (node: DocumentNode): boolean =>
    typeof node === 'string' || node.tag !== 'img' || stored.has(node.attrs?.src ?? '');
  const copy = (list: readonly DocumentNode[]): DocumentNode[] =>
    list
      .filter(keep)
      .map((node) => (typeof node === 'string' || !node.children ? node : { ...node, children: copy(node.children) }));
  return copy(nodes);
}
