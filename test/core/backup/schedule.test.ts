import { describe, expect, it } from 'vitest';

import { BackupSchedule } from '../../../electron/core/backup/schedule.ts';

const minute = 60_000;

/** A schedule on a clock the test moves. */
function scheduleOnFakeClock(): { schedule: BackupSchedule; advance(ms: number): void } {
  let now = 1_000_000;
  return {
    schedule: new BackupSchedule({ now: () => now }),
    advance: (ms) => {
      now += ms;
    },
  };
}

describe('BackupSchedule', () => {
  it('is due after an hour of steady use, and counts afresh after a backup', () => {
    const { schedule, advance } = scheduleOnFakeClock();
    schedule.noteActivity();
    for (let n = 0; n < 59; n += 1) {
      advance(minute);
      expect(schedule.noteActivity()).toBe(false);
    }
    expect(schedule.useUntilDueMs()).toBe(minute);
    advance(minute);
    expect(schedule.noteActivity()).toBe(true);
    schedule.backedUp();
    expect(schedule.isDue()).toBe(false);
    expect(schedule.useSinceBackupMs()).toBe(0);
    advance(30 * minute);
    schedule.noteActivity();
    expect(schedule.useSinceBackupMs()).toBe(5 * minute);
  });

  it('counts reading without clicks for 5 minutes after each sign, and a night asleep as 5 minutes', () => {
    const { schedule, advance } = scheduleOnFakeClock();
    schedule.noteActivity();
    advance(3 * minute);
    expect(schedule.useSinceBackupMs()).toBe(3 * minute);
    advance(8 * 60 * minute);
    expect(schedule.useSinceBackupMs()).toBe(5 * minute);
    expect(schedule.isDue()).toBe(false);
    schedule.noteActivity();
    advance(minute);
    expect(schedule.useSinceBackupMs()).toBe(6 * minute);
  });

  it('never counts more use than time passed, nor anything for a clock set back', () => {
    const { schedule, advance } = scheduleOnFakeClock();
    for (let n = 0; n < 1000; n += 1) {
      schedule.noteActivity();
      advance(3_000);
    }
    expect(schedule.useSinceBackupMs()).toBe(1000 * 3_000);
    // Set back 10 minutes: the stretch in progress (3 s) is not counted, the gap neither; then use counts again.
    advance(-10 * minute);
    schedule.noteActivity();
    expect(schedule.useSinceBackupMs()).toBe(999 * 3_000);
    advance(minute);
    expect(schedule.useSinceBackupMs()).toBe(999 * 3_000 + minute);
  });

  it('counts nothing before the first sign of use', () => {
    const { schedule, advance } = scheduleOnFakeClock();
    advance(2 * 60 * minute);
    expect(schedule.useSinceBackupMs()).toBe(0);
    expect(schedule.isDue()).toBe(false);
  });
});
