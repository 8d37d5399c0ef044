import { describe, expect, it, vi } from 'vitest';

import { channelTable } from '../../common/contract.ts';

const electron = vi.hoisted(() => ({
  exposeInMainWorld: vi.fn(),
  invoke: vi.fn((channel: string) => Promise.resolve({ ok: true, value: channel })),
}));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: electron.exposeInMainWorld },
  ipcRenderer: { invoke: electron.invoke },
}));

await import('../../electron/preload/index.ts');
// Recorded now: the preload runs once, at import, and mocks may be cleared between tests.
const exposed = [...electron.exposeInMainWorld.mock.calls];

describe('preload', () => {
  it('exposes window.marginalia and nothing else', () => {
    expect(exposed.map(([name]) => name)).toEqual(['marginalia']);
  });

  it('turns each named verb into one invoke on its contract channel', async () => {
    const api = exposed[0]?.[1] as Record<string, Record<string, (input?: unknown) => Promise<unknown>>>;
    const table = channelTable();
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
