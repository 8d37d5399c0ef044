/** Reading JSON of unknown shape without casts: each helper answers with the value, or undefined when it is not one. */

/** A JSON object (not an array, not null). */
export function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** A string, or undefined. */
export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A value JSON-LD allows to be one thing or a list of things, always as a list (empty when absent). */
export function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** A whole number at or above 0, or undefined. */
export function asOffset(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}

/** The strings of a list, the rest left out. */
export function strings(value: unknown): string[] {
  return asList(value).filter((item): item is string => typeof item === 'string');
}
