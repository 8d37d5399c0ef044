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

/** The root's attributes that hold the article's type (applyTypography). */
const typeAttributes = ['style', 'data-font'];

/**
 * Calls `changed` whenever the article's type on the page changes (applyTypography), for code that must follow it:
 * block sizes measured again, the reader kept on its words. Setting the same values again (a component mounted anew
 * applies them) records a change all the same, and is not one. Returns how to stop.
 */
export function onTypeChange(changed: () => void): () => void {
  const root = document.documentElement;
  const watch = new MutationObserver((records) => {
    const differs = records.some(
      (record) => record.attributeName !== null && record.oldValue !== root.getAttribute(record.attributeName),
    );
    if (differs) changed();
  });
  watch.observe(root, { attributeFilter: typeAttributes, attributeOldValue: true });
  return () => watch.disconnect();
}
