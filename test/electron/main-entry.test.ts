import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * The main entry's start-up order and failure handling, with Electron and the data layer mocked: the scheme is
 * registered before ready, a refused database is reported and never touched again, the database closes on quit.
 */

const mocks = vi.hoisted(() => {
  const listeners = new Map<string, Array<(...args: unknown[]) => void>>();
  const state = { ready: () => undefined as void, locked: true, userData: '/home/reader/.config/Marginalia' };
  const window = {
    on: vi.fn(),
    once: vi.fn(),
    loadURL: vi.fn(() => Promise.resolve()),
    isMinimized: vi.fn(() => true),
    restore: vi.fn(),
    focus: vi.fn(),
    isDestroyed: vi.fn(() => false),
    webContents: { mainFrame: { processId: 1, routingId: 1 }, on: vi.fn(), send: vi.fn(), setZoomFactor: vi.fn() },
  };
  return {
    listeners,
    state,
    window,
    emit: (event: string, ...args: unknown[]) => listeners.get(event)?.forEach((listener) => listener(...args)),
    app: {
      isPackaged: false,
      on: vi.fn((event: string, listener: (...args: unknown[]) => void) => {
        listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      }),
      whenReady: vi.fn(() => new Promise<void>((resolve) => (state.ready = resolve))),
      requestSingleInstanceLock: vi.fn(() => state.locked),
      getPath: vi.fn(() => state.userData),
      setPath: vi.fn((_name: string, path: string) => (state.userData = path)),
      quit: vi.fn(),
      exit: vi.fn(),
      setAsDefaultProtocolClient: vi.fn(() => true),
    },
    BrowserWindow: vi.fn(function BrowserWindow() {
      return window;
    }),
    dialog: { showErrorBox: vi.fn() },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    ipcMain: { handle: vi.fn(), removeHandler: vi.fn() },
    session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() } },
    shell: { openExternal: vi.fn() },
    Menu: { buildFromTemplate: vi.fn((template: unknown) => template), setApplicationMenu: vi.fn() },
    openAppData: vi.fn(),
  };
});

vi.mock('electron', () => ({
  app: mocks.app,
  BrowserWindow: mocks.BrowserWindow,
  dialog: mocks.dialog,
  protocol: mocks.protocol,
  ipcMain: mocks.ipcMain,
  session: mocks.session,
  shell: mocks.shell,
  Menu: mocks.Menu,
  nativeTheme: { shouldUseDarkColors: false },
}));
// Where the window was last (window.test.ts checks the window takes it); it reads the real electron otherwise.
vi.mock('electron-window-state', () => ({
  default: () => ({ x: undefined, y: undefined, width: 1200, height: 860, manage: vi.fn() }),
}));
vi.mock('../../electron/core/app-data.ts', () => ({ openAppData: mocks.openAppData }));
const openOutsideFiles = vi.hoisted(() => vi.fn(async () => undefined));
vi.mock('../../electron/main/open-outside.ts', () => ({ openOutsideFiles }));
const backups = vi.hoisted(() => ({ noteActivity: vi.fn(), onQuit: vi.fn(async () => undefined) }));
vi.mock('../../electron/main/library-backups.ts', () => ({
  LibraryBackups: vi.fn(function LibraryBackups() {
    return backups;
  }),
}));
const checkLibraryAtStart = vi.hoisted(() => vi.fn(async () => true));
vi.mock('../../electron/main/damaged-library.ts', () => ({ checkLibraryAtStart }));
const openOutsideLink = vi.hoisted(() => vi.fn());
vi.mock('../../electron/main/open-link.ts', () => ({ openOutsideLink }));
const log = vi.hoisted(() => ({ error: vi.fn(), warn: vi.fn(), info: vi.fn() }));
vi.mock('../../electron/main/log.ts', () => ({ log }));

/** The data is opened with the OS file dialog as its way to pick article files, and main's logger. */
const withFileDialog = {
  ports: {
    pickArticleFile: expect.any(Function),
    pickAnnotationFile: expect.any(Function),
    pickExportDestination: expect.any(Function),
    confirmOpenLink: expect.any(Function),
    openExternal: expect.any(Function),
    confirmInsideAddress: expect.any(Function),
    listBackups: expect.any(Function),
    restoreBackup: expect.any(Function),
    showContextMenu: expect.any(Function),
    settingsChanged: expect.any(Function),
  },
  log: expect.any(Function),
  warn: log.warn,
  importWorkerFile: expect.stringMatching(/import-worker\.(js|ts)$/),
};

async function startMain(): Promise<void> {
  vi.resetModules();
  await import('../../electron/main/index.ts');
}

async function becomeReady(): Promise<void> {
  mocks.state.ready();
  await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('main entry', () => {
  beforeEach(() => {
    vi.clearAllMocks();
    mocks.listeners.clear();
    mocks.state.locked = true;
    mocks.state.userData = '/home/reader/.config/Marginalia';
    vi.stubEnv('MARGINALIA_DATA_DIR', '');
    vi.stubEnv('ELECTRON_RENDERER_URL', '');
  });
  afterEach(() => vi.unstubAllEnvs());

  it('registers app:// before ready, then opens the data, serves, wires IPC and opens the window', async () => {
    const close = vi.fn();
    mocks.openAppData.mockReturnValue({ db: {}, dispatch: vi.fn(), close });
    await startMain();
    expect(mocks.protocol.registerSchemesAsPrivileged).toHaveBeenCalledOnce();
    expect(mocks.openAppData).not.toHaveBeenCalled();

    await becomeReady();
    expect(mocks.openAppData).toHaveBeenCalledExactlyOnceWith('/home/reader/.config/Marginalia', withFileDialog);
    expect(mocks.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(mocks.ipcMain.handle).toHaveBeenCalled();
    expect(mocks.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalledOnce();
    expect(mocks.window.loadURL).toHaveBeenCalledExactlyOnceWith('app://marginalia/index.html');
    // The application menu replaces Electron's default one, and the window follows the stored zoom.
    expect(mocks.Menu.setApplicationMenu).toHaveBeenCalledOnce();
    expect(mocks.window.webContents.on).toHaveBeenCalledWith('did-finish-load', expect.any(Function));
    expect(mocks.app.setPath).not.toHaveBeenCalled();

    // Settings the page stored: the window takes their zoom, and the menu is built again to show them.
    const [, opened] = mocks.openAppData.mock.calls[0] as [string, { ports: { settingsChanged(s: object): void } }];
    opened.ports.settingsChanged({ theme: 'dark', sidebarHidden: true, zoom: 1.5 });
    expect(mocks.window.webContents.setZoomFactor).toHaveBeenCalledExactlyOnceWith(1.5);
    expect(mocks.Menu.setApplicationMenu).toHaveBeenCalledTimes(2);

    // An unexpected handler error reaches main's logger, with its stack.
    const [, options] = mocks.openAppData.mock.calls[0] as [string, { log: (error: unknown) => void }];
    const failure = new Error('a bug in a handler');
    options.log(failure);
    expect(log.error).toHaveBeenCalledExactlyOnceWith('an IPC call failed unexpectedly:', failure);

    // Every IPC call counts as use for the hourly backup, and reaches the data's dispatcher.
    const [channel, handler] = mocks.ipcMain.handle.mock.calls[0] as [
      string,
      (event: unknown, input: unknown) => Promise<unknown>,
    ];
    const fromWindow = {
      sender: mocks.window.webContents,
      senderFrame: { url: 'app://marginalia/index.html', processId: 1, routingId: 1 },
    };
    await handler(fromWindow, undefined);
    expect(channel).toMatch(/^[a-z]+:[a-z-]+$/);
    expect(backups.noteActivity).toHaveBeenCalled();

    // Quitting closes the library, then waits for its backup, then quits for good.
    const preventDefault = vi.fn();
    mocks.emit('will-quit', { preventDefault });
    expect(close).toHaveBeenCalledOnce();
    expect(preventDefault).toHaveBeenCalledOnce();
    expect(backups.onQuit).toHaveBeenCalledOnce();
    await vi.waitFor(() => expect(mocks.app.quit).toHaveBeenCalledOnce());
    mocks.emit('will-quit', { preventDefault });
    expect(preventDefault).toHaveBeenCalledOnce();
    expect(close).toHaveBeenCalledOnce();
  });

  it('shows a refused database to the user and exits without touching it further', async () => {
    const refusal = new Error(
      'This database was written by a newer version of Marginalia (schema 9; this version knows up to 1).',
    );
    mocks.openAppData.mockImplementation(() => {
      throw refusal;
    });
    await startMain();
    await becomeReady();
    expect(mocks.dialog.showErrorBox).toHaveBeenCalledExactlyOnceWith(
      'Marginalia cannot open your library',
      expect.stringContaining(refusal.message),
    );
    expect(mocks.app.exit).toHaveBeenCalledWith(1);
    expect(log.error).toHaveBeenCalledExactlyOnceWith(
      'could not open the library in /home/reader/.config/Marginalia:',
      refusal,
    );
    expect(mocks.BrowserWindow).not.toHaveBeenCalled();
    expect(mocks.ipcMain.handle).not.toHaveBeenCalled();
    expect(mocks.openAppData).toHaveBeenCalledOnce();
  });

  it('hands over to the running instance when the lock is taken, and focuses its window on a second launch', async () => {
    mocks.state.locked = false;
    await startMain();
    expect(mocks.app.quit).toHaveBeenCalledOnce();
    expect(mocks.app.whenReady).not.toHaveBeenCalled();

    mocks.state.locked = true;
    mocks.openAppData.mockReturnValue({ db: {}, dispatch: vi.fn(), close: vi.fn() });
    await startMain();
    await becomeReady();
    mocks.emit('second-instance', {}, ['/usr/bin/electron', '.', '--flag', 'notes/field.md'], '/home/reader');
    expect(mocks.window.restore).toHaveBeenCalledOnce();
    expect(mocks.window.focus).toHaveBeenCalledOnce();
    // The second launch's file is opened by the running app, resolved against the folder it was launched from.
    expect(openOutsideFiles).toHaveBeenLastCalledWith(
      expect.objectContaining({ db: {} }),
      ['/home/reader/notes/field.md'],
      expect.any(Function),
    );
  });

  it('opens the files on its command line once the library is open, and macOS open-file ones too', async () => {
    const argv = process.argv;
    process.argv = ['/usr/bin/electron', '.', '/home/reader/a.txt'];
    try {
      mocks.openAppData.mockReturnValue({ db: {}, dispatch: vi.fn(), close: vi.fn() });
      await startMain();
      const preventDefault = vi.fn();
      mocks.emit('open-file', { preventDefault }, '/home/reader/b.html');
      expect(preventDefault).toHaveBeenCalledOnce();
      // Before ready there is no library to open them into: they wait.
      expect(openOutsideFiles).not.toHaveBeenCalled();
      await becomeReady();
      expect(openOutsideFiles).toHaveBeenCalledExactlyOnceWith(
        expect.objectContaining({ db: {} }),
        ['/home/reader/a.txt', '/home/reader/b.html'],
        expect.any(Function),
      );
    } finally {
      process.argv = argv;
    }
  });

  it('opens a window for a file or link that arrives while none is open (macOS keeps the app running)', async () => {
    mocks.openAppData.mockReturnValue({ db: {}, dispatch: vi.fn(), close: vi.fn() });
    await startMain();
    await becomeReady();
    expect(mocks.BrowserWindow).toHaveBeenCalledOnce();
    const closed = mocks.window.on.mock.calls.find(([event]) => event === 'closed')?.[1] as () => void;
    closed();
    mocks.emit('open-file', { preventDefault: vi.fn() }, '/home/reader/c.md');
    const [, , windowFor] = openOutsideFiles.mock.calls.at(-1) as unknown as [unknown, unknown, () => unknown];
    // Asked for the window to show the file in, main opens one, once.
    expect(windowFor()).toBe(mocks.window);
    expect(windowFor()).toBe(mocks.window);
    expect(mocks.BrowserWindow).toHaveBeenCalledTimes(2);
  });

  it('registers as the marginalia:// handler, and opens links from its command line, a second launch and open-url', async () => {
    const argv = process.argv;
    process.argv = ['/usr/bin/electron', '/home/reader/app', 'marginalia://open?article=3'];
    try {
      mocks.openAppData.mockReturnValue({ db: {}, dispatch: vi.fn(), close: vi.fn() });
      await startMain();
      // Unpackaged, the OS is told to start Electron with the app's folder.
      expect(mocks.app.setAsDefaultProtocolClient).toHaveBeenCalledWith('marginalia', process.execPath, [
        '/home/reader/app',
      ]);
      const preventDefault = vi.fn();
      mocks.emit('open-url', { preventDefault }, 'marginalia://open?article=4');
      expect(preventDefault).toHaveBeenCalledOnce();
      expect(openOutsideLink).not.toHaveBeenCalled();
      await becomeReady();
      mocks.emit('second-instance', {}, ['/usr/bin/electron', '.', 'marginalia://open?article=5'], '/home/reader');
      expect(openOutsideLink.mock.calls.map((call) => call[1])).toEqual([
        'marginalia://open?article=3',
        'marginalia://open?article=4',
        'marginalia://open?article=5',
      ]);
      // A link is never taken for a file to open.
      expect(openOutsideFiles).not.toHaveBeenCalledWith(
        expect.anything(),
        expect.arrayContaining([expect.stringContaining('marginalia:')]),
        expect.anything(),
      );
    } finally {
      process.argv = argv;
    }
  });

  it('checks the library before opening it, and quits without opening it when the user does not restore it', async () => {
    checkLibraryAtStart.mockResolvedValueOnce(false);
    await startMain();
    await becomeReady();
    expect(checkLibraryAtStart).toHaveBeenCalledWith('/home/reader/.config/Marginalia');
    expect(mocks.openAppData).not.toHaveBeenCalled();
    expect(mocks.app.exit).toHaveBeenCalledWith(1);
  });

  it('keeps everything in MARGINALIA_DATA_DIR when it is set, lock included', async () => {
    vi.stubEnv('MARGINALIA_DATA_DIR', '/tmp/marginalia-test');
    mocks.openAppData.mockReturnValue({ db: {}, dispatch: vi.fn(), close: vi.fn() });
    await startMain();
    expect(mocks.app.setPath).toHaveBeenCalledExactlyOnceWith('userData', '/tmp/marginalia-test');
    expect(mocks.app.setPath.mock.invocationCallOrder[0]).toBeLessThan(
      mocks.app.requestSingleInstanceLock.mock.invocationCallOrder[0] ?? 0,
    );
    await becomeReady();
    expect(mocks.openAppData).toHaveBeenCalledExactlyOnceWith('/tmp/marginalia-test', withFileDialog);
    // A run on a folder of its own does not take marginalia:// links from the user's own app.
    expect(mocks.app.setAsDefaultProtocolClient).not.toHaveBeenCalled();
  });

  it('loads the dev server in development', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173');
    mocks.openAppData.mockReturnValue({ db: {}, dispatch: vi.fn(), close: vi.fn() });
    await startMain();
    await becomeReady();
    expect(mocks.window.loadURL).toHaveBeenCalledExactlyOnceWith('http://localhost:5173');
  });

  it('ignores ELECTRON_RENDERER_URL in a packaged app', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173');
    mocks.app.isPackaged = true;
    mocks.openAppData.mockReturnValue({ db: {}, dispatch: vi.fn(), close: vi.fn() });
    try {
      await startMain();
      await becomeReady();
    } finally {
      mocks.app.isPackaged = false;
    }
    expect(mocks.window.loadURL).toHaveBeenCalledExactlyOnceWith('app://marginalia/index.html');
  });
});
