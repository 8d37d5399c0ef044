import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  const appListeners = new Map<string, (...args: unknown[]) => void>();
  return {
    appListeners,
    app: { on: vi.fn((event: string, listener: (...args: unknown[]) => void) => appListeners.set(event, listener)) },
    shell: { openExternal: vi.fn(() => Promise.resolve()) },
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
  };
});
vi.mock('electron', () => ({
  app: electron.app,
  shell: electron.shell,
  session: {
    defaultSession: {
      setPermissionRequestHandler: electron.setPermissionRequestHandler,
      setPermissionCheckHandler: electron.setPermissionCheckHandler,
    },
  },
}));
const log = vi.hoisted(() => ({ error: vi.fn(), warn: vi.fn(), info: vi.fn() }));
vi.mock('../../electron/main/log.ts', () => ({ log }));

const { denyAllPermissions, guardWebContents } = await import('../../electron/main/security.ts');

/** A web contents stand-in that records its listeners and window-open handler. */
function fakeContents() {
  const listeners = new Map<string, (event: { url?: string; preventDefault: () => void }) => void>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  return {
    contents: {
      on: (name: string, listener: (event: { url?: string; preventDefault: () => void }) => void) =>
        listeners.set(name, listener),
      setWindowOpenHandler: (handler: typeof openHandler) => (openHandler = handler),
    },
    emit(name: string, url?: string): boolean {
      const event = { url, preventDefault: vi.fn() };
      listeners.get(name)?.(event);
      return event.preventDefault.mock.calls.length > 0;
    },
    open: (url: string) => openHandler?.({ url }),
  };
}

describe('guardWebContents', () => {
  beforeEach(() => {
    vi.clearAllMocks();
  });

  function guarded() {
    guardWebContents(['app://marginalia']);
    const fake = fakeContents();
    electron.appListeners.get('web-contents-created')?.({}, fake.contents);
    return fake;
  }

  it('allows navigation within the app and blocks it elsewhere, opening web links in the browser', () => {
    const page = guarded();
    expect(page.emit('will-navigate', 'app://marginalia/index.html')).toBe(false);
    expect(page.emit('will-navigate', 'https://example.com/')).toBe(true);
    expect(electron.shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://example.com/');
    expect(page.emit('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(electron.shell.openExternal).toHaveBeenCalledOnce();
  });

  it('blocks redirects away from the app', () => {
    const page = guarded();
    expect(page.emit('will-redirect', 'app://marginalia/index.html')).toBe(false);
    expect(page.emit('will-redirect', 'https://example.com/')).toBe(true);
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });

  it('denies every new window, handing only http(s) URLs to the OS browser', () => {
    const page = guarded();
    expect(page.open('https://example.com/article')).toEqual({ action: 'deny' });
    expect(page.open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(page.open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://example.com/article');
  });

  it('refuses to attach webviews', () => {
    expect(guarded().emit('will-attach-webview')).toBe(true);
  });
});

describe('denyAllPermissions', () => {
  it('answers every permission request with no', () => {
    denyAllPermissions();
    const handler = electron.setPermissionRequestHandler.mock.calls[0]?.[0] as (
      contents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
    ) => void;
    const callback = vi.fn();
    handler({}, 'geolocation', callback);
    handler({}, 'notifications', callback);
    expect(callback.mock.calls).toEqual([[false], [false]]);
    expect(log.warn).toHaveBeenCalledWith('denied a request for the geolocation permission');
  });

  it('answers every permission check with no, so a page cannot learn or use a permission silently', () => {
    denyAllPermissions();
    const check = electron.setPermissionCheckHandler.mock.calls[0]?.[0] as (
      contents: unknown,
      permission: string,
      origin: string,
    ) => boolean;
    expect(typeof check).toBe('function');
    for (const permission of ['clipboard-read', 'media', 'geolocation', 'notifications', 'hid', 'serial', 'usb']) {
      expect(check({}, permission, 'app://marginalia')).toBe(false);
    }
  });
});
