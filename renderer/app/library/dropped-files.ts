// The window's bridge types (renderer/env.d.ts), named here too so the renderer tests' project, which compiles this
// file without the renderer's own declarations, knows them.
import type {} from '../../env.d.ts';

/**
 * The paths of files the user dropped, one per file and in order, from the preload's `marginaliaFiles`; '' for a file
 * that has none (one made by script) and for every file when there is no preload (the page opened on its own). The
 * renderer never builds a path itself: main opens only what the preload found for a real drop.
 */
export function droppedFilesToPaths(files: readonly File[]): string[] {
  return window.marginaliaFiles?.pathsOf([...files]) ?? files.map(() => '');
}
