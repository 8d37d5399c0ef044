import type { BrowserCommand } from 'vitest/node';

/**
 * A browser command (vitest.config.ts registers it for the Chromium project): makes the page see the OS's light or
 * dark setting, as Playwright's emulateMedia does, so a test can check what the page shows on a dark desktop.
 */
export const emulateColorScheme: BrowserCommand<[scheme: 'light' | 'dark']> = async (context, scheme) => {
  if (context.provider.name !== 'playwright') throw new Error('emulateColorScheme needs the Playwright provider');
  await context.page.emulateMedia({ colorScheme: scheme });
};

declare module 'vitest/browser' {
  interface BrowserCommands {
    emulateColorScheme: (scheme: 'light' | 'dark') => Promise<void>;
  }
}
