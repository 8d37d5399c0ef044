import type { DroppedFiles, Result } from '../../../common/contract.ts';

/**
 * The paths of files the user dropped, one per file and in order, from the preload's `marginaliaFiles`; '' for a file
 * that has none (one made by script) and for every file when there is no preload (the page opened on its own). The
 * renderer never builds a path itself: main opens only what the preload found for a real drop.
 */
export function droppedFilesToPaths(files: readonly File[]): string[] {
  return window.marginaliaFiles?.pathsOf([...files]) ?? files.map(() => '');
}

/**
 * Opens dropped files through the preload, which finds their paths itself: the renderer hands over File objects, never
 * a path. Without a preload nothing can be opened, and every file is refused.
 */
export function openDroppedFiles(files: readonly File[]): Promise<Result<DroppedFiles>> {
  const bridge = window.marginaliaFiles;
  if (bridge) return bridge.openDropped([...files]);
  const reason = 'it is not a file on this computer.';
  return Promise.resolve({
    ok: true,
    value: { opened: [], refused: files.map((file) => ({ file: file.name, reason })) },
  });
}
