import { type BrowserWindow, dialog, shell } from 'electron';

/** What a yes-or-no question of main's shows: its first button says yes, its second no. */
interface Question {
  title: string;
  message: string;
  detail: string;
  yes: string;
  /** Whether yes is the default button (Enter); otherwise no is. */
  yesByDefault: boolean;
}

/** Asks the user a yes-or-no question in a message box attached to the reader window; true for yes. */
async function ask(parent: () => BrowserWindow | null, question: Question): Promise<boolean> {
  const options = {
    type: 'question' as const,
    buttons: [question.yes, 'Cancel'],
    defaultId: question.yesByDefault ? 0 : 1,
    cancelId: 1,
    noLink: true,
    title: question.title,
    message: question.message,
    detail: question.detail,
  };
  const window = parent();
  const { response } = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
  return response === 0;
}

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
    confirmInsideAddress: (url, space) =>
      ask(parent, {
        title: 'Open web page',
        message:
          space === 'local'
            ? 'Open a page served by this computer?'
            : 'Open a page from your own network (not the internet)?',
        detail: `${url}\n\nOpen it only if you typed it yourself.`,
        yes: 'Open',
        yesByDefault: false,
      }),
    confirmOpenLink: (url) =>
      ask(parent, {
        title: 'Open link',
        message: /^mailto:/i.test(url) ? 'Write an email with your mail program?' : 'Open this link in your browser?',
        // The whole address, so the user sees where it really goes, whatever the link's text said.
        detail: url,
        yes: 'Open in browser',
        yesByDefault: true,
      }),
    openExternal: (url) => shell.openExternal(url),
  };
}
