/**
 * An ISO 8601 date or date-time as another tool wrote it ("2015-01-28T12:00:00Z", Hypothesis'
 * "2021-03-04T05:06:07.123456+00:00", "2021-03-04 05:06"), as the app stores times: UTC, milliseconds, `Z`.
 * A time without a zone is read as UTC: the file does not say, and the importing machine's zone is no better a guess.
 * Undefined for anything else, so an unreadable time is treated as absent rather than stored as garbage.
 */
export function readTimestamp(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  // Already as the app stores it (every time in the app's own export): kept when it reads back as itself, which
  // also refuses 30 February and 24:00. Five times faster than the general path (~1.2 µs a time, a quarter of
  // reading a 100,000-highlight export: npm run bench, import-json-100k-parse-ms).
  if (storedForm.test(value) && isoOf(value) === value) return value;
  const match =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i.exec(
      value.trim(),
    );
  if (!match) return undefined;
  const [, year, month, day, hours = '00', minutes = '00', seconds = '00', fraction = '', zone = 'Z'] = match;
  // Date.parse rolls 30 February over into March: a day the calendar does not have is not the one the file meant.
  const calendarDay = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (calendarDay.getUTCMonth() !== Number(month) - 1 || calendarDay.getUTCDate() !== Number(day)) return undefined;
  const milliseconds = fraction.padEnd(3, '0').slice(0, 3);
  const offset = zone.toUpperCase() === 'Z' ? 'Z' : zoneOffset(zone);
  const time = Date.parse(`${year}-${month}-${day}T${hours}:${minutes}:${seconds}.${milliseconds}${offset}`);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** The form the app stores times in (Date#toISOString for years 0000–9999). */
const storedForm = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function isoOf(value: string): string | undefined {
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** `+02`, `+0200` and `+02:00` as `+02:00`, the form Date.parse reads. */
function zoneOffset(zone: string): string {
  const digits = zone.slice(1).replace(':', '').padEnd(4, '0');
  return `${zone[0]}${digits.slice(0, 2)}:${digits.slice(2)}`;
}
