import { EventEmitter } from 'node:events';

import type { BrowserWindow } from 'electron';
import { describe, expect, it } from 'vitest';

import { sendWhenLoaded } from '../../electron/main/send-when-loaded.ts';

/** A window whose page is loading (or not), recording what it was sent. */
function fakeWindow(loading: boolean) {
  const sent: unknown[][] = [];
  const contents = Object.assign(new EventEmitter(), {
    isLoading: () => loading,
    send: (...args: unknown[]) => sent.push(args),
  });
  let destroyed = false;
  const window = { webContents: contents, isDestroyed: () => destroyed } as unknown as BrowserWindow;
  return {
    window,
    sent,
    finishLoading: () => {
      loading = false;
      contents.emit('did-finish-load');
    },
    destroy: () => {
      destroyed = true;
    },
  };
}

/**
 * A file or link from outside, when macOS kept the app running with no window: a window opens for it, and the event
 * must wait for its page, or it would be lost and the user would see the default article instead of theirs.
 */
describe('sendWhenLoaded', () => {
  it('sends at once to a page that has loaded', () => {
    const loaded = fakeWindow(false);
    sendWhenLoaded(loaded.window, 'events:article-opened', { id: 3 });
    expect(loaded.sent).toEqual([['events:article-opened', { id: 3 }]]);
  });

  it('holds the event for a window still loading its page, and sends it once, when it has loaded', () => {
    const opening = fakeWindow(true);
    sendWhenLoaded(opening.window, 'events:link-opened', { articleId: 2 });
    expect(opening.sent).toEqual([]);
    opening.finishLoading();
    opening.finishLoading();
    expect(opening.sent).toEqual([['events:link-opened', { articleId: 2 }]]);
  });

  it('sends nothing to a window closed meanwhile, or to none', () => {
    const closing = fakeWindow(true);
    sendWhenLoaded(closing.window, 'events:article-opened', { id: 3 });
    closing.destroy();
    closing.finishLoading();
    expect(closing.sent).toEqual([]);
    expect(() => sendWhenLoaded(null, 'events:article-opened', { id: 3 })).not.toThrow();
  });
});
