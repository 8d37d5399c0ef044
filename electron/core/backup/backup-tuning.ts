/**
 * The tuned numbers of the backup engine, each with the figure that chose it. Measured on the development machine
 * (2 cores, ext4 on a virtual disk) with `node test/bench/backup.ts`, a 100 MB library of 4 KiB pages.
 */

/**
 * How much the online backup copies in one synchronous step (better-sqlite3 runs one step per event-loop turn).
 * Steps of 100 pages (400 KiB) took 1.5–2 ms, 1,000 pages (~4 MiB) 9–10 ms; 1 MiB steps took ~2–4 ms, a rare one
 * up to 15 ms: room for a machine a few times slower within a 16 ms frame, while 100 MB is still only 98 steps
 * (the whole backup 0.23–0.36 s here, against 2 s allowed; 88 ms for a plain copy and fsync of the file).
 */
export const bytesPerStep = 1 << 20;

/**
 * How often, in bytes copied, the half-made backup is flushed to disk from the thread pool. Without it, the last
 * step (SQLite commits the copy and fsyncs it) had 100 MB of unwritten data to push out and took 110–235 ms; with
 * a flush every 4 MiB it took 33–47 ms: what SQLite still holds in its page cache of the copy (better-sqlite3's
 * 16 MB) written and fsynced. That one step is longer than a frame and no step size shortens it (better-sqlite3
 * gives no say over the copy's connection). makeBackup's `workerFile` runs the same copy in a worker thread: 100 MB
 * in 0.39 s, and a 1 ms timer on the caller's loop was never more than 3.6–6.4 ms late.
 */
export const bytesBetweenFlushes = 4 << 20;

/** How many of the newest backups rotation keeps, whatever their age (issue 10: "the last 10"). */
export const keptNewest = 10;

/** For how many days (today and the days before it, local time) rotation keeps the newest backup of each day. */
export const keptDays = 7;

/**
 * A half-made backup older than this is left over from a crash, never one still being written (a 100 MB backup
 * takes well under a second), so rotation removes it.
 */
export const abandonedPartialAgeMs = 60 * 60 * 1000;
