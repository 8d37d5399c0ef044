import type { Settings } from '../../../common/model.ts';

/** The settings that change how the article's text is set. */
export type Typography = Pick<Settings, 'fontFamily' | 'fontSize' | 'lineHeight' | 'columnWidth'>;

/**
 * Sets the article's type on the page: the typeface as the root's data-font (the stylesheet holds each family's
 * fonts, styles/app.css), the numbers as the custom properties the article's rules read (--reading-size,
 * --reading-line-height, --measure). Set through the CSSOM, which the page's CSP allows where a style attribute in
 * markup would not be.
 */
export function applyTypography({ fontFamily, fontSize, lineHeight, columnWidth }: Typography): void {
  const root = document.documentElement;
  root.dataset['font'] = fontFamily;
  root.style.setProperty('--reading-size', `${fontSize}px`);
  root.style.setProperty('--reading-line-height', String(lineHeight));
  root.style.setProperty('--measure', `${columnWidth}ch`);
}

/** The root's attributes that hold the article's type (applyTypography), for code that must follow a change of it. */
export const typeAttributes = ['style', 'data-font'];

/**
 * Whether these changes to the root's type attributes (observed with attributeOldValue) changed anything: setting
 * the same values again (a component mounted anew applies them) records a change all the same.
 */
export function typeChanged(records: readonly MutationRecord[]): boolean {
  return records.some(
    (record) =>
      record.attributeName !== null && record.oldValue !== document.documentElement.getAttribute(record.attributeName),
  );
}
