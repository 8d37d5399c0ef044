import path from 'node:path';

import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { closeDatabase, openDatabase } from '../../db/connection.ts';
import { getSettings, setSettings } from '../../db/settings.ts';
import {
  followStoredZoom,
  libraryZoom,
  steppedZoom,
  zoomFactors,
  type ZoomTarget,
  zoomWindow,
} from '../../electron/main/zoom.ts';
import { makeTempDir } from '../db/temp-dir.ts';

/** A window's webContents as the zoom sees it: the factor it was set to, and its events to fire. */
function fakeContents() {
  const listeners = new Map<string, (...args: unknown[]) => void>();
  const contents = {
    factor: 1,
    setZoomFactor(factor: number) {
      contents.factor = factor;
    },
    on(event: string, listener: (...args: unknown[]) => void) {
      listeners.set(event, listener);
      return contents;
    },
    emit: (event: string, ...args: unknown[]) => listeners.get(event)?.({}, ...args),
  };
  return contents;
}
const asTarget = (contents: ReturnType<typeof fakeContents>) => contents as unknown as ZoomTarget;

describe('zoom steps', () => {
  it('go in and out through the browser’s factors, stopping at 50 % and 300 %; Actual Size is 100 %', () => {
    const upward = [0.5];
    while (upward.at(-1)! < 3) upward.push(steppedZoom(upward.at(-1)!, 'in'));
    expect(upward).toEqual([...zoomFactors]);
    expect(steppedZoom(3, 'in')).toBe(3);
    const downward = [3];
    while (downward.at(-1)! > 0.5) downward.push(steppedZoom(downward.at(-1)!, 'out'));
    expect(downward).toEqual([...zoomFactors].reverse());
    expect(steppedZoom(0.5, 'out')).toBe(0.5);
    expect(steppedZoom(2.5, 'reset')).toBe(1);
  });

  it('from a factor between steps (set in the page) go to the nearest step that way', () => {
    expect(steppedZoom(1.3, 'in')).toBe(1.5);
    expect(steppedZoom(1.3, 'out')).toBe(1.25);
    expect(steppedZoom(0.666, 'in')).toBe(0.75);
  });
});

describe('the window’s zoom', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let file: string;
  let db: Database | undefined;

  beforeEach(() => {
    temp = makeTempDir();
    file = path.join(temp.dir, 'zoom.db');
    db = openDatabase(file);
  });
  afterEach(() => {
    if (db) closeDatabase(db, console.warn);
    temp.cleanup();
  });

  it('is stepped, applied and kept in the library, and the next start’s window loads at it', () => {
    const store = libraryZoom(() => db);
    const window = fakeContents();
    followStoredZoom(asTarget(window), store);
    zoomWindow(asTarget(window), store, 'in');
    zoomWindow(asTarget(window), store, 'in');
    expect(window.factor).toBe(1.25);
    expect(getSettings(db!).zoom).toBe(1.25);

    closeDatabase(db!, console.warn);
    db = openDatabase(file);
    const next = fakeContents();
    followStoredZoom(
      asTarget(next),
      libraryZoom(() => db),
    );
    expect(next.factor).toBe(1);
    next.emit('did-finish-load');
    expect(next.factor).toBe(1.25);
  });

  it('follows Ctrl+wheel the same way, and a zoom the page stored is where the keys step from', () => {
    const store = libraryZoom(() => db);
    const window = fakeContents();
    followStoredZoom(asTarget(window), store);
    window.emit('zoom-changed', 'out');
    expect(window.factor).toBe(0.9);
    expect(getSettings(db!).zoom).toBe(0.9);
    setSettings(db!, { zoom: 2.2 });
    window.emit('zoom-changed', 'in');
    expect(window.factor).toBe(2.5);
    zoomWindow(asTarget(window), store, 'reset');
    expect([window.factor, getSettings(db!).zoom]).toEqual([1, 1]);
  });

  it('loads at 100 % and changes nothing while the library is closed (a restore)', () => {
    const window = fakeContents();
    window.factor = 2;
    const closed = libraryZoom(() => undefined);
    followStoredZoom(asTarget(window), closed);
    window.emit('did-finish-load');
    expect(window.factor).toBe(1);
    zoomWindow(asTarget(window), closed, 'in');
    expect(window.factor).toBe(1.1);
    expect(getSettings(db!).zoom).toBe(1);
  });
});
