/**
 * How a tag as typed (or as read from an imported file) becomes the tag that is stored: main (db/tags.ts), the IPC
 * check (common/schemas.ts) and the renderer (renderer/app/highlights/tag-text.ts) all use this one rule, so the
 * tag the user sees is the tag that is kept.
 */

/**
 * A tag trimmed, with each run of spaces and control characters folded to one space; '' when nothing is left.
 * Control characters go because SQLite's length() stops at a NUL, so a tag "\u0000" would fail the table's
 * "1 to 100 characters" check (and a whole import with it), and because no one means to tag with an invisible byte.
 */
export function normaliseTag(typed: string): string {
  return typed.replace(/[\s\p{Cc}]+/gu, ' ').trim();
}
