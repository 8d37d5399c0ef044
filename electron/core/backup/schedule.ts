/** How much use between hourly backups. */
const defaultIntervalMs = 60 * 60 * 1000;

/**
 * How long after a sign of activity the user still counts as using the app: reading a long article is use, though
 * nothing is clicked; a night with the lid closed is not, and counts for at most this much.
 */
const defaultPresenceMs = 5 * 60 * 1000;

/** Options for BackupSchedule; tests pass a fake clock. */
export interface BackupScheduleOptions {
  /** Milliseconds since any fixed origin (Date.now, performance.now). */
  now: () => number;
  intervalMs?: number;
  presenceMs?: number;
}

/**
 * Says when the hourly backup is due: after an hour of use since the last backup, not an hour of wall time.
 *
 * "Use" is the time from each sign of activity (`noteActivity`: a click, a key, an IPC call) to the next, but at
 * most `presenceMs` (5 minutes) of it. So use never outruns the clock (at most an hour counted per hour), steady
 * reading counts in full, and a machine asleep or left alone counts 5 minutes however long it was away. A clock
 * set back counts nothing for that gap. Pure state over `now()`: the caller owns the timers.
 */
export class BackupSchedule {
  private readonly now: () => number;
  private readonly intervalMs: number;
  private readonly presenceMs: number;
  /** Use counted in finished stretches since the last backup. */
  private counted = 0;
  /** The current stretch of presence: from the last sign (or the last backup, if later) to its end. */
  private presentFrom: number | undefined;
  private presentUntil = 0;

  constructor(options: BackupScheduleOptions) {
    this.now = options.now;
    this.intervalMs = options.intervalMs ?? defaultIntervalMs;
    this.presenceMs = options.presenceMs ?? defaultPresenceMs;
  }

  /** The user did something. Returns whether the hourly backup is due now. */
  noteActivity(): boolean {
    const now = this.now();
    this.counted += this.openStretch(now);
    this.presentFrom = now;
    this.presentUntil = now + this.presenceMs;
    return this.isDue();
  }

  /** Whether an hour of use has passed since the last backup. */
  isDue(): boolean {
    return this.useSinceBackupMs() >= this.intervalMs;
  }

  /** Use since the last backup, in milliseconds. */
  useSinceBackupMs(): number {
    return this.counted + this.openStretch(this.now());
  }

  /** How much more use makes the backup due (0 when due). */
  useUntilDueMs(): number {
    return Math.max(0, this.intervalMs - this.useSinceBackupMs());
  }

  /** A backup was made (hourly, or any other): use is counted afresh from now. */
  backedUp(): void {
    const now = this.now();
    this.counted = 0;
    if (this.presentFrom !== undefined) this.presentFrom = Math.max(this.presentFrom, now);
  }

  /** The part of the current stretch of presence that lies before `now`. */
  private openStretch(now: number): number {
    if (this.presentFrom === undefined) return 0;
    return Math.max(0, Math.min(now, this.presentUntil) - this.presentFrom);
  }
}
