import path from 'node:path';

import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { ContextMenuRequest } from '../../common/commands.ts';
import type { MainApi } from '../../common/contract.ts';
import { defaultSettings, type Settings } from '../../common/model.ts';
import { closeDatabase, openDatabase } from '../../db/connection.ts';
import { createDispatch } from '../../electron/ipc/dispatch.ts';
import { createHandlers, noUserPorts } from '../../electron/ipc/handlers.ts';
import { makeTempDir } from '../db/temp-dir.ts';
import { dispatchApi } from '../harness/dispatch-api.ts';

/** The handlers' two menu ports: main's native context menu and main hearing of changed settings (zoom, menu). */
let temp: ReturnType<typeof makeTempDir>;
let db: Database;
let api: MainApi;
let changed: Settings[];
let menus: ContextMenuRequest[];

beforeEach(() => {
  temp = makeTempDir();
  db = openDatabase(path.join(temp.dir, 'test.db'));
  changed = [];
  menus = [];
  const ports = {
    ...noUserPorts,
    settingsChanged: (settings: Settings) => changed.push(settings),
    showContextMenu: async (request: ContextMenuRequest) => {
      menus.push(request);
      return 'color:pink' as const;
    },
  };
  api = dispatchApi(createDispatch(createHandlers(db, ports), (error) => expect.fail(String(error))));
});

afterEach(() => {
  closeDatabase(db, console.warn);
  temp.cleanup();
});

describe('the menu ports', () => {
  it('tell main every stored change of settings, with all of them, and nothing of a refused one', async () => {
    await api.settings.set({ zoom: 1.5 });
    await api.settings.set({ theme: 'dark' });
    expect(changed).toEqual([
      { ...defaultSettings, zoom: 1.5 },
      { ...defaultSettings, zoom: 1.5, theme: 'dark' },
    ]);
    const refused = await (api.settings.set as (input: unknown) => Promise<unknown>)({ zoom: 9 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(changed).toHaveLength(2);
  });

  it('hand main’s context menu the checked request and the page its choice', async () => {
    const request = { kind: 'highlight', color: 'blue', text: 'a quote', cited: '“a quote”' } as const;
    await expect(api.menus.context(request)).resolves.toEqual({ ok: true, value: 'color:pink' });
    expect(menus).toEqual([request]);
  });
});
