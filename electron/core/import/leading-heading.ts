import { oneLine } from './article-title.ts';

const showText = 0x4;
const showElement = 0x1;

/**
 * The first heading of a sanitised body when nothing with text comes before it (an image may), with its text on
 * one line; undefined otherwise. `levels` are the heading elements that count, e.g. ['h1'].
 */
export function leadingHeading(
  body: Element,
  levels: readonly string[],
): { element: Element; text: string } | undefined {
  const walker = body.ownerDocument.createTreeWalker(body, showText | showElement);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === 3) {
      if (/\S/.test((node as Text).data)) return undefined;
    } else if (levels.includes((node as Element).localName)) {
      const text = oneLine(node.textContent);
      return text ? { element: node as Element, text } : undefined;
    }
  }
  return undefined;
}

/** Removes the leading h1 or h2 of a body when it repeats the title, which the reader already shows above it. */
export function dropHeadingRepeatingTitle(body: Element, title: string): void {
  const heading = leadingHeading(body, ['h1', 'h2']);
  if (heading && sameWords(heading.text, title)) heading.element.remove();
}

function sameWords(a: string, b: string): boolean {
  return oneLine(a).toLocaleLowerCase() === oneLine(b).toLocaleLowerCase();
}
