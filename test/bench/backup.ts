/**
 * `node test/bench/backup.ts` (part of `npm run bench`): backing up a 100 MB library (issue 10: under 2 s, without
 * holding the main process for more than a frame), in a real SQLite file in the OS temp folder.
 *
 * Each run is `makeBackup` of the closed library (the app backs it up open, which reads the same pages), while a
 * `setImmediate` loop notes how long the event loop went without a turn: the longest such wait is the longest
 * synchronous step the backup took. The baseline, measured in the same run on the same disk, is a plain
 * `fs.copyFile` of the same file followed by an fsync (a backup is on disk when it is done, so the copy is too).
 * Also the checks the app will run on a file that size: `integrity_check` (the library at start) and
 * `quick_check` (each backup listed in the Restore dialog).
 *
 * Prints `BENCH backup-100mb-<figure> <value> <unit>`: `ms` (median of 5 runs), `longest-step-ms` (median over the
 * runs of each run's longest wait, and `-worst` of all), `file-copy-ms` and `vs-file-copy` (the ratio), `steps`.
 * BENCH_BACKUP_MB changes the size while working on it.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { copyFile, open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { checkLibraryFile } from '../../electron/core/backup/check-file.ts';
import { makeBackup } from '../../electron/core/backup/make-backup.ts';
import { libraryFile, makeBigLibrary } from '../core/backup/library-fixture.ts';
import { median, printFigure as print } from './figures.ts';

const megabytes = Number(process.env['BENCH_BACKUP_MB'] ?? 100);
const runs = 5;
const name = `backup-${megabytes}mb`;

/** Runs `work` while noting the longest time the event loop went without a turn. */
async function withLongestWait<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; longestWaitMs: number }> {
  let longestWaitMs = 0;
  let last = performance.now();
  let running = true;
  const tick = () => {
    const now = performance.now();
    longestWaitMs = Math.max(longestWaitMs, now - last);
    last = now;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  const started = performance.now();
  const value = await work();
  const ms = performance.now() - started;
  running = false;
  return { value, ms, longestWaitMs };
}

async function copyAndSync(from: string, to: string): Promise<void> {
  await copyFile(from, to);
  const handle = await open(to, 'r+');
  await handle.sync();
  await handle.close();
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'marginalia-bench-backup-'));
try {
  makeBigLibrary(dataDir, megabytes);
  const file = libraryFile(dataDir);
  print(`${name}-library-bytes`, statSync(file).size, 'bytes');

  const times: number[] = [];
  const longest: number[] = [];
  const copies: number[] = [];
  let steps = 0;
  for (let run = 0; run < runs; run += 1) {
    const backup = await withLongestWait(() => makeBackup(dataDir, 'manual'));
    times.push(backup.ms);
    longest.push(backup.longestWaitMs);
    steps = backup.value.copy.steps;
    rmSync(backup.value.file);
    const started = performance.now();
    await copyAndSync(file, path.join(dataDir, 'plain-copy.db'));
    copies.push(performance.now() - started);
    rmSync(path.join(dataDir, 'plain-copy.db'));
  }
  print(`${name}-ms`, median(times), 'ms');
  print(`${name}-longest-step-ms`, median(longest), 'ms');
  print(`${name}-longest-step-worst-ms`, Math.max(...longest), 'ms');
  print(`${name}-steps`, steps, 'count');
  print(`${name}-file-copy-ms`, median(copies), 'ms');
  print(`${name}-vs-file-copy`, median(times) / median(copies), 'x');

  let started = performance.now();
  const integrity = checkLibraryFile(file, 'integrity');
  print(`${name}-integrity-check-ms`, performance.now() - started, 'ms');
  started = performance.now();
  const quick = checkLibraryFile(file, 'quick');
  print(`${name}-quick-check-ms`, performance.now() - started, 'ms');
  if (!integrity.ok || !quick.ok) throw new Error('the generated library failed its check');
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
