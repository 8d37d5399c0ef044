import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { readTimestamp } from '../../../electron/core/annotation-import/timestamps.ts';

describe('readTimestamp', () => {
  it('keeps a time already in the stored form, for every instant of years 0000–9999', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('0000-01-01T00:00:00.000Z'),
          max: new Date('9999-12-31T23:59:59.999Z'),
          noInvalidDate: true,
        }),
        (date) => {
          expect(readTimestamp(date.toISOString())).toBe(date.toISOString());
        },
      ),
    );
  });

  it('reads other tools’ forms as UTC with milliseconds', () => {
    expect(readTimestamp('2015-01-28T12:00:00Z')).toBe('2015-01-28T12:00:00.000Z');
    expect(readTimestamp('2021-03-04T05:06:07.123456+00:00')).toBe('2021-03-04T05:06:07.123Z');
    expect(readTimestamp('2021-03-04 05:06')).toBe('2021-03-04T05:06:00.000Z');
    expect(readTimestamp('2021-03-04T05:06:07.123+0200')).toBe('2021-03-04T03:06:07.123Z');
    expect(readTimestamp(' 2021-03-04T05:06:07.123Z ')).toBe('2021-03-04T05:06:07.123Z');
  });

  it('refuses a day the calendar does not have, in the stored form too, and what is not a time', () => {
    expect(readTimestamp('2021-02-30T00:00:00.000Z')).toBeUndefined();
    expect(readTimestamp('2021-02-29T10:00:00.000Z')).toBeUndefined();
    expect(readTimestamp('2021-13-01T00:00:00.000Z')).toBeUndefined();
    expect(readTimestamp('2021-03-04T25:00:00.000Z')).toBeUndefined();
    expect(readTimestamp('yesterday')).toBeUndefined();
    expect(readTimestamp(1_614_834_367_000)).toBeUndefined();
  });

  it('reads 24:00 as the next midnight, as Date does', () => {
    expect(readTimestamp('2021-03-04T24:00:00.000Z')).toBe('2021-03-05T00:00:00.000Z');
  });
});
