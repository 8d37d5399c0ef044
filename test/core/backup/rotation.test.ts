import { mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { backupFileName, parseBackupName } from '../../../electron/core/backup/backup-names.ts';
import { backupsToDelete, rotateBackups } from '../../../electron/core/backup/rotation.ts';
import { makeTempDir } from '../../db/temp-dir.ts';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

const hourMs = 60 * 60 * 1000;

/** A data folder whose backups/ folder exists; backups are empty files here, since rotation reads only names. */
function backupsDir(): { dataDir: string; folder: string } {
  const { dir, cleanup } = makeTempDir();
  cleanups.push(cleanup);
  const folder = path.join(dir, 'backups');
  mkdirSync(folder);
  return { dataDir: dir, folder };
}

describe('rotation', () => {
  it('keeps exactly the last 10 and the newest of each of the last 7 days across 3 weeks of hourly backups', async () => {
    const { dataDir, folder } = backupsDir();
    // Local times, so the test means the same days in every time zone.
    const start = new Date(2026, 10, 30, 12, 15).getTime();
    const end = new Date(2026, 11, 21, 12, 15).getTime();
    let made = 0;
    for (let time = start; time <= end; time += hourMs) {
      const name = backupFileName(new Date(time), 'hourly');
      writeFileSync(path.join(folder, name), '');
      made += 1;
      await rotateBackups(dataDir, { justMade: name, now: () => new Date(time + 1000) });
      const left = readdirSync(folder);
      expect(left).toContain(name);
      expect(left.length).toBeLessThanOrEqual(10 + 6);
    }
    expect(made).toBeGreaterThan(21 * 24 - 2);

    const kept = readdirSync(folder)
      .map((name) => parseBackupName(name)?.createdAt ?? new Date(Number.NaN))
      .sort((a, b) => a.getTime() - b.getTime());
    const newestTen = kept.slice(-10);
    const daily = kept.slice(0, -10);
    // The last 10 hours of Dec 21 (03:15–12:15), all today; then 23:15 of each of Dec 15–20.
    expect(newestTen[0]?.getTime()).toBe(end - 9 * hourMs);
    expect(newestTen.every((time, n) => time.getTime() === end - (9 - n) * hourMs)).toBe(true);
    expect(daily.map((time) => [time.getDate(), time.getHours(), time.getMinutes()])).toEqual(
      [15, 16, 17, 18, 19, 20].map((day) => [day, 23, 15]),
    );
  });

  it('never deletes the backup just made, even when a clock set back dates it before the others', () => {
    const now = new Date(2026, 11, 2, 9, 0);
    const future = Array.from({ length: 12 }, (_, n) =>
      parseBackupName(backupFileName(new Date(now.getTime() + (n + 1) * hourMs), 'hourly')),
    ).flatMap((name) => name ?? []);
    const justMade = parseBackupName(backupFileName(now, 'quit'));
    if (!justMade) throw new Error('unparsed');
    const deleted = backupsToDelete([...future, justMade], now, justMade.name).map((backup) => backup.name);
    expect(deleted).not.toContain(justMade.name);
    expect(deleted).toHaveLength(2);
  });

  it('never touches files that are not its own, and removes only half-made backups a crash left long ago', async () => {
    const { dataDir, folder } = backupsDir();
    const now = new Date(2026, 11, 2, 9, 0);
    const foreign = [
      'notes.txt',
      'marginalia.db',
      'marginalia-2026-12-02T07-15-03.123Z-quit.db.bak',
      'marginalia-old.db',
    ];
    for (const name of foreign) writeFileSync(path.join(folder, name), 'mine');
    mkdirSync(path.join(folder, backupFileName(new Date(2020, 0, 1), 'quit')));
    const old = `${backupFileName(new Date(2026, 11, 1), 'hourly')}.partial`;
    const fresh = `${backupFileName(new Date(2026, 11, 2, 8, 59), 'hourly')}.partial`;
    for (const name of [old, `${old}-journal`, fresh]) writeFileSync(path.join(folder, name), '');
    const twoHoursAgo = (now.getTime() - 2 * hourMs) / 1000;
    utimesSync(path.join(folder, old), twoHoursAgo, twoHoursAgo);
    utimesSync(path.join(folder, `${old}-journal`), twoHoursAgo, twoHoursAgo);
    const aMinuteAgo = (now.getTime() - 60_000) / 1000;
    utimesSync(path.join(folder, fresh), aMinuteAgo, aMinuteAgo);
    const backups = Array.from({ length: 30 }, (_, n) =>
      backupFileName(new Date(now.getTime() - n * 10 * hourMs), 'hourly'),
    );
    for (const name of backups) writeFileSync(path.join(folder, name), '');

    const deleted = await rotateBackups(dataDir, { now: () => now });

    const left = readdirSync(folder);
    for (const name of [...foreign, fresh, backupFileName(new Date(2020, 0, 1), 'quit')]) expect(left).toContain(name);
    expect(deleted).toContain(old);
    expect(deleted).toContain(`${old}-journal`);
    // 30 backups 10 hours apart, back from Dec 2 09:00: the newest 10 reach Nov 28 15:00 (5 days); the week
    // (Dec 2 back to Nov 26) adds the newest of Nov 27 (19:00, the 12th) and of Nov 26 (23:00, the 14th).
    const keptBackups = backups.filter((name) => left.includes(name));
    expect(keptBackups).toEqual([...backups.slice(0, 10), backups[11], backups[13]]);
    expect(deleted.length).toBe(30 - 12 + 2);
  });
});
