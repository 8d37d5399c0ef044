import type { HighlightColor } from '../../../common/model.ts';

/**
 * How each highlight colour is painted, for files other tools read: the class a highlight carries and the CSS rule
 * for it. The colours are the app's own (renderer/painting/highlights.css, which the main process cannot import);
 * test/core/export/highlight-styles.test.ts checks that the two agree.
 */
const backgrounds: Record<HighlightColor, string> = {
  yellow: 'rgb(255 204 0 / 0.38)',
  green: 'rgb(52 199 89 / 0.28)',
  blue: 'rgb(10 132 255 / 0.24)',
  pink: 'rgb(255 45 120 / 0.22)',
  purple: 'rgb(160 90 230 / 0.26)',
};

/** The CSS class of a highlight colour: `marginalia-yellow`, the name the app's own highlights have. */
export function highlightClass(color: HighlightColor): string {
  return `marginalia-${color}`;
}

/** The CSS rule that paints a highlight of `color`: its background, as the app paints it. */
export function highlightRule(color: HighlightColor): string {
  return `.${highlightClass(color)} { background-color: ${backgrounds[color]}; }`;
}
