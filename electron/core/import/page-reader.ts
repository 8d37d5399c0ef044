import { Readability } from '@mozilla/readability';

/**
 * Readability's clean-up steps that the sanitiser and the converter redo anyway, so running them only costs time.
 * On a 1 MB page under jsdom they took about a quarter of Readability's time (npm run bench,
 * library-import-html-1mb-*): `_cleanStyles` calls removeAttribute a dozen times on every element, for attributes
 * DOMPurify's allow-list drops; `_fixRelativeUris` resolves addresses against the parsed document's about:blank,
 * which the converter does again against the page's real address. (Class names are left alone with the public
 * `keepClasses` option; the allow-list drops them too.)
 *
 * These are Readability's own private steps, so a test (page-reader.test.ts) checks they are still there by these
 * names: an upgrade that renames them fails it instead of silently bringing the cost back.
 */
export const skippedReadabilitySteps = ['_cleanStyles', '_fixRelativeUris'] as const;

/** Readability returning its article as the element itself: the sanitiser copies that node without a second parse. */
class PageReader extends Readability<Element> {}

for (const step of skippedReadabilitySteps) {
  Object.defineProperty(PageReader.prototype, step, { value: () => {}, writable: true, configurable: true });
}

/** Mozilla Readability's reading of a page: its main content as an element, with its title and metadata. */
export function readPage(document: Document): ReturnType<Readability<Element>['parse']> {
  return new PageReader(document, { serializer: (element) => element as Element, keepClasses: true }).parse();
}
