import { describe, expect, it, vi } from 'vitest';

import { menuCommands } from '../../common/commands.ts';
import { pageChannelTable } from '../../common/contract.ts';

const electron = vi.hoisted(() => ({
  exposeInMainWorld: vi.fn(),
  invoke: vi.fn((channel: string) => Promise.resolve({ ok: true, value: channel })),
  on: vi.fn(),
  getPathForFile: vi.fn((file: { name: string }) =>
    file.name === 'made-by-script' ? '' : `/home/reader/${file.name}`,
  ),
}));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: electron.exposeInMainWorld },
  ipcRenderer: { invoke: electron.invoke, on: electron.on },
  webUtils: { getPathForFile: electron.getPathForFile },
}));

await import('../../electron/preload/index.ts');
// Recorded now: the preload runs once, at import, and mocks may be cleared between tests.
const exposed = [...electron.exposeInMainWorld.mock.calls];
const subscriptions = [...electron.on.mock.calls];

describe('preload', () => {
  it('exposes window.marginalia, the dropped-file paths and main’s pushes, and nothing else', () => {
    expect(exposed.map(([name]) => name)).toEqual([
      'marginalia',
      'marginaliaFiles',
      'marginaliaEvents',
      'marginaliaMenu',
    ]);
  });

  it('gives a dropped file’s path, and none for a file made by script', () => {
    const files = exposed[1]?.[1] as { pathsOf(files: Array<{ name: string }>): string[] };
    expect(files.pathsOf([{ name: 'notes.md' }, { name: 'made-by-script' }])).toEqual(['/home/reader/notes.md', '']);
  });

  it('opens dropped files by the paths it finds itself, and the page cannot name a path', async () => {
    const files = exposed[1]?.[1] as { openDropped(files: Array<{ name: string }>): Promise<unknown> };
    electron.invoke.mockClear();
    await files.openDropped([{ name: 'notes.md' }, { name: 'made-by-script' }, { name: 'page.html' }]);
    expect(electron.invoke).toHaveBeenCalledExactlyOnceWith('articles:open-dropped', {
      paths: ['/home/reader/notes.md', '/home/reader/page.html'],
    });
    const api = exposed[0]?.[1] as Record<string, Record<string, unknown>>;
    expect(api['articles']).not.toHaveProperty('openDropped');
  });

  it('keeps articles main opened before the page listens, then hands over each as it comes', () => {
    const events = exposed[2]?.[1] as { onArticleOpened(listener: (opened: unknown) => void): () => void };
    const [channel, deliver] = subscriptions[0] as [string, (event: unknown, opened: unknown) => void];
    expect(channel).toBe('events:article-opened');
    deliver({}, { id: 'early' });
    const seen: unknown[] = [];
    const stop = events.onArticleOpened((opened) => seen.push(opened));
    expect(seen).toEqual([{ id: 'early' }]);
    deliver({}, { id: 'later' });
    expect(seen).toEqual([{ id: 'early' }, { id: 'later' }]);
    stop();
    deliver({}, { id: 'unheard' });
    expect(seen).toHaveLength(2);
  });

  it('keeps marginalia:// links main was handed until the page listens, apart from articles', () => {
    const events = exposed[2]?.[1] as { onLinkOpened(listener: (link: unknown) => void): () => void };
    const link = subscriptions.find(([channel]) => channel === 'events:link-opened') as
      [string, (event: unknown, link: unknown) => void] | undefined;
    expect(link).toBeDefined();
    link?.[1]({}, { articleId: 3, annotationId: null });
    const seen: unknown[] = [];
    const stop = events.onLinkOpened((pushed) => seen.push(pushed));
    expect(seen).toEqual([{ articleId: 3, annotationId: null }]);
    stop();
  });

  it('passes on the application menu’s commands while the page listens, and nothing outside their vocabulary', () => {
    const menu = exposed[3]?.[1] as { onCommand(listener: (command: unknown) => void): () => void };
    const [, deliver] = subscriptions.find(([channel]) => channel === 'events:menu-command') as [
      string,
      (event: unknown, command: unknown) => void,
    ];
    deliver({}, 'toggle-sidebar');
    const seen: unknown[] = [];
    const stop = menu.onCommand((command) => seen.push(command));
    expect(seen).toEqual([]);
    for (const command of [...menuCommands, 'rm -rf', { command: 'undo' }, 'theme:neon']) deliver({}, command);
    expect(seen).toEqual(menuCommands);
    stop();
    deliver({}, 'undo');
    expect(seen).toHaveLength(menuCommands.length);
  });

  it('turns each named verb into one invoke on its contract channel', async () => {
    const api = exposed[0]?.[1] as Record<string, Record<string, (input?: unknown) => Promise<unknown>>>;
    const table = pageChannelTable();
    expect(Object.keys(api)).toEqual(Object.keys(table));
    for (const [group, verbs] of Object.entries(table)) {
      expect(Object.keys(api[group] ?? {})).toEqual(Object.keys(verbs));
      for (const [verb, channel] of Object.entries(verbs)) {
        electron.invoke.mockClear();
        await expect(api[group]?.[verb]?.({ probe: verb })).resolves.toEqual({ ok: true, value: channel });
        expect(electron.invoke).toHaveBeenCalledExactlyOnceWith(channel, { probe: verb });
      }
    }
  });
});
