import type { ThemeChoice } from '../../../common/model.ts';

/** The themes the stylesheets define (styles/app.css, painting/highlights.css), by their data-theme name. */
type ShownTheme = 'light' | 'dark' | 'sepia';

const osDark = '(prefers-color-scheme: dark)';

/** The theme a choice shows: System is the OS's light or dark, the others themselves. */
function shownTheme(choice: ThemeChoice, osPrefersDark: boolean): ShownTheme {
  if (choice !== 'system') return choice;
  return osPrefersDark ? 'dark' : 'light';
}

/**
 * Shows `choice` on the page (the root element's data-theme, which the stylesheets key their colours on) and, while
 * it is System, follows the OS when its setting changes, at once, without a reload. Returns how to stop following.
 */
export function applyTheme(choice: ThemeChoice): () => void {
  const media = window.matchMedia(osDark);
  const show = () => {
    document.documentElement.dataset['theme'] = shownTheme(choice, media.matches);
  };
  show();
  if (choice !== 'system') return () => undefined;
  media.addEventListener('change', show);
  return () => media.removeEventListener('change', show);
}
