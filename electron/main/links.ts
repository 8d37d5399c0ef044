import { type BrowserWindow, dialog, shell } from 'electron';

/**
 * The two halves of opening an article's link: asking, then opening; and asking before a web address inside the
 * user's network is fetched. Main asks, not the page, so that a page that misbehaves cannot open anything, or read
 * the user's router, without the user seeing the address first.
 */
export function linkPorts(parent: () => BrowserWindow | null): {
  confirmOpenLink(url: string): Promise<boolean>;
  openExternal(url: string): Promise<void>;
  confirmInsideAddress(url: string, space: 'private' | 'local'): Promise<boolean>;
} {
  return {
    async confirmInsideAddress(url, space) {
      const options = {
        type: 'question' as const,
        buttons: ['Open', 'Cancel'],
        defaultId: 1,
        cancelId: 1,
        noLink: true,
        title: 'Open web page',
        message:
          space === 'local'
            ? 'Open a page served by this computer?'
            : 'Open a page from your own network (not the internet)?',
        detail: `${url}\n\nOpen it only if you typed it yourself.`,
      };
      const window = parent();
      const { response } = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
      return response === 0;
    },
    async confirmOpenLink(url) {
      const options = {
        type: 'question' as const,
        buttons: ['Open in browser', 'Cancel'],
        defaultId: 0,
        cancelId: 1,
        noLink: true,
        title: 'Open link',
        message: url.startsWith('mailto:')
          ? 'Write an email with your mail program?'
          : 'Open this link in your browser?',
        // The whole address, so the user sees where it really goes, whatever the link's text said.
        detail: url,
      };
      const window = parent();
      const { response } = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
      return response === 0;
    },
    openExternal: (url) => shell.openExternal(url),
  };
}
