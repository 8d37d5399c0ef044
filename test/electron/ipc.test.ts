import { beforeEach, describe, expect, it, vi } from 'vitest';

import { listChannels } from '../../common/contract.ts';
import type { Dispatch } from '../../electron/ipc/dispatch.ts';

const electron = vi.hoisted(() => {
  const handlers = new Map<string, (event: unknown, input: unknown) => unknown>();
  return {
    handlers,
    ipcMain: {
      handle: vi.fn((name: string, listener: (event: unknown, input: unknown) => unknown) => {
        if (handlers.has(name)) throw new Error(`second handler for ${name}`);
        handlers.set(name, listener);
      }),
      removeHandler: vi.fn((name: string) => handlers.delete(name)),
    },
  };
});
vi.mock('electron', () => ({ ipcMain: electron.ipcMain }));
const log = vi.hoisted(() => ({ error: vi.fn(), warn: vi.fn(), info: vi.fn() }));
vi.mock('../../electron/main/log.ts', () => ({ log }));

const { registerIpc } = await import('../../electron/main/ipc.ts');

/** A stand-in for a BrowserWindow: its webContents and main frame are what the sender check compares against. */
function fakeWindow(url = 'app://marginalia/index.html') {
  const mainFrame = { url, processId: 4, routingId: 1, parent: null };
  const webContents = { mainFrame };
  return { window: { isDestroyed: () => false, webContents }, mainFrame, webContents };
}

function register(window: ReturnType<typeof fakeWindow>['window'] | null, origins = ['app://marginalia']) {
  const dispatch = vi.fn<Dispatch>(async () => ({ ok: true, value: 'dispatched' }));
  const unregister = registerIpc(dispatch, { mainWindow: () => window as never, origins });
  return { dispatch, unregister };
}

const forbidden = expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'forbidden' }) });

describe('registerIpc', () => {
  beforeEach(() => {
    electron.handlers.clear();
    vi.clearAllMocks();
  });

  it('registers exactly one handler per contract channel, and removes them again', () => {
    const { unregister } = register(fakeWindow().window);
    const names = listChannels().map(({ spec }) => spec.name);
    expect(names.length).toBeGreaterThan(0);
    expect([...electron.handlers.keys()].sort()).toEqual([...names].sort());
    unregister();
    expect(electron.handlers.size).toBe(0);
  });

  it("passes a call from our window's main frame to dispatch, raw input and all", async () => {
    const { window, mainFrame, webContents } = fakeWindow();
    const { dispatch } = register(window);
    const input = { articleId: 1 };
    const result = await electron.handlers.get('annotations:list')?.(
      { sender: webContents, senderFrame: mainFrame },
      input,
    );
    expect(result).toEqual({ ok: true, value: 'dispatched' });
    expect(dispatch).toHaveBeenCalledExactlyOnceWith('annotations:list', input);
  });

  it('refuses untrusted senders without calling dispatch', async () => {
    const { window, mainFrame, webContents } = fakeWindow();
    const { dispatch } = register(window);
    const call = (event: unknown) => electron.handlers.get('annotations:delete')?.(event, { id: 'x' });

    const foreignPage = { ...mainFrame, url: 'https://evil.example/' };
    const subframe = { url: 'app://marginalia/index.html', processId: 4, routingId: 9, parent: mainFrame };
    const otherContents = { mainFrame };
    const destroyedFrame = {
      get url(): string {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
      processId: 4,
      routingId: 1,
    };

    expect(await call({ sender: webContents, senderFrame: null })).toEqual(forbidden);
    expect(await call({ sender: webContents, senderFrame: foreignPage })).toEqual(forbidden);
    expect(await call({ sender: webContents, senderFrame: subframe })).toEqual(forbidden);
    expect(await call({ sender: otherContents, senderFrame: mainFrame })).toEqual(forbidden);
    expect(await call({ sender: webContents, senderFrame: destroyedFrame })).toEqual(forbidden);
    expect(dispatch).not.toHaveBeenCalled();
    expect(log.warn).toHaveBeenCalledWith(
      expect.stringMatching(/^refused annotations:delete from an untrusted sender \(https:\/\/evil\.example\/\)/),
    );
  });

  it('refuses every call while there is no window, or after it was destroyed', async () => {
    const { mainFrame, webContents, window } = fakeWindow();
    const none = register(null);
    expect(
      await electron.handlers.get('articles:get-default')?.({ sender: webContents, senderFrame: mainFrame }, undefined),
    ).toEqual(forbidden);
    expect(none.dispatch).not.toHaveBeenCalled();
    none.unregister();

    const destroyed = register({ ...window, isDestroyed: () => true });
    expect(
      await electron.handlers.get('articles:get-default')?.({ sender: webContents, senderFrame: mainFrame }, undefined),
    ).toEqual(forbidden);
    expect(destroyed.dispatch).not.toHaveBeenCalled();
  });

  it('trusts the dev server only when it is among the allowed origins', async () => {
    const { window, mainFrame, webContents } = fakeWindow('http://localhost:5173/');
    const production = register(window);
    const event = { sender: webContents, senderFrame: mainFrame };
    expect(await electron.handlers.get('articles:get-default')?.(event, undefined)).toEqual(forbidden);
    production.unregister();

    const development = register(window, ['app://marginalia', 'http://localhost:5173']);
    expect(await electron.handlers.get('articles:get-default')?.(event, undefined)).toEqual({
      ok: true,
      value: 'dispatched',
    });
    expect(development.dispatch).toHaveBeenCalledOnce();
  });
});
