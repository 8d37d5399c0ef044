import type { Database } from 'better-sqlite3';
import type { WebContents } from 'electron';

import { settingRanges } from '../../common/model.ts';
import { getSettings, setSettings } from '../../db/settings.ts';

/**
 * The window's zoom, main's own: the menu's Zoom In, Zoom Out and Actual Size (Ctrl/⌘ +, − and 0) and Ctrl+wheel
 * step it, a zoom the page sets (settings:set) is applied as it is stored, and the stored one is applied whenever the
 * page loads. Main is the only writer of the stored factor besides settings:set itself.
 *
 * Pinch-to-zoom stays off: Electron leaves visual zoom disabled by default (webContents.setVisualZoomLevelLimits'
 * documentation), and a pinch's magnified view would be a second zoom that is neither kept nor undone by Actual Size.
 * Ctrl+mouse wheel comes to main as webContents' 'zoom-changed' (Electron does not zoom by itself then) and steps the
 * same factors as the keys, stored the same way.
 */

/** The factors Zoom In and Zoom Out step through: Chromium's own page-zoom steps, within the setting's range. */
export const zoomFactors = [0.5, 0.67, 0.75, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3] as const;

/** Which way to zoom: a step in, a step out, or back to 100 %. */
export type ZoomStep = 'in' | 'out' | 'reset';

/** Factors closer than this are the same step (0.67 is two thirds, rounded). */
const sameStep = 0.005;

/**
 * The factor one step from `factor`: the next larger or smaller of `zoomFactors`, staying at the ends; a factor
 * between steps (the page's zoom control may set any) goes to the nearest step that way. `reset` is 1.
 */
export function steppedZoom(factor: number, step: ZoomStep): number {
  if (step === 'reset') return settingRanges.zoom.default;
  if (step === 'in') return zoomFactors.find((next) => next > factor + sameStep) ?? settingRanges.zoom.max;
  return [...zoomFactors].reverse().find((next) => next < factor - sameStep) ?? settingRanges.zoom.min;
}

/** Where the zoom factor is kept: the library's settings (db/settings.ts). */
export interface ZoomStore {
  /** The stored factor; undefined while the library is closed (a restore). */
  read(): number | undefined;
  write(factor: number): void;
}

/** The zoom as the library keeps it; `db` is undefined while the library is closed. */
export function libraryZoom(db: () => Database | undefined): ZoomStore {
  return {
    read: () => {
      const open = db();
      return open ? getSettings(open).zoom : undefined;
    },
    write: (factor) => {
      const open = db();
      if (open) setSettings(open, { zoom: factor });
    },
  };
}

/** The part of a window's webContents the zoom uses. */
export type ZoomTarget = Pick<WebContents, 'setZoomFactor' | 'on'>;

/** Steps the window's zoom from the stored factor, applies it and stores it. */
export function zoomWindow(contents: ZoomTarget, store: ZoomStore, step: ZoomStep): void {
  const next = steppedZoom(store.read() ?? settingRanges.zoom.default, step);
  contents.setZoomFactor(next);
  store.write(next);
}

/**
 * Keeps a window at the stored zoom: applied each time its page has loaded (at start, and after the reload that
 * follows a restore), and Ctrl+wheel stepping it like the keys.
 */
export function followStoredZoom(contents: ZoomTarget, store: ZoomStore): void {
  contents.on('did-finish-load', () => contents.setZoomFactor(store.read() ?? settingRanges.zoom.default));
  contents.on('zoom-changed', (_event, direction) => zoomWindow(contents, store, direction));
}
